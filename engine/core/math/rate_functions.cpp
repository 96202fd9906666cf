#include "core/math/rate_functions.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace flowview {
namespace {

double clamp01(double t) {
  return std::clamp(t, 0.0, 1.0);
}

double smooth(double t) {
  t = clamp01(t);
  const double s = 1.0 - t;
  // 10 t^3 s^2 + 5 t^4 s + t^5 == 10t^3 - 15t^4 + 6t^5, written in manimgl's numerically tame form
  return t * t * t * (10.0 * s * s + 5.0 * s * t + t * t);
}

constexpr std::array<const char*, 9> kNames = {
    "linear",    "smooth",        "rush_into",      "rush_from",
    "slow_into", "double_smooth", "there_and_back", "there_and_back_with_pause",
    "lingering"};

}  // namespace

double applyRate(Rate rate, double t) {
  switch (rate) {
    case Rate::Linear:
      return t;
    case Rate::Smooth:
      return smooth(t);
    case Rate::RushInto:
      return 2.0 * smooth(0.5 * t);
    case Rate::RushFrom:
      return 2.0 * smooth(0.5 * t + 0.5) - 1.0;
    case Rate::SlowInto:
      return std::sqrt(std::max(0.0, 1.0 - (1.0 - t) * (1.0 - t)));
    case Rate::DoubleSmooth:
      return t < 0.5 ? 0.5 * smooth(2.0 * t) : 0.5 * (1.0 + smooth(2.0 * t - 1.0));
    case Rate::ThereAndBack:
      return smooth(t < 0.5 ? 2.0 * t : 2.0 * (1.0 - t));
    case Rate::ThereAndBackWithPause: {
      constexpr double a = 1.0 / 3.0;  // manimgl's pause_ratio
      if (t < 0.5 - a / 2) return smooth(t / (0.5 - a / 2));
      if (t < 0.5 + a / 2) return 1.0;
      return smooth((1.0 - t) / (0.5 - a / 2));
    }
    case Rate::Lingering:
      return clamp01(t / 0.75);
  }
  return t;
}

std::string_view rateName(Rate rate) {
  return kNames[static_cast<size_t>(rate)];
}

std::optional<Rate> rateFromName(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<Rate>(i);
  }
  return std::nullopt;
}

const char* const* rateNames(int* count) {
  *count = static_cast<int>(kNames.size());
  return kNames.data();
}

double laggedPartAlpha(double alpha, int index, int count, double lag_ratio, Rate rate) {
  const double full = (count - 1) * lag_ratio + 1.0;
  return applyRate(rate, clamp01(alpha * full - index * lag_ratio));
}

}  // namespace flowview
