#pragma once
// The flat scene: typed elements in arrays with stable ids. Geometry is static and expressed in
// the element's local frame; everything that moves is a Channel (a pure function of time).
#include <cstdint>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <limits>
#include <string>
#include <vector>

#include "core/math/color.h"
#include "core/scene/pose.h"
#include "core/timeline/channel.h"

namespace flowview {

enum class ElementKind : uint8_t {
  Text,     // a string (or a number formatted from the value channel), SDF glyphs
  Stroke,   // a polyline of constant on-screen width (arcs, arrows, rectangle borders, brackets)
  Fill,     // flat triangles (rectangle fills, arrow tips, braces, bars)
  Box,      // shaded translucent box faces (blocks)
  Spheres,  // a cloud of shaded sphere impostors (MLP neurons)
  Lines,    // many straight lines, each with its own color and opacity (MLP connections)
  Grid,     // a whole embedding array at scale, drawn with level of detail (numbers, bars, a slab)
};

// How the reveal channel's progress shows: manim's ShowCreation / Write / passing flash.
enum class RevealStyle : uint8_t {
  Parts,   // each part (glyph, line, sphere) fades in with lag: Write, FadeIn(lag_ratio), subsets
  Prefix,  // the first fraction of the stroke is drawn: ShowCreation
  Flash,   // a bright window travels along the stroke: VShowPassingFlash
  Grow,    // scales up from the element's origin: GrowFromCenter / GrowArrow
};

struct RevealState {
  float alpha = 1.0f;  // linear progress of the reveal animation, 0..1
  RevealStyle style = RevealStyle::Parts;
  Rate part_rate = Rate::Linear;
  float lag = 0.0f;          // lag ratio between parts (Parts style)
  float flash_width = 0.0f;  // time_width of a passing flash
  bool step = false;         // parts appear at once (ShowIncreasingSubsets) instead of fading
};
RevealState lerpValue(const RevealState& a, const RevealState& b, float t);

struct TextGeometry {
  std::string utf8;         // shown text (ignored for numbers)
  float em_size = 0.5f;     // world units per em
  float outline_px = 0.0f;  // black backstroke width in pixels at 1080p
  bool is_number = false;   // text = value formatted with `decimals` + `suffix`
  int decimals = 1;
  std::string suffix;
  bool color_by_value = false;  // GREY_C -> WHITE by |value| / value_max (embedding entries)
  float value_max = 9.9f;
  int align = 1;  // 0 left, 1 center, 2 right (about the element origin)
};

struct StrokeGeometry {
  std::vector<glm::vec3> points;  // polyline, local coordinates
  float width = 2.0f;             // manim stroke width (scaled to pixels by the renderer)
  bool closed = false;
  bool taper_flash = true;
  // Per-point widths (manim units) when not empty, one per point: a tapered outline.
  std::vector<float> widths;
  // A black stroke this much wider, drawn under the stroke (manim's set_backstroke): it keeps the
  // stroke apart from what lies behind it. 0: none.
  float backstroke_width = 0.0f;
  // The stroke stands for a flat shape in its local xy plane (a TeX bracket is a filled glyph):
  // turned away from the eye its width foreshortens, and edge-on it thins to a hairline instead
  // of showing a full-width bar. Its backstroke keeps its on-screen width.
  bool flat = false;
};

struct FillGeometry {
  std::vector<glm::vec3> triangles;  // triangle list, local coordinates
  // A backdrop (manim's BackgroundRectangle) dims what lies behind its plane and nothing in
  // front of it, however far away that is: translucent sheets behind its plane are drawn before
  // it and the others after (distance alone would let it dim a far sheet in front of it).
  bool backdrop = false;
  // A black backstroke along closed loops around the fill's parts (manim's set_backstroke on a
  // filled glyph: a ring of half its width outside the edge, fixed on screen). 0: none.
  std::vector<std::vector<glm::vec3>> outlines;
  float backstroke_width = 0.0f;
};

struct BoxGeometry {
  glm::vec3 size{1.0f};
  uint8_t face_mask = 0x3F;  // bit i: +x, -x, +y, -y, +z, -z
  float shading = 0.5f;
};

struct SphereGeometry {
  std::vector<glm::vec4> centers;  // xyz + radius, local coordinates
  std::vector<float> opacities;
};

struct LineGeometry {
  struct Line {
    glm::vec3 a, b;
    Rgb color;
    float opacity;
  };
  std::vector<Line> lines;
  float width = 3.0f;
};

// An embedding array of `columns` x `rows` numbers whose values come from a hash of (seed,
// column, row), so a GPT-3-sized layer costs no memory. The batcher picks the level of detail
// from the on-screen size: numbers when a row is tall enough to read, one colored bar per column
// when a column is at least a pixel wide, a single slab otherwise; off-screen columns are culled.
struct GridGeometry {
  int columns = 1, rows = 10;
  float column_pitch = 0.84f, column_width = 0.6f, row_pitch = 0.4f;
  uint64_t seed = 0;
  float value_max = 9.9f;
  float em_size = 0.24f;
  float outline_px = 2.0f;
  float value(int column, int row) const;
  float width() const { return (columns - 1) * column_pitch + column_width; }
  float height() const { return rows * row_pitch; }
};

struct Element {
  ElementKind kind = ElementKind::Text;
  uint32_t geometry = 0;  // index into the Scene's array for `kind`
  std::string id;         // stable, human-readable ("layer0/col3/entry7")
  int draw_order = 0;     // ties broken by id order; later draws over earlier at equal depth
  double added_at = 0.0;  // present on screen in [added_at, removed_at)
  double removed_at = std::numeric_limits<double>::infinity();
  bool depth_test = true;
  // manim's fix_in_frame: the pose is in the coordinates of the default 8-unit frame and the
  // element stays put on screen, in front of the scene, whatever the camera does.
  bool fixed_in_frame = false;
  // Until this time the element is drawn after (over) the translucent block faces, as manimgl
  // draws a layer added after a block whose depth test is off: the copy of a layer inside an
  // attention block reads crisp, not tinted by the block's near face.
  double over_blocks_until = -std::numeric_limits<double>::infinity();

  Channel<Pose> pose;
  Channel<float> opacity{1.0f};
  Channel<Rgb> color{Rgb(1.0f)};
  Channel<RevealState> reveal{RevealState{}};
  Channel<float> value{0.0f};
};

}  // namespace flowview
