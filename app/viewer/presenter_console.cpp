#include "viewer/presenter_console.h"

#define GLFW_INCLUDE_NONE  // glad provides the GL declarations
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "viewer/gl_window_hints.h"
#include "viewer/screenshot.h"

namespace flowview::viewer {
namespace {

// Makes a window's GL context and an ImGui context current for a scope, then puts back what was.
class ContextScope {
 public:
  ContextScope(GLFWwindow* window, ImGuiContext* imgui)
      : window_(glfwGetCurrentContext()), imgui_(ImGui::GetCurrentContext()) {
    glfwMakeContextCurrent(window);
    if (imgui) ImGui::SetCurrentContext(imgui);
  }
  ~ContextScope() {
    glfwMakeContextCurrent(window_);
    ImGui::SetCurrentContext(imgui_);
  }
  ContextScope(const ContextScope&) = delete;
  ContextScope& operator=(const ContextScope&) = delete;

 private:
  GLFWwindow* window_;
  ImGuiContext* imgui_;
};

const ImVec4 kDim{0.62f, 0.64f, 0.68f, 1.0f};
const ImVec4 kAccent{0.35f, 0.78f, 0.95f, 1.0f};

}  // namespace

PresenterConsole::PresenterConsole(GLFWwindow* main, const std::string& font_path,
                                   void* user_pointer, KeyCallback on_key) {
  setGlWindowHints();
  window_ = glfwCreateWindow(960, 600, "flowview - presenter console", nullptr, main);
  if (!window_) throw std::runtime_error("cannot open the presenter console window");
  glfwSetWindowUserPointer(window_, user_pointer);
  glfwSetKeyCallback(window_, on_key);

  ContextScope scope(window_, nullptr);
  glfwSwapInterval(0);              // the main window paces the frames
  imgui_ = ImGui::CreateContext();  // its own font atlas: read from across the room
  ImGui::SetCurrentContext(imgui_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  if (!font_path.empty()) {
    body_font_ = io.Fonts->AddFontFromFileTTF(font_path.c_str(), 26.0f);
    large_font_ = io.Fonts->AddFontFromFileTTF(font_path.c_str(), 52.0f);
  }
  if (!body_font_ || !large_font_) {  // unreadable font: ImGui's own, scaled
    io.Fonts->Clear();
    body_font_ = large_font_ = nullptr;
    io.FontGlobalScale = 1.6f;
  }
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window_, false);  // keys come through on_key
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

PresenterConsole::~PresenterConsole() {
  {
    ContextScope scope(window_, imgui_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
  ImGui::DestroyContext(imgui_);
  glfwDestroyWindow(window_);
}

bool PresenterConsole::closeRequested() const {
  return glfwWindowShouldClose(window_);
}

void PresenterConsole::moveToMonitor(GLFWmonitor* monitor) {
  int x = 0, y = 0, w = 0, h = 0;
  glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
  if (w <= 0 || h <= 0) return;
  glfwSetWindowPos(window_, x, y);
  glfwSetWindowSize(window_, w, h);
}

bool PresenterConsole::takeClockReset() {
  const bool reset = clock_reset_;
  clock_reset_ = false;
  return reset;
}

void PresenterConsole::draw(const PresenterView& view, unsigned preview_texture, int preview_width,
                            int preview_height, Image* capture) {
  ContextScope scope(window_, imgui_);
  int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  glfwGetWindowSize(window_, &win_w, &win_h);
  if (fb_w <= 0 || fb_h <= 0) return;  // minimized

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(static_cast<float>(win_w), static_cast<float>(win_h)));
  ImGui::Begin("presenter", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  const float width = ImGui::GetContentRegionAvail().x;

  if (body_font_) ImGui::PushFont(body_font_);
  // Top line: the clock (large), the beat counter and the playhead.
  if (large_font_) ImGui::PushFont(large_font_);
  ImGui::TextUnformatted(view.clock.c_str());
  if (large_font_) ImGui::PopFont();
  ImGui::SameLine();
  if (view.clock_running) {
    if (ImGui::SmallButton("Reset")) clock_reset_ = true;
  } else {
    ImGui::TextColored(kDim, "starts at the first click");
  }
  ImGui::SameLine(width * 0.45f);
  ImGui::Text("beat %s", view.number.c_str());
  ImGui::SameLine(width * 0.7f);
  ImGui::TextColored(kDim, "%s", view.position.c_str());
  ImGui::ProgressBar(static_cast<float>(view.beat_progress), ImVec2(-1.0f, 6.0f), "");
  if (!view.toast.empty()) ImGui::TextColored(kAccent, "%s", view.toast.c_str());
  ImGui::Separator();

  // Now: section, beat name and notes; next: name, notes and the preview.
  const float column = width * 0.5f;
  ImGui::BeginChild("now", ImVec2(column, 0), false);
  ImGui::TextColored(kDim, "NOW  %s", view.section.c_str());
  ImGui::TextColored(kAccent, "%s", view.current.c_str());
  ImGui::Spacing();
  ImGui::TextWrapped("%s", view.notes.empty() ? "(no notes)" : view.notes.c_str());
  if (view.notes_inherited) ImGui::TextColored(kDim, "(the section's notes)");
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("next", ImVec2(0, 0), false);
  if (view.next.empty()) {
    ImGui::TextColored(kDim, "NEXT");
    ImGui::TextWrapped("(end of the talk)");
  } else {
    ImGui::TextColored(kDim, "NEXT");
    ImGui::TextWrapped("%s", view.next.c_str());
    if (preview_texture != 0 && preview_width > 0 && preview_height > 0) {
      const float w = ImGui::GetContentRegionAvail().x;
      const float h = w * static_cast<float>(preview_height) / static_cast<float>(preview_width);
      // GL textures start at the bottom row: flip v.
      ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(preview_texture)),
                   ImVec2(w, h), ImVec2(0, 1), ImVec2(1, 0));
    }
    if (!view.next_notes.empty()) ImGui::TextWrapped("%s", view.next_notes.c_str());
  }
  ImGui::EndChild();
  if (body_font_) ImGui::PopFont();
  ImGui::End();
  ImGui::Render();

  clearWindow(fb_w, fb_h, kWindowBackground);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture) readWindowPixels(fb_w, fb_h, *capture);
  glfwSwapBuffers(window_);
}

}  // namespace flowview::viewer
