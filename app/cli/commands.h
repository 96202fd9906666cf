#pragma once
// The headless subcommands of the command-line contract (docs/command-line.md). Each returns
// the process exit code: 0 success, 2 bad input, 1 failure of the machine.
#include <string>
#include <vector>

namespace flowview::cli {

int runRender(const std::vector<std::string>& args);
int runExport(const std::vector<std::string>& args);
int runInfo(const std::vector<std::string>& args);
int runValidate(const std::vector<std::string>& args);
int runFormat(const std::vector<std::string>& args);
int runBench(const std::vector<std::string>& args);
// GPT-2 (app/cli/model_commands.cpp).
int runTokenize(const std::vector<std::string>& args);
int runPredict(const std::vector<std::string>& args);

// Runs `body`, mapping every error to its one-line message and exit code.
int guarded(const char* command, int (*body)(const std::vector<std::string>&),
            const std::vector<std::string>& args);

}  // namespace flowview::cli
