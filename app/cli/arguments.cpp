#include "cli/arguments.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace flowview::cli {

namespace {

constexpr std::size_t kMaxEchoedCharacters = 40;

// Strict decimal number: optional sign, digits with an optional fraction, optional exponent.
bool parseDecimal(const std::string& text, double& value) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  if (begin == end) return false;
  for (const char* c = begin; c != end; ++c) {
    const bool allowed =
        (*c >= '0' && *c <= '9') || *c == '.' || *c == 'e' || *c == 'E' || *c == '-' || *c == '+';
    if (!allowed) return false;
  }
  const auto result = std::from_chars(begin, end, value, std::chars_format::general);
  return result.ec == std::errc() && result.ptr == end && std::isfinite(value);
}

}  // namespace

std::string capForMessage(const std::string& text) {
  if (text.size() <= kMaxEchoedCharacters) return text;
  std::size_t cut = kMaxEchoedCharacters;
  // Do not split a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...(" + std::to_string(text.size() - cut) + " more characters)";
}

std::string formatLimit(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  std::string text = buffer;
  // %g writes 1e+09; the docs write 1e9.
  const auto e = text.find("e+");
  if (e != std::string::npos) {
    std::size_t digits = e + 2;
    while (digits + 1 < text.size() && text[digits] == '0') ++digits;
    text = text.substr(0, e + 1) + text.substr(digits);
  }
  return text;
}

Arguments::Arguments(const std::string& command, const std::vector<std::string>& args,
                     const std::vector<std::string>& options, const std::vector<std::string>& flags)
    : command_(command) {
  auto known = [](const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg.size() > 2 && arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(2), value;
      bool has_value = false;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_value = true;
      }
      if (known(flags, name)) {
        if (has_value) throw ArgumentError("--" + name + " takes no value");
        flags_.push_back(name);
      } else if (known(options, name)) {
        if (!has_value) {
          if (i + 1 >= args.size()) throw ArgumentError("--" + name + " needs a value");
          value = args[++i];
        }
        options_.emplace_back(name, value);
      } else {
        throw ArgumentError("unknown option --" + capForMessage(name));
      }
    } else {
      positional_.push_back(arg);
    }
  }
}

std::string Arguments::requirePositional(size_t index, const std::string& what) const {
  if (index >= positional_.size()) throw ArgumentError("missing " + what);
  return positional_[index];
}

void Arguments::expectPositionalCount(size_t max) const {
  if (positional_.size() > max)
    throw ArgumentError("unexpected argument '" + capForMessage(positional_[max]) + "'");
}

bool Arguments::flag(const std::string& name) const {
  return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

std::optional<std::string> Arguments::option(const std::string& name) const {
  std::optional<std::string> result;
  for (const auto& [key, value] : options_) {
    if (key == name) result = value;  // the last one wins
  }
  return result;
}

std::string Arguments::requireOption(const std::string& name) const {
  auto value = option(name);
  if (!value) throw ArgumentError("missing --" + name);
  return *value;
}

std::optional<double> Arguments::optionalNumber(const std::string& name, double min,
                                                double max) const {
  auto text = option(name);
  if (!text) return std::nullopt;
  double value = 0.0;
  if (!parseDecimal(*text, value)) {
    throw ArgumentError("--" + name + " expects a number, got '" + capForMessage(*text) + "'");
  }
  if (value < min || value > max) {
    throw ArgumentError("--" + name + " must be between " + formatLimit(min) + " and " +
                        formatLimit(max) + ", got " + capForMessage(*text));
  }
  return value;
}

double Arguments::number(const std::string& name, double fallback, double min, double max) const {
  return optionalNumber(name, min, max).value_or(fallback);
}

int Arguments::integer(const std::string& name, int fallback, int min, int max) const {
  auto value = optionalNumber(name, min, max);
  if (!value) return fallback;
  if (*value != std::floor(*value)) throw ArgumentError("--" + name + " expects a whole number");
  return static_cast<int>(*value);
}

Size Arguments::size(const std::string& name, Size fallback, int max_width, int max_height) const {
  auto text = option(name);
  if (!text) return fallback;
  const auto x = text->find('x');
  const auto digits_only = [](std::string_view part) {
    return !part.empty() && part.size() <= 9 &&
           part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const std::string_view all(*text);
  if (x == std::string::npos || !digits_only(all.substr(0, x)) || !digits_only(all.substr(x + 1))) {
    throw ArgumentError("--" + name + " expects WIDTHxHEIGHT, got '" + capForMessage(*text) + "'");
  }
  Size size;
  size.width = std::stoi(text->substr(0, x));
  size.height = std::stoi(text->substr(x + 1));
  if (size.width < 1 || size.height < 1 || size.width > max_width || size.height > max_height) {
    throw ArgumentError("--" + name + " must be between 1x1 and " + std::to_string(max_width) +
                        "x" + std::to_string(max_height) + ", got " + *text);
  }
  return size;
}

}  // namespace flowview::cli
