#pragma once
// Formulas: a small TeX-like markup (docs/scene-format.md, "Formula markup") laid out into text
// runs and stroke paths (fraction bars, radicals). Units are ems of the formula's font size; y up,
// baseline 0. Layout needs glyph metrics only, through GlyphMetrics: the composer measures with
// the glyph atlas, the scene reader with UniformMetrics (no font), which is enough to find every
// syntax error.
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

#include "core/math/bounds2.h"
#include "core/text/glyph_atlas.h"

namespace flowview::text {

// What the formula layout asks about glyphs.
class GlyphMetrics {
 public:
  virtual ~GlyphMetrics() = default;
  virtual const GlyphInfo* glyph(char32_t c) = 0;
  virtual float kerning(char32_t left, char32_t right) const = 0;
};

// The atlas' metrics (the fonts' real advances, ink and kerning).
class AtlasMetrics final : public GlyphMetrics {
 public:
  explicit AtlasMetrics(GlyphAtlas& atlas) : atlas_(atlas) {}
  const GlyphInfo* glyph(char32_t c) override { return atlas_.glyph(c); }
  float kerning(char32_t left, char32_t right) const override {
    return atlas_.kerning(left, right);
  }

 private:
  GlyphAtlas& atlas_;
};

// Metrics without a font: every character but white space is a box of ink half an em wide.
// Syntax errors and "draws nothing" do not depend on the font, so the reader checks with these.
class UniformMetrics final : public GlyphMetrics {
 public:
  const GlyphInfo* glyph(char32_t c) override;
  float kerning(char32_t, char32_t) const override { return 0.0f; }
};

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

// Lays out `utf8`; throws FormulaError (message with the character position) on bad markup.
FormulaBox layoutFormula(GlyphMetrics& metrics, std::string_view utf8);
// Inked extent of one run / of the whole box, formula ems.
Bounds2 formulaRunInk(GlyphMetrics& metrics, const FormulaRun& run);
Bounds2 formulaInk(GlyphMetrics& metrics, const FormulaBox& box);

}  // namespace flowview::text
