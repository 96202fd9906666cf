// The sentence box: type or paste a sentence, see its GPT-2 tokens, press Enter to rebuild the
// scene for it at the same time (the model runs once per sentence, never per frame). Also the
// line saying where the numbers come from. The model reads the sentence on a worker thread
// (jobs::LatestJob); the scene swaps in when the reading arrives.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>

#include "core/description/read_scene.h"
#include "core/model/installed_tokenizer.h"
#include "core/model/model.h"
#include "core/scenes/compose_scene.h"
#include "core/scenes/model_data.h"
#include "viewer/viewer_app.h"

namespace flowview::viewer {

void ViewerApp::setSceneInputs(scenes::SceneInputs inputs) {
  scene_inputs_ = std::move(inputs);
  sentence_buffer_ = scene_inputs_.text.value_or("");
  if (!scene_inputs_.model) {  // the scene's own "model": loaded once, reused by every rebuild
    try {
      const auto scene = description::readSceneFile(scene_path_);
      if (!scene.model_path.empty()) {
        scenes::LoadedModel loaded = scenes::loadModelFolder(scene.model_path);
        scene_inputs_.model = loaded.model;
        scene_inputs_.model_name = loaded.name;
      }
    } catch (const std::exception&) {  // the scene loaded before; a later rebuild says why
    }
  }
  // The model runs on this worker, never on the thread that draws; the scene is composed here
  // when its answer arrives (the glyph atlas is not thread-safe).
  sentence_job_ = std::make_unique<SentenceJob>([](const SentenceRequest& request) {
    return scenes::readSentence(*request.scene, request.inputs);
  });
}

void ViewerApp::applySentence(std::optional<std::string> sentence) {
  SentenceRequest request;
  request.inputs = scene_inputs_;
  request.inputs.text = std::move(sentence);
  request.submitted = std::chrono::steady_clock::now();
  if (!sentence_job_) return;
  try {
    request.scene = std::make_shared<const description::SceneDescription>(
        description::readSceneFile(scene_path_));
  } catch (const std::exception& e) {
    sentence_error_ = e.what();  // the last good scene stays
    return;
  }
  sentence_job_->submit(std::move(request));
  busy_frames_ = 3;
}

void ViewerApp::pollSentenceJob() {
  if (!sentence_job_) return;
  if (sentence_job_->busy()) busy_frames_ = std::max(busy_frames_, 2);  // keep polling
  auto outcome = sentence_job_->take();
  if (!outcome) return;
  busy_frames_ = 3;
  if (!outcome->result) {
    sentence_error_ = outcome->error;  // the last good scene stays
    return;
  }
  scenes::SceneInputs inputs = outcome->request.inputs;
  inputs.data = *outcome->result;  // composing reuses it: no second forward
  try {
    Scene fresh = scenes::composeScene(*outcome->request.scene, *atlas_, inputs);
    rebuild_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                            outcome->request.submitted)
                      .count();
    scene_ = std::move(fresh);
    weighted_scene_ = nullptr;  // the same address, new bars
    inputs.data = nullptr;
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
                              : model::gpt2Pieces(sentence_buffer_, scenes::splitGpt2Words);
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
  if (sentence_job_ && sentence_job_->busy()) {
    ImGui::SameLine();
    ImGui::TextDisabled("reading...");
  } else if (rebuild_ms_ > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("rebuilt in %.0f ms", rebuild_ms_);
  }
  if (!sentence_error_.empty())
    ImGui::TextColored({1.0f, 0.45f, 0.4f, 1.0f}, "%s", sentence_error_.c_str());
}

}  // namespace flowview::viewer
