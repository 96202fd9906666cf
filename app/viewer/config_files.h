#pragma once
// Where the viewer keeps its files, and how it writes them (never half-written).
#include <filesystem>
#include <string>

namespace flowview::viewer {

// $XDG_CONFIG_HOME/flowview, else $HOME/.config/flowview, else ./.flowview.
std::filesystem::path configDirectory();

// Writes `content` to a temporary file beside `path`, then renames it over `path`; creates the
// parent folders. Throws std::runtime_error with one line naming the path on failure.
void writeFileAtomically(const std::filesystem::path& path, const std::string& content);

// Reads a whole file. Returns false when it cannot be opened.
bool readFile(const std::filesystem::path& path, std::string& out);

}  // namespace flowview::viewer
