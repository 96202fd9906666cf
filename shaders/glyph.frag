#version 330 core
in vec2 v_uv;
in vec4 v_color;
in float v_outline_px;
uniform sampler2D u_atlas;
uniform vec2 u_atlas_size;
uniform float u_spread;        // SDF spread in atlas pixels (value 0.5 = edge)
uniform float u_outline_scale; // screen pixels per "1080p pixel" of outline width
uniform int u_edge_mode;       // 1: alpha-to-coverage (opaque pass, multisampled), straight color
out vec4 frag_color;
void main() {
  float sdf = texture(u_atlas, v_uv).r;
  // Atlas pixels per screen pixel, to turn the distance into screen pixels at any zoom.
  vec2 texels = fwidth(v_uv * u_atlas_size);
  float atlas_per_screen = max(0.5 * (texels.x + texels.y), 1e-4);
  float dist_px = (sdf - 0.5) * 2.0 * u_spread / atlas_per_screen;
  float fill = clamp(dist_px + 0.5, 0.0, 1.0);
  // The atlas stores distances up to u_spread texels: on small text an outline wider than that
  // would ink the whole quad (a dark box around every number), so it stops half a pixel short.
  float reach_px = u_spread / atlas_per_screen;
  float outline = min(v_outline_px * u_outline_scale, reach_px - 0.5);
  float ink = clamp(dist_px + outline + 0.5, 0.0, 1.0);
  float alpha = v_color.a * ink;
  if (alpha < 0.01) discard;
  vec3 rgb = v_color.rgb * fill / max(ink, 1e-4);  // black outline under the fill
  frag_color = u_edge_mode == 1 ? vec4(rgb, alpha) : vec4(rgb * alpha, alpha);
}
