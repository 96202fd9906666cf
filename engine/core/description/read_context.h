#pragma once
// What the scene reader keeps while it reads one file (internal to engine/core/description).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/description/scene_description.h"
#include "core/io/json_document.h"
#include "core/text/formula.h"

namespace flowview::description {

struct ReadContext {
  explicit ReadContext(const io::JsonDocument& document) : doc(document) {}

  const io::JsonDocument& doc;
  text::UniformMetrics metrics;  // formulas are checked without a font
  // Objects read so far: id -> how many objects it stands for (a group: its members, expanded).
  std::map<std::string, std::uint64_t> objects;
  std::uint64_t group_members = 0;  // all groups' expanded members (limits.h)
  std::uint64_t primitives = 0;     // points, values, characters and shapes (limits.h)
  // Matrix objects read so far, by id: what a "highlight" can address.
  struct MatrixShape {
    int rows = 0, columns = 0, max_rows = 0, max_columns = 0;
  };
  std::map<std::string, MatrixShape> matrices;
  // Beats read so far.
  bool has_network_flow = false, tokens_shown = false;
  int layers = 0;

  SourceRef sourceOf(const std::string& pointer) const {
    return {doc.file(), pointer, doc.locationOf(pointer)};
  }
  // Counts `count` primitives of the object being read; past the limit fails at `key`.
  void addPrimitives(io::ObjectReader& reader, std::string_view key, std::uint64_t count);
};

// Shared field readers (messages as docs/scene-format.md shows them).
Vec3 readVec3(io::ObjectReader& reader, std::string_view key, Vec3 fallback);
// A color by name or #RRGGBB, validated; nullopt when absent.
std::optional<std::string> readColorName(io::ObjectReader& reader, std::string_view key);
CameraDescription readCameraDescription(io::ObjectReader& reader);
// "text", quoted for a message, at most io::kMaxEchoedBytes of it.
std::string quoteForMessage(const std::string& text);

void readObject(io::ObjectReader reader, ReadContext& context, ObjectDescription& object);
BeatDescription readBeat(io::ObjectReader reader, ReadContext& context);

// The kinds' own readers, registered in kinds.cpp.
void readTextObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readFormulaObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readRectangleObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readCircleObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readBoxObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readLineObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readArrowObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readBraceObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readSpheresObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readBarsObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readGroupObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
void readMatrixObject(io::ObjectReader&, ObjectDescription&, ReadContext&);
// A "highlight" animation's own fields (read_matrix.cpp): the row, column or cell of its target,
// which must be a matrix object read before.
void readHighlightFields(io::ObjectReader& anim, AnimationDescription& a, ReadContext& context);

BeatKind readShowTokensBeat(io::ObjectReader&, ReadContext&);
BeatKind readAttentionBeat(io::ObjectReader&, ReadContext&);
BeatKind readMlpBeat(io::ObjectReader&, ReadContext&);
BeatKind readRepetitionsBeat(io::ObjectReader&, ReadContext&);
BeatKind readFocusLastLayerBeat(io::ObjectReader&, ReadContext&);
BeatKind readUnembeddingBeat(io::ObjectReader&, ReadContext&);
BeatKind readCycleEmbeddingsBeat(io::ObjectReader&, ReadContext&);
BeatKind readContextSizeBeat(io::ObjectReader&, ReadContext&);
BeatKind readRemoveEarlierLayersBeat(io::ObjectReader&, ReadContext&);
BeatKind readDesiredOutputBeat(io::ObjectReader&, ReadContext&);
BeatKind readUnembeddingMatrixBeat(io::ObjectReader&, ReadContext&);
BeatKind readScaleStackBeat(io::ObjectReader&, ReadContext&);
BeatKind readLessonBeat(io::ObjectReader&, ReadContext&);
BeatKind readPlayBeat(io::ObjectReader&, ReadContext&);
BeatKind readWaitBeat(io::ObjectReader&, ReadContext&);

}  // namespace flowview::description
