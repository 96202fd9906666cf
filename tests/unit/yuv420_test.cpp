// The CPU reference of the video frames' yuv420p conversion (core/image/yuv420.h).
#include <gtest/gtest.h>

#include "core/image/yuv420.h"

namespace flowview {
namespace {

Image solid(int w, int h, uint8_t r, uint8_t g, uint8_t b) {
  Image image;
  image.width = w;
  image.height = h;
  for (int i = 0; i < w * h; ++i) image.rgba.insert(image.rgba.end(), {r, g, b, 255});
  return image;
}

TEST(Yuv420, Bt709LimitedRangeOfKnownColours) {
  Image out;
  rgbaToYuv420p(solid(4, 2, 0, 0, 0), out);
  EXPECT_EQ(out.layout, PixelLayout::Yuv420p);
  ASSERT_EQ(out.rgba.size(), 12u);  // 8 Y, 2 U, 2 V
  EXPECT_EQ(out.rgba[0], 16);       // black
  EXPECT_EQ(out.rgba[8], 128);
  EXPECT_EQ(out.rgba[10], 128);
  rgbaToYuv420p(solid(4, 2, 255, 255, 255), out);
  EXPECT_EQ(out.rgba[7], 235);  // white
  EXPECT_EQ(out.rgba[9], 128);
  rgbaToYuv420p(solid(4, 2, 255, 0, 0), out);
  EXPECT_EQ(out.rgba[0], 63);    // 16 + 219 * 0.2126
  EXPECT_EQ(out.rgba[8], 102);   // 128 - 112 * 0.2126 / 0.9278
  EXPECT_EQ(out.rgba[10], 240);  // red's V is the top of the range
}

TEST(Yuv420, ChromaIsTheMeanOfEach2x2Block) {
  // Left 2x2 block: two white and two black pixels; right block: all blue.
  Image image = solid(4, 2, 0, 0, 255);
  for (int x : {0, 1}) {
    uint8_t* p = image.rgba.data() + x * 4;  // top row of the left block: white
    p[0] = p[1] = p[2] = 255;
    uint8_t* q = image.rgba.data() + (4 + x) * 4;  // bottom row: black
    q[0] = q[1] = q[2] = 0;
  }
  Image out;
  rgbaToYuv420p(image, out);
  EXPECT_EQ(out.rgba[0], 235);  // Y is per pixel, top row first
  EXPECT_EQ(out.rgba[4], 16);
  EXPECT_EQ(out.rgba[2], 32);    // 16 + 219 * 0.0722: blue
  EXPECT_EQ(out.rgba[8], 128);   // grey has no chroma
  EXPECT_EQ(out.rgba[9], 240);   // blue's U is the top of the range
  EXPECT_EQ(out.rgba[11], 118);  // 128 - 112 * 0.0722 / 0.7874
  EXPECT_EQ(yuv420pSize(1920, 1080), 3110400u);
}

}  // namespace
}  // namespace flowview
