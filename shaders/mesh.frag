#version 330 core
in vec3 v_world;
in vec3 v_normal;
in vec4 v_color;
in float v_lit;
uniform vec3 u_light;
uniform vec3 u_eye;
out vec4 frag_color;
void main() {
  vec3 rgb = v_color.rgb;
  if (v_lit > 0.0) {
    // manim-style shading: faces turned toward the light brighten toward light grey.
    vec3 n = normalize(v_normal);
    vec3 to_light = normalize(u_light - v_world);
    vec3 to_eye = normalize(u_eye - v_world);
    float diffuse = max(dot(n, to_light), 0.0);
    float facing = abs(dot(n, to_eye));
    vec3 halfway = normalize(to_light + to_eye);
    float gloss = pow(max(dot(n, halfway), 0.0), 8.0);
    rgb = rgb + v_lit * (0.8 * diffuse + 0.2 * facing) + v_lit * 0.35 * gloss;
  }
  frag_color = vec4(rgb * v_color.a, v_color.a);  // premultiplied alpha
}
