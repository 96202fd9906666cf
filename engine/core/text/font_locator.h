#pragma once

#include <string>
#include <vector>

namespace flowview::text {

// Font files to build a GlyphAtlas from: glyphs come from `primary` when it has them, else from
// the first fallback that does.
struct FontFiles {
  std::string primary;
  std::vector<std::string> fallbacks;
  // The primary family's italic face, for math letters (formulas set them italic as TeX does);
  // "" when there is none: the atlas then slants the primary's letters.
  std::string italic;
};

// Finds fonts through fontconfig (no hard-coded paths).
//
// Primary, first hit wins:
//   1. `override_path` if non-empty, else the FLOWVIEW_FONT environment variable if set and
//      non-empty; either must name an existing file, else throws "font file not found: PATH".
//   2. fontconfig's match for "CMU Serif" (manim's default TeX look), then "DejaVu Serif", then
//      "DejaVu Sans". fontconfig silently substitutes missing families, so a match only counts if
//      its FC_FAMILY really is the requested family.
//   3. Whatever font fontconfig offers by default.
// Fallbacks: DejaVu Sans and DejaVu Serif, those present and not already the primary; they cover
// symbols CMU Serif lacks (e.g. U+2264, U+221E, U+FFFD).
// Italic: fontconfig's italic face of the primary's family (CMU Serif Italic), when it has one
// (an override font gets none: its letters are slanted instead).
//
// Throws std::runtime_error with a one-line message when nothing usable is found.
FontFiles locateFonts(const std::string& override_path = "");

// fontconfig's file for exactly `family` (regular weight, upright), or "" when fontconfig has no
// such family. Exposed for tests and diagnostics.
std::string findFontFamily(const std::string& family);

// fontconfig's italic file for exactly `family`, or "" when the family has no italic face.
std::string findItalicFontFamily(const std::string& family);

// The (first) family name recorded in a font file, "" if it cannot be read. For tests and
// diagnostics.
std::string fontFamilyOf(const std::string& path);

}  // namespace flowview::text
