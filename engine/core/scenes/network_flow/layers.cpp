// Embedding arrays (layers of column vectors) and the blocks that wrap them.
#include <algorithm>

#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"
#include "core/text/text_layout.h"

namespace flowview::scenes {

using namespace look;

namespace {

// Three dots with the embedding array's black backstroke (the seed's set_backstroke(BLACK, 3)
// covers the dots too): on a grey block face they read as white dots ringed in black.
FillGeometry outlinedDots(float radius, float gap, glm::vec3 direction) {
  FillGeometry g = shapes::dots(3, radius, gap, direction);
  g.backstroke_width = shapes::kBracketBackstroke;
  return g;
}

}  // namespace

NetworkFlow::Layer NetworkFlow::makeLayer(float z, const std::string& prefix) {
  Layer layer;
  layer.z = z;
  const int words = static_cast<int>(config_.tokens.size()) - 1;
  const int dots_index = std::max(0, words - layer::kDotsFromEnd);
  for (int i = 0; i < words; ++i) {
    const float x = (i - 0.5f * (words - 1)) * layer::kColumnPitch;
    if (i == dots_index) {
      layer.gap_dots =
          b_.addFill(prefix + "/gap_dots",
                     outlinedDots(layer::kGapDotRadius, layer::kGapDotSpacing, {1, 0, 0}),
                     at({x, 0, z}), colour::kWhite);
      continue;
    }
    layer.columns.push_back(makeColumn(x, z, i, prefix + "/col" + std::to_string(i)));
  }
  layer_half_width_ =
      0.5f * (words - 1) * layer::kColumnPitch + layer::kColumnWidth / 2 + layer::kBracketMargin;
  layer_half_height_ = layer::kBracketHeightScale * layer::kHeight / 2;
  layer.left = b_.addStroke(
      prefix + "/lbracket",
      shapes::bracket(2 * layer_half_height_, layer::kBracketSerif, true, layer::kBracketStroke),
      at({-layer_half_width_, 0, z}), hex(colour::kLayerBracket));
  layer.right = b_.addStroke(
      prefix + "/rbracket",
      shapes::bracket(2 * layer_half_height_, layer::kBracketSerif, false, layer::kBracketStroke),
      at({layer_half_width_, 0, z}), hex(colour::kLayerBracket));
  return layer;
}

float NetworkFlow::entryY(int row) const {
  const int length = config_.embedding_length;
  const float entry_pitch = (layer::kHeight - 2 * layer::kEntryMargin) / std::max(1, length - 1);
  return layer::kHeight / 2 - layer::kEntryMargin - row * entry_pitch;
}

NetworkFlow::Column NetworkFlow::makeColumn(float x, float z, int token, const std::string& id) {
  Column col;
  col.x = x;
  col.token = token;
  const int length = config_.embedding_length;
  for (int r = 0; r < length; ++r) {
    const float y = entryY(r);
    if (r == length - 2) {  // the vertical dots standing for the hidden entries
      col.dots = b_.addFill(
          id + "/vdots", outlinedDots(layer::kEntryDotRadius, layer::kEntryDotSpacing, {0, 1, 0}),
          at({x, y, z}), colour::kWhite);
      col.values.push_back(0);
      continue;
    }
    const float value = entryValue(token, static_cast<int>(col.entries.size()));
    TextGeometry g;
    g.is_number = true;
    g.decimals = 1;
    g.color_by_value = true;
    g.value_max = static_cast<float>(layer::kValueMax);
    g.em_size = layer::kEntryEm;
    g.outline_px = layer::kEntryOutline;
    const int e = b_.addText(id + "/entry" + std::to_string(r), g, at({x, y, z}), colour::kWhite);
    b_.element(e).value.setInitial(value);
    col.entries.push_back(e);
    col.values.push_back(value);
  }
  col.left = b_.addStroke(id + "/lbracket",
                          shapes::bracket(layer::kHeight, layer::kColumnBracketSerif, true,
                                          layer::kColumnBracketStroke),
                          at({x - layer::kColumnWidth / 2, 0, z}), colour::kWhite);
  col.right = b_.addStroke(id + "/rbracket",
                           shapes::bracket(layer::kHeight, layer::kColumnBracketSerif, false,
                                           layer::kColumnBracketStroke),
                           at({x + layer::kColumnWidth / 2, 0, z}), colour::kWhite);
  return col;
}

NetworkFlow::Layer NetworkFlow::copyLayer(const Layer& from, const std::string& prefix,
                                          bool fresh_values) {
  Layer layer = from;
  layer.gap_dots = copyElement(from.gap_dots, prefix + "/gap_dots");
  layer.left = copyElement(from.left, prefix + "/lbracket");
  layer.right = copyElement(from.right, prefix + "/rbracket");
  for (size_t c = 0; c < layer.columns.size(); ++c) {
    Column& col = layer.columns[c];
    const std::string cid = prefix + "/col" + std::to_string(c);
    col.dots = copyElement(from.columns[c].dots, cid + "/vdots");
    col.left = copyElement(from.columns[c].left, cid + "/lbracket");
    col.right = copyElement(from.columns[c].right, cid + "/rbracket");
    for (size_t r = 0; r < col.entries.size(); ++r) {
      col.entries[r] = copyElement(from.columns[c].entries[r], cid + "/entry" + std::to_string(r));
      if (fresh_values) {
        const float value = entryValue(col.token, static_cast<int>(r));
        b_.element(col.entries[r]).value.setInitial(value);
      }
    }
  }
  return layer;
}

int NetworkFlow::copyElement(int e, const std::string& id) {
  if (e < 0) return e;
  Element src = b_.element(e);
  const Scene& scene = b_.scene();
  int out = -1;
  const Pose pose = src.pose.finalValue();
  const Rgb color = src.color.finalValue();
  const float opacity = src.opacity.finalValue();
  switch (src.kind) {
    case ElementKind::Text:
      out = b_.addText(id, scene.texts[src.geometry], pose, color, opacity);
      break;
    case ElementKind::Stroke:
      out = b_.addStroke(id, scene.strokes[src.geometry], pose, color, opacity);
      break;
    case ElementKind::Fill:
      out = b_.addFill(id, scene.fills[src.geometry], pose, color, opacity);
      break;
    default:
      break;
  }
  if (out >= 0) b_.element(out).value.setInitial(src.value.finalValue());
  return out;
}

std::vector<int> NetworkFlow::columnElements(const Column& col) {
  std::vector<int> out = col.entries;
  out.insert(out.end(), {col.dots, col.left, col.right});
  return out;
}

std::vector<int> NetworkFlow::layerElements(const Layer& layer) const {
  std::vector<int> out;
  for (const Column& col : layer.columns) {
    const std::vector<int> column = columnElements(col);
    out.insert(out.end(), column.begin(), column.end());
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

glm::vec3 NetworkFlow::blockSize(float depth) const {
  return {2 * layer_half_width_ + block::kBuff, 2 * layer_half_height_ + block::kBuff, depth};
}

NetworkFlow::Block NetworkFlow::makeBlock(const Layer& layer, float depth, const std::string& title,
                                          float title_size, const std::string& id) {
  Block block;
  block.depth = depth;
  block.z = layer.z + block::kGap + depth / 2;
  const glm::vec3 size = blockSize(depth);
  BoxGeometry body;
  body.size = size;
  body.face_mask = block::kBodyFaces;
  block.body =
      b_.addBox(id + "/body", body, at({0, 0, block.z}), hex(colour::kBlock), block::kOpacity);
  BoxGeometry front = body;
  front.face_mask = block::kFrontFace;
  block.front =
      b_.addBox(id + "/front", front, at({0, 0, block.z}), hex(colour::kBlock), block::kOpacity);
  TextGeometry g;
  g.utf8 = title;
  g.em_size = textEm(title_size);
  g.outline_px = block::kTitleOutline;
  // next_to(body, UP, buff=0.1): the title's ink sits kTitleGap above the block.
  const float title_height = text::layoutText(atlas_, title).height * g.em_size;
  block.title = b_.addText(id + "/title", g,
                           at({0, size.y / 2 + block::kTitleGap + title_height / 2, block.z}),
                           colour::kWhite, config_.hide_block_labels ? 0.0f : 1.0f);
  return block;
}

}  // namespace flowview::scenes
