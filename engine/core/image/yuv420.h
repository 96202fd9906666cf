#pragma once
// Video frames for the H.264 export: yuv420p, the layout ffmpeg's rawvideo input and libx264
// take without a conversion of their own. The Y plane (width x height bytes, rows top to bottom),
// then U and V (width/2 x height/2 each: the mean of each 2x2 block, centred), BT.709 with limited
// range (Y 16-235, U and V 16-240), as the export tags the video. The GPU does the same
// conversion (shaders/video_yuv.frag); this one is its reference and serves frames too large
// for one framebuffer.
#include <cstddef>
#include <cstdint>

#include "core/image/image_io.h"

namespace flowview {

// Bytes of a yuv420p frame (width and height even).
inline size_t yuv420pSize(int width, int height) {
  return static_cast<size_t>(width) * height * 3 / 2;
}

// BT.709 limited range; r, g, b from 0 to 255.
struct YuvSample {
  double y, u, v;
};
YuvSample bt709Limited(double r, double g, double b);

// Converts an opaque RGBA8 image with even width and height into `out` (layout Yuv420p).
void rgbaToYuv420p(const Image& rgba, Image& out);

}  // namespace flowview
