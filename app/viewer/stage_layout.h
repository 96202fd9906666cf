#pragma once
// Where things go on the screens: the 3D view letterboxed to the scene's 16:9 frame, which screen
// the presenter console takes, where a toast may appear, the window title and the first frame.
// Pure logic, unit-tested without a window.
#include <string>

#include "core/scene/scene.h"

namespace flowview::viewer {

// The scene's frame: 14.22 x 8 units, what exports and the audience see.
inline constexpr float kStageAspect = 16.0f / 9.0f;

struct StageRect {
  float x = 0, y = 0, w = 0, h = 0;
};

// The largest rectangle of `aspect` (width / height) centred in `area`: bars above and below or
// left and right, never a cropped frame.
StageRect letterbox(const StageRect& area, float aspect);

// Which monitor (index into the connected ones, 0 = primary) each window takes. With one monitor
// the console is a window beside the stage (console = -1: no monitor of its own). `swapped`: the
// user pressed the swap key.
struct ScreenPlan {
  int stage = 0;
  int console = -1;
};
ScreenPlan planScreens(int monitor_count, bool swapped);

// Toasts ("Saved ...") belong to the operator: never on the audience's screen.
enum class ToastPlace { Stage, Console, Nowhere };
ToastPlace toastPlace(bool presentation, bool console_open);

// "flowview - <title>" (the file name when the scene has no title).
std::string windowTitle(const std::string& scene_title, const std::string& scene_path);

// The first beat boundary (0 included) at which some element is on screen with a visible
// opacity, so the viewer never opens on an empty frame; 0 when nothing ever shows.
double firstShowingTime(const Scene& scene);

}  // namespace flowview::viewer
