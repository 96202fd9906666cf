// NetworkFlow's shared helpers: text, plays and holds, the camera. The beats live one file per
// section beside this one.
#include "core/scenes/network_flow.h"

#include <cmath>

#include "core/scenes/network_flow/look.h"
#include "core/scenes/units.h"

namespace flowview::scenes {

NetworkFlow::NetworkFlow(SceneBuilder& builder, text::GlyphAtlas& atlas, NetworkFlowConfig config)
    : b_(builder), atlas_(atlas), config_(std::move(config)), random_(config_.seed) {}

Pose NetworkFlow::at(glm::vec3 position) {
  return poseAt(position);
}

Rgb NetworkFlow::hex(unsigned rgb) {
  return hexColor(rgb);
}

float NetworkFlow::randomEntry(double lo, double hi) {
  return static_cast<float>(std::round(random_.uniform(lo, hi) * 10.0) / 10.0);  // one decimal
}

float NetworkFlow::entryValue(int token, int entry) {
  const float random = randomEntry(0.0, look::layer::kValueMax);
  if (!config_.model) return random;
  // Entries skip the vertical-dots row (the row before last).
  const int rows = config_.embedding_length;
  const int row = entry < rows - 2 ? entry : entry + 1;
  return config_.model->displayValue(residual_layer_, token, row, rows);
}

float NetworkFlow::textEm(float font_size) const {
  return font_size * kEmPerFontSize;
}

int NetworkFlow::addText(const std::string& id, const std::string& text, float font_size,
                         glm::vec3 position, Rgb color, float outline_px) {
  TextGeometry g;
  g.utf8 = text;
  g.em_size = textEm(font_size);
  g.outline_px = outline_px;
  return b_.addText(id, g, at(position), color);
}

int NetworkFlow::addNumber(const std::string& id, float value, int decimals, float em_size,
                           glm::vec3 position, Rgb color) {
  TextGeometry g;
  g.is_number = true;
  g.decimals = decimals;
  g.em_size = em_size;
  const int e = b_.addText(id, g, at(position), color);
  b_.element(e).value.setInitial(value);
  return e;
}

void NetworkFlow::play(double run_time, const std::string& name, const std::string& notes) {
  applyRetime(run_time);
  b_.endPlay(run_time, section_ + ": " + name, section_, notes);
}

void NetworkFlow::hold(double duration) {
  b_.wait(duration, section_ + ": hold", section_);
}

void NetworkFlow::moveCameraTo(TimeWindow w, std::optional<EulerDegrees> euler,
                               std::optional<glm::vec3> center, std::optional<float> height) {
  Camera target = b_.cameraNow();
  if (euler) target.orientation = quatFromEulerDegrees(*euler);
  if (center) target.center = *center;
  if (height) target.height = *height;
  b_.moveCamera(w, target);
}

void NetworkFlow::hideAllUntil(const std::vector<int>& elements, double t) {
  for (int e : elements) b_.hideUntil(e, t);
}

}  // namespace flowview::scenes
