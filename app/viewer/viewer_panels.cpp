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
#include "core/model/sampling.h"
#include "core/scenes/model_data.h"
#include "core/scenes/next_tokens.h"
#include "viewer/key_bindings.h"
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
  view_ = {0.0f, 0.0f, std::max(1.0f, width - side), std::max(1.0f, height - bottom)};
}

void ViewerApp::drawUi(double dt) {
  if (show_ui_ && !transport_.presentation()) {
    drawBottomBar();
    drawSidePanel();
  }
  if (show_help_) drawHelp();
  drawOverlays(dt);
}

void ViewerApp::drawBottomBar() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({0.0f, view_.h});
  ImGui::SetNextWindowSize({io.DisplaySize.x, io.DisplaySize.y - view_.h});
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
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Presentation mode (P), Esc leaves");
  ImGui::SameLine();
  const int beat = transport_.currentBeat();
  const std::string beat_name =
      beat < static_cast<int>(scene_.beats.size()) ? scene_.beats[beat].name : std::string();
  ImGui::Text("%7.2f / %.2f s   beat #%d of %d: %s", transport_.time(), transport_.duration(), beat,
              transport_.beatCount(), beat_name.c_str());
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
  const int current = transport_.currentBeat();
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
      ImGui::SetTooltip("%s\nbeat %d  (%s - %s)\nt = %s", beat.name.c_str(), beat.index,
                        formatTime(beat.start).c_str(), formatTime(beat.end).c_str(),
                        formatTime(t).c_str());
    }
  }
}

void ViewerApp::drawSidePanel() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({view_.w, 0.0f});
  ImGui::SetNextWindowSize({io.DisplaySize.x - view_.w, view_.h});
  ImGui::Begin("##side", nullptr, kFixedPanel);
  ImGui::TextWrapped("%s", scene_.title.empty() ? scene_path_.c_str() : scene_.title.c_str());
  ImGui::TextDisabled("%s", std::filesystem::path(scene_path_).filename().string().c_str());
  if (ImGui::CollapsingHeader("Beats", ImGuiTreeNodeFlags_DefaultOpen)) drawBeatList();
  if (ImGui::CollapsingHeader("Sentence", ImGuiTreeNodeFlags_DefaultOpen)) drawSentencePanel();
  if (scene_.model && ImGui::CollapsingHeader("Attention")) drawAttentionPanel();
  if (ImGui::CollapsingHeader("Camera", ImGuiTreeNodeFlags_DefaultOpen)) drawCameraPanel();
  if (!scene_.next_tokens.tokens.empty() &&
      ImGui::CollapsingHeader("Next token", ImGuiTreeNodeFlags_DefaultOpen)) {
    drawNextTokenPanel();
  }
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
  const int current = transport_.currentBeat();
  const float list_height = std::max(120.0f, view_.h * 0.38f);
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
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Loop beats %zu-%zu", i, last);
      ImGui::SameLine();
      ImGui::TextColored({0.6f, 0.85f, 1.0f, 1.0f}, "%s",
                         beat.section.empty() ? "(no section)" : beat.section.c_str());
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    char label[16];
    std::snprintf(label, sizeof label, "%d", beat.index);
    const bool is_current = static_cast<int>(i) == current;
    if (ImGui::Selectable(label, is_current, ImGuiSelectableFlags_SpanAllColumns)) {
      transport_.jumpToBeat(static_cast<int>(i));
    }
    if (ImGui::IsItemHovered() && !beat.notes.empty()) ImGui::SetTooltip("%s", beat.notes.c_str());
    if (is_current && transport_.playing()) ImGui::SetScrollHereY(0.5f);
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%6.2f", beat.start);
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(beat.name.c_str());
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
      std::string label = b.action == Action::GoToPreset ? "1-9" : b.label;
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
  const ImGuiIO& io = ImGui::GetIO();
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
  if (toast_left_ > 0.0) {
    toast_left_ -= dt;
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
  if (transport_.presentation() && show_beat_counter_) {
    // Paused on a boundary: the beats done so far; playing: the beat under way.
    int shown = 0;
    if (transport_.playing()) {
      shown = transport_.currentBeat() + 1;
    } else {
      for (const Beat& beat : scene_.beats) shown += beat.end <= transport_.time() + 1e-6 ? 1 : 0;
    }
    char text[48];
    std::snprintf(text, sizeof text, "%d / %d", shown, transport_.beatCount());
    const ImVec2 size = ImGui::CalcTextSize(text);
    ImGui::GetForegroundDrawList()->AddText(
        {io.DisplaySize.x - size.x - 14.0f, io.DisplaySize.y - size.y - 10.0f},
        IM_COL32(160, 160, 160, 200), text);
  }
  if (show_ui_ && !transport_.presentation() && camera_.mode() == CameraMode::Free) {
    ImGui::GetForegroundDrawList()->AddText({view_.x + 10.0f, view_.y + 8.0f},
                                            IM_COL32(200, 200, 200, 200),
                                            "Free camera - C glides back to the timeline camera");
  }
}

}  // namespace flowview::viewer

namespace flowview::viewer {

const std::vector<double>& ViewerApp::nextTokenProbabilities() {
  if (weighted_temperature_ != temperature_ || weighted_scene_ != &scene_ ||
      weighted_top_k_ != top_k_ || weighted_top_p_ != top_p_ ||
      weighted_probabilities_.size() != scene_.next_tokens.probabilities.size()) {
    if (scene_.model)  // the model's logits: softmax(l / T), then top-k and top-p
      weighted_probabilities_ = model::samplingProbabilities(
          scene_.model->logits, scene_.model->next_ids, {temperature_, top_k_, top_p_});
    else
      weighted_probabilities_ =
          scenes::reweightByTemperature(scene_.next_tokens.probabilities, temperature_);
    weighted_temperature_ = temperature_;
    weighted_top_k_ = top_k_;
    weighted_top_p_ = top_p_;
    weighted_scene_ = &scene_;
  }
  return weighted_probabilities_;
}

void ViewerApp::drawNextTokenPanel() {
  float temperature = static_cast<float>(temperature_);
  ImGui::SetNextItemWidth(-80.0f);
  if (ImGui::SliderFloat("Temperature", &temperature, 0.0f, 3.0f,
                         temperature <= 1e-3f ? "greedy" : "%.2f")) {
    temperature_ = temperature;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("p_i ~ p_i^(1/T); 0 is greedy. Re-weights the 3D bars too.");
  ImGui::SameLine();
  if (ImGui::SmallButton("1.0")) temperature_ = 1.0;
  if (scene_.model) {
    ImGui::SetNextItemWidth(-80.0f);
    ImGui::SliderInt("Top-k", &top_k_, 0, 50, top_k_ == 0 ? "all" : "%d");
    float top_p = static_cast<float>(top_p_);
    ImGui::SetNextItemWidth(-80.0f);
    if (ImGui::SliderFloat("Top-p", &top_p, 0.05f, 1.0f, "%.2f")) top_p_ = top_p;
  }
  const std::vector<double>& p = nextTokenProbabilities();
  // The bars grow with the unembedding beat, as they do in 3D.
  const float reveal = static_cast<float>(scenes::nextTokenReveal(scene_, transport_.time()));
  const double top = p.empty() ? 1.0 : std::max(1e-9, *std::max_element(p.begin(), p.end()));
  const float bar_width = ImGui::GetContentRegionAvail().x - 150.0f;
  for (size_t i = 0; i < p.size(); ++i) {
    ImGui::TextUnformatted(scene_.next_tokens.tokens[i].c_str());
    ImGui::SameLine(90.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float length = std::max(1.0f, bar_width * static_cast<float>(p[i] / top) * reveal);
    const float h = ImGui::GetTextLineHeight();
    const float hue =
        p.size() > 1 ? static_cast<float>(i) / static_cast<float>(p.size() - 1) : 0.0f;
    const ImU32 color = ImGui::GetColorU32(
        ImVec4(0.35f + 0.65f * hue, 0.77f + 0.23f * hue, 0.87f - 0.87f * hue, 0.85f));
    ImGui::GetWindowDrawList()->AddRectFilled({origin.x, origin.y + 2},
                                              {origin.x + length, origin.y + h - 2}, color);
    ImGui::Dummy({bar_width, h});
    ImGui::SameLine();
    ImGui::Text("%5.2f%%", 100.0 * p[i] * reveal);
  }
}

}  // namespace flowview::viewer
