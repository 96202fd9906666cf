#include "core/scenes/attention_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/lessons/attention_gain.h"
#include "core/lessons/attention_head.h"
#include "core/lessons/causal_averaging.h"
#include "core/math/color.h"
#include "core/scenes/shapes.h"

namespace flowview::scenes {
namespace {

constexpr float kFrameHeight = 11.0f;  // the whole scene is seen from the front at this height
constexpr float kLeft = -5.0f, kRight = 5.0f;
const char* const kSection = "attention math";

std::string fixed(double value, int decimals) {
  char buffer[32];
  if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;  // no "-0.00"
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Bars of height kBarScale * w_i side by side, centered on x = 0, standing on y = 0.
FillGeometry weightBars(const lessons::Vector& weights) {
  constexpr float kBarScale = 8.0f, kPitch = 0.15f, kWidth = 0.12f;
  FillGeometry g;
  const int n = static_cast<int>(weights.size());
  for (int i = 0; i < n; ++i) {
    const float x0 = (i - 0.5f * (n - 1)) * kPitch - 0.5f * kWidth, x1 = x0 + kWidth;
    const float h = kBarScale * static_cast<float>(weights(i));
    g.triangles.insert(g.triangles.end(),
                       {{x0, 0, 0}, {x1, 0, 0}, {x1, h, 0}, {x0, 0, 0}, {x1, h, 0}, {x0, h, 0}});
  }
  return g;
}

std::vector<std::string> tokenLabels(int tokens) {
  std::vector<std::string> labels;
  for (int t = 0; t < tokens; ++t) labels.push_back("t" + std::to_string(t));
  return labels;
}

// The lesson's steps over one SceneBuilder: adding, showing and clearing groups of elements.
class AttentionMath {
 public:
  explicit AttentionMath(SceneBuilder& b) : b_(b) {}

  MatrixHandles matrix(const lessons::Matrix& values, const std::string& name, glm::vec3 center,
                       MatrixColoring coloring, float value_max, float em = 0.23f,
                       bool row_labels = true) {
    MatrixOptions o;
    o.name = name;
    o.center = center;
    o.coloring = coloring;
    o.value_max = value_max;
    o.em_size = em;
    o.max_columns = values.cols() <= 8 ? 8 : 6;  // T x T in full, 16 or 32 channels reduced
    if (row_labels) o.row_labels = tokenLabels(static_cast<int>(values.rows()));
    return addMatrix(b_, values, o);
  }
  int text(const std::string& id, const std::string& utf8, glm::vec3 position, float em = 0.3f,
           Rgb color = Rgb(1.0f)) {
    TextGeometry g;
    g.utf8 = utf8;
    g.em_size = em;
    return b_.addText(id, g, poseAt(position), color);
  }
  // Fades the elements in over [t0, t0 + run], parts lagging by `lag` (manim's LaggedStart).
  void show(const std::vector<int>& elements, double t0, double run, double lag = 0.0) {
    const auto windows = laggedWindows(static_cast<int>(elements.size()), 1.0, lag, run);
    for (size_t i = 0; i < elements.size(); ++i) {
      b_.hideUntil(elements[i], t0);
      b_.fadeIn(elements[i], {t0 + windows[i].start, t0 + windows[i].end});
    }
    shown_.insert(shown_.end(), elements.begin(), elements.end());
  }
  // Fades every element shown so far out over [t0, t0 + run] and forgets them.
  void clear(double t0, double run, const std::vector<int>& keep = {}) {
    std::vector<int> kept;
    for (int e : shown_) {
      if (std::find(keep.begin(), keep.end(), e) != keep.end()) {
        kept.push_back(e);
        continue;
      }
      b_.fadeOut(e, {t0, t0 + run});
      b_.remove(e, t0 + run);
    }
    shown_ = kept;
  }
  // Counts an element added elsewhere (a highlight) among the shown ones, so clear() removes it.
  void track(int e) { shown_.push_back(e); }
  void moveBy(const std::vector<int>& elements, TimeWindow w, glm::vec3 offset) {
    for (int e : elements) {
      Pose target = b_.poseNow(e);
      target.position += offset;
      b_.moveTo(e, w, target);
    }
  }
  // A yellow rectangle around rows first..last of a matrix, on screen over [t0, t1].
  int rowsBox(const MatrixHandles& m, int first, int last, double t0, double t1,
              const std::string& id) {
    const float top = m.row_y[size_t(first)] + 0.5f * m.row_pitch;
    const float bottom = m.row_y[size_t(last)] - 0.5f * m.row_pitch;
    const int e = b_.addStroke(id, shapes::rectangleOutline(m.width, top - bottom, 3.0f),
                               poseAt({m.center.x, 0.5f * (top + bottom), m.center.z}),
                               hexColor(palette::kYellow));
    b_.hideUntil(e, t0);
    b_.remove(e, t1);
    return e;
  }
  void play(double run, const std::string& name, const std::string& notes) {
    b_.endPlay(run, name, kSection, notes);
  }

 private:
  SceneBuilder& b_;
  std::vector<int> shown_;
};

}  // namespace

AttentionMathHandles buildAttentionMath(SceneBuilder& b, text::GlyphAtlas&,
                                        const AttentionMathParams& p) {
  using namespace lessons;
  const AttentionInputs inputs = makeAttentionInputs(AttentionSizes{}, p.seed);
  const AttentionHead head = computeAttentionHead(inputs, p.causal, p.gain);
  const int T = static_cast<int>(inputs.x.rows());
  AttentionMath s(b);
  b.mutableScene().camera.setInitial(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, kFrameHeight));
  const Rgb yellow = hexColor(palette::kYellow), grey = hexColor(palette::kGreyB);
  constexpr auto kSigned = MatrixColoring::Signed;
  constexpr auto kMagnitude = MatrixColoring::Magnitude;

  // 1. Tokens as vectors.
  double t0 = b.now();
  const int title = s.text("title", "One head of attention", {0, 4.9f, 0}, 0.45f);
  const MatrixHandles x = s.matrix(inputs.x, "x", {0, 0, 0}, kSigned, 2.0f);
  const int x_label =
      s.text("x/label", "x   (T = 8 tokens, C = 32 channels)", {0, -2.05f, 0}, 0.24f, grey);
  s.show({title}, t0, 1.0);
  s.show(x.allElements(), t0 + 0.5, 2.0, 0.02);
  s.show({x_label}, t0 + 2.0, 1.0);
  s.play(3.0, "tokens as vectors",
         "Eight tokens, each a vector of 32 numbers. Only the first and last three channels are "
         "shown.");

  // 2. Average the past, token by token.
  t0 = b.now();
  const Matrix mean_loop = prefixMeanByLoop(inputs.x);
  const MatrixHandles xbar =
      s.matrix(mean_loop, "xbar", {kRight + 0.5f, 0, 0}, kSigned, 2.0f, 0.23f, false);
  const int xbar_label =
      s.text("xbar/label", "row t = mean of x rows 0..t", {kRight + 0.5f, -2.05f, 0}, 0.24f, grey);
  const double step = 4.0 / T;
  s.show({xbar.left_bracket, xbar.right_bracket, xbar_label}, t0, 0.5);
  for (int t = 0; t < T; ++t) {
    s.rowsBox(x, 0, t, t0 + t * step, t0 + (t + 1) * step, "x/prefix" + std::to_string(t));
    std::vector<int> row = xbar.rowElements(t);
    s.show(row, t0 + t * step, step);
  }
  s.play(4.0, "average the past",
         "The simplest way to let a token hear from its past: average itself and everything "
         "before it.");

  // 3. The same as one product with the row-normalised lower-triangular matrix.
  t0 = b.now();
  const MatrixHandles w_avg =
      s.matrix(averagingWeights(T), "w_avg", {-6.3f, 0, 0}, kMagnitude, 1.0f, 0.195f);
  const int times = s.text("signs/times", "\u00B7", {-3.6f, 0, 0}, 0.5f);
  const int equals = s.text("signs/equals", "=", {2.75f, 0, 0}, 0.4f);
  const int w_label = s.text("w_avg/label", "tril(1) / row sums", {-6.3f, -2.05f, 0}, 0.24f, grey);
  s.show(w_avg.allElements(), t0, 2.0, 0.01);
  s.show({times, equals, w_label}, t0 + 1.0, 1.0);
  const int check = s.text("check", "the same averages", {kRight + 0.5f, 2.0f, 0}, 0.26f, yellow);
  s.show({check}, t0 + 3.0, 1.0);
  s.play(4.0, "as one product",
         "That loop is one matrix product: a lower-triangular matrix, each row normalised to sum "
         "to 1.");

  // 4. The same matrix from a softmax over a mask of -inf.
  t0 = b.now();
  for (int e : w_avg.allElements()) {
    b.fadeOut(e, {t0, t0 + 0.5});
    b.remove(e, t0 + 0.5);
  }
  b.fadeOut(w_label, {t0, t0 + 0.5});
  const MatrixHandles mask = s.matrix(causalMask(T), "mask", {-6.3f, 0, 0}, kSigned, 1.0f, 0.195f);
  const int mask_label =
      s.text("mask/label", "0, with -\u221E above the diagonal", {-6.3f, -2.05f, 0}, 0.22f, grey);
  s.show(mask.allElements(), t0 + 0.5, 1.0, 0.01);
  s.show({mask_label}, t0 + 0.5, 1.0);
  const double swap = t0 + 2.5;
  for (int e : mask.allElements()) {
    b.fadeOut(e, {swap, swap + 0.5});
    b.remove(e, swap + 0.5);
  }
  b.fadeOut(mask_label, {swap, swap + 0.5});
  const MatrixHandles w_soft =
      s.matrix(maskedSoftmaxWeights(T), "w_soft", {-6.3f, 0, 0}, kMagnitude, 1.0f, 0.195f);
  const int soft_label =
      s.text("w_soft/label", "softmax, row by row", {-6.3f, -2.05f, 0}, 0.24f, yellow);
  s.show(w_soft.allElements(), swap + 0.5, 1.0, 0.01);
  s.show({soft_label}, swap + 0.5, 1.0);
  s.play(4.0, "as a softmax",
         "Same matrix from a softmax: zeros where a token may look, minus infinity where it may "
         "not.");

  // 5. Queries, keys and values: linear maps of x.
  t0 = b.now();
  s.clear(t0, 0.5, {title});
  const MatrixHandles x_small = s.matrix(inputs.x, "x2", {-5.2f, 0, 0}, kSigned, 2.0f, 0.18f);
  const MatrixHandles q = s.matrix(head.q, "q", {4.2f, 3.1f, 0}, kSigned, 2.0f, 0.18f);
  const MatrixHandles k = s.matrix(head.k, "k", {4.2f, 0.0f, 0}, kSigned, 2.0f, 0.18f);
  const MatrixHandles v = s.matrix(head.v, "v", {4.2f, -3.1f, 0}, kSigned, 2.0f, 0.18f);
  std::vector<int> qkv_labels = {
      s.text("q/label", "q = x Wq", {0.2f, 3.1f, 0}, 0.28f),
      s.text("k/label", "k = x Wk", {0.2f, 0.0f, 0}, 0.28f),
      s.text("v/label", "v = x Wv", {0.2f, -3.1f, 0}, 0.28f),
  };
  const int x_small_label = s.text("x2/label", "x", {-5.2f, -1.7f, 0}, 0.28f);
  s.show(x_small.allElements(), t0 + 0.5, 1.0, 0.01);
  s.show({x_small_label}, t0 + 0.5, 1.0);
  s.show(qkv_labels, t0 + 1.0, 1.0, 0.3);
  s.show(q.allElements(), t0 + 1.0, 1.5, 0.005);
  s.show(k.allElements(), t0 + 1.3, 1.5, 0.005);
  s.show(v.allElements(), t0 + 1.5, 1.5, 0.005);
  s.play(3.0, "queries, keys, values",
         "Now make the weights depend on the data: every token emits a query, a key and a value "
         "(head size 16).");

  // 6. Scores q kᵀ.
  t0 = b.now();
  s.clear(t0, 0.5, {title});
  const MatrixHandles scores = s.matrix(head.scores, "scores", {kLeft, 0, 0}, kSigned, 8.0f);
  const int scores_label = s.text("scores/label", "q k\u1D40", {kLeft, -2.05f, 0}, 0.3f);
  s.show(scores.allElements(), t0 + 0.5, 2.0, 0.01);
  s.show({scores_label}, t0 + 0.5, 1.0);
  s.track(addMatrixHighlight(b, scores, MatrixSelection::ofCell(3, 5), yellow, t0 + 2.0, 1.0));
  s.play(3.0, "scores", "Affinity of token i for token j: query i dotted with key j.");

  // 7. Scaled by 1/sqrt(d): the variance comes back to about 1.
  t0 = b.now();
  const MatrixHandles scaled = s.matrix(head.scaled, "scaled", {kRight, 0, 0}, kSigned, 2.0f);
  const int arrow = s.text("scaled/arrow", "\u00F7 \u221A16  \u2192", {0, 0, 0}, 0.3f, yellow);
  const int var_before = s.text("scores/variance", "Var = " + fixed(head.scores_variance, 2),
                                {kLeft, -2.4f, 0}, 0.26f, yellow);
  const int var_after = s.text("scaled/variance", "Var = " + fixed(head.scaled_variance, 2),
                               {kRight, -2.4f, 0}, 0.26f, yellow);
  s.show({arrow}, t0, 1.0);
  s.show(scaled.allElements(), t0 + 0.5, 1.5, 0.01);
  s.show({var_before, var_after}, t0 + 1.5, 1.0, 0.5);
  s.play(3.0, "scale by 1/sqrt(d)",
         "Dot products of d unit-variance numbers have variance about d; dividing by \u221Ad "
         "brings it back to about 1, so the softmax does not saturate.");

  // 8. Mask the future.
  t0 = b.now();
  s.clear(t0, 0.5, {title});
  const MatrixHandles masked = s.matrix(head.masked, "masked", {kLeft, 0, 0}, kSigned, 2.0f);
  const int masked_label =
      s.text("masked/label", p.causal ? "masked" : "no mask: every token sees all",
             {kLeft, -2.05f, 0}, 0.3f);
  s.show(masked.allElements(), t0 + 0.5, 1.5, 0.01);
  s.show({masked_label}, t0 + 0.5, 1.0);
  s.play(2.0, "mask the future", "A token must not see the future: mask above the diagonal.");

  // 9. Softmax row by row.
  t0 = b.now();
  AttentionMathHandles handles;
  handles.weights = s.matrix(head.weights, "weights", {kRight, 0, 0}, kMagnitude, 1.0f);
  const int weights_label =
      s.text("weights/label", "softmax: each row sums to 1", {kRight, -2.05f, 0}, 0.26f);
  s.show({handles.weights.left_bracket, handles.weights.right_bracket, weights_label}, t0, 0.5);
  const double row_step = 4.0 / T;
  for (int t = 0; t < T; ++t) {
    s.rowsBox(masked, t, t, t0 + t * row_step, t0 + (t + 1) * row_step,
              "masked/box" + std::to_string(t));
    s.show(handles.weights.rowElements(t), t0 + t * row_step, row_step);
  }
  s.play(4.0, "softmax row by row",
         "Softmax turns each row into weights that sum to 1; masked entries become exactly 0.");

  // 10. Weights times values.
  t0 = b.now();
  std::vector<int> keep = handles.weights.allElements();
  keep.push_back(title);
  s.clear(t0, 0.5, keep);
  s.moveBy(handles.weights.allElements(), {t0, t0 + 1.0}, {-11.0f, 0, 0});
  const MatrixHandles v2 = s.matrix(head.v, "v2", {0.4f, 0, 0}, kSigned, 2.0f, 0.2f, false);
  handles.out = s.matrix(head.out, "out", {6.2f, 0, 0}, kSigned, 2.0f, 0.2f, false);
  const int dot = s.text("out/times", "\u00B7", {-2.4f, 0, 0}, 0.5f);
  const int eq = s.text("out/equals", "=", {3.3f, 0, 0}, 0.4f);
  const int out_label = s.text("out/label", "out = weights \u00B7 v", {6.2f, -2.05f, 0}, 0.26f);
  const int v_label = s.text("v2/label", "v", {0.4f, -2.05f, 0}, 0.26f);
  s.show(v2.allElements(), t0 + 1.0, 1.0, 0.005);
  s.show({v_label}, t0 + 1.0, 1.0);
  s.show({dot, eq, out_label}, t0 + 1.0, 1.0);
  s.show(handles.out.allElements(), t0 + 1.5, 1.5, 0.005);
  s.play(3.0, "weights times values",
         "Each output row is a weighted mix of the value vectors of the tokens it attends to.");

  // 11. Gain: sharper or flatter attention.
  t0 = b.now();
  s.clear(t0, 0.5, {title});
  const int n = static_cast<int>(p.gains.size());
  const GainExample gain_example = makeGainExample(20, p.gain_seed);
  for (int i = 0; i < n; ++i) {
    const float cx = (i - 0.5f * (n - 1)) * 5.6f;
    const Matrix w = gainedWeights(head.scaled, p.gains[size_t(i)], true);
    const std::string name = "gain" + std::to_string(i);
    const MatrixHandles m = s.matrix(w, name, {cx, 0, 0}, kMagnitude, 1.0f, 0.165f);
    const int label = s.text(name + "/label", "gain " + fixed(p.gains[size_t(i)], 0), {cx, 1.9f, 0},
                             0.3f, yellow);
    const int peak = s.text(name + "/peak", "mean peak " + fixed(rowPeaks(w).mean(), 2),
                            {cx, -1.8f, 0}, 0.24f, grey);
    s.show(m.allElements(), t0 + 0.5 + 0.8 * i, 1.5, 0.005);
    s.show({label, peak}, t0 + 0.5 + 0.8 * i, 1.0);
    // Neuromatch's version under it: w = softmax(z q1) over 20 positions, z = 10 x gain.
    const double z = 10.0 * p.gains[size_t(i)];
    const GainedAttention g =
        gainedDotProductAttention(gain_example.x, gain_example.q1, gain_example.q2, z, 0.0);
    const int bars = b.addFill(name + "/neuromatch", weightBars(g.weights), poseAt({cx, -4.6f, 0}),
                               hexColor(palette::kBlueC));
    const int caption = s.text(name + "/neuromatch_label",
                               "z = " + fixed(z, 0) + ":  y = w\u00B7x = " + fixed(g.output, 2),
                               {cx, -5.0f, 0}, 0.2f, grey);
    s.show({bars, caption}, t0 + 1.5 + 0.8 * i, 1.0);
  }
  s.play(4.0, "gain",
         "Multiplying the scores by a gain sharpens attention toward the highest score; gain 0 "
         "is the plain average. Below, neuromatch's w = softmax(z q1): a larger z gathers the "
         "weight onto the early positions.");

  b.wait(2.0, "hold", kSection, "One head: four matrix products, a mask and a softmax.");
  return handles;
}

Scene buildAttentionMathScene(text::GlyphAtlas& atlas, const std::string& title,
                              const AttentionMathParams& params) {
  SceneBuilder b(title);
  buildAttentionMath(b, atlas, params);
  return b.finish();
}

bool isAttentionMathScene(const Scene& scene) {
  return scene.findPart("w_soft") && scene.findPart("masked") && scene.findPart("weights") &&
         scene.findPart("gain0");
}

}  // namespace flowview::scenes
