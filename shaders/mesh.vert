#version 330 core
// Flat fills and shaded box faces: world-space triangles. Faces are flat and the light is far
// compared with a face's size, so shading per vertex looks the same as per pixel and leaves a
// pass-through fragment shader (most of a software rasterizer's cost is per pixel).
layout(location = 0) in vec4 a_position_lit;
layout(location = 1) in vec4 a_normal;
layout(location = 2) in vec4 a_color;
uniform mat4 u_view_proj;
uniform vec3 u_light;
uniform vec3 u_eye;
out vec4 v_color;  // premultiplied
void main() {
  vec3 world = a_position_lit.xyz;
  float lit = a_position_lit.w;
  vec3 rgb = a_color.rgb;
  if (lit > 0.0) {
    // manim-style shading: faces turned toward the light brighten toward light grey.
    vec3 n = normalize(a_normal.xyz);
    vec3 to_light = normalize(u_light - world);
    vec3 to_eye = normalize(u_eye - world);
    float diffuse = max(dot(n, to_light), 0.0);
    float facing = abs(dot(n, to_eye));
    vec3 halfway = normalize(to_light + to_eye);
    float gloss = pow(max(dot(n, halfway), 0.0), 8.0);
    rgb = rgb + lit * (0.8 * diffuse + 0.2 * facing) + lit * 0.35 * gloss;
  }
  v_color = vec4(rgb * a_color.a, a_color.a);
  gl_Position = u_view_proj * vec4(world, 1.0);
}
