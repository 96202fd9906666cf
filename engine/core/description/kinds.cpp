#include "core/description/kinds.h"

#include <algorithm>
#include <cstring>

#include "core/description/read_context.h"

namespace flowview::description {
namespace {

// The order is the order of the names in messages and docs.
constexpr ObjectKind kObjectKinds[] = {
    {"text", readTextObject},
    {"formula", readFormulaObject},
    {"rectangle", readRectangleObject},
    {"circle", readCircleObject},
    {"box", readBoxObject},
    {"line", readLineObject},
    {"arrow", readArrowObject},
    {"brace", readBraceObject},
    {"spheres", readSpheresObject},
    {"bars", readBarsObject},
    {"group", readGroupObject},
    {"matrix", readMatrixObject},
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

constexpr BeatKindEntry kBeatKinds[] = {
    // name, needs_network_flow, needs_tokens, takes_parts, read
    {"show_tokens", true, false, true, readShowTokensBeat},
    {"attention", true, true, true, readAttentionBeat},
    {"mlp", true, true, true, readMlpBeat},
    {"repetitions", true, true, true, readRepetitionsBeat},
    {"focus_last_layer", true, true, true, readFocusLastLayerBeat},
    {"unembedding", true, true, true, readUnembeddingBeat},
    {"cycle_embeddings", true, true, false, readCycleEmbeddingsBeat},
    {"context_size", true, true, true, readContextSizeBeat},
    {"remove_earlier_layers", true, true, false, readRemoveEarlierLayersBeat},
    {"desired_output", true, true, true, readDesiredOutputBeat},
    {"unembedding_matrix", true, true, false, readUnembeddingMatrixBeat},
    {"scale_stack", false, false, false, readScaleStackBeat},
    {"lesson", false, false, false, readLessonBeat},
    {"play", false, false, false, readPlayBeat},
    {"wait", false, false, false, readWaitBeat},
};

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
