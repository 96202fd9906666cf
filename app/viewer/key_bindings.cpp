#include "viewer/key_bindings.h"

namespace flowview::viewer {

const std::vector<KeyBinding>& keyBindings() {
  using K = KeyContext;
  using A = Action;
  static const std::vector<KeyBinding> bindings = {
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
      {key::kDigit1 + 0, 0, K::Always, A::GoToPreset, 0, "1", "Glide to camera preset 1"},
      {key::kDigit1 + 1, 0, K::Always, A::GoToPreset, 1, "2", "Glide to camera preset 2"},
      {key::kDigit1 + 2, 0, K::Always, A::GoToPreset, 2, "3", "Glide to camera preset 3"},
      {key::kDigit1 + 3, 0, K::Always, A::GoToPreset, 3, "4", "Glide to camera preset 4"},
      {key::kDigit1 + 4, 0, K::Always, A::GoToPreset, 4, "5", "Glide to camera preset 5"},
      {key::kDigit1 + 5, 0, K::Always, A::GoToPreset, 5, "6", "Glide to camera preset 6"},
      {key::kDigit1 + 6, 0, K::Always, A::GoToPreset, 6, "7", "Glide to camera preset 7"},
      {key::kDigit1 + 7, 0, K::Always, A::GoToPreset, 7, "8", "Glide to camera preset 8"},
      {key::kDigit1 + 8, 0, K::Always, A::GoToPreset, 8, "9", "Glide to camera preset 9"},
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
      {key::kLeft, 0, K::Presentation, A::PresentBack, 0, "Left", "Back one beat"},
      {key::kPageUp, 0, K::Presentation, A::PresentBack, 0, "Page Up", "Back one beat"},
      {key::kB, 0, K::Presentation, A::ToggleBeatCounter, 0, "B", "Beat counter on/off"},
  };
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
