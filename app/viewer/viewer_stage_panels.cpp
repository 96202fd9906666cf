// The stage's own overlays (black-out, beat counter, the beat number being typed), the beat
// palette, the first-start hint and the Next-token panel. The logic is in beat_jump, stage_layout
// and next_token_display; this file only draws.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/scenes/next_tokens.h"
#include "viewer/next_token_display.h"
#include "viewer/viewer_app.h"

namespace flowview::viewer {

void ViewerApp::drawStageOverlays() {
  if (!transport_.presentation()) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  if (black_stage_) {
    draw->AddRectFilled({0.0f, 0.0f}, io.DisplaySize, IM_COL32(0, 0, 0, 255));
    return;
  }
  if (show_beat_counter_) {
    const std::string text = formatBeatNumber(transport_.shownBeat(), transport_.beatCount());
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText({io.DisplaySize.x - size.x - 14.0f, io.DisplaySize.y - size.y - 10.0f},
                  IM_COL32(160, 160, 160, 200), text.c_str());
  }
  if (!beat_input_.empty()) {
    const std::string text = "go to beat " + beat_input_.text() + "  (Enter)";
    draw->AddText({14.0f, io.DisplaySize.y - ImGui::GetTextLineHeight() - 10.0f},
                  IM_COL32(200, 200, 200, 220), text.c_str());
  }
}

void ViewerApp::drawPalette() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.15f}, ImGuiCond_Always,
                          {0.5f, 0.0f});
  ImGui::SetNextWindowSize({std::min(560.0f, io.DisplaySize.x - 20.0f), 0.0f});
  ImGui::SetNextWindowBgAlpha(0.95f);
  if (!ImGui::Begin("Go to beat (Enter: first match, Esc: close)", &palette_open_,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                        ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  if (palette_focus_) {
    ImGui::SetKeyboardFocusHere();
    palette_focus_ = false;
  }
  ImGui::SetNextItemWidth(-1.0f);
  const bool entered =
      ImGui::InputTextWithHint("##query", "beat number, name or section", &palette_query_,
                               ImGuiInputTextFlags_EnterReturnsTrue);
  const std::vector<int> matches = findBeats(scene_, palette_query_);
  if (entered) {
    if (!matches.empty()) goToBeat(matches.front());
    palette_open_ = false;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) palette_open_ = false;
  ImGui::BeginChild("##matches", {0.0f, std::min(320.0f, io.DisplaySize.y * 0.5f)});
  for (int beat : matches) {
    const Beat& b = scene_.beats[static_cast<size_t>(beat)];
    char label[320];
    std::snprintf(label, sizeof label, "%3d  %s  -  %s##m%d", beat + 1, b.section.c_str(),
                  b.name.c_str(), beat);
    if (ImGui::Selectable(label)) {
      goToBeat(beat);
      palette_open_ = false;
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

void ViewerApp::drawFirstStartHint() {
  ImGui::SetNextWindowPos({view_.x + view_.w * 0.5f, view_.y + view_.h * 0.5f}, ImGuiCond_Always,
                          {0.5f, 0.5f});
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("##hint", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::TextUnformatted("Space plays, F1 lists the keys, F5 presents.");
  ImGui::End();
}

const std::vector<double>& ViewerApp::nextTokenProbabilities() {
  if (weighted_temperature_ != temperature_ || weighted_scene_ != &scene_ ||
      weighted_probabilities_.size() != scene_.next_tokens.probabilities.size()) {
    weighted_probabilities_ =
        scenes::reweightByTemperature(scene_.next_tokens.probabilities, temperature_);
    weighted_temperature_ = temperature_;
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
  const std::string pending = nextTokenBarsPending(scene_, transport_.time());
  if (!pending.empty()) {
    ImGui::TextWrapped("%s", pending.c_str());
    return;
  }
  const std::vector<double>& p = nextTokenProbabilities();
  // The panel reads as shares of the candidates shown (greedy: 100% on the top one); the 3D bars
  // keep the model's probabilities, shares of the whole vocabulary.
  const std::vector<double> shares = sharesOfShown(p);
  double shown_mass = 0.0;
  for (double v : p) shown_mass += v;
  ImGui::TextDisabled("Share of these %zu candidates (%.1f%% of all)", p.size(),
                      100.0 * shown_mass);
  // The bars grow with the unembedding beat, as they do in 3D.
  const float reveal = static_cast<float>(scenes::nextTokenReveal(scene_, transport_.time()));
  const double top =
      shares.empty() ? 1.0 : std::max(1e-9, *std::max_element(shares.begin(), shares.end()));
  const float bar_width = ImGui::GetContentRegionAvail().x - 150.0f;
  for (size_t i = 0; i < shares.size(); ++i) {
    ImGui::TextUnformatted(scene_.next_tokens.tokens[i].c_str());
    ImGui::SameLine(90.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float length = std::max(1.0f, bar_width * static_cast<float>(shares[i] / top) * reveal);
    const float h = ImGui::GetTextLineHeight();
    const float hue =
        shares.size() > 1 ? static_cast<float>(i) / static_cast<float>(shares.size() - 1) : 0.0f;
    const ImU32 color = ImGui::GetColorU32(
        ImVec4(0.35f + 0.65f * hue, 0.77f + 0.23f * hue, 0.87f - 0.87f * hue, 0.85f));
    ImGui::GetWindowDrawList()->AddRectFilled({origin.x, origin.y + 2},
                                              {origin.x + length, origin.y + h - 2}, color);
    ImGui::Dummy({bar_width, h});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.2f%% of the whole distribution", 100.0 * p[i]);
    ImGui::SameLine();
    ImGui::Text("%6.2f%%", 100.0 * shares[i] * reveal);
  }
}

}  // namespace flowview::viewer
