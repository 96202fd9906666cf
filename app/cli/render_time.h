#pragma once
// `render` without --time draws the end of the scene (where a scene shows what it has built up;
// time 0 is usually an empty black frame) and says so on stderr.
#include "cli/arguments.h"
#include "core/scene/scene.h"

namespace flowview::cli {

// The time to render when --time is absent; prints the note when it is.
double defaultRenderTime(const Arguments& args, const Scene& scene);

}  // namespace flowview::cli
