#pragma once
// The 784-16-16-10 sigmoid network of 3Blue1Brown's neural-network series (part 3,
// InterpretGradientComponents): a 28 x 28 image in, ten digit activations out, cost
// C = sum_j (a_j - y_j)^2. Its 13,002 parameters are numbered as the scene lists them
// (w_0 ... w_13,001): layer by layer, each layer's weights row by row (row i = the edges into
// neuron i), then that layer's biases.
#include <array>
#include <cstdint>
#include <vector>

#include "core/lessons/seeded_values.h"

namespace flowview::lessons {

inline constexpr std::array<int, 4> kDigitLayerSizes = {784, 16, 16, 10};

struct DigitNetwork {
  std::vector<Matrix> weights;  // weights[l]: sizes[l+1] x sizes[l]
  std::vector<Vector> biases;   // biases[l]: sizes[l+1]

  int parameterCount() const;  // 13,002
  Vector parameters() const;   // flattened in the order above
  void setParameters(const Vector& flat);
};
// Weights normal with variance 1/fan-in, biases standard normal: the activations start spread
// over (0, 1) rather than stuck at 0 or 1.
DigitNetwork makeDigitNetwork(uint64_t seed);

// A handwritten-looking "3": 784 pixel intensities in [0, 1], row by row, top row first.
Vector digitThreeImage();
inline constexpr int kDigitThreeLabel = 3;

struct ForwardPass {
  std::vector<Vector> activations;      // a_0 (the input) ... a_3 (the ten outputs)
  std::vector<Vector> pre_activations;  // z_1 ... z_3 (a_l = sigmoid(z_l))
};
ForwardPass forward(const DigitNetwork& net, const Vector& input);
// sum_j (a_j - y_j)^2 with y the one-hot vector of `label`.
double digitCost(const Vector& output, int label);

struct Gradient {
  double cost = 0;
  std::vector<Matrix> weights;  // dC/dW, shaped as the network's weights
  std::vector<Vector> biases;   // dC/db
  Vector flat;                  // all 13,002 partial derivatives, in parameter order
};
// Backpropagation: one forward and one backward pass.
Gradient gradient(const DigitNetwork& net, const Vector& input, int label);

// Plain gradient descent: `steps` updates w <- w - rate dC/dw. Returns the cost before each step
// and after the last (steps + 1 values).
std::vector<double> descend(DigitNetwork& net, const Vector& input, int label, double rate,
                            int steps);

// Indices of the `count` largest |g_i|, largest first (ties by index).
std::vector<int> largestMagnitudes(const Vector& g, int count);

// Where parameter `index` sits: layer 0..2; for a weight, the neuron it feeds (row) and the
// neuron it comes from (column); for a bias, its neuron (row) and column -1.
struct ParameterLocation {
  int layer = 0, row = 0, column = -1;
  bool isBias() const { return column < 0; }
};
ParameterLocation locateParameter(int index);

}  // namespace flowview::lessons
