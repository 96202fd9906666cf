#version 330 core
// Flat fills and shaded box faces: world-space triangles.
layout(location = 0) in vec4 a_position_lit;
layout(location = 1) in vec4 a_normal;
layout(location = 2) in vec4 a_color;
uniform mat4 u_view_proj;
out vec3 v_world;
out vec3 v_normal;
out vec4 v_color;
out float v_lit;
void main() {
  v_world = a_position_lit.xyz;
  v_normal = a_normal.xyz;
  v_color = a_color;
  v_lit = a_position_lit.w;
  gl_Position = u_view_proj * vec4(a_position_lit.xyz, 1.0);
}
