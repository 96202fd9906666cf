// The phrase, its tokens and their embedding vectors (the first section of the flow).
#include <algorithm>
#include <cmath>

#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/network_flow/phrase_layout.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"

namespace flowview::scenes {

using namespace look;

namespace {

// When subset i+1 of `count` shows in ShowIncreasingSubsets (smooth): smooth(alpha) * count
// reaches i + 1.
double subsetShowTime(int i, int count) {
  double lo = 0, hi = 1;
  for (int it = 0; it < 40; ++it) {
    const double mid = 0.5 * (lo + hi);
    (applyRate(Rate::Smooth, mid) * count >= i + 1 - 1e-9 ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace

// The phrase set in one line, each token with its rectangle, colour and elements.
struct NetworkFlow::TokenRow {
  int n = 0;  // tokens, the predicted last one included
  std::vector<PieceLayout> pieces;
  float unit = 1, rect_height = 1, phrase_center = 0;
  std::vector<float> left, right;  // rectangle edges in em, relative to the phrase center
  std::vector<Rgb> colors;
  std::vector<int> words, fills, strokes;  // one per shown token
  int yellow_fill = -1, yellow_stroke = -1, question_marks = -1;

  float centerX(int i) const { return 0.5f * (left[i] + right[i]) * unit; }
  float width(int i) const { return (right[i] - left[i]) * unit; }
};

void NetworkFlow::showTokens(const ShowTokensParams& p) {
  beginBeat("text and embeddings", p.parts);
  TokenRow row = layoutTokenRow();
  showWords(row, p.notes);
  askForTheNextToken(row);
  drawTokenRectangles(row);
  pointAtEachToken(row);
  embedTokens(row, p.word_scale);
}

NetworkFlow::TokenRow NetworkFlow::layoutTokenRow() {
  TokenRow row;
  const float em = textEm(font::kPhrase);
  row.n = static_cast<int>(config_.tokens.size());
  row.pieces = layoutPieces(atlas_, config_.tokens);
  // set_max_width(FRAME_WIDTH - 1): shrink long phrases to fit the frame.
  const float phrase_width = (row.pieces.back().ink_right - row.pieces.front().ink_left) * em;
  const float fit = std::min(1.0f, frame::kMaxPhraseWidth / std::max(phrase_width, 1e-3f));
  row.unit = em * fit;
  row.phrase_center = 0.5f * (row.pieces.front().ink_left + row.pieces.back().ink_right);
  row.rect_height = tokens::kRectHeightEm * font::kPhrase * kEmPerFontSize * fit;
  row.left.resize(row.n);
  row.right.resize(row.n);
  for (int i = 0; i < row.n; ++i) {
    row.left[i] =
        (i == 0 ? row.pieces[i].ink_left : row.pieces[i - 1].ink_right) - row.phrase_center;
    row.right[i] = row.pieces[i].ink_right - row.phrase_center;
    row.colors.push_back(random_.brightColor(colour::kTokenHueLo, colour::kTokenHueHi));
  }
  return row;
}

void NetworkFlow::showWords(TokenRow& row, const std::string& notes) {
  const double t0 = b_.now();
  for (int i = 0; i < row.n - 1; ++i) {
    TextGeometry g;
    g.utf8 = config_.tokens[i];
    g.em_size = row.unit;
    const glm::vec3 pos((row.pieces[i].origin_offset.x - row.phrase_center) * row.unit,
                        row.pieces[i].origin_offset.y * row.unit, 0);
    const int word =
        b_.addText("tokens/" + std::to_string(i) + "/text", g, at(pos), colour::kWhite);
    b_.hideUntil(word, t0 + subsetShowTime(i, row.n - 1));
    row.words.push_back(word);
  }
  addPart("words", "tokens/words", "text", row.words);
  play(1.0, "tokens appear", notes);
}

void NetworkFlow::askForTheNextToken(TokenRow& row) {
  // A box around the phrase, a curved arrow from it to the yellow box, "???".
  const double t0 = b_.now();
  const int n = row.n;
  const float rect_height = row.rect_height;
  const float last_w = row.width(n - 1);
  const glm::vec3 last_center(row.centerX(n - 1), 0, 0);
  row.yellow_fill = b_.addFill("tokens/predicted/fill", shapes::rectangleFill(last_w, rect_height),
                               at(last_center), hex(colour::kQuestion), colour::kTokenFill);
  row.yellow_stroke = b_.addStroke(
      "tokens/predicted/stroke", shapes::rectangleOutline(last_w, rect_height, tokens::kRectStroke),
      at(last_center), hex(colour::kQuestion));
  // The seed adds the yellow box between the plays: hlnf_00 (1.0 s) does not show it yet.
  b_.hideUntil(row.yellow_fill, justAfter(t0));
  b_.hideUntil(row.yellow_stroke, justAfter(t0));
  const float big_left = row.left[0] * row.unit, big_right = row.right[n - 2] * row.unit;
  const int big_rect = b_.addStroke(
      "tokens/phrase_box",
      shapes::rectangleOutline(big_right - big_left, rect_height, tokens::kPhraseBoxStroke),
      at({0.5f * (big_left + big_right), 0, 0}), hex(colour::kPhraseBox));
  const glm::vec3 arrow_start(0.5f * (big_left + big_right), rect_height / 2, 0);
  const glm::vec3 arrow_end(last_center.x, rect_height / 2, 0);
  const glm::vec3 scaled_start = arrow_end + tokens::kQuestionArcScale * (arrow_start - arrow_end);
  StrokeGeometry arc;
  arc.points =
      shapes::arcPoints(scaled_start, arrow_end, tokens::kQuestionArcDegrees * kPi / 180.0f);
  while (arc.points.size() > 4 &&
         glm::length(arc.points.back() - arrow_end) < tokens::kQuestionArcTrim)
    arc.points.pop_back();
  while (arc.points.size() > 4 &&
         glm::length(arc.points.front() - scaled_start) < tokens::kQuestionArcTrim)
    arc.points.erase(arc.points.begin());
  arc.width = tokens::kQuestionArcStroke;
  const glm::vec3 tip_dir = arc.points.back() - arc.points[arc.points.size() - 2];
  const glm::vec3 tip_point = arc.points.back();
  arc.points.back() -= glm::normalize(tip_dir) * tokens::kQuestionTipInset;  // shaft inside the tip
  const int arrow = b_.addStroke("tokens/question_arrow", arc, Pose{}, hex(colour::kArrow));
  const int arrow_tip = b_.addFill(
      "tokens/question_arrow_tip",
      shapes::arrowTip(tip_point, tip_dir, tokens::kQuestionTipSize, tokens::kQuestionTipSize),
      Pose{}, hex(colour::kArrow));
  row.question_marks = addText(
      "tokens/question_marks", "???", font::kQuestionMarks,
      last_center + glm::vec3(0, -rect_height / 2 - tokens::kQuestionGap, 0), colour::kWhite);
  const auto windows = groupWindows({1.0, 1.0, 1.0}, 0.3);
  b_.fadeIn(big_rect, {t0 + windows[0].start, t0 + windows[0].end});
  b_.reveal(arrow, {t0 + windows[1].start, t0 + windows[1].end}, RevealStyle::Prefix);
  b_.fadeIn(arrow_tip, {t0 + windows[1].end - 0.15, t0 + windows[1].end}, glm::vec3(0.0f),
            Rate::Linear);
  b_.reveal(row.question_marks, {t0 + windows[2].start, t0 + windows[2].end}, RevealStyle::Parts,
            Rate::Smooth, 0.2f);
  addPart("predicted", "tokens/predicted", "rectangle", {row.yellow_fill, row.yellow_stroke});
  addPart("question", "tokens/question", "group", {big_rect, arrow, arrow_tip, row.question_marks});
  play(1.6, "the question: which token comes next?");
  hold(1.0);

  // The box and the arrow leave as the next play starts.
  const double t1 = b_.now();
  for (int e : {big_rect, arrow, arrow_tip}) b_.fadeOut(e, {t1, t1 + 1});
}

void NetworkFlow::drawTokenRectangles(TokenRow& row) {
  // Rectangles drawn around every token (DrawBorderThenFill, 2 s each, lag 0.02), the words take
  // their rectangle's colour (lag 0.05).
  const double t0 = b_.now();
  const int n = row.n;
  const auto rect_windows = laggedWindows(n - 1, 2.0, 0.02);
  const auto color_windows = laggedWindows(n - 1, 1.0, 0.05);
  for (int i = 0; i < n - 1; ++i) {
    const float w = row.width(i);
    const glm::vec3 c(row.centerX(i), 0, 0);
    const int fill = b_.addFill("tokens/" + std::to_string(i) + "/fill",
                                shapes::rectangleFill(w, row.rect_height), at(c), row.colors[i],
                                colour::kTokenFill);
    const int stroke = b_.addStroke(
        "tokens/" + std::to_string(i) + "/stroke",
        shapes::rectangleOutline(w, row.rect_height, tokens::kRectStroke), at(c), row.colors[i]);
    const TimeWindow rw = rect_windows[i];
    b_.reveal(stroke, {t0 + rw.start, t0 + rw.start + 0.5 * rw.duration()}, RevealStyle::Prefix);
    b_.fadeIn(fill, {t0 + rw.start + 0.5 * rw.duration(), t0 + rw.end});
    b_.recolor(row.words[i], {t0 + color_windows[i].start, t0 + color_windows[i].end},
               row.colors[i]);
    row.fills.push_back(fill);
    row.strokes.push_back(stroke);
    addPart("", "token" + std::to_string(i + 1), "token", {row.words[i], fill, stroke});
  }
  std::vector<int> rectangles = row.fills;
  rectangles.insert(rectangles.end(), row.strokes.begin(), row.strokes.end());
  addPart("rectangles", "tokens/rectangles", "rectangles", rectangles);
  std::vector<int> all = row.words;
  all.insert(all.end(), rectangles.begin(), rectangles.end());
  addPart("", "tokens", "tokens", all);
  play(rect_windows.back().end, "token rectangles");
  hold(1.0);
}

void NetworkFlow::pointAtEachToken(const TokenRow& row) {
  // The "Tokens" label, arrows flashing to every token, the label leaves.
  const int n = row.n;
  double t0 = b_.now();
  const glm::vec3 label_pos(0, frame::kTitleY, 0);
  const int label =
      addText("tokens/label", "Tokens", font::kTokensLabel, label_pos, colour::kWhite);
  b_.fadeIn(label, {t0, t0 + 1}, glm::vec3(0, 1, 0));
  addPart("label", "tokens/label", "text", {label});
  play(1.0, "\"Tokens\" label");
  t0 = b_.now();
  const auto flash_windows = laggedWindows(n - 1, 1.0, 0.25, 4.0);
  std::vector<int> arrows;
  for (int i = 0; i < n - 1; ++i) {
    const glm::vec3 from = label_pos + glm::vec3(0, -tokens::kLabelArrowDrop, 0);
    const glm::vec3 to(row.centerX(i), row.rect_height / 2, 0);
    const glm::vec3 dir = glm::normalize(to - from);
    const glm::vec3 a = from + dir * tokens::kArrowBuff, bpt = to - dir * tokens::kArrowBuff;
    const glm::vec3 mid = 0.5f * (a + bpt);
    const int arrow =
        b_.addFill("tokens/label_arrow/" + std::to_string(i),
                   shapes::arrowFill(a, bpt, tokens::kLabelArrowShaft, tokens::kLabelArrowTip,
                                     tokens::kLabelArrowTip, mid),
                   at(mid), row.colors[i]);
    b_.element(arrow).opacity.setInitial(0.0f);
    const TimeWindow w = flash_windows[i];
    b_.fadeTo(arrow, {t0 + w.start, t0 + w.start + 0.5 * w.duration()}, 1.0f);
    b_.fadeTo(arrow, {t0 + w.start + 0.5 * w.duration(), t0 + w.end}, 0.0f);
    arrows.push_back(arrow);
  }
  addPart("label_arrows", "tokens/label_arrows", "arrows", arrows);
  play(4.0, "arrows to each token");
  t0 = b_.now();
  b_.fadeOut(label, {t0, t0 + 1}, glm::vec3(0, -1, 0));
  play(1.0, "label fades out");
}

void NetworkFlow::embedTokens(TokenRow& row, float word_scale) {
  // Camera up 1, tokens shrink and move up, embedding columns fade in, arrows grow.
  const int n = row.n;
  const double t0 = b_.now();
  Layer layer = makeLayer(0.0f, "layer0");
  moveCameraTo({t0, t0 + 1}, std::nullopt, glm::vec3(0, 1, 0), std::nullopt);
  const float token_y = layer::kHeight / 2 + tokens::kGapAboveLayer + tokens::kTokensAboveLayer +
                        0.5f * row.rect_height * word_scale;
  for (int i = 0; i < n - 1; ++i) {
    const float x = (i - 0.5f * (n - 2)) * layer::kColumnPitch;
    const float rect_cx = row.centerX(i);
    auto move_piece = [&](int e) {
      Pose target = b_.poseNow(e);
      target.position = glm::vec3(x + (target.position.x - rect_cx) * word_scale,
                                  token_y + target.position.y * word_scale, 0);
      target.scale = glm::vec3(word_scale);
      b_.moveTo(e, {t0, t0 + 1}, target);
    };
    for (int e : {row.words[i], row.fills[i], row.strokes[i]}) {
      move_piece(e);
      token_blocks_.push_back(e);
    }
    // Arrow from the token down to its column (GrowFromCenter).
    const glm::vec3 top(x, token_y - 0.5f * row.rect_height * word_scale - tokens::kArrowBuff, 0);
    const glm::vec3 bottom(x, layer::kHeight / 2 + tokens::kArrowBuff, 0);
    const glm::vec3 mid = 0.5f * (top + bottom);
    const int down = b_.addFill(
        "tokens/embed_arrow/" + std::to_string(i),
        shapes::arrowFill(top, bottom, tokens::kEmbedArrowShaft, tokens::kEmbedArrowTipLength,
                          tokens::kEmbedArrowTipWidth, mid),
        at(mid), hex(colour::kArrow));
    const TimeWindow w = laggedWindows(n - 1, 1.0, 0.05, 2.0)[i];
    b_.reveal(down, {t0 + w.start, t0 + w.end}, RevealStyle::Grow);
    token_arrows_.push_back(down);
  }
  // The question group follows the tokens to the right.
  const float q_x = (n - 1 - 0.5f * (n - 2)) * layer::kColumnPitch + tokens::kQuestionShift;
  auto move_question = [&](int e, float y) {
    Pose target = b_.poseNow(e);
    target.position = glm::vec3(q_x, y, 0);
    target.scale = glm::vec3(word_scale);
    b_.moveTo(e, {t0, t0 + 1}, target);
    token_blocks_.push_back(e);
  };
  move_question(row.yellow_fill, token_y);
  move_question(row.yellow_stroke, token_y);
  move_question(row.question_marks,
                token_y - 0.5f * row.rect_height * word_scale - tokens::kArrowBuff);
  const auto column_windows = laggedWindows(static_cast<int>(layer.columns.size()), 1.0, 0.05, 2.0);
  for (size_t c = 0; c < layer.columns.size(); ++c) {
    for (int e : columnElements(layer.columns[c]))
      b_.fadeIn(e, {t0 + column_windows[c].start, t0 + column_windows[c].end},
                glm::vec3(0, layer::kFadeInShift, 0));
  }
  b_.reveal(layer.gap_dots, {t0, t0 + 1}, RevealStyle::Parts, Rate::Smooth);
  b_.element(layer.left).opacity.setInitial(0.0f);
  b_.element(layer.right).opacity.setInitial(0.0f);
  addPart("embed_arrows", "tokens/embed_arrows", "arrows", token_arrows_);
  addLayerParts("layer", layer, layers_.size());
  play(2.0, "tokens become embedding vectors");

  const double t1 = b_.now();
  for (int e : {layer.left, layer.right}) {
    b_.fadeTo(e, {t1, t1 + 1}, 1.0f);
    b_.reveal(e, {t1, t1 + 1}, RevealStyle::Prefix);
  }
  play(1.0, "brackets around the array");
  hold(1.0);
  layers_.push_back(std::move(layer));
}

}  // namespace flowview::scenes
