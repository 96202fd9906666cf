// runViewer(): the viewer's command line, its settings and the scene to open, all checked before
// a window opens (bad input exits 2 without one), then the ViewerApp.
#include <cstdio>

#include "cli/arguments.h"
#include "core/io/load_error.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/gl/gl_context.h"
#include "viewer/stage_layout.h"
#include "viewer/viewer.h"
#include "viewer/viewer_app.h"

namespace flowview::viewer {

int runViewer(const std::vector<std::string>& args) {
  ViewerOptions options;
  try {
    options = parseViewerOptions(args);
  } catch (const cli::ArgumentError& e) {
    std::fprintf(stderr, "flowview: %s\n", e.what());
    return 2;
  }
  const bool automation = !options.screenshot.empty();
  Settings settings;
  if (!automation) {
    std::string error;
    if (!loadSettings(settingsPath(), settings, &error))
      std::fprintf(stderr, "flowview: %s\n", error.c_str());
  }
  std::unique_ptr<text::GlyphAtlas> atlas;
  try {
    atlas = std::make_unique<text::GlyphAtlas>(text::locateFonts(options.font));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "flowview: %s\n", e.what());
    return 1;
  }
  // The scene: the one named, else the last one opened (if it still loads), else the default.
  std::string path = options.scene_path;
  Scene scene;
  bool loaded = false;
  std::error_code ec;
  if (path.empty() && !automation && !settings.last_scene.empty() &&
      std::filesystem::is_regular_file(settings.last_scene, ec)) {
    try {
      scene = scenes::loadSceneFile(settings.last_scene, *atlas);
      path = settings.last_scene;
      loaded = true;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "flowview: last scene skipped: %s\n", e.what());
    }
  }
  if (!loaded) {
    if (path.empty()) path = scenes::defaultScenePath();
    try {
      scene = scenes::loadSceneFile(path, *atlas);
    } catch (const io::LoadError& e) {
      std::fprintf(stderr, "flowview: %s\n", e.what());
      return 2;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "flowview: %s: %s\n", path.c_str(), e.what());
      return 2;
    }
  }
  double start_time = 0.0;
  try {
    if (options.start_at) {
      start_time = resolveStartAt(*options.start_at, scene);
    } else if (!options.present && !automation) {
      start_time = firstShowingTime(scene);  // never open on an empty frame
    }
  } catch (const cli::ArgumentError& e) {
    std::fprintf(stderr, "flowview: %s\n", e.what());
    return 2;
  }
  try {
    ViewerApp app(std::move(options), settings, std::move(atlas), std::move(scene), path,
                  start_time);
    return app.run();
  } catch (const gl::NoContextError& e) {
    std::fprintf(stderr, "flowview: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "flowview: %s\n", e.what());
    return 1;
  }
}

}  // namespace flowview::viewer
