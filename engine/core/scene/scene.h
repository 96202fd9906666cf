#pragma once
#include <memory>
// A built scene: elements, their geometry, the camera channel, beats and presets. Immutable once
// built; evaluate() turns it into a FrameState at any time t.
#include <string>
#include <string_view>
#include <vector>

#include "core/camera/camera.h"
#include "core/scene/element.h"

namespace flowview {

enum class BeatKind { Play, Wait };

struct Beat {
  int index = 0;
  BeatKind kind = BeatKind::Play;
  double start = 0, end = 0;
  std::string name;     // "attention 2: arcs flash"
  std::string section;  // "attention 2"
  std::string notes;    // speaker notes from the scene file
  double duration() const { return end - start; }
};

struct CameraPreset {
  std::string name;
  Camera camera;
};

// The unembedding's probability bars, so viewers can show them in a panel and re-weight them.
struct NextTokenBars {
  std::vector<std::string> tokens;
  std::vector<double> probabilities;
  std::vector<int> fills, strokes, percents;  // element indices, one per candidate
  float length_scale = 4.0f;                  // scene units per probability 1
  double grow_start = 0, grow_end = 0;        // when the bars appear in the timeline
};

// An addressable part of a scene: a documented, stable id ("layer3", "attention2/block",
// "mlp1/network4", "unembedding/bars") naming elements that scene files can target with
// animations. Ids and kinds are listed by `flowview info --elements` and in
// docs/scene-format.md.
struct ScenePart {
  std::string id;
  std::string kind;           // "layer", "block", "arcs", "network", "bars", "text", ...
  std::vector<int> elements;  // element indices, in drawing / lag order
};

// With a model, one per attention arc stroke: which tokens it joins and the weight it draws, for
// the viewer's hover read-out (frame/arc_picking.h).
struct AttentionArc {
  int element = -1;          // the stroke
  int from = 0, to = 0;      // token indices: the earlier (attended to) and the attending token
  int layer = 0, head = -1;  // head -1: the mean over heads
  float weight = 0.0f;
};

namespace scenes {
struct ModelData;
}

struct Scene {
  std::string title;
  std::vector<Element> elements;
  std::vector<TextGeometry> texts;
  std::vector<StrokeGeometry> strokes;
  std::vector<FillGeometry> fills;
  std::vector<BoxGeometry> boxes;
  std::vector<SphereGeometry> spheres;
  std::vector<LineGeometry> lines;
  std::vector<GridGeometry> grids;

  Channel<Camera> camera{Camera{}};
  std::vector<Beat> beats;
  std::vector<CameraPreset> presets;
  double duration = 0.0;
  NextTokenBars next_tokens;     // empty when the scene has no unembedding
  std::vector<ScenePart> parts;  // in the order they were added
  // The model's reading of the sentence (scenes/model_data.h); null: the seed's random values.
  std::shared_ptr<const scenes::ModelData> model;
  std::vector<AttentionArc> attention_arcs;  // empty without a model
  // Presentation: every beat needs its own click, holds too (the scene file's
  // "present_every_beat"; by default a wait beat in which nothing changes needs none).
  bool present_every_beat = false;

  int findElement(const std::string& id) const;          // -1 when absent
  const ScenePart* findPart(std::string_view id) const;  // nullptr when absent
  // Index of the beat that contains t (the last one at the end).
  int beatAt(double t) const;
};

}  // namespace flowview
