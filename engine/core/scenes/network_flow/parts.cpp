// Addressable parts of the network flow (docs/scene-format.md, "Element ids") and the scene's
// say over them: a part can be skipped, and the play that brings it in retimed.
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/scenes/network_flow.h"

namespace flowview::scenes {
namespace {

double stretched(double t, double t0, double factor) {
  return t <= t0 ? t : t0 + (t - t0) * factor;
}

// The same channel with every time after t0 stretched by `factor`; the values stay.
template <class T>
void stretchChannel(Channel<T>& channel, double t0, double factor) {
  Channel<T> out(channel.initial());
  for (const Segment<T>& s : channel.segments())
    out.animate(stretched(s.t0, t0, factor), stretched(s.t1, t0, factor), s.to, s.rate);
  channel = std::move(out);
}

}  // namespace

const std::vector<BeatPartName>& NetworkFlow::partNames(const std::string& beat) {
  // Each with the play of its beat that brings it in (docs/scene-format.md, "Element ids").
  static const std::map<std::string, std::vector<BeatPartName>> kNames = {
      {"show_tokens",
       {{"words", 1},
        {"predicted", 2},
        {"question", 2},
        {"rectangles", 3},
        {"label", 4},
        {"label_arrows", 5},
        {"embed_arrows", 7},
        {"layer", 7}}},
      {"attention", {{"block", 1}, {"title", 1}, {"layer", 1}, {"arcs", 2}}},
      // The block comes in with the last play: the third one by one, the second at once.
      {"mlp", {{"title", 1}, {"networks", 1}, {"layer", 1}, {"block", 3}}},
      {"repetitions", {{"blocks", 1}, {"dots", 1}, {"brace", 1}, {"label", 1}, {"layer", 2}}},
      {"focus_last_layer", {{"backdrop", 1}}},
      {"unembedding", {{"rect", 1}, {"bars", 2}, {"brace", 2}, {"arrow", 2}}},
      {"context_size", {{"brace", 2}, {"label", 2}, {"value", 3}, {"dimension", 4}}},
      {"desired_output", {{"phrase", 1}, {"blank", 2}, {"list", 3}, {"brace", 3}, {"arrow", 3}}},
  };
  static const std::vector<BeatPartName> kNone;
  const auto it = kNames.find(beat);
  return it == kNames.end() ? kNone : it->second;
}

void NetworkFlow::beginBeat(const std::string& section, const BeatParts& parts) {
  section_ = section;
  beat_parts_ = parts;
  retime_.reset();
  retime_part_.clear();
}

void NetworkFlow::addPart(const std::string& name, const std::string& id, const std::string& kind,
                          std::vector<int> elements) {
  const auto option = name.empty() ? beat_parts_.end() : beat_parts_.find(name);
  if (option != beat_parts_.end() && option->second.skip) {
    // Never on screen: nothing later (a fade, a remove) can bring it back.
    for (int e : elements) b_.element(e).added_at = std::numeric_limits<double>::infinity();
    return;
  }
  if (option != beat_parts_.end() && option->second.run_time) {
    const double run_time = *option->second.run_time;
    if (retime_ && *retime_ != run_time) {
      throw std::invalid_argument("parts \"" + retime_part_ + "\" and \"" + name +
                                  "\" come in the same play: give a run_time to one of them");
    }
    retime_ = run_time;
    retime_part_ = name;
  }
  b_.addPart(id, kind, std::move(elements));
}

void NetworkFlow::addLayerParts(const std::string& name, const Layer& layer, size_t index) {
  const std::string id = "layer" + std::to_string(index);
  addPart(name, id, "layer", layerElements(layer));
  for (const Column& column : layer.columns) {
    std::vector<int> elements = column.entries;
    elements.insert(elements.end(), {column.dots, column.left, column.right});
    addPart(name, id + "/column" + std::to_string(column.token + 1), "column", std::move(elements));
  }
}

void NetworkFlow::applyRetime(double& run_time) {
  if (!retime_) return;
  stretchSince(b_.now(), *retime_ / run_time);
  run_time = *retime_;
  retime_.reset();
  retime_part_.clear();
}

void NetworkFlow::stretchSince(double t0, double factor) {
  auto stretch = [&](double t) { return stretched(t, t0, factor); };
  Scene& scene = b_.mutableScene();
  for (Element& e : scene.elements) {
    e.added_at = stretch(e.added_at);
    e.removed_at = stretch(e.removed_at);
    e.over_blocks_until = stretch(e.over_blocks_until);
    stretchChannel(e.pose, t0, factor);
    stretchChannel(e.opacity, t0, factor);
    stretchChannel(e.color, t0, factor);
    stretchChannel(e.reveal, t0, factor);
    stretchChannel(e.value, t0, factor);
  }
  stretchChannel(scene.camera, t0, factor);
  scene.next_tokens.grow_start = stretch(scene.next_tokens.grow_start);
  scene.next_tokens.grow_end = stretch(scene.next_tokens.grow_end);
}

}  // namespace flowview::scenes
