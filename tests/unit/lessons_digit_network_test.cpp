// The gradient-descent lesson's network: shapes, the backpropagated gradient against central
// finite differences on parameters of every layer, and a cost that falls under descent.
#include <gtest/gtest.h>

#include <cmath>

#include "core/lessons/digit_network.h"

namespace flowview::lessons {
namespace {

TEST(LessonsDigitNetwork, Has13002ParametersInTheDocumentedOrder) {
  DigitNetwork net = makeDigitNetwork(3);
  EXPECT_EQ(net.parameterCount(), 13002);
  const Vector flat = net.parameters();
  ASSERT_EQ(flat.size(), 13002);
  EXPECT_EQ(flat(0), net.weights[0](0, 0));
  EXPECT_EQ(flat(785), net.weights[0](1, 1));
  EXPECT_EQ(flat(12544), net.biases[0](0));
  EXPECT_EQ(flat(12560), net.weights[1](0, 0));
  EXPECT_EQ(flat(13001), net.biases[2](9));
  const ParameterLocation w = locateParameter(785), b = locateParameter(12544),
                          last = locateParameter(13001), l3 = locateParameter(12832);
  EXPECT_EQ(w.layer, 0);
  EXPECT_EQ(w.row, 1);
  EXPECT_EQ(w.column, 1);
  EXPECT_TRUE(b.isBias());
  EXPECT_EQ(last.layer, 2);
  EXPECT_EQ(last.row, 9);
  EXPECT_TRUE(last.isBias());
  EXPECT_EQ(l3.layer, 2);  // 12544 + 16 + 256 + 16 = 12832: layer 3's first weight
  EXPECT_EQ(l3.column, 0);
  EXPECT_THROW(locateParameter(13002), std::out_of_range);
  Vector shifted = flat.array() + 1.0;
  net.setParameters(shifted);
  EXPECT_EQ(net.parameters(), shifted);
  EXPECT_THROW(net.setParameters(Vector(3)), std::invalid_argument);
}

TEST(LessonsDigitNetwork, ImageIsADrawnDigit) {
  const Vector image = digitThreeImage();
  ASSERT_EQ(image.size(), 784);
  EXPECT_GE(image.minCoeff(), 0.0);
  EXPECT_LE(image.maxCoeff(), 1.0);
  const int lit = static_cast<int>((image.array() > 0.5).count());
  EXPECT_GT(lit, 40);
  EXPECT_LT(lit, 250);
  EXPECT_EQ(image(0), 0.0);             // corners are blank
  EXPECT_GT(image(28 * 14 + 14), 0.5);  // the middle of the 3 is inked
}

TEST(LessonsDigitNetwork, ForwardGivesActivationsInZeroOne) {
  const DigitNetwork net = makeDigitNetwork(3);
  const ForwardPass pass = forward(net, digitThreeImage());
  ASSERT_EQ(pass.activations.size(), 4u);
  EXPECT_EQ(pass.activations[3].size(), 10);
  EXPECT_GT(pass.activations[3].minCoeff(), 0.0);
  EXPECT_LT(pass.activations[3].maxCoeff(), 1.0);
  // Not saturated: the hidden activations are spread over (0, 1).
  EXPECT_GT(pass.activations[1].maxCoeff() - pass.activations[1].minCoeff(), 0.3);
  Vector out = Vector::Zero(10);
  out(3) = 0.5;
  out(0) = 0.25;
  EXPECT_DOUBLE_EQ(digitCost(out, 3), 0.25 + 0.0625);
}

TEST(LessonsDigitNetwork, GradientMatchesCentralFiniteDifferences) {
  DigitNetwork net = makeDigitNetwork(3);
  const Vector image = digitThreeImage();
  const Gradient g = gradient(net, image, kDigitThreeLabel);
  ASSERT_EQ(g.flat.size(), 13002);
  const Vector base = net.parameters();
  auto costAt = [&](const Vector& p) {
    net.setParameters(p);
    return digitCost(forward(net, image).activations.back(), kDigitThreeLabel);
  };
  // Every layer's weights and biases: inked and blank input pixels, first and last entries.
  const int inked = 28 * 14 + 14;
  const std::vector<int> sample = {
      inked, 784 * 5 + inked, 784 * 15 + 300, 0,     12543, 12544, 12550, 12559, 12560, 12700,
      12815, 12816,           12831,          12832, 12900, 12991, 12992, 12995, 13001};
  int nonzero = 0;
  for (int i : sample) {
    const double h = 1e-5;
    Vector plus = base, minus = base;
    plus(i) += h;
    minus(i) -= h;
    const double numeric = (costAt(plus) - costAt(minus)) / (2 * h);
    EXPECT_NEAR(g.flat(i), numeric, 1e-7 + 1e-5 * std::abs(numeric)) << "parameter " << i;
    if (std::abs(numeric) > 1e-6) ++nonzero;
  }
  EXPECT_GE(nonzero, 14) << "the sample must exercise real derivatives";
  EXPECT_EQ(g.flat(0), 0.0);  // a blank pixel's edges cannot change the cost
  net.setParameters(base);
  EXPECT_DOUBLE_EQ(g.cost, costAt(base));
}

TEST(LessonsDigitNetwork, CostFallsOverThreeSteps) {
  DigitNetwork net = makeDigitNetwork(3);
  const std::vector<double> costs = descend(net, digitThreeImage(), kDigitThreeLabel, 0.5, 3);
  ASSERT_EQ(costs.size(), 4u);
  for (int s = 0; s < 3; ++s) EXPECT_LT(costs[s + 1], costs[s] - 0.01) << "step " << s;
  EXPECT_GT(costs[0], 1.0);
}

TEST(LessonsDigitNetwork, LargestMagnitudesAreSortedAndLargest) {
  Vector g(6);
  g << 0.1, -3.0, 2.0, -0.5, 3.0, 0.0;
  EXPECT_EQ(largestMagnitudes(g, 3), (std::vector<int>{1, 4, 2}));
  EXPECT_EQ(largestMagnitudes(g, 10).size(), 6u);
  const Gradient grad = gradient(makeDigitNetwork(3), digitThreeImage(), kDigitThreeLabel);
  const std::vector<int> top = largestMagnitudes(grad.flat, 5);
  ASSERT_EQ(top.size(), 5u);
  const double fifth = std::abs(grad.flat(top[4]));
  int larger = 0;  // components strictly larger than the fifth: exactly the first four
  for (int i = 0; i < 13002; ++i) larger += std::abs(grad.flat(i)) > fifth;
  EXPECT_EQ(larger, 4);
  for (int k = 0; k < 4; ++k)
    EXPECT_GE(std::abs(grad.flat(top[k])), std::abs(grad.flat(top[k + 1])));
}

}  // namespace
}  // namespace flowview::lessons
