// An attention block: the layer flies into a block, arcs flash between its vectors while their
// values change, and the new layer leaves through the far side.
#include <cmath>

#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"

namespace flowview::scenes {

using namespace look;

void NetworkFlow::attention(const AttentionParams& p) {
  ++attention_count_;
  const std::string id = "attention" + std::to_string(attention_count_);
  beginBeat("attention " + std::to_string(attention_count_), p.parts);
  Layer& layer = layers_.back();
  const Block block = makeBlock(layer, attention::kDepth, "Attention", font::kAttentionTitle, id);
  Layer copy = openBlockAroundLayer(p, layer, block, id);
  flashAttentionArcs(copy, block, id, p.run_time);
  leaveBlock(layer, copy, block);
  blocks_.push_back(block);
  layers_.push_back(std::move(copy));
}

NetworkFlow::Layer NetworkFlow::openBlockAroundLayer(const AttentionParams& p, const Layer& layer,
                                                     const Block& block, const std::string& id) {
  // Camera + LaggedStart(dim the layer, fade the block in, copy the layer into it), 2 s.
  const double t0 = b_.now();
  moveCameraTo({t0, t0 + 2}, p.orientation,
               glm::vec3(p.frame_x, p.frame_y, b_.cameraNow().center.z), p.frame_height);
  const auto w = groupWindows({1, 1, 1}, 0.3, 2.0);
  fadeLayerTo(layer, {t0 + w[0].start, t0 + w[0].end}, block::kDimmedLayer);
  hideAllUntil({block.body, block.front, block.title}, t0);
  b_.fadeIn(block.body, {t0 + w[1].start, t0 + w[1].end});
  b_.element(block.front).opacity.setInitial(0.0f);
  if (!config_.hide_block_labels) b_.fadeIn(block.title, {t0 + w[1].start, t0 + w[1].end});
  // The copy starts where the layer is, at full opacity, and flies into the block.
  Layer copy = copyLayer(layer, id + "/layer", false);
  for (int e : layerElements(copy)) {
    b_.hideUntil(e, t0 + w[2].start);
    b_.element(e).opacity.setInitial(1.0f);
  }
  moveLayerZ(copy, {t0 + w[2].start, t0 + w[2].end}, block.z);
  addPart("block", id + "/block", "block", {block.body, block.front});
  addPart("title", id + "/title", "text", {block.title});
  addLayerParts("layer", copy, layers_.size());
  play(2.0, "block fades in, layer moves inside", p.notes);
  return copy;
}

void NetworkFlow::flashAttentionArcs(const Layer& copy, const Block& block, const std::string& id,
                                     double run_time) {
  // Arcs between every pair of columns flash while the copy's numbers re-randomize.
  const double t0 = b_.now();
  const int n = static_cast<int>(copy.columns.size());
  const int arcs_per_vector = std::min(n, attention::kMaxArcsPerVector);
  const auto group_w = laggedWindows(n, 2.0, 0.25, run_time);
  std::vector<int> arcs;
  for (int i = 0; i < n; ++i) {
    const glm::vec3 top1(copy.columns[i].x, layer::kHeight / 2, block.z);
    std::vector<int> order;
    for (int j = 0; j < n; ++j) order.push_back(j);
    for (int j = n - 1; j > 0; --j)
      std::swap(order[j], order[random_.below(j + 1)]);  // arc_group.shuffle()
    const double gs = t0 + group_w[i].start, gd = group_w[i].duration();
    std::vector<std::pair<Rgb, float>> styles(n);  // colour and stroke width per source vector
    for (int j = 0; j < n; ++j) {
      styles[j].first = random_.brightColor(colour::kArcHueLo, colour::kArcHueHi);
      styles[j].second = attention::kArcMaxWidth *
                         static_cast<float>(std::pow(random_.uniform(), attention::kArcWidthPower));
    }
    for (int k = 0; k < arcs_per_vector; ++k) {
      const int j = order[k];
      if (j == i) continue;
      const glm::vec3 top2(copy.columns[j].x, layer::kHeight / 2, block.z);
      const float sign = copy.columns[j].x < copy.columns[i].x ? -1.0f : 1.0f;
      StrokeGeometry arc;
      arc.points = shapes::arcPoints(top2, top1, sign * attention::kArcAngle);
      arc.width = styles[j].second;
      const TimeWindow pw = partWindow(k, arcs_per_vector, 0.05, gd);
      const std::string arc_id = section_ + "/arc" + std::to_string(i) + "_" + std::to_string(j);
      const int flash = b_.addStroke(arc_id + "/flash", arc, Pose{}, styles[j].first);
      b_.element(flash).over_blocks_until = gs + pw.end;
      b_.hideUntil(flash, gs + pw.start);
      b_.reveal(flash, {gs + pw.start, gs + pw.end}, RevealStyle::Flash, Rate::Smooth, 0,
                attention::kFlashWidth);
      const int create = b_.addStroke(arc_id, arc, Pose{}, styles[j].first);
      b_.element(create).over_blocks_until = gs + pw.end;
      b_.hideUntil(create, gs + pw.start);
      const double mid = gs + pw.start + 0.5 * pw.duration();
      b_.reveal(create, {gs + pw.start, mid}, RevealStyle::Prefix);
      b_.fadeOut(create, {mid, gs + pw.end});
      b_.remove(create, gs + pw.end);
      arcs.insert(arcs.end(), {flash, create});
    }
  }
  const auto value_w = laggedWindows(n, 1.0, 0.5, run_time);
  for (int c = 0; c < n; ++c) {
    for (int e : copy.columns[c].entries) {
      const float value = randomEntry(0.0, layer::kValueMax);
      b_.changeValue(e, {t0 + value_w[c].start, t0 + value_w[c].end}, value);
    }
  }
  addPart("arcs", id + "/arcs", "arcs", arcs);
  play(run_time, "arcs flash, entries update");
  // Until it leaves the block, the copy is drawn over the block's faces (as in manimgl, where the
  // block's body has no depth test and the layer is added after it).
  for (int e : layerElements(copy)) b_.element(e).over_blocks_until = b_.now() + 1.0;
}

void NetworkFlow::leaveBlock(const Layer& layer, Layer& copy, const Block& block) {
  // The new layer leaves through the far side; the camera follows; the old layer returns.
  const double t0 = b_.now();
  const float new_z = block.z + (block.z - layer.z);
  b_.fadeTo(block.front, {t0, t0 + 1}, block::kOpacity);
  moveLayerZ(copy, {t0, t0 + 1}, new_z);
  Camera target = b_.cameraNow();
  target.center.z = new_z;
  b_.moveCamera({t0, t0 + 1}, target);
  fadeLayerTo(layer, {t0, t0 + 1}, 1.0f);
  play(1.0, "new layer leaves the block");
}

}  // namespace flowview::scenes
