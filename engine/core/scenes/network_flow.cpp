#include "core/scenes/network_flow.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/quaternion.hpp>

#include "core/math/color.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"
#include "core/text/glyph_atlas.h"
#include "core/text/text_layout.h"
#include "core/text/utf8.h"

namespace flowview::scenes {
namespace {

constexpr float kPi = 3.14159265358979f;
// Embedding array geometry (the seed's get_embedding_array: height 4, buff 0.4 column widths).
constexpr float kLayerHeight = 4.0f;
constexpr float kColumnWidth = 0.6f;
constexpr float kColumnPitch = kColumnWidth * 1.4f;
constexpr float kEntryEm = 0.24f;
constexpr float kBackstroke = 0.675f;  // manim backstroke width -> outline pixels at 1080p

Rgb hex(unsigned h) {
  return hexColor(h);
}

Pose at(glm::vec3 p) {
  Pose pose;
  pose.position = p;
  return pose;
}

// Where each token sits inside the laid-out phrase, in em units relative to the phrase center.
struct PieceLayout {
  float ink_left, ink_right;  // em
  glm::vec2 origin_offset;    // own centered layout origin relative to the phrase origin
};

float quadInset(const text::GlyphAtlas& atlas) {
  return atlas.spreadInEm();
}

std::vector<PieceLayout> layoutPieces(text::GlyphAtlas& atlas,
                                      const std::vector<std::string>& pieces) {
  std::string phrase;
  for (const auto& p : pieces) phrase += p;
  const text::TextLayout whole = text::layoutText(atlas, phrase);
  const float inset = quadInset(atlas);
  std::vector<PieceLayout> result;
  int char_begin = 0;
  for (const auto& piece : pieces) {
    const int length = static_cast<int>(text::decodeUtf8(piece).size());
    PieceLayout pl{1e9f, -1e9f, {0, 0}};
    const text::GlyphQuad* first_whole = nullptr;
    for (const auto& q : whole.quads) {
      if (q.char_index < char_begin || q.char_index >= char_begin + length) continue;
      if (!first_whole) first_whole = &q;
      pl.ink_left = std::min(pl.ink_left, q.x0 + inset);
      pl.ink_right = std::max(pl.ink_right, q.x1 - inset);
    }
    const text::TextLayout own = text::layoutText(atlas, piece);
    if (first_whole && !own.quads.empty()) {
      pl.origin_offset = {first_whole->x0 - own.quads.front().x0,
                          first_whole->y0 - own.quads.front().y0};
    }
    if (!first_whole) pl.ink_left = pl.ink_right = 0;
    result.push_back(pl);
    char_begin += length;
  }
  return result;
}

}  // namespace

NetworkFlow::NetworkFlow(SceneBuilder& builder, text::GlyphAtlas& atlas, NetworkFlowConfig config)
    : b_(builder), atlas_(atlas), config_(std::move(config)), random_(config_.seed) {}

float NetworkFlow::randomEntry(double lo, double hi) {
  return static_cast<float>(std::round(random_.uniform(lo, hi) * 10.0) / 10.0);  // one decimal
}

float NetworkFlow::textEm(float font_size) const {
  return font_size * kEmPerFontSize;
}

int NetworkFlow::addText(const std::string& id, const std::string& text, float font_size,
                         glm::vec3 position, Rgb color, float outline_px) {
  TextGeometry g;
  g.utf8 = text;
  g.em_size = textEm(font_size);
  g.outline_px = outline_px;
  return b_.addText(id, g, at(position), color);
}

std::string NetworkFlow::section() const {
  return section_;
}

void NetworkFlow::play(double run_time, const std::string& name, const std::string& notes) {
  b_.endPlay(run_time, section_ + ": " + name, section_, notes);
}

void NetworkFlow::moveCameraTo(TimeWindow w, std::optional<EulerDegrees> euler,
                               std::optional<glm::vec3> center, std::optional<float> height) {
  Camera target = b_.cameraNow();
  if (euler) target.orientation = quatFromEulerDegrees(*euler);
  if (center) target.center = *center;
  if (height) target.height = *height;
  b_.moveCamera(w, target);
}

// ---------------------------------------------------------------------------------------------
// Tokens and embeddings

void NetworkFlow::showTokens(const ShowTokensParams& p) {
  section_ = "text and embeddings";
  const float em = textEm(48);
  const auto& tokens = config_.tokens;
  const int n = static_cast<int>(tokens.size());
  std::vector<PieceLayout> pieces = layoutPieces(atlas_, tokens);
  // set_max_width(FRAME_WIDTH - 1): shrink long phrases to fit the frame.
  const float phrase_width = (pieces.back().ink_right - pieces.front().ink_left) * em;
  const float fit = std::min(1.0f, 13.22f / std::max(phrase_width, 1e-3f));
  const float unit = em * fit;
  const float phrase_center = 0.5f * (pieces.front().ink_left + pieces.back().ink_right);
  const float rect_height = 1.3f * 48 * kEmPerFontSize * fit;

  std::vector<Rgb> colors;
  std::vector<int> words, rects_fill, rects_stroke;
  std::vector<float> rect_left(n), rect_right(n);
  double t0 = b_.now();
  for (int i = 0; i < n; ++i) {
    rect_left[i] = (i == 0 ? pieces[i].ink_left : pieces[i - 1].ink_right) - phrase_center;
    rect_right[i] = pieces[i].ink_right - phrase_center;
    colors.push_back(random_.brightColor(0.5, 0.6));
  }
  // Play 0: the words appear one by one (ShowIncreasingSubsets, smooth).
  for (int i = 0; i < n - 1; ++i) {
    TextGeometry g;
    g.utf8 = tokens[i];
    g.em_size = unit;
    const glm::vec3 pos((pieces[i].origin_offset.x - phrase_center) * unit,
                        pieces[i].origin_offset.y * unit, 0);
    const int word = b_.addText("tokens/" + std::to_string(i) + "/text", g, at(pos), Rgb(1.0f));
    // Subset i+1 shows once smooth(alpha) * count >= i + 1.
    double lo = 0, hi = 1;
    for (int it = 0; it < 40; ++it) {
      const double mid = 0.5 * (lo + hi);
      (applyRate(Rate::Smooth, mid) * (n - 1) >= i + 1 - 1e-9 ? hi : lo) = mid;
    }
    b_.hideUntil(word, t0 + hi);
    words.push_back(word);
  }
  play(1.0, "tokens appear", p.notes);

  // Play 1: box around the phrase, curved arrow to the yellow box, "???".
  t0 = b_.now();
  const float last_w = (rect_right[n - 1] - rect_left[n - 1]) * unit;
  const glm::vec3 last_center(0.5f * (rect_left[n - 1] + rect_right[n - 1]) * unit, 0, 0);
  const int yellow_fill =
      b_.addFill("tokens/predicted/fill", shapes::rectangleFill(last_w, rect_height),
                 at(last_center), hex(palette::kYellow), 0.15f);
  const int yellow_stroke =
      b_.addStroke("tokens/predicted/stroke", shapes::rectangleOutline(last_w, rect_height, 1.0f),
                   at(last_center), hex(palette::kYellow));
  const float big_left = rect_left[0] * unit, big_right = rect_right[n - 2] * unit;
  const int big_rect = b_.addStroke(
      "tokens/phrase_box", shapes::rectangleOutline(big_right - big_left, rect_height, 2.0f),
      at({0.5f * (big_left + big_right), 0, 0}), hex(palette::kGreyB));
  const glm::vec3 arrow_start(0.5f * (big_left + big_right), rect_height / 2, 0);
  const glm::vec3 arrow_end(last_center.x, rect_height / 2, 0);
  const glm::vec3 scaled_start = arrow_end + 0.5f * (arrow_start - arrow_end);
  StrokeGeometry arc;
  arc.points = shapes::arcPoints(scaled_start, arrow_end, -120.0f * kPi / 180.0f);
  // Arrow's default buff (0.25, halved by the 0.5 scale) trims both ends.
  while (arc.points.size() > 4 && glm::length(arc.points.back() - arrow_end) < 0.125f)
    arc.points.pop_back();
  while (arc.points.size() > 4 && glm::length(arc.points.front() - scaled_start) < 0.125f)
    arc.points.erase(arc.points.begin());
  arc.width = 3.0f;
  const glm::vec3 tip_dir = arc.points.back() - arc.points[arc.points.size() - 2];
  const glm::vec3 tip_point = arc.points.back();
  arc.points.back() -= glm::normalize(tip_dir) * 0.12f;  // the shaft stops inside the tip
  const int arrow = b_.addStroke("tokens/question_arrow", arc, Pose{}, hex(palette::kGreyA));
  const int arrow_tip =
      b_.addFill("tokens/question_arrow_tip", shapes::arrowTip(tip_point, tip_dir, 0.18f, 0.18f),
                 Pose{}, hex(palette::kGreyA));
  const int q_marks = addText("tokens/question_marks", "???", 48,
                              last_center + glm::vec3(0, -rect_height / 2 - 0.45f, 0), Rgb(1.0f));
  const auto windows = groupWindows({1.0, 1.0, 1.0}, 0.3);
  b_.fadeIn(big_rect, {t0 + windows[0].start, t0 + windows[0].end});
  b_.reveal(arrow, {t0 + windows[1].start, t0 + windows[1].end}, RevealStyle::Prefix);
  b_.fadeIn(arrow_tip, {t0 + windows[1].end - 0.15, t0 + windows[1].end}, glm::vec3(0.0f),
            Rate::Linear);
  b_.reveal(q_marks, {t0 + windows[2].start, t0 + windows[2].end}, RevealStyle::Parts, Rate::Smooth,
            0.2f);
  play(1.6, "the question: which token comes next?");
  b_.wait(1.0, section_ + ": hold", section_);

  // Play 3: rectangles drawn around every token (DrawBorderThenFill, 2 s each, lag 0.02), the
  // words take their rectangle's color (lag 0.05), box and arrow fade out.
  t0 = b_.now();
  b_.fadeOut(big_rect, {t0, t0 + 1});
  b_.fadeOut(arrow, {t0, t0 + 1});
  b_.fadeOut(arrow_tip, {t0, t0 + 1});
  const auto rect_windows = laggedWindows(n - 1, 2.0, 0.02);
  const auto color_windows = laggedWindows(n - 1, 1.0, 0.05);
  for (int i = 0; i < n - 1; ++i) {
    const float w = (rect_right[i] - rect_left[i]) * unit;
    const glm::vec3 c(0.5f * (rect_left[i] + rect_right[i]) * unit, 0, 0);
    const int fill = b_.addFill("tokens/" + std::to_string(i) + "/fill",
                                shapes::rectangleFill(w, rect_height), at(c), colors[i], 0.15f);
    const int stroke =
        b_.addStroke("tokens/" + std::to_string(i) + "/stroke",
                     shapes::rectangleOutline(w, rect_height, 1.0f), at(c), colors[i]);
    const TimeWindow rw = rect_windows[i];
    b_.reveal(stroke, {t0 + rw.start, t0 + rw.start + 0.5 * rw.duration()}, RevealStyle::Prefix);
    b_.fadeIn(fill, {t0 + rw.start + 0.5 * rw.duration(), t0 + rw.end});
    b_.recolor(words[i], {t0 + color_windows[i].start, t0 + color_windows[i].end}, colors[i]);
    rects_fill.push_back(fill);
    rects_stroke.push_back(stroke);
  }
  play(rect_windows.back().end, "token rectangles");
  b_.wait(1.0, section_ + ": hold", section_);

  // Plays 5-7: the "Tokens" label, arrows flashing to every token, the label leaves.
  t0 = b_.now();
  const glm::vec3 label_pos(0, 4.0f - 0.5f - 0.3f, 0);
  const int label = addText("tokens/label", "Tokens", 72, label_pos, Rgb(1.0f));
  b_.fadeIn(label, {t0, t0 + 1}, glm::vec3(0, 1, 0));
  play(1.0, "\"Tokens\" label");
  t0 = b_.now();
  const auto flash_windows = laggedWindows(n - 1, 1.0, 0.25, 4.0);
  for (int i = 0; i < n - 1; ++i) {
    const glm::vec3 from = label_pos + glm::vec3(0, -0.35f, 0);
    const glm::vec3 to(0.5f * (rect_left[i] + rect_right[i]) * unit, rect_height / 2, 0);
    const glm::vec3 dir = glm::normalize(to - from);
    const glm::vec3 a = from + dir * 0.25f, bpt = to - dir * 0.25f;
    const glm::vec3 mid = 0.5f * (a + bpt);
    const int arrow_i =
        b_.addFill("tokens/label_arrow/" + std::to_string(i),
                   shapes::arrowFill(a, bpt, 0.05f, 0.25f, 0.25f, mid), at(mid), colors[i]);
    b_.element(arrow_i).opacity.setInitial(0.0f);
    const TimeWindow w = flash_windows[i];
    b_.fadeTo(arrow_i, {t0 + w.start, t0 + w.start + 0.5 * w.duration()}, 1.0f);
    b_.fadeTo(arrow_i, {t0 + w.start + 0.5 * w.duration(), t0 + w.end}, 0.0f);
  }
  play(4.0, "arrows to each token");
  t0 = b_.now();
  b_.fadeOut(label, {t0, t0 + 1}, glm::vec3(0, -1, 0));
  play(1.0, "label fades out");

  // Play 8: camera up 1, tokens shrink and move up, embedding columns fade in, arrows grow.
  t0 = b_.now();
  Layer layer = makeLayer(0.0f, "layer0", true);
  moveCameraTo({t0, t0 + 1}, std::nullopt, glm::vec3(0, 1, 0), std::nullopt);
  const float word_scale = p.word_scale;
  const float token_y = kLayerHeight / 2 + 0.2f + 1.5f + 0.5f * rect_height * word_scale;
  int column_index = 0;
  std::vector<float> column_x;
  for (const auto& column : layer.columns) column_x.push_back(column.x);
  column_x.insert(
      column_x.begin() + std::min<int>(static_cast<int>(column_x.size()), std::max(0, n - 1 - 4)),
      std::nanf(""));  // the gap column
  for (int i = 0; i < n - 1; ++i) {
    const float x = (i - 0.5f * (n - 2)) * kColumnPitch;
    const float rect_cx = 0.5f * (rect_left[i] + rect_right[i]) * unit;
    auto move_piece = [&](int e) {
      Pose target = b_.poseNow(e);
      target.position = glm::vec3(x + (target.position.x - rect_cx) * word_scale,
                                  token_y + target.position.y * word_scale, 0);
      target.scale = glm::vec3(word_scale);
      b_.moveTo(e, {t0, t0 + 1}, target);
    };
    move_piece(words[i]);
    move_piece(rects_fill[i]);
    move_piece(rects_stroke[i]);
    token_blocks_.push_back(words[i]);
    token_blocks_.push_back(rects_fill[i]);
    token_blocks_.push_back(rects_stroke[i]);
    // Arrow from the token down to its column (GrowFromCenter).
    const glm::vec3 top(x, token_y - 0.5f * rect_height * word_scale - 0.25f, 0);
    const glm::vec3 bottom(x, kLayerHeight / 2 + 0.25f, 0);
    const glm::vec3 mid = 0.5f * (top + bottom);
    const int down = b_.addFill("tokens/embed_arrow/" + std::to_string(i),
                                shapes::arrowFill(top, bottom, 0.08f, 0.25f, 0.3f, mid), at(mid),
                                hex(palette::kGreyA));
    const TimeWindow w = laggedWindows(n - 1, 1.0, 0.05, 2.0)[i];
    b_.reveal(down, {t0 + w.start, t0 + w.end}, RevealStyle::Grow);
    token_arrows_.push_back(down);
    (void)column_index;
  }
  // The question group follows the tokens to the right.
  const float q_x = (n - 1 - 0.5f * (n - 2)) * kColumnPitch + 0.2f;
  for (int e : {yellow_fill, yellow_stroke}) {
    Pose target = b_.poseNow(e);
    target.position = glm::vec3(q_x, token_y, 0);
    target.scale = glm::vec3(word_scale);
    b_.moveTo(e, {t0, t0 + 1}, target);
    token_blocks_.push_back(e);
  }
  {
    Pose target = b_.poseNow(q_marks);
    target.position = glm::vec3(q_x, token_y - 0.5f * rect_height * word_scale - 0.25f, 0);
    target.scale = glm::vec3(word_scale);
    b_.moveTo(q_marks, {t0, t0 + 1}, target);
    token_blocks_.push_back(q_marks);
  }
  const auto column_windows = laggedWindows(static_cast<int>(layer.columns.size()), 1.0, 0.05, 2.0);
  for (size_t c = 0; c < layer.columns.size(); ++c) {
    const Column& col = layer.columns[c];
    std::vector<int> parts = col.entries;
    parts.insert(parts.end(), {col.dots, col.left, col.right});
    for (int e : parts)
      b_.fadeIn(e, {t0 + column_windows[c].start, t0 + column_windows[c].end},
                glm::vec3(0, -0.5f, 0));
  }
  b_.reveal(layer.gap_dots, {t0, t0 + 1}, RevealStyle::Parts, Rate::Smooth);
  b_.element(layer.left).opacity.setInitial(0.0f);
  b_.element(layer.right).opacity.setInitial(0.0f);
  play(2.0, "tokens become embedding vectors");
  t0 = b_.now();
  b_.fadeTo(layer.left, {t0, t0 + 1}, 1.0f);
  b_.fadeTo(layer.right, {t0, t0 + 1}, 1.0f);
  b_.reveal(layer.left, {t0, t0 + 1}, RevealStyle::Prefix);
  b_.reveal(layer.right, {t0, t0 + 1}, RevealStyle::Prefix);
  play(1.0, "brackets around the array");
  b_.wait(1.0, section_ + ": hold", section_);
  layers_.push_back(std::move(layer));
}

NetworkFlow::Layer NetworkFlow::makeLayer(float z, const std::string& prefix, bool fresh_values) {
  (void)fresh_values;
  Layer layer;
  layer.z = z;
  const int words = static_cast<int>(config_.tokens.size()) - 1;
  const int dots_index = std::max(0, words - 4);  // the seed's dots_index = -4
  const int length = config_.embedding_length;
  const float entry_pitch = (kLayerHeight - 0.4f) / std::max(1, length - 1);
  for (int i = 0; i < words; ++i) {
    const float x = (i - 0.5f * (words - 1)) * kColumnPitch;
    if (i == dots_index) {
      layer.gap_dots = b_.addFill(prefix + "/gap_dots", shapes::dots(3, 0.035f, 0.13f, {1, 0, 0}),
                                  at({x, 0, z}), Rgb(1.0f));
      continue;
    }
    Column col;
    col.x = x;
    const std::string cid = prefix + "/col" + std::to_string(i);
    for (int r = 0; r < length; ++r) {
      const float y = kLayerHeight / 2 - 0.2f - r * entry_pitch;
      if (r == length - 2) {
        col.dots = b_.addFill(cid + "/vdots", shapes::dots(3, 0.025f, 0.09f, {0, 1, 0}),
                              at({x, y, z}), Rgb(1.0f));
        col.entries.push_back(-1);
        col.values.push_back(0);
        continue;
      }
      const float value = randomEntry(0.0, 9.9);
      TextGeometry g;
      g.is_number = true;
      g.decimals = 1;
      g.color_by_value = true;
      g.value_max = 9.9f;
      g.em_size = kEntryEm;
      g.outline_px = 3.0f * kBackstroke;
      const int e = b_.addText(cid + "/entry" + std::to_string(r), g, at({x, y, z}), Rgb(1.0f));
      b_.element(e).value.setInitial(value);
      col.entries.push_back(e);
      col.values.push_back(value);
    }
    col.left = b_.addStroke(cid + "/lbracket", shapes::bracket(kLayerHeight, 0.08f, true, 2.0f),
                            at({x - kColumnWidth / 2, 0, z}), Rgb(1.0f));
    col.right = b_.addStroke(cid + "/rbracket", shapes::bracket(kLayerHeight, 0.08f, false, 2.0f),
                             at({x + kColumnWidth / 2, 0, z}), Rgb(1.0f));
    col.entries.erase(std::remove(col.entries.begin(), col.entries.end(), -1), col.entries.end());
    layer.columns.push_back(std::move(col));
  }
  layer_half_width_ = 0.5f * (words - 1) * kColumnPitch + kColumnWidth / 2 + 0.12f;
  layer_half_height_ = 1.1f * kLayerHeight / 2;
  layer.left =
      b_.addStroke(prefix + "/lbracket", shapes::bracket(2 * layer_half_height_, 0.2f, true, 5.0f),
                   at({-layer_half_width_, 0, z}), hex(palette::kGreyB));
  layer.right =
      b_.addStroke(prefix + "/rbracket", shapes::bracket(2 * layer_half_height_, 0.2f, false, 5.0f),
                   at({layer_half_width_, 0, z}), hex(palette::kGreyB));
  return layer;
}

NetworkFlow::Layer NetworkFlow::copyLayer(const Layer& from, const std::string& prefix,
                                          bool fresh_values) {
  Layer layer = from;
  auto copy = [&](int e, const std::string& suffix) {
    if (e < 0) return e;
    Element src = b_.element(e);
    const Scene& scene = b_.scene();
    int out = -1;
    const Pose pose = src.pose.finalValue();
    const Rgb color = src.color.finalValue();
    const float opacity = src.opacity.finalValue();
    switch (src.kind) {
      case ElementKind::Text:
        out = b_.addText(prefix + suffix, scene.texts[src.geometry], pose, color, opacity);
        break;
      case ElementKind::Stroke:
        out = b_.addStroke(prefix + suffix, scene.strokes[src.geometry], pose, color, opacity);
        break;
      case ElementKind::Fill:
        out = b_.addFill(prefix + suffix, scene.fills[src.geometry], pose, color, opacity);
        break;
      default:
        break;
    }
    if (out >= 0) b_.element(out).value.setInitial(src.value.finalValue());
    return out;
  };
  layer.gap_dots = copy(from.gap_dots, "/gap_dots");
  layer.left = copy(from.left, "/lbracket");
  layer.right = copy(from.right, "/rbracket");
  for (size_t c = 0; c < layer.columns.size(); ++c) {
    Column& col = layer.columns[c];
    const std::string cid = "/col" + std::to_string(c);
    col.dots = copy(from.columns[c].dots, cid + "/vdots");
    col.left = copy(from.columns[c].left, cid + "/lbracket");
    col.right = copy(from.columns[c].right, cid + "/rbracket");
    for (size_t r = 0; r < col.entries.size(); ++r) {
      col.entries[r] = copy(from.columns[c].entries[r], cid + "/entry" + std::to_string(r));
      if (fresh_values) {
        const float value = randomEntry(0.0, 9.9);
        b_.element(col.entries[r]).value.setInitial(value);
      }
    }
  }
  return layer;
}

std::vector<int> NetworkFlow::layerElements(const Layer& layer) const {
  std::vector<int> out;
  for (const Column& col : layer.columns) {
    out.insert(out.end(), col.entries.begin(), col.entries.end());
    out.insert(out.end(), {col.dots, col.left, col.right});
  }
  out.insert(out.end(), {layer.gap_dots, layer.left, layer.right});
  out.erase(std::remove(out.begin(), out.end(), -1), out.end());
  return out;
}

void NetworkFlow::fadeLayerTo(const Layer& layer, TimeWindow w, float opacity) {
  for (int e : layerElements(layer)) b_.fadeTo(e, w, opacity);
}

void NetworkFlow::moveLayerZ(Layer& layer, TimeWindow w, float z) {
  for (int e : layerElements(layer)) {
    Pose target = b_.poseNow(e);
    target.position.z = z;
    b_.moveTo(e, w, target);
  }
  layer.z = z;
}

NetworkFlow::Block NetworkFlow::makeBlock(const Layer& layer, float depth, const std::string& title,
                                          float title_size, const std::string& id) {
  Block block;
  block.depth = depth;
  block.z = layer.z + 1.0f + depth / 2;
  const glm::vec3 size(2 * layer_half_width_ + 1.0f, 2 * layer_half_height_ + 1.0f, depth);
  BoxGeometry body;
  body.size = size;
  body.face_mask = 0x3E;  // every face but +x, which is its own element (it opens and closes)
  block.body = b_.addBox(id + "/body", body, at({0, 0, block.z}), hex(palette::kGreyE), 0.75f);
  BoxGeometry front = body;
  front.face_mask = 0x01;
  block.front = b_.addBox(id + "/front", front, at({0, 0, block.z}), hex(palette::kGreyE), 0.75f);
  TextGeometry g;
  g.utf8 = title;
  g.em_size = textEm(title_size);
  g.outline_px = 5.0f * kBackstroke;
  const int lines = static_cast<int>(std::count(title.begin(), title.end(), '\n')) + 1;
  const float title_height = lines * 0.75f * g.em_size * 1.2f;
  block.title = b_.addText(id + "/title", g, at({0, size.y / 2 + 0.1f + title_height / 2, block.z}),
                           Rgb(1.0f), config_.hide_block_labels ? 0.0f : 1.0f);
  return block;
}

// ---------------------------------------------------------------------------------------------
// Attention

void NetworkFlow::attention(const AttentionParams& p) {
  ++attention_count_;
  section_ = "attention " + std::to_string(attention_count_);
  Layer& layer = layers_.back();
  Block block =
      makeBlock(layer, 2.0f, "Attention", 96, "attention" + std::to_string(attention_count_));
  const float z_diff = block.z - layer.z;
  double t0 = b_.now();
  // Camera + LaggedStart(dim the layer, fade the block in, copy the layer into it), 2 s.
  moveCameraTo({t0, t0 + 2}, p.orientation,
               glm::vec3(p.frame_x, p.frame_y, b_.cameraNow().center.z), p.frame_height);
  const auto w = groupWindows({1, 1, 1}, 0.3, 2.0);
  fadeLayerTo(layer, {t0 + w[0].start, t0 + w[0].end}, 0.25f);
  b_.hideUntil(block.body, t0);
  b_.hideUntil(block.front, t0);
  b_.hideUntil(block.title, t0);
  b_.fadeIn(block.body, {t0 + w[1].start, t0 + w[1].end});
  b_.element(block.front).opacity.setInitial(0.0f);
  if (!config_.hide_block_labels) b_.fadeIn(block.title, {t0 + w[1].start, t0 + w[1].end});
  Layer copy = copyLayer(layer, "attention" + std::to_string(attention_count_) + "/layer", false);
  for (int e : layerElements(copy)) {
    b_.hideUntil(e, t0 + w[2].start);
    b_.element(e).opacity.setInitial(1.0f);
  }
  // The copy starts where the layer is (at full opacity) and flies into the block.
  for (int e : layerElements(copy))
    b_.element(e).opacity.setInitial(b_.element(e).opacity.initial());
  moveLayerZ(copy, {t0 + w[2].start, t0 + w[2].end}, block.z);
  play(2.0, "block fades in, layer moves inside", p.notes);

  // Arcs between every pair of columns flash while the copy's numbers re-randomize.
  t0 = b_.now();
  const double T = p.run_time;
  const int n = static_cast<int>(copy.columns.size());
  const auto group_w = laggedWindows(n, 2.0, 0.25, T);
  // Every pair of vectors gets an arc in the seed; past 48 vectors each one draws arcs from 48
  // others only, so the element count stays linear in the token count.
  constexpr int kMaxArcsPerVector = 48;
  for (int i = 0; i < n; ++i) {
    const glm::vec3 top1(copy.columns[i].x, kLayerHeight / 2, block.z);
    std::vector<int> order;
    for (int j = 0; j < n; ++j) order.push_back(j);
    for (int j = n - 1; j > 0; --j)
      std::swap(order[j], order[random_.below(j + 1)]);  // arc_group.shuffle()
    const double gs = t0 + group_w[i].start, gd = group_w[i].duration();
    std::vector<std::pair<Rgb, float>> styles(n);
    for (int j = 0; j < n; ++j) {
      styles[j].first = random_.brightColor(0.1, 0.3);
      styles[j].second = 5.0f * static_cast<float>(std::pow(random_.uniform(), 5.0));
    }
    for (int k = 0; k < std::min(n, kMaxArcsPerVector); ++k) {
      const int j = order[k];
      if (j == i) continue;
      const glm::vec3 top2(copy.columns[j].x, kLayerHeight / 2, block.z);
      const float sign = copy.columns[j].x < copy.columns[i].x ? -1.0f : 1.0f;
      StrokeGeometry arc;
      arc.points = shapes::arcPoints(top2, top1, sign * kPi / 3);
      arc.width = styles[j].second;
      const TimeWindow pw = partWindow(k, std::min(n, kMaxArcsPerVector), 0.05, gd);
      const std::string id = section_ + "/arc" + std::to_string(i) + "_" + std::to_string(j);
      const int flash = b_.addStroke(id + "/flash", arc, Pose{}, styles[j].first);
      b_.element(flash).over_blocks_until = gs + pw.end;
      b_.hideUntil(flash, gs + pw.start);
      b_.reveal(flash, {gs + pw.start, gs + pw.end}, RevealStyle::Flash, Rate::Smooth, 0, 2.0f);
      const int create = b_.addStroke(id, arc, Pose{}, styles[j].first);
      b_.element(create).over_blocks_until = gs + pw.end;
      b_.hideUntil(create, gs + pw.start);
      const double mid = gs + pw.start + 0.5 * pw.duration();
      b_.reveal(create, {gs + pw.start, mid}, RevealStyle::Prefix);
      b_.fadeOut(create, {mid, gs + pw.end});
      b_.remove(create, gs + pw.end);
    }
  }
  const auto value_w = laggedWindows(n, 1.0, 0.5, T);
  for (int c = 0; c < n; ++c) {
    for (int e : copy.columns[c].entries) {
      const float value = randomEntry(0.0, 9.9);
      b_.changeValue(e, {t0 + value_w[c].start, t0 + value_w[c].end}, value);
    }
  }
  play(T, "arcs flash, entries update");
  // Until it leaves the block, the copy is drawn over the block's faces (as in manimgl, where the
  // block's body has no depth test and the layer is added after it).
  for (int e : layerElements(copy)) b_.element(e).over_blocks_until = b_.now() + 1.0;

  // The new layer leaves through the far side; the camera follows; the old layer returns.
  t0 = b_.now();
  const float new_z = block.z + z_diff;
  b_.fadeTo(block.front, {t0, t0 + 1}, 0.75f);
  moveLayerZ(copy, {t0, t0 + 1}, new_z);
  Camera target = b_.cameraNow();
  target.center.z = new_z;
  b_.moveCamera({t0, t0 + 1}, target);
  fadeLayerTo(layer, {t0, t0 + 1}, 1.0f);
  play(1.0, "new layer leaves the block");
  blocks_.push_back(block);
  layers_.push_back(std::move(copy));
}

// ---------------------------------------------------------------------------------------------
// MLP

void NetworkFlow::mlp(const MlpParams& p) {
  ++mlp_count_;
  section_ = "mlp " + std::to_string(mlp_count_);
  Layer& layer = layers_.back();
  const std::string id = "mlp" + std::to_string(mlp_count_);
  Block block = makeBlock(layer, p.depth, "Multilayer\nPerceptron", 72, id);
  Layer next = copyLayer(layer, id + "/layer", true);
  const float next_z = block.z + p.depth / 2 + 1.0f;
  for (int e : layerElements(next)) {
    Pose pose = b_.poseNow(e);
    pose.position.z = next_z;
    b_.element(e).pose.setInitial(pose);
  }
  next.z = next_z;

  // Neurons and connections per column.
  const float y_min = -(layer_half_height_ + 0.5f) + 0.1f, y_max = layer_half_height_ + 0.5f - 0.1f;
  const int n = static_cast<int>(layer.columns.size());
  std::vector<int> clusters, bundles;
  for (int c = 0; c < n; ++c) {
    const Column& col = layer.columns[c];
    std::vector<glm::vec3> l1, l2, l3;
    const int length = config_.embedding_length;
    const float entry_pitch = (kLayerHeight - 0.4f) / std::max(1, length - 1);
    for (int r = 0; r < length; ++r) {
      const float y = kLayerHeight / 2 - 0.2f - r * entry_pitch;
      l1.push_back({col.x, y, block.z - 0.4f * p.depth});
      l3.push_back({col.x, y, block.z + 0.4f * p.depth});
    }
    for (int k = 0; k < p.neurons; ++k) {
      const float y = p.neurons == 1 ? 0.0f : y_min + (y_max - y_min) * k / (p.neurons - 1);
      l2.push_back({col.x, y, block.z});
    }
    SphereGeometry spheres;
    for (const auto* list : {&l1, &l2, &l3}) {
      for (const glm::vec3& q : *list) {
        spheres.centers.push_back(glm::vec4(q, 0.1f));
        spheres.opacities.push_back(static_cast<float>(random_.uniform(0.5, 1.0)));
      }
    }
    LineGeometry lines;
    lines.width = 3.0f;
    for (const auto& [from, to] : {std::pair{&l1, &l2}, std::pair{&l2, &l3}}) {
      for (const glm::vec3& a : *from) {
        for (const glm::vec3& bpt : *to) {
          if (random_.uniform() >= 0.2) continue;
          const glm::vec3 d = glm::normalize(bpt - a);
          const float opacity = static_cast<float>(random_.uniform());
          const Rgb color = valueToColor(static_cast<float>(random_.uniform(-10.0, 10.0)));
          lines.lines.push_back({a + d * 0.1f, bpt - d * 0.1f, color, opacity});
        }
      }
    }
    const int cluster =
        b_.addSpheres(id + "/neurons" + std::to_string(c), spheres, Pose{}, hex(palette::kGreyC));
    const int bundle = b_.addLines(id + "/connections" + std::to_string(c), lines, Pose{});
    clusters.push_back(cluster);
    bundles.push_back(bundle);
    mlp_elements_.push_back(cluster);
    mlp_elements_.push_back(bundle);
  }
  double t0 = b_.now();
  for (int e : {block.body, block.front, block.title}) b_.hideUntil(e, t0);
  for (int e : layerElements(next)) b_.hideUntil(e, t0);
  for (int c = 0; c < n; ++c) {
    b_.hideUntil(clusters[c], t0);
    b_.hideUntil(bundles[c], t0);
  }
  b_.element(block.body).opacity.setInitial(0.0f);
  b_.element(block.front).opacity.setInitial(0.0f);
  auto write_lines = [&](int bundle, TimeWindow w) {
    const int count = static_cast<int>(b_.scene().lines[b_.element(bundle).geometry].lines.size());
    b_.reveal(bundle, w, RevealStyle::Parts, Rate::Smooth,
              std::min(4.0f / std::max(1, count), 0.2f));
  };
  const std::vector<int> next_elements = layerElements(next);
  if (p.one_by_one) {
    const int index = std::min(4, n - 1);
    // The title turns side-on for the side view.
    Pose title_pose = b_.poseNow(block.title);
    title_pose.rotation = glm::angleAxis(-kPi / 2, glm::vec3(0, 1, 0));
    b_.element(block.title).pose.setInitial(title_pose);
    if (!config_.hide_block_labels) b_.fadeIn(block.title, {t0, t0 + 1});
    moveCameraTo({t0, t0 + 3}, p.sideview, std::nullopt, std::nullopt);
    write_lines(bundles[index], {t0, t0 + 3});
    b_.fadeIn(clusters[index], {t0, t0 + 3});
    for (int e : next.columns[index].entries)
      b_.fadeIn(e, {t0, t0 + 3}, glm::vec3(0, 0, next_z - layer.z));
    for (int e : {next.columns[index].dots, next.columns[index].left, next.columns[index].right})
      b_.fadeIn(e, {t0, t0 + 3}, glm::vec3(0, 0, next_z - layer.z));
    play(3.0, "first network, side view", p.notes);

    t0 = b_.now();
    const auto lw = laggedWindows(n - 1, 1.0, 0.5, 9.0);
    int k = 0;
    for (int c = 0; c < n; ++c) {
      if (c == index) continue;
      const TimeWindow w{t0 + lw[k].start, t0 + lw[k].end};
      write_lines(bundles[c], w);
      b_.fadeIn(clusters[c], w);
      for (int e : next.columns[c].entries) b_.fadeIn(e, w, glm::vec3(0, 0, next_z - layer.z));
      for (int e : {next.columns[c].dots, next.columns[c].left, next.columns[c].right})
        b_.fadeIn(e, w, glm::vec3(0, 0, next_z - layer.z));
      ++k;
    }
    moveCameraTo({t0, t0 + 9}, EulerDegrees{0, -37, 0}, glm::vec3(-1.08f, 2.29f, 7.99f), 12.27f);
    Pose front_pose = b_.poseNow(block.title);
    front_pose.rotation = glm::quat(1, 0, 0, 0);
    b_.moveTo(block.title, {t0, t0 + 9}, front_pose);
    play(9.0, "the other networks, one by one");

    t0 = b_.now();
    b_.fadeTo(block.body, {t0, t0 + 2}, 0.75f);
    b_.fadeTo(block.front, {t0, t0 + 2}, 0.75f);
    for (int e : {next.gap_dots, next.left, next.right}) b_.fadeIn(e, {t0, t0 + 2});
    Camera target = b_.cameraNow();
    if (p.final_orientation) target.orientation = quatFromEulerDegrees(*p.final_orientation);
    target.center.z = next_z;
    b_.moveCamera({t0, t0 + 2}, target);
    play(2.0, "block body and new layer");
  } else {
    if (!config_.hide_block_labels) b_.fadeIn(block.title, {t0, t0 + 1});
    moveCameraTo({t0, t0 + 3}, p.sideview, std::nullopt, std::nullopt);
    for (int c = 0; c < n; ++c) b_.fadeIn(clusters[c], {t0, t0 + 1});
    // Write(connections) over every line of the block at once.
    const auto lw = laggedWindows(n, 1.0, 0.02, 3.0);
    for (int c = 0; c < n; ++c) write_lines(bundles[c], {t0 + lw[c].start, t0 + lw[c].end});
    for (int e : next_elements) {
      Pose end = b_.poseNow(e);
      Pose start = end;
      start.position.z = layer.z;
      b_.element(e).pose.setInitial(start);
      b_.moveTo(e, {t0, t0 + 3}, end);
    }
    play(3.0, "network written, next layer", p.notes);
    t0 = b_.now();
    Camera target = b_.cameraNow();
    if (p.final_orientation) target.orientation = quatFromEulerDegrees(*p.final_orientation);
    target.center.z = next_z;
    b_.moveCamera({t0, t0 + 2}, target);
    b_.fadeTo(block.body, {t0, t0 + 2}, 0.75f);
    b_.fadeTo(block.front, {t0, t0 + 2}, 0.75f);
    play(2.0, "block body fades in");
  }
  blocks_.push_back(block);
  layers_.push_back(std::move(next));
}

void NetworkFlow::removeMlps(double at_time) {
  for (int e : mlp_elements_) b_.remove(e, at_time);
  mlp_elements_.clear();
}

// ---------------------------------------------------------------------------------------------
// Repetitions, last layer, unembedding

void NetworkFlow::repetitions(const RepetitionsParams& p) {
  section_ = "repetitions";
  removeMlps(b_.now());
  Layer& layer = layers_.back();
  const Block& last = blocks_.back();
  const float z_start = layer.z + 3.0f, z_end = z_start + p.depth;
  double t0 = b_.now();
  const glm::vec3 size(2 * layer_half_width_ + 1.0f, 2 * layer_half_height_ + 1.0f, 1.0f);
  std::vector<int> thin;
  for (int k = 0; k < 2; ++k) {
    BoxGeometry g;
    g.size = size;
    const float z = k == 0 ? z_start + 0.5f : z_end - 0.5f;
    const int e = b_.addBox("repetitions/block" + std::to_string(k), g, at({0, 0, z}),
                            hex(palette::kGreyE), 0.75f);
    b_.hideUntil(e, t0);
    thin.push_back(e);
  }
  (void)last;
  const auto fw = partWindow(0, 2, 0.1, 3.0), fw2 = partWindow(1, 2, 0.1, 3.0);
  b_.fadeIn(thin[0], {t0 + fw.start, t0 + fw.end});
  b_.fadeIn(thin[1], {t0 + fw2.start, t0 + fw2.end});
  const Pose side = [&] {
    Pose pose;
    pose.rotation = glm::angleAxis(-kPi / 2, glm::vec3(0, 1, 0));
    return pose;
  }();
  // Dots along z at the floor, the brace and its label above the thin blocks.
  Pose dots_pose = side;
  dots_pose.position = {0, 0.3f, 0.5f * (z_start + z_end)};
  rep_dots_ =
      b_.addFill("repetitions/dots", shapes::dots(5, 0.09f, 0.8f, {1, 0, 0}), dots_pose, Rgb(1.0f));
  b_.hideUntil(rep_dots_, t0);
  b_.reveal(rep_dots_, {t0, t0 + 1}, RevealStyle::Parts);
  Pose brace_pose = side;
  brace_pose.position = {0, size.y / 2 + 0.35f, 0.5f * (z_start + z_end)};
  brace_pose.rotation = brace_pose.rotation * glm::angleAxis(-kPi / 2, glm::vec3(0, 0, 1));
  rep_brace_ = b_.addStroke("repetitions/brace", shapes::brace(p.depth, 0.3f, false, 4.0f),
                            brace_pose, Rgb(1.0f));
  b_.hideUntil(rep_brace_, t0);
  b_.reveal(rep_brace_, {t0, t0 + 3}, RevealStyle::Grow);
  TextGeometry g;
  g.utf8 = "Many\nrepetitions";
  g.em_size = textEm(48) * 2.0f;
  Pose text_pose = side;
  text_pose.position = {0, size.y / 2 + 1.6f, 0.5f * (z_start + z_end)};
  rep_text_ = b_.addText("repetitions/label", g, text_pose, Rgb(1.0f));
  b_.hideUntil(rep_text_, t0);
  b_.reveal(rep_text_, {t0 + 1, t0 + 2}, RevealStyle::Parts, Rate::Smooth, 0.2f);
  moveCameraTo({t0, t0 + 3}, EulerDegrees{-58, -12, 0}, glm::vec3(-3.27f, 0.98f, 26.89f), 25.0f);
  play(3.0, "many repetitions", p.notes);

  // The final layer flies out from the last layer to beyond the thin blocks (Restore, 2 s).
  t0 = b_.now();
  Layer final_layer = copyLayer(layer, "final_layer", true);
  const float final_z = z_end + 1.0f;
  for (int e : layerElements(final_layer)) {
    b_.hideUntil(e, t0);
    b_.element(e).opacity.setInitial(0.0f);
    b_.fadeTo(e, {t0, t0 + 2}, 1.0f);
  }
  moveLayerZ(final_layer, {t0, t0 + 2}, final_z);
  play(2.0, "final layer");
  b_.wait(1.0, section_ + ": hold", section_);
  layers_.push_back(std::move(final_layer));
}

void NetworkFlow::focusLastLayer(const std::string& notes) {
  section_ = "focus on last layer";
  const Layer& layer = layers_.back();
  const double t0 = b_.now();
  const int rect = b_.addFill("focus/backdrop",
                              shapes::rectangleFill(3 * (2 * layer_half_width_ + 0.4f),
                                                    3 * (2 * layer_half_height_ + 0.4f)),
                              at({0, 0, layer.z - 0.01f}), Rgb(0.0f), 0.5f);
  b_.hideUntil(rect, t0);
  b_.fadeIn(rect, {t0, t0 + 3});
  if (rep_dots_ >= 0) b_.fadeTo(rep_dots_, {t0, t0 + 3}, 0.5f);
  if (rep_brace_ >= 0) b_.fadeTo(rep_brace_, {t0, t0 + 3}, 0.0f);
  if (rep_text_ >= 0) b_.fadeTo(rep_text_, {t0, t0 + 3}, 0.0f);
  for (const Block& block : blocks_) b_.fadeTo(block.title, {t0, t0 + 3}, 0.0f);
  moveCameraTo({t0, t0 + 3}, EulerDegrees{-3, -12, 0}, glm::vec3(4, 1, layer.z), 12.0f);
  play(3.0, "focus on the last layer", notes);
}

void NetworkFlow::unembedding(const std::string& notes) {
  section_ = "unembedding";
  const Layer& layer = layers_.back();
  const Column& last = layer.columns.back();
  double t0 = b_.now();
  const float rect_w = kColumnWidth + 0.2f, rect_h = kLayerHeight + 0.2f;
  const int rect = b_.addStroke("unembedding/rect", shapes::rectangleOutline(rect_w, rect_h, 3.0f),
                                at({last.x, 0, layer.z}), hex(palette::kYellow));
  b_.hideUntil(rect, t0);
  b_.reveal(rect, {t0, t0 + 1}, RevealStyle::Prefix);
  play(1.0, "rectangle around the last vector", notes);

  t0 = b_.now();
  const int count = static_cast<int>(config_.next_tokens.size());
  const float pitch = 6.0f / std::max(1, count), thickness = 0.5f * pitch;
  const float bars_left = layer_half_width_ + 6.0f;
  const float top_y = 2.0f + 0.5f * (count - 1) * pitch;
  const float label_em = textEm(30);
  float max_word = 0.0f;
  for (const auto& [word, prob] : config_.next_tokens) {
    max_word = std::max(max_word, text::layoutText(atlas_, word).width * label_em);
  }
  const auto bar_w = laggedWindows(count + 1, 1.0, 0.05, 2.0);
  NextTokenBars& bars = b_.mutableScene().next_tokens;
  bars = NextTokenBars{};
  bars.length_scale = 4.0f;
  bars.grow_start = t0;
  bars.grow_end = t0 + 2.0;
  for (int i = 0; i < count; ++i) {
    const auto& [word, prob] = config_.next_tokens[i];
    const float y = top_y - i * pitch;
    const float length = std::max(0.01f, static_cast<float>(prob) * 4.0f);
    const Rgb color = interpolateHsl(hex(palette::kBlueC), hex(palette::kYellow),
                                     count > 1 ? static_cast<float>(i) / (count - 1) : 0.0f);
    const std::string id = "unembedding/bar" + std::to_string(i);
    const glm::vec3 center(bars_left + length / 2, y, layer.z);
    std::vector<int> parts;
    parts.push_back(
        b_.addFill(id, shapes::rectangleFill(length, thickness), at(center), color, 0.8f));
    parts.push_back(b_.addStroke(id + "/stroke", shapes::rectangleOutline(length, thickness, 1.5f),
                                 at(center), color));
    TextGeometry tg;
    tg.utf8 = word;
    tg.em_size = label_em;
    tg.align = 2;
    parts.push_back(b_.addText(id + "/word", tg, at({bars_left - 0.2f, y, layer.z}), Rgb(1.0f)));
    TextGeometry pg;
    pg.is_number = true;
    pg.decimals = 2;
    pg.suffix = "%";
    pg.em_size = label_em;
    pg.align = 0;
    const int pct =
        b_.addText(id + "/percent", pg, at({bars_left + length + 0.2f, y, layer.z}), Rgb(1.0f));
    b_.element(pct).value.setInitial(static_cast<float>(100.0 * prob));
    parts.push_back(pct);
    bars.tokens.push_back(word);
    bars.probabilities.push_back(prob);
    bars.fills.push_back(parts[0]);
    bars.strokes.push_back(parts[1]);
    bars.percents.push_back(pct);
    for (int e : parts) {
      b_.hideUntil(e, t0);
      b_.fadeIn(e, {t0 + bar_w[i].start, t0 + bar_w[i].end}, glm::vec3(0, -1, 0));
    }
  }
  const int vdots = b_.addFill(
      "unembedding/dots", shapes::dots(3, 0.03f, 0.12f, {0, 1, 0}),
      at({bars_left - 0.2f - 0.5f * max_word, top_y - count * pitch, layer.z}), Rgb(1.0f));
  b_.hideUntil(vdots, t0);
  b_.fadeIn(vdots, {t0 + bar_w[count].start, t0 + bar_w[count].end}, glm::vec3(0, -1, 0));
  const float brace_x = bars_left - 0.4f - max_word;
  const float brace_len = count * pitch + 0.4f;
  const int brace = b_.addStroke("unembedding/brace", shapes::brace(brace_len, 0.3f, true, 3.0f),
                                 at({brace_x, 2.0f - 0.5f * pitch, layer.z}), Rgb(1.0f));
  b_.hideUntil(brace, t0);
  b_.reveal(brace, {t0, t0 + 1}, RevealStyle::Grow);
  // Curved arrow from the rectangle's top to the brace.
  const glm::vec3 start(last.x, rect_h / 2, layer.z);
  const glm::vec3 end(brace_x - 0.3f - 0.1f, 2.0f - 0.5f * pitch, layer.z);
  std::vector<glm::vec3> path =
      shapes::cubicBezier(start, start + glm::vec3(0, 1, 0), start + glm::vec3(1, 1, 0),
                          start + glm::vec3(2, 0, 0), 16);
  const auto tail =
      shapes::cubicBezier(start + glm::vec3(2, 0, 0), start + glm::vec3(2.6f, -0.3f, 0),
                          end - glm::vec3(1.0f, 0.1f, 0), end - glm::vec3(0.2f, 0, 0), 16);
  path.insert(path.end(), tail.begin() + 1, tail.end());
  StrokeGeometry arrow;
  arrow.points = path;
  arrow.width = 4.0f;
  const int arrow_e = b_.addStroke("unembedding/arrow", arrow, Pose{}, hex(palette::kYellow));
  b_.hideUntil(arrow_e, t0);
  b_.reveal(arrow_e, {t0, t0 + 1}, RevealStyle::Prefix);
  const int tip = b_.addFill("unembedding/arrow_tip", shapes::arrowTip(end, {1, 0, 0}, 0.3f, 0.3f),
                             Pose{}, hex(palette::kYellow));
  b_.hideUntil(tip, t0 + 0.9);
  play(2.0, "next-token probabilities");
  b_.wait(1.0, section_ + ": hold", section_);
}

// ---------------------------------------------------------------------------------------------
// MentionContextSizeAndUnembedding

void NetworkFlow::cycleEmbeddings(const std::string& notes) {
  section_ = "text and embeddings";
  const int slots = static_cast<int>(config_.tokens.size()) - 1;
  const Layer& layer = layers_.front();
  const float top = kLayerHeight / 2 + 0.2f + 1.5f + 0.6f, bottom = -layer_half_height_ - 0.1f;
  std::vector<int> shades;
  const double start = b_.now();
  for (int i = 0; i < slots; ++i) {
    const float x = (i - 0.5f * (slots - 1)) * kColumnPitch;
    const int e = b_.addFill("cycle/shade" + std::to_string(i),
                             shapes::rectangleFill(kColumnPitch, top - bottom),
                             at({x, 0.5f * (top + bottom), layer.z + 0.01f}), Rgb(0.0f), 0.0f);
    b_.hideUntil(e, start);
    shades.push_back(e);
  }
  for (int i = 0; i < slots; ++i) {
    const double t0 = b_.now();
    for (int k = 0; k < slots; ++k) b_.fadeTo(shades[k], {t0, t0 + 1}, k == i ? 0.0f : 0.75f);
    play(1.0, "token " + std::to_string(i + 1) + " and its vector", i == 0 ? notes : "");
  }
  const double t0 = b_.now();
  for (int e : shades) {
    b_.fadeOut(e, {t0, t0 + 1});
    b_.remove(e, t0 + 1);
  }
  play(1.0, "every vector again");
}

void NetworkFlow::contextSize(const ContextSizeParams& p) {
  section_ = "context size";
  const Layer& layer = layers_.back();
  const Camera saved = b_.cameraNow();
  double t0 = b_.now();
  moveCameraTo({t0, t0 + 2}, EulerDegrees{-27, -18, 0}, glm::vec3(-0.84f, -0.36f, 18.15f), 9.0f);
  const auto title_w = laggedWindows(static_cast<int>(blocks_.size()), 1.0, 0.01, 2.0);
  for (size_t i = 0; i < blocks_.size(); ++i)
    b_.fadeTo(blocks_[i].title, {t0 + title_w[i].start, t0 + title_w[i].end}, 0.0f);
  play(2.0, "zoom in on the last layer", p.notes);

  // Brace under the vectors with "Context size", then "= 2,048".
  t0 = b_.now();
  const float width = 2 * layer_half_width_ - 0.3f;
  Pose brace_pose = at({0, -kLayerHeight / 2 - 0.25f, layer.z});
  brace_pose.rotation = glm::angleAxis(kPi / 2, glm::vec3(0, 0, 1));  // tip down
  const int brace =
      b_.addStroke("context/brace", shapes::brace(width, 0.35f, true, 3.0f), brace_pose, Rgb(1.0f));
  b_.hideUntil(brace, t0);
  b_.reveal(brace, {t0, t0 + 1}, RevealStyle::Grow);
  const float label_y = -kLayerHeight / 2 - 1.05f;
  const int label = addText("context/label", p.context_label, 72, {0, label_y, layer.z}, Rgb(1.0f));
  b_.hideUntil(label, t0);
  b_.fadeIn(label, {t0, t0 + 1}, glm::vec3(0, -0.5f, 0));
  play(1.0, "context size");
  b_.wait(1.0, section_ + ": hold", section_);
  t0 = b_.now();
  const float label_w = text::layoutText(atlas_, p.context_label).width * textEm(72);
  const float rhs_w = text::layoutText(atlas_, "= " + p.context_value).width * textEm(72);
  Pose label_target = b_.poseNow(label);
  label_target.position.x = -0.5f * (rhs_w + 0.25f);
  b_.moveTo(label, {t0, t0 + 1}, label_target);
  const int rhs = addText("context/value", "= " + p.context_value, 72,
                          {0.5f * (label_w + 0.25f), label_y, layer.z}, Rgb(1.0f));
  b_.hideUntil(rhs, t0);
  b_.reveal(rhs, {t0, t0 + 1}, RevealStyle::Parts, Rate::Smooth, 0.2f);
  play(1.0, "= " + p.context_value);
  b_.wait(1.0, section_ + ": hold", section_);

  // The brackets give way to a brace on the right with the embedding dimension.
  t0 = b_.now();
  b_.fadeOut(layer.left, {t0, t0 + 1});
  b_.fadeOut(layer.right, {t0, t0 + 1});
  const int dim_brace =
      b_.addStroke("context/dim_brace", shapes::brace(kLayerHeight, 0.35f, false, 3.0f),
                   at({layer_half_width_ + 0.1f, 0, layer.z}), Rgb(1.0f));
  b_.hideUntil(dim_brace, t0);
  b_.reveal(dim_brace, {t0, t0 + 1}, RevealStyle::Grow);
  const float dim_w = text::layoutText(atlas_, p.dimension_label).width * textEm(72);
  const int dim_label = addText("context/dimension", p.dimension_label, 72,
                                {layer_half_width_ + 0.7f + 0.5f * dim_w, 0, layer.z}, Rgb(1.0f));
  b_.hideUntil(dim_label, t0);
  b_.fadeIn(dim_label, {t0, t0 + 1}, glm::vec3(-0.5f, 0, 0));
  play(1.0, "embedding dimension " + p.dimension_label);
  b_.wait(3.0, section_ + ": hold", section_);

  // Back: Restore(frame, run_time=3), titles fade in over [2, 3], labels leave.
  t0 = b_.now();
  b_.moveCamera({t0, t0 + 3}, saved);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (!config_.hide_block_labels)
      b_.fadeTo(blocks_[i].title, {t0 + 2 + title_w[i].start / 2, t0 + 2 + title_w[i].end / 2},
                1.0f);
  }
  b_.fadeIn(layer.left, {t0, t0 + 1});
  b_.fadeIn(layer.right, {t0, t0 + 1});
  const auto out_w = laggedWindows(5, 1.0, 0.05);
  const int leaving[] = {brace, label, rhs, dim_brace, dim_label};
  for (int k = 0; k < 5; ++k) {
    b_.fadeOut(leaving[k], {t0 + out_w[k].start, t0 + out_w[k].end}, glm::vec3(0, -1, 0));
    b_.remove(leaving[k], t0 + out_w[k].end);
  }
  play(3.0, "back to the flow");
}

void NetworkFlow::removeEarlierLayers() {
  const double t = b_.now();
  for (size_t i = 0; i + 1 < layers_.size(); ++i) {
    for (int e : layerElements(layers_[i])) {
      if (b_.element(e).removed_at > t) b_.remove(e, t);
    }
  }
}

void NetworkFlow::desiredOutput(const DesiredOutputParams& p) {
  section_ = "desired output";
  auto fixed = [&](int e) {
    b_.element(e).fixed_in_frame = true;
    return e;
  };
  // The phrase at the top left of the screen, its last word hidden behind a yellow box.
  double t0 = b_.now();
  std::vector<std::string> pieces = config_.tokens;
  std::vector<PieceLayout> layout = layoutPieces(atlas_, pieces);
  const float em = textEm(48);
  const float full = (layout.back().ink_right - layout.front().ink_left) * em;
  const float fit = std::min(1.0f, 13.22f / std::max(full, 1e-3f));
  const float unit = em * fit;
  const float left = -7.11f + 0.5f - layout.front().ink_left * unit;  // to_corner(UL)
  const float y = 4.0f - 0.5f - 0.3f;
  const int n = static_cast<int>(pieces.size());
  const auto word_w = laggedWindows(n - 1, 1.0, 0.1, 2.0);
  for (int i = 0; i + 1 < n; ++i) {
    TextGeometry g;
    g.utf8 = pieces[i];
    g.em_size = unit;
    const int e = fixed(b_.addText(
        "desired/phrase" + std::to_string(i), g,
        at({left + layout[i].origin_offset.x * unit, y + layout[i].origin_offset.y * unit, 0}),
        Rgb(1.0f)));
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0 + word_w[i].start, t0 + word_w[i].end});
    phrase_elements_.push_back(e);
  }
  play(2.0, "the phrase", p.notes);
  t0 = b_.now();
  const float box_l = left + layout[n - 1].ink_left * unit - 0.1f,
              box_r = left + layout[n - 1].ink_right * unit + 0.1f;
  const float box_h = 0.45f;
  const glm::vec3 box_c(0.5f * (box_l + box_r), y, 0);
  const int fill =
      fixed(b_.addFill("desired/blank_fill", shapes::rectangleFill(box_r - box_l, box_h), at(box_c),
                       hex(palette::kYellow), 0.5f));
  const int stroke =
      fixed(b_.addStroke("desired/blank", shapes::rectangleOutline(box_r - box_l, box_h, 2.0f),
                         at(box_c), hex(palette::kYellow)));
  const int q =
      fixed(addText("desired/question", "???", 48, box_c + glm::vec3(0, -0.6f, 0), Rgb(1.0f)));
  for (int e : {fill, stroke, q}) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1}, glm::vec3(0.2f, 0, 0));
    phrase_elements_.push_back(e);
  }
  play(1.0, "which word comes next?");
  b_.wait(1.0, section_ + ": hold", section_);

  // The desired output: candidate words at the right edge with probability bars.
  t0 = b_.now();
  const int rows = static_cast<int>(p.words.size());
  const float row_h = std::min(0.5f, 5.0f / std::max(1, rows));
  const float right = 7.11f - 0.1f, bottom = -4.0f + 1.0f;
  const float word_em = 0.8f * row_h / 0.7f;
  float widest = 0;
  for (const auto& w : p.words)
    widest = std::max(widest, text::layoutText(atlas_, w).width * word_em);
  const float words_left = right - widest;
  const float bar_h = 0.8f * row_h * 0.8f;
  size_t value_index = 0;
  const auto row_w = laggedWindows(rows, 1.0, 0.05, 2.0);
  float probs_left = words_left;
  for (int r = 0; r < rows; ++r) {
    const float ry = bottom + (rows - 1 - r + 0.5f) * row_h;
    std::vector<int> parts;
    if (p.words[r] == "...") {
      parts.push_back(fixed(b_.addFill("desired/dots" + std::to_string(r),
                                       shapes::dots(3, 0.03f, 0.1f, {0, 1, 0}),
                                       at({words_left + 0.25f, ry, 0}), Rgb(1.0f))));
    } else {
      TextGeometry g;
      g.utf8 = p.words[r];
      g.em_size = word_em;
      g.align = 0;
      parts.push_back(fixed(
          b_.addText("desired/word" + std::to_string(r), g, at({words_left, ry, 0}), Rgb(1.0f))));
      const double value =
          value_index < p.probabilities.size() ? p.probabilities[value_index] : 0.0;
      ++value_index;
      const float bar_w = std::max(0.01f, static_cast<float>(10.0 * value) * bar_h);
      const Rgb color = hslToRgb({static_cast<float>(0.5 + 0.1 * value), 0.6f, 0.6f});
      const glm::vec3 bar_c(words_left - 0.15f - bar_w / 2, ry, 0);
      parts.push_back(fixed(b_.addFill("desired/bar" + std::to_string(r),
                                       shapes::rectangleFill(bar_w, bar_h), at(bar_c), color)));
      TextGeometry pg;
      pg.is_number = true;
      pg.decimals = 2;
      pg.em_size = 0.5f * 24 / 48 * textEm(48) / 0.5f;
      pg.align = 2;
      const float px = words_left - 0.3f - bar_w;
      const int prob =
          fixed(b_.addText("desired/prob" + std::to_string(r), pg, at({px, ry, 0}), Rgb(1.0f)));
      b_.element(prob).value.setInitial(static_cast<float>(value));
      parts.push_back(prob);
      probs_left = std::min(probs_left, px - 0.5f);
    }
    for (int e : parts) {
      b_.hideUntil(e, t0);
      b_.fadeIn(e, {t0 + row_w[r].start, t0 + row_w[r].end}, glm::vec3(0, -0.1f, 0));
      prob_elements_.push_back(e);
    }
  }
  const float list_h = rows * row_h;
  const int brace = fixed(b_.addStroke("desired/brace", shapes::brace(list_h, 0.3f, true, 3.0f),
                                       at({probs_left, bottom + list_h / 2, 0}), Rgb(1.0f)));
  b_.hideUntil(brace, t0);
  b_.reveal(brace, {t0, t0 + 1}, RevealStyle::Grow);
  prob_elements_.push_back(brace);
  const glm::vec3 arrow_end(probs_left - 0.45f, bottom + list_h / 2, 0),
      arrow_start = arrow_end - glm::vec3(1, 0, 0);
  prob_arrow_ = fixed(b_.addFill("desired/arrow",
                                 shapes::arrowFill(arrow_start, arrow_end, 0.08f, 0.3f, 0.3f,
                                                   0.5f * (arrow_start + arrow_end)),
                                 at(0.5f * (arrow_start + arrow_end)), hex(palette::kYellow)));
  b_.hideUntil(prob_arrow_, t0);
  b_.reveal(prob_arrow_, {t0, t0 + 1}, RevealStyle::Grow);
  play(2.0, "the desired output");
  b_.wait(1.0, section_ + ": hold", section_);
}

void NetworkFlow::unembeddingMatrix(const std::string& notes) {
  section_ = "unembedding matrix";
  const Layer& layer = layers_.back();
  const Column& last = layer.columns.back();
  double t0 = b_.now();
  for (int e : phrase_elements_) {
    b_.fadeOut(e, {t0, t0 + 1}, glm::vec3(0, 1, 0));
    b_.remove(e, t0 + 1);
  }
  // The probability list shrinks into the bottom-right corner.
  const glm::vec3 corner(7.11f - 0.5f, -4.0f + 0.5f, 0);
  for (int e : prob_elements_) {
    Pose target = b_.poseNow(e);
    target.position = corner + 0.5f * (target.position - corner);
    target.scale *= 0.5f;
    b_.moveTo(e, {t0, t0 + 2}, target);
  }
  if (prob_arrow_ >= 0) b_.fadeOut(prob_arrow_, {t0, t0 + 2});
  moveCameraTo({t0, t0 + 2}, EulerDegrees{0, 1, 0}, glm::vec3(4.98f, 3.34f, 30.08f), 12.0f);
  play(2.0, "make room", notes);

  // W_U above the last vector; token blocks leave.
  t0 = b_.now();
  const int rows = 15, cols = config_.embedding_length, dots_row = 8;
  const float m_height = 6.0f, pitch_y = m_height / rows, pitch_x = 0.62f;
  const float m_right = last.x + kColumnWidth / 2 - 1.0f, m_bottom = kLayerHeight / 2 + 1.0f;
  const float m_left = m_right - cols * pitch_x;
  std::vector<int> matrix;
  for (int r = 0; r < rows; ++r) {
    const float ry = m_bottom + m_height - (r + 0.5f) * pitch_y;
    for (int c = 0; c < cols; ++c) {
      const float cx = m_left + (c + 0.5f) * pitch_x;
      if (r == dots_row) {
        matrix.push_back(b_.addFill("wu/vdots" + std::to_string(c),
                                    shapes::dots(3, 0.025f, 0.09f, {0, 1, 0}),
                                    at({cx, ry, layer.z}), Rgb(1.0f)));
        continue;
      }
      const float v = randomEntry(-9.9, 9.9);
      TextGeometry g;
      g.is_number = true;
      g.decimals = 1;
      g.em_size = 0.2f;
      const int e = b_.addText("wu/entry" + std::to_string(r) + "_" + std::to_string(c), g,
                               at({cx, ry, layer.z}), valueToColor(v));
      b_.element(e).value.setInitial(v);
      matrix.push_back(e);
    }
  }
  matrix.push_back(b_.addStroke("wu/lbracket", shapes::bracket(m_height, 0.15f, true, 3.0f),
                                at({m_left - 0.05f, m_bottom + m_height / 2, layer.z}), Rgb(1.0f)));
  matrix.push_back(b_.addStroke("wu/rbracket", shapes::bracket(m_height, 0.15f, false, 3.0f),
                                at({m_right + 0.05f, m_bottom + m_height / 2, layer.z}),
                                Rgb(1.0f)));
  const int label =
      addText("wu/label", "W_U", 72, {m_left - 1.0f, m_bottom + m_height / 2, layer.z}, Rgb(1.0f));
  matrix.push_back(label);
  for (int e : matrix) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1}, glm::vec3(-0.3f, 0.3f, 0));
  }
  std::vector<int> leaving = token_blocks_;
  leaving.insert(leaving.end(), token_arrows_.begin(), token_arrows_.end());
  for (int e : leaving) {
    b_.fadeOut(e, {t0, t0 + 1});
    b_.remove(e, t0 + 1);
  }
  play(1.0, "the unembedding matrix");
  t0 = b_.now();
  const int rect = b_.addStroke(
      "wu/vector_rect", shapes::rectangleOutline(kColumnWidth + 0.2f, kLayerHeight + 0.2f, 3.0f),
      at({last.x, 0, layer.z}), hex(palette::kYellow));
  b_.hideUntil(rect, t0);
  b_.reveal(rect, {t0, t0 + 1}, RevealStyle::Prefix);
  play(1.0, "the last vector");

  // A copy of the vector moves next to the matrix; the product appears on the right.
  t0 = b_.now();
  const float vx = m_right + 0.3f + kColumnWidth / 2 + 0.1f, vy = m_bottom + m_height / 2;
  const float scale = m_height / kLayerHeight * 0.7f;
  Layer copy;
  copy.columns.push_back(last);
  Layer moved = copyLayer(copy, "wu/vector", false);
  for (int e : layerElements(moved)) {
    Pose target = b_.poseNow(e);
    target.position =
        glm::vec3(vx, vy, layer.z) + (target.position - glm::vec3(last.x, 0, layer.z)) * scale;
    target.scale *= scale;
    b_.hideUntil(e, t0);
    b_.moveTo(e, {t0, t0 + 1}, target);
  }
  const glm::vec3 a0(last.x, kLayerHeight / 2 + 0.2f, layer.z),
      a1(vx, vy - 0.5f * kLayerHeight * scale - 0.1f, layer.z);
  StrokeGeometry arrow;
  arrow.points = {a0, a1 - glm::normalize(a1 - a0) * 0.2f};
  arrow.width = 4.0f;
  const int arrow_e = b_.addStroke("wu/vector_arrow", arrow, Pose{}, hex(palette::kYellow));
  b_.hideUntil(arrow_e, t0);
  b_.reveal(arrow_e, {t0, t0 + 1}, RevealStyle::Prefix);
  const int tip = b_.addFill("wu/vector_arrow_tip", shapes::arrowTip(a1, a1 - a0, 0.25f, 0.25f),
                             Pose{}, hex(palette::kYellow));
  b_.hideUntil(tip, t0 + 0.9);
  play(1.0, "the vector beside the matrix");

  t0 = b_.now();
  const float eq_x = vx + kColumnWidth * scale / 2 + 0.45f;
  const int eq = addText("wu/equals", "=", 72, {eq_x, vy, layer.z}, Rgb(1.0f));
  b_.hideUntil(eq, t0);
  b_.fadeIn(eq, {t0, t0 + 0.5});
  const float rhs_x = eq_x + 0.8f;
  const auto rhs_w = laggedWindows(rows, 1.0, 0.1, 2.0);
  for (int r = 0; r < rows; ++r) {
    const float ry = m_bottom + m_height - (r + 0.5f) * pitch_y;
    int e;
    if (r == dots_row) {
      e = b_.addFill("wu/rhs_dots", shapes::dots(3, 0.025f, 0.09f, {0, 1, 0}),
                     at({rhs_x, ry, layer.z}), Rgb(1.0f));
    } else {
      TextGeometry g;
      g.is_number = true;
      g.decimals = 1;
      g.em_size = 0.2f;
      const float v = randomEntry(-9.9, 9.9);
      e = b_.addText("wu/rhs" + std::to_string(r), g, at({rhs_x, ry, layer.z}), valueToColor(v));
      b_.element(e).value.setInitial(v);
    }
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0 + rhs_w[r].start, t0 + rhs_w[r].end}, glm::vec3(-0.3f, 0, 0));
  }
  const int rb_l = b_.addStroke("wu/rhs_lbracket", shapes::bracket(m_height, 0.12f, true, 3.0f),
                                at({rhs_x - 0.4f, vy, layer.z}), Rgb(1.0f));
  const int rb_r = b_.addStroke("wu/rhs_rbracket", shapes::bracket(m_height, 0.12f, false, 3.0f),
                                at({rhs_x + 0.4f, vy, layer.z}), Rgb(1.0f));
  for (int e : {rb_l, rb_r}) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1});
  }
  play(2.0, "matrix times vector");

  // One value per token of the vocabulary.
  t0 = b_.now();
  static const char* kWords[] = {"aah",     "aardvark",   "aardwolf", "aargh",   "ab",
                                 "aback",   "abacterial", "abacus",   "...",     "zygote",
                                 "zygotic", "zyme",       "zymogen",  "zymosis", "zzz"};
  const auto word_w = laggedWindows(rows, 1.0, 0.05, 1.0);
  float words_right = rhs_x + 0.75f;
  for (int r = 0; r < rows; ++r) {
    const float ry = m_bottom + m_height - (r + 0.5f) * pitch_y;
    int e;
    if (std::string(kWords[r]) == "...") {
      e = b_.addFill("wu/word_dots", shapes::dots(3, 0.025f, 0.09f, {0, 1, 0}),
                     at({rhs_x + 0.9f, ry, layer.z}), Rgb(1.0f));
    } else {
      TextGeometry g;
      g.utf8 = kWords[r];
      g.em_size = 0.3f;
      g.align = 0;
      e = b_.addText(std::string("wu/word_") + kWords[r], g, at({rhs_x + 0.65f, ry, layer.z}),
                     Rgb(1.0f));
      words_right =
          std::max(words_right, rhs_x + 0.65f + text::layoutText(atlas_, kWords[r]).width * 0.3f);
    }
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0 + word_w[r].start, t0 + word_w[r].end}, glm::vec3(0.5f, 0, 0));
  }
  const int brace = b_.addStroke("wu/brace", shapes::brace(m_height, 0.3f, false, 3.0f),
                                 at({words_right + 0.2f, vy, layer.z}), Rgb(1.0f));
  const int brace_label =
      addText("wu/brace_label", "~50k values", 60, {words_right + 1.9f, vy, layer.z}, Rgb(1.0f));
  for (int e : {brace, brace_label}) {
    b_.hideUntil(e, t0);
    b_.fadeIn(e, {t0, t0 + 1});
  }
  play(1.0, "one value per token");
  b_.wait(1.0, section_ + ": hold", section_);

  // Softmax turns the values into the probabilities.
  t0 = b_.now();
  b_.fadeOut(brace, {t0, t0 + 1});
  b_.fadeOut(brace_label, {t0, t0 + 1});
  const float rect_l = rhs_x - 0.6f, rect_r = words_right + 0.25f;
  const glm::vec3 rect_c(0.5f * (rect_l + rect_r), vy, layer.z);
  const int big_fill =
      b_.addFill("wu/softmax_fill", shapes::rectangleFill(rect_r - rect_l, m_height + 0.5f),
                 at(rect_c), hex(palette::kTeal), 0.1f);
  const int big = b_.addStroke("wu/softmax_rect",
                               shapes::rectangleOutline(rect_r - rect_l, m_height + 0.5f, 3.0f),
                               at(rect_c), hex(palette::kTeal));
  b_.hideUntil(big_fill, t0);
  b_.hideUntil(big, t0);
  b_.reveal(big, {t0 + 0.3, t0 + 1.3}, RevealStyle::Prefix);
  b_.fadeIn(big_fill, {t0 + 0.8, t0 + 1.3});
  const glm::vec3 s0(rect_r + 0.1f, vy, layer.z), s1 = s0 + glm::vec3(2.2f, 0, 0);
  const int soft_arrow =
      b_.addFill("wu/softmax_arrow", shapes::arrowFill(s0, s1, 0.08f, 0.3f, 0.3f, 0.5f * (s0 + s1)),
                 at(0.5f * (s0 + s1)), Rgb(1.0f));
  b_.hideUntil(soft_arrow, t0 + 0.6);
  b_.reveal(soft_arrow, {t0 + 0.6, t0 + 1.6}, RevealStyle::Grow);
  const int soft_label = addText("wu/softmax_label", "softmax", 48,
                                 0.5f * (s0 + s1) + glm::vec3(0, 0.5f, 0), Rgb(1.0f));
  b_.hideUntil(soft_label, t0 + 0.9);
  b_.reveal(soft_label, {t0 + 0.9, t0 + 1.9}, RevealStyle::Parts, Rate::Smooth, 0.1f);
  // The probability list grows back at the top right.
  // set_height(4).to_edge(UP, 0.25).to_edge(RIGHT, 0.1): undo the 0.5 shrink, then scale about
  // the list's original top-right corner to its new place.
  const glm::vec3 list_top_right(7.11f - 0.1f, -4.0f + 1.0f + 5.0f, 0),
      new_top_right(7.11f - 0.1f, 4.0f - 0.25f, 0);
  for (int e : prob_elements_) {
    Pose target = b_.poseNow(e);
    const glm::vec3 original = corner + (target.position - corner) * 2.0f;
    target.position = new_top_right + 0.8f * (original - list_top_right);
    target.scale *= 2.0f * 0.8f;
    b_.moveTo(e, {t0 + 1, t0 + 2}, target);
  }
  play(2.0, "softmax");
  b_.wait(1.0, section_ + ": hold", section_);
}

}  // namespace flowview::scenes
