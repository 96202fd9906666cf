#version 330 core
flat in vec4 v_color;
flat in vec3 v_line;
noperspective in float v_half_width;
out vec4 frag_color;
void main() {
  float dist = abs(dot(v_line.xy, gl_FragCoord.xy) - v_line.z);
  float coverage = clamp(v_half_width - dist + 0.5, 0.0, 1.0);
  // Lines write depth (Renderer::drawSlot): the parallelogram's corners outside the stroke must
  // not hide what lies behind them.
  if (coverage < 0.02) discard;
  float alpha = v_color.a * coverage;
  frag_color = vec4(v_color.rgb * alpha, alpha);  // premultiplied
}
