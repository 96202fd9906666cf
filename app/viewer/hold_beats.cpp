#include "viewer/hold_beats.h"

#include <algorithm>

namespace flowview::viewer {
namespace {

constexpr double kEpsilon = 1e-6;

// A segment changes something strictly inside (start, end); a jump (t0 == t1) at t0 counts.
template <class T>
bool changesWithin(const Channel<T>& channel, double start, double end) {
  for (const Segment<T>& s : channel.segments()) {
    if (s.t0 < end - kEpsilon && std::max(s.t0, s.t1) > start + kEpsilon) return true;
  }
  return false;
}

bool insideOpen(double t, double start, double end) {
  return t > start + kEpsilon && t < end - kEpsilon;
}

bool nothingChanges(const Scene& scene, double start, double end) {
  if (changesWithin(scene.camera, start, end)) return false;
  for (const Element& e : scene.elements) {
    if (insideOpen(e.added_at, start, end) || insideOpen(e.removed_at, start, end)) return false;
    if (changesWithin(e.pose, start, end) || changesWithin(e.opacity, start, end) ||
        changesWithin(e.color, start, end) || changesWithin(e.reveal, start, end) ||
        changesWithin(e.value, start, end)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<bool> holdBeats(const Scene& scene) {
  std::vector<bool> holds(scene.beats.size(), false);
  if (scene.present_every_beat) return holds;
  for (size_t i = 0; i < scene.beats.size(); ++i) {
    const Beat& beat = scene.beats[i];
    holds[i] = beat.kind == BeatKind::Wait && nothingChanges(scene, beat.start, beat.end);
  }
  return holds;
}

}  // namespace flowview::viewer
