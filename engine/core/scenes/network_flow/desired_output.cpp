// The desired output: the phrase with its last word hidden, and the list of candidate words with
// their probabilities (fixed in frame, over the 3D scene).
#include <algorithm>

#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/network_flow/phrase_layout.h"
#include "core/scenes/shapes.h"
#include "core/text/text_layout.h"

namespace flowview::scenes {

using namespace look;

int NetworkFlow::fixedInFrame(int e) {
  b_.element(e).fixed_in_frame = true;
  return e;
}

void NetworkFlow::desiredOutput(const DesiredOutputParams& p) {
  beginBeat("desired output", p.parts);
  showPhraseWithBlank(p.notes);
  showCandidateList(p);
}

void NetworkFlow::showPhraseWithBlank(const std::string& notes) {
  // The phrase at the top left of the screen, its last word hidden behind a yellow box.
  double t0 = b_.now();
  const std::vector<std::string>& pieces = config_.tokens;
  const std::vector<PieceLayout> layout = layoutPieces(atlas_, pieces);
  const float em = textEm(font::kPhrase);
  const float full = (layout.back().ink_right - layout.front().ink_left) * em;
  const float fit = std::min(1.0f, frame::kMaxPhraseWidth / std::max(full, 1e-3f));
  const float unit = em * fit;
  const float left =
      -frame::kHalfWidth + frame::kEdgeBuff - layout.front().ink_left * unit;  // to_corner(UL)
  const float y = frame::kTitleY;
  const int n = static_cast<int>(pieces.size());
  const auto word_w = laggedWindows(n - 1, 1.0, 0.1, 2.0);
  for (int i = 0; i + 1 < n; ++i) {
    TextGeometry g;
    g.utf8 = pieces[i];
    g.em_size = unit;
    const int e = fixedInFrame(b_.addText(
        "desired/phrase" + std::to_string(i), g,
        at({left + layout[i].origin_offset.x * unit, y + layout[i].origin_offset.y * unit, 0}),
        colour::kWhite));
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0 + word_w[i].start, t0 + word_w[i].end});
    phrase_elements_.push_back(e);
  }
  addPart("phrase", "desired/phrase", "text", phrase_elements_);
  play(2.0, "the phrase", notes);

  t0 = b_.now();
  const float box_l = left + layout[n - 1].ink_left * unit - desired::kBlankMargin,
              box_r = left + layout[n - 1].ink_right * unit + desired::kBlankMargin;
  const float box_h = desired::kBlankHeight;
  const glm::vec3 box_c(0.5f * (box_l + box_r), y, 0);
  const int fill =
      fixedInFrame(b_.addFill("desired/blank_fill", shapes::rectangleFill(box_r - box_l, box_h),
                              at(box_c), hex(colour::kQuestion), desired::kBlankFill));
  const int stroke = fixedInFrame(b_.addStroke(
      "desired/blank", shapes::rectangleOutline(box_r - box_l, box_h, desired::kBlankStroke),
      at(box_c), hex(colour::kQuestion)));
  const int q =
      fixedInFrame(addText("desired/question", "???", font::kQuestionMarks,
                           box_c + glm::vec3(0, -desired::kQuestionGap, 0), colour::kWhite));
  for (int e : {fill, stroke, q}) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1}, glm::vec3(desired::kEnterShift, 0, 0));
    phrase_elements_.push_back(e);
  }
  addPart("blank", "desired/blank", "group", {fill, stroke, q});
  play(1.0, "which word comes next?");
  hold(1.0);
}

void NetworkFlow::showCandidateList(const DesiredOutputParams& p) {
  // Candidate words at the right edge with probability bars.
  const double t0 = b_.now();
  const int rows = static_cast<int>(p.words.size());
  const float row_h = std::min(desired::kMaxRow, desired::kListHeight / std::max(1, rows));
  const float right = frame::kHalfWidth - desired::kRightBuff,
              bottom = -frame::kHalfHeight + desired::kBottomBuff;
  const float word_em = desired::kRowFill * row_h / desired::kCapHeightEm;
  float widest = 0;
  for (const auto& w : p.words)
    widest = std::max(widest, text::layoutText(atlas_, w).width * word_em);
  const float words_left = right - widest;
  const float bar_h = desired::kRowFill * row_h * desired::kBarShare;
  size_t value_index = 0;
  const auto row_w = laggedWindows(rows, 1.0, 0.05, 2.0);
  float probs_left = words_left;
  for (int r = 0; r < rows; ++r) {
    const float ry = bottom + (rows - 1 - r + 0.5f) * row_h;
    std::vector<int> parts;
    if (p.words[r] == "...") {
      parts.push_back(fixedInFrame(
          b_.addFill("desired/dots" + std::to_string(r), shapes::dots(3, 0.03f, 0.1f, {0, 1, 0}),
                     at({words_left + desired::kDotsInset, ry, 0}), colour::kWhite)));
    } else {
      TextGeometry g;
      g.utf8 = p.words[r];
      g.em_size = word_em;
      g.align = 0;
      parts.push_back(fixedInFrame(b_.addText("desired/word" + std::to_string(r), g,
                                              at({words_left, ry, 0}), colour::kWhite)));
      const double value =
          value_index < p.probabilities.size() ? p.probabilities[value_index] : 0.0;
      ++value_index;
      const float bar_w = std::max(desired::kMinBar,
                                   static_cast<float>(desired::kBarPerProbability * value) * bar_h);
      const Rgb color = hslToRgb({static_cast<float>(0.5 + 0.1 * value), 0.6f, 0.6f});
      const glm::vec3 bar_c(words_left - desired::kBarGap - bar_w / 2, ry, 0);
      parts.push_back(
          fixedInFrame(b_.addFill("desired/bar" + std::to_string(r),
                                  shapes::rectangleFill(bar_w, bar_h), at(bar_c), color)));
      TextGeometry pg;
      pg.is_number = true;
      pg.decimals = 2;
      pg.em_size = 0.5f * 24 / 48 * textEm(font::kPhrase) / 0.5f;  // font size 24 of 48
      pg.align = 2;
      const float px = words_left - desired::kProbGap - bar_w;
      const int prob = fixedInFrame(
          b_.addText("desired/prob" + std::to_string(r), pg, at({px, ry, 0}), colour::kWhite));
      b_.element(prob).value.setInitial(static_cast<float>(value));
      parts.push_back(prob);
      probs_left = std::min(probs_left, px - desired::kProbMargin);
    }
    for (int e : parts) {
      b_.hideUntil(e, t0);
      b_.fadeIn(e, {t0 + row_w[r].start, t0 + row_w[r].end}, glm::vec3(0, -0.1f, 0));
      prob_elements_.push_back(e);
    }
  }
  addPart("list", "desired/list", "list", prob_elements_);
  const float list_h = rows * row_h;
  const int brace = fixedInFrame(b_.addStroke(
      "desired/brace", shapes::brace(list_h, desired::kBraceDepth, true, stroke::kBrace),
      at({probs_left, bottom + list_h / 2, 0}), colour::kWhite));
  b_.hideUntil(brace, t0);
  b_.reveal(brace, {t0, t0 + 1}, RevealStyle::Grow);
  prob_elements_.push_back(brace);
  const glm::vec3 arrow_end(probs_left - desired::kArrowGap, bottom + list_h / 2, 0),
      arrow_start = arrow_end - glm::vec3(desired::kArrowLength, 0, 0);
  prob_arrow_ =
      fixedInFrame(b_.addFill("desired/arrow",
                              shapes::arrowFill(arrow_start, arrow_end, 0.08f, 0.3f, 0.3f,
                                                0.5f * (arrow_start + arrow_end)),
                              at(0.5f * (arrow_start + arrow_end)), hex(colour::kQuestion)));
  b_.hideUntil(prob_arrow_, t0);
  b_.reveal(prob_arrow_, {t0, t0 + 1}, RevealStyle::Grow);
  addPart("brace", "desired/brace", "brace", {brace});
  addPart("arrow", "desired/arrow", "arrow", {prob_arrow_});
  play(2.0, "the desired output");
  hold(1.0);
}

}  // namespace flowview::scenes
