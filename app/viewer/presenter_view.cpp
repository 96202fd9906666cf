#include "viewer/presenter_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace flowview::viewer {

std::string formatClock(double seconds) {
  const long total = std::isfinite(seconds) ? std::max(0L, static_cast<long>(seconds)) : 0L;
  const long h = total / 3600, m = (total / 60) % 60, s = total % 60;
  char text[32];
  if (h > 0) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", h, m, s);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", m, s);
  }
  return text;
}

PresenterView describeForPresenter(const Scene& scene, double time, double talk_seconds) {
  PresenterView view;
  view.clock = formatClock(talk_seconds);
  char position[64];
  std::snprintf(position, sizeof position, "%.1f / %.1f s", time, scene.duration);
  view.position = position;
  view.beat_count = static_cast<int>(scene.beats.size());
  if (scene.beats.empty()) return view;
  view.beat = std::clamp(scene.beatAt(time), 0, view.beat_count - 1);
  const Beat& beat = scene.beats[static_cast<size_t>(view.beat)];
  view.section = beat.section;
  view.current = beat.name;
  view.notes = beat.notes;
  view.beat_progress =
      beat.duration() > 0.0 ? std::clamp((time - beat.start) / beat.duration(), 0.0, 1.0) : 1.0;
  if (view.beat + 1 < view.beat_count) {
    const Beat& next = scene.beats[static_cast<size_t>(view.beat + 1)];
    view.next = next.name;
    view.next_notes = next.notes;
    view.next_end = next.end;
  }
  return view;
}

}  // namespace flowview::viewer
