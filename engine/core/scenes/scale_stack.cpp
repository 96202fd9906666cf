#include "core/scenes/scale_stack.h"

#include <cmath>
#include <cstdio>
#include <glm/gtc/quaternion.hpp>
#include <utility>
#include <vector>

#include "core/math/color.h"
#include "core/scenes/units.h"
#include "core/text/glyph_atlas.h"

namespace flowview::scenes {
namespace {

constexpr float kLayerPitch = 6.0f;  // z distance from one transformer layer to the next

std::string withCommas(int value) {
  std::string digits = std::to_string(value), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
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
  // Arrays before and after every attention and MLP block. Everything behind the first array
  // waits, invisible, for the pull-back to the stack: up close, arrays seen through the blocks
  // would pile their digits onto the first vector's.
  std::vector<std::pair<int, float>> stack_parts;  // element, opacity once shown
  for (int k = 0; k <= p.layers; ++k) {
    const float z = -k * kLayerPitch;
    grid.seed = p.seed * 1000003u + static_cast<uint64_t>(2 * k);
    const int array = b.addGrid("layer" + std::to_string(k), grid, poseAt({0, 0, z}));
    if (k > 0) stack_parts.push_back({array, 1.0f});
    if (k == p.layers) break;
    grid.seed = p.seed * 1000003u + static_cast<uint64_t>(2 * k + 1);
    stack_parts.push_back(
        {b.addGrid("layer" + std::to_string(k) + "/mid", grid, poseAt({0, 0, z - 3.0f})), 1.0f});
    BoxGeometry attention;
    attention.size = {box_size.x, box_size.y, 1.5f};
    stack_parts.push_back({b.addBox("layer" + std::to_string(k) + "/attention", attention,
                                    poseAt({0, 0, z - 1.5f}), hexColor(palette::kGreyE), 0.75f),
                           0.75f});
    BoxGeometry mlp;
    mlp.size = {box_size.x, box_size.y, 2.0f};
    stack_parts.push_back({b.addBox("layer" + std::to_string(k) + "/mlp", mlp,
                                    poseAt({0, 0, z - 4.5f}), hexColor(palette::kGreyE), 0.75f),
                           0.75f});
  }
  for (const auto& [e, opacity] : stack_parts) b.element(e).opacity.setInitial(0.0f);
  // Captions fixed in the frame (the default 8-unit frame's coordinates): the same size on
  // screen whatever the camera does, so each level of the pull-back is named legibly.
  auto caption = [&](const std::string& id, const std::string& text, float em, glm::vec3 pos) {
    TextGeometry g;
    g.utf8 = text;
    g.em_size = em;
    g.outline_px = 4.0f;
    const int e = b.addText(id, g, poseAt(pos), Rgb(1.0f));
    b.element(e).fixed_in_frame = true;
    b.element(e).opacity.setInitial(0.0f);
    return e;
  };
  const std::string tokens = withCommas(p.tokens), layers = std::to_string(p.layers);
  const int vector_label =
      caption("labels/vector", "One token's vector: " + p.dimension_label + " numbers", 0.42f,
              {0, 3.3f, 0});
  const int rows_label = caption("labels/rows",
                                 "(" + std::to_string(p.rows) +
                                     " of them shown, the rest behind "
                                     "the dots)",
                                 0.28f, {0, -3.4f, 0});
  const int context_label = caption(
      "labels/context", tokens + " tokens of context: " + tokens + " vectors", 0.42f, {0, 3.3f, 0});
  const int dim_label =
      caption("labels/dimension", "each " + p.dimension_label + " dimensions", 0.3f, {0, 2.7f, 0});
  const int layers_label =
      caption("labels/layers", layers + " layers of attention and MLP blocks", 0.42f, {0, 3.3f, 0});

  // The camera: one vector up close, face on; back along the layer until the vectors are
  // coloured bars; then up and back over the near corner until the whole stack of layers shows.
  // It stays in front of the first layer or above the stack, never inside a block.
  const float first_x = -width / 2 + 0.5f * grid.column_width;
  const Camera close = Camera::fromEuler({-6, -4, 0}, {first_x + 0.4f, 0, 0}, 6.0f);
  const Camera row = Camera::fromEuler({-22, -14, 0}, {first_x + 26.0f, 0, -2.0f}, 34.0f);
  const Camera layer_view = Camera::fromEuler({-30, -20, 0}, {first_x + 90.0f, 0, -20.0f}, 110.0f);
  // In front of the first layer and above the stack, looking down it at an angle: the front
  // layers read as separate slabs and the rest recede. (An eye within the stack's depth would
  // look down a corridor of layer planes reaching past it.)
  const Camera stack = Camera::fromEuler({-40, -12, 0}, {first_x + 80.0f, 0, -100.0f}, 160.0f);
  b.mutableScene().camera.setInitial(close);
  b.addPreset("One vector", close);
  b.addPreset("The first vectors", row);
  b.addPreset("The layer", layer_view);
  b.addPreset("The whole stack", stack);
  double t0 = b.now();
  b.fadeTo(vector_label, {t0, t0 + 1}, 1.0f);
  b.fadeTo(rows_label, {t0, t0 + 1}, 1.0f);
  b.endPlay(
      1.0, "scale: one vector", "gpt-3 scale",
      "One token's vector, up close: at GPT-3's size it holds " + p.dimension_label + " numbers.");
  b.wait(1.5, "scale: one vector, up close", "gpt-3 scale",
         "Each column is one token's vector; only " + std::to_string(p.rows) + " of its " +
             p.dimension_label + " entries are shown.");
  t0 = b.now();
  b.moveCamera({t0, t0 + 4}, row);
  b.fadeTo(vector_label, {t0, t0 + 1}, 0.0f);
  b.fadeTo(rows_label, {t0, t0 + 1}, 0.0f);
  b.fadeTo(context_label, {t0 + 1, t0 + 2}, 1.0f);
  b.fadeTo(dim_label, {t0 + 1, t0 + 2}, 1.0f);
  b.endPlay(
      4.0, "scale: " + tokens + " tokens wide", "gpt-3 scale",
      "Pulling back along the context: " + tokens +
          " vectors side by side; too small to read, each becomes a bar of its values' shades.");
  t0 = b.now();
  b.moveCamera({t0, t0 + 4}, layer_view);
  for (const auto& [e, opacity] : stack_parts) b.fadeTo(e, {t0 + 2, t0 + 4}, opacity);
  b.endPlay(4.0, "scale: the whole layer", "gpt-3 scale",
            "The whole layer of " + tokens + " vectors; the blocks and layers behind it fade in.");
  t0 = b.now();
  b.moveCamera({t0, t0 + 5}, stack);
  b.fadeTo(context_label, {t0, t0 + 1}, 0.0f);
  b.fadeTo(dim_label, {t0, t0 + 1}, 0.0f);
  b.fadeTo(layers_label, {t0 + 1, t0 + 2}, 1.0f);
  b.endPlay(5.0, "scale: " + layers + " layers deep", "gpt-3 scale",
            layers + " layers, each an attention block and an MLP block, one after another.");
  b.wait(3.0, "scale: the whole stack", "gpt-3 scale",
         "The whole stack: " + layers + " layers of " + tokens + " vectors of " +
             p.dimension_label + " numbers.");
}

}  // namespace flowview::scenes
