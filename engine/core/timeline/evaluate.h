#pragma once
// The timeline is a pure function of time: evaluate(scene, t) computes the whole frame state
// directly, in time independent of t and of the previous call.
#include "core/scene/frame_state.h"
#include "core/scene/scene.h"

namespace flowview {

// Reuses `out`'s storage: no allocation once it has been sized for the scene.
void evaluate(const Scene& scene, double t, FrameState& out);
FrameState evaluate(const Scene& scene, double t);
// The camera evaluate() would give at t, alone (a viewer's camera controller starts from it).
Camera timelineCamera(const Scene& scene, double t);

}  // namespace flowview
