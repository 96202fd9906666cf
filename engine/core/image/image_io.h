#pragma once
// PNG files. Writing goes to a temporary file in the same folder which is then renamed, so a
// half-written PNG never exists under the final name (even on a full disk or a crash).
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowview {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // rows top to bottom
  const uint8_t* pixel(int x, int y) const {
    return rgba.data() + (static_cast<size_t>(y) * width + x) * 4;
  }
};

class ImageWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws ImageWriteError naming the path and the reason; leaves no partial file behind.
void writePngAtomically(const std::string& path, const Image& image);
// Encodes into memory (for writers that stream, e.g. to ffmpeg, and for tests).
std::vector<uint8_t> encodePng(const Image& image);
// Returns false (and leaves `out` empty) when the file is missing or not an image.
bool readPng(const std::string& path, Image& out);

}  // namespace flowview
