#version 330 core
in vec3 v_view_center;
in vec3 v_view_pos;
in float v_radius;
in vec4 v_color;
uniform mat4 u_proj;
uniform vec3 u_view_light;
uniform int u_edge_mode;  // 1: alpha-to-coverage (opaque pass, multisampled), straight color
out vec4 frag_color;
void main() {
  // Ray from the eye (origin of view space) through this fragment, against the sphere.
  vec3 dir = normalize(v_view_pos);
  float b = dot(dir, v_view_center);
  float miss2 = max(dot(v_view_center, v_view_center) - b * b, 0.0);  // center-ray distance^2
  float miss = sqrt(miss2);
  // Anti-aliased rim: the distance past the silhouette, in pixels.
  float coverage = clamp((v_radius - miss) / max(fwidth(miss), 1e-6) + 0.5, 0.0, 1.0);
  float alpha = v_color.a * coverage;
  if (alpha < 0.004) discard;
  float t = b - sqrt(max(v_radius * v_radius - miss2, 0.0));
  vec3 hit = dir * t;
  vec3 n = normalize(hit - v_view_center);
#ifndef NO_DEPTH_WRITE
  vec4 clip = u_proj * vec4(hit, 1.0);
  gl_FragDepth = clip.z / clip.w * 0.5 + 0.5;
#endif
  vec3 to_light = normalize(u_view_light - hit);
  float diffuse = max(dot(n, to_light), 0.0);
  // x^16 by squaring: a software rasterizer's pow is an exp2 of a log2.
  float spec = max(dot(reflect(-to_light, n), -dir), 0.0);
  spec *= spec;
  spec *= spec;
  spec *= spec;
  spec *= spec;
  // At most 1.1 x color + 0.35: Batcher::addSpheres counts on it when it leaves spheres out.
  vec3 rgb = v_color.rgb * (0.45 + 0.65 * diffuse) + 0.35 * spec;
  frag_color = u_edge_mode == 1 ? vec4(rgb, alpha) : vec4(rgb * alpha, alpha);
}
