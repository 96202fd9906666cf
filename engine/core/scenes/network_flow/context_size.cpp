// MentionContextSizeAndUnembedding's first beats: each token with its vector, the context size
// and the embedding dimension.
#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"
#include "core/text/text_layout.h"

namespace flowview::scenes {

using namespace look;

void NetworkFlow::cycleEmbeddings(const std::string& notes) {
  beginBeat("text and embeddings", {});
  const int slots = static_cast<int>(config_.tokens.size()) - 1;
  const Layer& layer = layers_.front();
  const float top = layer::kHeight / 2 + tokens::kGapAboveLayer + tokens::kTokensAboveLayer +
                    cycle::kAboveTokens,
              bottom = -layer_half_height_ - cycle::kBelowLayer;
  std::vector<int> shades;
  const double start = b_.now();
  for (int i = 0; i < slots; ++i) {
    const float x = (i - 0.5f * (slots - 1)) * layer::kColumnPitch;
    const int e = b_.addFill(
        "cycle/shade" + std::to_string(i), shapes::rectangleFill(layer::kColumnPitch, top - bottom),
        at({x, 0.5f * (top + bottom), layer.z + cycle::kInFront}), colour::kBlack, 0.0f);
    b_.hideUntil(e, start);
    shades.push_back(e);
  }
  addPart("", "cycle/shades", "rectangles", shades);
  for (int i = 0; i < slots; ++i) {
    const double t0 = b_.now();
    for (int k = 0; k < slots; ++k)
      b_.fadeTo(shades[k], {t0, t0 + 1}, k == i ? 0.0f : cycle::kShade);
    play(1.0, "token " + std::to_string(i + 1) + " and its vector", i == 0 ? notes : "");
  }
  const double t0 = b_.now();
  for (int e : shades) {
    b_.fadeOut(e, {t0, t0 + 1});
    b_.remove(e, t0 + 1);
  }
  play(1.0, "every vector again");
}

void NetworkFlow::contextSize(const ContextSizeParams& p) {
  beginBeat("context size", p.parts);
  const Layer& layer = layers_.back();
  const Camera saved = b_.cameraNow();
  const double t0 = b_.now();
  moveCameraTo({t0, t0 + 2}, camera::kContextZoom.euler, camera::kContextZoom.center,
               camera::kContextZoom.height);
  const auto title_w = laggedWindows(static_cast<int>(blocks_.size()), 1.0, 0.01, 2.0);
  for (size_t i = 0; i < blocks_.size(); ++i)
    b_.fadeTo(blocks_[i].title, {t0 + title_w[i].start, t0 + title_w[i].end}, 0.0f);
  play(2.0, "zoom in on the last layer", p.notes);

  const std::vector<int> labels = labelContextSize(p, layer);
  std::vector<int> leaving = labels;
  const std::vector<int> dimension = labelDimension(p, layer);
  leaving.insert(leaving.end(), dimension.begin(), dimension.end());
  backToTheFlow(layer, saved, title_w, leaving);
}

std::vector<int> NetworkFlow::labelContextSize(const ContextSizeParams& p, const Layer& layer) {
  // A brace under the vectors with "Context size", then "= 2,048".
  double t0 = b_.now();
  const float width = 2 * layer_half_width_ - context::kBraceInset;
  Pose brace_pose = at({0, -layer::kHeight / 2 - context::kBraceBelow, layer.z});
  brace_pose.rotation = glm::angleAxis(kPi / 2, glm::vec3(0, 0, 1));  // tip down
  const int brace = b_.addStroke("context/brace",
                                 shapes::brace(width, context::kBraceDepth, true, stroke::kBrace),
                                 brace_pose, colour::kWhite);
  b_.hideUntil(brace, t0);
  b_.reveal(brace, {t0, t0 + 1}, RevealStyle::Grow);
  const float label_y = -layer::kHeight / 2 - context::kLabelBelow;
  const int label = addText("context/label", p.context_label, font::kContextLabel,
                            {0, label_y, layer.z}, colour::kWhite);
  b_.hideUntil(label, t0);
  b_.fadeIn(label, {t0, t0 + 1}, glm::vec3(0, -0.5f, 0));
  addPart("brace", "context/brace", "brace", {brace});
  addPart("label", "context/label", "text", {label});
  play(1.0, "context size");
  hold(1.0);

  t0 = b_.now();
  const float em = textEm(font::kContextLabel);
  const float label_w = text::layoutText(atlas_, p.context_label).width * em;
  const float rhs_w = text::layoutText(atlas_, "= " + p.context_value).width * em;
  Pose label_target = b_.poseNow(label);
  label_target.position.x = -0.5f * (rhs_w + context::kValueGap);
  b_.moveTo(label, {t0, t0 + 1}, label_target);
  const int rhs =
      addText("context/value", "= " + p.context_value, font::kContextLabel,
              {0.5f * (label_w + context::kValueGap), label_y, layer.z}, colour::kWhite);
  b_.hideUntil(rhs, t0);
  b_.reveal(rhs, {t0, t0 + 1}, RevealStyle::Parts, Rate::Smooth, 0.2f);
  addPart("value", "context/value", "text", {rhs});
  play(1.0, "= " + p.context_value);
  hold(1.0);
  return {brace, label, rhs};
}

std::vector<int> NetworkFlow::labelDimension(const ContextSizeParams& p, const Layer& layer) {
  // The brackets give way to a brace on the right with the embedding dimension.
  const double t0 = b_.now();
  b_.fadeOut(layer.left, {t0, t0 + 1});
  b_.fadeOut(layer.right, {t0, t0 + 1});
  const int brace = b_.addStroke(
      "context/dim_brace",
      shapes::brace(layer::kHeight, context::kBraceDepth, false, stroke::kBrace),
      at({layer_half_width_ + context::kDimensionBraceGap, 0, layer.z}), colour::kWhite);
  b_.hideUntil(brace, t0);
  b_.reveal(brace, {t0, t0 + 1}, RevealStyle::Grow);
  const float width =
      text::layoutText(atlas_, p.dimension_label).width * textEm(font::kContextLabel);
  const int label = addText(
      "context/dimension", p.dimension_label, font::kContextLabel,
      {layer_half_width_ + context::kDimensionLabelGap + 0.5f * width, 0, layer.z}, colour::kWhite);
  b_.hideUntil(label, t0);
  b_.fadeIn(label, {t0, t0 + 1}, glm::vec3(-0.5f, 0, 0));
  addPart("dimension", "context/dimension", "group", {brace, label});
  play(1.0, "embedding dimension " + p.dimension_label);
  hold(3.0);
  return {brace, label};
}

void NetworkFlow::backToTheFlow(const Layer& layer, const Camera& saved,
                                const std::vector<TimeWindow>& title_w,
                                const std::vector<int>& leaving) {
  // Restore(frame, run_time=3), titles fade in over [2, 3], labels leave.
  const double t0 = b_.now();
  b_.moveCamera({t0, t0 + 3}, saved);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (!config_.hide_block_labels)
      b_.fadeTo(blocks_[i].title, {t0 + 2 + title_w[i].start / 2, t0 + 2 + title_w[i].end / 2},
                1.0f);
  }
  b_.fadeIn(layer.left, {t0, t0 + 1});
  b_.fadeIn(layer.right, {t0, t0 + 1});
  const int count = static_cast<int>(leaving.size());
  const auto out_w = laggedWindows(count, 1.0, 0.05);
  for (int k = 0; k < count; ++k) {
    b_.fadeOut(leaving[k], {t0 + out_w[k].start, t0 + out_w[k].end}, glm::vec3(0, -1, 0));
    b_.remove(leaving[k], t0 + out_w[k].end);
  }
  play(3.0, "back to the flow");
}

void NetworkFlow::removeEarlierLayers() {
  const double t = b_.now();
  for (size_t i = 0; i + 1 < layers_.size(); ++i) {
    for (int e : layerElements(layers_[i])) {
      if (b_.element(e).removed_at > t) b_.remove(e, t);
    }
  }
}

}  // namespace flowview::scenes
