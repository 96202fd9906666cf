#pragma once
// A channel is one animatable property of one element as a pure function of time: an initial
// value plus segments sorted by start time. The value at t comes from the last segment that
// started at or before t (binary search), so evaluation costs O(log segments), independent of
// how t was reached: scrubbing backwards is as exact as playing forwards.
#include <algorithm>
#include <vector>

#include <glm/vec3.hpp>

#include "core/math/rate_functions.h"

namespace flowview {

template <class T>
struct Segment {
  double t0 = 0, t1 = 0;
  Rate rate = Rate::Smooth;
  T from{}, to{};
};

// Interpolation for channel values; overloads for Pose, Camera, Rgb live next to those types.
inline float lerpValue(float a, float b, float t) {
  return a + (b - a) * t;
}
inline glm::vec3 lerpValue(const glm::vec3& a, const glm::vec3& b, float t) {
  return a + (b - a) * t;
}

template <class T>
class Channel {
 public:
  Channel() = default;
  explicit Channel(T initial) : initial_(initial) {}

  void setInitial(T value) {
    initial_ = value;
    refreshFromValues();
  }
  const T& initial() const { return initial_; }
  const std::vector<Segment<T>>& segments() const { return segments_; }
  bool animated() const { return !segments_.empty(); }

  T at(double t) const {
    if (segments_.empty() || t < segments_.front().t0) return initial_;
    // Last segment with t0 <= t.
    auto it = std::upper_bound(segments_.begin(), segments_.end(), t,
                               [](double time, const Segment<T>& s) { return time < s.t0; });
    const Segment<T>& s = *(it - 1);
    if (t >= s.t1) return s.to;
    const double alpha = (t - s.t0) / (s.t1 - s.t0);
    return lerpValue(s.from, s.to, static_cast<float>(applyRate(s.rate, alpha)));
  }

  // The value once every segment so far has finished: what a builder animates from next.
  T finalValue() const { return segments_.empty() ? initial_ : segments_.back().to; }

  // Adds a move to `to` over [t0, t1]; it starts from whatever the channel shows at t0. A zero
  // length segment is a jump.
  void animate(double t0, double t1, T to, Rate rate) {
    Segment<T> seg{t0, std::max(t0, t1), rate, at(t0), to};
    auto it = std::upper_bound(segments_.begin(), segments_.end(), t0,
                               [](double time, const Segment<T>& s) { return time < s.t0; });
    const bool appended = it == segments_.end();
    segments_.insert(it, seg);
    if (!appended) refreshFromValues();
  }
  void set(double t, T value) { animate(t, t, value, Rate::Linear); }

 private:
  // Keeps every segment starting from the value shown just before it (after an insertion).
  void refreshFromValues() {
    for (size_t i = 0; i < segments_.size(); ++i) {
      segments_[i].from = i == 0 ? initial_ : valueBefore(i);
    }
  }
  T valueBefore(size_t i) const {
    const Segment<T>& prev = segments_[i - 1];
    const double t = segments_[i].t0;
    if (t >= prev.t1) return prev.to;
    const double alpha = (t - prev.t0) / (prev.t1 - prev.t0);
    return lerpValue(prev.from, prev.to, static_cast<float>(applyRate(prev.rate, alpha)));
  }

  T initial_{};
  std::vector<Segment<T>> segments_;
};

}  // namespace flowview
