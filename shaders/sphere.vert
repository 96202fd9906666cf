#version 330 core
// Sphere impostors: a camera-facing quad per sphere; the fragment shader finds the surface.
layout(location = 0) in vec4 a_center_radius;
layout(location = 1) in vec4 a_color;
uniform mat4 u_view;
uniform mat4 u_proj;
out vec3 v_view_center;
out vec3 v_view_pos;
out float v_radius;
out vec4 v_color;
void main() {
  vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
  vec3 c = (u_view * vec4(a_center_radius.xyz, 1.0)).xyz;
  float r = a_center_radius.w;
  // Move the quad to the sphere's front so it is never clipped by its own surface.
  vec3 p = c + vec3(corner * r * 1.5, r);
  v_view_center = c;
  v_view_pos = p;
  v_radius = r;
  v_color = a_color;
  gl_Position = u_proj * vec4(p, 1.0);
}
