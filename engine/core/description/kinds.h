#pragma once
// Every object kind, animation kind and beat kind of the scene format, registered once. The
// reader dispatches through these tables, the writer names kinds from them (objectTypeName,
// beatName), error messages list their names, and
// tests/unit/scene_description_test.cpp checks that docs/scene-format.md lists exactly them.
#include <cstddef>
#include <span>
#include <string>
#include <type_traits>
#include <variant>

#include "core/description/scene_description.h"
#include "core/io/json_document.h"

namespace flowview::description {

struct ReadContext;

// The index of `T` among the alternatives of `Variant` (ObjectShape, BeatKind).
template <typename T, typename Variant>
inline constexpr std::size_t kAlternative = std::variant_size_v<Variant>;
template <typename T, typename... Ts>
inline constexpr std::size_t kAlternative<T, std::variant<Ts...>> = [] {
  constexpr bool same[] = {std::is_same_v<T, Ts>...};
  std::size_t i = 0;
  while (i < sizeof...(Ts) && !same[i]) ++i;
  return i;
}();

struct ObjectKind {
  const char* name;
  std::size_t shape;  // its ObjectShape alternative (kAlternative)
  // Reads the kind's own fields (the common ones are read already) into `object.shape`.
  void (*read)(io::ObjectReader& reader, ObjectDescription& object, ReadContext& context);
};

struct AnimationKind {
  const char* name;
  bool takes_target;  // every kind but camera
  bool takes_rate;    // not remove, indicate
  bool takes_shift;   // fade_in, fade_out, move
};

struct BeatKindEntry {
  const char* name;
  std::size_t kind;  // its BeatKind alternative (kAlternative)
  bool needs_network_flow;
  bool needs_tokens;  // a show_tokens beat before it
  bool takes_parts;   // the "parts" option (network-flow beats that register parts)
  BeatKind (*read)(io::ObjectReader& reader, ReadContext& context);
};

std::span<const ObjectKind> objectKinds();
std::span<const AnimationKind> animationKinds();
std::span<const BeatKindEntry> beatKinds();

// nullptr when `name` is not a kind.
const ObjectKind* findObjectKind(const std::string& name);
const AnimationKind* findAnimationKind(const std::string& name);
const BeatKindEntry* findBeatKind(const std::string& name);

// "a, b, c": the names as error messages list them.
std::string objectKindNames();
std::string animationKindNames();
std::string beatKindNames();

}  // namespace flowview::description
