#include "core/scenes/mole_illustrations.h"

#include <cmath>

#include "core/math/color.h"
#include "core/scenes/shapes.h"

namespace flowview::scenes {
namespace {

constexpr float kPi = 3.14159265f;
constexpr float kFrameWidth = 1.5f, kFrameHeight = 1.0f;

// A filled polygon (convex or star-shaped about its first point's centroid) as a fan.
FillGeometry fan(const std::vector<glm::vec3>& outline) {
  glm::vec3 c(0.0f);
  for (const auto& p : outline) c += p;
  c /= static_cast<float>(outline.size());
  FillGeometry g;
  for (size_t i = 0; i < outline.size(); ++i)
    g.triangles.insert(g.triangles.end(), {c, outline[i], outline[(i + 1) % outline.size()]});
  return g;
}

// The frame, its label, and a dark backdrop, shared by both illustrations.
void addFrame(SceneBuilder& b, const std::string& id, glm::vec3 center, Rgb backdrop,
              Illustration& out) {
  out.elements.push_back(b.addFill(id + "/backdrop",
                                   shapes::rectangleFill(kFrameWidth, kFrameHeight), poseAt(center),
                                   backdrop));
  out.elements.push_back(b.addStroke(id + "/frame",
                                     shapes::rectangleOutline(kFrameWidth, kFrameHeight, 1.5f),
                                     poseAt(center), hexColor(palette::kGreyB)));
  TextGeometry label;
  label.utf8 = "illustration";
  label.em_size = 0.12f;
  out.elements.push_back(b.addText(id + "/label", label,
                                   poseAt(center + glm::vec3(0, -0.5f * kFrameHeight - 0.1f, 0)),
                                   hexColor(palette::kGreyB)));
}

}  // namespace

FillGeometry ellipseFill(float rx, float ry, glm::vec3 center) {
  std::vector<glm::vec3> outline;
  for (int i = 0; i < 40; ++i) {
    const float a = 2.0f * kPi * static_cast<float>(i) / 40.0f;
    outline.push_back(center + glm::vec3(rx * std::cos(a), ry * std::sin(a), 0));
  }
  return fan(outline);
}

Illustration addShrewMole(SceneBuilder& b, const std::string& id, glm::vec3 c) {
  Illustration out;
  addFrame(b, id, c, hexColor(0x2E3B2A), out);  // a mossy ground
  const Rgb fur = hexColor(0x5A4A42);
  // Body 1.6 : 1, a pointed snout to the right with a pink nose.
  out.elements.push_back(b.addFill(id + "/body", ellipseFill(0.4f, 0.25f), poseAt(c), fur));
  out.elements.push_back(b.addFill(id + "/snout",
                                   fan({{0.3f, 0.12f, 0}, {0.62f, -0.02f, 0}, {0.3f, -0.14f, 0}}),
                                   poseAt(c), fur));
  out.elements.push_back(b.addFill(id + "/nose", ellipseFill(0.035f, 0.03f, {0.62f, -0.02f, 0}),
                                   poseAt(c), hexColor(0xE8A0A0)));
  // Broad front paws: five claws each, fanned.
  for (int paw = 0; paw < 2; ++paw) {
    StrokeGeometry claws;
    const glm::vec3 root{0.12f + 0.14f * paw, -0.2f, 0};
    for (int k = 0; k < 5; ++k) {
      const float a = -kPi / 2 + (k - 2) * 0.22f;
      claws.points = {root, root + 0.12f * glm::vec3(std::cos(a), std::sin(a), 0)};
      out.elements.push_back(
          b.addStroke(id + "/paw" + std::to_string(paw) + "/claw" + std::to_string(k), claws,
                      poseAt(c), hexColor(palette::kGreyA)));
    }
  }
  StrokeGeometry tail;
  tail.points = shapes::cubicBezier({-0.38f, 0.0f, 0}, {-0.5f, 0.02f, 0}, {-0.55f, -0.1f, 0},
                                    {-0.66f, -0.08f, 0}, 12);
  tail.width = 2.0f;
  out.elements.push_back(b.addStroke(id + "/tail", tail, poseAt(c), fur));
  StrokeGeometry fur_line;
  fur_line.points = shapes::cubicBezier({-0.3f, 0.1f, 0}, {-0.1f, 0.16f, 0}, {0.15f, 0.14f, 0},
                                        {0.35f, 0.06f, 0}, 12);
  fur_line.width = 1.0f;
  out.elements.push_back(b.addStroke(id + "/fur", fur_line, poseAt(c), hexColor(palette::kGreyD)));
  out.elements.push_back(
      b.addFill(id + "/eye", ellipseFill(0.015f, 0.015f, {0.3f, 0.07f, 0}), poseAt(c), Rgb(0.0f)));
  return out;
}

Illustration addMoleOnLip(SceneBuilder& b, const std::string& id, glm::vec3 c) {
  Illustration out;
  addFrame(b, id, c, hexColor(0xE0B49A), out);  // skin fills the frame
  const Rgb lip = hexColor(0xC0605A);
  auto lens = [&](float top, float bottom) {
    std::vector<glm::vec3> outline =
        shapes::cubicBezier({-0.55f, 0, 0}, {-0.2f, top, 0}, {0.2f, top, 0}, {0.55f, 0, 0}, 16);
    const auto lower = shapes::cubicBezier({0.55f, 0, 0}, {0.2f, bottom, 0}, {-0.2f, bottom, 0},
                                           {-0.55f, 0, 0}, 16);
    outline.insert(outline.end(), lower.begin() + 1, lower.end() - 1);
    return fan(outline);
  };
  const glm::vec3 mouth = c + glm::vec3(0, -0.1f, 0);
  out.elements.push_back(b.addFill(id + "/upper_lip", lens(0.3f, 0.0f), poseAt(mouth), lip));
  out.elements.push_back(b.addFill(id + "/lower_lip", lens(0.0f, -0.36f), poseAt(mouth), lip));
  StrokeGeometry line;
  line.points =
      shapes::cubicBezier({-0.55f, 0, 0}, {-0.2f, -0.04f, 0}, {0.2f, -0.04f, 0}, {0.55f, 0, 0}, 16);
  line.width = 2.0f;
  out.elements.push_back(b.addStroke(id + "/mouth", line, poseAt(mouth), hexColor(0x6A2A28)));
  out.elements.push_back(b.addFill(id + "/mole", ellipseFill(0.06f, 0.06f, {0.3f, 0.3f, 0}),
                                   poseAt(mouth), hexColor(0x4A3020)));
  return out;
}

}  // namespace flowview::scenes
