// The sentence box: type or paste a sentence, see its GPT-2 tokens, press Enter to rebuild the
// scene for it at the same time (the model runs once per sentence, never per frame). Also the
// line saying where the numbers come from.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <chrono>
#include <cstdio>

#include "core/model/model.h"
#include "core/scenes/model_data.h"
#include "core/scenes/scene_file.h"
#include "viewer/viewer_app.h"

namespace flowview::viewer {
namespace {

std::vector<std::string> splitWordsForPreview(const std::string& text) {
  std::vector<std::string> pieces;
  std::string current;
  for (char c : text) {
    if (c == ' ' && !current.empty()) pieces.push_back(std::move(current)), current.clear();
    current += c;
  }
  if (!current.empty()) pieces.push_back(current);
  return pieces;
}

}  // namespace

void ViewerApp::setSceneInputs(scenes::SceneInputs inputs) {
  scene_inputs_ = std::move(inputs);
  sentence_buffer_ = scene_inputs_.text.value_or("");
}

void ViewerApp::applySentence(std::optional<std::string> sentence) {
  scenes::SceneInputs inputs = scene_inputs_;
  inputs.text = sentence;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    Scene fresh = scenes::loadSceneFile(scene_path_, *atlas_, inputs);
    rebuild_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    scene_ = std::move(fresh);
    scene_inputs_ = std::move(inputs);
    transport_.setTimeline(scene_.beats, scene_.duration);  // keeps the time position
    presets_.setScenePresets(scene_.presets);
    preview_time_ = -2.0;
    sentence_error_.clear();
    picked_query_ = picked_key_ = -1;
    if (scene_.model) attention_layer_ = std::min(attention_layer_, scene_.model->n_layer - 1);
  } catch (const std::exception& e) {
    sentence_error_ = e.what();  // the last good scene stays
  }
  busy_frames_ = 3;
}

void ViewerApp::drawSentencePanel() {
  ImGui::TextWrapped("Numbers: %s", scene_.model ? scene_.model->source.c_str()
                                                 : "random (as in the seed), no model");
  if (scene_.model)
    ImGui::TextDisabled("Attention and embeddings are the model's; MLP lines are illustrative.");
  ImGui::SetNextItemWidth(-1.0f);
  const bool entered =
      ImGui::InputTextWithHint("##sentence", "type a sentence, Enter to show it", &sentence_buffer_,
                               ImGuiInputTextFlags_EnterReturnsTrue);
  if (sentence_buffer_ != sentence_preview_text_) {  // re-split only when the text changes
    sentence_preview_text_ = sentence_buffer_;
    try {
      sentence_preview_ = scene_inputs_.model
                              ? scene_inputs_.model->tokenize(sentence_buffer_).tokens
                              : scenes::gpt2Pieces(sentence_buffer_, splitWordsForPreview);
    } catch (const std::exception&) {
      sentence_preview_.clear();
    }
  }
  if (!sentence_preview_.empty()) {
    ImGui::TextDisabled("%zu tokens:", sentence_preview_.size());
    std::string joined;
    for (const auto& t : sentence_preview_) joined += "[" + scenes::displayableToken(t) + "]";
    ImGui::TextWrapped("%s", joined.c_str());
  }
  if (entered || ImGui::Button("Show")) applySentence(sentence_buffer_);
  ImGui::SameLine();
  if (ImGui::Button("Scene's sentence")) {
    sentence_buffer_.clear();
    applySentence(std::nullopt);
  }
  if (rebuild_ms_ > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("rebuilt in %.0f ms", rebuild_ms_);
  }
  if (!sentence_error_.empty())
    ImGui::TextColored({1.0f, 0.45f, 0.4f, 1.0f}, "%s", sentence_error_.c_str());
}

}  // namespace flowview::viewer
