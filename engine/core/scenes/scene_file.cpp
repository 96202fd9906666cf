#include "core/scenes/scene_file.h"

#include <cstdlib>
#include <filesystem>

#include "core/description/read_scene.h"
#include "core/scenes/compose_scene.h"

namespace flowview::scenes {

Scene loadSceneFile(const std::string& path, text::GlyphAtlas& atlas) {
  return composeScene(description::readSceneFile(path), atlas);
}

Scene loadSceneString(std::string_view json, const std::string& display_name,
                      text::GlyphAtlas& atlas) {
  return composeScene(description::readSceneString(json, display_name), atlas);
}

std::string defaultScenePath() {
  const char* name = "high_level_network_flow.json";
  if (const char* env = std::getenv("FLOWVIEW_SCENE_DIR"); env && *env)
    return std::string(env) + "/" + name;
  namespace fs = std::filesystem;
#ifdef FLOWVIEW_SCENE_DIR
  if (fs::exists(fs::path(FLOWVIEW_SCENE_DIR) / name))
    return (fs::path(FLOWVIEW_SCENE_DIR) / name).string();
#endif
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  for (auto dir = exe.parent_path(); !ec && !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "scenes" / name)) return (dir / "scenes" / name).string();
  }
  return std::string("scenes/") + name;
}

}  // namespace flowview::scenes
