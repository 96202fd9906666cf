#version 330 core
// One instanced quad per line segment, expanded in screen space to the stroke's pixel width
// (plus round caps and an anti-aliasing margin). The fragment shader gets the pixel's position in
// the segment's own frame (along, across) and flat per-segment values: a software rasterizer
// pays for every interpolated varying at every pixel.
layout(location = 0) in vec4 a_a;      // xyz, width at a (negative: a backstroke, see below)
layout(location = 1) in vec4 a_b;      // xyz, width at b
layout(location = 2) in vec4 a_color;
uniform mat4 u_view_proj;
uniform vec2 u_viewport;
uniform float u_width_scale;  // pixels per manim stroke-width unit
uniform vec3 u_eye;           // world position of the eye
noperspective out vec2 v_local;  // pixels: x along the segment from a, y across it
flat out vec3 v_segment;         // length in pixels, half widths at a and b
flat out vec4 v_color;
flat out float v_ring;  // a backstroke's ring width per side in pixels; 0 for a stroke
void main() {
  vec4 ca = u_view_proj * vec4(a_a.xyz, 1.0);
  vec4 cb = u_view_proj * vec4(a_b.xyz, 1.0);
  // Keep both ends in front of the eye so the projection stays sane.
  ca.w = max(ca.w, 1e-4);
  cb.w = max(cb.w, 1e-4);
  vec2 sa = (ca.xy / ca.w * 0.5 + 0.5) * u_viewport;
  vec2 sb = (cb.xy / cb.w * 0.5 + 0.5) * u_viewport;
  float wa = 0.5 * abs(a_a.w) * u_width_scale, wb = 0.5 * abs(a_b.w) * u_width_scale;
  // A backstroke (StrokeGeometry::backstroke_width, negative widths) lies behind its stroke,
  // which is drawn after it and must win the depth test everywhere the two overlap. A hair behind
  // is not enough where the shape's plane is tilted: at a bracket's corner the arm's backstroke,
  // whose depth follows the arm's axis, would hide the stem's end (a black notch under each
  // serif). So its depth is taken 1% of the eye distance farther away, more than a stroke's width
  // of tilt anywhere, and never enough to pass behind the next thing back.
  float behind = 0.0;
  if (a_a.w < 0.0) {
    vec4 fa = u_view_proj * vec4(u_eye + 1.01 * (a_a.xyz - u_eye), 1.0);
    vec4 fb = u_view_proj * vec4(u_eye + 1.01 * (a_b.xyz - u_eye), 1.0);
    behind = 0.5 * (fa.z / max(fa.w, 1e-4) - ca.z / ca.w + fb.z / max(fb.w, 1e-4) - cb.z / cb.w);
  }
  // A backstroke's color.r holds its extra width over the stroke's (Batcher::addStroke).
  v_ring = a_a.w < 0.0 ? 0.5 * a_color.r * u_width_scale : 0.0;
  float r = max(wa, wb) + 1.0;
  vec2 d = sb - sa;
  float len = length(d);
  vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  int corner = gl_VertexID;
  float along = (corner == 0 || corner == 1) ? -1.0 : 1.0;
  float side = (corner == 0 || corner == 2) ? -1.0 : 1.0;
  vec4 clip = along < 0.0 ? ca : cb;
  vec2 screen = (along < 0.0 ? sa : sb) + dir * along * r + nrm * side * r;
  v_local = vec2((along < 0.0 ? 0.0 : len) + along * r, side * r);
  v_segment = vec3(len, wa, wb);
  v_color = a_a.w < 0.0 ? vec4(0.0, 0.0, 0.0, a_color.a) : a_color;
  // Depth runs linearly along the segment's own line and is extrapolated over the caps, so a
  // wider quad over the same segment (its backstroke) has exactly the same depth at each pixel.
  float za = ca.z / ca.w, zb = cb.z / cb.w;
  float along_px = along < 0.0 ? -r : len + r;
  float z = za + (len > 1e-4 ? (zb - za) / len : 0.0) * along_px + behind;
  gl_Position = vec4((screen / u_viewport * 2.0 - 1.0) * clip.w, z * clip.w, clip.w);
}
