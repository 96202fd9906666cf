// Many more layers (thin blocks, dots, a brace) and the focus on the last layer.
#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"

namespace flowview::scenes {

using namespace look;

void NetworkFlow::repetitions(const RepetitionsParams& p) {
  beginBeat("repetitions", p.parts);
  removeMlps(justAfter(b_.now()));  // hlnf_26 (65.04 s) still shows them
  const float z_start = layers_.back().z + repetitions::kStartGap, z_end = z_start + p.depth;
  showRepetitions(p, z_start, z_end);
  showFinalLayer(z_end + repetitions::kFinalLayerGap);
}

void NetworkFlow::showRepetitions(const RepetitionsParams& p, float z_start, float z_end) {
  const double t0 = b_.now();
  const glm::vec3 size = blockSize(repetitions::kThinDepth);
  std::vector<int> thin;
  for (int k = 0; k < 2; ++k) {
    BoxGeometry g;
    g.size = size;
    const float z =
        k == 0 ? z_start + repetitions::kThinDepth / 2 : z_end - repetitions::kThinDepth / 2;
    const int e = b_.addBox("repetitions/block" + std::to_string(k), g, at({0, 0, z}),
                            hex(colour::kBlock), block::kOpacity);
    b_.hideUntil(e, t0);
    thin.push_back(e);
  }
  const auto fw = partWindow(0, 2, 0.1, 3.0), fw2 = partWindow(1, 2, 0.1, 3.0);
  b_.fadeIn(thin[0], {t0 + fw.start, t0 + fw.end});
  b_.fadeIn(thin[1], {t0 + fw2.start, t0 + fw2.end});
  Pose side;  // facing +x, readable from the side view
  side.rotation = glm::angleAxis(-kPi / 2, glm::vec3(0, 1, 0));
  const float z_mid = 0.5f * (z_start + z_end);
  // Dots along z at the floor, the brace and its label above the thin blocks.
  Pose dots_pose = side;
  dots_pose.position = {0, repetitions::kDotsY, z_mid};
  rep_dots_ = b_.addFill("repetitions/dots",
                         shapes::dots(repetitions::kDots, repetitions::kDotRadius,
                                      repetitions::kDotSpacing, {1, 0, 0}),
                         dots_pose, colour::kWhite);
  b_.hideUntil(rep_dots_, t0);
  b_.reveal(rep_dots_, {t0, t0 + 1}, RevealStyle::Parts);
  Pose brace_pose = side;
  brace_pose.position = {0, size.y / 2 + repetitions::kBraceGap, z_mid};
  brace_pose.rotation = brace_pose.rotation * glm::angleAxis(-kPi / 2, glm::vec3(0, 0, 1));
  rep_brace_ = b_.addStroke(
      "repetitions/brace",
      shapes::brace(p.depth, repetitions::kBraceDepth, true, repetitions::kBraceStroke), brace_pose,
      colour::kWhite);
  b_.hideUntil(rep_brace_, t0);
  b_.reveal(rep_brace_, {t0, t0 + 3}, RevealStyle::Grow);
  TextGeometry g;
  g.utf8 = "Many\nrepetitions";
  g.em_size = textEm(font::kRepetitionsLabel) * font::kRepetitionsLabelScale;
  Pose text_pose = side;
  text_pose.position = {0, size.y / 2 + repetitions::kLabelGap, z_mid};
  rep_text_ = b_.addText("repetitions/label", g, text_pose, colour::kWhite);
  b_.hideUntil(rep_text_, t0);
  b_.reveal(rep_text_, {t0 + 1, t0 + 2}, RevealStyle::Parts, Rate::Smooth, 0.2f);
  moveCameraTo({t0, t0 + 3}, camera::kWholeStack.euler, camera::kWholeStack.center,
               camera::kWholeStack.height);
  addPart("blocks", "repetitions/blocks", "block", thin);
  addPart("dots", "repetitions/dots", "dots", {rep_dots_});
  addPart("brace", "repetitions/brace", "brace", {rep_brace_});
  addPart("label", "repetitions/label", "text", {rep_text_});
  play(3.0, "many repetitions", p.notes);
}

void NetworkFlow::showFinalLayer(float final_z) {
  // The final layer flies out from the last layer to beyond the thin blocks (Restore, 2 s).
  const double t0 = b_.now();
  if (config_.model) residual_layer_ = config_.model->n_layer;  // after the last block
  Layer final_layer = copyLayer(layers_.back(), "final_layer", true);
  for (int e : layerElements(final_layer)) {
    b_.hideUntil(e, t0);
    b_.element(e).opacity.setInitial(0.0f);
    b_.fadeTo(e, {t0, t0 + 2}, 1.0f);
  }
  moveLayerZ(final_layer, {t0, t0 + 2}, final_z);
  addLayerParts("layer", final_layer, layers_.size());
  play(2.0, "final layer");
  hold(1.0);
  layers_.push_back(std::move(final_layer));
}

void NetworkFlow::focusLastLayer(const std::string& notes) {
  focusLastLayer(FocusParams{notes, {}});
}

void NetworkFlow::focusLastLayer(const FocusParams& p) {
  beginBeat("focus on last layer", p.parts);
  const Layer& layer = layers_.back();
  const double t0 = b_.now();
  const float margin = focus::kBackdropMargin;
  FillGeometry backdrop =
      shapes::rectangleFill(focus::kBackdropScale * (2 * layer_half_width_ + margin),
                            focus::kBackdropScale * (2 * layer_half_height_ + margin));
  // Added before the last layer and the bars, it dims neither (the seed's add order).
  backdrop.backdrop = true;
  const int rect = b_.addFill("focus/backdrop", std::move(backdrop),
                              at({0, 0, layer.z - focus::kBackdropBehind}), colour::kBlack,
                              focus::kBackdropOpacity);
  b_.hideUntil(rect, t0);
  b_.fadeIn(rect, {t0, t0 + 3});
  if (rep_dots_ >= 0) b_.fadeTo(rep_dots_, {t0, t0 + 3}, focus::kDimmedDots);
  if (rep_brace_ >= 0) b_.fadeTo(rep_brace_, {t0, t0 + 3}, 0.0f);
  if (rep_text_ >= 0) b_.fadeTo(rep_text_, {t0, t0 + 3}, 0.0f);
  for (const Block& block : blocks_) b_.fadeTo(block.title, {t0, t0 + 3}, 0.0f);
  moveCameraTo({t0, t0 + 3}, camera::kLastLayer,
               camera::kLastLayerOffset + glm::vec3(0, 0, layer.z), camera::kLastLayerHeight);
  addPart("backdrop", "focus/backdrop", "rectangle", {rect});
  play(3.0, "focus on the last layer", p.notes);
}

}  // namespace flowview::scenes
