#pragma once
// Every keyboard shortcut of the viewer, in one table: the key handler looks keys up here and the
// help overlay lists it, so the two cannot disagree. Key codes and modifier bits are GLFW's
// values (checked against GLFW's headers in viewer.cpp), so this file needs no GLFW include.
#include <optional>
#include <vector>

namespace flowview::viewer {

namespace key {
inline constexpr int kSpace = 32, kMinus = 45, kPeriod = 46, kSlash = 47, kDigit0 = 48,
                     kDigit1 = 49, kEqual = 61;
inline constexpr int kB = 66, kC = 67, kG = 71, kL = 76, kN = 78, kP = 80, kQ = 81, kR = 82,
                     kS = 83, kX = 88;
inline constexpr int kEscape = 256, kEnter = 257, kTab = 258, kBackspace = 259, kRight = 262,
                     kLeft = 263;
inline constexpr int kPageUp = 266, kPageDown = 267, kHome = 268, kEnd = 269;
inline constexpr int kF1 = 290, kF2 = 291, kF5 = 294, kF11 = 300, kKp0 = 320, kKpSubtract = 333,
                     kKpAdd = 334, kKpEnter = 335;
inline constexpr int kModShift = 0x1, kModControl = 0x2, kModAlt = 0x4, kModSuper = 0x8;
}  // namespace key

enum class Action {
  TogglePlay,
  PrevBeat,
  NextBeat,
  JumpToStart,
  JumpToEnd,
  ToggleReverse,
  Faster,
  Slower,
  LoopBeat,
  ToggleFullscreen,
  Screenshot,
  TogglePresentation,
  GoToPreset,  // arg: 0-based preset index
  TimelineCamera,
  ToggleHelp,
  ToggleUi,
  Escape,  // leaves presentation, then fullscreen, then closes the help
  PresentNext,
  PresentBack,         // to the previous beat's end
  PresentBackToStart,  // to the previous beat's start (the next click replays it)
  PresentBackReverse,  // plays the shown beat backwards, at the reverse speed
  ToggleBeatCounter,
  TogglePresenterConsole,
  StartPresentation,  // F5: enters presentation (never leaves it)
  BlackScreen,        // blacks the stage out / back
  BeatDigit,          // arg: 0-9, typed toward a beat number
  JumpToTypedBeat,    // Enter: the typed beat number
  BeatPalette,        // jump by beat or section name
  SwapScreens,        // stage and presenter console change monitors
  Quit,
};

// Where a binding applies.
enum class KeyContext { Always, Normal, Presentation };

struct KeyBinding {
  int key;
  int mods;  // exact modifier bits (Shift/Ctrl/Alt/Super) that must be held
  KeyContext context;
  Action action;
  int arg;
  const char* label;        // what the help overlay shows: "Space", "Shift+/ (?)"
  const char* description;  // "Play / pause"
};

const std::vector<KeyBinding>& keyBindings();

// The binding for a key press in the given mode, if any. Caps/Num Lock bits are ignored.
const KeyBinding* findBinding(int key, int mods, bool presentation);

// The keys presentation remotes ("clickers") send: each must step the talk, in either mode.
inline constexpr int kClickerKeys[] = {key::kPageDown, key::kPageUp, key::kRight, key::kLeft,
                                       key::kSpace};

}  // namespace flowview::viewer
