#include "cli/arguments.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace flowview::cli {

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
        throw ArgumentError("unknown option --" + name);
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
    throw ArgumentError("unexpected argument '" + positional_[max] + "'");
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
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || errno == ERANGE || !std::isfinite(value)) {
    throw ArgumentError("--" + name + " expects a number, got '" + *text + "'");
  }
  if (value < min || value > max) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, ": --%s must be between %g and %g, got %g", name.c_str(),
                  min, max, value);
    throw ArgumentError(buffer + 2);
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
  const auto x = text->find_first_of("xX");
  Size size;
  char* end = nullptr;
  bool ok = x != std::string::npos && x > 0 && x + 1 < text->size();
  if (ok) {
    const std::string w = text->substr(0, x), h = text->substr(x + 1);
    const long wv = std::strtol(w.c_str(), &end, 10);
    ok = *end == '\0';
    const long hv = ok ? std::strtol(h.c_str(), &end, 10) : 0;
    ok = ok && *end == '\0' && w.find_first_not_of("0123456789") == std::string::npos &&
         h.find_first_not_of("0123456789") == std::string::npos;
    size.width = static_cast<int>(std::min(wv, 1000000L));
    size.height = static_cast<int>(std::min(hv, 1000000L));
  }
  if (!ok) throw ArgumentError("--" + name + " expects WIDTHxHEIGHT, got '" + *text + "'");
  if (size.width < 1 || size.height < 1 || size.width > max_width || size.height > max_height) {
    throw ArgumentError("--" + name + " must be between 1x1 and " + std::to_string(max_width) +
                        "x" + std::to_string(max_height) + ", got " + *text);
  }
  return size;
}

}  // namespace flowview::cli
