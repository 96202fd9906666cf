#include "core/frame/arc_picking.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "core/scene/frame_state.h"
#include "core/scene/scene.h"

namespace flowview {
namespace {

// A stroke this faint is not something the presenter can point at.
constexpr float kMinPickOpacity = 0.02f;

float distanceToSegment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float length_sq = glm::dot(ab, ab);
  const float t = length_sq > 0.0f ? std::clamp(glm::dot(p - a, ab) / length_sq, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + t * ab));
}

}  // namespace

float distanceToPolyline(glm::vec2 p, std::span<const glm::vec2> points) {
  if (points.empty()) return std::numeric_limits<float>::infinity();
  if (points.size() == 1) return glm::length(p - points[0]);
  float best = std::numeric_limits<float>::infinity();
  for (size_t i = 0; i + 1 < points.size(); ++i)
    best = std::min(best, distanceToSegment(p, points[i], points[i + 1]));
  return best;
}

std::optional<int> pickAttentionArc(const Scene& scene, const FrameState& state,
                                    const Camera& camera, float view_width, float view_height,
                                    glm::vec2 cursor, float radius) {
  if (view_width <= 0.0f || view_height <= 0.0f) return std::nullopt;
  const float aspect = view_width / view_height;
  std::optional<int> best;
  float best_distance = radius;
  thread_local std::vector<glm::vec2> projected;  // reused: no allocation per frame
  for (size_t i = 0; i < scene.attention_arcs.size(); ++i) {
    const int e = scene.attention_arcs[i].element;
    if (e < 0 || static_cast<size_t>(e) >= state.elements.size()) continue;
    const ElementState& shown = state.elements[static_cast<size_t>(e)];
    const Element& element = scene.elements[static_cast<size_t>(e)];
    if (!shown.visible || shown.opacity < kMinPickOpacity || element.kind != ElementKind::Stroke)
      continue;
    projected.clear();
    bool behind = false;
    for (const glm::vec3& local : scene.strokes[element.geometry].points) {
      const glm::vec3 ndc = camera.projectToNdc(shown.pose.apply(local), aspect);
      if (!(ndc.z >= -1.0f && ndc.z <= 1.0f)) {
        behind = true;  // behind the eye or clipped: not where the cursor could be
        break;
      }
      projected.emplace_back((ndc.x + 1.0f) * 0.5f * view_width,
                             (1.0f - ndc.y) * 0.5f * view_height);
    }
    if (behind) continue;
    const float d = distanceToPolyline(cursor, projected);
    if (d <= best_distance) {
      best_distance = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace flowview
