#include "core/lessons/digit_network.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/math/random.h"

namespace flowview::lessons {
namespace {

constexpr int kLayers = static_cast<int>(kDigitLayerSizes.size()) - 1;

Vector sigmoid(const Vector& z) {
  return (1.0 + (-z.array()).exp()).inverse();
}

// Copies between a matrix and a flat range, row by row.
void writeRows(const Matrix& m, double* out) {
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c) *out++ = m(r, c);
}
void readRows(Matrix& m, const double* in) {
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c) m(r, c) = *in++;
}

Vector flatten(const std::vector<Matrix>& weights, const std::vector<Vector>& biases) {
  Eigen::Index n = 0;
  for (int l = 0; l < kLayers; ++l) n += weights[l].size() + biases[l].size();
  Vector flat(n);
  double* out = flat.data();
  for (int l = 0; l < kLayers; ++l) {
    writeRows(weights[l], out);
    out += weights[l].size();
    std::copy(biases[l].data(), biases[l].data() + biases[l].size(), out);
    out += biases[l].size();
  }
  return flat;
}

}  // namespace

int DigitNetwork::parameterCount() const {
  int n = 0;
  for (int l = 0; l < kLayers; ++l) n += static_cast<int>(weights[l].size() + biases[l].size());
  return n;
}

Vector DigitNetwork::parameters() const {
  return flatten(weights, biases);
}

void DigitNetwork::setParameters(const Vector& flat) {
  if (flat.size() != parameterCount())
    throw std::invalid_argument("DigitNetwork::setParameters: wrong parameter count");
  const double* in = flat.data();
  for (int l = 0; l < kLayers; ++l) {
    readRows(weights[l], in);
    in += weights[l].size();
    std::copy(in, in + biases[l].size(), biases[l].data());
    in += biases[l].size();
  }
}

DigitNetwork makeDigitNetwork(uint64_t seed) {
  Random random(seed);
  DigitNetwork net;
  for (int l = 0; l < kLayers; ++l) {
    const int in = kDigitLayerSizes[l], out = kDigitLayerSizes[l + 1];
    net.weights.push_back(normalMatrix(out, in, random, 1.0 / std::sqrt(double(in))));
    net.biases.push_back(normalMatrix(out, 1, random).col(0));
  }
  return net;
}

Vector digitThreeImage() {
  // Two arcs of radius 5 stacked at (14, 9) and (14, 19), y down; ink fades over a pixel.
  constexpr double kPi = 3.141592653589793;
  std::vector<std::array<double, 2>> curve;
  auto arc = [&](double cx, double cy, double from_deg, double to_deg) {
    for (int i = 0; i <= 60; ++i) {
      const double a = (from_deg + (to_deg - from_deg) * i / 60.0) * kPi / 180.0;
      curve.push_back({cx + 5.0 * std::cos(a), cy - 5.0 * std::sin(a)});
    }
  };
  arc(14, 9, 160, -90);
  arc(14, 19, 90, -200);
  Vector image(784);
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x) {
      double d = 1e9;
      for (const auto& p : curve) d = std::min(d, std::hypot(x - p[0], y - p[1]));
      image(28 * y + x) = std::clamp(1.8 - d, 0.0, 1.0);
    }
  return image;
}

ForwardPass forward(const DigitNetwork& net, const Vector& input) {
  ForwardPass pass;
  pass.activations.push_back(input);
  for (int l = 0; l < kLayers; ++l) {
    pass.pre_activations.push_back(net.weights[l] * pass.activations.back() + net.biases[l]);
    pass.activations.push_back(sigmoid(pass.pre_activations.back()));
  }
  return pass;
}

double digitCost(const Vector& output, int label) {
  Vector target = Vector::Zero(output.size());
  target(label) = 1.0;
  return (output - target).squaredNorm();
}

Gradient gradient(const DigitNetwork& net, const Vector& input, int label) {
  const ForwardPass pass = forward(net, input);
  const Vector& output = pass.activations.back();
  Gradient g;
  g.cost = digitCost(output, label);
  g.weights.resize(kLayers);
  g.biases.resize(kLayers);
  Vector target = Vector::Zero(output.size());
  target(label) = 1.0;
  // dC/da_L = 2 (a_L - y); sigmoid'(z) = a (1 - a).
  Vector dc_da = 2.0 * (output - target);
  for (int l = kLayers - 1; l >= 0; --l) {
    const Vector& a = pass.activations[l + 1];
    const Vector delta = dc_da.array() * a.array() * (1.0 - a.array());  // dC/dz_l
    g.biases[l] = delta;
    g.weights[l] = delta * pass.activations[l].transpose();  // [out] [in]ᵀ -> [out, in]
    dc_da = net.weights[l].transpose() * delta;
  }
  g.flat = flatten(g.weights, g.biases);
  return g;
}

std::vector<double> descend(DigitNetwork& net, const Vector& input, int label, double rate,
                            int steps) {
  std::vector<double> costs;
  for (int s = 0; s < steps; ++s) {
    const Gradient g = gradient(net, input, label);
    costs.push_back(g.cost);
    net.setParameters(net.parameters() - rate * g.flat);
  }
  costs.push_back(digitCost(forward(net, input).activations.back(), label));
  return costs;
}

std::vector<int> largestMagnitudes(const Vector& g, int count) {
  std::vector<int> order(static_cast<size_t>(g.size()));
  std::iota(order.begin(), order.end(), 0);
  const size_t k = std::min(order.size(), static_cast<size_t>(std::max(0, count)));
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) {
    const double ma = std::abs(g(a)), mb = std::abs(g(b));
    return ma != mb ? ma > mb : a < b;
  });
  order.resize(k);
  return order;
}

ParameterLocation locateParameter(int index) {
  if (index < 0) throw std::out_of_range("locateParameter: negative index");
  for (int l = 0; l < kLayers; ++l) {
    const int in = kDigitLayerSizes[l], out = kDigitLayerSizes[l + 1];
    if (index < in * out) return {l, index / in, index % in};
    index -= in * out;
    if (index < out) return {l, index, -1};
    index -= out;
  }
  throw std::out_of_range("locateParameter: index past the last parameter");
}

}  // namespace flowview::lessons
