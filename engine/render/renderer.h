#pragma once
// Draws a frame's DrawBatches with a fixed set of GL pipelines: opaque pass (depth write), then
// translucent pass (no depth write, but for the spheres and lines: see drawSlot), then
// translucent box faces sorted back to front. About ten draw calls per frame whatever the scene
// holds.
#include <glm/vec4.hpp>
#include <memory>
#include <span>
#include <string>

#include "core/camera/camera.h"
#include "core/draw/draw_batches.h"
#include "render/gl/gl_objects.h"
#include "render/gl/shader_program.h"
#include "render/render_target.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview {

struct RenderOptions {
  int width = 1280, height = 720;  // the image; Renderer::draw takes its size from the target
  bool transparent = false;        // clear to alpha 0 instead of black
  glm::vec4 background{0, 0, 0, 1};
  // Tiled rendering of an image larger than one framebuffer: this draw covers the tile at
  // (tile_x, tile_y) (pixels from the top-left) of a full_width x full_height image
  // (0: the image is the target's rectangle).
  int full_width = 0, full_height = 0, tile_x = 0, tile_y = 0;
};

class Renderer {
 public:
  Renderer(text::GlyphAtlas& atlas, const std::string& shader_dir);
  ~Renderer();
  // Binds `target` (framebuffer, viewport and scissor on its rectangle), clears the rectangle and
  // draws. Leaves the target bound and the scissor test off.
  void draw(const DrawBatches& batches, const Camera& camera, const RenderOptions& options,
            const RenderTarget& target);
  int drawCallsLastFrame() const { return draw_calls_; }

 private:
  struct Pipeline;
  void uploadAtlasIfChanged();
  // Opaque-pass coverage of anti-aliased edges goes to the sample mask (multisampled targets).
  void setAlphaToCoverage(bool on);
  void drawMeshes(std::span<const MeshVertex> vertices);
  void drawStrokes(std::span<const StrokeInstance> instances);
  void drawLines(std::span<const StrokeInstance> instances);
  // How much wider than at the focal distance the nearest end of these lines is drawn.
  float depthScale(std::span<const StrokeInstance> lines) const;
  void drawSpheres(std::span<const SphereInstance> instances, const gl::ShaderProgram& program);
  // The translucent sheets (block faces, fills) back to front, each slot of translucent spheres
  // and lines just before the first sheet that lies in front of it (DrawBatches::sheet_ends).
  void drawSheetsAndSlots(const DrawBatches& batches);
  void drawSlot(const DrawBatches& batches, size_t slot);
  // Translucent sheets; over a network inside a block (stencil 1) whatever its depth.
  void drawSheets(std::span<const MeshVertex> sheets);
  bool hasStencil(GLuint framebuffer) const;  // of the bound draw framebuffer
  // Widens boxed_rect_ to hold these boxed spheres and lines on screen.
  void growBoxedRect(std::span<const SphereInstance> spheres,
                     std::span<const StrokeInstance> lines);
  void restoreScissor();  // the target's own scissor state
  void drawGlyphs(const std::vector<GlyphInstance>& instances);

  text::GlyphAtlas& atlas_;
  gl::ShaderProgram mesh_program_, stroke_program_, sphere_program_, glyph_program_, line_program_;
  std::unique_ptr<Pipeline> mesh_, stroke_, sphere_, glyph_, line_;
  gl::Texture atlas_texture_;
  uint64_t atlas_revision_ = ~0ull;
  int draw_calls_ = 0;
  // How the shaders write anti-aliased edges (u_edge_mode in stroke/glyph/sphere.frag).
  enum class EdgeMode { Blended = 0, AlphaToCoverage = 1 };
  EdgeMode edge_mode_ = EdgeMode::Blended;
  glm::vec4 viewport_rect_{0.0f, 0.0f, 1.0f, 1.0f};  // GL_VIEWPORT of this draw
  bool multisampled_ = false;                        // the target of this draw has samples
  bool has_stencil_ = false;                         // the target of this draw has a stencil
  bool boxed_drawn_ = false;  // a network inside a block has marked the stencil this frame
  // Window pixels holding every stencil mark: x0, y0, x1, y1 (exclusive), within the target.
  glm::ivec4 boxed_rect_{0};
  bool target_scissor_ = false;  // the target's rectangle is scissored
  // Widest line the context rasterizes (0: no wide lines, e.g. a forward-compatible context).
  float max_line_width_ = 0.0f, max_multisampled_line_width_ = 0.0f;
  // Per-frame uniforms.
  glm::mat4 view_{1.0f}, proj_{1.0f}, view_proj_{1.0f};
  glm::vec3 eye_{0.0f};
  float focal_distance_ = 1.0f;
  float width_scale_ = 1.0f, outline_scale_ = 1.0f;
  glm::vec2 viewport_{1.0f};
};

// A line nearer than a third of the focal distance is drawn no wider than there.
inline constexpr float kMaxLineDepthScale = 3.0f;

// manimgl's light source for the network-flow scenes.
inline constexpr glm::vec3 kSceneLight{-10.0f, 10.0f, 30.0f};

}  // namespace flowview
