#pragma once
// A scene file loaded once with the real fonts and rendered headless at any time: the fixture the
// pixel tests share.
#include <string>

#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview::testing {

struct SceneFrames {
  SceneFrames(const std::string& path, int w, int h)
      : width(w), height(h), scene(scenes::loadSceneFile(path, atlas)) {}
  Image at(double t) { return at(t, width, height); }
  // The frame at another size than the fixture's.
  Image at(double t, int w, int h) {
    RenderOptions options;
    options.width = w;
    options.height = h;
    Image image;
    renderer.render(scene, t, options, image);
    return image;
  }

  int width, height;
  text::GlyphAtlas atlas{text::locateFonts()};
  HeadlessRenderer renderer{atlas};
  Scene scene;
};

}  // namespace flowview::testing
