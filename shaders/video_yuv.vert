#version 330 core
// One triangle covering the viewport: the yuv420p conversion runs once per output texel.
void main() {
  vec2 corner = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
