// Batcher::addGrid: an embedding array (GridGeometry) drawn with level of detail, like a mipmap
// chain: numbers while a row reads, then value-shaded bars, bars merged over more columns (their
// mean value) as the columns shrink on screen, and a flat tone (the mean of every value) once a
// column is about a pixel wide. Nothing finer than a few pixels is drawn, so a far grid cannot beat
// against the pixel grid (moire), and the picture's mean brightness stays put across the levels.
#include <algorithm>
#include <cmath>

#include "core/draw/draw_batches.h"
#include "core/math/color.h"

namespace flowview {
namespace {

// The local rectangle [x0, x1] x [y0, y1] of the grid's plane, placed by `pose`, as two triangles.
void pushGridQuad(std::vector<MeshVertex>& batch, const Pose& pose, float x0, float y0, float x1,
                  float y1, glm::vec4 color) {
  const glm::vec3 p00 = pose.apply({x0, y0, 0}), p10 = pose.apply({x1, y0, 0});
  const glm::vec3 p11 = pose.apply({x1, y1, 0}), p01 = pose.apply({x0, y1, 0});
  for (const glm::vec3& p : {p00, p10, p11, p00, p11, p01})
    batch.push_back({p, 0.0f, glm::vec3(0.0f), 0.0f, color});
}

}  // namespace

void Batcher::addGrid(const GridGeometry& g, const ElementState& s, DrawBatches& out) {
  const Pose& pose = s.pose;
  const float half_h = 0.5f * g.height();
  const float x0 = -0.5f * g.width() + 0.5f * g.column_width;
  constexpr int kChunk = 64;  // a power of two: merged bar groups align across chunks
  const glm::vec3 grey = hexColor(palette::kGreyC), white = hexColor(palette::kWhite);
  auto entryColor = [&](float v) {
    return interpolateHsl(grey, white, std::clamp(v / g.value_max, 0.0f, 1.0f));
  };
  // What a patch of bars averages to on screen: the mean value's shade over the bar, black in
  // the gap between two bars. Merged bars and the flat tone use it, so the brightness does not
  // jump when the level of detail changes.
  const float coverage = std::clamp(g.column_width / g.column_pitch, 0.0f, 1.0f);
  const glm::vec3 flat_tone = entryColor(0.5f * g.value_max) * coverage;
  auto& fills = out.fills[passFor(s.opacity)];
  auto visible = [&](glm::vec3 lo, glm::vec3 hi) {  // conservative frustum test of a local box
    int outside[6] = {0, 0, 0, 0, 0, 0};
    for (int k = 0; k < 8; ++k) {
      const glm::vec3 local((k & 1) ? hi.x : lo.x, (k & 2) ? hi.y : lo.y, (k & 4) ? hi.z : lo.z);
      const glm::vec4 c = view_proj_ * glm::vec4(pose.apply(local), 1.0f);
      outside[0] += c.x < -c.w;
      outside[1] += c.x > c.w;
      outside[2] += c.y < -c.w;
      outside[3] += c.y > c.w;
      outside[4] += c.z < -c.w;
      outside[5] += c.z > c.w;
    }
    for (int o : outside)
      if (o == 8) return false;
    return true;
  };
  // Pixels on screen between two local points (foreshortening included); -1 when either lies
  // behind the eye.
  auto screenStep = [&](glm::vec3 a, glm::vec3 b) {
    const glm::vec4 ca = view_proj_ * glm::vec4(pose.apply(a), 1.0f);
    const glm::vec4 cb = view_proj_ * glm::vec4(pose.apply(b), 1.0f);
    if (ca.w < 1e-4f || cb.w < 1e-4f) return -1.0f;
    const glm::vec2 d = glm::vec2(ca) / ca.w - glm::vec2(cb) / cb.w;
    return glm::length(0.5f * d * glm::vec2(viewport_w_, viewport_h_));
  };
  // The eye in the grid's own coordinates: the nearest point of a chunk is a clamp away.
  const glm::vec3 eye_local =
      glm::inverse(pose.rotation) * (eye_ - pose.position) / glm::max(pose.scale, glm::vec3(1e-6f));
  auto flatSlab = [&](float xl, float xr) {
    pushGridQuad(fills, pose, xl, -half_h, xr, half_h, glm::vec4(flat_tone, s.opacity));
    ++grid_stats_.slabs;
  };
  const float grid_lo = -0.5f * g.width(), grid_hi = 0.5f * g.width();
  if (grid_quads_ >= kGridQuadBudget) {
    // The frame's detail budget is spent (nearer grids took it): the whole grid is flat tone.
    if (!visible({grid_lo, -half_h, 0}, {grid_hi, half_h, 0})) {
      grid_stats_.culled_columns += static_cast<size_t>(g.columns);
      return;
    }
    flatSlab(grid_lo, grid_hi);
    return;
  }
  int flat_from = -1;  // first column of a run of flat chunks not yet drawn (one quad for the run)
  auto flushFlat = [&](int end_column) {
    if (flat_from < 0) return;
    // Over whole pitches, as merged bars are: no seam where a run meets bars.
    flatSlab(std::max(grid_lo, x0 + (flat_from - 0.5f) * g.column_pitch),
             std::min(grid_hi, x0 + (end_column + 0.5f) * g.column_pitch));
    flat_from = -1;
  };
  for (int first = 0; first < g.columns; first += kChunk) {
    const int last = std::min(g.columns, first + kChunk) - 1;
    const glm::vec3 lo(x0 + first * g.column_pitch - 0.5f * g.column_width, -half_h, 0.0f);
    const glm::vec3 hi(x0 + last * g.column_pitch + 0.5f * g.column_width, half_h, 0.0f);
    if (!visible(lo, hi)) {
      flushFlat(first - 1);
      grid_stats_.culled_columns += static_cast<size_t>(last - first + 1);
      continue;
    }
    const glm::vec3 nearest(std::clamp(eye_local.x, lo.x, hi.x),
                            std::clamp(eye_local.y, lo.y, hi.y), 0.0f);
    const float distance = std::max(glm::length(pose.apply(nearest) - eye_), 0.05f);
    const float row_px = g.row_pitch * pose.scale.y * pixels_per_unit_at_1_ / distance;
    // The finest spacing on screen in the chunk: at whichever end is farther from the eye.
    const bool left_far = std::abs(eye_local.x - lo.x) > std::abs(eye_local.x - hi.x);
    const float far_x = left_far ? lo.x + 0.5f * g.column_width : hi.x - 0.5f * g.column_width;
    float column_px = screenStep({far_x, 0, 0}, {far_x + g.column_pitch, 0, 0});
    float stripe_px = screenStep({far_x, 0, 0}, {far_x, g.row_pitch, 0});
    if (column_px < 0.0f || stripe_px < 0.0f) {  // an end behind the eye: by distance instead
      const float far = std::max(glm::length(pose.apply(0.5f * (lo + hi)) - eye_) +
                                     0.5f * glm::length(hi - lo) * pose.scale.x,
                                 0.05f);
      column_px = g.column_pitch * pose.scale.x * pixels_per_unit_at_1_ / far;
      stripe_px = g.row_pitch * pose.scale.y * pixels_per_unit_at_1_ / far;
    }
    if (row_px >= kGridNumberRowPx && grid_numbers_ < kGridNumberBudget) {
      flushFlat(first - 1);
      grid_numbers_ += static_cast<size_t>((last - first + 1) * g.rows);
      // Readable: every entry as a number (the second-to-last row is the ellipsis).
      for (int c = first; c <= last; ++c) {
        const float x = x0 + c * g.column_pitch;
        for (int r = 0; r < g.rows; ++r) {
          const float y = half_h - (r + 0.5f) * g.row_pitch;
          if (r == g.rows - 2) continue;
          const float v = g.value(c, r);
          addNumber(v, 1, g.em_size, pose, {x, y, 0}, entryColor(v), s.opacity, g.outline_px, out);
        }
        // Brackets around the column: a stem and two short arms each side.
        const float serif = 0.15f * g.column_width;
        for (const float side : {-1.0f, 1.0f}) {
          const float xs = x + side * 0.5f * g.column_width, xa = xs - side * serif;
          const glm::vec3 top_arm = pose.apply({xa, half_h, 0}), top = pose.apply({xs, half_h, 0});
          const glm::vec3 bottom = pose.apply({xs, -half_h, 0});
          const glm::vec3 bottom_arm = pose.apply({xa, -half_h, 0});
          const glm::vec4 bracket(1, 1, 1, s.opacity);
          auto& strokes = out.strokes[passFor(s.opacity)];
          strokes.push_back({top_arm, 1.5f, top, 2.0f, bracket});
          strokes.push_back({top, 2.0f, bottom, 2.0f, bracket});
          strokes.push_back({bottom, 2.0f, bottom_arm, 1.5f, bracket});
        }
      }
      grid_stats_.number_columns += static_cast<size_t>(last - first + 1);
      continue;
    }
    // How much of the values' variation still shows: all of it while a column is at least
    // kGridFullContrastPx wide on screen, none once it is kGridFlatColumnPx (the flat tone).
    const float contrast = std::clamp(
        (column_px - kGridFlatColumnPx) / (kGridFullContrastPx - kGridFlatColumnPx), 0.0f, 1.0f);
    if (contrast <= 0.0f || grid_quads_ >= kGridQuadBudget) {
      if (flat_from < 0) flat_from = first;
      continue;
    }
    flushFlat(first - 1);
    // Columns merge in aligned power-of-two groups (a mip level) until a bar is kGridMinBarPx
    // wide; rows stay stripes while a row is that tall.
    int group = 1;
    while (group < kChunk && group * column_px < kGridMinBarPx) group *= 2;
    const int stripes = stripe_px >= kGridMinBarPx ? g.rows : 1;
    // Bars keep their black gaps only while a gap is a pixel and a half wide; narrower gaps
    // would beat against the pixels, so merged bars span the whole pitch at the mean shade.
    const bool gaps = group == 1 && column_px * (1.0f - coverage) >= 1.5f;
    const float shade = gaps ? 1.0f : coverage;
    grid_quads_ += static_cast<size_t>(stripes) * static_cast<size_t>((last - first) / group + 1);
    for (int c = first; c <= last; c += group) {
      const int c_last = std::min(last, c + group - 1);
      const float half_gap = gaps ? 0.5f * g.column_width : 0.5f * g.column_pitch;
      const float xl = std::max(grid_lo, x0 + c * g.column_pitch - half_gap);
      const float xr = std::min(grid_hi, x0 + c_last * g.column_pitch + half_gap);
      for (int k = 0; k < stripes; ++k) {
        const float y1 = half_h - k * g.height() / stripes, y0 = y1 - g.height() / stripes;
        // The mean of the entries the bar covers (a box filter); wide groups take 8 evenly
        // spaced columns, whose mean is already close to the group's.
        const int step = std::max(1, (c_last - c + 1) / 8);
        float v = 0;
        int samples = 0;
        for (int cc = c; cc <= c_last; cc += step) {
          if (stripes == 1) {
            for (int r = 0; r < g.rows; ++r) v += g.value(cc, r);
          } else {
            v += g.value(cc, k);
          }
          samples += stripes == 1 ? g.rows : 1;
        }
        v /= static_cast<float>(samples);
        const glm::vec3 rgb = glm::mix(flat_tone, entryColor(v) * shade, contrast);
        pushGridQuad(fills, pose, xl, y0, xr, y1, glm::vec4(rgb, s.opacity));
      }
    }
    grid_stats_.bar_columns += static_cast<size_t>(last - first + 1);
  }
  flushFlat(g.columns - 1);
}

}  // namespace flowview
