#pragma once
// The viewer window: GLFW + OpenGL 3.3 core + Dear ImGui around the engine's renderer. Internal
// to app/viewer (runViewer() is the public entry); the logic it drives lives in the pure classes
// Transport, CameraController, PresetStore.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/camera/camera.h"
#include "core/description/scene_description.h"
#include "core/jobs/latest_job.h"
#include "core/scene/scene.h"
#include "core/scenes/scene_model.h"
#include "viewer/attention_panel.h"
#include "viewer/beat_jump.h"
#include "viewer/camera_controller.h"
#include "viewer/presenter_view.h"
#include "viewer/preset_store.h"
#include "viewer/transport.h"
#include "viewer/viewer_options.h"

struct GLFWwindow;

namespace flowview {
class FrameRenderer;
struct FrameState;
namespace gl {
class OffscreenTarget;
}
namespace text {
class GlyphAtlas;
}
}  // namespace flowview

namespace flowview::viewer {

class PresenterConsole;

// configDirectory()/settings.json: the remembered window size, last scene, screenshot settings.
std::filesystem::path settingsPath();

// A rectangle in window coordinates (ImGui's units, not framebuffer pixels).
struct ViewRect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

class ViewerApp {
 public:
  // Everything that can fail with bad input is done before the window opens (see runViewer).
  ViewerApp(ViewerOptions options, Settings settings, std::unique_ptr<text::GlyphAtlas> atlas,
            Scene scene, std::string scene_path, double start_time);
  ~ViewerApp();
  ViewerApp(const ViewerApp&) = delete;
  ViewerApp& operator=(const ViewerApp&) = delete;

  // Opens the window (throws gl::NoContextError when no GL 3.3 context can be had) and runs the
  // loop until the window closes. Returns the exit code.
  int run();

  // The model (loaded once) and --text / --type-sentence, for rebuilds from the sentence box.
  void setSceneInputs(scenes::SceneInputs inputs);

  // GLFW callbacks forward here (installed before ImGui's, which chain to them).
  void onKey(int key, int scancode, int action, int mods);
  void onMouseButton(int button, int action, int mods);
  void onCursorPos(double x, double y);
  void onScroll(double dx, double dy);

 private:
  struct InputEvent {
    enum class Type { Key, Button, Move, Scroll } type;
    int key = 0, action = 0, mods = 0;
    double x = 0, y = 0;
  };

  void openWindow();
  // Creates window_ with its GL context current and GL loaded; falls back to no multisampling.
  void createWindow(const std::string& title, int samples);
  void frame(double dt);
  void processInput();
  void handleAction(int action, int arg);
  void renderScene(int fb_width, int fb_height);
  void layout(float width, float height);

  // Panels (viewer_panels.cpp).
  void drawUi(double dt);
  void drawBottomBar();
  void drawScrubber(float width);
  void drawSidePanel();
  void drawBeatList();
  void drawCameraPanel();
  void drawNextTokenPanel();
  // Re-weights the next-token bars when the temperature or the scene changed.
  const std::vector<double>& nextTokenProbabilities();
  void drawScreenshotPanel();
  void drawHelp();
  void drawOverlays(double dt);
  void drawStageOverlays();  // presentation: black stage, beat counter, typed beat number
  void drawPalette();
  void drawFirstStartHint();

  void setPresentation(bool on);
  // Puts the stage (and the console, when open) on their monitors (planScreens).
  void placeWindows();
  // Jumps to a beat chosen by number or name (Transport::jumpToShownBeat).
  void goToBeat(int index);
  // After a scene (re)load: the transport's hold beats and the window title.
  void sceneChanged();
  void setPresenterConsole(bool on);
  // Draws the presenter console's frame (after the main window's); `capture`: automation.
  void updatePresenterConsole(bool capture);
  void setFullscreen(bool on);
  void takeScreenshot();
  void toast(std::string text, bool error = false);
  void pollSceneFile(double dt);
  void reloadScene();
  void goToPreset(int index);
  void saveSettingsNow();

  ViewerOptions options_;
  Settings settings_;
  bool automation_ = false;
  std::unique_ptr<text::GlyphAtlas> atlas_;
  Scene scene_;
  viewer::AttentionPanel attention_panel_;  // the attention-math scene's gain and mask
  std::string scene_path_;

  Transport transport_;
  CameraController camera_;
  PresetStore presets_;
  Camera shown_camera_;

  GLFWwindow* window_ = nullptr;
  bool glfw_ready_ = false, imgui_ready_ = false;
  std::unique_ptr<FrameRenderer> frames_;  // every frame this window's context draws
  std::string ini_path_;

  // Input queued by the callbacks, handled after ImGui::NewFrame() (when WantCapture* are fresh).
  std::vector<InputEvent> events_;
  int drag_button_ = -1;
  double last_x_ = 0, last_y_ = 0;
  int busy_frames_ = 3;  // frames to draw before idling

  ViewRect view_;                         // the 3D view, window coordinates (16:9, letterboxed)
  float panel_left_ = 0, panel_top_ = 0;  // where the side panel and the bottom bar start
  bool show_ui_ = true, show_help_ = false, show_beat_counter_ = true;
  bool black_stage_ = false;
  bool show_hint_ = false;  // first start: "Space plays, F1 lists the keys"
  BeatNumberInput beat_input_;
  bool palette_open_ = false, palette_focus_ = false;
  std::string palette_query_;
  bool fullscreen_ = false;
  int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 1280, windowed_h_ = 720;
  bool scrubbing_ = false;

  // Screenshot settings (panel) and a pending request (taken before the next frame's drawing).
  int shot_size_choice_ = 1;
  int shot_custom_w_ = 2560, shot_custom_h_ = 1440;
  bool shot_transparent_ = false;
  std::string shot_folder_;
  bool shot_requested_ = false;

  // Sentence box and attention panel (sentence_panel.cpp, attention_panel.cpp).
  void drawSentencePanel();
  void drawAttentionPanel();
  // Hovering an attention arc in the 3D view: its tokens, weight, layer and head.
  void drawArcTooltip(const FrameState& state);
  // Rebuilds the scene for `sentence` (nullopt: the scene's own) at the same time; on bad input
  // keeps the last good scene and shows why. The model runs once, on sentence_job_'s thread;
  // pollSentenceJob (every frame) swaps the scene in when the reading arrives.
  void applySentence(std::optional<std::string> sentence);
  void pollSentenceJob();
  scenes::SceneInputs scene_inputs_;  // the model (loaded once) and the sentence shown
  std::string sentence_buffer_;       // the sentence box's text
  std::string sentence_preview_text_;
  std::vector<std::string> sentence_preview_;  // its tokens, re-split as the text changes
  std::string sentence_error_;
  double rebuild_ms_ = 0.0;
  int attention_layer_ = 0, attention_head_ = -1;  // head -1: mean over heads
  int picked_query_ = -1, picked_key_ = -1;
  // Next-token sampling filters (with a model): top-k (0: all) and top-p.
  int top_k_ = 0;
  double top_p_ = 1.0;
  int weighted_top_k_ = -1;
  double weighted_top_p_ = -1.0;

  // Next-token panel state: temperature and the probabilities it gives (cached per value).
  double temperature_ = 1.0;
  double weighted_temperature_ = -1.0;
  const Scene* weighted_scene_ = nullptr;
  std::vector<double> weighted_probabilities_;
  // Camera panel state.
  std::string new_preset_name_;
  int selected_preset_ = -1;
  std::string rename_buffer_;

  // Messages.
  std::string toast_text_;
  bool toast_error_ = false;
  double toast_left_ = 0.0;

  // Hot reload.
  std::filesystem::file_time_type scene_mtime_{};
  double reload_poll_ = 0.0;
  std::string reload_error_;

  // Presenter console (F2): its window, the talk clock and the next beat's preview.
  std::unique_ptr<PresenterConsole> console_;
  TalkClock talk_clock_;
  bool screens_swapped_ = false;
  double preview_time_ = -2.0;  // time the preview shows (-2: none yet)
  double preview_temperature_ = 1.0;
  std::unique_ptr<gl::OffscreenTarget> preview_target_;

  // Automation: frames drawn so far.
  int automation_frames_ = 0;
  int exit_code_ = 0;

  // The sentence box's worker (declared last: destroyed, and joined, first).
  struct SentenceRequest {
    std::shared_ptr<const description::SceneDescription> scene;
    scenes::SceneInputs inputs;
    std::chrono::steady_clock::time_point submitted;
  };
  using SentenceJob = jobs::LatestJob<SentenceRequest, std::shared_ptr<const scenes::ModelData>>;
  std::unique_ptr<SentenceJob> sentence_job_;
};

}  // namespace flowview::viewer
