#pragma once
// PNG and JPEG files. Writing goes to a temporary file in the same folder which is then renamed
// (core/image/atomic_file.h), so a half-written image never exists under the final name (even on
// a full disk or a crash), and a symbolic link is written through.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowview {

// How Image::rgba holds the pixels.
enum class PixelLayout {
  Rgba8,    // 4 bytes a pixel, rows top to bottom
  Yuv420p,  // a video frame: planes Y, U, V, 1.5 bytes a pixel (core/image/yuv420.h)
};

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // rows top to bottom
  PixelLayout layout = PixelLayout::Rgba8;
  const uint8_t* pixel(int x, int y) const {
    return rgba.data() + (static_cast<size_t>(y) * width + x) * 4;
  }
};

class ImageWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ImageFormat { Png, Jpeg };

// The format a file name asks for: ".png", ".jpg" or ".jpeg" (any case); nullopt otherwise.
std::optional<ImageFormat> imageFormatForPath(const std::string& path);

// Throws ImageWriteError naming the path and the reason; leaves no partial file behind.
void writePngAtomically(const std::string& path, const Image& image);
// PNG keeps the alpha channel; JPEG (quality 95) drops it.
void writeImageAtomically(const std::string& path, const Image& image, ImageFormat format);
// Encodes into memory (for writers that stream, e.g. to ffmpeg, and for tests).
std::vector<uint8_t> encodePng(const Image& image);
std::vector<uint8_t> encodeJpeg(const Image& image);
// Returns false (and leaves `out` empty) when the file is missing or not an image.
bool readPng(const std::string& path, Image& out);

}  // namespace flowview
