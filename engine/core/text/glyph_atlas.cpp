#include "core/text/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H
#include FT_OUTLINE_H

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/text/utf8.h"

#if FREETYPE_MAJOR < 2 || (FREETYPE_MAJOR == 2 && FREETYPE_MINOR < 11)
#error "FreeType >= 2.11 is required for FT_RENDER_MODE_SDF"
#endif

namespace flowview::text {
namespace {

constexpr int kPadding = 1;  // empty texels around each glyph so bilinear taps never bleed
constexpr int kInitialSize = 1024;
constexpr int kMaxSize = 8192;  // 64 MiB; far more than any scene needs

// Preloaded at construction so the common case never renders mid-frame.
constexpr std::string_view kCommonPunctuation =
    "\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u2022\u00B7\u00D7\u00F7\u00B1\u2212\u2192\u2190"
    "\u2264\u2265\u2260\u2248\u00B0\uFFFD";

}  // namespace

void GlyphAtlas::LibraryDeleter::operator()(FT_LibraryRec_* lib) const {
  FT_Done_FreeType(lib);
}
void GlyphAtlas::FaceDeleter::operator()(FT_FaceRec_* face) const {
  FT_Done_Face(face);
}

GlyphAtlas::GlyphAtlas(const FontFiles& fonts, int pixel_size, int spread)
    : pixel_size_(pixel_size), spread_(spread), size_(kInitialSize) {
  if (pixel_size < 4 || pixel_size > 512) {
    throw std::invalid_argument("GlyphAtlas: pixel_size must be in [4, 512]");
  }
  // FreeType's own limits for the spread property.
  if (spread < 2 || spread > 32)
    throw std::invalid_argument("GlyphAtlas: spread must be in [2, 32]");

  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) throw std::runtime_error("FreeType initialisation failed");
  library_.reset(lib);

  // "sdf" renders from outlines; "bsdf" is the bitmap-based renderer used as a fallback.
  FT_Int ft_spread = spread;
  if (FT_Property_Set(lib, "sdf", "spread", &ft_spread) != 0) {
    throw std::runtime_error("FreeType was built without the 'sdf' renderer module");
  }
  FT_Property_Set(lib, "bsdf", "spread", &ft_spread);

  auto open = [&](const std::string& path) -> FacePtr {
    FT_Face face = nullptr;
    if (FT_New_Face(lib, path.c_str(), 0, &face) != 0) return nullptr;
    FacePtr owned(face);
    if (!FT_IS_SCALABLE(face) || FT_Set_Pixel_Sizes(face, 0, pixel_size) != 0) return nullptr;
    return owned;
  };

  FacePtr primary = open(fonts.primary);
  if (!primary) throw std::runtime_error("cannot open font (or not scalable): " + fonts.primary);
  faces_.push_back(std::move(primary));
  for (const std::string& path : fonts.fallbacks) {
    if (FacePtr face = open(path)) faces_.push_back(std::move(face));
  }
  if (!fonts.italic.empty()) {
    if (FacePtr face = open(fonts.italic)) {
      italic_face_ = static_cast<int>(faces_.size());
      faces_.push_back(std::move(face));
    }
  }

  // Unscaled design metrics: exact, and independent of hinting/rounding at this pixel size.
  const FT_Face face = faces_.front().get();
  const float upem = static_cast<float>(face->units_per_EM);
  ascender_ = face->ascender / upem;
  descender_ = face->descender / upem;
  // Lines stack ascent + descent apart, as Pango (manim's Text) stacks them: without the font's
  // line gap (CMU Serif: 1.185 em, not 1.385).
  line_height_ = ascender_ - descender_;
  if (line_height_ <= 0.0f) line_height_ = face->height / upem;

  pixels_.assign(static_cast<std::size_t>(size_) * size_, 0);

  std::u32string initial;
  for (char32_t c = 0x20; c < 0x7F; ++c) initial.push_back(c);
  initial += decodeUtf8(kCommonPunctuation);
  preload(initial);
}

GlyphAtlas::~GlyphAtlas() = default;

char32_t mathItalic(char32_t c) {
  if (c >= 'A' && c <= 'Z') return 0x1D434 + (c - 'A');
  if (c == 'h') return 0x210E;  // U+1D455 is reserved: Planck's h stands for the italic h
  if (c >= 'a' && c <= 'z') return 0x1D44E + (c - 'a');
  return c;
}

char32_t mathItalicBase(char32_t c) {
  if (c == 0x210E) return 'h';
  if (c >= 0x1D434 && c <= 0x1D44D) return 'A' + (c - 0x1D434);
  if (c >= 0x1D44E && c <= 0x1D467 && c != 0x1D455) return 'a' + (c - 0x1D44E);
  return 0;
}

const GlyphInfo* uniformGlyph(char32_t c) {
  static const GlyphInfo kBlank{0, 0, 0, 0, 0, 0, 0, 0, 0.25f, 0, 0, 0, 0};
  static const GlyphInfo kInk{0, 0, 1, 1, 0, -0.2f, 0.5f, 0.8f, 0.5f, 0.05f, 0.0f, 0.45f, 0.7f};
  const bool blank = c == ' ' || c == 0xA0 || c == 0x3000 || c == '\t';
  return blank ? &kBlank : &kInk;
}

GlyphAtlas::GlyphAtlas(NoFonts, int pixel_size, int spread)
    : pixel_size_(pixel_size), spread_(spread), size_(kInitialSize) {
  ascender_ = 0.8f;
  descender_ = -0.2f;
  line_height_ = 1.2f;
}

const GlyphInfo* GlyphAtlas::glyph(char32_t c) {
  if (!library_) return uniformGlyph(c);
  if (auto it = lookup_.find(c); it != lookup_.end()) return &it->second->info;
  const Entry* entry = load(c);
  return entry ? &entry->info : nullptr;
}

void GlyphAtlas::preload(std::u32string_view text) {
  for (char32_t c : text) glyph(c);
}

const GlyphAtlas::Entry* GlyphAtlas::store(char32_t c, Entry&& entry) {
  entry.codepoint = c;
  entries_.push_back(std::move(entry));
  Entry& stored = entries_.back();
  if (stored.bitmap_w > 0) place(stored);
  lookup_.emplace(c, &stored);
  return &stored;
}

const GlyphAtlas::Entry* GlyphAtlas::loadMathItalic(char32_t c, char32_t letter) {
  // The italic face's letter; without one, the primary's upright letter slanted by about 14
  // degrees (CMU Serif Italic's slant).
  constexpr float kSyntheticSlant = 0.25f;
  Entry entry;
  if (italic_face_ >= 0) {
    if (const FT_UInt index = FT_Get_Char_Index(faces_[italic_face_].get(), letter);
        index != 0 && render(italic_face_, index, entry)) {
      return store(c, std::move(entry));
    }
  }
  if (const FT_UInt index = FT_Get_Char_Index(faces_.front().get(), letter);
      index != 0 && render(0, index, entry, kSyntheticSlant)) {
    return store(c, std::move(entry));
  }
  return nullptr;
}

const GlyphAtlas::Entry* GlyphAtlas::load(char32_t c) {
  if (const char32_t letter = mathItalicBase(c)) {
    if (const Entry* entry = loadMathItalic(c, letter)) return entry;
  }
  for (int i = 0; i < static_cast<int>(faces_.size()); ++i) {
    if (i == italic_face_) continue;
    const FT_UInt index = FT_Get_Char_Index(faces_[i].get(), c);
    if (index == 0) continue;
    Entry entry;
    if (!render(i, index, entry)) continue;  // broken glyph: let a fallback font try
    return store(c, std::move(entry));
  }

  // No font has it: alias the replacement glyph (never for the replacements themselves, which
  // ends the recursion).
  const Entry* replacement = nullptr;
  if (c != kReplacementChar && c != U'?') {
    if (glyph(kReplacementChar)) replacement = lookup_.at(kReplacementChar);
  }
  if (!replacement && c != U'?' && glyph(U'?')) replacement = lookup_.at(U'?');
  if (replacement) lookup_.emplace(c, replacement);
  return replacement;
}

bool GlyphAtlas::render(int face_index, unsigned glyph_index, Entry& entry, float slant) {
  FT_Face face = faces_[face_index].get();
  FT_GlyphSlot slot = face->glyph;
  const FT_Matrix shear{0x10000, static_cast<FT_Fixed>(slant * 0x10000), 0, 0x10000};
  // Unhinted: the SDF is scaled freely at draw time, hinting for 48 px would only distort it.
  const auto loadOutline = [&] {
    if (FT_Load_Glyph(face, glyph_index, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) return false;
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE) return false;
    if (slant != 0.0f) FT_Outline_Transform(&slot->outline, &shear);
    return true;
  };
  if (!loadOutline()) return false;

  const float px = static_cast<float>(pixel_size_);
  entry.face = face_index;
  entry.glyph_index = glyph_index;
  entry.info = GlyphInfo{};
  entry.info.advance = static_cast<float>(slot->linearHoriAdvance) / 65536.0f / px;
  if (slot->outline.n_contours <= 0) return true;  // space and friends: advance only

  FT_BBox cbox;
  FT_Outline_Get_CBox(&slot->outline, &cbox);  // 26.6 pixels
  entry.info.ink_left = cbox.xMin / 64.0f / px;
  entry.info.ink_right = cbox.xMax / 64.0f / px;
  entry.info.ink_bottom = cbox.yMin / 64.0f / px;
  entry.info.ink_top = cbox.yMax / 64.0f / px;

  // FreeType's bitmap-based SDF ("bsdf": rasterize, then convert the coverage to distances) is
  // about 4.5x faster than its outline-based one (2.9 against 13 ms a glyph), which decides the
  // start-up time and the hitch when a new glyph first appears; the outline renderer is the
  // fallback.
  if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0 ||
      FT_Render_Glyph(slot, FT_RENDER_MODE_SDF) != 0) {
    if (!loadOutline() || FT_Render_Glyph(slot, FT_RENDER_MODE_SDF) != 0) {
      return false;
    }
  }
  const FT_Bitmap& bm = slot->bitmap;
  if (bm.pixel_mode != FT_PIXEL_MODE_GRAY || bm.width == 0 || bm.rows == 0) return true;

  entry.bitmap_w = static_cast<int>(bm.width);
  entry.bitmap_h = static_cast<int>(bm.rows);
  entry.bitmap.resize(static_cast<std::size_t>(entry.bitmap_w) * entry.bitmap_h);
  for (int row = 0; row < entry.bitmap_h; ++row) {
    // A negative pitch means the buffer is stored bottom-up.
    const int src_row = bm.pitch >= 0 ? row : entry.bitmap_h - 1 - row;
    std::memcpy(&entry.bitmap[static_cast<std::size_t>(row) * entry.bitmap_w],
                bm.buffer + static_cast<std::ptrdiff_t>(src_row) * std::abs(bm.pitch),
                entry.bitmap_w);
  }
  // The SDF bitmap already includes the spread margin: bitmap_left/top are shifted by it.
  entry.info.plane_left = slot->bitmap_left / px;
  entry.info.plane_top = slot->bitmap_top / px;
  entry.info.plane_right = entry.info.plane_left + entry.bitmap_w / px;
  entry.info.plane_bottom = entry.info.plane_top - entry.bitmap_h / px;
  return true;
}

bool GlyphAtlas::tryPlace(Entry& entry) {
  const int w = entry.bitmap_w;
  const int h = entry.bitmap_h;
  // Best-fit shelf: the lowest shelf that is tall enough and has room left.
  Shelf* best = nullptr;
  for (Shelf& shelf : shelves_) {
    if (shelf.height < h || shelf.x + w + kPadding > size_) continue;
    if (!best || shelf.height < best->height) best = &shelf;
  }
  if (!best) {
    const int y =
        shelves_.empty() ? kPadding : shelves_.back().y + shelves_.back().height + kPadding;
    if (y + h + kPadding > size_ || kPadding + w + kPadding > size_) return false;
    shelves_.push_back(Shelf{y, h, kPadding});
    best = &shelves_.back();
  }
  entry.x = best->x;
  entry.y = best->y;
  best->x += w + kPadding;
  entry.placed = true;
  return true;
}

void GlyphAtlas::place(Entry& entry) {
  while (!tryPlace(entry)) grow();
  blit(entry);
  updateUv(entry);
  ++revision_;
}

void GlyphAtlas::grow() {
  // Re-pack everything, tallest first (shelves waste least that way), doubling until it fits.
  std::vector<Entry*> order;
  for (Entry& e : entries_) {
    if (e.placed) order.push_back(&e);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const Entry* a, const Entry* b) { return a->bitmap_h > b->bitmap_h; });
  bool fits = false;
  while (!fits) {
    size_ *= 2;
    if (size_ > kMaxSize) throw std::runtime_error("glyph atlas exceeds 8192x8192");
    shelves_.clear();
    fits = std::all_of(order.begin(), order.end(), [&](Entry* e) { return tryPlace(*e); });
  }
  pixels_.assign(static_cast<std::size_t>(size_) * size_, 0);
  for (Entry* e : order) {
    blit(*e);
    updateUv(*e);
  }
  ++revision_;
  ++pack_generation_;
}

void GlyphAtlas::blit(const Entry& entry) {
  for (int row = 0; row < entry.bitmap_h; ++row) {
    std::memcpy(&pixels_[static_cast<std::size_t>(entry.y + row) * size_ + entry.x],
                &entry.bitmap[static_cast<std::size_t>(row) * entry.bitmap_w], entry.bitmap_w);
  }
}

void GlyphAtlas::updateUv(Entry& entry) const {
  const float s = static_cast<float>(size_);
  entry.info.u0 = entry.x / s;
  entry.info.v0 = entry.y / s;
  entry.info.u1 = (entry.x + entry.bitmap_w) / s;
  entry.info.v1 = (entry.y + entry.bitmap_h) / s;
}

float GlyphAtlas::kerning(char32_t left, char32_t right) const {
  // (face, glyph index) that serves c: the loaded glyph's, else the first font that has it.
  const auto resolve = [this](char32_t c) -> std::pair<int, FT_UInt> {
    if (const auto it = lookup_.find(c); it != lookup_.end()) {
      return {it->second->face, it->second->glyph_index};
    }
    for (int i = 0; i < static_cast<int>(faces_.size()); ++i) {
      if (i == italic_face_) continue;
      if (const FT_UInt index = FT_Get_Char_Index(faces_[i].get(), c)) return {i, index};
    }
    return {-1, 0};
  };
  const auto [face_a, glyph_a] = resolve(left);
  const auto [face_b, glyph_b] = resolve(right);
  if (face_a < 0 || face_a != face_b) return 0.0f;  // no kerning across fonts
  FT_Face face = faces_[face_a].get();
  if (!FT_HAS_KERNING(face)) return 0.0f;
  FT_Vector delta{0, 0};
  if (FT_Get_Kerning(face, glyph_a, glyph_b, FT_KERNING_UNSCALED, &delta) != 0) return 0.0f;
  return static_cast<float>(delta.x) / face->units_per_EM;
}

int GlyphAtlas::faceIndex(char32_t c) const {
  const auto it = lookup_.find(c);
  if (it == lookup_.end() || it->second->codepoint != c) return -1;
  return it->second->face;
}

}  // namespace flowview::text
