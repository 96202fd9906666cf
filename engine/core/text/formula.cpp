#include "core/text/formula.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/text/utf8.h"

namespace flowview::text {
namespace {

using Ink = Bounds2;  // a text box's inked extent, in ems

bool skippedCodePoint(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

// Advance and ink of `s` set at 1 em, as text::layoutText measures a single line.
struct Measure {
  float advance = 0.0f;
  Ink ink;
};
Measure measure(GlyphMetrics& metrics, std::u32string_view s) {
  Measure m;
  char32_t prev = 0;
  for (char32_t c : s) {
    if (skippedCodePoint(c)) continue;
    const GlyphInfo* g = metrics.glyph(c);
    if (!g) continue;
    if (prev) m.advance += metrics.kerning(prev, c);
    prev = c;
    if (g->hasQuad())
      m.ink.add(m.advance + g->ink_left, g->ink_bottom, m.advance + g->ink_right, g->ink_top);
    m.advance += g->advance;
  }
  return m;
}

class FormulaParser {
 public:
  FormulaParser(GlyphMetrics& metrics, std::string_view utf8)
      : metrics_(metrics), src_(decodeUtf8(utf8)) {}

  FormulaBox parse() { return parseList(1.0f, Until::End, 0); }

  // Ink of one run in formula em.
  Ink runInk(const FormulaRun& r) const {
    Ink ink;
    if (r.stretched) {
      const Measure m = measure(metrics_, r.text);
      if (m.ink.empty()) return ink;
      const float hw = 0.5f * (m.ink.x1 - m.ink.x0) * r.scale * r.sx;
      const float hh = 0.5f * (m.ink.y1 - m.ink.y0) * r.scale * r.sy;
      ink.add(r.cx - hw, r.cy - hh, r.cx + hw, r.cy + hh);
      return ink;
    }
    const Measure m = measure(metrics_, r.text);
    if (m.ink.empty()) return ink;
    ink.add(r.x + m.ink.x0 * r.scale, r.baseline + m.ink.y0 * r.scale, r.x + m.ink.x1 * r.scale,
            r.baseline + m.ink.y1 * r.scale);
    return ink;
  }
  Ink boxInk(const FormulaBox& box) const {
    Ink ink;
    for (const auto& r : box.runs) ink.add(runInk(r));
    for (const auto& p : box.paths) {
      for (const auto& q : p) ink.add(q.x, q.y, q.x, q.y);
    }
    return ink;
  }

 private:
  enum class Until { End, Brace, Right };
  enum class Script { None, Sup, Sub };
  static constexpr int kMaxDepth = 16;

  // The 1-based position of src_[index] in messages.
  [[noreturn]] void failAt(size_t index, const std::string& message) const {
    throw FormulaError{message + " at character " + std::to_string(index + 1)};
  }
  [[noreturn]] void fail(const std::string& message) const {
    throw FormulaError{message + (pos_ >= src_.size()
                                      ? std::string(" at the end of the formula")
                                      : " at character " + std::to_string(pos_ + 1))};
  }
  bool atEnd() const { return pos_ >= std::min(src_.size(), limit_); }
  char32_t peek() const { return src_[pos_]; }

  std::string readCommand() {
    // pos_ is just past the backslash.
    if (atEnd()) fail("\"\\\" needs a command name");
    std::string name;
    const char32_t c = src_[pos_];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) {
      ++pos_;
      return encodeUtf8(std::u32string(1, c));
    }
    while (!atEnd() &&
           ((src_[pos_] >= 'a' && src_[pos_] <= 'z') || (src_[pos_] >= 'A' && src_[pos_] <= 'Z'))) {
      name += static_cast<char>(src_[pos_++]);
    }
    while (!atEnd() && src_[pos_] == ' ')
      ++pos_;  // as in TeX, spaces after a command word are skipped
    return name;
  }

  // The argument of ^, _, \frac, \sqrt: a {group}, a \command or one character.
  FormulaBox parseArgument(float scale, int depth, const char* what) {
    while (!atEnd() && peek() == ' ') ++pos_;
    if (atEnd()) fail(std::string(what) + " needs an argument");
    const char32_t c = peek();
    if (c == '{') {
      ++pos_;
      return parseList(scale, Until::Brace, depth + 1);
    }
    if (c == '}' || c == '^' || c == '_') fail(std::string(what) + " needs an argument");
    // One character or one command, laid out as a list of its own.
    const size_t start = pos_;
    if (c == '\\') {
      ++pos_;
      readCommand();
    } else {
      ++pos_;
    }
    // Parse the single token as a list of its own.
    const size_t saved_limit = limit_;
    limit_ = pos_;
    pos_ = start;
    FormulaBox box = parseList(scale, Until::End, depth + 1);
    pos_ = limit_;
    limit_ = saved_limit;
    return box;
  }

  void appendChar(FormulaBox& box, char32_t c, float scale, float& pen, Ink& atom_ink) {
    // The character was just consumed: it sits at pos_ - 1.
    if (skippedCodePoint(c))
      failAt(pos_ - 1,
             "control characters are not allowed in a formula (use one formula per line)");
    const GlyphInfo* g = metrics_.glyph(c);
    if (!g) return;
    FormulaRun* run = box.runs.empty() ? nullptr : &box.runs.back();
    const bool extend = run && !new_run_ && !run->stretched && run->scale == scale &&
                        run->baseline == 0.0f && std::abs(run->x + run->advance - pen) < 1e-5f &&
                        !run->text.empty();
    if (!extend) {
      box.runs.push_back(FormulaRun{});
      run = &box.runs.back();
      run->scale = scale;
      run->x = pen;
    }
    float step = g->advance * scale;
    if (extend) step += metrics_.kerning(run->text.back(), c) * scale;
    const float glyph_x = pen + (step - g->advance * scale);
    run->text += c;
    run->advance += step;
    pen += step;
    atom_ink = Ink{};
    if (g->hasQuad()) {
      atom_ink.add(glyph_x + g->ink_left * scale, g->ink_bottom * scale,
                   glyph_x + g->ink_right * scale, g->ink_top * scale);
    }
  }

  void placeAtom(FormulaBox& box, FormulaBox&& atom, float& pen, Ink& atom_ink) {
    atom.shift({pen, 0.0f});
    atom_ink = boxInk(atom);
    pen += atom.width;
    box.merge(std::move(atom));
  }

  FormulaBox fraction(float scale, int depth) {
    const float inner = std::max(0.35f, 0.85f * scale);
    FormulaBox num = parseArgument(inner, depth, "\"\\frac\"");
    FormulaBox den = parseArgument(inner, depth, "\"\\frac\"");
    const float axis = 0.25f * scale, gap = 0.12f * scale, pad = 0.1f * scale;
    const float w = std::max(num.width, den.width);
    const Ink ni = boxInk(num), di = boxInk(den);
    num.shift({pad + 0.5f * (w - num.width), axis + gap - (ni.empty() ? 0.0f : ni.y0)});
    den.shift({pad + 0.5f * (w - den.width), axis - gap - (di.empty() ? 0.7f * inner : di.y1)});
    FormulaBox out;
    out.merge(std::move(num));
    out.merge(std::move(den));
    out.paths.push_back({{0.5f * pad, axis}, {w + 1.5f * pad, axis}});
    out.width = w + 2.0f * pad;
    return out;
  }

  FormulaBox root(float scale, int depth) {
    FormulaBox arg = parseArgument(scale, depth, "\"\\sqrt\"");
    const Ink ink = boxInk(arg);
    const float bottom = (ink.empty() ? 0.0f : std::min(ink.y0, 0.0f)) - 0.08f * scale;
    const float top = (ink.empty() ? 0.7f * scale : std::max(ink.y1, 0.68f * scale)) + 0.1f * scale;
    const float mid = bottom + 0.45f * (top - bottom);
    const float lead = 0.58f * scale;
    arg.shift({lead, 0.0f});
    FormulaBox out;
    const float end = lead + arg.width + 0.06f * scale;
    out.merge(std::move(arg));
    out.paths.push_back({{0.0f, mid},
                         {0.1f * scale, mid + 0.06f * scale},
                         {0.28f * scale, bottom},
                         {0.5f * scale, top},
                         {end, top}});
    out.width = end + 0.08f * scale;
    return out;
  }

  char32_t readDelimiter(const char* command) {
    while (!atEnd() && peek() == ' ') ++pos_;
    if (atEnd()) fail(std::string("\"\\") + command + "\" needs a delimiter such as ( [ | or .");
    char32_t c = src_[pos_++];
    if (c == '\\') {
      const std::string name = readCommand();
      if (name == "{")
        c = '{';
      else if (name == "}")
        c = '}';
      else if (name == "|")
        c = U'\u2016';
      else
        fail(std::string("\"\\") + command + "\" needs a delimiter such as ( [ | or ., got \"\\" +
             name + "\"");
    }
    return c;
  }

  // Appends delimiter `c` grown to cover [bottom, top].
  void appendDelimiter(FormulaBox& box, char32_t c, float scale, float bottom, float top,
                       float& pen) {
    if (c == '.') return;
    const Measure m = measure(metrics_, std::u32string(1, c));
    if (m.ink.empty()) return;
    const float natural = (m.ink.y1 - m.ink.y0) * scale;
    const float wanted = (top - bottom) + 0.16f * scale;
    if (wanted <= natural * 1.05f) {
      Ink unused;
      appendChar(box, c, scale, pen, unused);
      return;
    }
    FormulaRun run;
    run.text = std::u32string(1, c);
    run.scale = scale;
    run.stretched = true;
    run.sy = wanted / natural;
    run.sx = std::min(1.35f, 1.0f + 0.12f * (run.sy - 1.0f));
    const float ink_w = (m.ink.x1 - m.ink.x0) * scale * run.sx;
    const float advance = m.advance * scale * run.sx;
    run.cx = pen + 0.5f * advance;
    run.cy = 0.5f * (bottom + top);
    run.x = pen;
    run.advance = std::max(advance, ink_w);
    pen += run.advance;
    box.runs.push_back(run);
  }

  FormulaBox parseList(float scale, Until until, int depth) {
    if (depth > kMaxDepth) fail("the formula is nested too deeply");
    FormulaBox box;
    float pen = 0.0f;
    Ink atom_ink;  // ink of the last atom (for placing scripts)
    Script last_script = Script::None;
    bool have_sup = false, have_sub = false;
    float script_x = 0.0f, script_end = 0.0f;
    float overhang = 0.0f;      // ink of the last italic letter past its advance
    bool after_italic = false;  // the last atom was an italic letter
    auto endScripts = [&] {
      last_script = Script::None;
      have_sup = have_sub = false;
    };
    while (true) {
      if (atEnd()) {
        if (until == Until::Brace) fail("missing \"}\"");
        if (until == Until::Right) fail("\"\\left\" without a matching \"\\right\"");
        break;
      }
      const char32_t c = src_[pos_];
      if (c == '}') {
        if (until != Until::Brace) fail("unexpected \"}\"");
        ++pos_;
        break;
      }
      if (c == '{') {
        ++pos_;
        endScripts();
        overhang = 0.0f;
        after_italic = false;
        placeAtom(box, parseList(scale, Until::Brace, depth + 1), pen, atom_ink);
        continue;
      }
      if (c == '^' || c == '_') {
        overhang = 0.0f;
        after_italic = false;
        ++pos_;
        const bool sup = c == '^';
        if ((sup && have_sup) || (!sup && have_sub))
          fail(sup ? "double superscript" : "double subscript");
        const float s = std::max(0.35f, 0.7f * scale);
        FormulaBox arg = parseArgument(s, depth, sup ? "\"^\"" : "\"_\"");
        if (last_script == Script::None) {
          script_x = pen;
          script_end = pen;
        }
        const float base_top = atom_ink.empty() ? 0.0f : atom_ink.y1;
        const float base_bottom = atom_ink.empty() ? 0.0f : atom_ink.y0;
        const float dy = sup ? std::max(0.4f * scale, base_top - 0.33f * scale)
                             : -std::max(0.2f * scale, -base_bottom - 0.3f * scale);
        arg.shift({script_x, dy});
        script_end = std::max(script_end, script_x + arg.width);
        pen = script_end;
        box.merge(std::move(arg));
        last_script = sup ? Script::Sup : Script::Sub;
        (sup ? have_sup : have_sub) = true;
        continue;
      }
      ++pos_;
      if (c != '\\') {
        endScripts();
        // As in TeX math, letters are italic; \text{} and \mathrm{} keep them upright. An
        // upright character after an italic letter starts past the letter's overhang (TeX's
        // italic correction): "V)" must not touch.
        const char32_t glyph = upright_ ? c : mathItalic(c);
        const bool italic = mathItalicBase(glyph) != 0;
        // The upright character starts a run of its own whatever the overhang, so the pieces
        // (elements) of a formula do not depend on the font's metrics.
        if (!italic && after_italic) {
          pen += overhang;
          new_run_ = true;
        }
        appendChar(box, glyph, scale, pen, atom_ink);
        new_run_ = false;
        overhang = 0.0f;
        after_italic = italic;
        if (const GlyphInfo* g = italic ? metrics_.glyph(glyph) : nullptr)
          overhang = std::max(0.0f, g->ink_right - g->advance) * scale;
        continue;
      }
      const size_t command_at = pos_ - 1;
      const std::string name = readCommand();
      endScripts();
      overhang = 0.0f;
      after_italic = false;
      static const std::map<std::string, char32_t> kSymbols = {
          {"{", '{'},          {"}", '}'},           {"\\", '\\'},         {"^", '^'},
          {"_", '_'},          {" ", ' '},           {"cdot", U'\u00B7'},  {"times", U'\u00D7'},
          {"dots", U'\u2026'}, {"ldots", U'\u2026'}, {"cdots", U'\u22EF'}, {"to", U'\u2192'},
      };
      if (auto it = kSymbols.find(name); it != kSymbols.end()) {
        appendChar(box, it->second, scale, pen, atom_ink);
      } else if (name == "quad" || name == ",") {
        pen += (name == "quad" ? 1.0f : 0.17f) * scale;
        atom_ink = Ink{};
      } else if (name == "text" || name == "mathrm" || name == "operatorname") {
        const bool outer = upright_;
        upright_ = true;
        placeAtom(box, parseArgument(scale, depth, ("\"\\" + name + "\"").c_str()), pen, atom_ink);
        upright_ = outer;
      } else if (name == "frac") {
        placeAtom(box, fraction(scale, depth + 1), pen, atom_ink);
      } else if (name == "sqrt") {
        placeAtom(box, root(scale, depth + 1), pen, atom_ink);
      } else if (name == "left") {
        const char32_t open = readDelimiter("left");
        FormulaBox inner = parseList(scale, Until::Right, depth + 1);
        const char32_t close = right_delimiter_;
        Ink ink = boxInk(inner);
        const float bottom = ink.empty() ? -0.2f * scale : std::min(ink.y0, -0.2f * scale);
        const float top = ink.empty() ? 0.7f * scale : std::max(ink.y1, 0.7f * scale);
        FormulaBox group;
        float gpen = 0.0f;
        appendDelimiter(group, open, scale, bottom, top, gpen);
        gpen += 0.05f * scale;
        inner.shift({gpen, 0.0f});
        gpen += inner.width + 0.05f * scale;
        group.merge(std::move(inner));
        appendDelimiter(group, close, scale, bottom, top, gpen);
        group.width = gpen;
        placeAtom(box, std::move(group), pen, atom_ink);
      } else if (name == "right") {
        if (until != Until::Right) {
          pos_ = command_at;
          fail("\"\\right\" without a matching \"\\left\"");
        }
        right_delimiter_ = readDelimiter("right");
        break;
      } else {
        pos_ = command_at;
        fail("unknown command \"\\" + name +
             "\" (\\text, \\mathrm, \\frac, \\sqrt, \\left, \\right, \\cdot, \\times, \\dots, "
             "\\cdots, \\to, \\quad, "
             "\\,, "
             "\\{, \\}, \\\\, \\^, \\_)");
      }
    }
    box.width = pen;
    return box;
  }

  GlyphMetrics& metrics_;
  std::u32string src_;
  size_t pos_ = 0;
  size_t limit_ = std::u32string::npos;  // end of the part being parsed (one-token arguments)
  char32_t right_delimiter_ = '.';
  bool new_run_ = false;  // appendChar starts a new run
  bool upright_ = false;  // inside \text{} / \mathrm{}: letters stay upright
};

}  // namespace

const GlyphInfo* UniformMetrics::glyph(char32_t c) {
  return uniformGlyph(c);
}

FormulaBox layoutFormula(GlyphMetrics& metrics, std::string_view utf8) {
  return FormulaParser(metrics, utf8).parse();
}

Bounds2 formulaRunInk(GlyphMetrics& metrics, const FormulaRun& run) {
  return FormulaParser(metrics, "").runInk(run);
}

Bounds2 formulaInk(GlyphMetrics& metrics, const FormulaBox& box) {
  return FormulaParser(metrics, "").boxInk(box);
}

}  // namespace flowview::text
