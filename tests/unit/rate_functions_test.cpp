#include "core/math/rate_functions.h"

#include <gtest/gtest.h>

#include "core/timeline/group_timing.h"

namespace flowview {
namespace {

TEST(RateFunctions, SmoothIsSmootherstep) {
  for (double t : {0.0, 0.1, 0.25, 0.5, 0.8, 1.0}) {
    EXPECT_NEAR(applyRate(Rate::Smooth, t),
                10 * t * t * t - 15 * t * t * t * t + 6 * t * t * t * t * t, 1e-12);
  }
  EXPECT_DOUBLE_EQ(applyRate(Rate::Smooth, 0.5), 0.5);
}

TEST(RateFunctions, ManimFormulas) {
  EXPECT_DOUBLE_EQ(applyRate(Rate::Linear, 0.3), 0.3);
  EXPECT_NEAR(applyRate(Rate::RushInto, 0.5), 2 * applyRate(Rate::Smooth, 0.25), 1e-12);
  EXPECT_NEAR(applyRate(Rate::RushFrom, 0.5), 2 * applyRate(Rate::Smooth, 0.75) - 1, 1e-12);
  EXPECT_NEAR(applyRate(Rate::ThereAndBack, 0.25), applyRate(Rate::Smooth, 0.5), 1e-12);
  EXPECT_NEAR(applyRate(Rate::ThereAndBack, 0.5), 1.0, 1e-12);
  EXPECT_NEAR(applyRate(Rate::ThereAndBack, 1.0), 0.0, 1e-12);
  EXPECT_NEAR(applyRate(Rate::RushInto, 1.0), 1.0, 1e-12);
  EXPECT_NEAR(applyRate(Rate::RushFrom, 0.0), 0.0, 1e-12);
}

TEST(RateFunctions, NamesRoundTrip) {
  int count = 0;
  const char* const* names = rateNames(&count);
  ASSERT_GE(count, 5);
  for (int i = 0; i < count; ++i) {
    auto rate = rateFromName(names[i]);
    ASSERT_TRUE(rate.has_value()) << names[i];
    EXPECT_EQ(rateName(*rate), names[i]);
  }
  EXPECT_FALSE(rateFromName("smoth").has_value());
}

TEST(LagTiming, PartAlphaFollowsManim) {
  // n = 5 parts, lag 0.5: full = 3; part 2 at alpha 0.5 -> clip(1.5 - 1) = 0.5 -> smooth(0.5).
  EXPECT_NEAR(laggedPartAlpha(0.5, 2, 5, 0.5, Rate::Linear), 0.5, 1e-12);
  EXPECT_NEAR(laggedPartAlpha(0.5, 4, 5, 0.5, Rate::Linear), 0.0, 1e-12);
  EXPECT_NEAR(laggedPartAlpha(1.0, 4, 5, 0.5, Rate::Smooth), 1.0, 1e-12);
  EXPECT_NEAR(laggedPartAlpha(0.2, 0, 5, 0.5, Rate::Smooth), applyRate(Rate::Smooth, 0.6), 1e-12);
}

TEST(LagTiming, GroupWindowsMatchLaggedStart) {
  // LaggedStart(a, b, c, lag_ratio=0.3) of 1 s animations: starts 0, 0.3, 0.6, total 1.6.
  auto w = groupWindows({1, 1, 1}, 0.3);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_DOUBLE_EQ(w[1].start, 0.3);
  EXPECT_DOUBLE_EQ(w[2].end, 1.6);
  // With run_time=2 the group is rescaled.
  w = groupWindows({1, 1, 1}, 0.3, 2.0);
  EXPECT_DOUBLE_EQ(w[2].end, 2.0);
  EXPECT_NEAR(w[1].start, 0.375, 1e-12);
  // DrawBorderThenFill of 12 rectangles (2 s) with lag 0.02 lasts 2.44 s (seed play 3).
  EXPECT_NEAR(laggedWindows(12, 2.0, 0.02).back().end, 2.44, 1e-12);
  // LaggedStartMap(VFadeInThenOut, 12 arrows, lag 0.25, run_time 4): each lasts 4 / 3.75.
  EXPECT_NEAR(laggedWindows(12, 1.0, 0.25, 4.0)[0].duration(), 4.0 / 3.75, 1e-12);
}

TEST(LagTiming, PartWindow) {
  const TimeWindow w = partWindow(2, 5, 0.5, 6.0);  // full = 3: [1, 2] / 3 of 6 s
  EXPECT_NEAR(w.start, 2.0, 1e-12);
  EXPECT_NEAR(w.end, 4.0, 1e-12);
}

}  // namespace
}  // namespace flowview
