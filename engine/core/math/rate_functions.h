#pragma once
// manimgl's rate functions: maps of [0, 1] onto [0, 1] (there_and_back returns to 0) that shape
// an animation's progress. Names and formulas follow manimgl so ported scenes keep their timing.
#include <optional>
#include <string>
#include <string_view>

namespace flowview {

enum class Rate {
  Linear,
  Smooth,  // smootherstep 10t^3 - 15t^4 + 6t^5 (manimgl's default)
  RushInto,
  RushFrom,
  SlowInto,
  DoubleSmooth,
  ThereAndBack,
  ThereAndBackWithPause,
  Lingering,
};

double applyRate(Rate rate, double t);

std::string_view rateName(Rate rate);
std::optional<Rate> rateFromName(std::string_view name);
// All names, for "did you mean" messages and docs.
const char* const* rateNames(int* count);

// Progress of part `index` of `count` parts inside one animation with lag ratio `lag_ratio`:
// full = (n-1)*r + 1; alpha_i = rate(clip(alpha*full - i*r, 0, 1)). `alpha` is linear time.
double laggedPartAlpha(double alpha, int index, int count, double lag_ratio, Rate rate);

}  // namespace flowview
