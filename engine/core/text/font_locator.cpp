#include "core/text/font_locator.h"

#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace flowview::text {
namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;
struct ConfigDeleter {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
using ConfigPtr = std::unique_ptr<FcConfig, ConfigDeleter>;

bool isRegularFile(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

// A private config rather than FcInit's global one: nothing is shared with other fontconfig users,
// and it is freed afterwards (the global one shows up as a leak under LeakSanitizer unless
// FcFini runs, which is unsafe while other code may use fontconfig). Fonts are located once at
// startup, and fontconfig's on-disk cache keeps this cheap.
ConfigPtr loadConfig() {
  ConfigPtr config(FcInitLoadConfigAndFonts());
  if (!config) throw std::runtime_error("fontconfig initialisation failed");
  return config;
}

bool hasFamily(FcPattern* match, const char* family) {
  FcChar8* value = nullptr;
  for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &value) == FcResultMatch; ++i) {
    if (FcStrCmpIgnoreCase(value, reinterpret_cast<const FcChar8*>(family)) == 0) return true;
  }
  return false;
}

// Best match for `family` (nullptr = fontconfig's default font). When `family` is given, the
// result only counts if its family list really contains it.
std::string matchFile(FcConfig* config, const char* family, bool italic = false) {
  PatternPtr pattern(FcPatternCreate());
  if (!pattern) return {};
  if (family) {
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  }
  if (italic) FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ITALIC);
  // SDF rendering needs outlines.
  FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());

  FcResult result = FcResultNoMatch;
  PatternPtr match(FcFontMatch(config, pattern.get(), &result));
  if (!match || result != FcResultMatch) return {};
  if (family && !hasFamily(match.get(), family)) return {};
  // fontconfig falls back to the upright face when the family has no italic one.
  int slant = FC_SLANT_ROMAN;
  if (italic && (FcPatternGetInteger(match.get(), FC_SLANT, 0, &slant) != FcResultMatch ||
                 slant != FC_SLANT_ITALIC)) {
    return {};
  }

  FcChar8* file = nullptr;
  if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
  std::string path(reinterpret_cast<const char*>(file));
  return isRegularFile(path) ? path : std::string();
}

}  // namespace

std::string findFontFamily(const std::string& family) {
  return matchFile(loadConfig().get(), family.c_str());
}

std::string findItalicFontFamily(const std::string& family) {
  return matchFile(loadConfig().get(), family.c_str(), true);
}

std::string fontFamilyOf(const std::string& path) {
  int count = 0;
  PatternPtr pattern(
      FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(path.c_str()), 0, nullptr, &count));
  FcChar8* family = nullptr;
  if (!pattern || FcPatternGetString(pattern.get(), FC_FAMILY, 0, &family) != FcResultMatch) {
    return {};
  }
  return reinterpret_cast<const char*>(family);
}

FontFiles locateFonts(const std::string& override_path) {
  FontFiles files;

  std::string override = override_path;
  if (override.empty()) {
    if (const char* env = std::getenv("FLOWVIEW_FONT"); env && *env) override = env;
  }
  if (!override.empty()) {
    if (!isRegularFile(override)) throw std::runtime_error("font file not found: " + override);
    files.primary = override;
  }

  const ConfigPtr config = loadConfig();
  for (const char* family : {"CMU Serif", "DejaVu Serif", "DejaVu Sans"}) {
    if (!files.primary.empty()) break;
    files.primary = matchFile(config.get(), family);
  }
  if (files.primary.empty()) files.primary = matchFile(config.get(), nullptr);
  if (files.primary.empty()) {
    throw std::runtime_error(
        "no usable font found: tried CMU Serif, DejaVu Serif, DejaVu Sans via fontconfig");
  }

  for (const char* family : {"DejaVu Sans", "DejaVu Serif"}) {
    std::string path = matchFile(config.get(), family);
    if (!path.empty() && path != files.primary) files.fallbacks.push_back(std::move(path));
  }
  if (override.empty()) {
    const std::string family = fontFamilyOf(files.primary);
    if (!family.empty()) files.italic = matchFile(config.get(), family.c_str(), true);
  }
  return files;
}

}  // namespace flowview::text
