#include "core/image/png_encoder.h"

#include <spng.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "core/image/image_io.h"

namespace flowview {

bool encodePngFast(const Image& image, std::vector<uint8_t>& out) {
  out.clear();
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() < static_cast<size_t>(image.width) * image.height * 4) {
    return false;
  }
  std::unique_ptr<spng_ctx, decltype(&spng_ctx_free)> ctx(spng_ctx_new(SPNG_CTX_ENCODER),
                                                          &spng_ctx_free);
  if (!ctx) return false;
  spng_set_option(ctx.get(), SPNG_ENCODE_TO_BUFFER, 1);
  // "Up" alone: one cheap pass that turns the flat rows of a frame into zeros; zlib's run-length
  // strategy then packs them without a slow match search.
  spng_set_option(ctx.get(), SPNG_FILTER_CHOICE, SPNG_FILTER_CHOICE_UP);
  spng_set_option(ctx.get(), SPNG_IMG_COMPRESSION_LEVEL, 1);
  spng_set_option(ctx.get(), SPNG_IMG_COMPRESSION_STRATEGY, Z_RLE);
  spng_ihdr ihdr{};
  ihdr.width = static_cast<uint32_t>(image.width);
  ihdr.height = static_cast<uint32_t>(image.height);
  ihdr.bit_depth = 8;
  ihdr.color_type = SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
  if (spng_set_ihdr(ctx.get(), &ihdr) != 0) return false;
  if (spng_encode_image(ctx.get(), image.rgba.data(), image.rgba.size(), SPNG_FMT_PNG,
                        SPNG_ENCODE_FINALIZE) != 0) {
    return false;
  }
  size_t length = 0;
  int error = 0;
  void* png = spng_get_png_buffer(ctx.get(), &length, &error);
  if (!png || error != 0) {
    std::free(png);
    return false;
  }
  out.resize(length);
  std::memcpy(out.data(), png, length);
  std::free(png);
  return true;
}

}  // namespace flowview
