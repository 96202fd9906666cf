// The numbers inside the vectors against the reference stills (shared/reference/, manimgl):
// stroke weight and character spacing, measured at the stills' 1280x720. manimgl draws text
// fills with a thin border of the fill colour (fill_border_width 0.5) and DecimalNumber sets its
// characters by their ink boxes, 0.1 em apart; without either the digits read thin, dim and
// loosely spaced. Figures in the comments: reference still / the picture before the fix / after.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "scene_frames.h"

namespace flowview {
namespace {

constexpr int kW = 1280, kH = 720;

testing::SceneFrames& mainScene() {
  static testing::SceneFrames m(
      std::string(FLOWVIEW_TEST_SOURCE_DIR) + "/../scenes/high_level_network_flow.json", kW, kH);
  return m;
}

struct Box {
  int x0, y0, x1, y1;  // half-open
};

// Pixels whose largest channel reaches `threshold`, row-major over the box.
std::vector<uint8_t> brightMask(const Image& image, Box b, int threshold) {
  std::vector<uint8_t> mask;
  for (int y = b.y0; y < b.y1; ++y) {
    for (int x = b.x0; x < b.x1; ++x) {
      const uint8_t* p = image.pixel(x, y);
      mask.push_back(std::max({p[0], p[1], p[2]}) >= threshold);
    }
  }
  return mask;
}

// For every set pixel, the length of the run of set pixels through it along rows (step 1) or
// columns (step = width).
std::vector<int> runLengths(const std::vector<uint8_t>& mask, int w, int h, bool vertical) {
  std::vector<int> length(mask.size(), 0);
  const int lines = vertical ? w : h, along = vertical ? h : w;
  for (int line = 0; line < lines; ++line) {
    auto at = [&](int i) { return vertical ? i * w + line : line * w + i; };
    for (int i = 0; i < along;) {
      if (!mask[at(i)]) {
        ++i;
        continue;
      }
      int end = i;
      while (end < along && mask[at(end)]) ++end;
      for (int k = i; k < end; ++k) length[at(k)] = end - i;
      i = end;
    }
  }
  return length;
}

// The digits' mean stroke width in pixels: the bright pixels, less those in vertical runs longer
// than a digit (bracket stems) or horizontal runs longer than one (serifs, frames), divided by
// the number of horizontal runs they make.
double meanStrokeWidth(const Image& image, Box b, int threshold, int digit_height) {
  const int w = b.x1 - b.x0, h = b.y1 - b.y0;
  std::vector<uint8_t> mask = brightMask(image, b, threshold);
  const std::vector<int> down = runLengths(mask, w, h, true);
  const std::vector<int> across = runLengths(mask, w, h, false);
  for (size_t i = 0; i < mask.size(); ++i) {
    mask[i] = mask[i] && down[i] <= digit_height && across[i] <= 12;
  }
  int pixels = 0, runs = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const bool on = mask[y * w + x];
      pixels += on;
      runs += on && (x == 0 || !mask[y * w + x - 1]);
    }
  }
  return runs > 0 ? static_cast<double>(pixels) / runs : 0.0;
}

// hlnf_30 (74.04 s): the last layer, face-on behind the half-black backdrop. Mean stroke width
// of its digits, box (70,290)-(700,550), pixels of 100 or more: 2.01 / 1.55 / 1.92.
TEST(NumberLook, LastLayerDigitsAreAsHeavyAsManims) {
  const Image image = mainScene().at(74.04);
  const double stroke = meanStrokeWidth(image, {70, 290, 700, 550}, 100, 13);
  std::printf("last layer stroke %.2f px\n", stroke);
  EXPECT_GE(stroke, 1.8) << "the digits are thinner than manimgl's";
  EXPECT_LE(stroke, 2.3) << "the digits are bolder than manimgl's";
}

// hlnf_08 (15.04 s): the embeddings, face-on and larger. Mean stroke width over the columns,
// box (150,270)-(1120,640): 2.55 / 2.10 / 2.46.
TEST(NumberLook, EmbeddingDigitsAreAsHeavyAsManims) {
  const Image image = mainScene().at(15.04);
  const double stroke = meanStrokeWidth(image, {150, 270, 1120, 640}, 100, 18);
  std::printf("embedding stroke %.2f px\n", stroke);
  EXPECT_GE(stroke, 2.3) << "the digits are thinner than manimgl's";
  EXPECT_LE(stroke, 2.8) << "the digits are bolder than manimgl's";
}

// hlnf_08 (15.04 s): the first column's entries, set character by character: each entry's ink
// (pixels of 100 or more inside the column's brackets) is 25 px wide (median) and 15-16 tall in
// the reference; the font's advances made them 29 wide (with 0.27-em digits, 16-17 tall).
TEST(NumberLook, EntriesAreSpacedLikeDecimalNumber) {
  const Image image = mainScene().at(15.04);
  const Box b{199, 265, 249, 640};
  const int w = b.x1 - b.x0;
  const std::vector<uint8_t> mask = brightMask(image, b, 100);
  std::vector<int> widths, heights;
  for (int y = 0; y < b.y1 - b.y0;) {
    auto rowHasInk = [&](int row) {
      return std::any_of(mask.begin() + row * w, mask.begin() + (row + 1) * w,
                         [](uint8_t v) { return v != 0; });
    };
    if (!rowHasInk(y)) {
      ++y;
      continue;
    }
    int end = y, left = w, right = -1;
    for (; end < b.y1 - b.y0 && rowHasInk(end); ++end) {
      for (int x = 0; x < w; ++x) {
        if (mask[end * w + x]) left = std::min(left, x), right = std::max(right, x);
      }
    }
    if (end - y >= 5 && right - left + 1 >= 10) {  // an entry, not a serif or the vertical dots
      widths.push_back(right - left + 1);
      heights.push_back(end - y);
    }
    y = end;
  }
  ASSERT_GE(widths.size(), 8u) << "the column's entries must show";
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int width = widths[widths.size() / 2], height = heights[heights.size() / 2];
  std::printf("entry ink %d x %d px\n", width, height);
  EXPECT_LE(width, 26) << "entries set by the font's advances are too wide";
  EXPECT_GE(width, 23) << "entries too tight";
  EXPECT_LE(height, 16) << "digits too tall";
  EXPECT_GE(height, 15) << "digits too short";
}

// Bright runs along one row of the box: their centres, pixels of `threshold` or more.
std::vector<double> runCentres(const Image& image, int y, int x0, int x1, int threshold) {
  std::vector<double> centres;
  for (int x = x0; x < x1;) {
    if (std::max({image.pixel(x, y)[0], image.pixel(x, y)[1], image.pixel(x, y)[2]}) < threshold) {
      ++x;
      continue;
    }
    int end = x;
    while (end < x1 && image.pixel(end, y)[0] >= threshold) ++end;
    centres.push_back(0.5 * (x + end - 1));
    x = end;
  }
  return centres;
}

// hlnf_09 (16.04 s), the layer's furniture measured in the still (89 px per unit): the gap's
// three dots 17.75 px apart (before the fix 11.6), the layer bracket's stem 6 px of 120 or more
// on row 450 (before 4), the first entry's ink from row 275 (before 280), 5 px under its column's
// bracket.
TEST(NumberLook, LayerDotsBracketsAndEntriesSitAsInTheStill) {
  const Image image = mainScene().at(16.04);
  const std::vector<double> dots = runCentres(image, 449, 790, 870, 128);
  ASSERT_EQ(dots.size(), 3u) << "the gap's three dots";
  const double pitch = 0.5 * (dots[2] - dots[0]);
  int stem = 0;
  for (int x = 150; x < 190; ++x) stem += image.pixel(x, 450)[0] >= 120;
  // Down column 1, between its serifs (its bracket's top is row 270 before and after): the
  // first row of the first entry's ink.
  int entry_top = -1;
  for (int y = 262; y < 320 && entry_top < 0; ++y) {
    for (int x = 212; x < 240; ++x) {
      if (image.pixel(x, y)[0] >= 100) entry_top = y;
    }
  }
  std::printf("dot pitch %.1f px, layer stem %d px, first entry from row %d\n", pitch, stem,
              entry_top);
  EXPECT_NEAR(pitch, 17.75, 1.5) << "the gap's dots";
  EXPECT_GE(stem, 5) << "the layer's bracket is too thin";
  EXPECT_LE(entry_top, 277) << "the entries sit too low in their column";
}

}  // namespace
}  // namespace flowview
