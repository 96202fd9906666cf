#include "core/scenes/general_layer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>

#include "core/math/bounds2.h"
#include "core/scenes/scene_json.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"
#include "core/text/glyph_atlas.h"
#include "core/text/utf8.h"

namespace flowview::scenes {
namespace {

constexpr float kPi = 3.14159265358979f;

constexpr const char* kObjectTypes =
    "text, formula, rectangle, circle, box, line, arrow, brace, spheres, bars, group";
constexpr const char* kAnimations =
    "fade_in, fade_out, show_creation, write, grow, flash, show_creation_then_fade_out, move, "
    "indicate, remove, camera";

bool isAnimation(const std::string& type) {
  static const char* const kNames[] = {"fade_in",
                                       "fade_out",
                                       "show_creation",
                                       "write",
                                       "grow",
                                       "flash",
                                       "show_creation_then_fade_out",
                                       "move",
                                       "indicate",
                                       "remove",
                                       "camera"};
  return std::any_of(std::begin(kNames), std::end(kNames),
                     [&](const char* n) { return type == n; });
}

float toFloat(double v) {
  return static_cast<float>(v);
}

// Rates that end where they started (there_and_back...): a channel holds a segment's target once
// the segment is over, so the start value is put back when the animation ends.
bool returnsToStart(Rate rate) {
  return applyRate(rate, 1.0) < 0.5;
}

// ---------------------------------------------------------------------------------------------
// Shapes the general layer draws itself (local xy plane, centered on the origin).

// A closed outline of a rectangle with round corners (radius 0: sharp corners).
std::vector<glm::vec3> roundedRectanglePoints(float w, float h, float radius) {
  if (radius <= 0.0f)
    return {{-w / 2, -h / 2, 0}, {w / 2, -h / 2, 0}, {w / 2, h / 2, 0}, {-w / 2, h / 2, 0}};
  std::vector<glm::vec3> points;
  constexpr int kSteps = 8;
  const glm::vec2 centers[4] = {{w / 2 - radius, -h / 2 + radius},
                                {w / 2 - radius, h / 2 - radius},
                                {-w / 2 + radius, h / 2 - radius},
                                {-w / 2 + radius, -h / 2 + radius}};
  for (int corner = 0; corner < 4; ++corner) {
    const float start = -0.5f * kPi + 0.5f * kPi * static_cast<float>(corner);
    for (int i = 0; i <= kSteps; ++i) {
      const float a = start + 0.5f * kPi * static_cast<float>(i) / kSteps;
      points.push_back(
          {centers[corner].x + radius * std::cos(a), centers[corner].y + radius * std::sin(a), 0});
    }
  }
  return points;
}

// Triangle fan over a convex closed outline.
FillGeometry convexFill(const std::vector<glm::vec3>& outline) {
  FillGeometry g;
  glm::vec3 center(0.0f);
  for (const auto& p : outline) center += p;
  center /= static_cast<float>(outline.size());
  for (size_t i = 0; i < outline.size(); ++i) {
    g.triangles.insert(g.triangles.end(), {center, outline[i], outline[(i + 1) % outline.size()]});
  }
  return g;
}

std::vector<glm::vec3> circlePoints(float radius) {
  std::vector<glm::vec3> points;
  constexpr int kSides = 64;
  for (int i = 0; i < kSides; ++i) {
    const float a = 2 * kPi * static_cast<float>(i) / kSides;
    points.push_back({radius * std::cos(a), radius * std::sin(a), 0});
  }
  return points;
}

// Replaces each inner corner of a polyline by a circular fillet of `radius` (limited to half of
// the shorter neighbouring segment).
std::vector<glm::vec3> filletCorners(const std::vector<glm::vec3>& points, float radius) {
  if (radius <= 0.0f || points.size() < 3) return points;
  std::vector<glm::vec3> out{points.front()};
  for (size_t i = 1; i + 1 < points.size(); ++i) {
    const glm::vec3 p = points[i];
    const glm::vec3 a = points[i - 1] - p, b = points[i + 1] - p;
    const float la = glm::length(a), lb = glm::length(b);
    if (la < 1e-6f || lb < 1e-6f) continue;
    const glm::vec3 da = a / la, db = b / lb;
    const float cos_angle = std::clamp(glm::dot(da, db), -1.0f, 1.0f);
    const float angle = std::acos(cos_angle);  // between the two legs
    if (angle > kPi - 1e-3f || angle < 1e-3f) {
      out.push_back(p);
      continue;
    }
    // Tangent distance from the corner for a fillet of `radius`.
    float r = radius;
    float d = r / std::tan(0.5f * angle);
    const float limit = 0.5f * std::min(la, lb);
    if (d > limit) {
      d = limit;
      r = d * std::tan(0.5f * angle);
    }
    const glm::vec3 p0 = p + da * d, p1 = p + db * d;
    // Quadratic-ish circular approximation through the two tangent points: sample a cubic Bezier.
    const float k = 4.0f / 3.0f * std::tan(0.25f * (kPi - angle));
    const auto curve = shapes::cubicBezier(p0, p0 - da * (k * r), p1 - db * (k * r), p1, 8);
    out.insert(out.end(), curve.begin(), curve.end());
  }
  out.push_back(points.back());
  return out;
}

std::string encodeUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formulas: a small TeX-like markup laid out into text runs (one text element each) and stroke
// paths (fraction bars, radicals). Units are ems of the formula's font size; y up, baseline 0.

using Ink = Bounds2;  // a text box's inked extent, in ems

bool skippedCodePoint(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

// Advance and ink of `s` set at 1 em, as text::layoutText measures a single line.
struct Measure {
  float advance = 0.0f;
  Ink ink;
};
Measure measure(text::GlyphAtlas& atlas, std::u32string_view s) {
  Measure m;
  char32_t prev = 0;
  for (char32_t c : s) {
    if (skippedCodePoint(c)) continue;
    const text::GlyphInfo* g = atlas.glyph(c);
    if (!g) continue;
    if (prev) m.advance += atlas.kerning(prev, c);
    prev = c;
    if (g->hasQuad())
      m.ink.add(m.advance + g->ink_left, g->ink_bottom, m.advance + g->ink_right, g->ink_top);
    m.advance += g->advance;
  }
  return m;
}

struct FormulaRun {
  std::u32string text;
  float scale = 1.0f;               // relative to the formula's em
  float x = 0.0f, baseline = 0.0f;  // pen start
  float advance = 0.0f;             // pen advance so far, formula em
  // A delimiter grown by \left / \right: drawn with a per-axis scale, ink centered at (cx, cy).
  bool stretched = false;
  float sx = 1.0f, sy = 1.0f, cx = 0.0f, cy = 0.0f;
};

struct FormulaBox {
  std::vector<FormulaRun> runs;
  std::vector<std::vector<glm::vec2>> paths;
  float width = 0.0f;

  void shift(glm::vec2 d) {
    for (auto& r : runs) {
      r.x += d.x;
      r.baseline += d.y;
      r.cx += d.x;
      r.cy += d.y;
    }
    for (auto& p : paths) {
      for (auto& q : p) q += d;
    }
  }
  void merge(FormulaBox&& other) {
    for (auto& r : other.runs) runs.push_back(std::move(r));
    for (auto& p : other.paths) paths.push_back(std::move(p));
  }
};

struct FormulaError {
  std::string message;
};

class FormulaParser {
 public:
  FormulaParser(text::GlyphAtlas& atlas, std::string_view utf8)
      : atlas_(atlas), src_(text::decodeUtf8(utf8)) {}

  FormulaBox parse() { return parseList(1.0f, Until::End, 0); }

  // Ink of one run in formula em.
  Ink runInk(const FormulaRun& r) const {
    Ink ink;
    if (r.stretched) {
      const Measure m = measure(atlas_, r.text);
      if (m.ink.empty()) return ink;
      const float hw = 0.5f * (m.ink.x1 - m.ink.x0) * r.scale * r.sx;
      const float hh = 0.5f * (m.ink.y1 - m.ink.y0) * r.scale * r.sy;
      ink.add(r.cx - hw, r.cy - hh, r.cx + hw, r.cy + hh);
      return ink;
    }
    const Measure m = measure(atlas_, r.text);
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
    if (skippedCodePoint(c))
      fail("control characters are not allowed in a formula (use one formula per line)");
    const text::GlyphInfo* g = atlas_.glyph(c);
    if (!g) return;
    FormulaRun* run = box.runs.empty() ? nullptr : &box.runs.back();
    const bool extend = run && !run->stretched && run->scale == scale && run->baseline == 0.0f &&
                        std::abs(run->x + run->advance - pen) < 1e-5f && !run->text.empty();
    if (!extend) {
      box.runs.push_back(FormulaRun{});
      run = &box.runs.back();
      run->scale = scale;
      run->x = pen;
    }
    float step = g->advance * scale;
    if (extend) step += atlas_.kerning(run->text.back(), c) * scale;
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
    const Measure m = measure(atlas_, std::u32string(1, c));
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
        placeAtom(box, parseList(scale, Until::Brace, depth + 1), pen, atom_ink);
        continue;
      }
      if (c == '^' || c == '_') {
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
        appendChar(box, c, scale, pen, atom_ink);
        continue;
      }
      const size_t command_at = pos_ - 1;
      const std::string name = readCommand();
      endScripts();
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
             "\" (\\frac, \\sqrt, \\left, \\right, \\cdot, \\times, \\dots, \\cdots, \\to, \\quad, "
             "\\,, "
             "\\{, \\}, \\\\, \\^, \\_)");
      }
    }
    box.width = pen;
    return box;
  }

  text::GlyphAtlas& atlas_;
  std::u32string src_;
  size_t pos_ = 0;
  size_t limit_ = std::u32string::npos;  // end of the part being parsed (one-token arguments)
  char32_t right_delimiter_ = '.';
};

}  // namespace

using io::ObjectReader;

const char* GeneralLayer::objectTypeNames() {
  return kObjectTypes;
}
const char* GeneralLayer::animationNames() {
  return kAnimations;
}

GeneralLayer::GeneralLayer(SceneBuilder& builder, text::GlyphAtlas& atlas)
    : builder_(builder), atlas_(atlas) {}

int GeneralLayer::track(int element, float base_opacity) {
  opacities_[element] = {base_opacity, builder_.opacityNow(element)};
  return element;
}

glm::vec3 GeneralLayer::originNow(const Object& object) const {
  if (object.anchor < 0) return glm::vec3(0.0f);
  return builder_.poseNow(object.anchor).position + object.anchor_offset * scaleNow(object);
}

float GeneralLayer::scaleNow(const Object& object) const {
  if (object.anchor < 0) return 1.0f;
  return builder_.poseNow(object.anchor).scale.y / object.anchor_scale;
}

void GeneralLayer::addFormula(ObjectReader& obj, const std::string& id, const Pose& pose, Rgb color,
                              float opacity, Object& out) {
  const std::string source = obj.required<std::string>("text");
  if (source.empty()) obj.fail("text", "must not be empty");
  if (source.size() > 4000) obj.fail("text", "a formula is limited to 4000 characters");
  const float font_size = toFloat(obj.optionalInRange<double>("font_size", 48.0, 1.0, 2000.0));
  const float em = font_size * kEmPerFontSize;
  const float outline = toFloat(obj.optionalInRange<double>("outline", 0.0, 0.0, 50.0));
  const float stroke =
      toFloat(obj.optionalInRange<double>("stroke_width", 0.055 * font_size, 0.0, 100.0));
  const std::string align = obj.optional<std::string>("align", "center");
  if (align != "left" && align != "center" && align != "right")
    obj.fail("align", "expected \"left\", \"center\" or \"right\"");

  FormulaParser parser(atlas_, source);
  FormulaBox box;
  try {
    box = parser.parse();
  } catch (const FormulaError& e) {
    obj.fail("text", e.message);
  }
  const Ink ink = parser.boxInk(box);
  if (ink.empty()) obj.fail("text", "the formula draws nothing");
  const float dx = align == "left"    ? -ink.x0
                   : align == "right" ? -ink.x1
                                      : -0.5f * (ink.x0 + ink.x1);
  const float dy = -0.5f * (ink.y0 + ink.y1);
  auto place = [&](glm::vec2 local) {
    return pose.position +
           pose.rotation * (pose.scale * (em * glm::vec3(local.x + dx, local.y + dy, 0.0f)));
  };

  // Pieces in reading order (left to right), so "write" with a lag_ratio goes across the formula.
  struct Piece {
    float left;
    const FormulaRun* run;
    const std::vector<glm::vec2>* path;
  };
  std::vector<Piece> pieces;
  for (const FormulaRun& run : box.runs) {
    const Ink ri = parser.runInk(run);
    if (!ri.empty()) pieces.push_back({ri.x0, &run, nullptr});
  }
  for (const auto& path : box.paths) {
    float left = path.front().x;
    for (const auto& q : path) left = std::min(left, q.x);
    pieces.push_back({left, nullptr, &path});
  }
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const Piece& a, const Piece& b) { return a.left < b.left; });
  int index = 0;
  for (const Piece& piece : pieces) {
    const std::string element_id = id + "/" + std::to_string(index++);
    if (piece.run) {
      const FormulaRun& run = *piece.run;
      const Ink ri = parser.runInk(run);
      TextGeometry g;
      g.utf8 = encodeUtf8(run.text);
      g.em_size = em * run.scale;
      g.outline_px = outline;
      g.align = 1;
      Pose p = pose;
      p.position = place({0.5f * (ri.x0 + ri.x1), 0.5f * (ri.y0 + ri.y1)});
      p.scale = pose.scale * glm::vec3(run.sx, run.sy, 1.0f);
      out.elements.push_back(track(builder_.addText(element_id, g, p, color, opacity), 1.0f));
    } else {
      StrokeGeometry g;
      const glm::vec3 origin = place(piece.path->front());
      for (const auto& q : *piece.path)
        g.points.push_back(glm::inverse(pose.rotation) * (place(q) - origin));
      g.width = stroke;
      Pose p = pose;
      p.position = origin;
      p.scale = glm::vec3(1.0f);
      out.elements.push_back(track(builder_.addStroke(element_id, g, p, color, opacity), 1.0f));
    }
  }
  // The anchor's origin differs from the object's position; remember the offset.
  if (!out.elements.empty()) {
    out.anchor = out.elements.front();
    out.anchor_offset = pose.position - builder_.poseNow(out.anchor).position;
    out.anchor_scale = builder_.poseNow(out.anchor).scale.y;
  }
}

// ---------------------------------------------------------------------------------------------
// Objects

void GeneralLayer::addObject(ObjectReader obj) {
  const std::string id = obj.required<std::string>("id");
  if (id.empty()) obj.fail("id", "must not be empty");
  if (objects_.count(id)) obj.fail("id", "duplicate object id \"" + id + "\"");
  const std::string type = obj.required<std::string>("type");
  obj.ignore("notes");
  if (type == "group") {
    Object group;
    auto members = obj.array("members");
    if (members.empty()) obj.fail("members", "a group needs at least one member");
    for (const auto& m : members) {
      const std::string member = m.as<std::string>();
      auto it = objects_.find(member);
      if (it == objects_.end())
        m.fail("no object with id \"" + member + "\" (members must be defined before the group)");
      if (group.anchor < 0) {
        group.anchor = it->second.anchor;
        group.anchor_offset = it->second.anchor_offset;
        group.anchor_scale = it->second.anchor_scale;
      }
      group.elements.insert(group.elements.end(), it->second.elements.begin(),
                            it->second.elements.end());
    }
    obj.finish();
    builder_.addPart(id, type, group.elements);  // listed by `info --elements`
    objects_[id] = std::move(group);
    return;
  }
  const glm::vec3 position = vec3Of(obj.optional<std::array<double, 3>>("position", {0, 0, 0}));
  const Rgb color = readColor(obj, "color", Rgb(1.0f));
  const float opacity = toFloat(obj.optionalInRange<double>("opacity", 1.0, 0.0, 1.0));
  const bool fixed_in_frame = obj.optional<bool>("fixed_in_frame", false);
  Pose pose;
  pose.position = position;
  if (auto r = obj.optional<std::array<double, 3>>("rotation_deg")) {
    pose.rotation = quatFromEulerDegrees({toFloat((*r)[0]), toFloat((*r)[1]), toFloat((*r)[2])});
  }
  Object out;
  if (type == "text") {
    TextGeometry g;
    g.utf8 = obj.required<std::string>("text");
    g.em_size =
        toFloat(obj.optionalInRange<double>("font_size", 48.0, 1.0, 2000.0)) * kEmPerFontSize;
    g.outline_px = toFloat(obj.optionalInRange<double>("outline", 0.0, 0.0, 50.0));
    const std::string align = obj.optional<std::string>("align", "center");
    if (align != "left" && align != "center" && align != "right")
      obj.fail("align", "expected \"left\", \"center\" or \"right\"");
    g.align = align == "left" ? 0 : align == "center" ? 1 : 2;
    out.elements.push_back(track(builder_.addText(id, g, pose, color, opacity), 1.0f));
  } else if (type == "formula") {
    addFormula(obj, id, pose, color, opacity, out);
  } else if (type == "rectangle" || type == "circle") {
    std::vector<glm::vec3> outline;
    if (type == "rectangle") {
      const float w = toFloat(obj.requiredInRange<double>("width", 0.0, 1e4));
      const float h = toFloat(obj.requiredInRange<double>("height", 0.0, 1e4));
      const float radius = toFloat(obj.optionalInRange<double>("corner_radius", 0.0, 0.0, 1e4));
      if (radius > 0.5f * std::min(w, h)) {
        obj.fail("corner_radius", "must be at most half the smaller side (" +
                                      io::formatNumber(0.5 * std::min(w, h)) + ")");
      }
      outline = roundedRectanglePoints(w, h, radius);
    } else {
      outline = circlePoints(toFloat(obj.requiredInRange<double>("radius", 0.001, 1e4)));
    }
    const float fill = toFloat(obj.optionalInRange<double>("fill_opacity", 0.0, 0.0, 1.0));
    const float stroke = toFloat(obj.optionalInRange<double>("stroke_width", 2.0, 0.0, 100.0));
    const Rgb fill_color = readColor(obj, "fill_color", color);
    if (fill > 0)
      out.elements.push_back(track(
          builder_.addFill(id + "/fill", convexFill(outline), pose, fill_color, fill * opacity),
          fill));
    if (stroke > 0) {
      StrokeGeometry g;
      g.points = std::move(outline);
      g.closed = true;
      g.width = stroke;
      out.elements.push_back(track(builder_.addStroke(id, g, pose, color, opacity), 1.0f));
    }
  } else if (type == "box") {
    BoxGeometry g;
    g.size = vec3Of(obj.required<std::array<double, 3>>("size"));
    for (int k = 0; k < 3; ++k) {
      if (!(g.size[k] >= 0.0f && g.size[k] <= 1e4f))
        obj.fail("size", "every side must be between 0 and 10000");
    }
    g.shading = toFloat(obj.optionalInRange<double>("shading", 0.5, 0.0, 1.0));
    out.elements.push_back(track(builder_.addBox(id, g, pose, color, opacity), 1.0f));
  } else if (type == "line" || type == "arrow") {
    std::vector<glm::vec3> points;
    const bool has_points = obj.has("points");
    if (has_points) {
      if (obj.has("from") || obj.has("to"))
        obj.fail("points", "use either \"points\" or \"from\" and \"to\", not both");
      if (obj.has("path_arc_deg"))
        obj.fail("path_arc_deg", "only applies to \"from\" / \"to\" lines, not to \"points\"");
      auto list = obj.array("points");
      if (list.size() < 2) obj.fail("points", "a line needs at least 2 points");
      if (list.size() > 10000) obj.fail("points", "more than 10000 points");
      for (const auto& p : list) points.push_back(vec3Of(p.as<std::array<double, 3>>()));
      points = filletCorners(points,
                             toFloat(obj.optionalInRange<double>("corner_radius", 0.0, 0.0, 1e4)));
    } else {
      const glm::vec3 from = vec3Of(obj.required<std::array<double, 3>>("from"));
      const glm::vec3 to = vec3Of(obj.required<std::array<double, 3>>("to"));
      const float arc =
          toFloat(obj.optionalInRange<double>("path_arc_deg", 0.0, -359.0, 359.0)) * kPi / 180.0f;
      points = shapes::arcPoints(from, to, arc);
    }
    // The element's origin is the start point, so "grow" grows the line out of its start.
    const glm::vec3 start = points.front();
    for (auto& p : points) p -= start;
    pose.position += pose.rotation * start;
    StrokeGeometry g;
    g.width = toFloat(
        obj.optionalInRange<double>("stroke_width", type == "arrow" ? 4.0 : 2.0, 0.0, 100.0));
    int tip_element = -1;
    if (type == "arrow") {
      const float tip = toFloat(obj.optionalInRange<double>("tip_length", 0.25, 0.0, 100.0));
      const float tip_width = toFloat(obj.optionalInRange<double>("tip_width", tip, 0.0, 100.0));
      const glm::vec3 end = points.back();
      const glm::vec3 dir = end - points[points.size() - 2];
      if (glm::length(dir) > 1e-6f && tip > 0.0f) {
        points.back() -= glm::normalize(dir) * (0.8f * tip);
        tip_element =
            track(builder_.addFill(id + "/tip", shapes::arrowTip(end, dir, tip, tip_width), pose,
                                   color, opacity),
                  1.0f);
        tips_.insert(tip_element);
      }
    }
    g.points = std::move(points);
    out.elements.push_back(track(builder_.addStroke(id, g, pose, color, opacity), 1.0f));
    if (tip_element >= 0) out.elements.push_back(tip_element);
  } else if (type == "brace") {
    const float length = toFloat(obj.requiredInRange<double>("length", 0.01, 1e4));
    const float depth = toFloat(obj.optionalInRange<double>("depth", 0.25, 0.01, 100.0));
    const float width = toFloat(obj.optionalInRange<double>("stroke_width", 3.0, 0.0, 100.0));
    const std::string direction = obj.optional<std::string>("direction", "down");
    const std::map<std::string, float> angles = {
        {"left", 0}, {"down", 90}, {"right", 180}, {"up", 270}};
    if (!angles.count(direction))
      obj.fail("direction", "expected \"left\", \"right\", \"up\" or \"down\"");
    pose.rotation =
        pose.rotation * glm::angleAxis(angles.at(direction) * kPi / 180.0f, glm::vec3(0, 0, 1));
    out.elements.push_back(track(
        builder_.addStroke(id, shapes::brace(length, depth, true, width), pose, color, opacity),
        1.0f));
  } else if (type == "spheres") {
    SphereGeometry g;
    const float radius = toFloat(obj.optionalInRange<double>("radius", 0.1, 0.0, 1e3));
    auto points = obj.array("points");
    for (const auto& p : points) {
      g.centers.push_back(glm::vec4(vec3Of(p.as<std::array<double, 3>>()), radius));
      g.opacities.push_back(1.0f);
    }
    out.elements.push_back(track(builder_.addSpheres(id, g, pose, color, opacity), 1.0f));
  } else if (type == "bars") {
    auto values = obj.required<std::vector<double>>("values");
    if (values.empty()) obj.fail("values", "needs at least one value");
    const float pitch = toFloat(obj.optionalInRange<double>("pitch", 0.5, 0.01, 100.0));
    const float scale = toFloat(obj.optionalInRange<double>("length_scale", 4.0, 0.0, 1e4));
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i] < 0 || values[i] > 1)
        obj.fail("values",
                 "every value must be between 0 and 1, got " + io::formatNumber(values[i]));
      const float len = std::max(0.01f, toFloat(values[i]) * scale);
      // Origin on the bar's left end, so "grow" grows it to the right.
      Pose bar = pose;
      bar.position += pose.rotation * glm::vec3(0, -pitch * static_cast<float>(i), 0);
      FillGeometry g = shapes::rectangleFill(len, 0.5f * pitch);
      for (auto& p : g.triangles) p.x += 0.5f * len;
      out.elements.push_back(track(
          builder_.addFill(id + "/" + std::to_string(i), g, bar, color, 0.8f * opacity), 0.8f));
    }
  } else {
    obj.fail("type", "unknown object type \"" + type + "\" (" + kObjectTypes + ")");
  }
  obj.finish();
  for (int e : out.elements) builder_.element(e).fixed_in_frame = fixed_in_frame;
  if (out.anchor < 0 && !out.elements.empty()) {
    out.anchor = out.elements.front();
    out.anchor_offset = position - builder_.poseNow(out.anchor).position;
    out.anchor_scale = builder_.poseNow(out.anchor).scale.y;
  }
  builder_.addPart(id, type, out.elements);  // listed by `info --elements`
  objects_[id] = std::move(out);
}

// ---------------------------------------------------------------------------------------------
// Animations

void GeneralLayer::fadeIn(int e, TimeWindow w, glm::vec3 shift, Rate rate) {
  Element& el = builder_.element(e);
  const float now = el.opacity.finalValue();
  if (now > 0.0f || !el.opacity.animated()) {
    builder_.fadeIn(e, w, shift, rate);  // to the opacity it has (or was made with)
    return;
  }
  // Faded out earlier: come back to the opacity it was last shown with.
  const auto it = opacities_.find(e);
  const float target = it != opacities_.end() && it->second.shown > 0.0f ? it->second.shown : 1.0f;
  builder_.fadeIn(e, w, shift, rate, target);
}

GeneralLayer::Object GeneralLayer::findTarget(const std::string& id, ObjectReader& anim) const {
  if (auto it = objects_.find(id); it != objects_.end()) return it->second;
  // A part of the network flow ("attention2/block", "layer3"): its origin is the centre of its
  // elements' positions, so indicate and move scale about the part's middle.
  const ScenePart* part = builder_.findPart(id);
  if (!part || part->elements.empty()) anim.fail("target", "no object with id \"" + id + "\"");
  Object object;
  object.elements = part->elements;
  glm::vec3 centre(0.0f);
  for (int e : part->elements) centre += builder_.poseNow(e).position;
  centre /= static_cast<float>(part->elements.size());
  object.anchor = part->elements.front();
  const Pose anchor = builder_.poseNow(object.anchor);
  object.anchor_scale = anchor.scale.y;
  object.anchor_offset = centre - anchor.position;
  return object;
}

double GeneralLayer::animate(ObjectReader anim, double t0, double default_run_time) {
  const std::string type = anim.required<std::string>("type");
  if (!isAnimation(type))
    anim.fail("type", "unknown animation \"" + type + "\" (" + kAnimations + ")");
  const double run_time = anim.optionalInRange<double>("run_time", default_run_time, 0.0, 1e5);
  TimeWindow w{t0, t0 + run_time};
  if (auto span = anim.optional<std::array<double, 2>>("time_span")) {
    if ((*span)[0] < 0 || (*span)[1] < (*span)[0] || (*span)[1] > 1e5) {
      anim.fail("time_span", "expected [start, end] with 0 <= start <= end, got [" +
                                 io::formatNumber((*span)[0]) + ", " +
                                 io::formatNumber((*span)[1]) + "]");
    }
    if (anim.has("run_time"))
      anim.fail("run_time", "give either \"run_time\" or \"time_span\", not both");
    w = {t0 + (*span)[0], t0 + (*span)[1]};
  }
  // "rate" shapes every kind but remove and indicate (which has manim's fixed there-and-back).
  const Rate rate =
      type == "remove" || type == "indicate" ? Rate::Smooth : readRate(anim, "rate", Rate::Smooth);
  if (type == "camera") {
    Camera start = builder_.cameraNow();
    Camera target = start;
    if (auto e = readOrientation(anim, "euler_deg", std::nullopt))
      target.orientation = quatFromEulerDegrees(*e);
    if (auto c = anim.optional<std::array<double, 3>>("center")) target.center = vec3Of(*c);
    if (auto h = anim.optional<double>("height"))
      target.height =
          toFloat(anim.document().requireRange(*h, 0.01, 1e6, anim.childPointer("height")));
    builder_.moveCamera(w, target, rate);
    if (returnsToStart(rate)) builder_.mutableScene().camera.set(w.end, start);
    anim.finish();
    return w.end - t0;
  }
  const std::string target = anim.required<std::string>("target");
  const Object object = findTarget(target, anim);
  const std::vector<int>& elements = object.elements;
  const float lag = toFloat(anim.optionalInRange<double>("lag_ratio", 0.0, 0.0, 10.0));
  glm::vec3 shift(0.0f);
  if (type == "fade_in" || type == "fade_out" || type == "move") {
    shift = vec3Of(anim.optional<std::array<double, 3>>("shift", {0, 0, 0}));
  }
  const int n = static_cast<int>(elements.size());

  // Fields read once, per animation kind (finish() rejects the ones a kind does not take).
  float flash_width = 1.0f;
  if (type == "flash")
    flash_width = toFloat(anim.optionalInRange<double>("time_width", 1.0, 0.01, 100.0));
  std::optional<glm::vec3> move_to;
  std::optional<float> move_scale, move_opacity;
  std::optional<Rgb> move_color;
  if (type == "move") {
    if (auto p = anim.optional<std::array<double, 3>>("to")) move_to = vec3Of(*p);
    if (auto s = anim.optional<double>("scale"))
      move_scale = toFloat(anim.document().requireRange(*s, 0.0, 1e4, anim.childPointer("scale")));
    if (auto o = anim.optional<double>("opacity"))
      move_opacity =
          toFloat(anim.document().requireRange(*o, 0.0, 1.0, anim.childPointer("opacity")));
    if (anim.has("color")) move_color = readColor(anim, "color", Rgb(1.0f));
  }
  float indicate_scale = 1.2f;
  Rgb indicate_color(1.0f, 1.0f, 0.0f);
  if (type == "indicate") {
    indicate_scale = toFloat(anim.optionalInRange<double>("scale", 1.2, 0.0, 100.0));
    indicate_color = readColor(anim, "color", indicate_color);
  }
  const glm::vec3 origin = originNow(object);
  const float scale_now = scaleNow(object);

  for (int i = 0; i < n; ++i) {
    const int e = elements[i];
    const TimeWindow part = partWindow(i, n, lag, w.duration());
    const TimeWindow pw{w.start + part.start, w.start + part.end};
    Element& el = builder_.element(e);
    if (type == "fade_in") {
      fadeIn(e, pw, shift, rate);
    } else if (type == "fade_out") {
      builder_.fadeOut(e, pw, shift, rate);
    } else if (type == "show_creation") {
      // An arrow's tip appears as the shaft reaches it, over the last tenth of the window.
      if (tips_.count(e))
        builder_.reveal(e, {pw.end - 0.1 * pw.duration(), pw.end}, RevealStyle::Parts,
                        Rate::Linear);
      else
        builder_.reveal(e, pw, RevealStyle::Prefix, rate);
    } else if (type == "write") {
      builder_.reveal(e, pw, RevealStyle::Parts, rate, 0.2f);
    } else if (type == "grow") {
      builder_.reveal(e, pw, RevealStyle::Grow, rate);
    } else if (type == "flash") {
      builder_.reveal(e, pw, RevealStyle::Flash, rate, 0, flash_width);
    } else if (type == "show_creation_then_fade_out") {
      const double mid = 0.5 * (pw.start + pw.end);
      if (tips_.count(e))
        builder_.reveal(e, {mid - 0.05 * pw.duration(), mid}, RevealStyle::Parts, Rate::Linear);
      else
        builder_.reveal(e, {pw.start, mid}, RevealStyle::Prefix, rate);
      builder_.fadeOut(e, {mid, pw.end});
    } else if (type == "move") {
      const Pose start = builder_.poseNow(e);
      Pose pose = start;
      const float ratio = move_scale ? *move_scale / std::max(scale_now, 1e-6f) : 1.0f;
      const glm::vec3 new_origin = (move_to ? *move_to : origin) + shift;
      pose.position = new_origin + (start.position - origin) * ratio;
      pose.scale = start.scale * ratio;
      const Rgb start_color = el.color.finalValue();
      const float start_opacity = el.opacity.finalValue();
      builder_.moveTo(e, pw, pose, rate);
      if (move_opacity) {
        Opacity& o = opacities_[e];
        const float value = o.base * *move_opacity;
        builder_.fadeTo(e, pw, value, rate);
        if (!returnsToStart(rate)) o.shown = value;
      }
      if (move_color) builder_.recolor(e, pw, *move_color, rate);
      if (returnsToStart(rate)) {
        el.pose.set(pw.end, start);
        if (move_opacity) el.opacity.set(pw.end, start_opacity);
        if (move_color) el.color.set(pw.end, start_color);
      }
    } else if (type == "indicate") {
      // manim's Indicate: scale up about the object's origin and turn yellow, then back.
      const Pose start = builder_.poseNow(e);
      Pose big = start;
      big.position = origin + (start.position - origin) * indicate_scale;
      big.scale = start.scale * indicate_scale;
      const Rgb start_color = el.color.finalValue();
      const double mid = 0.5 * (pw.start + pw.end);
      builder_.moveTo(e, {pw.start, mid}, big, Rate::Smooth);
      builder_.moveTo(e, {mid, pw.end}, start, Rate::Smooth);
      builder_.recolor(e, {pw.start, mid}, indicate_color, Rate::Smooth);
      builder_.recolor(e, {mid, pw.end}, start_color, Rate::Smooth);
    } else if (type == "remove") {
      builder_.remove(e, pw.start);
    }
  }
  // Fields a kind takes even when the object has no elements.
  if (type == "flash") anim.ignore("time_width");
  anim.finish();
  return w.end - t0;
}

}  // namespace flowview::scenes
