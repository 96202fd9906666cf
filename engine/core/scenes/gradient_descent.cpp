#include "core/scenes/gradient_descent.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/lessons/digit_network.h"
#include "core/math/color.h"
#include "core/scenes/shapes.h"

namespace flowview::scenes {
namespace {

using lessons::DigitNetwork;
using lessons::kDigitLayerSizes;

constexpr float kFrameHeight = 8.0f;
const char* const kSection = "gradient descent";
constexpr int kShownInputs = 16;  // the input layer shows 16 of its 784 neurons, as manim's
constexpr float kNeuronRadius = 0.075f;
constexpr float kLayerX[4] = {1.4f, 2.9f, 4.4f, 5.9f};
constexpr float kNetworkCenterY = 1.85f;
constexpr float kColumnX = -4.6f, kColumnY = 0.35f;
constexpr glm::vec3 kCostAt{3.65f, -1.05f, 0.0f};
constexpr int kSteps = 3;

FillGeometry disc(float radius) {
  FillGeometry g;
  constexpr int kSides = 24;
  for (int i = 0; i < kSides; ++i) {
    const float a0 = 2.0f * std::numbers::pi_v<float> * i / kSides;
    const float a1 = 2.0f * std::numbers::pi_v<float> * (i + 1) / kSides;
    g.triangles.insert(g.triangles.end(), {glm::vec3(0.0f),
                                           {radius * std::cos(a0), radius * std::sin(a0), 0},
                                           {radius * std::cos(a1), radius * std::sin(a1), 0}});
  }
  return g;
}

StrokeGeometry circleOutline(float radius, float width) {
  StrokeGeometry g;
  g.points = shapes::arcPoints({radius, 0, 0}, {-radius, 0, 0}, std::numbers::pi_v<float>, 16);
  const auto lower =
      shapes::arcPoints({-radius, 0, 0}, {radius, 0, 0}, std::numbers::pi_v<float>, 16);
  g.points.insert(g.points.end(), lower.begin() + 1, lower.end());
  g.width = width;
  g.closed = true;
  return g;
}

// The drawn network: which neurons are shown and where.
struct NetworkLayout {
  std::vector<int> shown_inputs;               // pixel indices, top to bottom
  std::vector<std::vector<glm::vec3>> neuron;  // per layer, per shown neuron
  // The shown neuron of pixel `pixel` in layer 0, or the neuron itself in later layers.
  int shownIndex(int layer, int neuron_index) const {
    if (layer > 0) return neuron_index;
    const auto it = std::find(shown_inputs.begin(), shown_inputs.end(), neuron_index);
    return it == shown_inputs.end() ? -1 : static_cast<int>(it - shown_inputs.begin());
  }
};

NetworkLayout layoutNetwork(const lessons::Vector& image, int pixel_n, int pixel_k) {
  NetworkLayout layout;
  // The two isolated weights' pixels, and 14 inked pixels spread through the image.
  std::vector<int> inked;
  for (int i = 0; i < image.size(); ++i)
    if (image(i) > 0.5 && i != pixel_n && i != pixel_k) inked.push_back(i);
  layout.shown_inputs = {pixel_n, pixel_k};
  for (int j = 0; j < kShownInputs - 2 && !inked.empty(); ++j)
    layout.shown_inputs.push_back(inked[size_t(j) * inked.size() / (kShownInputs - 2)]);
  std::sort(layout.shown_inputs.begin(), layout.shown_inputs.end());
  layout.shown_inputs.erase(std::unique(layout.shown_inputs.begin(), layout.shown_inputs.end()),
                            layout.shown_inputs.end());
  for (int l = 0; l < 4; ++l) {
    const int n = l == 0 ? static_cast<int>(layout.shown_inputs.size()) : kDigitLayerSizes[l];
    const float pitch = l == 3 ? 0.3f : 0.2f;
    std::vector<glm::vec3> column;
    for (int i = 0; i < n; ++i) {
      float y = kNetworkCenterY + (0.5f * (n - 1) - i) * pitch;
      if (l == 0) y += (i < n / 2 ? 0.15f : -0.15f);  // room for the dots
      column.emplace_back(kLayerX[l], y, 0.0f);
    }
    layout.neuron.push_back(column);
  }
  return layout;
}

// The edges between shown neurons: coloured by sign, one element per width class so the larger
// weights read thicker (manim's stroke width grows with |w|).
std::vector<int> addEdges(SceneBuilder& b, const NetworkLayout& layout, const DigitNetwork& net,
                          const std::string& id, float opacity_scale = 1.0f) {
  constexpr float kWidths[3] = {0.8f, 1.8f, 3.2f};
  LineGeometry classes[3];
  for (int c = 0; c < 3; ++c) classes[c].width = kWidths[c];
  for (int l = 0; l < 3; ++l) {
    const auto& from = layout.neuron[size_t(l)];
    const auto& to = layout.neuron[size_t(l + 1)];
    for (size_t j = 0; j < to.size(); ++j)
      for (size_t i = 0; i < from.size(); ++i) {
        const int column = l == 0 ? layout.shown_inputs[i] : static_cast<int>(i);
        const double w = net.weights[size_t(l)](static_cast<int>(j), column);
        const double size = std::min(1.0, std::abs(w) / 1.2);
        const int c = size < 0.25 ? 0 : size < 0.6 ? 1 : 2;
        const Rgb color = w >= 0 ? hexColor(palette::kBlueC) : hexColor(palette::kRedC);
        classes[c].lines.push_back({from[i] + glm::vec3(kNeuronRadius, 0, 0),
                                    to[j] - glm::vec3(kNeuronRadius, 0, 0), color,
                                    static_cast<float>(0.35 + 0.65 * size) * opacity_scale});
      }
  }
  std::vector<int> elements;
  for (int c = 0; c < 3; ++c)
    elements.push_back(b.addLines(id + "/w" + std::to_string(c), classes[c], Pose{}));
  return elements;
}

class GradientDescent {
 public:
  GradientDescent(SceneBuilder& b) : b_(b) {}
  int text(const std::string& id, const std::string& utf8, glm::vec3 p, float em,
           Rgb color = Rgb(1.0f), int align = 1) {
    TextGeometry g;
    g.utf8 = utf8;
    g.em_size = em;
    g.align = align;
    return b_.addText(id, g, poseAt(p), color);
  }
  int number(const std::string& id, double value, int decimals, glm::vec3 p, float em,
             Rgb color = Rgb(1.0f)) {
    TextGeometry g;
    g.is_number = true;
    g.decimals = decimals;
    g.em_size = em;
    g.align = 0;
    const int e = b_.addText(id, g, poseAt(p), color);
    b_.element(e).value.setInitial(static_cast<float>(value));
    return e;
  }
  void show(const std::vector<int>& elements, TimeWindow w) {
    for (int e : elements) {
      b_.hideUntil(e, w.start);
      b_.fadeIn(e, w);
    }
  }
  void hide(const std::vector<int>& elements, TimeWindow w) {
    for (int e : elements) {
      b_.fadeOut(e, w);
      b_.remove(e, w.end);
    }
  }
  void play(double run, const std::string& name, const std::string& notes) {
    b_.endPlay(run, name, kSection, notes);
  }

 private:
  SceneBuilder& b_;
};

// -g with exact zeros (the blank pixels' weights) shown as 0, not -0.
Eigen::MatrixXd shownGradient(const lessons::Vector& g) {
  return (-g).array() + 0.0;
}
float shownEntry(double g) {
  return static_cast<float>(-g + 0.0);
}

// Animates to `target` over the first half of `w` and back to the value it has over the second
// half (manim's there_and_back, with the value restored after the window).
void pulseColor(SceneBuilder& b, int e, TimeWindow w, Rgb target) {
  const Rgb was = b.element(e).color.finalValue();
  const double mid = 0.5 * (w.start + w.end);
  b.recolor(e, {w.start, mid}, target);
  b.recolor(e, {mid, w.end}, was);
}
void pulsePose(SceneBuilder& b, int e, TimeWindow w, Pose target) {
  const Pose was = b.poseNow(e);
  const double mid = 0.5 * (w.start + w.end);
  b.moveTo(e, {w.start, mid}, target);
  b.moveTo(e, {mid, w.end}, was);
}

std::string withCommas(int n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
  return s;
}

// The -gradient's rows the column shows: four consecutive first-layer weights of one neuron whose
// components are non-zero at every step (a blank pixel's weights get exactly 0, and the digit's
// corners are blank) and differ at 6 decimals (a component is the neuron's error times the
// pixel, so the stroke's saturated pixels share one), the run holding w_n if it can, then the last
// four parameters.
std::vector<int> shownGradientRows(const std::vector<lessons::Gradient>& grads, int n_index,
                                   int parameters) {
  constexpr int kRun = 4;
  const auto telling = [&](int start) {
    if (start < 0 || start + kRun > 784 * 16) return false;
    if (start / 784 != (start + kRun - 1) / 784) return false;  // one neuron's weights
    std::vector<long long> shown;
    for (int i = start; i < start + kRun; ++i) {
      for (const lessons::Gradient& g : grads)
        if (g.flat(i) == 0.0) return false;
      shown.push_back(std::llround(grads.front().flat(i) * 1e6));
    }
    std::sort(shown.begin(), shown.end());
    return std::adjacent_find(shown.begin(), shown.end()) == shown.end();
  };
  int start = -1;
  for (int s = n_index - kRun + 1; s <= n_index && start < 0; ++s)
    if (telling(s)) start = s;
  for (int s = 0; s + kRun <= 784 * 16 && start < 0; ++s)
    if (telling(s)) start = s;
  std::vector<int> rows;
  for (int i = 0; i < kRun && start >= 0; ++i) rows.push_back(start + i);
  for (int i = parameters - kRun; i < parameters; ++i) rows.push_back(i);
  return rows;
}

}  // namespace

GradientDescentHandles buildGradientDescent(SceneBuilder& b, text::GlyphAtlas&,
                                            const GradientDescentParams& p) {
  using namespace lessons;
  GradientDescentHandles handles;
  const Vector image = digitThreeImage();
  DigitNetwork net = makeDigitNetwork(p.seed);
  // Three descent steps: the gradient and the cost before each, and the cost after the last.
  std::vector<DigitNetwork> nets = {net};
  std::vector<Gradient> grads;
  std::vector<double> costs;
  for (int s = 0; s < kSteps; ++s) {
    grads.push_back(gradient(net, image, kDigitThreeLabel));
    costs.push_back(grads.back().cost);
    descend(net, image, kDigitThreeLabel, p.rate, 1);
    nets.push_back(net);
  }
  grads.push_back(gradient(net, image, kDigitThreeLabel));
  costs.push_back(grads.back().cost);
  const Vector& g0 = grads[0].flat;
  // w_n: the largest first-layer component; w_k: the first-layer weight nearest |g_n| / 32.
  int n_index = -1;
  for (int i = 0; i < 784 * 16; ++i)
    if (n_index < 0 || std::abs(g0(i)) > std::abs(g0(n_index))) n_index = i;
  const double target = std::abs(g0(n_index)) / 32.0;
  int k_index = -1;
  for (int i = 0; i < 784 * 16; ++i) {
    if (locateParameter(i).isBias() || i == n_index) continue;
    if (k_index < 0 ||
        std::abs(std::abs(g0(i)) - target) < std::abs(std::abs(g0(k_index)) - target))
      k_index = i;
  }
  handles.isolated_n = n_index;
  handles.isolated_k = k_index;
  const ParameterLocation loc_n = locateParameter(n_index), loc_k = locateParameter(k_index);

  GradientDescent s(b);
  b.mutableScene().camera.setInitial(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, kFrameHeight));
  const Rgb red = hexColor(palette::kRedC), yellow = hexColor(palette::kYellow),
            grey = hexColor(palette::kGreyB), maroon = hexColor(0xC55F73);
  const std::string total = withCommas(nets[0].parameterCount());  // 13,002
  const std::string last = withCommas(nets[0].parameterCount() - 1);

  // 1. The network, a red rectangle around it, an arrow down to the cost.
  double t0 = b.now();
  const NetworkLayout layout = layoutNetwork(image, loc_n.column, loc_k.column);
  const ForwardPass pass = forward(nets[0], image);
  std::vector<int> network;
  for (int l = 0; l < 4; ++l)
    for (size_t i = 0; i < layout.neuron[size_t(l)].size(); ++i) {
      const int neuron = l == 0 ? layout.shown_inputs[i] : static_cast<int>(i);
      const float a = static_cast<float>(pass.activations[size_t(l)](neuron));
      const std::string id = "network/layer" + std::to_string(l) + "/n" + std::to_string(i);
      network.push_back(b.addFill(id + "/fill", disc(kNeuronRadius),
                                  poseAt(layout.neuron[size_t(l)][i]), Rgb(a)));
      network.push_back(b.addStroke(id, circleOutline(kNeuronRadius, 1.5f),
                                    poseAt(layout.neuron[size_t(l)][i]), Rgb(1.0f)));
    }
  network.push_back(b.addFill("network/layer0/dots", shapes::dots(3, 0.025f, 0.09f, {0, 1, 0}),
                              poseAt({kLayerX[0], kNetworkCenterY, 0}), Rgb(1.0f)));
  std::vector<int> edges = addEdges(b, layout, nets[0], "network/edges0");
  const float box_w = kLayerX[3] - kLayerX[0] + 0.7f, box_h = 3.9f;
  const glm::vec3 box_center{0.5f * (kLayerX[0] + kLayerX[3]), kNetworkCenterY, 0};
  const int box = b.addStroke("network/rectangle", shapes::rectangleOutline(box_w, box_h, 3.0f),
                              poseAt(box_center), red);
  const glm::vec3 arrow_top{kCostAt.x, kNetworkCenterY - 0.5f * box_h - 0.05f, 0};
  const int arrow = b.addFill(
      "cost/arrow",
      shapes::arrowFill(arrow_top, kCostAt + glm::vec3(0, 0.35f, 0), 0.04f, 0.2f, 0.18f, {}),
      Pose{}, red);
  const std::string cost_words = "C(w0, w1, \u2026, w" + last + ") =";
  const int cost_expression = s.text("cost/expression", cost_words, kCostAt, 0.32f, Rgb(1.0f), 2);
  const int cost = s.number("cost/value", costs[0], 2, kCostAt + glm::vec3(0.15f, 0, 0), 0.32f);
  handles.cost = cost;
  std::vector<int> first = network;
  first.insert(first.end(), edges.begin(), edges.end());
  first.insert(first.end(), {box, arrow, cost_expression, cost});
  s.show(first, {t0, t0 + 2.0});
  s.play(2.0, "network and cost",
         "The network's cost on one training example is a function of its " + total +
             " weights and biases.");

  // 2. The negative gradient: a column of 13,002 entries; four telling first-layer weights and
  // the last four shown, each labelled with its true index.
  t0 = b.now();
  MatrixOptions column;
  column.name = "gradient";
  column.center = {kColumnX, kColumnY, 0};
  column.decimals = 6;
  column.coloring = MatrixColoring::Plain;
  column.em_size = 0.26f;
  column.shown_rows = shownGradientRows(grads, n_index, nets[0].parameterCount());
  column.row_labels.resize(static_cast<size_t>(nets[0].parameterCount()));
  for (int r : column.shown_rows) column.row_labels[static_cast<size_t>(r)] = "w" + withCommas(r);
  handles.gradient = addMatrix(b, shownGradient(g0), column);
  const std::vector<int> column_elements = handles.gradient.allElements();
  const int column_label =
      s.text("gradient/label", "\u2212\u2207C(w0, w1, \u2026)",
             {kColumnX, kColumnY + 0.5f * handles.gradient.height + 0.4f, 0}, 0.3f);
  s.show(column_elements, {t0, t0 + 1.5});
  s.show({column_label}, {t0 + 0.5, t0 + 2.0});
  s.play(2.0, "negative gradient",
         "The negative gradient: one number per weight, how to nudge it to lower the cost "
         "fastest.");

  // 3-14. Three steps: copies of the entries fly to the w terms, the weights change, the cost
  // falls, the entries change to the gradient at the new weights.
  std::vector<int> shown_cells;
  std::vector<int> shown_rows;
  for (int r = 0; r < handles.gradient.rows; ++r)
    if (handles.gradient.rowShown(r)) {
      shown_cells.push_back(handles.gradient.cell(r, 0));
      shown_rows.push_back(r);
    }
  char costs_text[96];
  std::snprintf(costs_text, sizeof costs_text, "%.2f \u2192 %.2f \u2192 %.2f \u2192 %.2f", costs[0],
                costs[1], costs[2], costs[3]);
  const std::string step_notes =
      "Each step nudges every weight in proportion to its entry; the cost falls (" +
      std::string(costs_text) + ").";
  for (int step = 0; step < kSteps; ++step) {
    const std::string tag = "step" + std::to_string(step + 1);
    const std::string title = "step " + std::to_string(step + 1) + ": ";
    // a. Copies move along the cost expression's w terms.
    t0 = b.now();
    std::vector<int> copies;
    for (size_t i = 0; i < shown_rows.size(); ++i) {
      const int r = shown_rows[i];
      const glm::vec3 from = handles.gradient.cellCenter(r, 0);
      const int c =
          s.number(tag + "/copy" + std::to_string(i), shownEntry(grads[size_t(step)].flat(r)), 6,
                   from - glm::vec3(0.55f, 0, 0), 0.26f, yellow);
      Pose target = poseAt(kCostAt + glm::vec3(-3.3f + 0.36f * static_cast<float>(i), 0.4f, 0));
      target.scale = glm::vec3(0.45f);
      b.moveTo(c, {t0, t0 + 1.0}, target);
      copies.push_back(c);
    }
    const int words =
        s.text(tag + "/words", "Nudge weights", kCostAt + glm::vec3(-1.6f, -0.6f, 0), 0.3f, yellow);
    s.show({words}, {t0, t0 + 1.0});
    s.play(1.0, title + "terms move", step_notes);
    // b. The copies shrink into the terms.
    t0 = b.now();
    for (int c : copies) {
      Pose target = b.poseNow(c);
      target.position.y -= 0.4f;
      target.scale = glm::vec3(0.05f);
      b.moveTo(c, {t0, t0 + 1.0}, target);
    }
    s.hide(copies, {t0 + 0.5, t0 + 1.0});
    s.hide({words}, {t0, t0 + 1.0});
    s.play(1.0, title + "terms absorbed", step_notes);
    // c. The weights change (the edges redrawn), the w terms flash, the cost counts down.
    t0 = b.now();
    const std::vector<int> next_edges =
        addEdges(b, layout, nets[size_t(step + 1)], "network/edges" + std::to_string(step + 1));
    s.show(next_edges, {t0, t0 + 1.5});
    s.hide(edges, {t0, t0 + 1.5});
    edges = next_edges;
    pulseColor(b, cost_expression, {t0, t0 + 1.5}, yellow);
    b.changeValue(cost, {t0, t0 + 1.5}, static_cast<float>(costs[size_t(step + 1)]));
    s.play(1.5, title + "weights change", step_notes);
    // d. The entries change to the gradient at the new weights.
    t0 = b.now();
    for (size_t i = 0; i < shown_rows.size(); ++i)
      b.changeValue(shown_cells[i], {t0, t0 + 1.0},
                    shownEntry(grads[size_t(step + 1)].flat(shown_rows[i])));
    s.play(1.0, title + "gradient changes", step_notes);
  }
  const Vector& g_last = grads[kSteps].flat;

  // 15-19. "Direction in 13,002 dimensions?!?", a puzzled question mark, then away.
  const std::string puzzle_notes =
      "A direction in a " + total +
      "-dimensional space is hard to picture; read it component by component instead.";
  t0 = b.now();
  const float column_bottom = kColumnY - 0.5f * handles.gradient.height;
  const glm::vec3 words_at{kColumnX + 1.2f, column_bottom - 1.1f, 0};
  const int direction = s.text("direction/words", "Direction in " + total + " dimensions?!?",
                               words_at, 0.34f, yellow);
  const int direction_arrow =
      b.addFill("direction/arrow",
                shapes::arrowFill(words_at + glm::vec3(-1.2f, 0.25f, 0),
                                  {kColumnX, column_bottom, 0}, 0.035f, 0.18f, 0.16f, {}),
                Pose{}, yellow);
  b.hideUntil(direction, t0);
  b.reveal(direction, {t0, t0 + 2.0}, RevealStyle::Parts, Rate::Linear, 0.1f);
  b.hideUntil(direction_arrow, t0);
  b.reveal(direction_arrow, {t0, t0 + 1.0}, RevealStyle::Grow);
  s.play(2.0, "13,002 dimensions?!?", puzzle_notes);
  t0 = b.now();
  const glm::vec3 question_at = words_at + glm::vec3(3.6f, 0.05f, 0);
  const int question = s.text("direction/question", "?", question_at, 0.8f, yellow);
  s.show({question}, {t0, t0 + 1.0});
  s.play(1.0, "puzzled", puzzle_notes);
  t0 = b.now();
  for (int i = 0; i < 2; ++i) {
    Pose bigger = poseAt(question_at);
    bigger.scale = glm::vec3(1.3f);
    pulsePose(b, question, {t0 + i, t0 + i + 1.0}, bigger);
  }
  s.play(2.0, "still puzzled", puzzle_notes);
  b.wait(1.0, "hold", kSection, puzzle_notes);
  t0 = b.now();
  s.hide({direction, direction_arrow, question}, {t0, t0 + 1.0});
  s.play(1.0, "words away", puzzle_notes);

  // 20. Rectangles around every entry; the largest magnitudes among those shown in yellow.
  t0 = b.now();
  std::vector<std::pair<double, int>> magnitudes;
  for (int r : shown_rows) magnitudes.emplace_back(std::abs(g_last(r)), r);
  std::sort(magnitudes.rbegin(), magnitudes.rend());
  std::vector<int> rects;
  const auto windows = laggedWindows(static_cast<int>(shown_rows.size()), 1.0, 0.15, 2.0);
  for (size_t i = 0; i < shown_rows.size(); ++i) {
    const int r = shown_rows[i];
    const bool large = r == magnitudes[0].second || r == magnitudes[1].second;
    const int e = addMatrixHighlight(b, handles.gradient, MatrixSelection::ofCell(r, 0),
                                     large ? yellow : Rgb(1.0f), t0 + windows[i].start,
                                     windows[i].duration(), large ? 4.0f : 2.0f);
    rects.push_back(e);
  }
  s.play(2.0, "circle magnitudes",
         "The magnitudes matter: some weights matter far more than others.");

  // 21. Two weights isolated: the column becomes g_n and g_k, the edges dim.
  const std::string ratio_notes = "This weight's component is 32 times that one's.";
  t0 = b.now();
  std::vector<int> old_column = column_elements;
  old_column.insert(old_column.end(), rects.begin(), rects.end());
  old_column.push_back(column_label);
  s.hide(old_column, {t0, t0 + 0.5});
  for (int e : edges) b.fadeTo(e, {t0, t0 + 1.0}, 0.3f);
  const glm::vec3 gn_at{kColumnX, kColumnY + 0.9f, 0}, gk_at{kColumnX, kColumnY - 0.9f, 0};
  std::vector<int> isolated = {
      s.text("isolated/dots0", "\u22EE", gn_at + glm::vec3(0, 0.8f, 0), 0.4f),
      s.text("isolated/dots1", "\u22EE", glm::vec3(kColumnX, kColumnY, 0), 0.4f),
      s.text("isolated/dots2", "\u22EE", gk_at - glm::vec3(0, 0.8f, 0), 0.4f),
  };
  const int gn = s.number("isolated/g_n", shownEntry(g0(n_index)), 6, gn_at - glm::vec3(0.8f, 0, 0),
                          0.3f, yellow);
  const int gk = s.number("isolated/g_k", shownEntry(g0(k_index)), 6, gk_at - glm::vec3(0.8f, 0, 0),
                          0.3f, maroon);
  const int gn_name =
      s.text("isolated/g_n/label", "w_n:", gn_at - glm::vec3(1.0f, 0, 0), 0.26f, yellow, 2);
  const int gk_name =
      s.text("isolated/g_k/label", "w_k:", gk_at - glm::vec3(1.0f, 0, 0), 0.26f, maroon, 2);
  isolated.insert(isolated.end(), {gn, gk, gn_name, gk_name});
  s.show(isolated, {t0 + 0.5, t0 + 1.0});
  const int cost_terms =
      s.text("cost/terms", "C(\u2026, w_n, \u2026, w_k, \u2026) =", kCostAt, 0.32f, Rgb(1.0f), 2);
  b.hideUntil(cost_terms, t0 + 0.5);
  b.fadeIn(cost_terms, {t0 + 0.5, t0 + 1.0});
  s.hide({cost_expression}, {t0, t0 + 0.5});
  b.changeValue(cost, {t0, t0 + 1.0}, static_cast<float>(costs[0]));  // the weights restored
  s.play(1.0, "isolate two weights", ratio_notes);

  // 22-23. An arrow from each entry to its edge; the edge drawn thick.
  auto edge_of = [&](const ParameterLocation& loc) {
    const int from = layout.shownIndex(0, loc.column);
    return std::pair{layout.neuron[0][size_t(std::max(0, from))],
                     layout.neuron[1][size_t(loc.row)]};
  };
  auto isolate_edge = [&](const ParameterLocation& loc, glm::vec3 entry, Rgb color,
                          const std::string& id, double hold) {
    const double t = b.now();
    const auto [a, z] = edge_of(loc);
    const int pointer =
        b.addFill(id + "/arrow",
                  shapes::arrowFill(entry + glm::vec3(0.9f, 0, 0), a + glm::vec3(-0.12f, 0, 0),
                                    0.03f, 0.16f, 0.14f, {}),
                  Pose{}, color);
    b.hideUntil(pointer, t);
    b.reveal(pointer, {t, t + 1.0}, RevealStyle::Grow);
    StrokeGeometry edge;
    edge.points = {a + glm::vec3(kNeuronRadius, 0, 0), z - glm::vec3(kNeuronRadius, 0, 0)};
    edge.width = 6.0f;
    const int line = b.addStroke(id, edge, Pose{}, color);
    b.hideUntil(line, t + 1.0);
    b.reveal(line, {t + 1.0, t + 2.0}, RevealStyle::Prefix);
    s.play(2.0 + hold, id.substr(id.find('/') + 1) + "'s edge", ratio_notes);
    return std::vector<int>{pointer, line};
  };
  isolate_edge(loc_n, gn_at, yellow, "isolated/w_n", 1.0);
  isolate_edge(loc_k, gk_at, maroon, "isolated/w_k", 2.0);

  // 24. The cost expression moves down to make room for the number lines.
  const std::string tweak_notes =
      "Changing w_n moves the cost 32 times as much as changing w_k by the same amount.";
  t0 = b.now();
  const glm::vec3 down{0, -1.0f, 0};
  for (int e : {cost_terms, cost}) {
    Pose target = b.poseNow(e);
    target.position += down;
    b.moveTo(e, {t0, t0 + 1.0}, target);
  }
  s.play(1.0, "cost moves down", tweak_notes);

  // 25-26. Tweak one weight: a dot on a number line wiggles, the cost follows to first order.
  const double shift = 0.25;  // the weight's change, the dot's shift in units
  auto tweak = [&](int index, int entry, Rgb color, const std::string& name) {
    const double t = b.now();
    const glm::vec3 line_at = kCostAt + down + glm::vec3(0, -1.1f, 0);
    StrokeGeometry axis;
    axis.points = {{-1.5f, 0, 0}, {1.5f, 0, 0}};
    axis.width = 2.0f;
    const int number_line = b.addStroke(name + "/number_line", axis, poseAt(line_at), grey);
    const int dot = b.addFill(name + "/dot", disc(0.08f), poseAt(line_at), color);
    const int label = s.text(name + "/label", name.substr(name.find('/') + 1),
                             line_at + glm::vec3(-1.9f, 0, 0), 0.28f, color);
    s.show({number_line, dot, label}, {t, t + 1.0});
    pulseColor(b, entry, {t, t + 1.0}, Rgb(1.0f));
    const double dcost = g0(index) * shift;  // dC = (dC/dw) dw to first order, dw = +shift
    for (int i = 0; i < 2; ++i) {
      const double w0 = t + 1.0 + 2.0 * i;
      pulsePose(b, dot, {w0, w0 + 1.0}, poseAt(line_at + glm::vec3(float(shift) * 4.0f, 0, 0)));
      pulsePose(b, dot, {w0 + 1.0, w0 + 2.0},
                poseAt(line_at - glm::vec3(float(shift) * 4.0f, 0, 0)));
      b.changeValue(cost, {w0, w0 + 0.5}, static_cast<float>(costs[0] + dcost));
      b.changeValue(cost, {w0 + 0.5, w0 + 1.5}, static_cast<float>(costs[0] - dcost));
      b.changeValue(cost, {w0 + 1.5, w0 + 2.0}, static_cast<float>(costs[0]));
    }
    s.hide({number_line, dot, label}, {t + 6.0, t + 7.0});
    s.play(7.0, "tweak " + name.substr(name.find('/') + 1), tweak_notes);
  };
  tweak(n_index, gn, yellow, "tweak/w_n");
  tweak(k_index, gk, maroon, "tweak/w_k");
  return handles;
}

}  // namespace flowview::scenes
