#version 330 core
// Flat fills and shaded box faces: world-space triangles. Shading per vertex, interpolated over a
// flat face, stays close to per-pixel shading and leaves a pass-through fragment shader (most of
// a software rasterizer's cost is per pixel).
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
    // manimgl's add_light with reflectiveness = gloss = `lit` (the blocks' shading 0.5, 0.5):
    // the color turns toward white where the face looks at the light and where the light's
    // reflection heads for the eye. The light is near compared with a block, so that second term
    // changes across a face: the gradient of manim's block sides (shaded per vertex here, and
    // interpolated, which on a flat face is close to the per-pixel result).
    vec3 n = normalize(a_normal.xyz);
    vec3 to_light = normalize(u_light - world);
    vec3 to_eye = normalize(u_eye - world);
    // One-sided, as manimgl (its add_light leaves the two-sided flip commented out): a face seen
    // from inside a block is lit by its outward normal, so the inside of a block is darker.
    float diffuse = max(dot(n, to_light), 0.0);
    float off = 1.0 - dot(reflect(-to_light, n), to_eye);
    float shine = exp(-3.0 * off * off);
    rgb = mix(rgb, vec3(1.0), clamp(lit * (diffuse + shine), 0.0, 1.0));
  }
  v_color = vec4(rgb * a_color.a, a_color.a);
  gl_Position = u_view_proj * vec4(world, 1.0);
}
