#include "cli/commands.h"

#include <cstdio>

namespace flowview::cli {

int runBench(const std::vector<std::string>&) {
  std::fprintf(stderr, "flowview bench: not implemented yet\n");
  return 1;
}

}  // namespace flowview::cli
