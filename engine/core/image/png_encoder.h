#pragma once
// PNG encoding tuned for exports: libspng with one cheap filter and fast zlib settings. Frames
// of this scene (large flat backgrounds) compress nearly as well as at zlib's default level,
// several times faster (docs/performance.md has the figures).
#include <cstdint>
#include <vector>

namespace flowview {

struct Image;

// Appends nothing and returns false when libspng fails; `out` is reused (no allocation once it
// has grown to a frame's size).
bool encodePngFast(const Image& image, std::vector<uint8_t>& out);

}  // namespace flowview
