#include "render/gl/yuv420_converter.h"

#include <stdexcept>

#include "core/image/yuv420.h"

namespace flowview::gl {

Yuv420Converter::Yuv420Converter(const std::string& shader_dir)
    : luma_(shader_dir, "video_yuv.vert", "video_yuv.frag", "#define LUMA\n"),
      chroma_(shader_dir, "video_yuv.vert", "video_yuv.frag") {}

void Yuv420Converter::resize(int width, int height) {
  if (width == width_ && height == height_) return;
  glBindTexture(GL_TEXTURE_2D, packed_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width / 4, height + height / 2, 0, GL_RGBA,
               GL_UNSIGNED_BYTE, nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, packed_fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, packed_.id(), 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("cannot create the video frame framebuffer");
  width_ = width;
  height_ = height;
}

void Yuv420Converter::convert(GLuint source, int width, int height, Image& out) {
  resize(width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, packed_fbo_.id());
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, source);
  glBindVertexArray(triangle_.id());
  for (const ShaderProgram* program : {&luma_, &chroma_}) {
    program->use();
    program->set("u_source", 0);
    glUniform2i(program->uniform("u_size"), width, height);
    if (program == &luma_) {
      glViewport(0, 0, width / 4, height);
    } else {
      glViewport(0, height, width / 4, height / 2);
    }
    glDrawArrays(GL_TRIANGLES, 0, 3);
  }
  glBindVertexArray(0);

  const size_t luma_bytes = static_cast<size_t>(width) * height;
  out.width = width;
  out.height = height;
  out.layout = PixelLayout::Yuv420p;
  out.rgba.resize(yuv420pSize(width, height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width / 4, height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
  glReadPixels(0, height, width / 8, height / 2, GL_RGBA, GL_UNSIGNED_BYTE,
               out.rgba.data() + luma_bytes);
  glReadPixels(width / 8, height, width / 8, height / 2, GL_RGBA, GL_UNSIGNED_BYTE,
               out.rgba.data() + luma_bytes + luma_bytes / 4);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace flowview::gl
