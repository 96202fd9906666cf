#pragma once
// Which attention arc the cursor is on: the viewer's hover read-out ("from TOKEN to TOKEN: 0.123").
// Pure maths: each visible arc's stroke is projected to the view with the frame's camera, and the
// arc whose projected polyline passes nearest to the cursor (within a radius) wins.
#include <optional>
#include <span>

#include <glm/glm.hpp>

#include "core/camera/camera.h"

namespace flowview {

struct Scene;
struct FrameState;

// Distance from `p` to the polyline through `points` (a single point: the distance to it);
// infinity for no points.
float distanceToPolyline(glm::vec2 p, std::span<const glm::vec2> points);

// The index into scene.attention_arcs of the arc nearest to `cursor`, among the arcs visible in
// `state` (shown, opacity above a trace) and within `radius` of it; nullopt when none is.
// `cursor` and `radius` are in the units of a view `view_width` x `view_height` (origin top-left,
// y down), the camera's aspect being view_width / view_height.
std::optional<int> pickAttentionArc(const Scene& scene, const FrameState& state,
                                    const Camera& camera, float view_width, float view_height,
                                    glm::vec2 cursor, float radius = 6.0f);

}  // namespace flowview
