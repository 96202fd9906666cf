#include "viewer/viewer.h"

#include <cstdio>

namespace flowview::viewer {

int runViewer(const std::vector<std::string>&) {
  std::fprintf(stderr, "flowview: the viewer is not built yet\n");
  return 1;
}

}  // namespace flowview::viewer
