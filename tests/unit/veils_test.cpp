// Veils: the bound on light that reaches the eye through closed translucent boxes, checked against
// exact sight-line face counts, and the batcher leaving out what the bound says cannot show.
#include "core/draw/veils.h"

#include <gtest/gtest.h>

#include <cmath>
#include <glm/gtc/quaternion.hpp>
#include <random>

#include "batching.h"

namespace flowview {
namespace {

constexpr unsigned kAllFaces = 0x3F;
const glm::vec3 kEye(0.0f, 0.0f, 10.0f);

Pose at(glm::vec3 position) {
  Pose pose;
  pose.position = position;
  return pose;
}

TEST(Veils, PointsInsideAndBehindAClosedBoxKeepOneAndTwoFacesWorthOfLight) {
  Veils veils;
  veils.addBoxFaces(at({0, 0, 0}), {2, 2, 2}, kAllFaces, 0.75f);
  veils.prepare(kEye);
  ASSERT_EQ(veils.closedCount(), 1u);
  const glm::vec3 inside(0.2f, -0.1f, 0.0f), behind(0.0f, 0.0f, -3.0f), beside(5.0f, 0.0f, 0.0f);
  EXPECT_FLOAT_EQ(veils.transmittance(inside, inside, 0.1f), 0.25f);
  EXPECT_FLOAT_EQ(veils.transmittance(behind, behind, 0.1f), 0.0625f);
  EXPECT_FLOAT_EQ(veils.transmittance(beside, beside, 0.1f), 1.0f);
  // A segment from inside to behind: only the face it enters is certain for every point.
  EXPECT_FLOAT_EQ(veils.transmittance(inside, behind, 0.1f), 0.25f);
  // One end seen past the box: that end's light is not dimmed.
  EXPECT_FLOAT_EQ(veils.transmittance(behind, beside, 0.1f), 1.0f);
  // A margin as wide as the box leaves nothing certain.
  EXPECT_FLOAT_EQ(veils.transmittance(inside, inside, 1.5f), 1.0f);
}

TEST(Veils, ABoxOpenOnOneSideOrAroundTheEyeVeilsNothing) {
  Veils open;
  open.addBoxFaces(at({0, 0, 0}), {2, 2, 2}, kAllFaces & ~1u, 0.75f);  // no +x face
  open.prepare(kEye);
  EXPECT_TRUE(open.empty());

  Veils around;
  around.addBoxFaces(at({0, 0, 9}), {4, 4, 4}, kAllFaces, 0.75f);
  around.prepare(kEye);
  EXPECT_TRUE(around.empty());
}

TEST(Veils, TheBlocksBodyAndFrontFaceMakeOneClosedBox) {
  Veils veils;
  veils.addBoxFaces(at({1, 0, 0}), {2, 2, 2}, 0x3E, 0.75f);
  veils.prepare(kEye);
  EXPECT_TRUE(veils.empty());
  veils.addBoxFaces(at({1, 0, 0}), {2, 2, 2}, 0x01, 0.5f);
  veils.prepare(kEye);
  ASSERT_EQ(veils.closedCount(), 1u);
  const glm::vec3 inside(1.0f, 0.0f, 0.0f);
  EXPECT_FLOAT_EQ(veils.transmittance(inside, inside, 0.0f), 0.5f);  // the weakest face counts
}

// The bound must hold for every point near the hull: sample points in it and around it and count
// the faces their sight lines really cross. Rotated boxes, a box made of a body and a front face,
// hulls of 1, 2, 4 and 8 points, eyes near the boxes.
TEST(Veils, TheBoundHoldsForEverySampledPointNearTheHull) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  struct B {
    glm::vec3 c, h;
    glm::quat rotation;
    float opacity;
  };
  const glm::quat turned = glm::angleAxis(0.6f, glm::normalize(glm::vec3(1, 2, 0.5f)));
  const B boxes[] = {{{0, 0, 0}, {3, 2, 1}, glm::quat(1, 0, 0, 0), 0.75f},
                     {{0, 0, -4}, {3, 2, 1.5f}, turned, 0.6f},
                     {{1, 0, -8}, {2, 2, 1}, glm::quat(1, 0, 0, 0), 0.9f}};
  // Faces of box b crossed by the sight line eye -> p (slab test in the box's frame).
  auto facesCrossed = [](const B& b, glm::vec3 eye, glm::vec3 p) {
    const glm::quat inverse = glm::inverse(b.rotation);
    const glm::vec3 e = inverse * (eye - b.c), q = inverse * (p - b.c), d = q - e;
    float t0 = 0.0f, t1 = 1.0f;
    for (int i = 0; i < 3; ++i) {
      if (std::abs(d[i]) < 1e-9f) {
        if (std::abs(e[i]) > b.h[i]) return 0;
        continue;
      }
      float ta = (-b.h[i] - e[i]) / d[i], tb = (b.h[i] - e[i]) / d[i];
      if (ta > tb) std::swap(ta, tb);
      t0 = std::max(t0, ta);
      t1 = std::min(t1, tb);
    }
    if (t0 > t1) return 0;
    return (t0 > 0.0f ? 1 : 0) + (t1 < 1.0f ? 1 : 0);
  };
  int dimmed = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    // Mostly far eyes, sometimes one just outside (or inside) a box.
    const glm::vec3 eye = trial % 4 == 0 ? glm::vec3(3.2f * u(rng), 2.2f * u(rng), 1.3f + u(rng))
                                         : glm::vec3(4 * u(rng), 3 * u(rng), 10 + 2 * u(rng));
    Veils veils;
    for (const B& b : boxes) {
      Pose pose = at(b.c);
      pose.rotation = b.rotation;
      veils.addBoxFaces(pose, 2.0f * b.h, 0x3E, b.opacity);  // the body...
      veils.addBoxFaces(pose, 2.0f * b.h, 0x01, b.opacity);  // ...and its front face
    }
    veils.prepare(eye);
    static constexpr int kCounts[] = {1, 2, 4, 8};
    const int count = kCounts[trial % 4];
    glm::vec3 points[8];
    const glm::vec3 base(3 * u(rng), 2.5f * u(rng), -5 + 5 * u(rng));
    for (int i = 0; i < count; ++i) points[i] = base + glm::vec3(u(rng), u(rng), u(rng)) * 1.5f;
    const float margin = 0.2f * std::abs(u(rng));
    const float bound = veils.transmittance(points, count, margin);
    if (bound < 1.0f) ++dimmed;
    for (int k = 0; k < 24; ++k) {
      // A random point of the hull (convex weights), then anywhere within the margin of it.
      float weights[8], total = 0.0f;
      for (int i = 0; i < count; ++i) total += weights[i] = std::abs(u(rng)) + 1e-3f;
      glm::vec3 p(0.0f);
      for (int i = 0; i < count; ++i) p += points[i] * (weights[i] / total);
      glm::vec3 offset(u(rng), u(rng), u(rng));
      if (glm::length(offset) > 1.0f) offset = glm::normalize(offset);
      p += offset * margin;
      float light = 1.0f;
      for (const B& box : boxes)
        light *= std::pow(1.0f - box.opacity, static_cast<float>(facesCrossed(box, eye, p)));
      ASSERT_LE(light, bound * 1.0001f) << "trial " << trial << " sample " << k;
    }
  }
  EXPECT_GT(dimmed, 700);  // the bound is not just 1 everywhere
}

TEST(Veils, ABoxWithinTheNearPlaneOfTheEyeVeilsNothing) {
  Veils veils;
  veils.addBoxFaces(at({0, 0, 0}), {2, 2, 2}, kAllFaces, 0.75f);
  const glm::vec3 eye(0.0f, 0.0f, 1.1f);  // 0.1 outside the +z face
  veils.prepare(eye, 0.05f);
  EXPECT_EQ(veils.closedCount(), 1u);
  veils.prepare(eye, 0.2f);  // the near plane cuts the face
  EXPECT_TRUE(veils.empty());
}

TEST(Veils, TheBatcherLeavesOutWhatCannotShowAndKeepsTheRest) {
  SceneBuilder sb("veiled");
  BoxGeometry block;
  block.size = {4, 4, 2};
  sb.addBox("near", block, at({0, 0, 0}), Rgb(0.9f, 0.9f, 0.9f), 0.75f);
  sb.addBox("far", block, at({0, 0, -4}), Rgb(0.9f, 0.9f, 0.9f), 0.75f);
  LineGeometry lines;
  lines.width = 3.0f;
  // Inside the far block, behind the near one: 0.25^3 of its light at most.
  lines.lines.push_back({{-1, 0, -4}, {1, 0.5f, -4}, Rgb(1, 0, 0), 0.4f});   // 0.0063 -> out
  lines.lines.push_back({{-1, 1, -4}, {1, 1.0f, -4}, Rgb(1, 0, 0), 0.01f});  // out
  lines.lines.push_back({{5, 0, -4}, {6, 0, -4}, Rgb(1, 0, 0), 0.01f});      // beside: kept
  lines.lines.push_back({{-1, 0, 0}, {1, 0, 0}, Rgb(1, 0, 0), 0.5f});        // near: 0.125, kept
  sb.addLines("network", lines, Pose{});
  SphereGeometry spheres;
  spheres.centers = {{0, 0, -4, 0.1f}, {0, 0, 0, 0.1f}};
  spheres.opacities = {0.2f, 0.2f};  // 0.003 (out) and 0.05 (kept) at the eye
  sb.addSpheres("neurons", spheres, Pose{}, Rgb(0.5f, 0.5f, 0.5f), 1.0f);
  FillGeometry dot;  // one triangle inside the far block (out) and one beside it (kept)
  dot.triangles = {{0, 0, -4}, {0.1f, 0, -4}, {0, 0.1f, -4}};
  sb.addFill("hidden dot", dot, Pose{}, Rgb(1, 1, 1), 0.5f);
  sb.addFill("open dot", dot, at({8, 0, 0}), Rgb(1, 1, 1), 0.5f);
  test_support::BatchedFrame frame(sb);
  const Batcher& batcher = frame.batcher;
  const DrawBatches& batches = frame.batches;

  EXPECT_EQ(batcher.veiledStats().lines, 2u);
  EXPECT_EQ(batcher.veiledStats().spheres, 1u);
  EXPECT_EQ(batcher.veiledStats().fill_triangles, 1u);
  // Translucent fills are sorted with the box faces: the kept triangle is the one unlit sheet.
  std::vector<MeshVertex> fill_vertices;
  for (const MeshVertex& v : batches.box_faces)
    if (v.lit == 0.0f) fill_vertices.push_back(v);
  ASSERT_EQ(fill_vertices.size(), 3u);
  EXPECT_FLOAT_EQ(fill_vertices[0].position.x, 8.0f);
  // The kept lines, in slot order (SheetSlots): the one inside the near block goes before its
  // faces, the one beside both blocks after them.
  ASSERT_EQ(batches.lines.size(), 2u);
  EXPECT_FLOAT_EQ(batches.lines[0].a.z, 0.0f);
  EXPECT_FLOAT_EQ(batches.lines[1].a.x, 5.0f);
  ASSERT_EQ(batches.spheres[1].size(), 1u);
  EXPECT_FLOAT_EQ(batches.spheres[1][0].center.z, 0.0f);

  frame.batcher.setVeilCulling(false);
  frame.rebuild();
  EXPECT_EQ(batcher.veiledStats().lines, 0u);
  EXPECT_EQ(batches.lines.size(), 4u);
  EXPECT_EQ(batches.spheres[1].size(), 2u);
  size_t unlit = 0;
  for (const MeshVertex& v : batches.box_faces) unlit += v.lit == 0.0f;
  EXPECT_EQ(unlit, 6u);
}

}  // namespace
}  // namespace flowview
