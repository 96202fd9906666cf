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

// manimgl draws every text fill with a border stroke of the fill colour (fill_border_width 0.5:
// 0.675 px wide at 1080p) whose edge is smoothed over 1.5 px, and keeps the larger of fill and
// border alpha. It thickens each stroke by about a third of a pixel a side: without it the digits
// read thin and dim next to the reference. Both widths are 1080p pixels.
const float kFillBorderHalfWidth = 0.3375;
const float kFillBorderSmoothing = 1.5;

void main() {
  float sdf = texture(u_atlas, v_uv).r;
  // Atlas pixels per screen pixel, to turn the distance into screen pixels at any zoom.
  vec2 texels = fwidth(v_uv * u_atlas_size);
  float atlas_per_screen = max(0.5 * (texels.x + texels.y), 1e-4);
  float dist_px = (sdf - 0.5) * 2.0 * u_spread / atlas_per_screen;
  // The atlas stores distances up to u_spread texels: on small text an outline wider than that
  // would ink the whole quad (a dark box around every number), so it stops half a pixel short.
  float reach_px = u_spread / atlas_per_screen;
  float border_half = kFillBorderHalfWidth * u_outline_scale;
  float smoothing = kFillBorderSmoothing * u_outline_scale;
  // The same limit for the border: it shrinks with the distances the atlas can tell apart.
  float border_fit = clamp((reach_px - 0.5) / (border_half + 0.5 * smoothing), 0.0, 1.0);
  float border = 1.0 - smoothstep(-0.5, 0.5, (abs(dist_px) - border_half * border_fit) /
                                                 max(smoothing * border_fit, 1e-4));
  float fill = max(clamp(dist_px + 0.5, 0.0, 1.0), border);
  float outline = min(v_outline_px * u_outline_scale, reach_px - 0.5);
  float ink = max(clamp(dist_px + outline + 0.5, 0.0, 1.0), fill);
  float alpha = v_color.a * ink;
  if (alpha < 0.01) discard;
  vec3 rgb = v_color.rgb * fill / max(ink, 1e-4);  // black outline under the fill
  frag_color = u_edge_mode == 1 ? vec4(rgb, alpha) : vec4(rgb * alpha, alpha);
}
