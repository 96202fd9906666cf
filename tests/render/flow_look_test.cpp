// Pixel measurements of the main scene against the reference stills (shared/reference/, made by
// manimgl from the seed), round 2 of issue 13: neurons and connections in the later MLP passes,
// token and arc tints, the bars' gradient and the block titles' line spacing. Figures in the
// comments are the same measurement at 1280x720 on the reference still, on the picture before
// the fix and after it (tests run at 640x360: a quarter of the pixels).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "scene_frames.h"

namespace flowview {
namespace {

constexpr int kW = 640, kH = 360;

testing::SceneFrames& mainScene() {
  static testing::SceneFrames m(
      std::string(FLOWVIEW_TEST_SOURCE_DIR) + "/../scenes/high_level_network_flow.json", kW, kH);
  return m;
}

struct Counts {
  int sphere = 0;  // lit grey-white: a neuron's body (grey 150-245; text is white or black)
  int vivid = 0;   // strongly coloured: a red or blue connection
};
Counts count(const Image& image, int x0, int y0, int x1, int y1) {
  Counts c;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const uint8_t* p = image.pixel(x, y);
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      c.sphere += hi - lo < 25 && hi >= 150 && hi <= 245;
      c.vivid += hi - lo >= 100;
    }
  }
  return c;
}

// hlnf_20 (50.04 s): the second MLP's network in front of the closed Attention block, over the
// current layer. The reference's neurons read as lit spheres and its connections are vivid: in
// the box (640,250)-(800,450), 3352 sphere and 5772 vivid pixels. Before the fix the block's far
// faces were drawn over the network: 1443 and 3919; after, 2693 and 7216 (here, at 640x360:
// 548 and 547 before, 896 and 1192 after). Once the neurons and lines wrote depth (below), near
// lines hide far ones instead of adding up: 3827 and 3739 (here 1170 and 546).
TEST(FlowLook, SecondMlpNetworkIsNotVeiledByTheBlockBehindIt) {
  const Image image = mainScene().at(50.04);
  const Counts c = count(image, 320, 125, 400, 225);
  std::printf("sphere %d  vivid %d\n", c.sphere, c.vivid);
  EXPECT_GE(c.sphere, 720) << "the neurons are greyed out";
  EXPECT_GE(c.vivid, 450) << "the connections are greyed out";
}

// Lit neurons that show as separate balls: connected grey-white blobs of at least `min_pixels`.
int sphereBlobs(const Image& image, int x0, int y0, int x1, int y1, int min_pixels) {
  const int w = x1 - x0, h = y1 - y0;
  std::vector<uint8_t> lit(static_cast<size_t>(w * h)), seen(lit.size());
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const uint8_t* p = image.pixel(x, y);
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      lit[static_cast<size_t>((y - y0) * w + (x - x0))] = hi - lo < 25 && hi >= 150 && hi <= 245;
    }
  }
  int blobs = 0;
  std::vector<int> stack;
  for (int start = 0; start < w * h; ++start) {
    if (!lit[static_cast<size_t>(start)] || seen[static_cast<size_t>(start)]) continue;
    int size = 0;
    stack.assign(1, start);
    seen[static_cast<size_t>(start)] = 1;
    while (!stack.empty()) {
      const int i = stack.back();
      stack.pop_back();
      ++size;
      const int x = i % w, y = i / w;
      for (const int n : {x > 0 ? i - 1 : -1, x + 1 < w ? i + 1 : -1, y > 0 ? i - w : -1,
                          y + 1 < h ? i + w : -1}) {
        if (n < 0 || !lit[static_cast<size_t>(n)] || seen[static_cast<size_t>(n)]) continue;
        seen[static_cast<size_t>(n)] = 1;
        stack.push_back(n);
      }
    }
    blobs += size >= min_pixels;
  }
  return blobs;
}

// hlnf_20 and hlnf_25 (50.04 s, 63.04 s): manimgl depth-tests the neurons and their connections,
// so a neuron hides the lines behind it and shows as a lit ball; drawn without depth writes, the
// lines behind every neuron summed over it and most of them dissolved into the haze. Lit blobs
// of 12 px or more over the network, boxes (600,190)-(1020,570) and (660,190)-(1060,560) at
// 1280x720: reference 207 and 180, before the fix 131 and 107, after 205 and 165 (here, blobs
// of 8 px or more at 640x360: 71 and 51 before, 113 and 107 after).
TEST(FlowLook, MlpNeuronsShowAsSeparateLitBalls) {
  const int second = sphereBlobs(mainScene().at(50.04), 300, 95, 510, 285, 8);
  const int third = sphereBlobs(mainScene().at(63.04), 330, 95, 530, 280, 8);
  std::printf("lit blobs: second MLP %d, third MLP %d\n", second, third);
  EXPECT_GE(second, 90) << "the second MLP's neurons dissolve among its lines";
  EXPECT_GE(third, 90) << "the third MLP's neurons dissolve among its lines";
}

// hlnf_25 (63.04 s), the third MLP, box (680,260)-(830,460): reference 2600 sphere pixels,
// before 1623, after 2324 (at 640x360: 543 before, 785 after).
TEST(FlowLook, ThirdMlpNeuronsShowLit) {
  const Image image = mainScene().at(63.04);
  const Counts c = count(image, 340, 130, 415, 230);
  std::printf("sphere %d  vivid %d\n", c.sphere, c.vivid);
  EXPECT_GE(c.sphere, 660) << "the neurons are greyed out";
}

// hlnf_21 (52.04 s): once its body has faded in, the block veils the network inside it with
// all its faces (manimgl draws the body over it): hardly any vivid pixel on the block's front
// (drawing the network after the block's far faces showed its lines through the near ones).
TEST(FlowLook, ClosedMlpBlockVeilsItsNetwork) {
  const Image image = mainScene().at(52.04);
  const Counts c = count(image, 250, 110, 330, 240);
  std::printf("vivid %d\n", c.vivid);
  EXPECT_LE(c.vivid, 40) << "the network shows through its block";
}

// hlnf_26 (65.04 s), the end of play 26: the third MLP's block has closed around its network,
// which shows faintly through all its faces (manimgl draws the body over it without a depth
// test); the networks go only on the next frame. Red- or blue-tinted pixels over the block, box
// (600,200)-(840,460) at 1280x720: reference 779; before the fix 0 (the clock, a sum of run
// times, fell a few ulps short of 65.04 and the networks were already gone); 8551 with the
// network's depth hiding the block's far faces, 1191 with the network drawn without depth
// writes; 339 now (depth-tested, the far faces drawn over it through the stencil).
TEST(FlowLook, ClosedMlpBlockShowsItsNetworkFaintly) {
  auto tinted = [](const Image& image) {
    int n = 0;
    for (int y = 200; y < 460; ++y) {
      for (int x = 600; x < 840; ++x) {
        const uint8_t* p = image.pixel(x, y);
        n += p[0] > p[2] + 8 || p[2] > p[0] + 8;
      }
    }
    return n;
  };
  const int at_end = tinted(mainScene().at(65.04, 1280, 720));
  std::printf("tinted %d\n", at_end);
  EXPECT_GE(at_end, 150) << "the network must show through its block";
  EXPECT_LE(at_end, 3000) << "the block's far faces must veil its network too";
  EXPECT_EQ(tinted(mainScene().at(65.04 + 1.0 / 30, 1280, 720)), 0)
      << "the networks go on the next frame";
}

// Play 21: the second MLP's block body starts fading in around its network (50.04 s on). The
// network stays depth-tested while the faces veil it more and more, with no jump between two
// frames: vivid pixels over the network, box (600,190)-(1020,570) at 1280x720, at 50.17 s and
// 50.20 s: 7272 and 7339; drawing a network inside a block without depth writes (summed lines)
// jumped to 11649 on the frame the body became a sheet.
TEST(FlowLook, NetworkKeepsItsLookAsItsBlockFadesIn) {
  const Counts before = count(mainScene().at(50.17, 1280, 720), 600, 190, 1020, 570);
  const Counts after = count(mainScene().at(50.20, 1280, 720), 600, 190, 1020, 570);
  std::printf("vivid %d -> %d\n", before.vivid, after.vivid);
  ASSERT_GT(before.vivid, 1000) << "the network must show";
  EXPECT_LE(std::abs(after.vivid - before.vivid), before.vivid / 10) << "the network's look jumps";
}

// hlnf_12 (24.04 s): the copy of the layer inside the open Attention block stands on the block's
// far faces, seen from inside. manimgl lights a face by its outward normal whichever side the eye
// is on (its add_light leaves the two-sided flip out), so from inside the faces are darker and
// the columns stand out. Median grey over the first column, box (588,295)-(625,420) at
// 1280x720: reference 160, before the fix (two-sided) 179, after 161.
TEST(FlowLook, BlockFacesSeenFromInsideAreLitByTheirOutwardNormal) {
  const Image image = mainScene().at(24.04, 1280, 720);
  std::vector<int> grey;
  for (int y = 295; y < 420; ++y) {
    for (int x = 588; x < 625; ++x) {
      const uint8_t* p = image.pixel(x, y);
      grey.push_back(std::max({p[0], p[1], p[2]}));
    }
  }
  std::nth_element(grey.begin(), grey.begin() + grey.size() / 2, grey.end());
  const int median = grey[grey.size() / 2];
  std::printf("median grey %d\n", median);
  EXPECT_LE(median, 170) << "the block's inside is lit like its outside: the columns look veiled";
  EXPECT_GE(median, 150);
}

// hlnf_12 (24.04 s): the seed's set_backstroke(BLACK, 3) covers a column's vertical dots too,
// so on the grey block face they read as rings, white ringed in black. Pixels darker than 60
// around the sixth column's dots, box (734,436)-(746,456) at 1280x720: reference 26, before
// the fix 0 (plain white dots), after 47; a white centre stays (brightest 212).
TEST(FlowLook, ColumnDotsCarryTheBackstroke) {
  const Image image = mainScene().at(24.04, 1280, 720);
  int dark = 0, brightest = 0;
  for (int y = 436; y < 456; ++y) {
    for (int x = 734; x < 746; ++x) {
      const uint8_t* p = image.pixel(x, y);
      const int v = std::max({p[0], p[1], p[2]});
      dark += v < 60;
      brightest = std::max(brightest, v);
    }
  }
  std::printf("dark %d, brightest %d\n", dark, brightest);
  EXPECT_GE(dark, 15) << "the dots have no black ring";
  EXPECT_GE(brightest, 150) << "the dots' white is gone";
}

// hlnf_03 (6.04 s): random_bright_color draws lightness 0.5-1, so some token tints are near
// white. Share of near-grey pixels among the bright pixels of the phrase, box
// (150,340)-(1000,385): reference 0.13, before 0.0 (every tint saturated cyan or blue), after
// 0.41 (0.53 at 640x360).
TEST(FlowLook, SomeTokenTintsAreNearWhite) {
  const Image image = mainScene().at(6.04);
  int bright = 0, pale = 0;
  for (int y = 170; y < 193; ++y) {
    for (int x = 75; x < 500; ++x) {
      const uint8_t* p = image.pixel(x, y);
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      if (hi < 200) continue;
      ++bright;
      pale += hi - lo < 40;
    }
  }
  ASSERT_GT(bright, 200) << "the phrase must show";
  const double share = static_cast<double>(pale) / bright;
  std::printf("near-white share %.3f\n", share);
  EXPECT_GE(share, 0.08);
}

// hlnf_12 mid (21.54 s): the arcs' colours are pale yellow-greens. Median HSL lightness of the
// coloured pixels over the vector tops, box (560,200)-(1020,270): reference 0.70, before 0.61,
// after 0.71 (the same at 640x360).
TEST(FlowLook, AttentionArcsArePale) {
  const Image image = mainScene().at(21.54);
  std::vector<float> lightness;
  for (int y = 100; y < 135; ++y) {
    for (int x = 280; x < 510; ++x) {
      const uint8_t* p = image.pixel(x, y);
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      if (hi - lo < 30 || hi < 120) continue;
      lightness.push_back((hi + lo) / 510.0f);
    }
  }
  ASSERT_GT(lightness.size(), 40u) << "the arcs must show";
  std::nth_element(lightness.begin(), lightness.begin() + lightness.size() / 2, lightness.end());
  const float median = lightness[lightness.size() / 2];
  std::printf("arc lightness %.3f\n", median);
  EXPECT_GE(median, 0.65f);
}

// hlnf_32 (77.04 s): BarChart colours its bars BLUE -> YELLOW in RGB, so the middle bar ("a",
// 7th of 13) is a pale green, red 0.76 of green. Interpolating around the hue circle (the
// picture before the fix) made it a saturated green, red 0.19 of green.
TEST(FlowLook, MiddleBarIsPaleGreen) {
  const Image image = mainScene().at(77.04);
  double red = 0, green = 0;
  int n = 0;
  for (int y = 143; y < 155; ++y) {
    for (int x = 515; x < 545; ++x) {
      const uint8_t* p = image.pixel(x, y);
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      if (hi - lo < 60 || p[1] < p[0]) continue;  // the bar: coloured, green above red
      red += p[0], green += p[1], ++n;
    }
  }
  ASSERT_GT(n, 4) << "the bar must show";
  std::printf("bar red/green %.2f over %d px\n", red / green, n);
  EXPECT_GE(red / green, 0.55);
}

// hlnf_32 (77.04 s): the bars are added after the last layer's half-black backdrop, so it does
// not dim them. Sorted by distance alone, the backdrop (its centre nearer the eye than the bars')
// was drawn over them. Mean colour of the blue bars' pixels: (72,160,180) in the reference,
// (53,115,127) before, (75,162,177) after (here, at 640x360: (53,114,126) before, (73,158,173)
// after).
TEST(FlowLook, BackdropDoesNotDimTheBars) {
  const Image image = mainScene().at(77.04);
  double green = 0;
  int n = 0;
  for (int y = 45; y < 80; ++y) {
    for (int x = 500; x < 600; ++x) {
      const uint8_t* p = image.pixel(x, y);
      if (p[2] <= p[0] + 40 || p[2] <= 60) continue;  // the top bars: blue
      green += p[1], ++n;
    }
  }
  ASSERT_GT(n, 40) << "the top bars must show";
  std::printf("top bars' mean green %.1f over %d px\n", green / n, n);
  EXPECT_GE(green / n, 140.0) << "the backdrop dims the bars";
}

// hlnf_21 (52.04 s): "Multilayer / Perceptron" lines stack ascent + descent apart (Pango) and
// the title's ink sits just above the block: its two lines' ink rows are 122-149 and 164-190 in
// the reference, 123-149 and 172-197 before the fix, 121-147 and 165-189 after (here, at
// 640x360, the second line starts 25 px below the first before the fix).
TEST(FlowLook, BlockTitleLinesStackLikePango) {
  const Image image = mainScene().at(52.04);
  std::vector<int> rows;  // rows with white ink in the title's window
  for (int y = 55; y < 105; ++y) {
    int ink = 0;
    for (int x = 280; x < 360; ++x) {
      const uint8_t* p = image.pixel(x, y);
      ink += std::min({p[0], p[1], p[2]}) >= 200;
    }
    if (ink > 0) rows.push_back(y);
  }
  ASSERT_GT(rows.size(), 10u) << "the title must show";
  int second = -1;  // first row of the second line (past a gap wider than an i's dot's)
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i] > rows[i - 1] + 3) {
      second = rows[i];
      break;
    }
  }
  ASSERT_GT(second, 0) << "two lines expected";
  std::printf("line pitch %d px\n", second - rows.front());
  EXPECT_LE(second - rows.front(), 23) << "lines too far apart";
  EXPECT_GE(second - rows.front(), 19) << "lines too close";
}

// hlnf_32 (77.04 s): the last vector's entries, as large and as heavy as the seed's and graded
// GREY_C -> WHITE by value. Pixels of 100 or more in the highlighted column, box
// (662,300)-(690,500): reference 482, at first 287 (at 640x360: 73). Entries 0.27 em instead of
// 0.24 made it 90 here; the real gap was stroke weight (manimgl's fill border, see
// number_look_test.cpp): with it and 0.24 em, 108.
TEST(FlowLook, LastVectorEntriesAreFullSize) {
  const Image image = mainScene().at(77.04);
  int ink = 0;
  for (int y = 150; y < 250; ++y) {
    for (int x = 331; x < 345; ++x) {
      const uint8_t* p = image.pixel(x, y);
      ink += std::max({p[0], p[1], p[2]}) >= 100 && p[2] > p[0] - 30;  // not the yellow frame
    }
  }
  std::printf("entry ink %d\n", ink);
  EXPECT_GE(ink, 82) << "the entries are too small";
}

// hlnf_00 (1.0 s), the end of the phrase's play: the seed adds the yellow box after it (self.add
// between two plays), so that frame shows none; the next frame does. Yellowish pixels over the
// whole frame: reference 0, before the fix 1853, after 0 (and 1853 at 1.0334 s).
TEST(FlowLook, YellowBoxComesAfterThePhrasesPlay) {
  auto yellow = [](const Image& image) {
    int n = 0;
    for (int y = 0; y < kH; ++y) {
      for (int x = 0; x < kW; ++x) {
        const uint8_t* p = image.pixel(x, y);
        n += p[0] > 30 && p[1] > 30 && p[2] < 20;
      }
    }
    return n;
  };
  EXPECT_EQ(yellow(mainScene().at(1.0)), 0) << "the box shows on the phrase play's last frame";
  EXPECT_GT(yellow(mainScene().at(1.0 + 1.0 / 30)), 500) << "the box must show next";
}

}  // namespace
}  // namespace flowview
