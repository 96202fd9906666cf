#include "viewer/viewer_options.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/arguments.h"
#include "viewer/config_files.h"

namespace flowview::viewer {
namespace {

using cli::ArgumentError;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool parseNumber(const std::string& text, double& out) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return *end == '\0' && errno != ERANGE && std::isfinite(out);
}

}  // namespace

ViewerOptions parseViewerOptions(const std::vector<std::string>& raw) {
  cli::Arguments args(
      "viewer", raw,
      {"start-at", "screenshot", "font", "samples", "model", "text", "type-sentence"},
      {"present", "presenter-console", "hide-ui", "no-vsync"});
  args.expectPositionalCount(1);
  ViewerOptions options;
  if (!args.positional().empty()) {
    options.scene_path = args.positional()[0];
    options.scene_given = true;
  }
  if (auto start = args.option("start-at")) options.start_at = parseStartAt(*start);
  options.present = args.flag("present");
  options.presenter_console = args.flag("presenter-console");
  options.hide_ui = args.flag("hide-ui");
  options.vsync = !args.flag("no-vsync");
  options.font = args.option("font").value_or("");
  options.samples = args.integer("samples", 0, 1, 16);
  options.model = args.option("model").value_or("");
  options.text = args.option("text");
  options.type_sentence = args.option("type-sentence").value_or("");
  if (auto shot = args.option("screenshot")) {
    if (shot->empty()) throw ArgumentError("--screenshot needs a file name");
    options.screenshot = *shot;
    const std::filesystem::path p(*shot);
    const auto dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      throw ArgumentError("--screenshot " + *shot + ": folder does not exist");
    }
  }
  return options;
}

StartAt parseStartAt(const std::string& text) {
  StartAt start;
  start.text = text;
  if (text.empty()) throw ArgumentError("--start-at needs a time, #BEAT or a beat name");
  const char first = text.front();
  if (first == '#' || lower(text).rfind("beat:", 0) == 0) {
    const std::string digits = text.substr(first == '#' ? 1 : 5);
    double value = 0;
    if (!parseNumber(digits, value) || value < 0 || value != std::floor(value) || value > 1e6) {
      throw ArgumentError("--start-at: bad beat index '" + text + "'");
    }
    start.kind = StartAt::Kind::BeatIndex;
    start.beat = static_cast<int>(value);
    return start;
  }
  if (std::isdigit(static_cast<unsigned char>(first)) || first == '-' || first == '+' ||
      first == '.') {
    std::string number = text;
    if (number.size() > 1 && number.back() == 's') number.pop_back();
    double value = 0;
    if (!parseNumber(number, value) || value < 0) {
      throw ArgumentError("--start-at: bad time '" + text + "' (seconds, #BEAT or a beat name)");
    }
    start.kind = StartAt::Kind::Time;
    start.time = value;
    return start;
  }
  start.kind = StartAt::Kind::BeatName;
  start.name = text;
  return start;
}

double resolveStartAt(const StartAt& start, const Scene& scene) {
  switch (start.kind) {
    case StartAt::Kind::Time:
      if (start.time > scene.duration + 1e-9) {
        char buffer[160];
        std::snprintf(buffer, sizeof buffer, "--start-at %s is past the end of the scene (%.2f s)",
                      start.text.c_str(), scene.duration);
        throw ArgumentError(buffer);
      }
      return start.time;
    case StartAt::Kind::BeatIndex:
      if (start.beat < 1 || start.beat > static_cast<int>(scene.beats.size())) {
        throw ArgumentError("--start-at " + start.text + ": the scene has " +
                            std::to_string(scene.beats.size()) + " beats (1 to " +
                            std::to_string(scene.beats.size()) + ")");
      }
      return scene.beats[start.beat - 1].start;
    case StartAt::Kind::BeatName: {
      for (const Beat& beat : scene.beats) {
        if (beat.name == start.name) return beat.start;
      }
      const std::string wanted = lower(start.name);
      for (const Beat& beat : scene.beats) {
        if (lower(beat.name) == wanted) return beat.start;
      }
      for (const Beat& beat : scene.beats) {
        if (lower(beat.section) == wanted) return beat.start;
      }
      throw ArgumentError("--start-at: no beat or section named '" + start.name +
                          "' (flowview info lists them)");
    }
  }
  return 0.0;
}

bool loadSettings(const std::filesystem::path& path, Settings& out, std::string* error) {
  out = Settings{};
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return true;
  std::string text;
  auto broken = [&](const std::string& why) {
    out = Settings{};
    if (error) *error = path.string() + ": " + why + "; using defaults";
    return false;
  };
  if (!readFile(path, text)) return broken("cannot be read");
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return broken("not a JSON object");
  auto integer = [&](const char* key, int fallback, int lo, int hi) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_integer()) return fallback;
    return std::clamp(it->get<int>(), lo, hi);
  };
  out.window_width = integer("window_width", out.window_width, 320, 16384);
  out.window_height = integer("window_height", out.window_height, 240, 16384);
  if (auto it = doc.find("last_scene"); it != doc.end() && it->is_string()) out.last_scene = *it;
  if (auto it = doc.find("vsync"); it != doc.end() && it->is_boolean()) out.vsync = *it;
  if (auto it = doc.find("screenshot_folder"); it != doc.end() && it->is_string()) {
    out.screenshot_folder = *it;
  }
  out.screenshot_size = integer("screenshot_size", out.screenshot_size, 0, 4);
  out.screenshot_width = integer("screenshot_width", out.screenshot_width, 16, 7680);
  out.screenshot_height = integer("screenshot_height", out.screenshot_height, 16, 4320);
  auto boolean = [&](const char* key, bool fallback) {
    auto it = doc.find(key);
    return it != doc.end() && it->is_boolean() ? it->get<bool>() : fallback;
  };
  out.screenshot_transparent = boolean("screenshot_transparent", out.screenshot_transparent);
  out.hint_seen = boolean("hint_seen", out.hint_seen);
  return true;
}

void saveSettings(const std::filesystem::path& path, const Settings& settings) {
  const nlohmann::json doc = {{"window_width", settings.window_width},
                              {"window_height", settings.window_height},
                              {"last_scene", settings.last_scene},
                              {"vsync", settings.vsync},
                              {"screenshot_folder", settings.screenshot_folder},
                              {"screenshot_size", settings.screenshot_size},
                              {"screenshot_width", settings.screenshot_width},
                              {"screenshot_height", settings.screenshot_height},
                              {"screenshot_transparent", settings.screenshot_transparent},
                              {"hint_seen", settings.hint_seen}};
  writeFileAtomically(path, doc.dump(2) + "\n");
}

}  // namespace flowview::viewer
