#include "render/renderer.h"

#include <algorithm>
#include <cmath>
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

// GL width of a line whose stroke is `stroke_px` wide. Multisampled, a wide line is a rectangle
// of that width; single-sampled, it is a parallelogram measured along x or y, so it must be
// sqrt(2) wider to hold the stroke at any angle. Either way it holds the anti-aliased edge too
// (line.frag fades over the half pixel on either side of the true edge: one pixel in all, and a
// pixel more for the rectangle's own sample coverage), so the shader alone shapes the line: a
// draw's width covers its widest line, the others keep their own width. Not rounded up:
// llvmpipe keeps a fractional width (the same pixels as the next whole width, fewer blocks), and
// a driver that rounds it to the nearest whole width trims at most a fifth of a pixel off the
// faint outer edge of diagonal lines.
float lineWidthFor(float stroke_px, bool multisampled) {
  return multisampled ? stroke_px + 2.0f : (stroke_px + 1.0f) * 1.41422f;
}

// Describes `count` consecutive vec4 attributes of a struct of `stride` bytes.
void vec4Attributes(GLuint vao, GLuint vbo, int count, size_t stride, bool instanced,
                    size_t offset = 0) {
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  for (int i = 0; i < count; ++i) {
    glEnableVertexAttribArray(static_cast<GLuint>(i));
    glVertexAttribPointer(static_cast<GLuint>(i), 4, GL_FLOAT, GL_FALSE,
                          static_cast<GLsizei>(stride),
                          reinterpret_cast<const void*>(static_cast<uintptr_t>(offset + i * 16)));
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
      line_program_(shader_dir, "line.vert", "line.frag"),
      mesh_(new Pipeline),
      stroke_(new Pipeline),
      sphere_(new Pipeline),
      glyph_(new Pipeline),
      line_(new Pipeline) {
  static_assert(sizeof(MeshVertex) == 48 && sizeof(StrokeInstance) == 48 &&
                sizeof(SphereInstance) == 32 && sizeof(GlyphInstance) == 80);
  vec4Attributes(mesh_->vao.id(), mesh_->vbo.id(), 3, sizeof(MeshVertex), false);
  vec4Attributes(stroke_->vao.id(), stroke_->vbo.id(), 3, sizeof(StrokeInstance), true);
  vec4Attributes(sphere_->vao.id(), sphere_->vbo.id(), 2, sizeof(SphereInstance), true);
  vec4Attributes(glyph_->vao.id(), glyph_->vbo.id(), 5, sizeof(GlyphInstance), true);
  vec4Attributes(line_->vao.id(), line_->vbo.id(), 3, sizeof(StrokeInstance), true);
  // Wide lines exist in core contexts that are not forward-compatible.
  GLint flags = 0;
  glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
  if ((flags & GL_CONTEXT_FLAG_FORWARD_COMPATIBLE_BIT) == 0) {
    GLfloat aliased[2] = {1.0f, 1.0f}, smooth[2] = {1.0f, 1.0f};
    glGetFloatv(GL_ALIASED_LINE_WIDTH_RANGE, aliased);
    glGetFloatv(GL_SMOOTH_LINE_WIDTH_RANGE, smooth);
    max_line_width_ = aliased[1];
    // Drivers differ on which range bounds multisampled lines: keep to both.
    max_multisampled_line_width_ = std::min(aliased[1], smooth[1]);
  }
  while (glGetError() != GL_NO_ERROR) {
  }
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
                    const RenderOptions& image_options, const RenderTarget& target) {
  draw_calls_ = 0;
  RenderOptions options = image_options;
  options.width = target.width;
  options.height = target.height;
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
  focal_distance_ = camera.focalDistance();
  viewport_ = glm::vec2(options.width, options.height);
  // Stroke widths are fixed on screen: manim width 1 = 1% of a default 8-unit frame's height.
  width_scale_ = 0.01f * static_cast<float>(full_h) / 8.0f;
  outline_scale_ = static_cast<float>(full_h) / 1080.0f;

  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
  glViewport(target.x, target.y, target.width, target.height);
  if (target.scissor) {  // the clear below stays in the rectangle
    glEnable(GL_SCISSOR_TEST);
    glScissor(target.x, target.y, target.width, target.height);
  } else {
    glDisable(GL_SCISSOR_TEST);
  }
  const glm::vec4 bg = options.transparent ? glm::vec4(0.0f) : options.background;
  glClearColor(bg.r, bg.g, bg.b, bg.a);
  glClearDepth(1.0);
  glClearStencil(0);
  glStencilMask(0xFF);
  has_stencil_ = hasStencil(target.framebuffer);
  boxed_drawn_ = false;
  target_scissor_ = target.scissor;
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | (has_stencil_ ? GL_STENCIL_BUFFER_BIT : 0));
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied alpha everywhere
  glDisable(GL_CULL_FACE);
  uploadAtlasIfChanged();

  // Anti-aliased edges of opaque strokes, glyphs and spheres must not write depth over whole
  // pixels (a faint fringe would hide the next segment, or keep a block face behind it from
  // tinting it): with multisampling their coverage goes to the sample mask instead of blending.
  // Single-sampled (the live view on a software rasterizer), fringes blend and write depth.
  GLint sample_buffers = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &sample_buffers);
  multisampled_ = sample_buffers > 0;
  viewport_rect_ = glm::vec4(target.x, target.y, target.width, target.height);

  // Opaque pass: depth writes.
  glDepthMask(GL_TRUE);
  edge_mode_ = EdgeMode::Blended;
  drawMeshes(batches.fills[0]);
  if (multisampled_) setAlphaToCoverage(true);
  drawSpheres(batches.spheres[0], sphere_program_);
  drawStrokes(batches.strokes[0]);
  drawGlyphs(batches.glyphs[0]);
  if (multisampled_) setAlphaToCoverage(false);

  // Translucent pass: depth test, no depth writes.
  glDepthMask(GL_FALSE);
  // Translucent fills sit a hair behind coplanar opaque content (a token's text in its tinted
  // rectangle), so they never tint what lies on them.
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(1.0f, 4.0f);
  drawMeshes(batches.fills[1]);
  glDisable(GL_POLYGON_OFFSET_FILL);
  drawSlot(batches, 0);
  drawStrokes(batches.strokes[1]);
  drawGlyphs(batches.glyphs[1]);
  drawSheetsAndSlots(batches);
  // Elements that manimgl draws over the blocks (a layer inside an attention block).
  drawMeshes(batches.front_fills);
  drawStrokes(batches.front_strokes);
  drawGlyphs(batches.front_glyphs);
  glDepthMask(GL_TRUE);
  glDisable(GL_SCISSOR_TEST);
}

void Renderer::drawSlot(const DrawBatches& batches, size_t slot) {
  const std::span<const SphereInstance> spheres(batches.spheres[1]);
  const std::span<const StrokeInstance> lines(batches.lines);
  // [first, boxed) open, [boxed, end) inside a block.
  size_t sphere_first = 0, sphere_boxed = spheres.size(), sphere_end = spheres.size();
  size_t line_first = 0, line_boxed = lines.size(), line_end = lines.size();
  if (batches.sphere_slot_ends.empty()) {  // no slots: everything before the sheets
    if (slot != 0) return;
  } else {
    sphere_first = slot == 0 ? 0 : batches.sphere_slot_ends[slot - 1];
    sphere_boxed = batches.sphere_slot_boxed[slot];
    sphere_end = batches.sphere_slot_ends[slot];
    line_first = slot == 0 ? 0 : batches.line_slot_ends[slot - 1];
    line_boxed = batches.line_slot_boxed[slot];
    line_end = batches.line_slot_ends[slot];
  }
  // manimgl depth-tests the neurons (DotCloud.make_3d) and their connections
  // (apply_depth_test), translucent as they are: each writes depth, so what is drawn after it and
  // lies behind it is hidden, not blended. A neuron hides the lines behind it and the near lines
  // hide the far ones, which is what makes a network read as lit balls on distinct strokes
  // rather than a haze of summed lines. Neurons first, then lines, as the seed adds them.
  glDepthMask(GL_TRUE);
  drawSpheres(spheres.subspan(sphere_first, sphere_boxed - sphere_first), sphere_program_);
  drawLines(lines.subspan(line_first, line_boxed - line_first));
  // Inside a block the same, but manimgl draws the block's body over its network without a
  // depth test, so the block's far faces, drawn next, veil it too (hlnf_21, hlnf_26): the
  // network marks its pixels in the stencil and the sheets ignore its depth there (drawSheets).
  // Without a stencil buffer the far faces stay hidden behind it.
  if (sphere_end > sphere_boxed || line_end > line_boxed) {
    if (has_stencil_) {
      glEnable(GL_STENCIL_TEST);
      glStencilFunc(GL_ALWAYS, 1, 0xFF);
      glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    }
    drawSpheres(spheres.subspan(sphere_boxed, sphere_end - sphere_boxed), sphere_program_);
    drawLines(lines.subspan(line_boxed, line_end - line_boxed));
    if (has_stencil_) {
      growBoxedRect(spheres.subspan(sphere_boxed, sphere_end - sphere_boxed),
                    lines.subspan(line_boxed, line_end - line_boxed));
      glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
      glDisable(GL_STENCIL_TEST);
      boxed_drawn_ = true;
    }
  }
  glDepthMask(GL_FALSE);
}

void Renderer::drawSheetsAndSlots(const DrawBatches& batches) {
  // Sheets keep sitting a hair behind coplanar opaque content (polygon offset).
  const std::span<const MeshVertex> sheets(batches.box_faces);
  const size_t slots = batches.sphere_slot_ends.size();
  auto slotEmpty = [&](size_t s) {
    const uint32_t sphere_from = s == 0 ? 0 : batches.sphere_slot_ends[s - 1];
    const uint32_t line_from = s == 0 ? 0 : batches.line_slot_ends[s - 1];
    return batches.sphere_slot_ends[s] == sphere_from && batches.line_slot_ends[s] == line_from;
  };
  size_t drawn = 0;  // vertices of the sheets drawn so far
  for (size_t s = 1; s < slots; ++s) {
    if (slotEmpty(s)) continue;
    const size_t upto = batches.sheet_ends[s - 1];
    drawSheets(sheets.subspan(drawn, upto - drawn));
    drawn = upto;
    drawSlot(batches, s);
  }
  drawSheets(sheets.subspan(drawn));
}

void Renderer::drawSheets(std::span<const MeshVertex> sheets) {
  if (sheets.empty()) return;
  glEnable(GL_POLYGON_OFFSET_FILL);
  if (!boxed_drawn_) {
    drawMeshes(sheets);
  } else {
    // Where a network inside a block was drawn (stencil 1), the sheets are drawn over it
    // whatever its depth; it passed the depth test there, so nothing opaque lies in front.
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0x00);
    glStencilFunc(GL_EQUAL, 0, 0xFF);
    drawMeshes(sheets);
    // Only within the networks' rectangle: a big face rasterized a second time over the whole
    // target costs a software rasterizer as much as drawing it.
    glEnable(GL_SCISSOR_TEST);
    glScissor(boxed_rect_.x, boxed_rect_.y, boxed_rect_.z - boxed_rect_.x,
              boxed_rect_.w - boxed_rect_.y);
    glStencilFunc(GL_EQUAL, 1, 0xFF);
    glDepthFunc(GL_ALWAYS);
    drawMeshes(sheets);
    glDepthFunc(GL_LEQUAL);
    restoreScissor();
    glStencilMask(0xFF);
    glDisable(GL_STENCIL_TEST);
  }
  glDisable(GL_POLYGON_OFFSET_FILL);
}

void Renderer::restoreScissor() {
  if (target_scissor_) {
    glScissor(static_cast<GLint>(viewport_rect_.x), static_cast<GLint>(viewport_rect_.y),
              static_cast<GLsizei>(viewport_rect_.z), static_cast<GLsizei>(viewport_rect_.w));
  } else {
    glDisable(GL_SCISSOR_TEST);
  }
}

void Renderer::growBoxedRect(std::span<const SphereInstance> spheres,
                             std::span<const StrokeInstance> lines) {
  const glm::ivec4 whole(viewport_rect_.x, viewport_rect_.y, viewport_rect_.x + viewport_rect_.z,
                         viewport_rect_.y + viewport_rect_.w);
  if (!boxed_drawn_) boxed_rect_ = glm::ivec4(whole.z, whole.w, whole.x, whole.y);  // empty
  // Grows the rectangle by a point and `margin_px` around it; false when it is too near the eye
  // to say (the whole target then).
  auto add = [&](glm::vec3 p, float margin_px) {
    const glm::vec4 clip = view_proj_ * glm::vec4(p, 1.0f);
    if (clip.w < 1e-3f) return false;
    const glm::vec2 at =
        glm::vec2(viewport_rect_.x, viewport_rect_.y) +
        (glm::vec2(clip) / clip.w * 0.5f + 0.5f) * glm::vec2(viewport_rect_.z, viewport_rect_.w);
    boxed_rect_.x = std::min(boxed_rect_.x, static_cast<int>(std::floor(at.x - margin_px)));
    boxed_rect_.y = std::min(boxed_rect_.y, static_cast<int>(std::floor(at.y - margin_px)));
    boxed_rect_.z = std::max(boxed_rect_.z, static_cast<int>(std::ceil(at.x + margin_px)));
    boxed_rect_.w = std::max(boxed_rect_.w, static_cast<int>(std::ceil(at.y + margin_px)));
    return true;
  };
  const float pixels_per_unit = 0.5f * proj_[1][1] * viewport_rect_.w;  // at distance 1
  bool bounded = true;
  for (const SphereInstance& sphere : spheres) {
    const glm::vec3 center = sphere.center;
    const float radius = sphere.radius;
    // The impostor's quad (sphere.vert) lies at the nearest point, a radius in front.
    const float nearest = -(view_ * glm::vec4(center, 1.0f)).z - radius;
    if (nearest < 1e-3f) {
      bounded = false;
      break;
    }
    bounded = add(center, 1.1f * radius * pixels_per_unit / nearest + 3.0f);
    if (!bounded) break;
  }
  for (size_t i = 0; bounded && i < lines.size(); ++i) {
    const float width_px = lines[i].width_a * width_scale_ * kMaxLineDepthScale;
    const float margin = 0.5f * lineWidthFor(width_px, multisampled_) + 3.0f;
    bounded = add(lines[i].a, margin) && add(lines[i].b, margin);
  }
  if (!bounded) boxed_rect_ = whole;
  boxed_rect_ =
      glm::ivec4(glm::max(glm::ivec2(boxed_rect_), glm::ivec2(whole)),
                 glm::min(glm::ivec2(boxed_rect_.z, boxed_rect_.w), glm::ivec2(whole.z, whole.w)));
}

bool Renderer::hasStencil(GLuint framebuffer) const {
  const GLenum attachment = framebuffer == 0 ? GL_STENCIL : GL_STENCIL_ATTACHMENT;
  GLint type = GL_NONE, bits = 0;
  glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, attachment,
                                        GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
  if (type != GL_NONE) {
    glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, attachment,
                                          GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE, &bits);
  }
  while (glGetError() != GL_NO_ERROR) {
  }
  return type != GL_NONE && bits > 0;
}

void Renderer::setAlphaToCoverage(bool on) {
  edge_mode_ = on ? EdgeMode::AlphaToCoverage : EdgeMode::Blended;
  for (GLenum cap : {GL_SAMPLE_ALPHA_TO_COVERAGE, GL_SAMPLE_ALPHA_TO_ONE}) {
    on ? glEnable(cap) : glDisable(cap);
  }
  on ? glDisable(GL_BLEND) : glEnable(GL_BLEND);
}

void Renderer::drawMeshes(std::span<const MeshVertex> vertices) {
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

void Renderer::drawStrokes(std::span<const StrokeInstance> instances) {
  if (instances.empty()) return;
  stroke_program_.use();
  stroke_program_.set("u_view_proj", view_proj_);
  stroke_program_.set("u_viewport", viewport_);
  stroke_program_.set("u_width_scale", width_scale_);
  stroke_program_.set("u_eye", eye_);
  stroke_program_.set("u_edge_mode", static_cast<int>(edge_mode_));
  stroke_->upload(instances.data(), instances.size() * sizeof(StrokeInstance));
  glBindVertexArray(stroke_->vao.id());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(instances.size()));
  ++draw_calls_;
}

void Renderer::drawLines(std::span<const StrokeInstance> instances) {
  if (instances.empty()) return;
  // On a software rasterizer a wide line costs far less than the same segment drawn as a quad:
  // one primitive instead of two long slivers that both touch every pixel block along it.
  // Nearer than the focal distance a line widens (line.vert): each draw's GL width covers the
  // nearest end among its lines.
  const float widest_px = instances.back().width_a * width_scale_ * depthScale(instances);
  const float max_width = multisampled_ ? max_multisampled_line_width_ : max_line_width_;
  if (lineWidthFor(widest_px, multisampled_) > max_width) {
    drawStrokes(instances);
    return;
  }
  line_program_.use();
  line_program_.set("u_view_proj", view_proj_);
  line_program_.set("u_viewport", viewport_rect_);
  line_program_.set("u_width_scale", width_scale_);
  line_program_.set("u_focal_distance", focal_distance_);
  line_program_.set("u_max_depth_scale", kMaxLineDepthScale);
  line_->upload(instances.data(), instances.size() * sizeof(StrokeInstance));
  glBindVertexArray(line_->vao.id());
  size_t first = 0;
  bool shifted = false;
  while (first < instances.size()) {  // one draw per width
    size_t end = first + 1;
    while (end < instances.size() && instances[end].width_a == instances[first].width_a) ++end;
    if (first > 0) {  // GL 3.3 has no base instance: start the attributes at `first`
      vec4Attributes(line_->vao.id(), line_->vbo.id(), 3, sizeof(StrokeInstance), true,
                     first * sizeof(StrokeInstance));
      glBindVertexArray(line_->vao.id());
      shifted = true;
    }
    const float scale = depthScale(instances.subspan(first, end - first));
    glLineWidth(lineWidthFor(instances[first].width_a * width_scale_ * scale, multisampled_));
    glDrawArraysInstanced(GL_LINES, 0, 2, static_cast<GLsizei>(end - first));
    ++draw_calls_;
    first = end;
  }
  if (shifted) vec4Attributes(line_->vao.id(), line_->vbo.id(), 3, sizeof(StrokeInstance), true);
  glLineWidth(1.0f);
}

float Renderer::depthScale(std::span<const StrokeInstance> lines) const {
  float nearest = 1e30f;
  for (const StrokeInstance& line : lines) {
    nearest = std::min(
        {nearest, -(view_ * glm::vec4(line.a, 1.0f)).z, -(view_ * glm::vec4(line.b, 1.0f)).z});
  }
  return std::min(focal_distance_ / std::max(nearest, 1e-4f), kMaxLineDepthScale);
}

void Renderer::drawSpheres(std::span<const SphereInstance> instances,
                           const gl::ShaderProgram& program) {
  if (instances.empty()) return;
  program.use();
  program.set("u_view", view_);
  program.set("u_proj", proj_);
  program.set("u_view_light", glm::vec3(view_ * glm::vec4(kSceneLight, 1.0f)));
  program.set("u_pixels_per_unit", 0.5f * proj_[1][1] * viewport_rect_.w);
  program.set("u_edge_mode", static_cast<int>(edge_mode_));
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
  glyph_program_.set("u_edge_mode", static_cast<int>(edge_mode_));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, atlas_texture_.id());
  glyph_->upload(instances.data(), instances.size() * sizeof(GlyphInstance));
  glBindVertexArray(glyph_->vao.id());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(instances.size()));
  ++draw_calls_;
}

}  // namespace flowview
