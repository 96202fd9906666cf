#version 330 core
// Signed-distance-field glyph quads placed in 3D.
layout(location = 0) in vec4 a_origin_outline;
layout(location = 1) in vec4 a_axis_x;
layout(location = 2) in vec4 a_axis_y;
layout(location = 3) in vec4 a_uv;
layout(location = 4) in vec4 a_color;
uniform mat4 u_view_proj;
out vec2 v_uv;
out vec4 v_color;
out float v_outline_px;
void main() {
  vec2 corner = vec2((gl_VertexID & 1) == 0 ? 0.0 : 1.0, (gl_VertexID & 2) == 0 ? 0.0 : 1.0);
  vec3 world = a_origin_outline.xyz + a_axis_x.xyz * corner.x + a_axis_y.xyz * corner.y;
  v_uv = vec2(mix(a_uv.x, a_uv.z, corner.x), mix(a_uv.w, a_uv.y, corner.y));
  v_color = a_color;
  v_outline_px = a_origin_outline.w;
  gl_Position = u_view_proj * vec4(world, 1.0);
}
