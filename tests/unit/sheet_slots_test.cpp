// SheetSlots: where a translucent sphere or line goes among the sheets sorted back to front.
#include "core/draw/sheet_slots.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace flowview {
namespace {

// A square sheet in the plane z = `z`, [-1, 1] in x and y, two triangles.
void addSquare(std::vector<MeshVertex>& v, float z) {
  const glm::vec3 c[4] = {{-1, -1, z}, {1, -1, z}, {1, 1, z}, {-1, 1, z}};
  for (int k : {0, 1, 2, 0, 2, 3})
    v.push_back({c[k], 0.0f, glm::vec3(0, 0, 1), 0.0f, glm::vec4(1)});
}

struct Fixture {
  std::vector<MeshVertex> vertices;
  std::vector<uint32_t> ends;
  std::vector<SheetBox> boxes;
  SheetSlots slots;
  const glm::vec3 eye{0, 0, 10};
  // Two sheets, back to front: z = -2 (a box's far face), z = 2 (its near face).
  explicit Fixture(bool in_a_box) {
    const SheetBox none{glm::vec3(1e30f), glm::vec3(-1e30f)};
    const SheetBox box{glm::vec3(-1, -1, -2), glm::vec3(1, 1, 2)};
    for (float z : {-2.0f, 2.0f}) {
      addSquare(vertices, z);
      ends.push_back(static_cast<uint32_t>(vertices.size()));
      boxes.push_back(in_a_box ? box : none);
    }
    const glm::mat4 view = glm::lookAt(eye, glm::vec3(0), glm::vec3(0, 1, 0));
    const glm::mat4 proj = glm::perspective(glm::radians(45.0f), 1.0f, 0.1f, 100.0f);
    slots.prepare(vertices, ends, boxes, eye, proj * view);
  }
};

TEST(SheetSlots, APointGoesBeforeTheFirstSheetOnItsSightLine) {
  Fixture f(false);
  EXPECT_EQ(f.slots.slotOf({0, 0, 5}), 2u) << "in front of both: after both";
  EXPECT_EQ(f.slots.slotOf({0, 0, 0}), 1u) << "between them: after the far one only";
  EXPECT_EQ(f.slots.slotOf({0, 0, -5}), 0u) << "behind both: before both";
  EXPECT_EQ(f.slots.slotOf({5, 0, -5}), 2u) << "off to the side: no sheet in the way";
}

TEST(SheetSlots, APointInsideASheetsBoxGoesBeforeAllItsFaces) {
  Fixture f(true);
  EXPECT_EQ(f.slots.slotOf({0, 0, 0}), 0u) << "inside the box: its far face covers it too";
  EXPECT_EQ(f.slots.slotOf({0, 0, 5}), 2u);
}

TEST(SheetSlots, AssignGroupsSpheresAndLinesBySlot) {
  Fixture f(false);
  DrawBatches batches;
  batches.spheres[1] = {{{0, 0, 5}, 0.1f, glm::vec4(1)},
                        {{0, 0, -5}, 0.1f, glm::vec4(1)},
                        {{0, 0, 0}, 0.1f, glm::vec4(1)}};
  batches.lines = {{{0, 0, 0}, 3.0f, {0, 0.1f, 0}, 3.0f, glm::vec4(1)},
                   {{0, 0, -5}, 3.0f, {0, 0.1f, -5}, 3.0f, glm::vec4(1)},
                   {{0, 0, -5}, 1.0f, {0, 0.1f, -5}, 1.0f, glm::vec4(1)}};
  f.slots.assign(batches);
  EXPECT_EQ(batches.sphere_slot_ends, (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_FLOAT_EQ(batches.spheres[1][0].center.z, -5.0f);
  EXPECT_FLOAT_EQ(batches.spheres[1][1].center.z, 0.0f);
  EXPECT_FLOAT_EQ(batches.spheres[1][2].center.z, 5.0f);
  EXPECT_EQ(batches.line_slot_ends, (std::vector<uint32_t>{2, 3, 3}));
  EXPECT_FLOAT_EQ(batches.lines[0].width_a, 1.0f) << "within a slot, by width";
  EXPECT_FLOAT_EQ(batches.lines[1].width_a, 3.0f);
  EXPECT_EQ(batches.sphere_slot_boxed, batches.sphere_slot_ends) << "no box: none boxed";
  EXPECT_EQ(batches.line_slot_boxed, batches.line_slot_ends);
}

// The open ones come first in a slot, the boxed ones (inside a block: every face of their block
// is drawn over them, whatever their depth) after them.
TEST(SheetSlots, WithinASlotTheOpenOnesComeBeforeTheBoxedOnes) {
  Fixture f(true);
  EXPECT_TRUE(f.slots.place({0, 0, 0}).boxed) << "inside the box";
  EXPECT_FALSE(f.slots.place({0, 0, 5}).boxed) << "in front of it";
  EXPECT_FALSE(f.slots.place({0, 0, -5}).boxed) << "behind it: before its far face, open";
  DrawBatches batches;
  batches.spheres[1] = {{{0, 0, 0}, 0.1f, glm::vec4(1)},
                        {{0, 0, -5}, 0.1f, glm::vec4(1)},
                        {{0, 0, 5}, 0.1f, glm::vec4(1)}};
  f.slots.assign(batches);
  EXPECT_EQ(batches.sphere_slot_ends, (std::vector<uint32_t>{2, 2, 3}));
  EXPECT_EQ(batches.sphere_slot_boxed, (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_FLOAT_EQ(batches.spheres[1][0].center.z, -5.0f) << "the open one first";
  EXPECT_FLOAT_EQ(batches.spheres[1][1].center.z, 0.0f);
}

}  // namespace
}  // namespace flowview
