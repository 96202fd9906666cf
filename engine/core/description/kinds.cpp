#include "core/description/kinds.h"

#include <algorithm>
#include <cstring>

#include "core/description/read_context.h"

namespace flowview::description {
namespace {

// A row that knows its variant alternative (objectTypeName, beatName find names by it).
template <typename Shape>
constexpr ObjectKind objectKind(const char* name,
                                void (*read)(io::ObjectReader&, ObjectDescription&, ReadContext&)) {
  return {name, kAlternative<Shape, ObjectShape>, read};
}

// The order is the order of the names in messages and docs.
constexpr ObjectKind kObjectKinds[] = {
    objectKind<TextObject>("text", readTextObject),
    objectKind<FormulaObject>("formula", readFormulaObject),
    objectKind<RectangleObject>("rectangle", readRectangleObject),
    objectKind<CircleObject>("circle", readCircleObject),
    objectKind<BoxObject>("box", readBoxObject),
    objectKind<LineObject>("line", readLineObject),
    objectKind<LineObject>("arrow", readArrowObject),  // LineObject::arrow
    objectKind<BraceObject>("brace", readBraceObject),
    objectKind<SpheresObject>("spheres", readSpheresObject),
    objectKind<BarsObject>("bars", readBarsObject),
    objectKind<GroupObject>("group", readGroupObject),
    objectKind<MatrixObject>("matrix", readMatrixObject),
};

constexpr AnimationKind kAnimationKinds[] = {
    // name, takes_target, takes_rate, takes_shift
    {"fade_in", true, true, true},
    {"fade_out", true, true, true},
    {"show_creation", true, true, false},
    {"write", true, true, false},
    {"grow", true, true, false},
    {"flash", true, true, false},
    {"show_creation_then_fade_out", true, true, false},
    {"move", true, true, true},
    {"indicate", true, false, false},
    {"highlight", true, true, false},
    {"remove", true, false, false},
    {"camera", false, true, false},
};

template <typename Beat>
constexpr BeatKindEntry beatKind(const char* name, bool needs_network_flow, bool needs_tokens,
                                 bool takes_parts,
                                 BeatKind (*read)(io::ObjectReader&, ReadContext&)) {
  return {name, kAlternative<Beat, BeatKind>, needs_network_flow, needs_tokens, takes_parts, read};
}

constexpr BeatKindEntry kBeatKinds[] = {
    // name, needs_network_flow, needs_tokens, takes_parts, read
    beatKind<ShowTokensBeat>("show_tokens", true, false, true, readShowTokensBeat),
    beatKind<AttentionBeat>("attention", true, true, true, readAttentionBeat),
    beatKind<MlpBeat>("mlp", true, true, true, readMlpBeat),
    beatKind<RepetitionsBeat>("repetitions", true, true, true, readRepetitionsBeat),
    beatKind<FocusLastLayerBeat>("focus_last_layer", true, true, true, readFocusLastLayerBeat),
    beatKind<UnembeddingBeat>("unembedding", true, true, true, readUnembeddingBeat),
    beatKind<CycleEmbeddingsBeat>("cycle_embeddings", true, true, false, readCycleEmbeddingsBeat),
    beatKind<ContextSizeBeat>("context_size", true, true, true, readContextSizeBeat),
    beatKind<RemoveEarlierLayersBeat>("remove_earlier_layers", true, true, false,
                                      readRemoveEarlierLayersBeat),
    beatKind<DesiredOutputBeat>("desired_output", true, true, true, readDesiredOutputBeat),
    beatKind<UnembeddingMatrixBeat>("unembedding_matrix", true, true, false,
                                    readUnembeddingMatrixBeat),
    beatKind<ScaleStackBeat>("scale_stack", false, false, false, readScaleStackBeat),
    beatKind<LessonBeat>("lesson", false, false, false, readLessonBeat),
    beatKind<PlayBeat>("play", false, false, false, readPlayBeat),
    beatKind<WaitBeat>("wait", false, false, false, readWaitBeat),
};

// Every alternative has a row (the names below find them).
template <typename Variant, typename Kind, std::size_t N>
constexpr bool everyAlternativeHasARow(const Kind (&rows)[N], std::size_t Kind::*alternative) {
  for (std::size_t i = 0; i < std::variant_size_v<Variant>; ++i) {
    bool found = false;
    for (const Kind& row : rows) found = found || row.*alternative == i;
    if (!found) return false;
  }
  return true;
}
static_assert(everyAlternativeHasARow<ObjectShape>(kObjectKinds, &ObjectKind::shape));
static_assert(everyAlternativeHasARow<BeatKind>(kBeatKinds, &BeatKindEntry::kind));

template <typename Kind>
const Kind* findIn(std::span<const Kind> kinds, const std::string& name) {
  const auto it =
      std::find_if(kinds.begin(), kinds.end(), [&](const Kind& kind) { return name == kind.name; });
  return it == kinds.end() ? nullptr : &*it;
}

template <typename Kind>
std::string namesOf(std::span<const Kind> kinds) {
  std::string out;
  for (const Kind& kind : kinds) out += (out.empty() ? "" : ", ") + std::string(kind.name);
  return out;
}

}  // namespace

std::span<const ObjectKind> objectKinds() {
  return kObjectKinds;
}
std::span<const AnimationKind> animationKinds() {
  return kAnimationKinds;
}
std::span<const BeatKindEntry> beatKinds() {
  return kBeatKinds;
}

const ObjectKind* findObjectKind(const std::string& name) {
  return findIn(objectKinds(), name);
}
const AnimationKind* findAnimationKind(const std::string& name) {
  return findIn(animationKinds(), name);
}
const BeatKindEntry* findBeatKind(const std::string& name) {
  return findIn(beatKinds(), name);
}

std::string objectTypeName(const ObjectDescription& object) {
  if (const auto* line = std::get_if<LineObject>(&object.shape); line && line->arrow)
    return "arrow";
  for (const ObjectKind& kind : kObjectKinds)
    if (kind.shape == object.shape.index()) return kind.name;
  return "";
}

std::string beatName(const BeatKind& beat) {
  for (const BeatKindEntry& kind : kBeatKinds)
    if (kind.kind == beat.index()) return kind.name;
  return "";
}

std::string objectKindNames() {
  return namesOf(objectKinds());
}
std::string animationKindNames() {
  return namesOf(animationKinds());
}
std::string beatKindNames() {
  return namesOf(beatKinds());
}

}  // namespace flowview::description
