#pragma once
// The network-flow beats of 3b1b's HighLevelNetworkFlow as parameterized building blocks:
// tokens and embeddings, attention block, MLP block, repetitions, focus on the last layer and
// unembedding. Each appends plays/waits to a SceneBuilder with the seed's timing and registers
// the parts it makes under stable ids (ScenePart; the id scheme is in docs/scene-format.md,
// "Element ids"). One file per section lives in network_flow/; the look's numbers in
// network_flow/look.h.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/build/scene_builder.h"
#include "core/camera/camera.h"
#include "core/math/random.h"
#include "core/scenes/model_data.h"

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
  // A model's reading of the sentence (model_data.h); null: random values as in the seed. Its
  // tokens are the first tokens.size() - 1 of `tokens` (the last is predicted).
  std::shared_ptr<const ModelData> model;
  int attention_head = -1;  // the head the arcs show; -1: the mean over heads
};

// A scene's say over one part of a beat ("parts": {"arcs": {"run_time": 2}}): `run_time`
// retimes the play that brings the part in (every animation of that play stretches with it);
// `skip` leaves the part out (never drawn, not addressable). Keys are the beat's part names,
// NetworkFlow::partNames(beat).
struct PartTiming {
  std::optional<double> run_time;
  bool skip = false;
};
using BeatParts = std::map<std::string, PartTiming>;
// A part name of a beat and the play (numbered within the beat) that brings the part in: parts
// of one play share its run time.
struct BeatPartName {
  std::string name;
  int play = 1;
};

struct ShowTokensParams {
  float word_scale = 0.6f;
  std::string notes;
  BeatParts parts;
};

struct AttentionParams {
  std::optional<EulerDegrees> orientation = EulerDegrees{-40, -15, 0};  // nullopt: keep current
  float frame_height = 14.0f, frame_x = -2.0f, frame_y = 0.0f;
  double run_time = 5.0;  // the arcs animation
  // With a model: the layer and head this block's arcs show (default: ModelData::blockLayer and
  // NetworkFlowConfig::attention_head; head -1 is the mean over heads).
  std::optional<int> layer, head;
  std::string notes;
  BeatParts parts;
};

struct MlpParams {
  bool one_by_one = false;
  std::optional<EulerDegrees> sideview = EulerDegrees{-60, -5, 0};  // nullopt: keep current
  std::optional<EulerDegrees> final_orientation = EulerDegrees{-51, -18, 0};
  int neurons = 20;
  float depth = 3.0f;
  std::string notes;
  BeatParts parts;
};

struct RepetitionsParams {
  float depth = 8.0f;
  std::string notes;
  BeatParts parts;
};

struct ContextSizeParams {
  std::string context_label = "Context size", context_value = "2,048", dimension_label = "12,288";
  std::string notes;
  BeatParts parts;
};

struct DesiredOutputParams {
  // The list shown at the right, top to bottom; "..." rows become vertical dots. Each other row
  // takes the next probability.
  std::vector<std::string> words = {"...",      "Snake",     "Snape",   "Snare", "...",
                                    "Treks",    "Trelawney", "Trellis", "...",   "Quirky",
                                    "Quirrell", "Quirt",     "..."};
  std::vector<double> probabilities = {0, 0.78, 0, 0, 0.16, 0, 0, 0.06, 0};
  std::string notes;
  BeatParts parts;
};

// The beats that take only notes and part options.
struct FocusParams {
  std::string notes;
  BeatParts parts;
};
struct UnembeddingParams {
  std::string notes;
  BeatParts parts;
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
  // The same beats with part options.
  void focusLastLayer(const FocusParams& p);
  void unembedding(const UnembeddingParams& p);

  // The part names a beat's "parts" option accepts ("attention": block, title, layer, arcs);
  // empty for a beat that has none. Retiming two parts of one play differently throws
  // std::invalid_argument (the scene reader rejects it first).
  static const std::vector<BeatPartName>& partNames(const std::string& beat);

  const NetworkFlowConfig& config() const { return config_; }

  int layerCount() const { return static_cast<int>(layers_.size()); }

  struct Column {
    std::vector<int> entries;  // one number element per entry; the ellipsis row is `dots`
    int dots = -1, left = -1, right = -1;
    float x = 0;
    int token = 0;  // the token it embeds, from 0
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
  struct TokenRow;      // tokens.cpp
  struct MatrixLayout;  // unembedding_matrix.cpp
  struct Networks {     // one MLP's networks, one per column
    std::vector<int> clusters, bundles, all;
  };

  // network_flow.cpp: text, plays, the camera.
  static Pose at(glm::vec3 position);
  static Rgb hex(unsigned rgb);
  float textEm(float font_size) const;
  // A vector entry as the seed draws it: uniform in [lo, hi), shown with one decimal.
  float randomEntry(double lo, double hi);
  // An embedding entry: the model's residual value (stream `residual_layer_`) when there is a
  // model, else randomEntry(0, kValueMax). Draws from the random stream either way.
  float entryValue(int token, int row);
  int addText(const std::string& id, const std::string& text, float font_size, glm::vec3 position,
              Rgb color, float outline_px = 0.0f);
  int addNumber(const std::string& id, float value, int decimals, float em_size, glm::vec3 position,
                Rgb color);
  void hideAllUntil(const std::vector<int>& elements, double t);
  void play(double run_time, const std::string& name, const std::string& notes = "");
  void hold(double duration);
  void moveCameraTo(TimeWindow w, std::optional<EulerDegrees> euler,
                    std::optional<glm::vec3> center, std::optional<float> height);

  // parts.cpp: addressable parts, skip and retime.
  void beginBeat(const std::string& section, const BeatParts& parts);
  // Registers part `id` (unless the beat skips `name`, its name in the beat's "parts" option;
  // empty for parts the option cannot reach). Call it before the play that brings it in.
  void addPart(const std::string& name, const std::string& id, const std::string& kind,
               std::vector<int> elements);
  void addLayerParts(const std::string& name, const Layer& layer, size_t index);
  void applyRetime(double& run_time);
  void stretchSince(double t0, double factor);

  // layers.cpp: embedding arrays and blocks.
  Layer makeLayer(float z, const std::string& prefix);
  Column makeColumn(float x, float z, int token, const std::string& id);
  float entryY(int row) const;
  Layer copyLayer(const Layer& from, const std::string& prefix, bool fresh_values);
  int copyElement(int e, const std::string& id);
  static std::vector<int> columnElements(const Column& column);
  std::vector<int> layerElements(const Layer& layer) const;
  void fadeLayerTo(const Layer& layer, TimeWindow w, float opacity);
  void moveLayerZ(Layer& layer, TimeWindow w, float z);
  glm::vec3 blockSize(float depth) const;
  Block makeBlock(const Layer& layer, float depth, const std::string& title, float title_size,
                  const std::string& id);

  // tokens.cpp
  TokenRow layoutTokenRow();
  void showWords(TokenRow& row, const std::string& notes);
  void askForTheNextToken(TokenRow& row);
  void drawTokenRectangles(TokenRow& row);
  void pointAtEachToken(const TokenRow& row);
  void embedTokens(TokenRow& row, float word_scale);

  // attention.cpp
  Layer openBlockAroundLayer(const AttentionParams& p, const Layer& layer, const Block& block,
                             const std::string& id);
  void flashAttentionArcs(const Layer& copy, const Block& block, const std::string& id,
                          const AttentionParams& p);
  void leaveBlock(const Layer& layer, Layer& copy, const Block& block);

  // mlp.cpp
  Networks makeNetworks(const Layer& layer, const Block& block, const MlpParams& p,
                        const std::string& id);
  void writeConnections(int bundle, TimeWindow w);
  void growColumn(const Column& column, TimeWindow w, float dz);
  void writeNetworksOneByOne(const MlpParams& p, const Layer& layer, const Layer& next,
                             const Block& block, const Networks& networks);
  void writeNetworksAtOnce(const MlpParams& p, const Layer& layer, const Layer& next,
                           const Block& block, const Networks& networks);

  // repetitions.cpp
  void showRepetitions(const RepetitionsParams& p, float z_start, float z_end);
  void showFinalLayer(float final_z);

  // unembedding.cpp
  void highlightLastVector(const Layer& layer, const Column& last, const std::string& notes);
  void showNextTokenBars(const Layer& layer, const Column& last);
  std::vector<int> drawArrowToBars(const Column& last, float z, float brace_x, float pitch,
                                   double t0);

  // context_size.cpp
  std::vector<int> labelContextSize(const ContextSizeParams& p, const Layer& layer);
  std::vector<int> labelDimension(const ContextSizeParams& p, const Layer& layer);
  void backToTheFlow(const Layer& layer, const Camera& saved,
                     const std::vector<TimeWindow>& title_w, const std::vector<int>& leaving);

  // desired_output.cpp
  int fixedInFrame(int e);
  void showPhraseWithBlank(const std::string& notes);
  void showCandidateList(const DesiredOutputParams& p);

  // unembedding_matrix.cpp
  glm::vec3 makeRoomForMatrix(const std::string& notes);
  MatrixLayout showMatrix(const Layer& layer, const Column& last);
  int addVerticalDots(const std::string& id, glm::vec3 position);
  void multiplyMatrixByVector(MatrixLayout& m, const Column& last);
  float labelVocabulary(const MatrixLayout& m);
  void applySoftmax(const MatrixLayout& m, float words_right, glm::vec3 corner);
  void moveListBesideArrow(const MatrixLayout& m, glm::vec3 arrow_tip, glm::vec3 corner,
                           TimeWindow w);

  SceneBuilder& b_;
  text::GlyphAtlas& atlas_;
  NetworkFlowConfig config_;
  Random random_;
  std::vector<Layer> layers_;
  std::vector<Block> blocks_;
  std::vector<int> mlp_elements_;
  std::vector<int> token_blocks_;  // text + rect per token
  std::vector<int> token_arrows_;
  int attention_count_ = 0, mlp_count_ = 0;
  int residual_layer_ = 0;  // with a model: the residual stream the newest layer shows
  std::string section_;
  BeatParts beat_parts_;          // the running beat's part options
  std::optional<double> retime_;  // run time a part asked of the coming play
  std::string retime_part_;       // the part that asked it
  // Repetition label pieces (dots, brace, text) for focusLastLayer.
  int rep_dots_ = -1, rep_brace_ = -1, rep_text_ = -1;
  // Fixed-in-frame groups of the desired-output beat, moved by the unembedding-matrix beat.
  std::vector<int> phrase_elements_, prob_elements_;
  int prob_arrow_ = -1;
  std::vector<int> vocabulary_brace_;  // the "~50k values" brace and label
  float layer_half_width_ = 0, layer_half_height_ = 0;
};

}  // namespace flowview::scenes
