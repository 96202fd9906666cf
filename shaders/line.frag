#version 330 core
flat in vec4 v_color;
flat in vec3 v_line;
flat in float v_half_width;
out vec4 frag_color;
void main() {
  float dist = abs(dot(v_line.xy, gl_FragCoord.xy) - v_line.z);
  float alpha = v_color.a * clamp(v_half_width - dist + 0.5, 0.0, 1.0);
  frag_color = vec4(v_color.rgb * alpha, alpha);  // premultiplied; no depth write in this pass
}
