#pragma once
// manimgl's group timing as plain arithmetic: where each animation of an AnimationGroup /
// LaggedStart sits inside its play call.
#include <vector>

namespace flowview {

struct TimeWindow {
  double start = 0, end = 0;
  double duration() const { return end - start; }
};

// Animation i+1 starts when animation i is `lag_ratio` of the way through. Returns windows
// relative to the group's start; when `run_time` > 0 the whole group is rescaled to it.
std::vector<TimeWindow> groupWindows(const std::vector<double>& run_times, double lag_ratio,
                                     double run_time = -1.0);

// The same for n equal animations of length `each` (LaggedStartMap).
std::vector<TimeWindow> laggedWindows(int count, double each, double lag_ratio,
                                      double run_time = -1.0);

// Window of part i of n inside one animation of length `run_time` whose parts lag by
// `lag_ratio`: full = (n-1)*r + 1, part i covers [i*r, i*r + 1] / full of the run time.
TimeWindow partWindow(int index, int count, double lag_ratio, double run_time);

// A play's time_span=(a, b): the animation runs over [a, b] of the play.
inline TimeWindow timeSpan(double a, double b) {
  return {a, b};
}

}  // namespace flowview
