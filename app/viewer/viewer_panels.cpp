// The viewer's Dear ImGui panels, laid out by hand around the 3D view (ImGui 1.86 has no
// docking): the side panel on the right (beats, camera, screenshot, display), the transport bar
// and timeline scrubber along the bottom, and overlays (help, toasts, reload errors).
#define GLFW_INCLUDE_NONE  // glad provides the GL declarations
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/camera/camera.h"
#include "core/scenes/next_tokens.h"
#include "viewer/key_bindings.h"
#include "viewer/next_token_display.h"
#include "viewer/stage_layout.h"
#include "viewer/viewer_app.h"

namespace flowview::viewer {
namespace {

constexpr float kSidePanelWidth = 330.0f;
constexpr float kBottomBarHeight = 84.0f;
constexpr ImGuiWindowFlags kFixedPanel = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;
constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_AlwaysAutoResize |
                                      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

std::string formatTime(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", t);
  return text;
}

}  // namespace

void ViewerApp::layout(float width, float height) {
  const bool ui = show_ui_ && !transport_.presentation();
  const float side = ui ? std::min(kSidePanelWidth, width * 0.45f) : 0.0f;
  const float bottom = ui ? std::min(kBottomBarHeight, height * 0.4f) : 0.0f;
  // The scene's 16:9 frame, letterboxed: the panels never crop what the audience sees.
  const StageRect stage = letterbox(
      {0.0f, 0.0f, std::max(1.0f, width - side), std::max(1.0f, height - bottom)}, kStageAspect);
  view_ = {stage.x, stage.y, std::max(1.0f, stage.w), std::max(1.0f, stage.h)};
  panel_left_ = std::max(1.0f, width - side);
  panel_top_ = std::max(1.0f, height - bottom);
}

void ViewerApp::drawUi(double dt) {
  if (show_ui_ && !transport_.presentation()) {
    drawBottomBar();
    drawSidePanel();
  }
  if (show_help_) drawHelp();
  if (palette_open_) drawPalette();
  drawOverlays(dt);
  drawStageOverlays();
  if (show_hint_) drawFirstStartHint();
}

void ViewerApp::drawBottomBar() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({0.0f, panel_top_});
  ImGui::SetNextWindowSize({io.DisplaySize.x, io.DisplaySize.y - panel_top_});
  ImGui::Begin("##transport", nullptr, kFixedPanel | ImGuiWindowFlags_NoScrollbar);
  if (ImGui::Button("|<")) transport_.jumpToStart();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start (Home)");
  ImGui::SameLine();
  if (ImGui::Button("<")) transport_.stepPrev();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous beat (Left)");
  ImGui::SameLine();
  if (ImGui::Button(transport_.playing() ? "Pause" : "Play", {54.0f, 0.0f}))
    transport_.togglePlay();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button(">")) transport_.stepNext();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next beat (Right)");
  ImGui::SameLine();
  if (ImGui::Button(">|")) transport_.jumpToEnd();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("End (End)");
  ImGui::SameLine();
  bool reverse = transport_.reverse();
  if (ImGui::Checkbox("Reverse", &reverse)) transport_.setReverse(reverse);
  ImGui::SameLine();
  float speed = static_cast<float>(transport_.speed());
  ImGui::SetNextItemWidth(110.0f);
  if (ImGui::SliderFloat("##speed", &speed, Transport::kMinSpeed, Transport::kMaxSpeed, "%.2fx",
                         ImGuiSliderFlags_Logarithmic)) {
    transport_.setSpeed(speed);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Speed (+ / -)");
  ImGui::SameLine();
  float reverse_speed = static_cast<float>(transport_.reverseSpeed());
  ImGui::SetNextItemWidth(90.0f);
  if (ImGui::SliderFloat("##reverse_speed", &reverse_speed, Transport::kMinSpeed,
                         Transport::kMaxSpeed, "back %.2fx", ImGuiSliderFlags_Logarithmic)) {
    transport_.setReverseSpeed(reverse_speed);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Reverse speed: presentation's Backspace / Ctrl+Left plays a beat back");
  ImGui::SameLine();
  bool loop_beat = transport_.loopMode() != LoopMode::Off;
  if (ImGui::Checkbox("Loop", &loop_beat)) {
    if (loop_beat) {
      transport_.toggleLoopBeat();
    } else {
      transport_.clearLoop();
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Loop the current beat (L); sections: Beats panel");
  ImGui::SameLine();
  if (ImGui::Button("Present")) setPresentation(true);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Presentation mode (F5 or P), Esc leaves");
  ImGui::SameLine();
  const int beat = transport_.shownBeat();
  const std::string beat_name =
      beat < static_cast<int>(scene_.beats.size()) ? scene_.beats[beat].name : std::string();
  ImGui::Text("%7.2f / %.2f s   beat %s: %s", transport_.time(), transport_.duration(),
              formatBeatNumber(beat, transport_.beatCount()).c_str(), beat_name.c_str());
  drawScrubber(ImGui::GetContentRegionAvail().x);
  ImGui::End();
}

void ViewerApp::drawScrubber(float width) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float height = std::max(24.0f, ImGui::GetContentRegionAvail().y);
  width = std::max(width, 10.0f);
  ImGui::InvisibleButton("##scrubber", {width, height});
  const bool hovered = ImGui::IsItemHovered();
  const double duration = std::max(1e-9, transport_.duration());
  auto timeAt = [&](float x) { return std::clamp((x - p.x) / width, 0.0f, 1.0f) * duration; };
  auto xAt = [&](double t) { return p.x + static_cast<float>(t / duration) * width; };
  // Dragging seeks every frame, so the 3D view follows the mouse.
  scrubbing_ = ImGui::IsItemActive();
  if (scrubbing_) transport_.seek(timeAt(io.MousePos.x));

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float label_h = ImGui::GetTextLineHeight();
  draw->AddRectFilled(p, {p.x + width, p.y + height}, IM_COL32(30, 30, 34, 255));
  // Section bands with their names (clipped to the band).
  size_t i = 0;
  int band = 0;
  while (i < scene_.beats.size()) {
    size_t j = i;
    while (j + 1 < scene_.beats.size() && scene_.beats[j + 1].section == scene_.beats[i].section)
      ++j;
    const float x0 = xAt(scene_.beats[i].start), x1 = xAt(scene_.beats[j].end);
    draw->AddRectFilled({x0, p.y}, {x1, p.y + label_h + 2},
                        band % 2 ? IM_COL32(52, 56, 66, 255) : IM_COL32(40, 43, 52, 255));
    draw->PushClipRect({x0, p.y}, {x1 - 2, p.y + height}, true);
    draw->AddText({x0 + 3, p.y + 1}, IM_COL32(190, 190, 190, 255), scene_.beats[i].section.c_str());
    draw->PopClipRect();
    i = j + 1;
    ++band;
  }
  const float track_y = p.y + label_h + 4;
  if (transport_.loopMode() != LoopMode::Off) {
    draw->AddRectFilled({xAt(transport_.loopStart()), track_y},
                        {xAt(transport_.loopEnd()), p.y + height}, IM_COL32(255, 255, 0, 45));
  }
  draw->AddRectFilled({p.x, track_y + 4}, {xAt(transport_.time()), p.y + height - 4},
                      IM_COL32(41, 171, 202, 150));
  const int current = transport_.shownBeat();
  for (const Beat& beat : scene_.beats) {
    const float x = std::floor(xAt(beat.start)) + 0.5f;
    draw->AddLine(
        {x, track_y}, {x, p.y + height},
        beat.index == current ? IM_COL32(255, 255, 0, 255) : IM_COL32(150, 150, 150, 200));
  }
  const float px = xAt(transport_.time());
  draw->AddLine({px, p.y}, {px, p.y + height}, IM_COL32(255, 255, 255, 255), 2.0f);
  draw->AddTriangleFilled({px - 5, p.y}, {px + 5, p.y}, {px, p.y + 6},
                          IM_COL32(255, 255, 255, 255));
  if (hovered || scrubbing_) {
    const double t = timeAt(io.MousePos.x);
    const int b = transport_.beatAt(t);
    if (b < static_cast<int>(scene_.beats.size())) {
      const Beat& beat = scene_.beats[b];
      ImGui::SetTooltip("%s\nbeat %d  (%s - %s)\nt = %s", beat.name.c_str(), beat.index + 1,
                        formatTime(beat.start).c_str(), formatTime(beat.end).c_str(),
                        formatTime(t).c_str());
    }
  }
}

void ViewerApp::drawSidePanel() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({panel_left_, 0.0f});
  ImGui::SetNextWindowSize({io.DisplaySize.x - panel_left_, panel_top_});
  ImGui::Begin("##side", nullptr, kFixedPanel);
  ImGui::TextWrapped("%s", scene_.title.empty() ? scene_path_.c_str() : scene_.title.c_str());
  ImGui::TextDisabled("%s", std::filesystem::path(scene_path_).filename().string().c_str());
  if (ImGui::CollapsingHeader("Beats", ImGuiTreeNodeFlags_DefaultOpen)) drawBeatList();
  if (std::optional<Scene> rebuilt = attention_panel_.draw(scene_, *atlas_)) {
    scene_ = std::move(*rebuilt);  // between frames, as a hot reload
    transport_.setTimeline(scene_.beats, scene_.duration);
    presets_.setScenePresets(scene_.presets);
    sceneChanged();
    preview_time_ = -2.0;
    busy_frames_ = 3;
  }
  // Next token before Camera: visible without scrolling on a 720-pixel window.
  if (!scene_.next_tokens.tokens.empty() &&
      ImGui::CollapsingHeader("Next token", ImGuiTreeNodeFlags_DefaultOpen)) {
    drawNextTokenPanel();
  }
  if (ImGui::CollapsingHeader("Camera")) drawCameraPanel();
  if (ImGui::CollapsingHeader("Screenshot")) drawScreenshotPanel();
  if (ImGui::CollapsingHeader("Display")) {
    bool vsync = settings_.vsync;
    if (ImGui::Checkbox("Vsync", &vsync)) {
      settings_.vsync = vsync;
      glfwSwapInterval(vsync ? 1 : 0);
    }
    if (ImGui::Button("Fullscreen (F11)")) setFullscreen(!fullscreen_);
    ImGui::SameLine();
    if (ImGui::Button("Help (F1)")) show_help_ = !show_help_;
    ImGui::Text("%.0f fps", io.Framerate);
  }
  ImGui::End();
}

void ViewerApp::drawBeatList() {
  const int current = transport_.shownBeat();
  const float list_height = std::max(120.0f, panel_top_ * 0.32f);
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("beats", 3, flags, {0.0f, list_height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#");
  ImGui::TableSetupColumn("start");
  ImGui::TableSetupColumn("beat", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  static const std::string kNoSection;
  const std::string* section = nullptr;
  for (size_t i = 0; i < scene_.beats.size(); ++i) {
    const Beat& beat = scene_.beats[i];
    ImGui::PushID(static_cast<int>(i));
    if (!section || *section != beat.section) {
      section = &beat.section;
      // Section header row with a button looping the whole section.
      size_t last = i;
      while (last + 1 < scene_.beats.size() && scene_.beats[last + 1].section == beat.section)
        ++last;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(2);
      if (ImGui::SmallButton("loop"))
        transport_.loopBeats(static_cast<int>(i), static_cast<int>(last));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Loop beats %zu-%zu", i + 1, last + 1);
      ImGui::SameLine();
      ImGui::TextColored({0.6f, 0.85f, 1.0f, 1.0f}, "%s",
                         beat.section.empty() ? "(no section)" : beat.section.c_str());
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    char label[16];
    std::snprintf(label, sizeof label, "%d", beat.index + 1);
    const bool is_current = static_cast<int>(i) == current;
    if (ImGui::Selectable(label, is_current, ImGuiSelectableFlags_SpanAllColumns)) {
      goToBeat(static_cast<int>(i));
    }
    if (ImGui::IsItemHovered()) {
      const std::string& notes = notesForBeat(scene_, static_cast<int>(i));
      ImGui::SetTooltip("%s%s%s", beat.name.c_str(), notes.empty() ? "" : "\n\n", notes.c_str());
    }
    if (is_current && transport_.playing()) ImGui::SetScrollHereY(0.5f);
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%6.2f", beat.start);
    ImGui::TableSetColumnIndex(2);
    ImGui::TextWrapped("%s", beat.name.c_str());  // whole names, never cut off
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void ViewerApp::drawCameraPanel() {
  const bool free = camera_.mode() == CameraMode::Free;
  ImGui::Text("%s", camera_.gliding() ? "Gliding..."
                    : free            ? "Free camera"
                                      : "Following the timeline");
  ImGui::SameLine();
  ImGui::BeginDisabled(!free && !camera_.gliding());
  if (ImGui::SmallButton("Timeline camera (C)")) camera_.glideToTimeline();
  ImGui::EndDisabled();

  // Current numbers; editing them moves the free camera.
  EulerDegrees e = shown_camera_.euler();
  float euler[3] = {e.theta, e.phi, e.gamma};
  float center[3] = {shown_camera_.center.x, shown_camera_.center.y, shown_camera_.center.z};
  float height = shown_camera_.height;
  bool edited = ImGui::DragFloat3("euler", euler, 0.25f, -360.0f, 360.0f, "%.2f");
  edited |= ImGui::DragFloat3("center", center, 0.02f, 0.0f, 0.0f, "%.2f");
  edited |= ImGui::DragFloat("height", &height, 0.05f, CameraController::kMinHeight,
                             CameraController::kMaxHeight, "%.2f");
  if (edited) {
    camera_.setFree(Camera::fromEuler({euler[0], euler[1], euler[2]},
                                      {center[0], center[1], center[2]},
                                      std::max(height, CameraController::kMinHeight)));
  }
  if (ImGui::Button("Copy reorient()")) {
    ImGui::SetClipboardText(reorientString(shown_camera_).c_str());
    toast("Copied " + reorientString(shown_camera_));
  }
  ImGui::SameLine();
  if (ImGui::Button("Copy JSON")) {
    ImGui::SetClipboardText(cameraToJson(shown_camera_).c_str());
    toast("Copied camera JSON");
  }
  ImGui::SameLine();
  if (ImGui::Button("Paste JSON")) {
    const char* text = ImGui::GetClipboardText();
    std::string error;
    if (auto camera = cameraFromJson(text ? text : "", &error)) {
      camera_.glideTo(*camera);
    } else {
      toast("Clipboard: " + error, true);
    }
  }

  ImGui::Separator();
  ImGui::TextDisabled("Presets (1-9 glide to them)");
  for (int i = 0; i < presets_.size(); ++i) {
    const PresetEntry& entry = presets_.entries()[i];
    char label[160];
    std::snprintf(label, sizeof label, "%s %s%s##preset%d",
                  i < 9 ? std::to_string(i + 1).c_str() : " ", entry.name.c_str(),
                  entry.user ? "  (yours)" : "", i);
    if (ImGui::Selectable(label, selected_preset_ == i)) {
      selected_preset_ = i;
      rename_buffer_ = entry.name;
      goToPreset(i);
    }
  }
  ImGui::SetNextItemWidth(150.0f);
  const std::string hint = presets_.freshName();
  ImGui::InputTextWithHint("##newpreset", hint.c_str(), &new_preset_name_);
  ImGui::SameLine();
  if (ImGui::Button("Save view")) {
    const std::string name = new_preset_name_.empty() ? hint : new_preset_name_;
    if (presets_.save(name, shown_camera_)) {
      toast("Saved preset " + name);
      new_preset_name_.clear();
    } else {
      toast(presets_.error(), true);
    }
  }
  const PresetEntry* selected = presets_.at(selected_preset_);
  if (selected && selected->user) {
    ImGui::SetNextItemWidth(150.0f);
    ImGui::InputText("##rename", &rename_buffer_);
    ImGui::SameLine();
    if (ImGui::Button("Rename") && !presets_.rename(selected_preset_, rename_buffer_)) {
      toast(presets_.error(), true);
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
      if (!presets_.remove(selected_preset_)) toast(presets_.error(), true);
      selected_preset_ = -1;
    }
  }
  if (!presets_.error().empty()) {
    ImGui::PushTextWrapPos();
    ImGui::TextColored({1.0f, 0.45f, 0.4f, 1.0f}, "%s", presets_.error().c_str());
    ImGui::PopTextWrapPos();
  }
}

void ViewerApp::drawScreenshotPanel() {
  const char* sizes[] = {"3D view size", "1920 x 1080", "3840 x 2160 (4K)", "7680 x 4320 (8K)",
                         "Custom"};
  ImGui::Combo("size", &shot_size_choice_, sizes, IM_ARRAYSIZE(sizes));
  if (shot_size_choice_ == 4) {
    ImGui::InputInt("width", &shot_custom_w_, 16, 256);
    ImGui::InputInt("height", &shot_custom_h_, 16, 256);
    shot_custom_w_ = std::clamp(shot_custom_w_, 16, 7680);
    shot_custom_h_ = std::clamp(shot_custom_h_, 16, 4320);
  }
  ImGui::Checkbox("Transparent background", &shot_transparent_);
  ImGui::InputText("folder", &shot_folder_);
  ImGui::PushTextWrapPos();
  ImGui::TextDisabled("%s", shot_folder_.c_str());  // the whole path, however long
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Take screenshot (S)")) shot_requested_ = true;
}

void ViewerApp::drawHelp() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f}, ImGuiCond_Always,
                          {0.5f, 0.5f});
  ImGui::SetNextWindowBgAlpha(0.92f);
  if (!ImGui::Begin("Keys and mouse (F1 / ? / Esc to close)", &show_help_,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                        ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  // One row per description, every key that does it: straight from the bindings table.
  auto section = [&](const char* title, bool presentation) {
    ImGui::TextColored({0.6f, 0.85f, 1.0f, 1.0f}, "%s", title);
    std::vector<std::pair<std::string, std::string>> rows;
    for (const KeyBinding& b : keyBindings()) {
      const bool wanted = presentation ? b.context == KeyContext::Presentation
                                       : b.context != KeyContext::Presentation;
      if (!wanted) continue;
      std::string description =
          b.action == Action::GoToPreset ? "Glide to camera preset 1-9" : b.description;
      std::string label = b.action == Action::GoToPreset  ? "1-9"
                          : b.action == Action::BeatDigit ? "0-9"
                                                          : b.label;
      auto it = std::find_if(rows.begin(), rows.end(),
                             [&](const auto& r) { return r.second == description; });
      if (it == rows.end()) {
        rows.emplace_back(label, description);
      } else if (it->first.find(label) == std::string::npos) {
        it->first += " / " + label;
      }
    }
    if (ImGui::BeginTable(title, 2, ImGuiTableFlags_SizingFixedFit)) {
      for (const auto& [keys, description] : rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(keys.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(description.c_str());
      }
      ImGui::EndTable();
    }
  };
  section("Keys", false);
  ImGui::Spacing();
  section("In presentation mode", true);
  ImGui::Spacing();
  ImGui::TextColored({0.6f, 0.85f, 1.0f, 1.0f}, "Mouse (in the 3D view)");
  ImGui::TextUnformatted("Left drag: orbit   Right / middle drag: pan   Wheel: zoom");
  ImGui::TextUnformatted("Double-click: focus on that point   Any of these: free camera (C: back)");
  ImGui::End();
}

void ViewerApp::drawOverlays(double dt) {
  if (!reload_error_.empty()) {
    ImGui::SetNextWindowPos({view_.x + 8.0f, view_.y + 8.0f});
    ImGui::SetNextWindowSizeConstraints({0, 0}, {view_.w - 16.0f, 200.0f});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(150, 20, 20, 235));
    ImGui::Begin("##reload_error", nullptr, kOverlay);
    ImGui::PushTextWrapPos(view_.w - 32.0f);
    ImGui::Text("Scene file not reloaded, showing the last good version:\n%s",
                reload_error_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::PopStyleColor();
  }
  if (toast_left_ > 0.0) toast_left_ -= dt;
  // Operator messages stay off the audience's screen (the console shows them).
  if (toast_left_ > 0.0 &&
      toastPlace(transport_.presentation(), console_ != nullptr) == ToastPlace::Stage) {
    ImGui::SetNextWindowPos({view_.x + view_.w * 0.5f, view_.y + view_.h - 16.0f}, ImGuiCond_Always,
                            {0.5f, 1.0f});
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("##toast", nullptr, kOverlay);
    if (toast_error_) {
      ImGui::TextColored({1.0f, 0.5f, 0.45f, 1.0f}, "%s", toast_text_.c_str());
    } else {
      ImGui::TextUnformatted(toast_text_.c_str());
    }
    ImGui::End();
  }
  if (show_ui_ && !transport_.presentation() && camera_.mode() == CameraMode::Free) {
    ImGui::GetForegroundDrawList()->AddText({view_.x + 10.0f, view_.y + 8.0f},
                                            IM_COL32(200, 200, 200, 200),
                                            "Free camera - C glides back to the timeline camera");
  }
}

}  // namespace flowview::viewer
