#pragma once
// The network-flow beats of 3b1b's HighLevelNetworkFlow as parameterized building blocks:
// tokens and embeddings, attention block, MLP block, repetitions, focus on the last layer and
// unembedding. Each appends plays/waits to a SceneBuilder with the seed's timing.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/build/scene_builder.h"
#include "core/camera/camera.h"
#include "core/math/random.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct NetworkFlowConfig {
  std::string text;                 // the example sentence
  std::vector<std::string> tokens;  // pieces of `text`, in order; the last is predicted
  std::vector<std::pair<std::string, double>> next_tokens;  // candidates and probabilities
  uint64_t seed = 0;
  bool hide_block_labels = false;
  int embedding_length = 10;  // entries per column
};

struct ShowTokensParams {
  float word_scale = 0.6f;
  std::string notes;
};

struct AttentionParams {
  std::optional<EulerDegrees> orientation = EulerDegrees{-40, -15, 0};  // nullopt: keep current
  float frame_height = 14.0f, frame_x = -2.0f, frame_y = 0.0f;
  double run_time = 5.0;  // the arcs animation
  std::string notes;
};

struct MlpParams {
  bool one_by_one = false;
  std::optional<EulerDegrees> sideview = EulerDegrees{-60, -5, 0};  // nullopt: keep current
  std::optional<EulerDegrees> final_orientation = EulerDegrees{-51, -18, 0};
  int neurons = 20;
  float depth = 3.0f;
  std::string notes;
};

struct RepetitionsParams {
  float depth = 8.0f;
  std::string notes;
};

struct ContextSizeParams {
  std::string context_label = "Context size", context_value = "2,048", dimension_label = "12,288";
  std::string notes;
};

struct DesiredOutputParams {
  // The list shown at the right, top to bottom; "..." rows become vertical dots. Each other row
  // takes the next probability.
  std::vector<std::string> words = {"...",      "Snake",     "Snape",   "Snare", "...",
                                    "Treks",    "Trelawney", "Trellis", "...",   "Quirky",
                                    "Quirrell", "Quirt",     "..."};
  std::vector<double> probabilities = {0, 0.78, 0, 0, 0.16, 0, 0, 0.06, 0};
  std::string notes;
};

class NetworkFlow {
 public:
  NetworkFlow(SceneBuilder& builder, text::GlyphAtlas& atlas, NetworkFlowConfig config);

  void showTokens(const ShowTokensParams& p);
  void attention(const AttentionParams& p);
  void mlp(const MlpParams& p);
  void removeMlps(double at);
  void repetitions(const RepetitionsParams& p);
  void focusLastLayer(const std::string& notes);
  void unembedding(const std::string& notes);
  // MentionContextSizeAndUnembedding's beats.
  void cycleEmbeddings(const std::string& notes);
  void contextSize(const ContextSizeParams& p);
  void removeEarlierLayers();
  void desiredOutput(const DesiredOutputParams& p);
  void unembeddingMatrix(const std::string& notes);

  int layerCount() const { return static_cast<int>(layers_.size()); }

  struct Column {
    std::vector<int> entries;  // one number element per entry; the ellipsis row is `dots`
    int dots = -1, left = -1, right = -1;
    float x = 0;
    std::vector<float> values;
  };
  struct Layer {
    std::vector<Column> columns;
    int gap_dots = -1;  // the "..." standing for the hidden column
    int left = -1, right = -1;
    float z = 0;
  };
  struct Block {
    int body = -1, front = -1, title = -1;
    float z = 0, depth = 0;
  };

 private:
  // Layer helpers.
  Layer makeLayer(float z, const std::string& prefix, bool fresh_values);
  Layer copyLayer(const Layer& from, const std::string& prefix, bool fresh_values);
  std::vector<int> layerElements(const Layer& layer) const;
  void fadeLayerTo(const Layer& layer, TimeWindow w, float opacity);
  void moveLayerZ(Layer& layer, TimeWindow w, float z);
  Block makeBlock(const Layer& layer, float depth, const std::string& title, float title_size,
                  const std::string& id);
  float textEm(float font_size) const;
  // A vector entry as the seed draws it: uniform in [lo, hi), shown with one decimal.
  float randomEntry(double lo, double hi);
  int addText(const std::string& id, const std::string& text, float font_size, glm::vec3 position,
              Rgb color, float outline_px = 0.0f);
  std::string section() const;
  void play(double run_time, const std::string& name, const std::string& notes = "");
  void moveCameraTo(TimeWindow w, std::optional<EulerDegrees> euler,
                    std::optional<glm::vec3> center, std::optional<float> height);

  SceneBuilder& b_;
  text::GlyphAtlas& atlas_;
  NetworkFlowConfig config_;
  Random random_;
  std::vector<Layer> layers_;
  std::vector<Block> blocks_;
  std::vector<int> mlp_elements_;
  std::vector<int> token_blocks_;  // text + rect per token
  int attention_count_ = 0, mlp_count_ = 0;
  std::string section_;
  // Repetition label pieces (dots, brace, text) for focusLastLayer.
  int rep_dots_ = -1, rep_brace_ = -1, rep_text_ = -1;
  // Fixed-in-frame groups of the desired-output beat, moved by the unembedding-matrix beat.
  std::vector<int> phrase_elements_, prob_elements_;
  int prob_arrow_ = -1;
  std::vector<int> token_arrows_;
  float layer_half_width_ = 0, layer_half_height_ = 0;
};

}  // namespace flowview::scenes
