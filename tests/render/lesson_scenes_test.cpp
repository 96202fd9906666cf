// The lesson scene files (issue 17) rendered headless at key moments: a 6-decimal gradient entry
// drawn, the isolated weight's thick yellow edge, a context arc over the paragraph, the compressed
// line, the teal mole of carbon dioxide and the yellow rectangles around the "mole" vectors.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>

#include "core/image/image_io.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

constexpr int kW = 1280, kH = 720;

struct LessonFrames {
  text::GlyphAtlas atlas{text::locateFonts()};
  HeadlessRenderer renderer{atlas};
  std::map<std::string, Scene> scenes;

  const Scene& scene(const std::string& name) {
    auto it = scenes.find(name);
    if (it == scenes.end())
      it = scenes
               .emplace(name,
                        scenes::loadSceneFile(
                            std::string(FLOWVIEW_TEST_SCENE_DIR) + "/" + name + ".json", atlas))
               .first;
    return it->second;
  }
  Image at(const std::string& name, double t) {
    RenderOptions options;
    options.width = kW;
    options.height = kH;
    Image image;
    renderer.render(scene(name), t, options, image);
    return image;
  }
  const Element& element(const std::string& name, const std::string& id) {
    const Scene& s = scene(name);
    const auto it = std::find_if(s.elements.begin(), s.elements.end(),
                                 [&](const Element& e) { return e.id == id; });
    EXPECT_NE(it, s.elements.end()) << id;
    return *it;
  }
  glm::vec2 pixel(const std::string& name, glm::vec3 world, double t) {
    return scene(name).camera.at(t).projectToPixel(world, kW, kH);
  }
};

LessonFrames& frames() {
  static LessonFrames f;
  return f;
}

// How many pixels in the box [a, b] (pixels) pass `test`.
int count(const Image& image, glm::vec2 a, glm::vec2 b,
          const std::function<bool(const uint8_t*)>& test) {
  int n = 0;
  for (int y = std::max(0, int(std::min(a.y, b.y))); y <= std::min(kH - 1, int(std::max(a.y, b.y)));
       ++y)
    for (int x = std::max(0, int(std::min(a.x, b.x)));
         x <= std::min(kW - 1, int(std::max(a.x, b.x))); ++x)
      n += test(image.pixel(x, y)) ? 1 : 0;
  return n;
}

bool white(const uint8_t* p) {
  return p[0] > 200 && p[1] > 200 && p[2] > 200;
}
bool yellow(const uint8_t* p) {
  return p[0] > 180 && p[1] > 180 && p[2] < 90;
}

TEST(LessonScenesRender, GradientEntriesAreDrawnWithSixDecimals) {
  LessonFrames& f = frames();
  const Scene& s = f.scene("gradient_descent");
  const double t = s.beats[1].end - 0.01;
  // The first entry shown (a first-layer weight whose component is not zero).
  const auto first = std::find_if(s.parts.begin(), s.parts.end(), [](const ScenePart& p) {
    return p.kind == "cell" && p.id.rfind("gradient/cell", 0) == 0;
  });
  ASSERT_NE(first, s.parts.end());
  const ScenePart* cell = &*first;
  const glm::vec3 c = s.elements[size_t(cell->elements[0])].pose.at(t).position;
  const Image image = f.at("gradient_descent", t);
  // "-0.000123" at em 0.26 spans about 1.1 units: ink across most of that width.
  const glm::vec2 a = f.pixel("gradient_descent", c + glm::vec3(-0.6f, 0.12f, 0), t);
  const glm::vec2 b = f.pixel("gradient_descent", c + glm::vec3(0.6f, -0.12f, 0), t);
  EXPECT_GT(count(image, a, b, white), 40);
  const glm::vec2 left = f.pixel("gradient_descent", c + glm::vec3(-0.5f, 0.12f, 0), t);
  const glm::vec2 right = f.pixel("gradient_descent", c + glm::vec3(-0.2f, -0.12f, 0), t);
  EXPECT_GT(count(image, left, right, white), 5) << "the entry's first digits";
}

TEST(LessonScenesRender, TheIsolatedWeightsEdgeIsThickAndYellow) {
  LessonFrames& f = frames();
  const Scene& s = f.scene("gradient_descent");
  const double t = s.beats[22].end - 0.01;  // "w_k's edge"
  const Element& edge = f.element("gradient_descent", "isolated/w_n");
  const auto& points = s.strokes[edge.geometry].points;
  const glm::vec3 mid = 0.5f * (points.front() + points.back());
  const Image image = f.at("gradient_descent", t);
  const glm::vec2 p = f.pixel("gradient_descent", mid, t);
  EXPECT_GT(count(image, p - glm::vec2(3), p + glm::vec2(3), yellow), 10);
}

TEST(LessonScenesRender, ContextArcsFlashAboveTheParagraph) {
  LessonFrames& f = frames();
  const Scene& s = f.scene("text_passage_intro");
  const Beat& beat = s.beats[3];
  const Image image = f.at("text_passage_intro", 0.5 * (beat.start + beat.end));
  // Arc colours: bright, hue 0.1-0.3 (orange to green), never grey text.
  const int arcs = count(image, {0, 0}, {kW - 1, kH - 1}, [](const uint8_t* p) {
    const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
    return hi > 120 && hi - lo > 60 && p[2] == lo;
  });
  EXPECT_GT(arcs, 200);
}

TEST(LessonScenesRender, ThePassageCompressesToOneLine) {
  LessonFrames& f = frames();
  const Scene& s = f.scene("text_passage_intro");
  const double t = s.beats[8].end - 0.01;
  const Image image = f.at("text_passage_intro", t);
  // Nothing of the passage is left above or below the line; the line itself is drawn.
  EXPECT_EQ(count(image, {0, 0}, {kW - 1, kH / 2 - 60}, white), 0);
  EXPECT_EQ(count(image, {0, kH / 2 + 60}, {kW - 1, kH - 1}, white), 0);
  const Element& dots = f.element("text_passage_intro", "short/word6");
  const glm::vec2 d = f.pixel("text_passage_intro", dots.pose.at(t).position, t);
  EXPECT_GT(count(image, d - glm::vec2(20, 8), d + glm::vec2(20, 8), white), 6);
}

TEST(LessonScenesRender, MeaningsShowTheTealNumberAndYellowMoles) {
  LessonFrames& f = frames();
  const Scene& s = f.scene("mole_example");
  const double t = s.beats[6].end - 0.01;
  const Image image = f.at("mole_example", t);
  const Element& number = f.element("mole_example", "meaning1/image");
  const glm::vec2 n = f.pixel("mole_example", number.pose.at(t).position, t);
  EXPECT_GT(count(image, n - glm::vec2(80, 20), n + glm::vec2(80, 20),
                  [](const uint8_t* p) { return p[1] > 150 && p[2] > 120 && p[0] < 140; }),
            30);
  const Element& mole = f.element("mole_example", "phrase1/word1");
  const glm::vec2 m = f.pixel("mole_example", mole.pose.at(t).position, t);
  EXPECT_GT(count(image, m - glm::vec2(30, 12), m + glm::vec2(30, 12), yellow), 30);
}

TEST(LessonScenesRender, TheThreeMoleVectorsAreBoxedInYellow) {
  LessonFrames& f = frames();
  const Scene& s = f.scene("mole_example");
  const double t = s.beats[13].end - 0.01;
  const Image image = f.at("mole_example", t);
  for (const char* id : {"phrase0/vector2/rect", "phrase1/vector1/rect", "phrase2/vector5/rect"}) {
    const Element& rect = f.element("mole_example", id);
    const auto& points = s.strokes[rect.geometry].points;
    float top = -1e9f;
    for (const auto& p : points) top = std::max(top, p.y);
    const glm::vec2 p = f.pixel("mole_example", rect.pose.at(t).position + glm::vec3(0, top, 0), t);
    EXPECT_GT(count(image, p - glm::vec2(10, 3), p + glm::vec2(10, 3), yellow), 8) << id;
  }
}

}  // namespace
}  // namespace flowview
