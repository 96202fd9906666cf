#include "viewer/attention_panel.h"

#include <imgui.h>

namespace flowview::viewer {

std::optional<Scene> AttentionPanel::draw(const Scene& scene, text::GlyphAtlas& atlas) {
  if (!scenes::isAttentionMathScene(scene)) return std::nullopt;
  if (!ImGui::CollapsingHeader("Attention math", ImGuiTreeNodeFlags_DefaultOpen))
    return std::nullopt;
  float gain = static_cast<float>(params_.gain);
  bool changed = false;
  // Applied on release: each change rebuilds the whole scene.
  ImGui::SliderFloat("Gain", &gain, 0.0f, 8.0f, "%.2f");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    params_.gain = gain;
    changed = true;
  } else if (ImGui::IsItemActive()) {
    params_.gain = gain;  // shown while dragging, applied on release
  }
  if (ImGui::Checkbox("Causal mask", &params_.causal)) changed = true;
  ImGui::TextDisabled("Recomputes the scores' softmax, the weights and the output (beats 8-10).");
  if (ImGui::Button("Reset")) {
    params_.gain = 1.0;
    params_.causal = true;
    changed = true;
  }
  if (!changed) return std::nullopt;
  return scenes::buildAttentionMathScene(atlas, scene.title, params_);
}

}  // namespace flowview::viewer
