#include "viewer/presenter_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "viewer/transport.h"

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

const std::string& notesForBeat(const Scene& scene, int index, bool* inherited) {
  static const std::string kNone;
  if (inherited) *inherited = false;
  const int count = static_cast<int>(scene.beats.size());
  if (index < 0 || index >= count) return kNone;
  const Beat& beat = scene.beats[static_cast<size_t>(index)];
  if (!beat.notes.empty()) return beat.notes;
  auto sameSectionWithNotes = [&](int i) {
    const Beat& other = scene.beats[static_cast<size_t>(i)];
    return other.section == beat.section && !other.notes.empty();
  };
  for (int i = index - 1; i >= 0 && scene.beats[i].section == beat.section; --i) {
    if (sameSectionWithNotes(i)) {
      if (inherited) *inherited = true;
      return scene.beats[static_cast<size_t>(i)].notes;
    }
  }
  for (int i = index + 1; i < count && scene.beats[i].section == beat.section; ++i) {
    if (sameSectionWithNotes(i)) {
      if (inherited) *inherited = true;
      return scene.beats[static_cast<size_t>(i)].notes;
    }
  }
  return kNone;
}

PresenterView describeForPresenter(const Scene& scene, double time, int shown_beat, int next_beat,
                                   double talk_seconds) {
  PresenterView view;
  view.clock_running = talk_seconds >= 0.0;
  view.clock = formatClock(talk_seconds);
  char position[64];
  std::snprintf(position, sizeof position, "%.1f / %.1f s", time, scene.duration);
  view.position = position;
  view.beat_count = static_cast<int>(scene.beats.size());
  view.number = formatBeatNumber(shown_beat, view.beat_count);
  if (scene.beats.empty()) return view;
  view.beat = std::clamp(shown_beat, 0, view.beat_count - 1);
  const Beat& beat = scene.beats[static_cast<size_t>(view.beat)];
  view.section = beat.section;
  view.current = beat.name;
  view.notes = notesForBeat(scene, view.beat, &view.notes_inherited);
  view.beat_progress =
      beat.duration() > 0.0 ? std::clamp((time - beat.start) / beat.duration(), 0.0, 1.0) : 1.0;
  if (next_beat >= 0 && next_beat < view.beat_count) {
    const Beat& next = scene.beats[static_cast<size_t>(next_beat)];
    view.next = next.name;
    view.next_notes = notesForBeat(scene, next_beat);
    view.next_end = next.end;
  }
  return view;
}

}  // namespace flowview::viewer
