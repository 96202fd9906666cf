#pragma once

#include <string_view>

#include "core/text/text_layout.h"

namespace flowview::text {

// The gap manim's DecimalNumber leaves between the ink boxes of neighbouring characters, em
// units. manim sets a number character by character, not by the font's advances: the gap is
// digit_buff_per_font_unit (0.001) scene units per unit of font size, and a font size of 48 is an
// em of 0.4826 units, so 0.1 em (CMU Serif's advances leave 0.12-0.14 em). The reference stills
// agree: hlnf_08's entries are 25 px wide for digits 16 px tall, as here.
inline constexpr float kNumberInkGapEm = 0.1f;

// Lays out a formatted number (digits, '.', ',', a sign, a suffix such as "%") the way
// DecimalNumber arranges it: one line; each character's ink box kNumberInkGapEm after the
// previous one's; every ink bottom on the first character's; a minus sign drawn as an en dash
// (manim's) and centred on the height of the character after it; a comma dropped by half its
// height. Characters without ink (spaces) advance by their width. The ink bounding box is then
// centred on (0, 0) as layoutText does. Reuses out's capacity, so a number re-laid out every
// frame does not allocate once its glyphs are in the atlas.
void layoutNumberInto(GlyphAtlas& atlas, std::string_view utf8, TextLayout& out);

}  // namespace flowview::text
