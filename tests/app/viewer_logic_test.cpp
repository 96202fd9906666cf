// Pure viewer logic, no window: transport, camera controller, temperature, key bindings, and the
// --start-at option.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <set>
#include <tuple>

#include "cli/arguments.h"
#include "core/build/scene_builder.h"
#include "viewer/beat_jump.h"
#include "viewer/camera_controller.h"
#include "viewer/hold_beats.h"
#include "viewer/key_bindings.h"
#include "viewer/next_token_display.h"
#include "viewer/pictures_folder.h"
#include "viewer/presenter_view.h"
#include "viewer/stage_layout.h"
#include "viewer/temperature.h"
#include "viewer/transport.h"
#include "viewer/viewer_options.h"

namespace flowview::viewer {
namespace {

// Beats [0,2) [2,3) [3,6) [6,6) [6,10): a zero-length beat at 6 on purpose.
std::vector<Beat> testBeats() {
  std::vector<Beat> beats;
  const double bounds[][2] = {{0, 2}, {2, 3}, {3, 6}, {6, 6}, {6, 10}};
  for (int i = 0; i < 5; ++i) {
    Beat beat;
    beat.index = i;
    beat.start = bounds[i][0];
    beat.end = bounds[i][1];
    beat.name = "beat " + std::to_string(i);
    beat.section = i < 2 ? "intro" : "main";
    beats.push_back(beat);
  }
  return beats;
}

Transport makeTransport() {
  return Transport(testBeats(), 10.0);
}

// ---- Transport -------------------------------------------------------------------------------

TEST(Transport, StartsPausedAtZeroAndIgnoresTimeWhilePaused) {
  Transport t = makeTransport();
  EXPECT_FALSE(t.playing());
  EXPECT_DOUBLE_EQ(t.advance(1.0), 0.0);
}

TEST(Transport, PlayAdvancesByDtTimesSpeed) {
  Transport t = makeTransport();
  t.play();
  EXPECT_DOUBLE_EQ(t.advance(0.5), 0.5);
  t.setSpeed(2.0);
  EXPECT_DOUBLE_EQ(t.advance(0.5), 1.5);
  t.togglePlay();
  EXPECT_FALSE(t.playing());
  EXPECT_DOUBLE_EQ(t.advance(0.5), 1.5);
}

TEST(Transport, StopsAtTheEndAndPlayRestarts) {
  Transport t = makeTransport();
  t.seek(9.5);
  t.play();
  EXPECT_DOUBLE_EQ(t.advance(1.0), 10.0);
  EXPECT_FALSE(t.playing());
  t.play();
  EXPECT_DOUBLE_EQ(t.time(), 0.0);
  EXPECT_TRUE(t.playing());
}

TEST(Transport, ReversePlaysBackwardsAndStopsAtZero) {
  Transport t = makeTransport();
  t.seek(1.0);
  t.toggleReverse();
  EXPECT_TRUE(t.reverse());
  t.play();
  EXPECT_DOUBLE_EQ(t.advance(0.25), 0.75);
  EXPECT_DOUBLE_EQ(t.advance(5.0), 0.0);
  EXPECT_FALSE(t.playing());
}

TEST(Transport, SpeedIsClampedAndSteps) {
  Transport t = makeTransport();
  t.setSpeed(100.0);
  EXPECT_DOUBLE_EQ(t.speed(), 4.0);
  t.setSpeed(0.01);
  EXPECT_DOUBLE_EQ(t.speed(), 0.25);
  t.slower();
  EXPECT_DOUBLE_EQ(t.speed(), 0.25);
  t.faster();
  EXPECT_DOUBLE_EQ(t.speed(), 0.5);
  t.faster();
  t.faster();
  t.faster();
  t.faster();
  EXPECT_DOUBLE_EQ(t.speed(), 4.0);
  t.setSpeed(1.5);
  t.slower();
  EXPECT_DOUBLE_EQ(t.speed(), 1.0);
  t.setSpeed(std::nan(""));
  EXPECT_DOUBLE_EQ(t.speed(), 1.0);
}

TEST(Transport, SeekClampsToTheScene) {
  Transport t = makeTransport();
  t.seek(-3.0);
  EXPECT_DOUBLE_EQ(t.time(), 0.0);
  t.seek(42.0);
  EXPECT_DOUBLE_EQ(t.time(), 10.0);
  t.jumpToStart();
  EXPECT_DOUBLE_EQ(t.time(), 0.0);
  t.jumpToEnd();
  EXPECT_DOUBLE_EQ(t.time(), 10.0);
}

TEST(Transport, StepsBetweenBeatStarts) {
  Transport t = makeTransport();
  t.seek(0.5);
  t.stepNext();
  EXPECT_DOUBLE_EQ(t.time(), 2.0);
  t.stepNext();
  EXPECT_DOUBLE_EQ(t.time(), 3.0);
  t.stepNext();
  EXPECT_DOUBLE_EQ(t.time(), 6.0);
  t.stepNext();
  EXPECT_DOUBLE_EQ(t.time(), 10.0);  // past the last start: the end
  t.stepPrev();
  EXPECT_DOUBLE_EQ(t.time(), 6.0);
  t.stepPrev();
  EXPECT_DOUBLE_EQ(t.time(), 3.0);
  t.seek(2.5);
  t.stepPrev();  // inside a beat: back to its start
  EXPECT_DOUBLE_EQ(t.time(), 2.0);
  t.stepPrev();
  t.stepPrev();
  EXPECT_DOUBLE_EQ(t.time(), 0.0);
  t.jumpToBeat(2);
  EXPECT_DOUBLE_EQ(t.time(), 3.0);
}

TEST(Transport, BeatAtUsesStartsAndTheLastBeatAtTheEnd) {
  Transport t = makeTransport();
  EXPECT_EQ(t.beatAt(0.0), 0);
  EXPECT_EQ(t.beatAt(1.99), 0);
  EXPECT_EQ(t.beatAt(2.0), 1);
  EXPECT_EQ(t.beatAt(6.0), 4);  // the zero-length beat 3 is passed over
  EXPECT_EQ(t.beatAt(10.0), 4);
}

TEST(Transport, LoopsTheCurrentBeat) {
  Transport t = makeTransport();
  t.seek(3.5);
  t.toggleLoopBeat();
  EXPECT_EQ(t.loopMode(), LoopMode::Beat);
  EXPECT_DOUBLE_EQ(t.loopStart(), 3.0);
  EXPECT_DOUBLE_EQ(t.loopEnd(), 6.0);
  t.play();
  EXPECT_DOUBLE_EQ(t.advance(2.0), 5.5);
  EXPECT_NEAR(t.advance(1.0), 3.5, 1e-12);  // 6.5 wraps to 3.5
  EXPECT_TRUE(t.playing());
  t.setReverse(true);
  EXPECT_NEAR(t.advance(1.0), 5.5, 1e-12);  // 2.5 wraps to 5.5
  t.toggleLoopBeat();
  EXPECT_EQ(t.loopMode(), LoopMode::Off);
}

TEST(Transport, LoopsASectionOfBeats) {
  Transport t = makeTransport();
  t.seek(8.0);
  t.loopBeats(1, 2);  // [2, 6)
  EXPECT_EQ(t.loopMode(), LoopMode::Section);
  EXPECT_DOUBLE_EQ(t.time(), 2.0);  // moved inside the range
  t.play();
  t.setSpeed(2.0);
  EXPECT_DOUBLE_EQ(t.advance(1.0), 4.0);
  EXPECT_DOUBLE_EQ(t.advance(1.5), 3.0);  // 7 wraps to 3
}

TEST(Transport, PresentationStopsAtEachBeatEnd) {
  Transport t = makeTransport();
  t.setPresentation(true);
  t.advancePresentation();  // plays beat 0
  EXPECT_TRUE(t.playing());
  EXPECT_DOUBLE_EQ(t.advance(1.5), 1.5);
  EXPECT_DOUBLE_EQ(t.advance(1.5), 2.0);  // stops exactly on the boundary
  EXPECT_FALSE(t.playing());
  EXPECT_DOUBLE_EQ(t.advance(1.0), 2.0);
  t.advancePresentation();  // beat 1
  EXPECT_DOUBLE_EQ(t.advance(5.0), 3.0);
  EXPECT_FALSE(t.playing());
  t.advancePresentation();  // beat 2; a click while it plays finishes it at once
  EXPECT_DOUBLE_EQ(t.advance(0.5), 3.5);
  t.advancePresentation();
  EXPECT_FALSE(t.playing());
  EXPECT_DOUBLE_EQ(t.time(), 6.0);
  t.advancePresentation();  // the zero-length beat at 6 does not stall playback
  EXPECT_DOUBLE_EQ(t.advance(1.0), 7.0);
  EXPECT_TRUE(t.playing());
  EXPECT_DOUBLE_EQ(t.advance(10.0), 10.0);
  EXPECT_FALSE(t.playing());
  t.advancePresentation();  // nothing after the end
  EXPECT_FALSE(t.playing());
}

TEST(Transport, PresentationGoesBackOneBeat) {
  Transport t = makeTransport();
  t.setPresentation(true);
  t.seek(3.0);
  t.backPresentation();
  EXPECT_DOUBLE_EQ(t.time(), 2.0);
  t.backPresentation();
  EXPECT_DOUBLE_EQ(t.time(), 0.0);
  t.backPresentation();
  EXPECT_DOUBLE_EQ(t.time(), 0.0);
}

TEST(Transport, NewTimelineKeepsTheTimeClamped) {
  Transport t = makeTransport();
  t.seek(8.0);
  std::vector<Beat> shorter = testBeats();
  shorter.resize(2);
  t.setTimeline(shorter, 3.0);
  EXPECT_DOUBLE_EQ(t.time(), 3.0);
  EXPECT_EQ(t.beatCount(), 2);
}

// ---- Camera controller -----------------------------------------------------------------------

Camera timelineCamera() {
  return Camera::fromEuler({-40, -15, 0}, {-2, 0, 0}, 14);
}

TEST(CameraController, FollowsTheTimelineUntilTouched) {
  CameraController c;
  EXPECT_EQ(c.mode(), CameraMode::Timeline);
  const Camera cam = c.update(timelineCamera(), 0.016);
  EXPECT_NEAR(cam.center.x, -2.0f, 1e-6);
  c.zoom(1.0f);
  EXPECT_EQ(c.mode(), CameraMode::Free);
  const Camera zoomed = c.update(Camera{}, 0.016);  // the timeline no longer matters
  EXPECT_NEAR(zoomed.height, 14.0f * CameraController::kZoomPerStep, 1e-4);
  EXPECT_NEAR(zoomed.center.x, -2.0f, 1e-4);
}

TEST(CameraController, OrbitChangesThetaAndPhiByTheExpectedAmount) {
  CameraController c;
  c.update(timelineCamera(), 0.0);
  c.orbit(40.0f, 0.0f);
  EulerDegrees e = c.update(timelineCamera(), 0.0).euler();
  EXPECT_NEAR(e.theta, -40.0f - 40.0f * CameraController::kOrbitDegreesPerPixel, 1e-3);
  EXPECT_NEAR(e.phi, -15.0f, 1e-3);
  c.orbit(0.0f, 20.0f);
  e = c.update(timelineCamera(), 0.0).euler();
  EXPECT_NEAR(e.phi, -15.0f - 20.0f * CameraController::kOrbitDegreesPerPixel, 1e-3);
  c.orbit(0.0f, -10000.0f);  // stops at the pole
  EXPECT_LT(c.update(timelineCamera(), 0.0).euler().phi, 90.0f);
}

TEST(CameraController, PanMovesTheCenterInTheViewPlane) {
  CameraController c;
  c.update(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8), 0.0);
  c.pan(100.0f, 0.0f, 800.0f);  // 8 units over 800 px: 1 unit
  Camera cam = c.update(Camera{}, 0.0);
  EXPECT_NEAR(cam.center.x, -1.0f, 1e-5);
  c.pan(0.0f, 200.0f, 800.0f);
  cam = c.update(Camera{}, 0.0);
  EXPECT_NEAR(cam.center.y, 2.0f, 1e-5);
}

TEST(CameraController, GlideReachesTheTargetAndIsBetweenHalfway) {
  CameraController c;
  const Camera from = Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8);
  const Camera to = Camera::fromEuler({-60, -20, 0}, {4, 2, 0}, 16);
  c.update(from, 0.0);
  c.glideTo(to);
  EXPECT_TRUE(c.gliding());
  const Camera half = c.update(from, CameraController::kGlideSeconds / 2);
  EXPECT_NEAR(half.center.x, 2.0f, 1e-4);  // smoothstep(0.5) = 0.5
  EXPECT_NEAR(half.height, 12.0f, 1e-4);
  const Camera end = c.update(from, CameraController::kGlideSeconds / 2);
  EXPECT_FALSE(c.gliding());
  EXPECT_EQ(c.mode(), CameraMode::Free);
  EXPECT_NEAR(end.center.x, 4.0f, 1e-4);
  EXPECT_NEAR(end.height, 16.0f, 1e-4);
  EXPECT_NEAR(end.euler().theta, -60.0f, 1e-2);
}

TEST(CameraController, GlidesBackToTheMovingTimelineCamera) {
  CameraController c;
  c.update(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8), 0.0);
  c.zoom(-3.0f);
  c.update(Camera{}, 0.0);
  c.glideToTimeline();
  const Camera timeline = Camera::fromEuler({0, 0, 0}, {10, 0, 0}, 8);
  const Camera mid = c.update(timeline, 0.3);
  EXPECT_GT(mid.center.x, 0.1f);
  EXPECT_LT(mid.center.x, 9.9f);
  c.update(timeline, 0.31);
  EXPECT_EQ(c.mode(), CameraMode::Timeline);
  EXPECT_NEAR(c.update(timeline, 0.0).center.x, 10.0f, 1e-5);
}

TEST(CameraController, TouchingDuringAGlideTakesOverWhereItIs) {
  CameraController c;
  c.update(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8), 0.0);
  c.glideTo(Camera::fromEuler({0, 0, 0}, {10, 0, 0}, 8));
  const float mid_x = c.update(Camera{}, 0.3).center.x;
  c.zoom(0.0f);
  EXPECT_FALSE(c.gliding());
  EXPECT_NEAR(c.update(Camera{}, 1.0).center.x, mid_x, 1e-4);
}

TEST(CameraController, FocusGlidesTheCenterToTheClickedPoint) {
  CameraController c;
  c.update(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8), 0.0);
  c.focus(1200.0f, 0.0f, 1600.0f, 800.0f);  // 400 px right, 400 px up of the middle
  const Camera end = c.update(Camera{}, 1.0);
  EXPECT_NEAR(end.center.x, 4.0f, 1e-4);
  EXPECT_NEAR(end.center.y, 4.0f, 1e-4);
  EXPECT_NEAR(end.center.z, 0.0f, 1e-4);
}

TEST(CameraController, SmoothstepEndsAndMiddle) {
  EXPECT_FLOAT_EQ(smoothstep01(0.0f), 0.0f);
  EXPECT_FLOAT_EQ(smoothstep01(0.5f), 0.5f);
  EXPECT_FLOAT_EQ(smoothstep01(1.0f), 1.0f);
  EXPECT_FLOAT_EQ(smoothstep01(2.0f), 1.0f);
}

TEST(CameraFormat, ReorientString) {
  EXPECT_EQ(reorientString(Camera::fromEuler({-40, -15, 0}, {-2, 0.5f, 0}, 14)),
            "reorient(-40.00, -15.00, 0.00, (-2.00, 0.50, 0.00), 14.00)");
}

TEST(CameraFormat, JsonRoundTrip) {
  const Camera camera = Camera::fromEuler({-51, -18, 3}, {-1.08f, 2.29f, 7.99f}, 12.27f);
  const std::string json = cameraToJson(camera);
  EXPECT_NE(json.find("\"euler_deg\""), std::string::npos);
  EXPECT_NE(json.find("\"center\""), std::string::npos);
  EXPECT_NE(json.find("\"height\""), std::string::npos);
  std::string error;
  auto back = cameraFromJson(json, &error);
  ASSERT_TRUE(back.has_value()) << error;
  const EulerDegrees e = back->euler();
  EXPECT_NEAR(e.theta, -51.0f, 1e-2);
  EXPECT_NEAR(e.phi, -18.0f, 1e-2);
  EXPECT_NEAR(e.gamma, 3.0f, 1e-2);
  EXPECT_NEAR(back->center.z, 7.99f, 1e-4);
  EXPECT_NEAR(back->height, 12.27f, 1e-4);
  // Written by hand, with extra keys.
  back = cameraFromJson(R"({"name":"x","euler_deg":[10,-20,0],"center":[1,2,3],"height":5})");
  ASSERT_TRUE(back.has_value());
  EXPECT_NEAR(back->euler().theta, 10.0f, 1e-3);
}

TEST(CameraFormat, BadJsonIsRejected) {
  const char* bad[] = {
      "",
      "not json",
      "[1,2,3]",
      R"({"center":[0,0,0],"height":8})",
      R"({"euler_deg":[0,0],"center":[0,0,0],"height":8})",
      R"({"euler_deg":[0,0,"a"],"center":[0,0,0],"height":8})",
      R"({"euler_deg":[0,0,0],"center":[0,0,0]})",
      R"({"euler_deg":[0,0,0],"center":[0,0,0],"height":-1})",
      R"({"euler_deg":[0,0,0],"center":[0,0,0],"height":"8"})",
      R"({"euler_deg":[0,0,0],"center":[0,0,0],"height":8)",
  };
  for (const char* text : bad) {
    std::string error;
    EXPECT_FALSE(cameraFromJson(text, &error).has_value()) << text;
    EXPECT_FALSE(error.empty()) << text;
    EXPECT_EQ(error.find('\n'), std::string::npos);
  }
}

// ---- Temperature -----------------------------------------------------------------------------

const std::vector<double> kCandidates = {0.0882, 0.0437, 0.0404, 0.0366, 0.0363, 0.0331};

// The candidates are the top of a longer distribution: re-weighting keeps their total mass, so
// T = 1 shows the scene's own percentages.
const double kMass = std::accumulate(kCandidates.begin(), kCandidates.end(), 0.0);

TEST(Temperature, OneIsTheIdentity) {
  const auto p = applyTemperature(kCandidates, 1.0);
  for (size_t i = 0; i < p.size(); ++i) EXPECT_NEAR(p[i], kCandidates[i], 1e-12);
}

TEST(Temperature, KeepsTheCandidatesMass) {
  for (double temperature : {0.0, 0.01, 0.3, 1.0, 2.5, 100.0}) {
    const auto p = applyTemperature(kCandidates, temperature);
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), kMass, 1e-12) << temperature;
  }
}

TEST(Temperature, ZeroIsGreedyAndLowIsNearlySo) {
  auto p = applyTemperature(kCandidates, 0.0);
  EXPECT_NEAR(p[0], kMass, 1e-12);
  for (size_t i = 1; i < p.size(); ++i) EXPECT_EQ(p[i], 0.0);
  p = applyTemperature(kCandidates, 0.01);
  EXPECT_GT(p[0], 0.999 * kMass);
}

TEST(Temperature, ProportionalToPowerOfInverseTemperature) {
  const auto p = applyTemperature(kCandidates, 0.5);  // p_i ~ p_i^2
  EXPECT_NEAR(p[0] / p[1], (0.0882 * 0.0882) / (0.0437 * 0.0437), 1e-9);
}

TEST(Temperature, HighFlattensAndEdgeCases) {
  const auto p = applyTemperature(kCandidates, 1000.0);
  for (double v : p) EXPECT_NEAR(v, kMass / kCandidates.size(), 1e-3);
  const auto zeros = applyTemperature({0.0, 0.0}, 1.0);
  EXPECT_EQ(zeros, (std::vector<double>{0.0, 0.0}));
  EXPECT_TRUE(applyTemperature({}, 1.0).empty());
  const auto with_zero = applyTemperature({0.5, 0.0, 0.5}, 0.5);
  EXPECT_DOUBLE_EQ(with_zero[1], 0.0);
  EXPECT_NEAR(with_zero[0], 0.5, 1e-12);
}

// ---- Key bindings ----------------------------------------------------------------------------

TEST(KeyBindings, NoKeyIsBoundTwiceInTheSameMode) {
  for (bool presentation : {false, true}) {
    std::set<std::pair<int, int>> seen;
    for (const KeyBinding& b : keyBindings()) {
      const bool applies = b.context == KeyContext::Always ||
                           (b.context == KeyContext::Presentation) == presentation;
      if (!applies) continue;
      EXPECT_TRUE(seen.insert({b.key, b.mods}).second)
          << b.label << " is bound twice (presentation=" << presentation << ")";
    }
  }
}

TEST(KeyBindings, EveryBindingHasTextForTheHelp) {
  for (const KeyBinding& b : keyBindings()) {
    EXPECT_NE(std::string(b.label), "");
    EXPECT_NE(std::string(b.description), "");
  }
}

TEST(KeyBindings, LookupFollowsTheMode) {
  ASSERT_NE(findBinding(key::kSpace, 0, false), nullptr);
  EXPECT_EQ(findBinding(key::kSpace, 0, false)->action, Action::TogglePlay);
  EXPECT_EQ(findBinding(key::kSpace, 0, true)->action, Action::PresentNext);
  EXPECT_EQ(findBinding(key::kRight, 0, true)->action, Action::PresentNext);
  EXPECT_EQ(findBinding(key::kPageUp, 0, true)->action, Action::PresentBack);
  EXPECT_EQ(findBinding(key::kSlash, key::kModShift, false)->action, Action::ToggleHelp);
  EXPECT_EQ(findBinding(key::kSlash, 0, false), nullptr);
  EXPECT_EQ(findBinding(key::kDigit1 + 4, 0, false)->arg, 4);
  EXPECT_EQ(findBinding(key::kB, 0, false), nullptr);
  EXPECT_EQ(findBinding(key::kS, 0x10 /* Caps Lock */, false)->action, Action::Screenshot);
  for (Action a :
       {Action::TogglePlay, Action::PrevBeat, Action::NextBeat, Action::JumpToStart,
        Action::JumpToEnd, Action::ToggleReverse, Action::Faster, Action::Slower, Action::LoopBeat,
        Action::ToggleFullscreen, Action::Screenshot, Action::TogglePresentation,
        Action::GoToPreset, Action::TimelineCamera, Action::ToggleHelp, Action::Escape,
        Action::PresentNext, Action::PresentBack, Action::ToggleBeatCounter}) {
    bool found = false;
    for (const KeyBinding& b : keyBindings()) found = found || b.action == a;
    EXPECT_TRUE(found) << static_cast<int>(a);
  }
}

// ---- --start-at ------------------------------------------------------------------------------

Scene testScene() {
  Scene scene;
  scene.beats = testBeats();
  scene.duration = 10.0;
  return scene;
}

TEST(StartAt, TimesBeatIndicesAndNames) {
  const Scene scene = testScene();
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("4.5"), scene), 4.5);
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("7s"), scene), 7.0);
  // Beat numbers are 1-based, as the viewer shows them.
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("#3"), scene), 3.0);
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("beat:2"), scene), 2.0);
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("#1"), scene), 0.0);
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("beat 4"), scene), 6.0);
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("BEAT 2"), scene), 3.0);
  EXPECT_DOUBLE_EQ(resolveStartAt(parseStartAt("main"), scene), 3.0);
}

TEST(StartAt, BadValuesAreArgumentErrors) {
  const Scene scene = testScene();
  EXPECT_THROW(parseStartAt(""), cli::ArgumentError);
  EXPECT_THROW(parseStartAt("-1"), cli::ArgumentError);
  EXPECT_THROW(parseStartAt("12abc"), cli::ArgumentError);
  EXPECT_THROW(parseStartAt("#x"), cli::ArgumentError);
  EXPECT_THROW(parseStartAt("#1.5"), cli::ArgumentError);
  EXPECT_THROW(resolveStartAt(parseStartAt("11"), scene), cli::ArgumentError);
  EXPECT_THROW(resolveStartAt(parseStartAt("#6"), scene), cli::ArgumentError);
  EXPECT_THROW(resolveStartAt(parseStartAt("#0"), scene), cli::ArgumentError);
  EXPECT_THROW(resolveStartAt(parseStartAt("no such beat"), scene), cli::ArgumentError);
}

TEST(PresenterView, FormatsTheClock) {
  EXPECT_EQ(formatClock(0.0), "0:00");
  EXPECT_EQ(formatClock(7.9), "0:07");
  EXPECT_EQ(formatClock(754.0), "12:34");
  EXPECT_EQ(formatClock(3723.0), "1:02:03");
  EXPECT_EQ(formatClock(-5.0), "0:00");
}

TEST(PresenterView, ShowsTheBeatAtThePlayheadAndTheNextOne) {
  SceneBuilder b("talk");
  b.endPlay(2.0, "tokens appear", "tokens", "Say what a token is.");
  b.wait(1.0, "hold", "tokens");
  b.endPlay(4.0, "embeddings", "embedding", "One vector per token.");
  const Scene scene = b.finish();

  PresenterView v = describeForPresenter(scene, 0.5, 0, 0, 65.0);
  EXPECT_EQ(v.beat, 0);
  EXPECT_EQ(v.beat_count, 3);
  EXPECT_EQ(v.section, "tokens");
  EXPECT_EQ(v.current, "tokens appear");
  EXPECT_EQ(v.notes, "Say what a token is.");
  EXPECT_EQ(v.number, "1 / 3");
  EXPECT_EQ(v.next, "tokens appear");  // mid-beat, the next click finishes this one
  EXPECT_DOUBLE_EQ(v.next_end, 2.0);
  EXPECT_DOUBLE_EQ(v.beat_progress, 0.25);
  EXPECT_EQ(v.clock, "1:05");
  EXPECT_EQ(v.position, "0.5 / 7.0 s");

  v = describeForPresenter(scene, 2.5, 1, 2, 0.0);
  EXPECT_EQ(v.current, "hold");
  EXPECT_EQ(v.notes, "Say what a token is.");  // the section's notes
  EXPECT_TRUE(v.notes_inherited);
  EXPECT_EQ(v.next, "embeddings");
  EXPECT_EQ(v.next_notes, "One vector per token.");
  EXPECT_DOUBLE_EQ(v.next_end, 7.0);

  v = describeForPresenter(scene, 7.0, 2, 3, -1.0);  // the end: last beat, nothing next
  EXPECT_FALSE(v.clock_running);
  EXPECT_EQ(v.clock, "0:00");
  EXPECT_EQ(v.beat, 2);
  EXPECT_TRUE(v.next.empty());
  EXPECT_DOUBLE_EQ(v.next_end, -1.0);
  EXPECT_DOUBLE_EQ(v.beat_progress, 1.0);
}

TEST(ViewerOptions, ParsesTheViewerCommandLine) {
  const ViewerOptions o = parseViewerOptions(
      {"scene.json", "--start-at", "#3", "--present", "--hide-ui", "--no-vsync"});
  EXPECT_EQ(o.scene_path, "scene.json");
  ASSERT_TRUE(o.start_at.has_value());
  EXPECT_EQ(o.start_at->kind, StartAt::Kind::BeatIndex);
  EXPECT_TRUE(o.present);
  EXPECT_TRUE(o.hide_ui);
  EXPECT_FALSE(o.vsync);
  EXPECT_EQ(o.samples, 0);  // auto: no multisampling on a software rasterizer
  EXPECT_FALSE(o.presenter_console);
  EXPECT_TRUE(parseViewerOptions({"--presenter-console"}).presenter_console);
  EXPECT_EQ(parseViewerOptions({"--samples", "4"}).samples, 4);
  EXPECT_THROW(parseViewerOptions({"--samples", "64"}), cli::ArgumentError);
  EXPECT_THROW(parseViewerOptions({"--bogus"}), cli::ArgumentError);
  EXPECT_THROW(parseViewerOptions({"a.json", "b.json"}), cli::ArgumentError);
  EXPECT_THROW(parseViewerOptions({"--start-at"}), cli::ArgumentError);
  EXPECT_THROW(parseViewerOptions({"--screenshot", "/no/such/folder/x.png"}), cli::ArgumentError);
}

}  // namespace
}  // namespace flowview::viewer
