// The unembedding matrix: W_U times the last vector gives one value per vocabulary token, and
// softmax turns the values into the probability list of the desired-output beat.
#include <algorithm>
#include <iterator>

#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"
#include "core/text/text_layout.h"

namespace flowview::scenes {

using namespace look;

// Where the matrix sits, shared by the beat's steps.
struct NetworkFlow::MatrixLayout {
  float z = 0;
  float height = matrix::kHeight, pitch_y = matrix::kHeight / matrix::kRows;
  float left = 0, right = 0, bottom = 0;
  float vector_x = 0, center_y = 0;  // the copied vector beside the matrix
  float product_x = 0;               // the product's column
  float rowY(int r) const { return bottom + height - (r + 0.5f) * pitch_y; }
};

void NetworkFlow::unembeddingMatrix(const std::string& notes) {
  beginBeat("unembedding matrix", {});
  const Layer& layer = layers_.back();
  const Column& last = layer.columns.back();
  const glm::vec3 corner = makeRoomForMatrix(notes);
  MatrixLayout m = showMatrix(layer, last);
  multiplyMatrixByVector(m, last);
  const float words_right = labelVocabulary(m);
  applySoftmax(m, words_right, corner);
}

glm::vec3 NetworkFlow::makeRoomForMatrix(const std::string& notes) {
  const double t0 = b_.now();
  for (int e : phrase_elements_) {
    b_.fadeOut(e, {t0, t0 + 1}, glm::vec3(0, 1, 0));
    b_.remove(e, t0 + 1);
  }
  // The probability list shrinks into the bottom-right corner.
  const glm::vec3 corner(frame::kHalfWidth - matrix::kCornerBuff,
                         -frame::kHalfHeight + matrix::kCornerBuff, 0);
  for (int e : prob_elements_) {
    Pose target = b_.poseNow(e);
    target.position = corner + matrix::kShrink * (target.position - corner);
    target.scale *= matrix::kShrink;
    b_.moveTo(e, {t0, t0 + 2}, target);
  }
  if (prob_arrow_ >= 0) b_.fadeOut(prob_arrow_, {t0, t0 + 2});
  moveCameraTo({t0, t0 + 2}, camera::kMatrixView.euler, camera::kMatrixView.center,
               camera::kMatrixView.height);
  play(2.0, "make room", notes);
  return corner;
}

NetworkFlow::MatrixLayout NetworkFlow::showMatrix(const Layer& layer, const Column& last) {
  // W_U above the last vector; the token blocks leave.
  double t0 = b_.now();
  MatrixLayout m;
  m.z = layer.z;
  const int cols = config_.embedding_length;
  m.right = last.x + layer::kColumnWidth / 2 - matrix::kRightOfVector;
  m.bottom = layer::kHeight / 2 + matrix::kAboveLayer;
  m.left = m.right - cols * matrix::kPitchX;
  std::vector<int> elements;
  for (int r = 0; r < matrix::kRows; ++r) {
    const float ry = m.rowY(r);
    for (int c = 0; c < cols; ++c) {
      const float cx = m.left + (c + 0.5f) * matrix::kPitchX;
      if (r == matrix::kDotsRow) {
        elements.push_back(addVerticalDots("wu/vdots" + std::to_string(c), {cx, ry, m.z}));
        continue;
      }
      const float v = randomEntry(-matrix::kValueMax, matrix::kValueMax);
      elements.push_back(addNumber("wu/entry" + std::to_string(r) + "_" + std::to_string(c), v, 1,
                                   matrix::kEntryEm, {cx, ry, m.z}, valueToColor(v)));
    }
  }
  const float mid_y = m.bottom + m.height / 2;
  elements.push_back(b_.addStroke(
      "wu/lbracket", shapes::bracket(m.height, matrix::kBracketSerif, true, stroke::kBrace),
      at({m.left - matrix::kBracketGap, mid_y, m.z}), colour::kWhite));
  elements.push_back(b_.addStroke(
      "wu/rbracket", shapes::bracket(m.height, matrix::kBracketSerif, false, stroke::kBrace),
      at({m.right + matrix::kBracketGap, mid_y, m.z}), colour::kWhite));
  // W with a subscript U (the seed's Tex "W_U"): the U smaller, right of and below the W.
  const float label_x = m.left - matrix::kLabelGap, em = textEm(font::kMatrixLabel);
  const int label =
      addText("wu/label", "W", font::kMatrixLabel,
              {label_x - matrix::kSubscriptRight * em / 2, mid_y, m.z}, colour::kWhite);
  const int subscript = addText(
      "wu/label_subscript", "U", font::kMatrixLabel * matrix::kSubscriptScale,
      {label_x + matrix::kSubscriptRight * em / 2, mid_y - matrix::kSubscriptDrop * em, m.z},
      colour::kWhite);
  elements.push_back(label);
  elements.push_back(subscript);
  for (int e : elements) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1}, glm::vec3(-0.3f, 0.3f, 0));
  }
  std::vector<int> leaving = token_blocks_;
  leaving.insert(leaving.end(), token_arrows_.begin(), token_arrows_.end());
  for (int e : leaving) {
    b_.fadeOut(e, {t0, t0 + 1});
    b_.remove(e, t0 + 1);
  }
  addPart("", "unembedding_matrix/matrix", "matrix",
          std::vector<int>(elements.begin(), elements.end() - 2));
  addPart("", "unembedding_matrix/label", "text", {label, subscript});
  play(1.0, "the unembedding matrix");

  t0 = b_.now();
  const int rect = b_.addStroke(
      "wu/vector_rect",
      shapes::rectangleOutline(layer::kColumnWidth + bars::kRectMargin,
                               layer::kHeight + bars::kRectMargin, bars::kHighlightStroke),
      at({last.x, 0, m.z}), hex(colour::kQuestion));
  b_.hideUntil(rect, t0);
  b_.reveal(rect, {t0, t0 + 1}, RevealStyle::Prefix);
  addPart("", "unembedding_matrix/highlight", "rectangle", {rect});
  play(1.0, "the last vector");
  return m;
}

int NetworkFlow::addVerticalDots(const std::string& id, glm::vec3 position) {
  return b_.addFill(id, shapes::dots(3, 0.025f, 0.09f, {0, 1, 0}), at(position), colour::kWhite);
}

void NetworkFlow::multiplyMatrixByVector(MatrixLayout& m, const Column& last) {
  // A copy of the vector moves next to the matrix; the product appears on the right.
  double t0 = b_.now();
  m.vector_x = m.right + matrix::kVectorGap + layer::kColumnWidth / 2 + matrix::kVectorMargin;
  m.center_y = m.bottom + m.height / 2;
  const float vx = m.vector_x, vy = m.center_y;
  const float scale = m.height / layer::kHeight * matrix::kVectorShrink;
  Layer single;
  single.columns.push_back(last);
  Layer moved = copyLayer(single, "wu/vector", false);
  std::vector<int> vector = layerElements(moved);
  for (int e : vector) {
    Pose target = b_.poseNow(e);
    target.position =
        glm::vec3(vx, vy, m.z) + (target.position - glm::vec3(last.x, 0, m.z)) * scale;
    target.scale *= scale;
    b_.hideUntil(e, t0);
    b_.moveTo(e, {t0, t0 + 1}, target);
  }
  const glm::vec3 a0(last.x, layer::kHeight / 2 + matrix::kArrowRise, m.z),
      a1(vx, vy - 0.5f * layer::kHeight * scale - matrix::kArrowShort, m.z);
  StrokeGeometry arrow;
  arrow.points = {a0, a1 - glm::normalize(a1 - a0) * matrix::kArrowInset};
  arrow.width = bars::kArrowStroke;
  const int shaft = b_.addStroke("wu/vector_arrow", arrow, Pose{}, hex(colour::kQuestion));
  b_.hideUntil(shaft, t0);
  b_.reveal(shaft, {t0, t0 + 1}, RevealStyle::Prefix);
  const int tip = b_.addFill("wu/vector_arrow_tip",
                             shapes::arrowTip(a1, a1 - a0, matrix::kArrowTip, matrix::kArrowTip),
                             Pose{}, hex(colour::kQuestion));
  b_.hideUntil(tip, t0 + 0.9);
  vector.insert(vector.end(), {shaft, tip});
  addPart("", "unembedding_matrix/vector", "column", vector);
  play(1.0, "the vector beside the matrix");

  t0 = b_.now();
  // "=" a clear gap right of the vector, the product's bracket a wider one right of the "=": the
  // softmax rectangle drawn later around the product passes between them.
  const float eq_half = 0.5f * text::layoutText(atlas_, "=").width * textEm(font::kEquals);
  const float eq_x = vx + layer::kColumnWidth * scale / 2 + matrix::kEqualsGap + eq_half;
  const int eq = addText("wu/equals", "=", font::kEquals, {eq_x, vy, m.z}, colour::kWhite);
  b_.hideUntil(eq, t0);
  b_.fadeIn(eq, {t0, t0 + 0.5});
  m.product_x = eq_x + eq_half + matrix::kEqualsToProductBracket + matrix::kProductBracketGap;
  const float rhs_x = m.product_x;
  std::vector<int> product = {eq};
  const auto rhs_w = laggedWindows(matrix::kRows, 1.0, 0.1, 2.0);
  for (int r = 0; r < matrix::kRows; ++r) {
    const float ry = m.rowY(r);
    int e;
    if (r == matrix::kDotsRow) {
      e = addVerticalDots("wu/rhs_dots", {rhs_x, ry, m.z});
    } else {
      TextGeometry g;
      g.is_number = true;
      g.decimals = 1;
      g.em_size = matrix::kEntryEm;
      const float v = randomEntry(-matrix::kValueMax, matrix::kValueMax);
      e = b_.addText("wu/rhs" + std::to_string(r), g, at({rhs_x, ry, m.z}), valueToColor(v));
      b_.element(e).value.setInitial(v);
    }
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0 + rhs_w[r].start, t0 + rhs_w[r].end}, glm::vec3(-0.3f, 0, 0));
    product.push_back(e);
  }
  const int rb_l =
      b_.addStroke("wu/rhs_lbracket",
                   shapes::bracket(m.height, matrix::kProductBracketSerif, true, stroke::kBrace),
                   at({rhs_x - matrix::kProductBracketGap, vy, m.z}), colour::kWhite);
  const int rb_r =
      b_.addStroke("wu/rhs_rbracket",
                   shapes::bracket(m.height, matrix::kProductBracketSerif, false, stroke::kBrace),
                   at({rhs_x + matrix::kProductBracketGap, vy, m.z}), colour::kWhite);
  for (int e : {rb_l, rb_r}) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1});
    product.push_back(e);
  }
  addPart("", "unembedding_matrix/product", "column", product);
  play(2.0, "matrix times vector");
}

float NetworkFlow::labelVocabulary(const MatrixLayout& m) {
  // One value per token of the vocabulary.
  const double t0 = b_.now();
  static const char* kWords[] = {"aah",     "aardvark",   "aardwolf", "aargh",   "ab",
                                 "aback",   "abacterial", "abacus",   "...",     "zygote",
                                 "zygotic", "zyme",       "zymogen",  "zymosis", "zzz"};
  static_assert(std::size(kWords) == matrix::kRows);
  const float rhs_x = m.product_x, vy = m.center_y;
  const auto word_w = laggedWindows(matrix::kRows, 1.0, 0.05, 1.0);
  float words_right = rhs_x + matrix::kWordsMinRight;
  std::vector<int> words;
  for (int r = 0; r < matrix::kRows; ++r) {
    const float ry = m.rowY(r);
    int e;
    if (std::string(kWords[r]) == "...") {
      e = addVerticalDots("wu/word_dots", {rhs_x + matrix::kWordsDotsGap, ry, m.z});
    } else {
      TextGeometry g;
      g.utf8 = kWords[r];
      g.em_size = matrix::kWordEm;
      g.align = 0;
      e = b_.addText(std::string("wu/word_") + kWords[r], g,
                     at({rhs_x + matrix::kWordsGap, ry, m.z}), colour::kWhite);
      words_right =
          std::max(words_right, rhs_x + matrix::kWordsGap +
                                    text::layoutText(atlas_, kWords[r]).width * matrix::kWordEm);
    }
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0 + word_w[r].start, t0 + word_w[r].end}, glm::vec3(0.5f, 0, 0));
    words.push_back(e);
  }
  const int brace =
      b_.addStroke("wu/brace", shapes::brace(m.height, matrix::kBraceDepth, false, stroke::kBrace),
                   at({words_right + matrix::kBraceGap, vy, m.z}), colour::kWhite);
  const int brace_label = addText("wu/brace_label", "~50k values", font::kCountLabel,
                                  {words_right + matrix::kCountLabelGap, vy, m.z}, colour::kWhite);
  for (int e : {brace, brace_label}) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1});
  }
  vocabulary_brace_ = {brace, brace_label};
  addPart("", "unembedding_matrix/words", "text", words);
  addPart("", "unembedding_matrix/brace", "brace", vocabulary_brace_);
  play(1.0, "one value per token");
  hold(1.0);
  return words_right;
}

void NetworkFlow::applySoftmax(const MatrixLayout& m, float words_right, glm::vec3 corner) {
  // Softmax turns the values into the probabilities.
  const double t0 = b_.now();
  for (int e : vocabulary_brace_) b_.fadeOut(e, {t0, t0 + 1});
  const float rhs_x = m.product_x, vy = m.center_y;
  const float rect_l = rhs_x - matrix::kSoftmaxLeft, rect_r = words_right + matrix::kSoftmaxRight;
  const glm::vec3 rect_c(0.5f * (rect_l + rect_r), vy, m.z);
  const int big_fill = b_.addFill(
      "wu/softmax_fill", shapes::rectangleFill(rect_r - rect_l, m.height + matrix::kSoftmaxExtra),
      at(rect_c), hex(colour::kSoftmax), matrix::kSoftmaxFill);
  const int big = b_.addStroke(
      "wu/softmax_rect",
      shapes::rectangleOutline(rect_r - rect_l, m.height + matrix::kSoftmaxExtra, stroke::kBrace),
      at(rect_c), hex(colour::kSoftmax));
  b_.hideUntil(big_fill, t0);
  b_.hideUntil(big, t0);
  b_.reveal(big, {t0 + 0.3, t0 + 1.3}, RevealStyle::Prefix);
  b_.fadeIn(big_fill, {t0 + 0.8, t0 + 1.3});
  const glm::vec3 s0(rect_r + matrix::kSoftmaxArrowGap, vy, m.z),
      s1 = s0 + glm::vec3(matrix::kSoftmaxArrow, 0, 0);
  const int arrow = b_.addFill("wu/softmax_arrow",
                               shapes::arrowFill(s0, s1, 0.08f, matrix::kSoftmaxTipWidth,
                                                 matrix::kSoftmaxTipWidth, 0.5f * (s0 + s1)),
                               at(0.5f * (s0 + s1)), colour::kWhite);
  b_.hideUntil(arrow, t0 + 0.6);
  b_.reveal(arrow, {t0 + 0.6, t0 + 1.6}, RevealStyle::Grow);
  // next_to(softmax_arrow, UP, buff=0.35): the label's ink a clear gap above the arrow's tip.
  const float label_em = textEm(font::kSoftmaxLabel);
  const text::TextLayout label_layout = text::layoutText(atlas_, "softmax");
  const float label_rise = 0.5f * matrix::kSoftmaxTipWidth + matrix::kSoftmaxLabelBuff +
                           0.5f * label_layout.height * label_em;
  const int label = addText("wu/softmax_label", "softmax", font::kSoftmaxLabel,
                            0.5f * (s0 + s1) + glm::vec3(0, label_rise, 0), colour::kWhite);
  b_.hideUntil(label, t0 + 0.9);
  b_.reveal(label, {t0 + 0.9, t0 + 1.9}, RevealStyle::Parts, Rate::Smooth, 0.1f);
  // The camera pans a little right to make room for the list beside the arrow.
  moveCameraTo({t0, t0 + 2}, std::nullopt,
               camera::kMatrixView.center + glm::vec3(matrix::kSoftmaxPan, 0, 0), std::nullopt);
  moveListBesideArrow(m, s1, corner, {t0 + 1, t0 + 2});
  addPart("", "unembedding_matrix/softmax", "group", {big_fill, big, arrow, label});
  play(2.0, "softmax");
  hold(1.0);
}

void NetworkFlow::moveListBesideArrow(const MatrixLayout& m, glm::vec3 arrow_tip, glm::vec3 corner,
                                      TimeWindow w) {
  if (prob_elements_.empty()) return;  // no desired_output beat ran: there is no list to move
  // The seed ends the softmax step with prob_group.match_height(rhs).next_to(softmax_arrow,
  // RIGHT, buff=0.25). The list stays fixed in the frame, so its place is where that lands on
  // screen under the matrix view's camera: its brace a gap right of the arrow's tip, centred on
  // the arrow, as tall as the product (smaller only if it would leave the frame on the right).
  const Camera cam = b_.cameraNow();
  constexpr float kAspect = 16.0f / 9.0f;
  auto toFrame = [&](glm::vec3 world) {
    const glm::vec3 ndc = cam.projectToNdc(world, kAspect);
    return glm::vec3(ndc.x * frame::kHalfWidth, ndc.y * frame::kHalfHeight, 0);
  };
  const glm::vec3 tip = toFrame(arrow_tip);
  const float per_unit = toFrame(arrow_tip + glm::vec3(0, 1, 0)).y - tip.y;  // frame per world
  const float gap = matrix::kListBuff * per_unit;
  // The list as the desired-output beat laid it out (before the corner shrink): from the brace's
  // tip to the words' right end, desired::kListHeight tall.
  const glm::vec3 brace_at = b_.poseNow(prob_elements_.back()).position;
  const float list_left =
      corner.x + (brace_at.x - corner.x) / matrix::kShrink - desired::kBraceDepth;
  const float list_right = frame::kHalfWidth - desired::kRightBuff;
  const float list_mid_y = -frame::kHalfHeight + desired::kBottomBuff + 0.5f * desired::kListHeight;
  const float room = frame::kHalfWidth - desired::kRightBuff - (tip.x + gap);
  const float scale = std::min(m.height * per_unit / desired::kListHeight,
                               room / std::max(list_right - list_left, 1e-3f));
  const glm::vec3 from(list_left, list_mid_y, 0), to(tip.x + gap, tip.y, 0);
  for (int e : prob_elements_) {
    Pose target = b_.poseNow(e);
    const glm::vec3 original = corner + (target.position - corner) * (1.0f / matrix::kShrink);
    target.position = to + scale * (original - from);
    target.scale *= (1.0f / matrix::kShrink) * scale;
    b_.moveTo(e, w, target);
  }
}

}  // namespace flowview::scenes
