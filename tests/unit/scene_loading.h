#pragma once
// Shared by the scene-file unit tests: one glyph atlas for the whole test binary, and the one-line
// error a bad scene gives ("bad.json:LINE:COL: /json/path: message").
#include <string>

#include "core/io/load_error.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"

namespace flowview::scenes::test_support {

inline text::GlyphAtlas& atlas() {
  static text::GlyphAtlas instance(text::locateFonts());
  return instance;
}

// The error of loading `json` as "bad.json", or "no error" when it loads.
inline std::string loadError(const std::string& json) {
  try {
    loadSceneString(json, "bad.json", atlas());
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace flowview::scenes::test_support
