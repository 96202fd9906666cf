#pragma once
// The viewer's command line and the small settings file it remembers between runs. Pure logic:
// parsing throws cli::ArgumentError (one line; the caller prints it and exits 2).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/scene/scene.h"

namespace flowview::viewer {

// --start-at: a time ("20", "20.5", "20s"), a 1-based beat number ("#12" or "beat:12", as the
// viewer numbers beats), or a beat name
// (exact, then case-insensitive, then a section name: its first beat).
struct StartAt {
  enum class Kind { Time, BeatIndex, BeatName } kind = Kind::Time;
  double time = 0.0;
  int beat = 0;
  std::string name;
  std::string text;  // as given, for messages
};

struct ViewerOptions {
  std::string scene_path;  // empty: the default scene (or the last one opened)
  bool scene_given = false;
  std::optional<StartAt> start_at;
  bool present = false;
  bool presenter_console = false;  // open the presenter console (second window) at start
  std::string screenshot;          // automation: write a window screenshot here and quit
  bool hide_ui = false;
  bool vsync = true;
  std::string font;
  // Multisampling of the window: 0 = auto (none on a software rasterizer, else 4), 1 = none.
  int samples = 0;
};

ViewerOptions parseViewerOptions(const std::vector<std::string>& args);
StartAt parseStartAt(const std::string& text);
// The time to start at in this scene. Throws cli::ArgumentError for an unknown beat or a time
// past the end.
double resolveStartAt(const StartAt& start, const Scene& scene);

// Remembered between runs in configDirectory()/settings.json.
struct Settings {
  int window_width = 1280, window_height = 720;
  std::string last_scene;
  bool vsync = true;
  std::string screenshot_folder;  // empty: the pictures folder (defaultScreenshotFolder)
  int screenshot_size = 1;        // the panel's choice: 0 view, 1 1080p, 2 4K, 3 8K, 4 custom
  int screenshot_width = 2560, screenshot_height = 1440;  // the custom size
  bool screenshot_transparent = false;
  bool hint_seen = false;  // the first-start hint was shown and dismissed
};

// Missing file: defaults, returns true. Broken file: defaults, false with `error` set.
bool loadSettings(const std::filesystem::path& path, Settings& out, std::string* error);
// Atomic; throws std::runtime_error (one line) when it cannot be written.
void saveSettings(const std::filesystem::path& path, const Settings& settings);

}  // namespace flowview::viewer
