#version 330 core
// Sphere impostors: one quad per sphere, facing the eye and placed at the sphere's nearest
// point, so it is never clipped by its own surface. There the cone of rays tangent to the sphere
// is narrower than the radius, so a quad of half-size r (plus a pixel and a half for the
// anti-aliased rim) covers the sphere and wastes only the corners: every extra pixel costs a
// ray-sphere test on a software rasterizer.
layout(location = 0) in vec4 a_center_radius;
layout(location = 1) in vec4 a_color;
uniform mat4 u_view;
uniform mat4 u_proj;
uniform float u_pixels_per_unit;  // on screen, at distance 1 from the eye
out vec3 v_view_center;
out vec3 v_view_pos;
out float v_radius;
out vec4 v_color;
void main() {
  vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
  vec3 c = (u_view * vec4(a_center_radius.xyz, 1.0)).xyz;
  float r = a_center_radius.w;
  float dist = length(c);
  vec3 to_center = dist > 1e-6 ? c / dist : vec3(0.0, 0.0, -1.0);
  vec3 side = abs(to_center.y) < 0.99 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
  vec3 u = normalize(cross(to_center, side));
  vec3 v = cross(u, to_center);
  float half_size = r * 1.02 + 1.5 * max(dist - r, 0.0) / u_pixels_per_unit;
  vec3 p = c - to_center * r + (u * corner.x + v * corner.y) * half_size;
  v_view_center = c;
  v_view_pos = p;
  v_radius = r;
  v_color = a_color;
  gl_Position = u_proj * vec4(p, 1.0);
}
