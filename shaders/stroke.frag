#version 330 core
noperspective in vec2 v_pixel;
noperspective in vec2 v_pa;
noperspective in vec2 v_pb;
noperspective in vec2 v_widths;
in vec4 v_color;
// 1 in the opaque pass of a multisampled target: coverage goes to the sample mask
// (alpha-to-coverage), so anti-aliased fringes never write depth over whole pixels.
uniform int u_coverage_mode;
out vec4 frag_color;
void main() {
  vec2 ab = v_pb - v_pa;
  float len2 = dot(ab, ab);
  float t = len2 > 1e-8 ? clamp(dot(v_pixel - v_pa, ab) / len2, 0.0, 1.0) : 0.0;
  float dist = length(v_pixel - (v_pa + ab * t));
  float half_width = mix(v_widths.x, v_widths.y, t);
  float coverage = clamp(half_width - dist + 0.5, 0.0, 1.0);
  float alpha = v_color.a * coverage;
  if (alpha < 0.004) discard;
  frag_color = u_coverage_mode == 1 ? vec4(v_color.rgb, alpha) : vec4(v_color.rgb * alpha, alpha);
}
