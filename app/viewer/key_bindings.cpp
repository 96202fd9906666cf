#include "viewer/key_bindings.h"

namespace flowview::viewer {

namespace {

std::vector<KeyBinding> baseBindings() {
  using K = KeyContext;
  using A = Action;
  return {
      {key::kSpace, 0, K::Normal, A::TogglePlay, 0, "Space", "Play / pause"},
      {key::kLeft, 0, K::Normal, A::PrevBeat, 0, "Left", "Previous beat"},
      {key::kRight, 0, K::Normal, A::NextBeat, 0, "Right", "Next beat"},
      {key::kPageUp, 0, K::Normal, A::PrevBeat, 0, "Page Up", "Previous beat"},
      {key::kPageDown, 0, K::Normal, A::NextBeat, 0, "Page Down", "Next beat"},
      {key::kHome, 0, K::Always, A::JumpToStart, 0, "Home", "Jump to the start"},
      {key::kEnd, 0, K::Always, A::JumpToEnd, 0, "End", "Jump to the end"},
      {key::kR, 0, K::Normal, A::ToggleReverse, 0, "R", "Play in reverse on/off"},
      {key::kEqual, key::kModShift, K::Normal, A::Faster, 0, "+", "Faster"},
      {key::kEqual, 0, K::Normal, A::Faster, 0, "=", "Faster"},
      {key::kKpAdd, 0, K::Normal, A::Faster, 0, "Keypad +", "Faster"},
      {key::kMinus, 0, K::Normal, A::Slower, 0, "-", "Slower"},
      {key::kKpSubtract, 0, K::Normal, A::Slower, 0, "Keypad -", "Slower"},
      {key::kL, 0, K::Normal, A::LoopBeat, 0, "L", "Loop the current beat on/off"},
      {key::kF11, 0, K::Always, A::ToggleFullscreen, 0, "F11", "Fullscreen on/off"},
      {key::kS, 0, K::Always, A::Screenshot, 0, "S", "Screenshot of the 3D view"},
      {key::kP, 0, K::Always, A::TogglePresentation, 0, "P", "Presentation mode on/off"},
      {key::kF5, 0, K::Always, A::StartPresentation, 0, "F5", "Start presenting"},
      {key::kF5, key::kModShift, K::Always, A::StartPresentation, 0, "Shift+F5",
       "Start presenting"},
      {key::kQ, key::kModControl, K::Always, A::Quit, 0, "Ctrl+Q", "Quit"},
      {key::kG, 0, K::Always, A::BeatPalette, 0, "G", "Go to a beat or section by name"},
      {key::kDigit1 + 0, 0, K::Normal, A::GoToPreset, 0, "1", "Glide to camera preset 1"},
      {key::kDigit1 + 1, 0, K::Normal, A::GoToPreset, 1, "2", "Glide to camera preset 2"},
      {key::kDigit1 + 2, 0, K::Normal, A::GoToPreset, 2, "3", "Glide to camera preset 3"},
      {key::kDigit1 + 3, 0, K::Normal, A::GoToPreset, 3, "4", "Glide to camera preset 4"},
      {key::kDigit1 + 4, 0, K::Normal, A::GoToPreset, 4, "5", "Glide to camera preset 5"},
      {key::kDigit1 + 5, 0, K::Normal, A::GoToPreset, 5, "6", "Glide to camera preset 6"},
      {key::kDigit1 + 6, 0, K::Normal, A::GoToPreset, 6, "7", "Glide to camera preset 7"},
      {key::kDigit1 + 7, 0, K::Normal, A::GoToPreset, 7, "8", "Glide to camera preset 8"},
      {key::kDigit1 + 8, 0, K::Normal, A::GoToPreset, 8, "9", "Glide to camera preset 9"},
      {key::kC, 0, K::Always, A::TimelineCamera, 0, "C", "Glide back to the timeline camera"},
      {key::kF1, 0, K::Always, A::ToggleHelp, 0, "F1", "This help"},
      {key::kF2, 0, K::Always, A::TogglePresenterConsole, 0, "F2",
       "Presenter console (second window: notes, next beat, clock)"},
      {key::kSlash, key::kModShift, K::Always, A::ToggleHelp, 0, "?", "This help"},
      {key::kTab, 0, K::Normal, A::ToggleUi, 0, "Tab", "Hide / show the panels"},
      {key::kEscape, 0, K::Always, A::Escape, 0, "Esc",
       "Leave presentation mode, then fullscreen; close this help"},
      {key::kSpace, 0, K::Presentation, A::PresentNext, 0, "Space", "Play the next beat"},
      {key::kRight, 0, K::Presentation, A::PresentNext, 0, "Right", "Play the next beat"},
      {key::kPageDown, 0, K::Presentation, A::PresentNext, 0, "Page Down", "Play the next beat"},
      {key::kLeft, 0, K::Presentation, A::PresentBack, 0, "Left", "Back: the previous beat's end"},
      {key::kPageUp, 0, K::Presentation, A::PresentBack, 0, "Page Up",
       "Back: the previous beat's end"},
      {key::kLeft, key::kModShift, K::Presentation, A::PresentBackToStart, 0, "Shift+Left",
       "Back: the previous beat's start (the next click replays it)"},
      {key::kPageUp, key::kModShift, K::Presentation, A::PresentBackToStart, 0, "Shift+Page Up",
       "Back: the previous beat's start (the next click replays it)"},
      {key::kBackspace, 0, K::Presentation, A::PresentBackReverse, 0, "Backspace",
       "Back: play this beat in reverse (reverse speed: bottom bar)"},
      {key::kLeft, key::kModControl, K::Presentation, A::PresentBackReverse, 0, "Ctrl+Left",
       "Back: play this beat in reverse (reverse speed: bottom bar)"},
      {key::kPeriod, 0, K::Presentation, A::BlackScreen, 0, ".", "Black the stage out / back"},
      {key::kB, 0, K::Presentation, A::BlackScreen, 0, "B", "Black the stage out / back"},
      {key::kN, 0, K::Presentation, A::ToggleBeatCounter, 0, "N", "Beat counter on/off"},
      {key::kEnter, 0, K::Presentation, A::JumpToTypedBeat, 0, "Enter",
       "Go to the beat number typed before it (e.g. 1 2 Enter)"},
      {key::kKpEnter, 0, K::Presentation, A::JumpToTypedBeat, 0, "Keypad Enter",
       "Go to the beat number typed before it (e.g. 1 2 Enter)"},
      {key::kX, 0, K::Always, A::SwapScreens, 0, "X",
       "Swap the stage and the presenter console between screens"},
  };
}

std::vector<KeyBinding> makeBindings() {
  std::vector<KeyBinding> bindings = baseBindings();
  // In presentation, digits (top row and keypad) type a beat number for Enter.
  static const char* kDigitLabels[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  static const char* kKeypadLabels[] = {"Keypad 0", "Keypad 1", "Keypad 2", "Keypad 3", "Keypad 4",
                                        "Keypad 5", "Keypad 6", "Keypad 7", "Keypad 8", "Keypad 9"};
  for (int d = 0; d < 10; ++d) {
    bindings.push_back({key::kDigit0 + d, 0, KeyContext::Presentation, Action::BeatDigit, d,
                        kDigitLabels[d], "Type a beat number (then Enter)"});
    bindings.push_back({key::kKp0 + d, 0, KeyContext::Presentation, Action::BeatDigit, d,
                        kKeypadLabels[d], "Type a beat number (then Enter)"});
  }
  return bindings;
}

}  // namespace

const std::vector<KeyBinding>& keyBindings() {
  static const std::vector<KeyBinding> bindings = makeBindings();
  return bindings;
}

const KeyBinding* findBinding(int key, int mods, bool presentation) {
  const int relevant = mods & (key::kModShift | key::kModControl | key::kModAlt | key::kModSuper);
  const KeyContext mode = presentation ? KeyContext::Presentation : KeyContext::Normal;
  for (const KeyBinding& binding : keyBindings()) {
    if (binding.key != key || binding.mods != relevant) continue;
    if (binding.context == KeyContext::Always || binding.context == mode) return &binding;
  }
  return nullptr;
}

}  // namespace flowview::viewer
