#include "cli/render_time.h"

#include <cstdio>

namespace flowview::cli {

double defaultRenderTime(const Arguments& args, const Scene& scene) {
  if (!args.option("time")) {
    std::fprintf(stderr,
                 "flowview render: no --time given: rendering the end of the scene (%.2f s)\n",
                 scene.duration);
  }
  return scene.duration;
}

}  // namespace flowview::cli
