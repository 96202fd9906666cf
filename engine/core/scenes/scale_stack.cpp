#include "core/scenes/scale_stack.h"

#include <algorithm>
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
// it, then a gap to the next layer's array. Opaque blocks with that gap read, from above, as
// separate two-tinted slabs over the dark background. (The array between the two blocks is left
// out: it would show as a sliver at most, and every sliver costs a software rasterizer its whole
// length.) The stack is twice as deep as it is wide, and each block a good share of the pitch, so
// that seen from the side, layers running across the frame, each tint gets several pixels even at
// 720p: a square stack seen from the front gave each block about a pixel, and the two tints
// blended into one grey-green stripe.
constexpr float kArrayToBlock = 0.3f;  // an array stands just in front of the block it feeds
constexpr float kBlockDepth = 10.0f;   // attention and MLP blocks alike
constexpr float kLayerPitch = 36.0f;   // z distance from one layer's input array to the next
// The whole stack from above its side: yawed so the layers run left (first) to right (last) and
// recede a little, as the main scene's layers do; high enough to see into the gaps.
constexpr EulerDegrees kStackView{78.0f, -35.0f, 0.0f};
// Where the stack is fitted, in normalized device coordinates: the whole frame with a margin, less
// the band at the top that the captions hold (their lowest line ends at y = 2.0 of the 8-unit
// frame, 0.5 in these coordinates).
constexpr glm::vec2 kStackFrameLow{-0.94f, -0.9f}, kStackFrameHigh{0.94f, 0.42f};
// The layers framed when the camera has swung round to the stack's side.
constexpr int kSideLayers = 12;

// The camera of orientation `view` that fits the box [lo, hi] into the frame rectangle [low, high]
// (normalized device coordinates) as tightly as its bounding box allows: the height scales the
// box's projection, a shift in the image plane moves it. Perspective makes each step approximate,
// so it is repeated until it settles.
Camera fitBox(EulerDegrees view, glm::vec3 lo, glm::vec3 hi, glm::vec2 low, glm::vec2 high,
              float aspect) {
  Camera cam = Camera::fromEuler(view, 0.5f * (lo + hi), 2.0f * glm::length(hi - lo));
  const glm::mat3 r = cam.rotation();
  for (int step = 0; step < 40; ++step) {
    glm::vec2 min_ndc(1e9f), max_ndc(-1e9f);
    for (int corner = 0; corner < 8; ++corner) {
      const glm::vec3 p((corner & 1) ? hi.x : lo.x, (corner & 2) ? hi.y : lo.y,
                        (corner & 4) ? hi.z : lo.z);
      const glm::vec2 ndc(cam.projectToNdc(p, aspect));
      min_ndc = glm::min(min_ndc, ndc);
      max_ndc = glm::max(max_ndc, ndc);
    }
    const glm::vec2 size = max_ndc - min_ndc, target = high - low;
    const glm::vec2 off = 0.5f * (min_ndc + max_ndc) - 0.5f * (low + high);
    cam.center += r[0] * (off.x * 0.5f * cam.height * aspect) + r[1] * (off.y * 0.5f * cam.height);
    cam.height *= std::max(size.x / target.x, size.y / target.y);
  }
  return cam;
}

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
  // From the stack's side: the first layers, then the whole stack, both below the captions. One
  // layer is a hundred times wider than deep, a hairline from any height; the first dozen read
  // as a band of slabs while the camera swings round.
  const glm::vec3 near_corner(0.5f * layout.width, 0.5f * layout.height, 0.0f);
  const glm::vec3 first_layer(-0.5f * layout.width, -0.5f * layout.height,
                              -kArrayToBlock - 2.0f * kBlockDepth);
  const float side_depth =
      static_cast<float>(std::min(p.layers, kSideLayers) - 1) * kLayerPitch - first_layer.z;
  layout.side = fitBox(kStackView, {first_layer.x, first_layer.y, -side_depth}, near_corner,
                       kStackFrameLow, kStackFrameHigh, aspect);
  layout.stack = fitBox(kStackView, {first_layer.x, first_layer.y, -layout.depth}, near_corner,
                        kStackFrameLow, kStackFrameHigh, aspect);
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
  // Round to the stack's side with the first layer alone in view, then back as the layers appear,
  // front to back, left to right: the stack grows into a frame that keeps it below the captions.
  b.moveCamera({t0, t0 + 2.5}, layout.side);
  b.moveCamera({t0 + 2.5, t0 + 5.5}, layout.stack);
  // Each layer appears whole (a fade would make 192 blocks translucent at once, and a software
  // rasterizer blend them all).
  // The first dozen come during the swing, so the row, edge-on from above, grows into a band of
  // slabs as it turns; the rest as the camera pulls back.
  const size_t side_layers = std::min(layer_parts.size(), static_cast<size_t>(kSideLayers));
  for (size_t k = 0; k < layer_parts.size(); ++k) {
    const double start =
        k < side_layers ? t0 + 1.0 + 1.5 * static_cast<double>(k) / static_cast<double>(side_layers)
                        : t0 + 2.5 +
                              3.0 * static_cast<double>(k - side_layers) /
                                  static_cast<double>(layer_parts.size() - side_layers);
    for (int e : layer_parts[k]) b.hideUntil(e, start);
  }
  b.fadeTo(layers_label, {t0 + 1.5, t0 + 2.5}, 1.0f);
  b.endPlay(5.5, "scale: " + layers + " layers deep", "gpt-3 scale",
            layers + " layers, each an attention block and an MLP block, one after another.");
  b.wait(2.5, "scale: the whole stack", "gpt-3 scale",
         "The whole stack: " + layers + " layers of " + tokens + " vectors of " +
             p.dimension_label + " numbers.");
}

}  // namespace flowview::scenes
