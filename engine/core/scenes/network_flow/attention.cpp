// An attention block: the layer flies into a block, arcs flash between its vectors while their
// values change, and the new layer leaves through the far side.
#include <algorithm>
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
  flashAttentionArcs(copy, block, id, p);
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
                                     const AttentionParams& p) {
  // Arcs between every pair of columns flash while the copy's numbers re-randomize. With a model
  // the arcs into each column come from the earlier tokens, as wide and opaque as their weight.
  const double run_time = p.run_time;
  const double t0 = b_.now();
  const int n = static_cast<int>(copy.columns.size());
  std::vector<float> pattern;
  const int tokens = config_.model ? config_.model->length() : 0;
  int model_layer = 0, model_head = -1;
  if (config_.model) {
    const int layer = p.layer.value_or(config_.model->blockLayer(attention_count_ - 1));
    model_layer = layer;
    model_head = p.head.value_or(config_.attention_head);
    if (model_head >= config_.model->n_head) model_head = -1;
    pattern = config_.model->pattern(layer, model_head);
    residual_layer_ = std::clamp(layer + 1, 0, config_.model->n_layer);
  }
  auto weight = [&](int query, int key) {
    const int q = copy.columns[query].token, k = copy.columns[key].token;
    return q < tokens && k < tokens ? pattern[static_cast<size_t>(q) * tokens + k] : 0.0f;
  };
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
    int arc_count = arcs_per_vector;
    if (config_.model) {  // the earlier columns, heaviest first
      order.clear();
      for (int j = 0; j < i; ++j) order.push_back(j);
      std::stable_sort(order.begin(), order.end(),
                       [&](int a, int c) { return weight(i, a) > weight(i, c); });
      arc_count = std::min(static_cast<int>(order.size()), arcs_per_vector);
      for (int j : order) {
        styles[j].second = attention::kArcMaxWidth * weight(i, j);
      }
    }
    for (int k = 0; k < arc_count; ++k) {
      const int j = order[k];
      if (j == i) continue;
      const float opacity = config_.model ? std::sqrt(weight(i, j)) : 1.0f;
      const glm::vec3 top2(copy.columns[j].x, layer::kHeight / 2, block.z);
      const float sign = copy.columns[j].x < copy.columns[i].x ? -1.0f : 1.0f;
      StrokeGeometry arc;
      arc.points = shapes::arcPoints(top2, top1, sign * attention::kArcAngle);
      arc.width = styles[j].second;
      const TimeWindow pw = partWindow(k, arc_count, 0.05, gd);
      const std::string arc_id = section_ + "/arc" + std::to_string(i) + "_" + std::to_string(j);
      const int flash = b_.addStroke(arc_id + "/flash", arc, Pose{}, styles[j].first, opacity);
      b_.element(flash).over_blocks_until = gs + pw.end;
      b_.hideUntil(flash, gs + pw.start);
      b_.reveal(flash, {gs + pw.start, gs + pw.end}, RevealStyle::Flash, Rate::Smooth, 0,
                attention::kFlashWidth);
      const int create = b_.addStroke(arc_id, arc, Pose{}, styles[j].first, opacity);
      b_.element(create).over_blocks_until = gs + pw.end;
      b_.hideUntil(create, gs + pw.start);
      const double mid = gs + pw.start + 0.5 * pw.duration();
      b_.reveal(create, {gs + pw.start, mid}, RevealStyle::Prefix);
      b_.fadeOut(create, {mid, gs + pw.end});
      b_.remove(create, gs + pw.end);
      arcs.insert(arcs.end(), {flash, create});
      if (config_.model) {
        auto& read_out = b_.mutableScene().attention_arcs;
        const AttentionArc arc_info{
            -1,         copy.columns[j].token, copy.columns[i].token, model_layer,
            model_head, weight(i, j)};
        for (int element : {flash, create}) {
          read_out.push_back(arc_info);
          read_out.back().element = element;
        }
      }
    }
  }
  const auto value_w = laggedWindows(n, 1.0, 0.5, run_time);
  for (int c = 0; c < n; ++c) {
    for (size_t r = 0; r < copy.columns[c].entries.size(); ++r) {
      const float value = entryValue(copy.columns[c].token, static_cast<int>(r));
      b_.changeValue(copy.columns[c].entries[r], {t0 + value_w[c].start, t0 + value_w[c].end},
                     value);
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
