// Presenting, in the pure viewer logic: one 1-based beat numbering, the three kinds of back,
// hold beats, jumps by number and name, clicker keys, loops, the letterboxed stage, the console's
// screen and notes, and the Next-token panel's figures.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "core/build/scene_builder.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "viewer/beat_jump.h"
#include "viewer/hold_beats.h"
#include "viewer/key_bindings.h"
#include "viewer/next_token_display.h"
#include "viewer/pictures_folder.h"
#include "viewer/presenter_view.h"
#include "viewer/stage_layout.h"
#include "viewer/transport.h"
#include "viewer/viewer_options.h"

namespace flowview::viewer {
namespace {

// A talk: "a" [0,2) play, "a: hold" [2,3) wait, "b" [3,6) play, "c" [6,10) play.
Scene talkScene() {
  SceneBuilder b("talk");
  const int box = b.addBox("box", BoxGeometry{}, Pose{}, Rgb(1.0f));
  b.fadeIn(box, {0.0, 2.0});
  b.endPlay(2.0, "a", "first", "Notes of the first section.");
  b.wait(1.0, "a: hold", "first");
  b.moveTo(box, {3.0, 6.0}, Pose{});
  b.endPlay(3.0, "b", "second", "Notes of b.");
  b.recolor(box, {6.0, 10.0}, Rgb(0.5f));
  b.endPlay(4.0, "c", "second");
  return b.finish();
}

Transport presenting(const Scene& scene) {
  Transport t(scene.beats, scene.duration);
  t.setHolds(holdBeats(scene));
  t.setPresentation(true);
  return t;
}

void playToStop(Transport& t) {
  for (int i = 0; i < 100 && t.playing(); ++i) t.advance(0.5);
}

TEST(Presenting, HoldBeatsAreWaitsInWhichNothingChanges) {
  Scene scene = talkScene();
  EXPECT_EQ(holdBeats(scene), (std::vector<bool>{false, true, false, false}));
  // A wait during which something moves is no hold.
  SceneBuilder b("moving wait");
  const int box = b.addBox("box", BoxGeometry{}, Pose{}, Rgb(1.0f));
  b.endPlay(1.0, "a", "s");
  b.fadeOut(box, {1.2, 1.8});
  b.wait(1.0, "fading", "s");
  EXPECT_EQ(holdBeats(b.finish()), (std::vector<bool>{false, false}));
  // The scene option keeps every beat a click.
  scene.present_every_beat = true;
  EXPECT_EQ(holdBeats(scene), (std::vector<bool>{false, false, false, false}));
}

TEST(Presenting, OneNumberingTheBeatOnScreen) {
  const Scene scene = talkScene();
  Transport t = presenting(scene);
  EXPECT_EQ(formatBeatNumber(t.shownBeat(), t.beatCount()), "1 / 4");
  t.advancePresentation();
  t.advance(1.0);
  EXPECT_EQ(t.shownBeat(), 0);  // beat 1 plays
  playToStop(t);
  EXPECT_DOUBLE_EQ(t.time(), 2.0);
  // Stopped on the boundary: the end of beat 1 is on screen, so beat 1 it is (not 2, the hold).
  EXPECT_EQ(formatBeatNumber(t.shownBeat(), t.beatCount()), "1 / 4");
  EXPECT_EQ(t.nextPresentedBeat(), 2);  // the hold needs no click
  const PresenterView view =
      describeForPresenter(scene, t.time(), t.shownBeat(), t.nextPresentedBeat(), 12.0);
  EXPECT_EQ(view.current, "a");
  EXPECT_EQ(view.number, "1 / 4");
  EXPECT_EQ(view.next, "b");
  EXPECT_DOUBLE_EQ(view.next_end, 6.0);
  EXPECT_DOUBLE_EQ(view.beat_progress, 1.0);

  t.advancePresentation();  // steps over the hold at once and plays b
  EXPECT_DOUBLE_EQ(t.time(), 3.0);
  EXPECT_TRUE(t.playing());
  playToStop(t);
  EXPECT_DOUBLE_EQ(t.time(), 6.0);
  EXPECT_EQ(formatBeatNumber(t.shownBeat(), t.beatCount()), "3 / 4");
  // Outside presentation the boundary belongs to the beat Space plays next.
  t.setPresentation(false);
  EXPECT_EQ(t.shownBeat(), 3);
  EXPECT_EQ(formatBeatNumber(0, 0), "0 / 0");
}

TEST(Presenting, HoldsNeedAClickWhenTheSceneAsks) {
  Scene scene = talkScene();
  scene.present_every_beat = true;
  Transport t = presenting(scene);
  t.advancePresentation();
  playToStop(t);
  t.advancePresentation();  // plays the hold
  playToStop(t);
  EXPECT_DOUBLE_EQ(t.time(), 3.0);
  EXPECT_EQ(t.shownBeat(), 1);
}

TEST(Presenting, ThreeKindsOfBack) {
  const Scene scene = talkScene();
  Transport t = presenting(scene);
  t.jumpToShownBeat(3);  // the end of c
  EXPECT_DOUBLE_EQ(t.time(), 10.0);
  EXPECT_EQ(t.shownBeat(), 3);

  t.backToPreviousEnd();  // b's end
  EXPECT_DOUBLE_EQ(t.time(), 6.0);
  EXPECT_EQ(t.shownBeat(), 2);
  t.backToPreviousEnd();  // the hold is skipped: a's end
  EXPECT_DOUBLE_EQ(t.time(), 2.0);
  EXPECT_EQ(t.shownBeat(), 0);
  t.backToPreviousEnd();
  EXPECT_DOUBLE_EQ(t.time(), 0.0);

  t.jumpToShownBeat(3);
  t.backToPreviousStart();  // b's start: the next click replays b
  EXPECT_DOUBLE_EQ(t.time(), 3.0);
  EXPECT_EQ(t.nextPresentedBeat(), 2);
  t.advancePresentation();
  playToStop(t);
  EXPECT_DOUBLE_EQ(t.time(), 6.0);

  // Reverse play back through c at the reverse speed, stopping at b's end.
  t.jumpToShownBeat(3);
  t.setReverseSpeed(2.0);
  EXPECT_DOUBLE_EQ(t.reverseSpeed(), 2.0);
  t.reversePlayBack();
  EXPECT_TRUE(t.playing());
  EXPECT_DOUBLE_EQ(t.advance(1.0), 8.0);  // 2x
  EXPECT_EQ(t.shownBeat(), 3);            // c is still (partly) on screen
  playToStop(t);
  EXPECT_DOUBLE_EQ(t.time(), 6.0);
  EXPECT_FALSE(t.playing());
  EXPECT_EQ(t.shownBeat(), 2);
  t.advancePresentation();  // forward again
  EXPECT_FALSE(t.reverse());
  EXPECT_DOUBLE_EQ(t.advance(1.0), 7.0);
  t.setReverseSpeed(100.0);
  EXPECT_DOUBLE_EQ(t.reverseSpeed(), Transport::kMaxSpeed);
}

TEST(Presenting, JumpsShowTheChosenBeat) {
  const Scene scene = talkScene();
  Transport t = presenting(scene);
  t.jumpToShownBeat(2);
  EXPECT_DOUBLE_EQ(t.time(), 6.0);  // presentation: the beat's end is on screen
  EXPECT_EQ(t.shownBeat(), 2);
  t.setPresentation(false);
  t.jumpToShownBeat(2);
  EXPECT_DOUBLE_EQ(t.time(), 3.0);  // authoring: its start, ready to play
  EXPECT_EQ(t.shownBeat(), 2);

  BeatNumberInput input;
  EXPECT_FALSE(input.take(4).has_value());  // nothing typed
  input.type(3);
  EXPECT_EQ(input.text(), "3");
  EXPECT_EQ(input.take(4), std::optional<int>(2));  // 1-based typed, 0-based out
  EXPECT_TRUE(input.empty());
  input.type(0);
  EXPECT_FALSE(input.take(4).has_value());  // no beat 0
  input.type(1);
  input.type(2);
  EXPECT_FALSE(input.take(4).has_value());  // no beat 12 of 4
  input.type(11);                           // not a digit
  EXPECT_TRUE(input.empty());
  for (int d : {1, 2, 3, 4, 5}) input.type(d);
  EXPECT_EQ(input.text(), "2345");
}

TEST(Presenting, PaletteFindsBeatsByNumberNameAndSection) {
  const Scene scene = talkScene();
  EXPECT_EQ(findBeats(scene, ""), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(findBeats(scene, "3"), (std::vector<int>{2}));
  EXPECT_EQ(findBeats(scene, "B"), (std::vector<int>{2}));
  EXPECT_EQ(findBeats(scene, "second"), (std::vector<int>{2, 3}));
  EXPECT_EQ(findBeats(scene, "first hold"), (std::vector<int>{1}));
  EXPECT_TRUE(findBeats(scene, "nothing like it").empty());
}

TEST(Presenting, ClickerKeysStepTheTalkAndNeverTouchTheCamera) {
  const std::vector<Action> stepping = {Action::TogglePlay,  Action::PrevBeat,
                                        Action::NextBeat,    Action::PresentNext,
                                        Action::PresentBack, Action::PresentBackToStart};
  for (bool presentation : {false, true}) {
    for (int k : kClickerKeys) {
      const KeyBinding* b = findBinding(k, 0, presentation);
      ASSERT_NE(b, nullptr) << k;
      EXPECT_NE(std::find(stepping.begin(), stepping.end(), b->action), stepping.end()) << k;
    }
  }
  EXPECT_EQ(findBinding(key::kPageDown, 0, true)->action, Action::PresentNext);
  EXPECT_EQ(findBinding(key::kPageUp, 0, true)->action, Action::PresentBack);
  EXPECT_EQ(findBinding(key::kLeft, key::kModShift, true)->action, Action::PresentBackToStart);
  EXPECT_EQ(findBinding(key::kBackspace, 0, true)->action, Action::PresentBackReverse);
  EXPECT_EQ(findBinding(key::kPeriod, 0, true)->action, Action::BlackScreen);
  EXPECT_EQ(findBinding(key::kB, 0, true)->action, Action::BlackScreen);
  EXPECT_EQ(findBinding(key::kN, 0, true)->action, Action::ToggleBeatCounter);
  EXPECT_EQ(findBinding(key::kF5, 0, false)->action, Action::StartPresentation);
  EXPECT_EQ(findBinding(key::kF5, 0, true)->action, Action::StartPresentation);
  EXPECT_EQ(findBinding(key::kEscape, 0, true)->action, Action::Escape);
  EXPECT_EQ(findBinding(key::kQ, key::kModControl, true)->action, Action::Quit);
  EXPECT_EQ(findBinding(key::kQ, key::kModControl, false)->action, Action::Quit);
  EXPECT_EQ(findBinding(key::kQ, 0, false), nullptr);
  // Digits type a beat number in presentation, glide to presets otherwise.
  EXPECT_EQ(findBinding(key::kDigit1 + 2, 0, true)->action, Action::BeatDigit);
  EXPECT_EQ(findBinding(key::kDigit1 + 2, 0, true)->arg, 3);
  EXPECT_EQ(findBinding(key::kKp0 + 7, 0, true)->arg, 7);
  EXPECT_EQ(findBinding(key::kDigit1 + 2, 0, false)->action, Action::GoToPreset);
  EXPECT_EQ(findBinding(key::kEnter, 0, true)->action, Action::JumpToTypedBeat);
  EXPECT_EQ(findBinding(key::kG, 0, true)->action, Action::BeatPalette);
  EXPECT_EQ(findBinding(key::kX, 0, true)->action, Action::SwapScreens);
}

TEST(Presenting, LeavingTheLoopedBeatEndsTheLoop) {
  const Scene scene = talkScene();
  Transport t(scene.beats, scene.duration);
  t.seek(7.0);
  t.toggleLoopBeat();  // c: [6, 10)
  ASSERT_EQ(t.loopMode(), LoopMode::Beat);
  t.seek(8.0);  // scrubbing inside keeps it
  EXPECT_EQ(t.loopMode(), LoopMode::Beat);
  t.jumpToStart();  // Home leaves it
  EXPECT_EQ(t.loopMode(), LoopMode::Off);
  t.play();
  EXPECT_DOUBLE_EQ(t.advance(1.0), 1.0);  // never pulled back to the loop
  t.seek(7.0);
  t.toggleLoopBeat();
  t.jumpToBeat(1);  // a beat click elsewhere
  EXPECT_EQ(t.loopMode(), LoopMode::Off);
}

TEST(Presenting, TheStageKeeps16By9Letterboxed) {
  const StageRect wide = letterbox({0, 0, 950, 636}, kStageAspect);  // the window minus panels
  EXPECT_FLOAT_EQ(wide.w, 950.0f);
  EXPECT_NEAR(wide.h, 950.0f * 9.0f / 16.0f, 1e-3);
  EXPECT_NEAR(wide.y, (636.0f - wide.h) / 2.0f, 1e-3);
  const StageRect tall = letterbox({10, 0, 1920, 800}, kStageAspect);  // pillarbox
  EXPECT_FLOAT_EQ(tall.h, 800.0f);
  EXPECT_NEAR(tall.w, 800.0f * 16.0f / 9.0f, 1e-3);
  EXPECT_NEAR(tall.x, 10.0f + (1920.0f - tall.w) / 2.0f, 1e-3);
}

TEST(Presenting, ConsoleScreenToastsTitleAndFirstFrame) {
  EXPECT_EQ(planScreens(1, false).console, -1);
  EXPECT_EQ(planScreens(2, false).stage, 0);
  EXPECT_EQ(planScreens(2, false).console, 1);
  EXPECT_EQ(planScreens(2, true).stage, 1);
  EXPECT_EQ(planScreens(2, true).console, 0);
  EXPECT_EQ(toastPlace(false, true), ToastPlace::Stage);
  EXPECT_EQ(toastPlace(true, true), ToastPlace::Console);
  EXPECT_EQ(toastPlace(true, false), ToastPlace::Nowhere);
  EXPECT_EQ(windowTitle("Talk", "/x/y.json"), "flowview - Talk");
  EXPECT_EQ(windowTitle("", "/x/y.json"), "flowview - y.json");
  // The box fades in over beat 1: at 0 nothing shows, at beat 1's end it does.
  EXPECT_DOUBLE_EQ(firstShowingTime(talkScene()), 2.0);
}

TEST(Presenting, NotesComeFromTheSectionAndTheClockFromTheFirstClick) {
  const Scene scene = talkScene();
  bool inherited = true;
  EXPECT_EQ(notesForBeat(scene, 0, &inherited), "Notes of the first section.");
  EXPECT_FALSE(inherited);
  EXPECT_EQ(notesForBeat(scene, 1, &inherited), "Notes of the first section.");
  EXPECT_TRUE(inherited);
  EXPECT_EQ(notesForBeat(scene, 3), "Notes of b.");
  EXPECT_EQ(notesForBeat(scene, 9), "");

  TalkClock clock;
  EXPECT_DOUBLE_EQ(clock.elapsed(100.0), -1.0);
  clock.startIfStopped(100.0);
  clock.startIfStopped(150.0);  // later clicks do not restart it
  EXPECT_DOUBLE_EQ(clock.elapsed(160.0), 60.0);
  clock.reset();
  EXPECT_FALSE(clock.running());
}

TEST(Presenting, NextTokenPanelSharesAndPendingBars) {
  // Greedy keeps the candidates' mass on the top one: the panel reads 100%.
  const std::vector<double> greedy = sharesOfShown({0.0, 0.3898, 0.0});
  EXPECT_DOUBLE_EQ(greedy[1], 1.0);
  const std::vector<double> shares = sharesOfShown({0.2, 0.1, 0.1, -1.0});
  EXPECT_DOUBLE_EQ(shares[0], 0.5);
  EXPECT_DOUBLE_EQ(shares[3], 0.0);
  EXPECT_DOUBLE_EQ(std::accumulate(shares.begin(), shares.end(), 0.0), 1.0);
  EXPECT_EQ(sharesOfShown({0.0, 0.0}), (std::vector<double>{0.0, 0.0}));

  Scene scene = talkScene();
  EXPECT_EQ(nextTokenBarsPending(scene, 0.0), "");  // no bars in this scene
  scene.next_tokens.tokens = {"x", "y"};
  scene.next_tokens.probabilities = {0.6, 0.4};
  scene.next_tokens.grow_start = 6.0;
  scene.next_tokens.grow_end = 10.0;
  EXPECT_EQ(nextTokenBarsPending(scene, 1.0), "The bars come with beat 4 (c).");
  EXPECT_EQ(nextTokenBarsPending(scene, 8.0), "");
}

TEST(Presenting, ScreenshotsGoToThePicturesFolderInFull) {
  EXPECT_EQ(picturesFolder("/home/ada", ""), "/home/ada/Pictures");
  EXPECT_EQ(picturesFolder("/home/ada", "# comment\nXDG_PICTURES_DIR=\"$HOME/Bilder\"\n"),
            "/home/ada/Bilder");
  EXPECT_EQ(picturesFolder("/home/ada", "XDG_PICTURES_DIR=\"/data/pics/\"\n"), "/data/pics/");
  EXPECT_EQ(picturesFolder("/home/ada", "XDG_PICTURES_DIR=\"$HOME/\"\n"), "/home/ada/Pictures");
  EXPECT_EQ(picturesFolder("", "").front(), '/');  // the current folder, made absolute
}

TEST(Presenting, EveryBeatOfTheShippedScenesHasNotes) {
  text::GlyphAtlas atlas(text::locateFonts());
  int scenes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(FLOWVIEW_TEST_SCENE_DIR)) {
    if (entry.path().extension() != ".json") continue;
    const Scene scene = scenes::loadSceneFile(entry.path().string(), atlas);
    ++scenes;
    for (int i = 0; i < static_cast<int>(scene.beats.size()); ++i) {
      EXPECT_NE(notesForBeat(scene, i), "")
          << entry.path().filename() << " beat " << i + 1 << ": " << scene.beats[i].name;
    }
  }
  EXPECT_GE(scenes, 7);
}

TEST(Presenting, TheDefaultScenesHoldsNeedNoClick) {
  text::GlyphAtlas atlas(text::locateFonts());
  const Scene scene = scenes::loadSceneFile(
      std::string(FLOWVIEW_TEST_SCENE_DIR) + "/high_level_network_flow.json", atlas);
  const std::vector<bool> holds = holdBeats(scene);
  int hold_count = 0;
  for (size_t i = 0; i < holds.size(); ++i) {
    if (!holds[i]) continue;
    ++hold_count;
    EXPECT_EQ(scene.beats[i].kind, BeatKind::Wait) << scene.beats[i].name;
  }
  EXPECT_GT(hold_count, 0);
  // Clicking through the talk visits every non-hold beat once and never stops inside a hold.
  Transport t(scene.beats, scene.duration);
  t.setHolds(holds);
  t.setPresentation(true);
  int clicks = 0;
  while (t.time() < scene.duration - 1e-6 && clicks < 1000) {
    t.advancePresentation();
    playToStop(t);
    ++clicks;
    EXPECT_FALSE(t.isHold(t.shownBeat())) << t.time();
  }
  EXPECT_EQ(clicks, static_cast<int>(scene.beats.size()) - hold_count);
}

}  // namespace
}  // namespace flowview::viewer
