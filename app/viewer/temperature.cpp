#include "viewer/temperature.h"

#include "core/scenes/next_tokens.h"

namespace flowview::viewer {

std::vector<double> applyTemperature(const std::vector<double>& probabilities, double temperature) {
  return scenes::reweightByTemperature(probabilities, temperature);
}

}  // namespace flowview::viewer
