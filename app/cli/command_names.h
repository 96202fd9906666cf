#pragma once
// Telling a mistyped subcommand ("flowview rendr scene.json") from a scene file to open.
#include <string>
#include <vector>

namespace flowview::cli {

// True when `word` (the first argument) cannot be a scene file for the viewer: it is no option,
// no existing path, and has neither a '.' nor a '/' (scene files are FILE.json).
bool looksLikeCommand(const std::string& word);

// "unknown command 'rendr' (did you mean render?)": the closest of `commands` is suggested when
// it is plausibly a typo.
std::string unknownCommandMessage(const std::string& word,
                                  const std::vector<std::string>& commands);

}  // namespace flowview::cli
