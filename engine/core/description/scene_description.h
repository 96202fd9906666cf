#pragma once
// The typed description of a scene file (docs/scene-format.md): what the file says, as plain
// structs and variants, with no font, no GL and no builder. read_scene.h turns JSON into it (every
// check of the format happens there), write_scene.h turns it back into JSON, and
// scenes/compose_scene.h composes it into a Scene. Numbers keep the file's precision (double);
// colors and rates keep their names. Each kind is registered once in kinds.h.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/camera/camera.h"
#include "core/io/load_error.h"
#include "core/math/rate_functions.h"

namespace flowview::description {

using Vec3 = std::array<double, 3>;

// Where a value was read, so that composition (which knows the scene parts) can report errors
// the way the reader does: FILE:LINE:COLUMN: /json/path: message.
struct SourceRef {
  std::string file;
  std::string pointer;
  io::SourceLocation location;
};

struct CameraDescription {
  Vec3 euler_deg{0, 0, 0};
  Vec3 center{0, 0, 0};
  double height = 8.0;
};

struct CameraPresetDescription {
  std::string name;
  CameraDescription camera;
};

struct NextTokenDescription {
  std::string token;
  double probability = 0.0;
};

struct NetworkFlowDescription {
  std::string text;
  std::string tokenizer = "gpt2";
  // As the file gives them (never empty then); empty when it gives none: `text` is split by
  // `tokenizer` when the scene is composed (scenes/scene_model.h: sentenceTokens), so reading and
  // `flowview format` never load a vocabulary and keep the file as written.
  std::vector<std::string> tokens;
  std::vector<NextTokenDescription> next_tokens;
  bool hide_block_labels = false;
  int embedding_length = 10;
  int attention_head = -1;  // with a model: the head the arcs show; -1: the mean over heads
  SourceRef source;         // the network_flow object, for errors found with the model
  SourceRef text_source;    // its "text", for a token count found wrong when it is split
};

// ----------------------------------------------------------------------------------------------
// General-layer objects

struct TextObject {
  std::string text;
  double font_size = 48.0;
  std::string align = "center";
  double outline = 0.0;
};

struct FormulaObject {
  std::string text;
  double font_size = 48.0;
  double outline = 0.0;
  std::optional<double> stroke_width;  // absent: 0.055 * font_size
  std::string align = "center";
};

struct RectangleObject {
  double width = 0.0, height = 0.0;
  double corner_radius = 0.0;
  double fill_opacity = 0.0;
  double stroke_width = 2.0;
  std::optional<std::string> fill_color;  // absent: the object's color
};

struct CircleObject {
  double radius = 0.0;
  double fill_opacity = 0.0;
  double stroke_width = 2.0;
  std::optional<std::string> fill_color;
};

struct BoxObject {
  Vec3 size{0, 0, 0};
  double shading = 0.5;
};

// "line" and "arrow": either `points` (a polyline) or `from` / `to` (an arc).
struct LineObject {
  bool arrow = false;
  std::optional<std::vector<Vec3>> points;
  double corner_radius = 0.0;  // with points
  Vec3 from{0, 0, 0}, to{0, 0, 0};
  double path_arc_deg = 0.0;        // with from / to
  double stroke_width = 2.0;        // 4 for arrows
  double tip_length = 0.25;         // arrows only
  std::optional<double> tip_width;  // arrows only; absent: tip_length
};

struct BraceObject {
  double length = 0.0;
  double depth = 0.25;
  double stroke_width = 3.0;
  std::string direction = "down";
};

struct SpheresObject {
  double radius = 0.1;
  std::vector<Vec3> points;
};

struct BarsObject {
  std::vector<double> values;
  double pitch = 0.5;
  double length_scale = 4.0;
};

struct GroupObject {
  std::vector<std::string> members;
};

// Numbers in brackets (scenes/matrix_object.h). A masked cell is -infinity.
struct MatrixObject {
  std::vector<std::vector<double>> values;  // rows, all the same length
  int decimals = 2;
  std::string color_by_value = "signed";  // "signed", "magnitude" or "none"
  std::optional<double> value_max;        // absent: the largest |finite value|
  std::string masked_color = "GREY_C";
  double font_size = 24.0;
  std::vector<std::string> row_labels, column_labels;  // empty, or one per row / column
  int max_rows = 12, max_columns = 10;                 // beyond: a reduced view with dots
};

using ObjectShape =
    std::variant<TextObject, FormulaObject, RectangleObject, CircleObject, BoxObject, LineObject,
                 BraceObject, SpheresObject, BarsObject, GroupObject, MatrixObject>;

struct ObjectDescription {
  std::string id;
  std::optional<std::string> notes;
  // Placement and look (groups have none).
  Vec3 position{0, 0, 0};
  std::string color = "#FFFFFF";
  double opacity = 1.0;
  bool fixed_in_frame = false;
  std::optional<Vec3> rotation_deg;
  ObjectShape shape;
};

// The "type" name of an object ("line" or "arrow" for LineObject).
std::string objectTypeName(const ObjectDescription& object);

// ----------------------------------------------------------------------------------------------
// Animations of a play beat. One struct: `type` says which fields apply (kinds.h).

struct AnimationDescription {
  std::string type;
  std::string target;  // empty for "camera"
  SourceRef target_source;
  std::optional<double> run_time;  // absent: the play's run_time
  std::optional<std::array<double, 2>> time_span;
  Rate rate = Rate::Smooth;  // not for remove / indicate
  double lag_ratio = 0.0;    // not for camera
  Vec3 shift{0, 0, 0};       // fade_in, fade_out, move
  double time_width = 1.0;   // flash
  // move
  std::optional<Vec3> to;
  std::optional<double> scale;  // move: absent keeps the size; indicate: scale_factor
  std::optional<double> opacity;
  std::optional<std::string> color;  // move: absent keeps it; indicate, highlight: yellow
  // camera
  std::optional<EulerDegrees> euler_deg;
  std::optional<Vec3> center;
  std::optional<double> height;
  // highlight: one of row, column, cell (checked against the matrix object by the reader)
  std::optional<int> row, column;
  std::optional<std::array<int, 2>> cell;
  double stroke_width = 3.0;
  double fill_opacity = 0.0;
};

// ----------------------------------------------------------------------------------------------
// Beats

struct ShowTokensBeat {
  double word_scale = 0.6;
};
struct AttentionBeat {
  std::optional<EulerDegrees> orientation = EulerDegrees{-40, -15, 0};  // nullopt: "current"
  double frame_height = 14.0, frame_x = -2.0, frame_y = 0.0;
  double run_time = 5.0;
  // With a model: the layer and head this block's arcs show (absent: the block's own layer,
  // network_flow.attention_head).
  std::optional<int> layer, head;
};
struct MlpBeat {
  bool one_by_one = false;
  std::optional<EulerDegrees> sideview_orientation = EulerDegrees{-60, -5, 0};
  std::optional<EulerDegrees> final_orientation = EulerDegrees{-51, -18, 0};
  int neurons = 20;
  double depth = 3.0;
};
struct RepetitionsBeat {
  double depth = 8.0;
};
struct FocusLastLayerBeat {};
struct UnembeddingBeat {};
struct CycleEmbeddingsBeat {};
struct ContextSizeBeat {
  std::string label = "Context size", value = "2,048", dimension = "12,288";
};
struct RemoveEarlierLayersBeat {};
struct DesiredOutputBeat {
  std::vector<std::string> words;
  std::vector<double> probabilities;  // one per word that is not "...", at most
};
struct UnembeddingMatrixBeat {};
struct ScaleStackBeat {
  int tokens = 2048, layers = 96, rows = 10;
  std::string dimension = "12,288";
};
// One of the lesson scenes (docs/scenes.md), built whole from engine/core/lessons.
struct LessonBeat {
  std::string lesson;                  // lesson_scenes.h: lessonNames()
  int64_t seed = 0;                    // 0: the lesson's default
  std::optional<std::string> passage;  // a text file relative to the scene file, as written
  std::string passage_text;            // its contents, read with the scene (not written back)
  std::vector<double> gains;           // attention_math; empty: the default
};
struct WaitBeat {
  double duration = 1.0;
  std::string name = "hold", section;
};
struct PlayBeat {
  std::optional<double> run_time;  // given: a play without animations lasts that long
  double lag_ratio = 0.0;
  std::string name = "play", section;
  std::vector<AnimationDescription> animations;
};

using BeatKind =
    std::variant<ShowTokensBeat, AttentionBeat, MlpBeat, RepetitionsBeat, FocusLastLayerBeat,
                 UnembeddingBeat, CycleEmbeddingsBeat, ContextSizeBeat, RemoveEarlierLayersBeat,
                 DesiredOutputBeat, UnembeddingMatrixBeat, ScaleStackBeat, LessonBeat, WaitBeat,
                 PlayBeat>;

// A network-flow beat's "parts" option: per part name (NetworkFlow::partNames), a new run time
// for the play that brings it in, or skip it.
struct PartTimingDescription {
  std::optional<double> run_time;
  bool skip = false;
};
using PartOptions = std::map<std::string, PartTimingDescription>;

struct BeatDescription {
  std::string notes;
  PartOptions parts;  // kinds that take "parts" (kinds.h)
  SourceRef source;   // the beat object
  BeatKind kind;
};

// The "beat" name of a beat kind.
std::string beatName(const BeatKind& kind);

// ----------------------------------------------------------------------------------------------

struct SceneDescription {
  std::optional<std::string> schema;       // "$schema", kept for editors
  std::optional<std::string> description;  // free text, not read
  std::string title = "untitled";
  int64_t seed = 0;
  std::optional<CameraDescription> camera;  // absent: Camera{}
  std::optional<std::string> model;         // a model folder relative to the scene file, as written
  std::string model_path;                   // `model` resolved against the scene file's folder
  SourceRef model_source;
  std::vector<CameraPresetDescription> camera_presets;
  std::optional<NetworkFlowDescription> network_flow;
  std::vector<ObjectDescription> objects;
  std::vector<BeatDescription> beats;
  bool present_every_beat = false;  // presentation mode: holds need a click too
  SourceRef beats_source;           // the "beats" array, for "the scene lasts 0 seconds"
};

}  // namespace flowview::description
