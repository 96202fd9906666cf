#pragma once
// Writes a Scene the way a manim construct() does: add elements, then play animations and waits
// that advance a clock. Each call appends channel segments with absolute times, so the built
// scene evaluates at any t directly.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/scene/scene.h"
#include "core/timeline/group_timing.h"

namespace flowview {

// The time just after t. manimgl's self.add / self.remove between two plays take effect after the
// frame at t, the last of the play before (its still shows the scene as that play left it): add
// or remove at justAfter(t), not at t. A microsecond after, not the next double: the clock is a
// sum of run times, a few ulps off the decimal time a still is asked for (65.04 s, the end of
// play 26, came out just below 65.04, so its still lost the MLP networks), and a microsecond is
// far below a frame.
inline double justAfter(double t) {
  return t + 1e-6;
}

class SceneBuilder {
 public:
  explicit SceneBuilder(std::string title);

  // --- elements (visible from `now()` unless hidden; returns the element index) ---
  int addText(const std::string& id, TextGeometry geometry, Pose pose, Rgb color,
              float opacity = 1.0f);
  int addStroke(const std::string& id, StrokeGeometry geometry, Pose pose, Rgb color,
                float opacity = 1.0f);
  int addFill(const std::string& id, FillGeometry geometry, Pose pose, Rgb color,
              float opacity = 1.0f);
  int addBox(const std::string& id, BoxGeometry geometry, Pose pose, Rgb color,
             float opacity = 1.0f);
  int addSpheres(const std::string& id, SphereGeometry geometry, Pose pose, Rgb color,
                 float opacity = 1.0f);
  int addLines(const std::string& id, LineGeometry geometry, Pose pose, float opacity = 1.0f);
  int addGrid(const std::string& id, GridGeometry geometry, Pose pose, float opacity = 1.0f);

  Element& element(int index) { return scene_.elements[static_cast<size_t>(index)]; }
  const Scene& scene() const { return scene_; }
  Scene& mutableScene() { return scene_; }

  // --- the clock ---
  double now() const { return now_; }
  // Ends a play that started at now(): records a beat of `run_time` and advances the clock.
  void endPlay(double run_time, const std::string& name, const std::string& section,
               const std::string& notes = "");
  void wait(double duration, const std::string& name, const std::string& section,
            const std::string& notes = "");

  // --- animations over absolute windows [t0, t1] ---
  // Fades in to `target_opacity`, or (when negative) to the opacity it has, 1 if that is 0.
  void fadeIn(int e, TimeWindow w, glm::vec3 shift = glm::vec3(0.0f), Rate rate = Rate::Smooth,
              float target_opacity = -1.0f);
  void fadeOut(int e, TimeWindow w, glm::vec3 shift = glm::vec3(0.0f), Rate rate = Rate::Smooth);
  void fadeTo(int e, TimeWindow w, float opacity, Rate rate = Rate::Smooth);
  void moveTo(int e, TimeWindow w, Pose target, Rate rate = Rate::Smooth);
  void recolor(int e, TimeWindow w, Rgb target, Rate rate = Rate::Smooth);
  // Reveal animations: the element is hidden before w.start and drawn in over the window.
  void reveal(int e, TimeWindow w, RevealStyle style, Rate part_rate = Rate::Smooth,
              float lag = 0.0f, float flash_width = 0.0f, bool step = false);
  void changeValue(int e, TimeWindow w, float target, Rate rate = Rate::Smooth);
  void remove(int e, double t);     // instantly gone at t
  void hideUntil(int e, double t);  // not on screen before t

  void moveCamera(TimeWindow w, Camera target, Rate rate = Rate::Smooth);
  Camera cameraNow() const { return scene_.camera.finalValue(); }
  void addPreset(std::string name, Camera camera);

  Pose poseNow(int e) const { return scene_.elements[static_cast<size_t>(e)].pose.finalValue(); }
  float opacityNow(int e) const {
    return scene_.elements[static_cast<size_t>(e)].opacity.finalValue();
  }

  // --- addressable parts (ScenePart): registering an id again replaces its elements ---
  void addPart(const std::string& id, const std::string& kind, std::vector<int> elements);
  const ScenePart* findPart(std::string_view id) const { return scene_.findPart(id); }

  Scene finish();

 private:
  int addElement(ElementKind kind, uint32_t geometry, const std::string& id, Pose pose, Rgb color,
                 float opacity);
  Scene scene_;
  double now_ = 0.0;
};

}  // namespace flowview
