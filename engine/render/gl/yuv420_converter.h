#pragma once
// Converts a rendered frame into a yuv420p video frame on the GPU (shaders/video_yuv.frag), so
// the export reads back and pipes 1.5 bytes a pixel instead of 4 and ffmpeg converts nothing.
// The planes are drawn into one RGBA8 texture, four bytes a texel, and read back with three
// glReadPixels straight into the frame's buffer.
#include <string>

#include "core/image/image_io.h"
#include "render/gl/gl_objects.h"
#include "render/gl/shader_program.h"

namespace flowview::gl {

class Yuv420Converter {
 public:
  // Builds the programs in the current context (throws ShaderError).
  explicit Yuv420Converter(const std::string& shader_dir);

  // What convert() takes: a width that is a multiple of 8 and an even height.
  static bool accepts(int width, int height) { return width % 8 == 0 && height % 2 == 0; }

  // `source`: an opaque RGBA8 texture of width x height (accepts()) with linear filtering.
  // Leaves the default framebuffer bound.
  void convert(GLuint source, int width, int height, Image& out);

 private:
  void resize(int width, int height);

  ShaderProgram luma_, chroma_;
  VertexArray triangle_;
  Texture packed_;
  Framebuffer packed_fbo_;
  int width_ = 0, height_ = 0;
};

}  // namespace flowview::gl
