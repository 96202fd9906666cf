#pragma once
// Geometry of the 2D shapes manim draws (in the element's local xy plane unless noted):
// rectangles, arcs, arrows, brackets, braces, dots. Pure functions, unit-tested.
#include <glm/vec3.hpp>
#include <vector>

#include "core/scene/element.h"

namespace flowview::shapes {

StrokeGeometry rectangleOutline(float width, float height, float stroke_width);
FillGeometry rectangleFill(float width, float height);
// Circular arc from a to b turning by `angle` radians (counterclockwise about +z when positive),
// as manim's path_arc; angle 0 gives the straight segment.
std::vector<glm::vec3> arcPoints(glm::vec3 a, glm::vec3 b, float angle, int segments = 24);
// Straight filled arrow from a to b (manim's Arrow with thickness and a triangular tip), in the
// plane spanned by (b - a) and `normal`. Points are relative to `origin`.
FillGeometry arrowFill(glm::vec3 a, glm::vec3 b, float shaft_width, float tip_length,
                       float tip_width, glm::vec3 origin, glm::vec3 normal = glm::vec3(0, 0, 1));
// A triangle tip at `tip` pointing along `direction`.
FillGeometry arrowTip(glm::vec3 tip, glm::vec3 direction, float length, float width);
// A square bracket of `height`, opening to +x (left bracket) or -x (right bracket): a flat,
// stroke whose arms end kBracketArmEnd of the stem's width (TeX's: hlnf_09 shows 5.5-px arms on
// a 6.5-px stem, not thinning toward their ends) with a black backstroke
// of kBracketBackstroke (the seed's embedding arrays: set_backstroke(BLACK, 3)).
inline constexpr float kBracketArmEnd = 0.9f;
inline constexpr float kBracketBackstroke = 3.0f;
StrokeGeometry bracket(float height, float serif, bool left, float stroke_width);
// A curly brace of `length` along +y (pointing toward -x when `point_left`), as a stroke.
StrokeGeometry brace(float length, float depth, bool point_left, float stroke_width);
// `count` filled dots of `radius` spaced `gap` apart along `direction`, centered on the origin.
FillGeometry dots(int count, float radius, float gap, glm::vec3 direction);
// Cubic Bezier sampled into points.
std::vector<glm::vec3> cubicBezier(glm::vec3 p0, glm::vec3 p1, glm::vec3 p2, glm::vec3 p3,
                                   int segments = 24);

}  // namespace flowview::shapes
