// Reading "objects" entries (docs/scene-format.md, "General layer: objects").
#include <algorithm>
#include <map>

#include "core/description/kinds.h"
#include "core/description/limits.h"
#include "core/description/read_context.h"
#include "core/math/color.h"

namespace flowview::description {

using io::ObjectReader;

std::string quoteForMessage(const std::string& text) {
  return "\"" + io::clipForMessage(text) + "\"";
}

Vec3 readVec3(ObjectReader& reader, std::string_view key, Vec3 fallback) {
  return reader.optional<std::array<double, 3>>(key, fallback);
}

std::optional<std::string> readColorName(ObjectReader& reader, std::string_view key) {
  auto text = reader.optional<std::string>(key);
  if (!text) return std::nullopt;
  if (!parseColor(*text))
    reader.fail(key, "unknown color " + quoteForMessage(*text) +
                         " (use #RRGGBB or a manim name like BLUE_E)");
  return text;
}

void ReadContext::addPrimitives(ObjectReader& reader, std::string_view key, std::uint64_t count) {
  primitives += count;
  if (primitives > kMaxPrimitives) {
    reader.fail(key, "the scene has more than " + std::to_string(kMaxPrimitives) +
                         " points, values, characters and shapes (the limit)");
  }
}

namespace {

void checkAlign(ObjectReader& reader, const std::string& align) {
  if (align != "left" && align != "center" && align != "right")
    reader.fail("align", "expected \"left\", \"center\" or \"right\"");
}

std::vector<Vec3> readPoints(io::ArrayReader list) {
  std::vector<Vec3> points;
  points.reserve(list.size());
  for (const auto& p : list) points.push_back(p.as<std::array<double, 3>>());
  return points;
}

void readLineOrArrow(ObjectReader& reader, ObjectDescription& object, ReadContext& context,
                     bool arrow) {
  LineObject line;
  line.arrow = arrow;
  if (reader.has("points")) {
    if (reader.has("from") || reader.has("to"))
      reader.fail("points", "use either \"points\" or \"from\" and \"to\", not both");
    if (reader.has("path_arc_deg"))
      reader.fail("path_arc_deg", "only applies to \"from\" / \"to\" lines, not to \"points\"");
    auto list = reader.array("points");
    if (list.size() < 2) reader.fail("points", "a line needs at least 2 points");
    if (list.size() > kMaxLinePoints)
      reader.fail("points", "more than " + std::to_string(kMaxLinePoints) + " points");
    line.points = readPoints(list);
    line.corner_radius = reader.optionalInRange<double>("corner_radius", 0.0, 0.0, 1e4);
    context.addPrimitives(reader, "points", line.points->size());
  } else {
    line.from = reader.required<std::array<double, 3>>("from");
    line.to = reader.required<std::array<double, 3>>("to");
    line.path_arc_deg = reader.optionalInRange<double>("path_arc_deg", 0.0, -359.0, 359.0);
    context.addPrimitives(reader, "to", 2);
  }
  line.stroke_width = reader.optionalInRange<double>("stroke_width", arrow ? 4.0 : 2.0, 0.0, 100.0);
  if (arrow) {
    line.tip_length = reader.optionalInRange<double>("tip_length", 0.25, 0.0, 100.0);
    if (reader.has("tip_width"))
      line.tip_width = reader.requiredInRange<double>("tip_width", 0.0, 100.0);
  }
  object.shape = std::move(line);
}

}  // namespace

void readTextObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  TextObject text;
  text.text = reader.required<std::string>("text");
  if (text.text.size() > kMaxTextBytes) {
    reader.fail("text", "longer than " + std::to_string(kMaxTextBytes) +
                            " bytes (the limit for one text; split it into several)");
  }
  context.addPrimitives(reader, "text", text.text.size());
  text.font_size = reader.optionalInRange<double>("font_size", 48.0, 1.0, 2000.0);
  text.outline = reader.optionalInRange<double>("outline", 0.0, 0.0, 50.0);
  text.align = reader.optional<std::string>("align", "center");
  checkAlign(reader, text.align);
  object.shape = std::move(text);
}

void readFormulaObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  FormulaObject formula;
  formula.text = reader.required<std::string>("text");
  if (formula.text.empty()) reader.fail("text", "must not be empty");
  if (formula.text.size() > 4000) reader.fail("text", "a formula is limited to 4000 characters");
  context.addPrimitives(reader, "text", formula.text.size());
  formula.font_size = reader.optionalInRange<double>("font_size", 48.0, 1.0, 2000.0);
  formula.outline = reader.optionalInRange<double>("outline", 0.0, 0.0, 50.0);
  if (reader.has("stroke_width"))
    formula.stroke_width = reader.requiredInRange<double>("stroke_width", 0.0, 100.0);
  formula.align = reader.optional<std::string>("align", "center");
  checkAlign(reader, formula.align);
  // Syntax errors and "draws nothing" do not depend on the font: check with uniform metrics.
  try {
    const text::FormulaBox box = text::layoutFormula(context.metrics, formula.text);
    if (text::formulaInk(context.metrics, box).empty())
      reader.fail("text", "the formula draws nothing");
  } catch (const text::FormulaError& e) {
    reader.fail("text", e.message);
  }
  object.shape = std::move(formula);
}

void readRectangleObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  RectangleObject rectangle;
  rectangle.width = reader.requiredInRange<double>("width", 0.0, 1e4);
  rectangle.height = reader.requiredInRange<double>("height", 0.0, 1e4);
  rectangle.corner_radius = reader.optionalInRange<double>("corner_radius", 0.0, 0.0, 1e4);
  // Compared as the composer uses them (float).
  const float w = static_cast<float>(rectangle.width), h = static_cast<float>(rectangle.height);
  if (static_cast<float>(rectangle.corner_radius) > 0.5f * std::min(w, h)) {
    reader.fail("corner_radius", "must be at most half the smaller side (" +
                                     io::formatNumber(0.5 * std::min(w, h)) + ")");
  }
  rectangle.fill_opacity = reader.optionalInRange<double>("fill_opacity", 0.0, 0.0, 1.0);
  rectangle.stroke_width = reader.optionalInRange<double>("stroke_width", 2.0, 0.0, 100.0);
  rectangle.fill_color = readColorName(reader, "fill_color");
  context.addPrimitives(reader, "width", 1);
  object.shape = std::move(rectangle);
}

void readCircleObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  CircleObject circle;
  circle.radius = reader.requiredInRange<double>("radius", 0.001, 1e4);
  circle.fill_opacity = reader.optionalInRange<double>("fill_opacity", 0.0, 0.0, 1.0);
  circle.stroke_width = reader.optionalInRange<double>("stroke_width", 2.0, 0.0, 100.0);
  circle.fill_color = readColorName(reader, "fill_color");
  context.addPrimitives(reader, "radius", 1);
  object.shape = std::move(circle);
}

void readBoxObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  BoxObject box;
  box.size = reader.required<std::array<double, 3>>("size");
  for (double side : box.size) {
    const float s = static_cast<float>(side);
    if (!(s >= 0.0f && s <= 1e4f)) reader.fail("size", "every side must be between 0 and 10000");
  }
  box.shading = reader.optionalInRange<double>("shading", 0.5, 0.0, 1.0);
  context.addPrimitives(reader, "size", 1);
  object.shape = std::move(box);
}

void readLineObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  readLineOrArrow(reader, object, context, false);
}

void readArrowObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  readLineOrArrow(reader, object, context, true);
}

void readBraceObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  BraceObject brace;
  brace.length = reader.requiredInRange<double>("length", 0.01, 1e4);
  brace.depth = reader.optionalInRange<double>("depth", 0.25, 0.01, 100.0);
  brace.stroke_width = reader.optionalInRange<double>("stroke_width", 3.0, 0.0, 100.0);
  brace.direction = reader.optional<std::string>("direction", "down");
  static const char* const kDirections[] = {"left", "down", "right", "up"};
  if (std::none_of(std::begin(kDirections), std::end(kDirections),
                   [&](const char* d) { return brace.direction == d; }))
    reader.fail("direction", "expected \"left\", \"right\", \"up\" or \"down\"");
  context.addPrimitives(reader, "length", 1);
  object.shape = std::move(brace);
}

void readSpheresObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  SpheresObject spheres;
  spheres.radius = reader.optionalInRange<double>("radius", 0.1, 0.0, 1e3);
  auto points = reader.array("points");
  context.addPrimitives(reader, "points", points.size());
  spheres.points = readPoints(points);
  object.shape = std::move(spheres);
}

void readBarsObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  BarsObject bars;
  bars.values = reader.required<std::vector<double>>("values");
  if (bars.values.empty()) reader.fail("values", "needs at least one value");
  context.addPrimitives(reader, "values", bars.values.size());
  bars.pitch = reader.optionalInRange<double>("pitch", 0.5, 0.01, 100.0);
  bars.length_scale = reader.optionalInRange<double>("length_scale", 4.0, 0.0, 1e4);
  for (double value : bars.values) {
    if (value < 0 || value > 1)
      reader.fail("values", "every value must be between 0 and 1, got " + io::formatNumber(value));
  }
  object.shape = std::move(bars);
}

void readGroupObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  GroupObject group;
  auto members = reader.array("members");
  if (members.empty()) reader.fail("members", "a group needs at least one member");
  std::uint64_t expanded = 0;
  for (const auto& m : members) {
    const std::string member = m.as<std::string>();
    const auto it = context.objects.find(member);
    if (it == context.objects.end())
      m.fail("no object with id " + quoteForMessage(member) +
             " (members must be defined before the group)");
    // Counted while reading, so groups of groups cannot expand exponentially.
    expanded += it->second;
    if (context.group_members + expanded > kMaxGroupMembers) {
      m.fail("the groups expand to more than " + std::to_string(kMaxGroupMembers) +
             " members in all (the limit)");
    }
    group.members.push_back(member);
  }
  context.group_members += expanded;
  context.objects[object.id] = expanded;
  object.shape = std::move(group);
}

void readObject(ObjectReader reader, ReadContext& context, ObjectDescription& object) {
  object.id = reader.required<std::string>("id");
  if (object.id.empty()) reader.fail("id", "must not be empty");
  if (context.objects.count(object.id))
    reader.fail("id", "duplicate object id " + quoteForMessage(object.id));
  const std::string type = reader.required<std::string>("type");
  if (reader.has("notes") && reader.json()["notes"].is_string())
    object.notes = reader.json()["notes"].get<std::string>();
  reader.ignore("notes");
  const ObjectKind* kind = findObjectKind(type);
  if (type != "group") {
    object.position = readVec3(reader, "position", {0, 0, 0});
    if (auto color = readColorName(reader, "color")) object.color = *color;
    object.opacity = reader.optionalInRange<double>("opacity", 1.0, 0.0, 1.0);
    object.fixed_in_frame = reader.optional<bool>("fixed_in_frame", false);
    object.rotation_deg = reader.optional<std::array<double, 3>>("rotation_deg");
  }
  if (!kind)
    reader.fail("type",
                "unknown object type " + quoteForMessage(type) + " (" + objectKindNames() + ")");
  kind->read(reader, object, context);
  reader.finish();
  context.objects.emplace(object.id, 1);  // a group has entered its expanded size already
}

}  // namespace flowview::description
