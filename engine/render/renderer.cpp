#include "render/renderer.h"

#include <cstddef>

#include "core/text/glyph_atlas.h"

namespace flowview {

// One vertex array + one streaming buffer; attributes are described once at construction.
struct Renderer::Pipeline {
  gl::VertexArray vao;
  gl::Buffer vbo;
  size_t capacity_bytes = 0;

  void upload(const void* data, size_t bytes) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo.id());
    if (bytes > capacity_bytes) {
      capacity_bytes = std::max(bytes, capacity_bytes * 2);  // grow geometrically, then reuse
      glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(capacity_bytes), nullptr,
                   GL_STREAM_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data);
  }
};

namespace {

// Describes `count` consecutive vec4 attributes of a struct of `stride` bytes.
void vec4Attributes(GLuint vao, GLuint vbo, int count, size_t stride, bool instanced) {
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  for (int i = 0; i < count; ++i) {
    glEnableVertexAttribArray(static_cast<GLuint>(i));
    glVertexAttribPointer(static_cast<GLuint>(i), 4, GL_FLOAT, GL_FALSE,
                          static_cast<GLsizei>(stride),
                          reinterpret_cast<const void*>(static_cast<uintptr_t>(i * 16)));
    glVertexAttribDivisor(static_cast<GLuint>(i), instanced ? 1 : 0);
  }
  glBindVertexArray(0);
}

}  // namespace

Renderer::Renderer(text::GlyphAtlas& atlas, const std::string& shader_dir)
    : atlas_(atlas),
      mesh_program_(shader_dir, "mesh.vert", "mesh.frag"),
      stroke_program_(shader_dir, "stroke.vert", "stroke.frag"),
      sphere_program_(shader_dir, "sphere.vert", "sphere.frag"),
      glyph_program_(shader_dir, "glyph.vert", "glyph.frag"),
      mesh_(new Pipeline),
      stroke_(new Pipeline),
      sphere_(new Pipeline),
      glyph_(new Pipeline) {
  static_assert(sizeof(MeshVertex) == 48 && sizeof(StrokeInstance) == 48 &&
                sizeof(SphereInstance) == 32 && sizeof(GlyphInstance) == 80);
  vec4Attributes(mesh_->vao.id(), mesh_->vbo.id(), 3, sizeof(MeshVertex), false);
  vec4Attributes(stroke_->vao.id(), stroke_->vbo.id(), 3, sizeof(StrokeInstance), true);
  vec4Attributes(sphere_->vao.id(), sphere_->vbo.id(), 2, sizeof(SphereInstance), true);
  vec4Attributes(glyph_->vao.id(), glyph_->vbo.id(), 5, sizeof(GlyphInstance), true);
}

Renderer::~Renderer() = default;

void Renderer::uploadAtlasIfChanged() {
  if (atlas_.revision() == atlas_revision_) return;
  atlas_revision_ = atlas_.revision();
  glBindTexture(GL_TEXTURE_2D, atlas_texture_.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas_.width(), atlas_.height(), 0, GL_RED,
               GL_UNSIGNED_BYTE, atlas_.pixels().data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void Renderer::draw(const DrawBatches& batches, const Camera& camera,
                    const RenderOptions& options) {
  draw_calls_ = 0;
  const int full_w = options.full_width > 0 ? options.full_width : options.width;
  const int full_h = options.full_height > 0 ? options.full_height : options.height;
  const float aspect = static_cast<float>(full_w) / static_cast<float>(full_h);
  view_ = camera.viewMatrix();
  proj_ = camera.projectionMatrix(aspect);
  if (full_w != options.width || full_h != options.height) {
    // Zoom the projection onto the tile's part of the full image.
    const float sx = static_cast<float>(full_w) / options.width;
    const float sy = static_cast<float>(full_h) / options.height;
    const float cx = (2.0f * options.tile_x + options.width) / full_w - 1.0f;
    const float cy = 1.0f - (2.0f * options.tile_y + options.height) / full_h;
    glm::mat4 tile(1.0f);
    tile[0][0] = sx;
    tile[1][1] = sy;
    tile[3][0] = -cx * sx;
    tile[3][1] = -cy * sy;
    proj_ = tile * proj_;
  }
  view_proj_ = proj_ * view_;
  eye_ = camera.eyePosition();
  viewport_ = glm::vec2(options.width, options.height);
  // Stroke widths are fixed on screen: manim width 1 = 1% of a default 8-unit frame's height.
  width_scale_ = 0.01f * static_cast<float>(full_h) / 8.0f;
  outline_scale_ = static_cast<float>(full_h) / 1080.0f;

  const glm::vec4 bg = options.transparent ? glm::vec4(0.0f) : options.background;
  glClearColor(bg.r, bg.g, bg.b, bg.a);
  glClearDepth(1.0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied alpha everywhere
  glDisable(GL_CULL_FACE);
  uploadAtlasIfChanged();

  // Anti-aliased edges of opaque strokes and glyphs must not write depth over whole pixels (a
  // faint fringe would hide the next segment): with multisampling their coverage goes to the
  // sample mask instead of blending.
  GLint sample_buffers = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &sample_buffers);
  const bool coverage = sample_buffers > 0;
  for (int pass = 0; pass < 2; ++pass) {
    glDepthMask(pass == 0 ? GL_TRUE : GL_FALSE);
    // Translucent fills sit a hair behind coplanar opaque content (a token's text in its
    // tinted rectangle), so they never tint what lies on them.
    if (pass == 1) {
      glEnable(GL_POLYGON_OFFSET_FILL);
      glPolygonOffset(1.0f, 4.0f);
    }
    drawMeshes(batches.fills[pass]);
    glDisable(GL_POLYGON_OFFSET_FILL);
    drawSpheres(batches.spheres[pass]);
    coverage_mode_ = pass == 0 && coverage;
    if (coverage_mode_) {
      glDisable(GL_BLEND);
      glEnable(GL_SAMPLE_ALPHA_TO_COVERAGE);
      glEnable(GL_SAMPLE_ALPHA_TO_ONE);
    }
    drawStrokes(batches.strokes[pass]);
    drawGlyphs(batches.glyphs[pass]);
    if (coverage_mode_) {
      glDisable(GL_SAMPLE_ALPHA_TO_COVERAGE);
      glDisable(GL_SAMPLE_ALPHA_TO_ONE);
      glEnable(GL_BLEND);
    }
  }
  coverage_mode_ = false;
  drawMeshes(batches.box_faces);
  // Elements that manimgl draws over the blocks (a layer inside an attention block).
  drawMeshes(batches.front_fills);
  drawStrokes(batches.front_strokes);
  drawGlyphs(batches.front_glyphs);
  glDepthMask(GL_TRUE);
}

void Renderer::drawMeshes(const std::vector<MeshVertex>& vertices) {
  if (vertices.empty()) return;
  mesh_program_.use();
  mesh_program_.set("u_view_proj", view_proj_);
  mesh_program_.set("u_light", kSceneLight);
  mesh_program_.set("u_eye", eye_);
  mesh_->upload(vertices.data(), vertices.size() * sizeof(MeshVertex));
  glBindVertexArray(mesh_->vao.id());
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices.size()));
  ++draw_calls_;
}

void Renderer::drawStrokes(const std::vector<StrokeInstance>& instances) {
  if (instances.empty()) return;
  stroke_program_.use();
  stroke_program_.set("u_view_proj", view_proj_);
  stroke_program_.set("u_viewport", viewport_);
  stroke_program_.set("u_width_scale", width_scale_);
  stroke_program_.set("u_coverage_mode", coverage_mode_ ? 1 : 0);
  stroke_->upload(instances.data(), instances.size() * sizeof(StrokeInstance));
  glBindVertexArray(stroke_->vao.id());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(instances.size()));
  ++draw_calls_;
}

void Renderer::drawSpheres(const std::vector<SphereInstance>& instances) {
  if (instances.empty()) return;
  sphere_program_.use();
  sphere_program_.set("u_view", view_);
  sphere_program_.set("u_proj", proj_);
  sphere_program_.set("u_view_light", glm::vec3(view_ * glm::vec4(kSceneLight, 1.0f)));
  sphere_->upload(instances.data(), instances.size() * sizeof(SphereInstance));
  glBindVertexArray(sphere_->vao.id());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(instances.size()));
  ++draw_calls_;
}

void Renderer::drawGlyphs(const std::vector<GlyphInstance>& instances) {
  if (instances.empty()) return;
  glyph_program_.use();
  glyph_program_.set("u_view_proj", view_proj_);
  glyph_program_.set("u_atlas", 0);
  glyph_program_.set("u_atlas_size", glm::vec2(atlas_.width(), atlas_.height()));
  glyph_program_.set("u_spread", static_cast<float>(atlas_.spread()));
  glyph_program_.set("u_outline_scale", outline_scale_);
  glyph_program_.set("u_coverage_mode", coverage_mode_ ? 1 : 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, atlas_texture_.id());
  glyph_->upload(instances.data(), instances.size() * sizeof(GlyphInstance));
  glBindVertexArray(glyph_->vao.id());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(instances.size()));
  ++draw_calls_;
}

}  // namespace flowview
