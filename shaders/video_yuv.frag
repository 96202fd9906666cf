#version 330 core
// RGBA frame -> yuv420p video frame (core/image/yuv420.h has the reference on the CPU). The
// target is an RGBA8 texture width / 4 texels wide whose texels pack four bytes of a plane, so
// reading it back gives the planes' bytes as laid out in memory: rows 0 to height - 1 hold the Y
// plane (one image row a texture row); the rows after them hold U in their left half and V in
// their right half (one chroma row a texture row). Row y of the target is image row y from the
// top; the source's rows go bottom-up (GL). Define LUMA for the Y rows.
uniform sampler2D u_source;  // linear filtering: one fetch at a 2x2 block's centre is its mean
uniform ivec2 u_size;        // the frame's width (a multiple of 8) and height (even)
out vec4 frag_color;

const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);  // BT.709

void main() {
  ivec2 texel = ivec2(gl_FragCoord.xy);
#ifdef LUMA
  int source_row = u_size.y - 1 - texel.y;
  vec4 luma;
  for (int i = 0; i < 4; ++i) {
    luma[i] = dot(texelFetch(u_source, ivec2(texel.x * 4 + i, source_row), 0).rgb, kLuma);
  }
  frag_color = (16.0 + 219.0 * luma) / 255.0;
#else
  int quarter = u_size.x / 8;          // texels a chroma row takes
  float is_v = float(texel.x >= quarter);
  int column = (texel.x - quarter * int(is_v)) * 4;  // first chroma column of this texel
  int row = texel.y - u_size.y;
  vec2 texel_size = 1.0 / vec2(u_size);
  float y = float(u_size.y - 2 * row - 1) * texel_size.y;  // between the block's two rows
  vec4 chroma;
  for (int i = 0; i < 4; ++i) {
    vec3 rgb = texture(u_source, vec2(float(2 * (column + i) + 1) * texel_size.x, y)).rgb;
    float luma = dot(rgb, kLuma);
    float u = (rgb.b - luma) / (1.0 - kLuma.b);
    float v = (rgb.r - luma) / (1.0 - kLuma.r);
    chroma[i] = 128.0 + 112.0 * mix(u, v, is_v);
  }
  frag_color = chroma / 255.0;
#endif
}
