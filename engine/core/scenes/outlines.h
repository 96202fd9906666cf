#pragma once
// Outlines the general layer draws itself, in the local xy plane, centered on the origin:
// rounded rectangles, circles, filleted polylines, and the fan that fills a convex outline.
#include <vector>

#include <glm/vec3.hpp>

#include "core/scene/element.h"

namespace flowview::shapes {

// A closed outline of a rectangle with round corners (radius 0: sharp corners).
std::vector<glm::vec3> roundedRectanglePoints(float w, float h, float radius);
// Triangle fan over a convex closed outline.
FillGeometry convexFill(const std::vector<glm::vec3>& outline);
// A closed 64-sided outline.
std::vector<glm::vec3> circlePoints(float radius);
// Replaces each inner corner of a polyline by a circular fillet of `radius` (limited to half of
// the shorter neighbouring segment).
std::vector<glm::vec3> filletCorners(const std::vector<glm::vec3>& points, float radius);

}  // namespace flowview::shapes
