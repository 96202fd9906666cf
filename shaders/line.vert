#version 330 core
// Thin translucent straight segments as wide GL lines (see Renderer::drawLines). A wide line is
// rasterized as a parallelogram whose width runs along x or y; the draw makes it wide enough for
// any direction and the fragment shader keeps the pixels within the true width, anti-aliased.
layout(location = 0) in vec4 a_a;  // xyz, manim stroke width (the same for the whole draw)
layout(location = 1) in vec4 a_b;
layout(location = 2) in vec4 a_color;
uniform mat4 u_view_proj;
uniform vec4 u_viewport;      // x, y, width, height in window pixels (gl_FragCoord's space)
uniform float u_width_scale;  // pixels per manim stroke-width unit at the focal distance
uniform float u_focal_distance;
uniform float u_max_depth_scale;  // nearer than focal / this, a line widens no more
flat out vec4 v_color;
flat out vec3 v_line;  // unit normal and offset: signed pixel distance = dot(n, p) - offset
// manimgl gives a line its width in scene units at the frame's scale, so it narrows with
// distance like the geometry: pixels = width * focal / depth. 1/depth is linear on screen, so
// interpolating without perspective gives each pixel its exact width.
noperspective out float v_half_width;
void main() {
  vec4 ca = u_view_proj * vec4(a_a.xyz, 1.0);
  vec4 cb = u_view_proj * vec4(a_b.xyz, 1.0);
  vec2 sa = (ca.xy / max(ca.w, 1e-4) * 0.5 + 0.5) * u_viewport.zw + u_viewport.xy;
  vec2 sb = (cb.xy / max(cb.w, 1e-4) * 0.5 + 0.5) * u_viewport.zw + u_viewport.xy;
  vec2 d = sb - sa;
  float len = length(d);
  vec2 n = len > 1e-4 ? vec2(-d.y, d.x) / len : vec2(0.0, 1.0);
  v_line = vec3(n, dot(n, sa));
  vec4 clip = gl_VertexID == 0 ? ca : cb;
  float depth_scale = min(u_focal_distance / max(clip.w, 1e-4), u_max_depth_scale);
  v_half_width = 0.5 * a_a.w * u_width_scale * depth_scale;
  v_color = a_color;
  gl_Position = clip;
}
