#version 330 core
in vec4 v_color;  // premultiplied, shaded per vertex
out vec4 frag_color;
void main() {
  frag_color = v_color;
}
