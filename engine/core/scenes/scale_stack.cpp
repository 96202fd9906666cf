#include "core/scenes/scale_stack.h"

#include <cmath>
#include <cstdio>
#include <glm/gtc/quaternion.hpp>

#include "core/math/color.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"
#include "core/text/glyph_atlas.h"

namespace flowview::scenes {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kLayerPitch = 6.0f;  // z distance from one transformer layer to the next

std::string withCommas(int value) {
  std::string digits = std::to_string(value), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

Pose at(glm::vec3 p) {
  Pose pose;
  pose.position = p;
  return pose;
}

}  // namespace

void buildScaleStack(SceneBuilder& b, text::GlyphAtlas&, const ScaleStackParams& p) {
  GridGeometry grid;
  grid.columns = p.tokens;
  grid.rows = p.rows;
  grid.seed = p.seed;
  const float width = grid.width(), height = grid.height();
  const glm::vec3 box_size(width + 1.0f, height + 1.0f, 1.0f);
  // The stack recedes along -z, so the first layer faces the camera in front of everything.
  const float last_z = -p.layers * kLayerPitch;
  // Arrays before and after every attention and MLP block.
  for (int k = 0; k <= p.layers; ++k) {
    const float z = -k * kLayerPitch;
    grid.seed = p.seed * 1000003u + static_cast<uint64_t>(2 * k);
    b.addGrid("layer" + std::to_string(k), grid, at({0, 0, z}));
    if (k == p.layers) break;
    grid.seed = p.seed * 1000003u + static_cast<uint64_t>(2 * k + 1);
    b.addGrid("layer" + std::to_string(k) + "/mid", grid, at({0, 0, z - 3.0f}));
    BoxGeometry attention;
    attention.size = {box_size.x, box_size.y, 1.5f};
    b.addBox("layer" + std::to_string(k) + "/attention", attention, at({0, 0, z - 1.5f}),
             hexColor(palette::kGreyE), 0.75f);
    BoxGeometry mlp;
    mlp.size = {box_size.x, box_size.y, 2.0f};
    b.addBox("layer" + std::to_string(k) + "/mlp", mlp, at({0, 0, z - 4.5f}),
             hexColor(palette::kGreyE), 0.75f);
  }
  // Labels: the context size along x, the dimension along y, the depth along z.
  auto label = [&](const std::string& id, const std::string& text, float size, glm::vec3 pos,
                   glm::quat rotation) {
    TextGeometry g;
    g.utf8 = text;
    g.em_size = size;
    g.outline_px = 3.0f;
    Pose pose = at(pos);
    pose.rotation = rotation;
    return b.addText(id, g, pose, Rgb(1.0f));
  };
  const glm::quat facing(1, 0, 0, 0);
  const glm::quat side = glm::angleAxis(-kPi / 2, glm::vec3(0, 1, 0));
  Pose brace_pose = at({0, -height / 2 - 1.0f, 0});
  brace_pose.rotation = glm::angleAxis(kPi / 2, glm::vec3(0, 0, 1));
  const int context_brace = b.addStroke(
      "labels/context_brace", shapes::brace(width, 6.0f, true, 4.0f), brace_pose, Rgb(1.0f));
  const int context_label = label("labels/context", "Context size = " + withCommas(p.tokens), 40.0f,
                                  {0, -height / 2 - 30.0f, 0}, facing);
  const int dim_brace =
      b.addStroke("labels/dimension_brace", shapes::brace(height, 0.5f, false, 4.0f),
                  at({width / 2 + 0.8f, 0, 0}), Rgb(1.0f));
  const int dim_label = label("labels/dimension", p.dimension_label + " dimensions", 0.6f,
                              {width / 2 + 5.5f, 0, 0}, facing);
  Pose depth_pose = at({-width / 2 - 3.0f, height / 2 + 3.0f, 0.5f * last_z});
  depth_pose.rotation = side * glm::angleAxis(-kPi / 2, glm::vec3(0, 0, 1));
  const int depth_brace = b.addStroke(
      "labels/depth_brace", shapes::brace(last_z, 4.0f, false, 4.0f), depth_pose, Rgb(1.0f));
  const int depth_label = label("labels/layers", std::to_string(p.layers) + " layers", 40.0f,
                                {-width / 2 - 3.0f, height / 2 + 40.0f, 0.5f * last_z}, side);

  // The camera flight: from readable numbers to the whole stack and to the far end.
  const float first_x = -width / 2 + 3.0f;
  const Camera close = Camera::fromEuler({-25, -12, 0}, {first_x + 2.0f, 0, 0}, 9.0f);
  const Camera wide = Camera::fromEuler({-10, -15, 0}, {0, 0, 0}, width * 0.6f);
  const Camera stack = Camera::fromEuler({-50, -35, 0}, {0, 0, 0.5f * last_z}, width * 0.8f);
  const Camera far_end = Camera::fromEuler({-60, -10, 0}, {first_x + 2.0f, 0, last_z}, 10.0f);
  b.mutableScene().camera.setInitial(close);
  for (int e : {context_brace, context_label, dim_brace, dim_label, depth_brace, depth_label})
    b.element(e).opacity.setInitial(0.0f);
  b.addPreset("First vectors", close);
  b.addPreset("Whole first layer", wide);
  b.addPreset("The whole stack", stack);
  b.addPreset("Last layer", far_end);
  b.wait(2.0, "scale: the first vectors, up close", "gpt-3 scale",
         "Each column is one token's vector; only " + std::to_string(p.rows) + " of its " +
             p.dimension_label + " entries are shown.");
  double t0 = b.now();
  b.moveCamera({t0, t0 + 4}, wide);
  b.fadeTo(context_brace, {t0 + 2, t0 + 4}, 1.0f);
  b.fadeTo(context_label, {t0 + 2, t0 + 4}, 1.0f);
  b.endPlay(4.0, "scale: " + withCommas(p.tokens) + " tokens wide", "gpt-3 scale");
  t0 = b.now();
  b.moveCamera({t0, t0 + 5}, stack);
  b.fadeTo(depth_brace, {t0 + 3, t0 + 5}, 1.0f);
  b.fadeTo(depth_label, {t0 + 3, t0 + 5}, 1.0f);
  b.endPlay(5.0, "scale: " + std::to_string(p.layers) + " layers deep", "gpt-3 scale");
  t0 = b.now();
  b.moveCamera({t0, t0 + 6}, far_end);
  for (int e : {context_brace, context_label, depth_brace, depth_label})
    b.fadeTo(e, {t0, t0 + 2}, 0.0f);
  b.endPlay(6.0, "scale: to the last layer", "gpt-3 scale");
  (void)dim_brace;
  (void)dim_label;
  b.wait(2.0, "scale: the last vectors", "gpt-3 scale");
}

}  // namespace flowview::scenes
