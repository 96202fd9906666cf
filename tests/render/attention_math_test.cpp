// The attention-math scene module rendered headless at key moments: the mask's -∞ cells are grey,
// the softmax weights are white where the weight is 1 and dim where it is 0.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/image/image_io.h"
#include "core/scenes/attention_math.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

constexpr int kW = 1280, kH = 720;

struct AttentionFrames {
  text::GlyphAtlas atlas{text::locateFonts()};
  HeadlessRenderer renderer{atlas};
  Scene scene;
  AttentionFrames() {
    SceneBuilder b("attention math");
    scenes::buildAttentionMath(b, atlas, scenes::AttentionMathParams{});
    scene = b.finish();
  }
  Image atEndOfBeat(size_t beat) {
    RenderOptions options;
    options.width = kW;
    options.height = kH;
    Image image;
    renderer.render(scene, scene.beats[beat].end - 0.01, options, image);
    return image;
  }
  glm::vec3 cell(const std::string& part) const {
    const ScenePart* p = scene.findPart(part);
    EXPECT_NE(p, nullptr) << part;
    return scene.elements[size_t(p->elements[0])].pose.initial().position;
  }
  // The brightest pixel (by channel sum) within the middle of the cell `part`.
  glm::ivec3 brightest(const Image& image, const std::string& part) const {
    const glm::vec3 c = cell(part);
    const glm::vec2 a = scene.camera.at(0).projectToPixel(c + glm::vec3(-0.15f, 0.08f, 0), kW, kH);
    const glm::vec2 z = scene.camera.at(0).projectToPixel(c + glm::vec3(0.15f, -0.08f, 0), kW, kH);
    glm::ivec3 best(0);
    for (int y = std::max(0, int(a.y)); y <= std::min(kH - 1, int(z.y)); ++y)
      for (int x = std::max(0, int(a.x)); x <= std::min(kW - 1, int(z.x)); ++x) {
        const uint8_t* p = image.pixel(x, y);
        if (p[0] + p[1] + p[2] > best.x + best.y + best.z) best = {p[0], p[1], p[2]};
      }
    return best;
  }
};

AttentionFrames& frames() {
  static AttentionFrames f;
  return f;
}

TEST(AttentionMathRender, MaskedScoresAreGreyMinusInfinity) {
  auto& f = frames();
  ASSERT_EQ(f.scene.beats[7].name, "mask the future");
  const Image image = f.atEndOfBeat(7);
  const glm::ivec3 masked = f.brightest(image, "masked/cell0_7");
  EXPECT_GT(masked.x, 70);
  EXPECT_NEAR(masked.x, masked.z, 12);
  const glm::ivec3 negative = f.brightest(image, "masked/cell0_0");  // -0.30: red
  EXPECT_GT(negative.x, negative.z + 40);
}

TEST(AttentionMathRender, SoftmaxWeightsAreWhiteAtOneAndDimAtZero) {
  auto& f = frames();
  ASSERT_EQ(f.scene.beats[8].name, "softmax row by row");
  const Image image = f.atEndOfBeat(8);
  const glm::ivec3 one = f.brightest(image, "weights/cell0_0");
  EXPECT_GT(std::min({one.x, one.y, one.z}), 200);
  const glm::ivec3 zero = f.brightest(image, "weights/cell0_7");
  EXPECT_GT(zero.x, 60) << "a 0.00 is drawn";
  EXPECT_LT(std::max({zero.x, zero.y, zero.z}), 170) << "and dim";
}

}  // namespace
}  // namespace flowview
