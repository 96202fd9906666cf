#include "core/scenes/context_arcs.h"

#include <cmath>

#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"
#include "core/timeline/group_timing.h"

namespace flowview::scenes {

std::vector<int> addContextArcs(SceneBuilder& b, Random& random,
                                const std::vector<glm::vec3>& sources, glm::vec3 target,
                                const ContextArcsParams& p) {
  std::vector<int> elements;
  const int n = static_cast<int>(sources.size());
  const auto windows = laggedWindows(n, 1.0, p.lag_ratio, p.run_time);
  for (int i = 0; i < n; ++i) {
    if (glm::vec3 d = sources[size_t(i)] - target; std::abs(d.x) + std::abs(d.y) < 1e-4f) continue;
    const Rgb color = random.brightColor(look::colour::kArcHueLo, look::colour::kArcHueHi);
    const float width =
        look::attention::kArcMaxWidth * static_cast<float>(std::pow(random.uniform(), 0.5));
    // Arcs bow upward: clockwise from a source on the left, counterclockwise from the right.
    const float sign = sources[size_t(i)].x < target.x ? -1.0f : 1.0f;
    StrokeGeometry arc;
    arc.points = shapes::arcPoints(sources[size_t(i)], target, sign * p.angle);
    arc.width = std::max(1.0f, width);
    const double t0 = p.start + windows[size_t(i)].start, t1 = p.start + windows[size_t(i)].end;
    const int flash = b.addStroke(p.id + "/arc" + std::to_string(i), arc, Pose{}, color);
    b.hideUntil(flash, t0);
    b.reveal(flash, {t0, t1}, RevealStyle::Flash, Rate::Smooth, 0, look::attention::kFlashWidth);
    b.remove(flash, t1);
    elements.push_back(flash);
  }
  return elements;
}

}  // namespace flowview::scenes
