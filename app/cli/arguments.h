#pragma once
// Command-line parsing for the subcommands: strict, one clear line on error (exit 2).
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowview::cli {

class ArgumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Size {
  int width = 0, height = 0;
};

// `text` for a message, cut to a readable length: "12345678...(99960 more characters)".
std::string capForMessage(const std::string& text);

// A limit as the docs write it: 16, 0.5, 1e9 (not 1e+09, not 2147483647).
std::string formatLimit(double value);

// Options after a subcommand: positional arguments plus --name value / --flag.
class Arguments {
 public:
  // `flags` take no value; `options` take one. Anything else starting with "--" is an error.
  Arguments(const std::string& command, const std::vector<std::string>& args,
            const std::vector<std::string>& options, const std::vector<std::string>& flags);

  const std::vector<std::string>& positional() const { return positional_; }
  std::string requirePositional(size_t index, const std::string& what) const;
  void expectPositionalCount(size_t max) const;
  bool flag(const std::string& name) const;
  std::optional<std::string> option(const std::string& name) const;
  std::string requireOption(const std::string& name) const;
  // Numbers are decimal: "12", "-0.5", "2e3" (no hex, no "inf", no spaces).
  double number(const std::string& name, double fallback, double min, double max) const;
  std::optional<double> optionalNumber(const std::string& name, double min, double max) const;
  int integer(const std::string& name, int fallback, int min, int max) const;
  // "WIDTHxHEIGHT" with a lower-case x and decimal digits: "1920x1080".
  Size size(const std::string& name, Size fallback, int max_width, int max_height) const;

 private:
  std::string command_;
  std::vector<std::string> positional_;
  std::vector<std::pair<std::string, std::string>> options_;
  std::vector<std::string> flags_;
};

}  // namespace flowview::cli
