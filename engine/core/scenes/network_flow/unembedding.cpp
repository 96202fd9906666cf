// The last vector becomes next-token probabilities: a highlight, the bars, a brace and an arrow.
#include <algorithm>
#include <glm/common.hpp>

#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"
#include "core/text/text_layout.h"

namespace flowview::scenes {

using namespace look;

void NetworkFlow::unembedding(const std::string& notes) {
  unembedding(UnembeddingParams{notes, {}});
}

void NetworkFlow::unembedding(const UnembeddingParams& p) {
  beginBeat("unembedding", p.parts);
  const Layer& layer = layers_.back();
  const Column& last = layer.columns.back();
  highlightLastVector(layer, last, p.notes);
  showNextTokenBars(layer, last);
}

void NetworkFlow::highlightLastVector(const Layer& layer, const Column& last,
                                      const std::string& notes) {
  const double t0 = b_.now();
  const int rect = b_.addStroke(
      "unembedding/rect",
      shapes::rectangleOutline(layer::kColumnWidth + bars::kRectMargin,
                               layer::kHeight + bars::kRectMargin, bars::kHighlightStroke),
      at({last.x, 0, layer.z}), hex(colour::kQuestion));
  b_.hideUntil(rect, t0);
  b_.reveal(rect, {t0, t0 + 1}, RevealStyle::Prefix);
  addPart("rect", "unembedding/rect", "rectangle", {rect});
  play(1.0, "rectangle around the last vector", notes);
}

void NetworkFlow::showNextTokenBars(const Layer& layer, const Column& last) {
  const double t0 = b_.now();
  const int count = static_cast<int>(config_.next_tokens.size());
  const float pitch = bars::kSpan / std::max(1, count), thickness = bars::kThickness * pitch;
  const float bars_left = layer_half_width_ + bars::kLeftOfLayer;
  const float top_y = bars::kCenterY + 0.5f * (count - 1) * pitch;
  const float label_em = textEm(font::kBarLabel);
  float max_word = 0.0f;
  for (const auto& [word, prob] : config_.next_tokens) {
    max_word = std::max(max_word, text::layoutText(atlas_, word).width * label_em);
  }
  const auto bar_w = laggedWindows(count + 1, 1.0, 0.05, 2.0);
  NextTokenBars& bars = b_.mutableScene().next_tokens;
  bars = NextTokenBars{};
  bars.length_scale = bars::kLengthScale;
  bars.grow_start = t0;
  bars.grow_end = t0 + 2.0;
  std::vector<int> all_bars;
  for (int i = 0; i < count; ++i) {
    const auto& [word, prob] = config_.next_tokens[i];
    const float y = top_y - i * pitch;
    const float length = std::max(bars::kMinLength, static_cast<float>(prob) * bars::kLengthScale);
    // BarChart's set_color_by_gradient: a straight line in RGB (pale greens half way), not
    // around the hue circle.
    const Rgb color = glm::mix(hex(colour::kBarFirst), hex(colour::kBarLast),
                               count > 1 ? static_cast<float>(i) / (count - 1) : 0.0f);
    const std::string id = "unembedding/bar" + std::to_string(i);
    const glm::vec3 center(bars_left + length / 2, y, layer.z);
    std::vector<int> parts;
    parts.push_back(b_.addFill(id, shapes::rectangleFill(length, thickness), at(center), color,
                               bars::kFillOpacity));
    parts.push_back(b_.addStroke(id + "/stroke",
                                 shapes::rectangleOutline(length, thickness, bars::kStroke),
                                 at(center), color));
    TextGeometry tg;
    tg.utf8 = word;
    tg.em_size = label_em;
    tg.align = 2;
    parts.push_back(b_.addText(id + "/word", tg, at({bars_left - bars::kLabelGap, y, layer.z}),
                               colour::kWhite));
    TextGeometry pg;
    pg.is_number = true;
    pg.decimals = 2;
    pg.suffix = "%";
    pg.em_size = label_em;
    pg.align = 0;
    const int pct =
        b_.addText(id + "/percent", pg, at({bars_left + length + bars::kLabelGap, y, layer.z}),
                   colour::kWhite);
    b_.element(pct).value.setInitial(static_cast<float>(100.0 * prob));
    parts.push_back(pct);
    bars.tokens.push_back(word);
    bars.probabilities.push_back(prob);
    bars.fills.push_back(parts[0]);
    bars.strokes.push_back(parts[1]);
    bars.percents.push_back(pct);
    for (int e : parts) {
      b_.hideUntil(e, t0);
      b_.fadeIn(e, {t0 + bar_w[i].start, t0 + bar_w[i].end}, glm::vec3(0, -1, 0));
    }
    all_bars.insert(all_bars.end(), parts.begin(), parts.end());
  }
  const int vdots = b_.addFill(
      "unembedding/dots", shapes::dots(3, bars::kDotRadius, bars::kDotSpacing, {0, 1, 0}),
      at({bars_left - bars::kLabelGap - 0.5f * max_word, top_y - count * pitch, layer.z}),
      colour::kWhite);
  b_.hideUntil(vdots, t0);
  b_.fadeIn(vdots, {t0 + bar_w[count].start, t0 + bar_w[count].end}, glm::vec3(0, -1, 0));
  all_bars.push_back(vdots);
  const float brace_x = bars_left - bars::kBraceGap - max_word;
  const float brace_len = count * pitch + bars::kBraceExtra;
  const int brace = b_.addStroke(
      "unembedding/brace", shapes::brace(brace_len, bars::kBraceDepth, true, stroke::kBrace),
      at({brace_x, bars::kCenterY - 0.5f * pitch, layer.z}), colour::kWhite);
  b_.hideUntil(brace, t0);
  b_.reveal(brace, {t0, t0 + 1}, RevealStyle::Grow);
  const std::vector<int> arrow = drawArrowToBars(last, layer.z, brace_x, pitch, t0);
  addPart("bars", "unembedding/bars", "bars", all_bars);
  addPart("brace", "unembedding/brace", "brace", {brace});
  addPart("arrow", "unembedding/arrow", "arrow", arrow);
  play(2.0, "next-token probabilities");
  hold(1.0);
}

std::vector<int> NetworkFlow::drawArrowToBars(const Column& last, float z, float brace_x,
                                              float pitch, double t0) {
  // Curved arrow from the rectangle's top to the brace.
  const float rect_h = layer::kHeight + bars::kRectMargin;
  const glm::vec3 start(last.x, rect_h / 2, z);
  const glm::vec3 end(brace_x - bars::kBraceDepth - bars::kArrowGap, bars::kCenterY - 0.5f * pitch,
                      z);
  std::vector<glm::vec3> path =
      shapes::cubicBezier(start, start + glm::vec3(0, 1, 0), start + glm::vec3(1, 1, 0),
                          start + glm::vec3(2, 0, 0), 16);
  const auto tail =
      shapes::cubicBezier(start + glm::vec3(2, 0, 0), start + glm::vec3(2.6f, -0.3f, 0),
                          end - glm::vec3(1.0f, 0.1f, 0), end - glm::vec3(0.2f, 0, 0), 16);
  path.insert(path.end(), tail.begin() + 1, tail.end());
  StrokeGeometry arrow;
  arrow.points = path;
  arrow.width = bars::kArrowStroke;
  const int shaft = b_.addStroke("unembedding/arrow", arrow, Pose{}, hex(colour::kQuestion));
  b_.hideUntil(shaft, t0);
  b_.reveal(shaft, {t0, t0 + 1}, RevealStyle::Prefix);
  const int tip = b_.addFill("unembedding/arrow_tip",
                             shapes::arrowTip(end, {1, 0, 0}, bars::kArrowTip, bars::kArrowTip),
                             Pose{}, hex(colour::kQuestion));
  b_.hideUntil(tip, t0 + 0.9);
  return {shaft, tip};
}

}  // namespace flowview::scenes
