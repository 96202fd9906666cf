// The viewer: argument handling, the GLFW window, the main loop and input. Panels are in
// viewer_panels.cpp; the logic they drive is in the pure classes (transport, camera controller,
// presets), which are unit-tested without a window.
#include "viewer/viewer.h"

#define GLFW_INCLUDE_NONE  // glad provides the GL declarations
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "cli/arguments.h"
#include "core/image/image_io.h"
#include "core/io/load_error.h"
#include "core/scenes/model_data.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/timeline/evaluate.h"
#include "render/frame_renderer.h"
#include "render/gl/gl_context.h"
#include "render/gl/offscreen_target.h"
#include "viewer/config_files.h"
#include "viewer/gl_window_hints.h"
#include "viewer/hold_beats.h"
#include "viewer/key_bindings.h"
#include "viewer/presenter_console.h"
#include "viewer/screenshot.h"
#include "viewer/stage_layout.h"
#include "viewer/viewer_app.h"

namespace flowview::viewer {

// key_bindings.h spells GLFW's key codes without including GLFW; keep them honest.
static_assert(key::kSpace == GLFW_KEY_SPACE && key::kMinus == GLFW_KEY_MINUS);
static_assert(key::kSlash == GLFW_KEY_SLASH && key::kDigit1 == GLFW_KEY_1);
static_assert(key::kEqual == GLFW_KEY_EQUAL && key::kB == GLFW_KEY_B && key::kC == GLFW_KEY_C);
static_assert(key::kL == GLFW_KEY_L && key::kP == GLFW_KEY_P && key::kR == GLFW_KEY_R);
static_assert(key::kS == GLFW_KEY_S && key::kEscape == GLFW_KEY_ESCAPE &&
              key::kTab == GLFW_KEY_TAB);
static_assert(key::kRight == GLFW_KEY_RIGHT && key::kLeft == GLFW_KEY_LEFT);
static_assert(key::kPageUp == GLFW_KEY_PAGE_UP && key::kPageDown == GLFW_KEY_PAGE_DOWN);
static_assert(key::kHome == GLFW_KEY_HOME && key::kEnd == GLFW_KEY_END);
static_assert(key::kF1 == GLFW_KEY_F1 && key::kF2 == GLFW_KEY_F2 && key::kF11 == GLFW_KEY_F11);
static_assert(key::kKpSubtract == GLFW_KEY_KP_SUBTRACT && key::kKpAdd == GLFW_KEY_KP_ADD);
static_assert(key::kModShift == GLFW_MOD_SHIFT && key::kModControl == GLFW_MOD_CONTROL);
static_assert(key::kModAlt == GLFW_MOD_ALT && key::kModSuper == GLFW_MOD_SUPER);
static_assert(key::kPeriod == GLFW_KEY_PERIOD && key::kDigit0 == GLFW_KEY_0);
static_assert(key::kG == GLFW_KEY_G && key::kN == GLFW_KEY_N && key::kQ == GLFW_KEY_Q &&
              key::kX == GLFW_KEY_X);
static_assert(key::kEnter == GLFW_KEY_ENTER && key::kBackspace == GLFW_KEY_BACKSPACE);
static_assert(key::kF5 == GLFW_KEY_F5 && key::kKp0 == GLFW_KEY_KP_0 &&
              key::kKpEnter == GLFW_KEY_KP_ENTER);

namespace {

// Frames drawn before the automation screenshot (the UI needs one frame to lay itself out).
constexpr int kAutomationFrames = 3;

// GLFW reports errors through a callback; keep the last one for the failure message.
std::string& lastGlfwError() {
  static std::string error;
  return error;
}

void glfwErrorCallback(int, const char* description) {
  lastGlfwError() = description ? description : "unknown GLFW error";
}

ViewerApp* appOf(GLFWwindow* window) {
  return static_cast<ViewerApp*>(glfwGetWindowUserPointer(window));
}

bool isRepeatable(Action action) {
  switch (action) {
    case Action::PrevBeat:
    case Action::NextBeat:
    case Action::Faster:
    case Action::Slower:
    case Action::PresentBack:
    case Action::PresentBackToStart:
      return true;
    default:
      return false;
  }
}

}  // namespace

ViewerApp::ViewerApp(ViewerOptions options, Settings settings,
                     std::unique_ptr<text::GlyphAtlas> atlas, Scene scene, std::string scene_path,
                     double start_time)
    : options_(std::move(options)),
      settings_(std::move(settings)),
      automation_(!options_.screenshot.empty()),
      atlas_(std::move(atlas)),
      scene_(std::move(scene)),
      scene_path_(std::move(scene_path)),
      transport_(scene_.beats, scene_.duration) {
  transport_.seek(start_time);
  transport_.setHolds(holdBeats(scene_));
  // Automation and tests must not read or write the user's presets.
  presets_ = PresetStore(scene_.presets, automation_ ? std::filesystem::path()
                                                     : PresetStore::fileForScene(scene_path_));
  if (!presets_.load()) std::fprintf(stderr, "flowview: %s\n", presets_.error().c_str());
  shot_folder_ =
      settings_.screenshot_folder.empty() ? defaultScreenshotFolder() : settings_.screenshot_folder;
  show_ui_ = !options_.hide_ui;
  std::error_code ec;
  scene_mtime_ = std::filesystem::last_write_time(scene_path_, ec);
  windowed_w_ = automation_ ? 1280 : settings_.window_width;
  windowed_h_ = automation_ ? 720 : settings_.window_height;
  shot_size_choice_ = std::clamp(settings_.screenshot_size, 0, 4);
  shot_custom_w_ = settings_.screenshot_width;
  shot_custom_h_ = settings_.screenshot_height;
  shot_transparent_ = settings_.screenshot_transparent;
  show_hint_ = !automation_ && !settings_.hint_seen;
}

ViewerApp::~ViewerApp() {
  console_.reset();
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  // GL objects go while their context is still current.
  preview_target_.reset();
  frames_.reset();
  if (window_) glfwDestroyWindow(window_);
  if (glfw_ready_) glfwTerminate();
}

void ViewerApp::createWindow(const std::string& title, int samples) {
  glfwWindowHint(GLFW_SAMPLES, samples);
  window_ = glfwCreateWindow(windowed_w_, windowed_h_, title.c_str(), nullptr, nullptr);
  if (!window_ && samples > 0) {  // some drivers refuse multisampled windows
    glfwWindowHint(GLFW_SAMPLES, 0);
    window_ = glfwCreateWindow(windowed_w_, windowed_h_, title.c_str(), nullptr, nullptr);
  }
  if (!window_) {
    throw gl::NoContextError("cannot open an OpenGL 3.3 core window: " + lastGlfwError());
  }
  glfwMakeContextCurrent(window_);
  gl::loadGlFunctions(reinterpret_cast<gl::GetProcAddress>(glfwGetProcAddress), "GLFW window");
}

void ViewerApp::openWindow() {
  glfwSetErrorCallback(glfwErrorCallback);
  if (!glfwInit()) {
    throw gl::NoContextError("cannot open a window: " + lastGlfwError());
  }
  glfw_ready_ = true;
  setGlWindowHints();
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once the final window exists
  const std::string title = windowTitle(scene_.title, scene_path_);
  const int wanted_samples = options_.samples == 0 ? 4 : options_.samples;
  createWindow(title, wanted_samples > 1 ? wanted_samples : 0);
  if (options_.samples == 0 && wanted_samples > 1 && gl::isSoftwareRenderer()) {
    // On a CPU rasterizer multisampling nearly doubles a frame: the shaders anti-alias instead.
    glfwDestroyWindow(window_);
    window_ = nullptr;
    createWindow(title, 0);
  }
  glfwShowWindow(window_);
  // Automation never waits for the display.
  glfwSwapInterval(options_.vsync && settings_.vsync && !automation_ ? 1 : 0);

  // Ours first: ImGui's backend (install_callbacks = true) chains to them.
  glfwSetWindowUserPointer(window_, this);
  glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
    appOf(w)->onKey(key, scancode, action, mods);
  });
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int mods) {
    appOf(w)->onMouseButton(button, action, mods);
  });
  glfwSetCursorPosCallback(window_,
                           [](GLFWwindow* w, double x, double y) { appOf(w)->onCursorPos(x, y); });
  glfwSetScrollCallback(window_,
                        [](GLFWwindow* w, double dx, double dy) { appOf(w)->onScroll(dx, dy); });
  glfwGetCursorPos(window_, &last_x_, &last_y_);

  FrameRenderer::StillSettings screenshots;
  screenshots.samples = 4;
  screenshots.max_tile = 2048;  // a 7680x4320 multisampled shot does not need gigabytes at once
  screenshots.free_large_targets = true;
  frames_ = std::make_unique<FrameRenderer>(*atlas_, screenshots);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  imgui_ready_ = true;
  ImGuiIO& io = ImGui::GetIO();
  if (automation_) {
    io.IniFilename = nullptr;
  } else {
    ini_path_ = (configDirectory() / "imgui.ini").string();
    std::error_code ec;
    std::filesystem::create_directories(configDirectory(), ec);
    io.IniFilename = ini_path_.c_str();
  }
  ImGui::StyleColorsDark();
  ImGui::GetStyle().WindowRounding = 0.0f;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

int ViewerApp::run() {
  openWindow();
  sceneChanged();
  if (options_.present) setPresentation(true);
  if (options_.presenter_console) setPresenterConsole(true);
  double last = glfwGetTime();
  while (!glfwWindowShouldClose(window_)) {
    // Nothing moving: sleep until an event (or the hot-reload poll) instead of spinning.
    const bool idle = !automation_ && busy_frames_ <= 0 && !transport_.playing() &&
                      !camera_.gliding() && toast_left_ <= 0.0 && !palette_open_;
    if (idle) {
      glfwWaitEventsTimeout(0.25);
    } else {
      glfwPollEvents();
    }
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    if (glfwGetWindowAttrib(window_, GLFW_ICONIFIED) || fb_w <= 0 || fb_h <= 0) {
      glfwWaitEventsTimeout(0.1);
      last = glfwGetTime();
      events_.clear();
      continue;
    }
    const double now = glfwGetTime();
    // Clamp so a stall (window drag, breakpoint) does not jump the animation.
    double dt = std::clamp(now - last, 0.0, 0.25);
    last = now;
    if (automation_) dt = 0.0;  // the screenshot shows exactly the requested moment
    frame(dt);
    if (busy_frames_ > 0) --busy_frames_;
  }
  saveSettingsNow();
  return exit_code_;
}

void ViewerApp::frame(double dt) {
  pollSceneFile(dt);
  pollSentenceJob();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();

  int win_w = 0, win_h = 0, fb_w = 0, fb_h = 0;
  glfwGetWindowSize(window_, &win_w, &win_h);
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  layout(static_cast<float>(win_w), static_cast<float>(win_h));
  processInput();
  if (!scrubbing_) transport_.advance(dt);
  drawUi(dt);

  shown_camera_ = camera_.update(timelineCamera(scene_, transport_.time()), dt);
  FrameAdjustments adjustments;
  adjustments.temperature = temperature_;
  // With a model: softmax(logits / T), top-k, top-p (recomputed only when a slider moves).
  if (scene_.model && (temperature_ != 1.0 || top_k_ != 0 || top_p_ != 1.0))
    adjustments.next_token_probabilities = &nextTokenProbabilities();
  adjustments.camera = shown_camera_;  // the batcher sorts translucent faces from this eye
  drawArcTooltip(frames_->prepare(scene_, transport_.time(), adjustments));
  ImGui::Render();

  if (shot_requested_) {
    shot_requested_ = false;
    takeScreenshot();
  }
  renderScene(fb_w, fb_h);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  // Automation: type a sentence into the box (as Enter would) after the first frames.
  if (automation_ && automation_frames_ == 2 && !options_.type_sentence.empty()) {
    sentence_buffer_ = options_.type_sentence;
    applySentence(sentence_buffer_);
    if (sentence_job_) sentence_job_->waitIdle();  // the screenshot shows the answer
    pollSentenceJob();
    if (!sentence_error_.empty())
      std::fprintf(stderr, "flowview: %s\n", sentence_error_.c_str());
    else
      std::printf("sentence box: %d tokens, %s\n", scene_.model ? scene_.model->length() : 0,
                  scene_.model ? scene_.model->source.c_str() : "random");
  }
  const int shot_frame = kAutomationFrames + (options_.type_sentence.empty() ? 0 : 3);
  if (automation_ && ++automation_frames_ >= shot_frame) {
    Image image;
    readWindowPixels(fb_w, fb_h, image);
    try {
      writePngAtomically(options_.screenshot, image);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "flowview: %s\n", e.what());
      exit_code_ = 1;
    }
    glfwSetWindowShouldClose(window_, GLFW_TRUE);
  }
  glfwSwapBuffers(window_);
  updatePresenterConsole(automation_ && automation_frames_ == shot_frame);
}

void ViewerApp::renderScene(int fb_w, int fb_h) {
  clearWindow(fb_w, fb_h, kWindowBackground);
  int win_w = 1, win_h = 1;
  glfwGetWindowSize(window_, &win_w, &win_h);
  // Layout is in window coordinates; GL wants framebuffer pixels (they differ on HiDPI).
  const float sx = static_cast<float>(fb_w) / std::max(1, win_w);
  const float sy = static_cast<float>(fb_h) / std::max(1, win_h);
  const int x = static_cast<int>(view_.x * sx + 0.5f);
  const int w = std::max(1, static_cast<int>(view_.w * sx + 0.5f));
  const int h = std::max(1, static_cast<int>(view_.h * sy + 0.5f));
  const int top = static_cast<int>(view_.y * sy + 0.5f);
  // Level of detail and culling follow the 3D view's size in framebuffer pixels.
  frames_->draw(RenderTarget::windowRect(fb_h, x, top, w, h), FrameRenderer::Detail::Live);
}

void ViewerApp::onKey(int key, int, int action, int mods) {
  busy_frames_ = 3;
  if (action == GLFW_RELEASE) return;
  if (show_hint_) settings_.hint_seen = true;
  show_hint_ = false;
  events_.push_back({InputEvent::Type::Key, key, action, mods, 0, 0});
}

void ViewerApp::onMouseButton(int button, int action, int mods) {
  busy_frames_ = 3;
  double x = 0, y = 0;
  glfwGetCursorPos(window_, &x, &y);
  events_.push_back({InputEvent::Type::Button, button, action, mods, x, y});
}

void ViewerApp::onCursorPos(double x, double y) {
  busy_frames_ = 3;
  events_.push_back({InputEvent::Type::Move, 0, 0, 0, x, y});
}

void ViewerApp::onScroll(double dx, double dy) {
  busy_frames_ = 3;
  events_.push_back({InputEvent::Type::Scroll, 0, 0, 0, dx, dy});
}

void ViewerApp::processInput() {
  const ImGuiIO& io = ImGui::GetIO();
  for (const InputEvent& ev : events_) {
    switch (ev.type) {
      case InputEvent::Type::Key: {
        if (io.WantCaptureKeyboard) break;  // typing into a text field
        const KeyBinding* binding = findBinding(ev.key, ev.mods, transport_.presentation());
        if (!binding) break;
        // A typed beat number waits for Enter; any other key drops it.
        if (binding->action != Action::BeatDigit && binding->action != Action::JumpToTypedBeat)
          beat_input_.clear();
        if (ev.action == GLFW_REPEAT && !isRepeatable(binding->action)) break;
        handleAction(static_cast<int>(binding->action), binding->arg);
        break;
      }
      case InputEvent::Type::Button:
        if (ev.action == GLFW_PRESS) {
          const bool in_view = view_.contains(static_cast<float>(ev.x), static_cast<float>(ev.y));
          if (io.WantCaptureMouse || !in_view || drag_button_ >= 0) break;
          drag_button_ = ev.key;
          last_x_ = ev.x;
          last_y_ = ev.y;
          if (ev.key == GLFW_MOUSE_BUTTON_LEFT && ImGui::IsMouseDoubleClicked(0)) {
            camera_.focus(static_cast<float>(ev.x - view_.x), static_cast<float>(ev.y - view_.y),
                          view_.w, view_.h);
            drag_button_ = -1;  // the second click only focuses: jitter must not cancel the glide
          }
        } else if (ev.action == GLFW_RELEASE && ev.key == drag_button_) {
          drag_button_ = -1;
        }
        break;
      case InputEvent::Type::Move: {
        const float dx = static_cast<float>(ev.x - last_x_),
                    dy = static_cast<float>(ev.y - last_y_);
        last_x_ = ev.x;
        last_y_ = ev.y;
        if (dx == 0.0f && dy == 0.0f) break;  // no motion: must not take over the camera
        if (drag_button_ == GLFW_MOUSE_BUTTON_LEFT) {
          camera_.orbit(dx, dy);
        } else if (drag_button_ == GLFW_MOUSE_BUTTON_RIGHT ||
                   drag_button_ == GLFW_MOUSE_BUTTON_MIDDLE) {
          camera_.pan(dx, dy, view_.h);
        }
        break;
      }
      case InputEvent::Type::Scroll:
        // Some remotes scroll: in presentation the wheel never zooms the stage.
        if (io.WantCaptureMouse || transport_.presentation()) break;
        if (!view_.contains(static_cast<float>(last_x_), static_cast<float>(last_y_))) break;
        camera_.zoom(static_cast<float>(ev.y));
        break;
    }
  }
  events_.clear();
  // A release outside the window is never reported as an event.
  if (drag_button_ >= 0 && glfwGetMouseButton(window_, drag_button_) != GLFW_PRESS)
    drag_button_ = -1;
}

void ViewerApp::handleAction(int action_value, int arg) {
  switch (static_cast<Action>(action_value)) {
    case Action::TogglePlay:
      transport_.togglePlay();
      break;
    case Action::PrevBeat:
      transport_.stepPrev();
      break;
    case Action::NextBeat:
      transport_.stepNext();
      break;
    case Action::JumpToStart:
      transport_.jumpToStart();
      break;
    case Action::JumpToEnd:
      transport_.jumpToEnd();
      break;
    case Action::ToggleReverse:
      transport_.toggleReverse();
      toast(transport_.reverse() ? "Reverse" : "Forward");
      break;
    case Action::Faster:
    case Action::Slower: {
      if (static_cast<Action>(action_value) == Action::Faster) {
        transport_.faster();
      } else {
        transport_.slower();
      }
      char text[32];
      std::snprintf(text, sizeof text, "Speed %gx", transport_.speed());
      toast(text);
      break;
    }
    case Action::LoopBeat:
      transport_.toggleLoopBeat();
      toast(transport_.loopMode() == LoopMode::Off ? "Loop off" : "Looping this beat");
      break;
    case Action::ToggleFullscreen:
      setFullscreen(!fullscreen_);
      break;
    case Action::Screenshot:
      shot_requested_ = true;
      break;
    case Action::TogglePresentation:
      setPresentation(!transport_.presentation());
      break;
    case Action::GoToPreset:
      goToPreset(arg);
      break;
    case Action::TimelineCamera:
      camera_.glideToTimeline();
      break;
    case Action::ToggleHelp:
      show_help_ = !show_help_;
      break;
    case Action::ToggleUi:
      show_ui_ = !show_ui_;
      break;
    case Action::Escape:
      if (show_help_) {
        show_help_ = false;
      } else if (transport_.presentation()) {
        setPresentation(false);
      } else if (fullscreen_) {
        setFullscreen(false);
      }
      break;
    case Action::PresentNext:
      talk_clock_.startIfStopped(glfwGetTime());
      transport_.advancePresentation();
      break;
    case Action::PresentBack:
      transport_.backToPreviousEnd();
      break;
    case Action::PresentBackToStart:
      transport_.backToPreviousStart();
      break;
    case Action::PresentBackReverse:
      transport_.reversePlayBack();
      break;
    case Action::ToggleBeatCounter:
      show_beat_counter_ = !show_beat_counter_;
      break;
    case Action::TogglePresenterConsole:
      setPresenterConsole(!console_);
      break;
    case Action::StartPresentation:
      if (!transport_.presentation()) setPresentation(true);
      break;
    case Action::BlackScreen:
      black_stage_ = !black_stage_;
      break;
    case Action::BeatDigit:
      beat_input_.type(arg);
      break;
    case Action::JumpToTypedBeat:
      if (auto beat = beat_input_.take(transport_.beatCount())) goToBeat(*beat);
      break;
    case Action::BeatPalette:
      palette_open_ = true;
      palette_focus_ = true;
      palette_query_.clear();
      break;
    case Action::SwapScreens:
      screens_swapped_ = !screens_swapped_;
      placeWindows();
      break;
    case Action::Quit:
      glfwSetWindowShouldClose(window_, GLFW_TRUE);
      break;
  }
}

void ViewerApp::setPresenterConsole(bool on) {
  if (on == static_cast<bool>(console_)) return;
  if (!on) {
    console_.reset();
    return;
  }
  try {
    console_ = std::make_unique<PresenterConsole>(
        window_, text::locateFonts(options_.font).primary, this,
        [](GLFWwindow* w, int key, int scancode, int action, int mods) {
          appOf(w)->onKey(key, scancode, action, mods);
        });
  } catch (const std::exception& e) {
    toast(e.what(), true);
    return;
  }
  talk_clock_.reset();   // starts at the first advance
  preview_time_ = -2.0;  // render the preview on the next frame
  placeWindows();
}

void ViewerApp::placeWindows() {
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  const ScreenPlan plan = planScreens(monitors ? count : 0, screens_swapped_);
  if (fullscreen_ && monitors && plan.stage < count) {
    GLFWmonitor* stage = monitors[plan.stage];
    if (const GLFWvidmode* mode = glfwGetVideoMode(stage)) {
      glfwSetWindowMonitor(window_, stage, 0, 0, mode->width, mode->height, mode->refreshRate);
    }
  }
  if (console_ && monitors && plan.console >= 0 && plan.console < count) {
    console_->moveToMonitor(monitors[plan.console]);
  }
  busy_frames_ = 3;
}

void ViewerApp::goToBeat(int index) {
  transport_.jumpToShownBeat(index);
  busy_frames_ = 3;
}

void ViewerApp::sceneChanged() {
  transport_.setHolds(holdBeats(scene_));
  if (window_) glfwSetWindowTitle(window_, windowTitle(scene_.title, scene_path_).c_str());
}

void ViewerApp::updatePresenterConsole(bool capture) {
  if (!console_) return;
  if (console_->closeRequested()) {
    console_.reset();
    return;
  }
  if (console_->takeClockReset()) talk_clock_.reset();
  PresenterView view =
      describeForPresenter(scene_, transport_.time(), transport_.shownBeat(),
                           transport_.nextPresentedBeat(), talk_clock_.elapsed(glfwGetTime()));
  if (toast_left_ > 0.0 && toastPlace(transport_.presentation(), true) == ToastPlace::Console)
    view.toast = toast_text_;
  constexpr int kPreviewW = 480, kPreviewH = 270;
  if (view.next_end >= 0.0 &&
      (view.next_end != preview_time_ || temperature_ != preview_temperature_)) {
    // Where the next beat ends, drawn once per beat in this (the main) context with the same
    // adjustments as the live view but the timeline's camera; the console shows the texture,
    // which the two contexts share.
    if (!preview_target_)
      preview_target_ = std::make_unique<gl::OffscreenTarget>(kPreviewW, kPreviewH, 4);
    FrameAdjustments adjustments;
    adjustments.temperature = temperature_;
    frames_->prepare(scene_, view.next_end, adjustments);
    frames_->drawToTexture(*preview_target_, FrameRenderer::Detail::Live);
    preview_time_ = view.next_end;
    preview_temperature_ = temperature_;
  }
  Image image;
  console_->draw(view, preview_target_ ? preview_target_->resolvedTexture() : 0, kPreviewW,
                 kPreviewH, capture ? &image : nullptr);
  if (capture) {
    // Automation: next to the window's screenshot, "<name>-console.png".
    std::filesystem::path path(options_.screenshot);
    path.replace_filename(path.stem().string() + "-console" + path.extension().string());
    try {
      writePngAtomically(path.string(), image);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "flowview: %s\n", e.what());
      exit_code_ = 1;
    }
  }
}

void ViewerApp::setPresentation(bool on) {
  transport_.setPresentation(on);
  black_stage_ = false;
  beat_input_.clear();
  setFullscreen(on);
}

void ViewerApp::setFullscreen(bool on) {
  if (on == fullscreen_ || !window_) return;
  if (on) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) {
      toast("Fullscreen is not available here", true);
      return;
    }
    glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
    glfwGetWindowSize(window_, &windowed_w_, &windowed_h_);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    fullscreen_ = true;
    placeWindows();  // the stage's monitor when there are two
  } else {
    glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_w_, windowed_h_, 0);
  }
  fullscreen_ = on;
  busy_frames_ = 3;
}

void ViewerApp::takeScreenshot() {
  int fb_w = 0, fb_h = 0, win_w = 1, win_h = 1;
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  glfwGetWindowSize(window_, &win_w, &win_h);
  static constexpr int kSizes[][2] = {{0, 0}, {1920, 1080}, {3840, 2160}, {7680, 4320}};
  int w = 0, h = 0;
  if (shot_size_choice_ == 0) {  // the 3D view as it is on screen, in framebuffer pixels
    w = static_cast<int>(view_.w * fb_w / std::max(1, win_w) + 0.5f);
    h = static_cast<int>(view_.h * fb_h / std::max(1, win_h) + 0.5f);
  } else if (shot_size_choice_ >= 1 && shot_size_choice_ <= 3) {
    w = kSizes[shot_size_choice_][0];
    h = kSizes[shot_size_choice_][1];
  } else {
    w = shot_custom_w_;
    h = shot_custom_h_;
  }
  w = std::clamp(w, 16, 7680);
  h = std::clamp(h, 16, 4320);
  const std::string path = screenshotPath(shot_folder_, scene_path_, transport_.time());
  try {
    Image image;
    // A screenshot is a still of the frame on screen at its own size: level of detail and what
    // the blocks hide follow the image (the stills' stricter threshold), not the window.
    RenderOptions options;
    options.width = w;
    options.height = h;
    options.transparent = shot_transparent_;
    frames_->renderStill(options, image);
    writePngAtomically(path, image);
    toast("Saved " + path);
  } catch (const std::exception& e) {
    toast(std::string("Screenshot failed: ") + e.what(), true);
  }
}

void ViewerApp::toast(std::string text, bool error) {
  toast_text_ = std::move(text);
  toast_error_ = error;
  toast_left_ = error ? 6.0 : 2.5;
  if (error) std::fprintf(stderr, "flowview: %s\n", toast_text_.c_str());
}

void ViewerApp::pollSceneFile(double dt) {
  if (automation_) return;
  reload_poll_ += dt;
  if (reload_poll_ < 1.0) return;
  reload_poll_ = 0.0;
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(scene_path_, ec);
  if (ec || mtime == scene_mtime_) return;
  scene_mtime_ = mtime;
  reloadScene();
}

void ViewerApp::reloadScene() {
  try {
    // The model is the worker's while it reads a sentence; the sentence shown is read already.
    if (sentence_job_) sentence_job_->waitIdle();
    scenes::SceneInputs inputs = scene_inputs_;
    inputs.data = scene_.model;
    Scene fresh = scenes::loadSceneFile(scene_path_, *atlas_, inputs);
    scene_ = std::move(fresh);
    weighted_scene_ = nullptr;                              // the same address, new bars
    transport_.setTimeline(scene_.beats, scene_.duration);  // keeps the time position
    presets_.setScenePresets(scene_.presets);
    sceneChanged();
    preview_time_ = -2.0;  // the presenter console's preview shows the new scene
    reload_error_.clear();
    toast("Reloaded " + std::filesystem::path(scene_path_).filename().string());
  } catch (const std::exception& e) {
    // Keep showing the last good scene; the banner says why the new one was refused.
    reload_error_ = e.what();
  }
  busy_frames_ = 3;
}

void ViewerApp::goToPreset(int index) {
  const PresetEntry* entry = presets_.at(index);
  if (!entry) {
    toast("No camera preset " + std::to_string(index + 1));
    return;
  }
  camera_.glideTo(entry->camera);
  toast(std::to_string(index + 1) + ": " + entry->name);
}

std::filesystem::path settingsPath() {
  return configDirectory() / "settings.json";
}

void ViewerApp::saveSettingsNow() {
  if (automation_) return;
  if (window_ && !fullscreen_) glfwGetWindowSize(window_, &windowed_w_, &windowed_h_);
  settings_.window_width = windowed_w_;
  settings_.window_height = windowed_h_;
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(scene_path_, ec);
  settings_.last_scene = ec ? scene_path_ : absolute.string();
  settings_.screenshot_folder = shot_folder_;
  settings_.screenshot_size = shot_size_choice_;
  settings_.screenshot_width = shot_custom_w_;
  settings_.screenshot_height = shot_custom_h_;
  settings_.screenshot_transparent = shot_transparent_;
  try {
    saveSettings(settingsPath(), settings_);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "flowview: %s\n", e.what());
  }
}

}  // namespace flowview::viewer
