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
  vec4 clip = u_proj * vec4(hit, 1.0);
  gl_FragDepth = clip.z / clip.w * 0.5 + 0.5;
  // manimgl's add_light with the neurons' shading (reflectiveness 0.25, gloss 0.75, shadow 0.2):
  // the surface turns toward white where it faces the light and where the light's reflection
  // heads for the eye, so grey spheres read as lit grey-white balls; the far side darkens a little.
  vec3 to_light = normalize(u_view_light - hit);
  float light_to_normal = dot(n, to_light);
  float light_to_eye = dot(reflect(-to_light, n), -dir);
  float off = 1.0 - light_to_eye;
  float bright = 0.25 * max(light_to_normal, 0.0) + 0.75 * exp(-3.0 * off * off);
  // Never brighter than white: Batcher::addSpheres counts on it when it leaves spheres out.
  vec3 rgb = mix(v_color.rgb, vec3(1.0), min(bright, 1.0));
  rgb *= 1.0 - 0.2 * max(-light_to_normal, 0.0);
  frag_color = u_edge_mode == 1 ? vec4(rgb, alpha) : vec4(rgb * alpha, alpha);
}
