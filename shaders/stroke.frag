#version 330 core
noperspective in vec2 v_local;
flat in vec3 v_segment;
flat in vec4 v_color;
flat in float v_ring;
// 1 in the opaque pass of a multisampled target: coverage goes to the sample mask
// (alpha-to-coverage), so anti-aliased fringes never write depth over whole pixels.
uniform int u_edge_mode;
out vec4 frag_color;
void main() {
  float len = v_segment.x;
  float t = len > 1e-4 ? clamp(v_local.x / len, 0.0, 1.0) : 0.0;
  float dist = length(vec2(v_local.x - t * len, v_local.y));
  float half_width = mix(v_segment.y, v_segment.z, t);
  // A backstroke's inside is covered by its stroke, drawn next: only its ring is drawn.
  if (v_ring > 0.0 && dist < half_width - v_ring - 1.0) discard;
  float coverage = clamp(half_width - dist + 0.5, 0.0, 1.0);
  float alpha = v_color.a * coverage;
  if (alpha < 0.004) discard;
  frag_color = u_edge_mode == 1 ? vec4(v_color.rgb, alpha) : vec4(v_color.rgb * alpha, alpha);
}
