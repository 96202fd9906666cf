#include "core/timeline/group_timing.h"

#include <algorithm>

namespace flowview {

std::vector<TimeWindow> groupWindows(const std::vector<double>& run_times, double lag_ratio,
                                     double run_time) {
  std::vector<TimeWindow> windows;
  windows.reserve(run_times.size());
  double start = 0.0, total = 0.0;
  for (double d : run_times) {
    windows.push_back({start, start + d});
    total = std::max(total, start + d);
    start += lag_ratio * d;
  }
  if (run_time > 0.0 && total > 0.0) {
    const double scale = run_time / total;
    for (auto& w : windows) {
      w.start *= scale;
      w.end *= scale;
    }
  }
  return windows;
}

std::vector<TimeWindow> laggedWindows(int count, double each, double lag_ratio, double run_time) {
  return groupWindows(std::vector<double>(static_cast<size_t>(std::max(0, count)), each), lag_ratio,
                      run_time);
}

TimeWindow partWindow(int index, int count, double lag_ratio, double run_time) {
  const double full = (count - 1) * lag_ratio + 1.0;
  return {run_time * index * lag_ratio / full, run_time * (index * lag_ratio + 1.0) / full};
}

}  // namespace flowview
