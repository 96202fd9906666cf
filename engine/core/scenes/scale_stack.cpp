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

// One transformer layer along -z: its input array, an attention block and an MLP block against
// it, then a wide gap to the next layer's array. Opaque blocks with that gap read, from above, as
// separate two-tinted slabs over the dark background. (The array between the two blocks is left
// out: it would show as a sliver at most, and every sliver costs a software rasterizer its whole
// length.)
constexpr float kArrayToBlock = 0.3f;     // an array stands just in front of the block it feeds
constexpr float kBlockDepth = 3.0f;       // attention and MLP blocks alike
constexpr float kLayerPitch = 18.0f;      // z distance from one layer's input array to the next
constexpr float kStackElevation = 52.0f;  // degrees: steep enough to see into the gaps

std::string withCommas(int value) {
  std::string digits = std::to_string(value), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

ScaleStackLayout scaleStackLayout(const ScaleStackParams& p) {
  GridGeometry grid;
  grid.columns = p.tokens;
  grid.rows = p.rows;
  ScaleStackLayout layout;
  layout.width = grid.width() + 1.0f;
  layout.height = grid.height() + 0.4f;
  layout.depth = static_cast<float>(p.layers) * kLayerPitch;
  layout.first_column_x = -0.5f * grid.width() + 0.5f * grid.column_width;
  const float aspect = 16.0f / 9.0f, first = layout.first_column_x;
  // Face on, the first vector a third of the way across, its numbers about 70 px a row.
  layout.close = Camera::fromEuler({-8, -4, 0}, {first + 2.0f, 0, 0}, 6.0f);
  // Back along the row: a few dozen vectors, their numbers turning into bars.
  layout.row = Camera::fromEuler({-14, -8, 0}, {first + 24.0f, 0, 0}, 34.0f);
  // From in front of the first vector, down the whole row: 2,048 vectors recede to the right.
  const float row_reach = std::min(grid.width(), 240.0f);
  layout.layer = Camera::fromEuler({-58, -16, 0}, {first + 0.5f * row_reach, 0, 0}, 80.0f);
  // High above the front of the stack, looking down into the gaps between the layers.
  const float e = glm::radians(kStackElevation);
  const float fit = std::max(layout.width / aspect, layout.depth * std::sin(e) + layout.height);
  layout.stack = Camera::fromEuler({-22, -kStackElevation, 0},
                                   {-0.1f * layout.width, 0, -0.36f * layout.depth}, 1.45f * fit);
  return layout;
}

void buildScaleStack(SceneBuilder& b, text::GlyphAtlas&, const ScaleStackParams& p) {
  const ScaleStackLayout layout = scaleStackLayout(p);
  GridGeometry grid;
  grid.columns = p.tokens;
  grid.rows = p.rows;
  grid.seed = p.seed;
  const glm::vec3 block_size(layout.width, layout.height, kBlockDepth);
  const Rgb attention_tint = hexColor(0x3A8FB0), mlp_tint = hexColor(0xB08A3A);
  // The stack recedes along -z, so the first layer faces the camera in front of everything.
  // Everything behind the first array waits, hidden, for the pull-back to the stack.
  std::vector<std::vector<int>> layer_parts(static_cast<size_t>(p.layers) + 1);
  for (int k = 0; k <= p.layers; ++k) {
    const float z = -k * kLayerPitch;
    std::vector<int>& parts = layer_parts[static_cast<size_t>(k)];
    grid.seed = p.seed * 1000003u + static_cast<uint64_t>(2 * k);  // the seeds of before
    const int array = b.addGrid("layer" + std::to_string(k), grid, poseAt({0, 0, z}));
    if (k > 0) parts.push_back(array);
    if (k == p.layers) break;
    const std::string id = "layer" + std::to_string(k);
    BoxGeometry block;
    block.size = block_size;
    block.shading = 0.0f;
    const float attention_z = z - kArrayToBlock - 0.5f * kBlockDepth;
    parts.push_back(
        b.addBox(id + "/attention", block, poseAt({0, 0, attention_z}), attention_tint));
    // The MLP block stands against the attention block's back, one slab of two tints; its front
    // face, hidden there, is not drawn.
    block.face_mask = 0x3F & ~0x10;
    parts.push_back(
        b.addBox(id + "/mlp", block, poseAt({0, 0, attention_z - kBlockDepth}), mlp_tint));
  }
  // Captions fixed in the frame (the default 8-unit frame's coordinates): the same size on
  // screen whatever the camera does. The three sizes pile up in the top-left corner, each
  // staying once shown, so every level of the pull-back is named.
  auto caption = [&](const std::string& id, const std::string& text, float em, glm::vec3 pos) {
    TextGeometry g;
    g.utf8 = text;
    g.em_size = em;
    g.outline_px = 5.0f;
    g.align = 0;
    const int e = b.addText(id, g, poseAt(pos), Rgb(1.0f));
    b.element(e).fixed_in_frame = true;
    b.element(e).opacity.setInitial(0.0f);
    return e;
  };
  const std::string tokens = withCommas(p.tokens), layers = std::to_string(p.layers);
  constexpr float kLeft = -6.7f;
  const int dimension_label = caption(
      "labels/dimension", p.dimension_label + " dimensions per vector", 0.4f, {kLeft, 3.35f, 0});
  const int tokens_label =
      caption("labels/tokens", "\u00d7 " + tokens + " tokens of context", 0.4f, {kLeft, 2.8f, 0});
  const int layers_label = caption(
      "labels/layers", "\u00d7 " + layers + " layers (attention + MLP)", 0.4f, {kLeft, 2.25f, 0});
  const int rows_label = caption("labels/rows",
                                 std::to_string(p.rows - 1) + " of the " + p.dimension_label +
                                     " numbers shown; the rest stand behind the dots",
                                 0.26f, {kLeft, -3.6f, 0});

  b.mutableScene().camera.setInitial(layout.close);
  b.addPreset("One vector", layout.close);
  b.addPreset("The first vectors", layout.row);
  b.addPreset("The whole layer", layout.layer);
  b.addPreset("The whole stack", layout.stack);
  double t0 = b.now();
  // The first caption is there from the first frame: no moment goes unlabelled.
  b.element(dimension_label).opacity.setInitial(1.0f);
  b.element(rows_label).opacity.setInitial(1.0f);
  b.endPlay(
      1.0, "scale: one vector", "gpt-3 scale",
      "One token's vector, up close: at GPT-3's size it holds " + p.dimension_label + " numbers.");
  b.wait(1.5, "scale: one vector, up close", "gpt-3 scale",
         "Only " + std::to_string(p.rows - 1) + " of its " + p.dimension_label +
             " entries are shown.");
  t0 = b.now();
  b.moveCamera({t0, t0 + 4}, layout.row);
  b.fadeTo(rows_label, {t0, t0 + 1}, 0.0f);
  b.fadeTo(tokens_label, {t0 + 1, t0 + 2}, 1.0f);
  b.endPlay(4.0, "scale: " + tokens + " tokens wide", "gpt-3 scale",
            "Pulling back along the context: vectors side by side; too small to read, each "
            "becomes a bar of its values' shades.");
  t0 = b.now();
  b.moveCamera({t0, t0 + 4}, layout.layer);
  b.endPlay(4.0, "scale: the whole layer", "gpt-3 scale",
            "The whole layer: " + tokens + " vectors in a row, the far ones a flat tone.");
  t0 = b.now();
  b.moveCamera({t0, t0 + 5}, layout.stack);
  // Layer by layer, front to back, as the camera rises over the stack: each layer appears whole
  // (a fade would make 192 blocks translucent at once, and a software rasterizer blend them all).
  const double build_span = 3.0;
  for (size_t k = 0; k < layer_parts.size(); ++k) {
    const double start =
        t0 + 0.5 + build_span * static_cast<double>(k) / static_cast<double>(layer_parts.size());
    for (int e : layer_parts[k]) b.hideUntil(e, start);
  }
  b.fadeTo(layers_label, {t0 + 1, t0 + 2}, 1.0f);
  b.endPlay(5.0, "scale: " + layers + " layers deep", "gpt-3 scale",
            layers + " layers, each an attention block and an MLP block, one after another.");
  b.wait(3.0, "scale: the whole stack", "gpt-3 scale",
         "The whole stack: " + layers + " layers of " + tokens + " vectors of " +
             p.dimension_label + " numbers.");
}

}  // namespace flowview::scenes
