// `flowview format SCENE.json`: the scene read into its description and written back, normalized
// (every default explicit, keys in a fixed order). Reads only: no font, no GL, no composition.
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "core/description/read_scene.h"
#include "core/description/write_scene.h"

namespace flowview::cli {
namespace {

int format(const std::vector<std::string>& raw) {
  Arguments args("format", raw, {}, {});
  const std::string path = args.requirePositional(0, "SCENE.json");
  args.expectPositionalCount(1);
  const description::SceneDescription scene = description::readSceneFile(path);
  std::cout << description::formatScene(scene);
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write the formatted scene to stdout");
  return 0;
}

}  // namespace

int runFormat(const std::vector<std::string>& args) {
  return guarded("format", format, args);
}

}  // namespace flowview::cli
