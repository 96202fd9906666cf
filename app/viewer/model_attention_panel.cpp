// The attention panel: the model's T x T pattern for any layer and head (or the mean over
// heads) as a heatmap with the tokens on both axes; clicking a cell names the two tokens and the
// weight. Hovering an arc in the 3D view names its tokens and weight (frame/arc_picking.h).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/frame/arc_picking.h"
#include "core/scene/frame_state.h"
#include "core/scenes/model_data.h"
#include "core/scenes/scene_model.h"
#include "viewer/viewer_app.h"

namespace flowview::viewer {

void ViewerApp::drawArcTooltip(const FrameState& state) {
  if (!scene_.model || scene_.attention_arcs.empty() || ImGui::GetIO().WantCaptureMouse) return;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (!view_.contains(mouse.x, mouse.y)) return;
  const auto picked = pickAttentionArc(scene_, state, state.camera, view_.w, view_.h,
                                       {mouse.x - view_.x, mouse.y - view_.y});
  if (!picked) return;
  const AttentionArc& arc = scene_.attention_arcs[static_cast<size_t>(*picked)];
  const scenes::ModelData& data = *scene_.model;
  auto token = [&](int i) {
    return i >= 0 && i < data.length() ? scenes::displayableToken(data.tokens[size_t(i)])
                                       : std::string("?");
  };
  char head[16] = "mean of heads";
  if (arc.head >= 0) std::snprintf(head, sizeof head, "head %d", arc.head);
  ImGui::SetTooltip("from \"%s\" to \"%s\": %.3f\nlayer %d, %s", token(arc.from).c_str(),
                    token(arc.to).c_str(), arc.weight, arc.layer, head);
}

void ViewerApp::drawAttentionPanel() {
  const scenes::ModelData& data = *scene_.model;
  ImGui::SetNextItemWidth(-80.0f);
  ImGui::SliderInt("Layer", &attention_layer_, 0, data.n_layer - 1);
  ImGui::SetNextItemWidth(-80.0f);
  ImGui::SliderInt("Head", &attention_head_, -1, data.n_head - 1,
                   attention_head_ < 0 ? "mean" : "%d");
  const int t = data.length();
  if (t == 0) return;
  const std::vector<float> pattern = data.pattern(attention_layer_, attention_head_);
  const float label_w = 70.0f;
  const float cell = std::clamp((ImGui::GetContentRegionAvail().x - label_w) / t, 4.0f, 24.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float text_h = ImGui::GetTextLineHeight();
  // Rows: queries (later tokens), columns: keys. Row labels on the left, column labels as the
  // tooltip and the picked cell's line (no room for rotated text).
  for (int q = 0; q < t; ++q) {
    const std::string label = scenes::displayableToken(data.tokens[q]);
    draw->AddText({origin.x, origin.y + q * cell + (cell - text_h) / 2},
                  ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    for (int k = 0; k < t; ++k) {
      const float w = pattern[static_cast<size_t>(q) * t + k];
      const ImVec2 a(origin.x + label_w + k * cell, origin.y + q * cell);
      const ImVec2 b(a.x + cell - 1, a.y + cell - 1);
      draw->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.2f, k > q ? 0.03f : w)));
      if (q == picked_query_ && k == picked_key_)
        draw->AddRect(a, b, ImGui::GetColorU32(ImVec4(1, 1, 1, 1)));
    }
  }
  ImGui::SetCursorScreenPos({origin.x + label_w, origin.y});
  ImGui::InvisibleButton("##heatmap", {cell * t, cell * t});
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const int k = static_cast<int>((mouse.x - origin.x - label_w) / cell);
  const int q = static_cast<int>((mouse.y - origin.y) / cell);
  const bool inside = k >= 0 && q >= 0 && k < t && q < t;
  if (ImGui::IsItemHovered() && inside)
    ImGui::SetTooltip("%s -> %s: %.3f", scenes::displayableToken(data.tokens[k]).c_str(),
                      scenes::displayableToken(data.tokens[q]).c_str(),
                      pattern[static_cast<size_t>(q) * t + k]);
  if (ImGui::IsItemClicked() && inside) {
    picked_query_ = q;
    picked_key_ = k;
  }
  if (picked_query_ >= 0 && picked_query_ < t && picked_key_ < t) {
    ImGui::TextWrapped("\"%s\" attends to \"%s\": %.3f",
                       scenes::displayableToken(data.tokens[picked_query_]).c_str(),
                       scenes::displayableToken(data.tokens[picked_key_]).c_str(),
                       pattern[static_cast<size_t>(picked_query_) * t + picked_key_]);
  } else {
    ImGui::TextDisabled("Rows attend to columns (earlier tokens); click a cell.");
  }
}

}  // namespace flowview::viewer
