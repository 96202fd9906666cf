#include "viewer/stage_layout.h"

#include <algorithm>
#include <filesystem>

namespace flowview::viewer {
namespace {

// Below this an element reads as absent.
constexpr float kVisibleOpacity = 0.05f;

bool somethingShows(const Scene& scene, double t) {
  for (const Element& e : scene.elements) {
    if (t < e.added_at || t >= e.removed_at) continue;
    if (e.opacity.at(t) > kVisibleOpacity) return true;
  }
  return false;
}

}  // namespace

StageRect letterbox(const StageRect& area, float aspect) {
  if (area.w <= 0.0f || area.h <= 0.0f || !(aspect > 0.0f)) return area;
  StageRect out = area;
  if (area.w / area.h > aspect) {
    out.w = area.h * aspect;
    out.x = area.x + 0.5f * (area.w - out.w);
  } else {
    out.h = area.w / aspect;
    out.y = area.y + 0.5f * (area.h - out.h);
  }
  return out;
}

ScreenPlan planScreens(int monitor_count, bool swapped) {
  if (monitor_count <= 1) return {0, -1};
  return swapped ? ScreenPlan{1, 0} : ScreenPlan{0, 1};
}

ToastPlace toastPlace(bool presentation, bool console_open) {
  if (!presentation) return ToastPlace::Stage;
  return console_open ? ToastPlace::Console : ToastPlace::Nowhere;
}

std::string windowTitle(const std::string& scene_title, const std::string& scene_path) {
  const std::string name =
      scene_title.empty() ? std::filesystem::path(scene_path).filename().string() : scene_title;
  return "flowview - " + name;
}

double firstShowingTime(const Scene& scene) {
  if (somethingShows(scene, 0.0)) return 0.0;
  for (const Beat& beat : scene.beats) {
    if (somethingShows(scene, beat.end)) return std::min(beat.end, scene.duration);
  }
  return 0.0;
}

}  // namespace flowview::viewer
