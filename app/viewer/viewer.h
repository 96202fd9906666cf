#pragma once
#include <string>
#include <vector>

namespace flowview::viewer {

// Opens the window and runs until it is closed. Returns the process exit code.
int runViewer(const std::vector<std::string>& args);

}  // namespace flowview::viewer
