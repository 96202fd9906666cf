// `export --handout FILE.pdf`: one A4 landscape page per beat with the beat's end frame, its
// number, section and name, and its speaker notes (the section's when it has none), written with
// cairo's PDF surface.
#include <cairo-pdf.h>
#include <cairo.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <vector>

#include "cli/beat_exports.h"
#include "core/image/image_io.h"
#include "viewer/presenter_view.h"

namespace flowview::cli {
namespace {

constexpr double kPageWidth = 842.0, kPageHeight = 595.0;  // A4 landscape, in points
constexpr double kMargin = 36.0;
constexpr double kMaxImageHeight = 400.0;

// Cairo's RGB24: one native-endian 32-bit word per pixel, 0x00RRGGBB. Alpha is composited over
// white (a handout is printed).
cairo_surface_t* toCairoImage(const Image& image) {
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height);
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < image.height; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(y) * stride);
    const uint8_t* src = image.rgba.data() + static_cast<size_t>(y) * image.width * 4;
    for (int x = 0; x < image.width; ++x, src += 4) {
      const unsigned a = src[3];
      auto over_white = [a](unsigned c) { return (c * a + 255u * (255u - a) + 127u) / 255u; };
      row[x] = (over_white(src[0]) << 16) | (over_white(src[1]) << 8) | over_white(src[2]);
    }
  }
  cairo_surface_mark_dirty(surface);
  return surface;
}

// Shows `text` in lines no wider than `width`, from y downward; returns the y after the last line.
double showWrapped(cairo_t* cr, const std::string& text, double x, double y, double width,
                   double line_height, double bottom) {
  std::istringstream words(text);
  std::string line, word;
  auto flush = [&] {
    if (line.empty() || y > bottom) return;
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, line.c_str());
    y += line_height;
    line.clear();
  };
  while (words >> word) {
    const std::string candidate = line.empty() ? word : line + " " + word;
    cairo_text_extents_t extents;
    cairo_text_extents(cr, candidate.c_str(), &extents);
    if (extents.x_advance > width && !line.empty()) {
      flush();
      line = word;
    } else {
      line = candidate;
    }
  }
  flush();
  return y;
}

}  // namespace

void writeHandout(HeadlessRenderer& renderer, const Scene& scene, const std::string& pdf_path,
                  const FrameSettings& settings) {
  const std::filesystem::path target(pdf_path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  if (!std::filesystem::is_directory(dir))
    throw ImageWriteError("cannot write " + pdf_path + ": folder does not exist");
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(tmp.data());
  if (fd < 0) throw ImageWriteError("cannot write " + pdf_path);
  fchmod(fd, 0644);  // mkstemp's 0600 would survive the rename
  ::close(fd);

  cairo_surface_t* pdf = cairo_pdf_surface_create(tmp.c_str(), kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "flowview");
  cairo_t* cr = cairo_create(pdf);
  Image image;
  const int count = static_cast<int>(scene.beats.size());
  const double total = std::max(scene.duration, 1e-9);
  for (int b = 0; b < count; ++b) {
    const Beat& beat = scene.beats[static_cast<size_t>(b)];
    renderFrame(renderer, scene, beat.end, beat.end / total, settings, image);
    // The frame, as wide as the page allows, no taller than kMaxImageHeight.
    double w = kPageWidth - 2 * kMargin;
    double h = w * image.height / std::max(1, image.width);
    if (h > kMaxImageHeight) {
      w *= kMaxImageHeight / h;
      h = kMaxImageHeight;
    }
    const double x = (kPageWidth - w) / 2;
    cairo_surface_t* frame = toCairoImage(image);
    cairo_save(cr);
    cairo_translate(cr, x, kMargin);
    cairo_scale(cr, w / image.width, h / image.height);
    cairo_set_source_surface(cr, frame, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(frame);

    double y = kMargin + h + 28;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 15);
    char heading[64];
    std::snprintf(heading, sizeof heading, "%d / %d   ", b + 1, count);
    y = showWrapped(cr, heading + (beat.section.empty() ? "" : beat.section + ": ") + beat.name, x,
                    y, w, 20, kPageHeight - kMargin);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    y += 4;
    showWrapped(cr, viewer::notesForBeat(scene, b), x, y, w, 16, kPageHeight - kMargin);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_set_font_size(cr, 9);
    cairo_move_to(cr, x, kPageHeight - 18);
    cairo_show_text(cr, (scene.title + "  -  flowview").c_str());
    cairo_show_page(cr);
    std::fprintf(stderr, "\rhandout: page %d/%d", b + 1, count);
  }
  std::fprintf(stderr, "\n");
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  const cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  std::error_code ec;
  if (status != CAIRO_STATUS_SUCCESS) {
    std::filesystem::remove(tmp, ec);
    throw ImageWriteError("cannot write " + pdf_path + ": " + cairo_status_to_string(status));
  }
  std::filesystem::rename(tmp, target, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw ImageWriteError("cannot write " + pdf_path + ": " + ec.message());
  }
}

}  // namespace flowview::cli
