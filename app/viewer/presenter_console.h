#pragma once
// The presenter console: a second window, for a second screen, with the current and next beat,
// their speaker notes, the talk's clock and a preview of where the next beat ends. It has its own
// Dear ImGui context and shares GL objects (the preview texture) with the main window. Keys typed
// into it go to the main window's handler, so a clicker works whichever window has the focus.
#include <string>

#include "viewer/presenter_view.h"

struct GLFWwindow;
struct GLFWmonitor;
struct ImGuiContext;
struct ImFont;

namespace flowview {
struct Image;
}

namespace flowview::viewer {

class PresenterConsole {
 public:
  using KeyCallback = void (*)(GLFWwindow*, int, int, int, int);
  // Opens the window, sharing `main`'s GL objects; `user_pointer` and `on_key` receive its key
  // presses; text is set in `font_path` (empty: ImGui's font). Leaves `main`'s GL context and
  // ImGui context current. Throws std::runtime_error when the window cannot be opened.
  PresenterConsole(GLFWwindow* main, const std::string& font_path, void* user_pointer,
                   KeyCallback on_key);
  ~PresenterConsole();
  PresenterConsole(const PresenterConsole&) = delete;
  PresenterConsole& operator=(const PresenterConsole&) = delete;

  // The user closed the window, or pressed Reset on the clock (then the caller restarts it).
  bool closeRequested() const;
  // Fills `monitor`'s work area (the presenter's screen when there are two).
  void moveToMonitor(GLFWmonitor* monitor);
  bool takeClockReset();

  // Draws and presents one frame. `preview_texture` belongs to the main window's context (0: no
  // preview). With `capture`, the frame is also read back into it (automation). Restores the
  // previous GL and ImGui contexts.
  void draw(const PresenterView& view, unsigned preview_texture, int preview_width,
            int preview_height, Image* capture = nullptr);

 private:
  GLFWwindow* window_ = nullptr;
  ImGuiContext* imgui_ = nullptr;
  ImFont* body_font_ = nullptr;  // the scene font at reading sizes (null: ImGui's, scaled)
  ImFont* large_font_ = nullptr;
  bool clock_reset_ = false;
};

}  // namespace flowview::viewer
