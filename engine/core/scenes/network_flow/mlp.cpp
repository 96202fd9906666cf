// An MLP block: one little network per vector (neurons and connections), written all at once or
// one by one from the side, and the next layer coming out behind the block.
#include <algorithm>

#include "core/scenes/network_flow.h"
#include "core/scenes/network_flow/look.h"

namespace flowview::scenes {

using namespace look;

void NetworkFlow::mlp(const MlpParams& p) {
  ++mlp_count_;
  const std::string id = "mlp" + std::to_string(mlp_count_);
  beginBeat("mlp " + std::to_string(mlp_count_), p.parts);
  const Layer& layer = layers_.back();
  const Block block = makeBlock(layer, p.depth, "Multilayer\nPerceptron", font::kMlpTitle, id);
  Layer next = copyLayer(layer, id + "/layer", true);
  const float next_z = block.z + p.depth / 2 + block::kGap;
  for (int e : layerElements(next)) {
    Pose pose = b_.poseNow(e);
    pose.position.z = next_z;
    b_.element(e).pose.setInitial(pose);
  }
  next.z = next_z;
  const Networks networks = makeNetworks(layer, block, p, id);
  const double t0 = b_.now();
  hideAllUntil({block.body, block.front, block.title}, t0);
  hideAllUntil(layerElements(next), t0);
  hideAllUntil(networks.clusters, t0);
  hideAllUntil(networks.bundles, t0);
  b_.element(block.body).opacity.setInitial(0.0f);
  b_.element(block.front).opacity.setInitial(0.0f);
  addPart("title", id + "/title", "text", {block.title});
  addPart("networks", id + "/networks", "networks", networks.all);
  addLayerParts("layer", next, layers_.size());
  if (p.one_by_one)
    writeNetworksOneByOne(p, layer, next, block, networks);
  else
    writeNetworksAtOnce(p, layer, next, block, networks);
  blocks_.push_back(block);
  layers_.push_back(std::move(next));
}

NetworkFlow::Networks NetworkFlow::makeNetworks(const Layer& layer, const Block& block,
                                                const MlpParams& p, const std::string& id) {
  // Neurons and connections per column: input and output neurons level with the entries, the
  // hidden ones spread over the block's height.
  const float y_min = -(layer_half_height_ + block::kBuff / 2) + mlp::kHiddenInset,
              y_max = layer_half_height_ + block::kBuff / 2 - mlp::kHiddenInset;
  Networks networks;
  for (const Column& col : layer.columns) {
    std::vector<glm::vec3> l1, l2, l3;
    for (int r = 0; r < config_.embedding_length; ++r) {
      const float y = entryY(r);
      l1.push_back({col.x, y, block.z - mlp::kOuterLayers * p.depth});
      l3.push_back({col.x, y, block.z + mlp::kOuterLayers * p.depth});
    }
    for (int k = 0; k < p.neurons; ++k) {
      const float y = p.neurons == 1 ? 0.0f : y_min + (y_max - y_min) * k / (p.neurons - 1);
      l2.push_back({col.x, y, block.z});
    }
    SphereGeometry spheres;
    for (const auto* list : {&l1, &l2, &l3}) {
      for (const glm::vec3& q : *list) {
        spheres.centers.push_back(glm::vec4(q, mlp::kNeuronRadius));
        spheres.opacities.push_back(
            static_cast<float>(random_.uniform(mlp::kNeuronOpacityLo, 1.0)));
      }
    }
    LineGeometry lines;
    lines.width = mlp::kConnectionWidth;
    for (const auto& [from, to] : {std::pair{&l1, &l2}, std::pair{&l2, &l3}}) {
      for (const glm::vec3& a : *from) {
        for (const glm::vec3& bpt : *to) {
          if (random_.uniform() >= mlp::kConnectionChance) continue;
          const glm::vec3 d = glm::normalize(bpt - a);
          const float opacity = static_cast<float>(random_.uniform());
          const Rgb color = valueToColor(static_cast<float>(
              random_.uniform(-mlp::kConnectionValueMax, mlp::kConnectionValueMax)));
          lines.lines.push_back(
              {a + d * mlp::kConnectionInset, bpt - d * mlp::kConnectionInset, color, opacity});
        }
      }
    }
    const int c = static_cast<int>(networks.clusters.size());
    const int cluster =
        b_.addSpheres(id + "/neurons" + std::to_string(c), spheres, Pose{}, hex(colour::kNeuron));
    const int bundle = b_.addLines(id + "/connections" + std::to_string(c), lines, Pose{});
    networks.clusters.push_back(cluster);
    networks.bundles.push_back(bundle);
    networks.all.insert(networks.all.end(), {cluster, bundle});
    mlp_elements_.insert(mlp_elements_.end(), {cluster, bundle});
    addPart("", id + "/network" + std::to_string(col.token + 1), "network", {cluster, bundle});
  }
  return networks;
}

void NetworkFlow::writeConnections(int bundle, TimeWindow w) {
  const int count = static_cast<int>(b_.scene().lines[b_.element(bundle).geometry].lines.size());
  b_.reveal(bundle, w, RevealStyle::Parts, Rate::Smooth,
            std::min(mlp::kLagParts / std::max(1, count), mlp::kMaxLag));
}

void NetworkFlow::growColumn(const Column& column, TimeWindow w, float dz) {
  for (int e : column.entries) b_.fadeIn(e, w, glm::vec3(0, 0, dz));
  for (int e : {column.dots, column.left, column.right}) b_.fadeIn(e, w, glm::vec3(0, 0, dz));
}

void NetworkFlow::writeNetworksOneByOne(const MlpParams& p, const Layer& layer, const Layer& next,
                                        const Block& block, const Networks& networks) {
  const int n = static_cast<int>(layer.columns.size());
  const float dz = next.z - layer.z;
  double t0 = b_.now();
  const int index = std::min(mlp::kFirstNetwork, n - 1);
  // The title turns side-on for the side view.
  Pose title_pose = b_.poseNow(block.title);
  title_pose.rotation = glm::angleAxis(-kPi / 2, glm::vec3(0, 1, 0));
  b_.element(block.title).pose.setInitial(title_pose);
  if (!config_.hide_block_labels) b_.fadeIn(block.title, {t0, t0 + 1});
  moveCameraTo({t0, t0 + 3}, p.sideview, std::nullopt, std::nullopt);
  writeConnections(networks.bundles[index], {t0, t0 + 3});
  b_.fadeIn(networks.clusters[index], {t0, t0 + 3});
  growColumn(next.columns[index], {t0, t0 + 3}, dz);
  play(3.0, "first network, side view", p.notes);

  t0 = b_.now();
  const auto lw = laggedWindows(n - 1, 1.0, 0.5, 9.0);
  int k = 0;
  for (int c = 0; c < n; ++c) {
    if (c == index) continue;
    const TimeWindow w{t0 + lw[k].start, t0 + lw[k].end};
    writeConnections(networks.bundles[c], w);
    b_.fadeIn(networks.clusters[c], w);
    growColumn(next.columns[c], w, dz);
    ++k;
  }
  moveCameraTo({t0, t0 + 9}, camera::kMlpTopView.euler, camera::kMlpTopView.center,
               camera::kMlpTopView.height);
  Pose front_pose = b_.poseNow(block.title);
  front_pose.rotation = glm::quat(1, 0, 0, 0);
  b_.moveTo(block.title, {t0, t0 + 9}, front_pose);
  play(9.0, "the other networks, one by one");

  t0 = b_.now();
  b_.fadeTo(block.body, {t0, t0 + 2}, block::kOpacity);
  b_.fadeTo(block.front, {t0, t0 + 2}, block::kOpacity);
  for (int e : {next.gap_dots, next.left, next.right}) b_.fadeIn(e, {t0, t0 + 2});
  Camera target = b_.cameraNow();
  if (p.final_orientation) target.orientation = quatFromEulerDegrees(*p.final_orientation);
  target.center.z = next.z;
  b_.moveCamera({t0, t0 + 2}, target);
  addPart("block", "mlp" + std::to_string(mlp_count_) + "/block", "block",
          {block.body, block.front});
  play(2.0, "block body and new layer");
}

void NetworkFlow::writeNetworksAtOnce(const MlpParams& p, const Layer& layer, const Layer& next,
                                      const Block& block, const Networks& networks) {
  const int n = static_cast<int>(layer.columns.size());
  double t0 = b_.now();
  if (!config_.hide_block_labels) b_.fadeIn(block.title, {t0, t0 + 1});
  moveCameraTo({t0, t0 + 3}, p.sideview, std::nullopt, std::nullopt);
  for (int c = 0; c < n; ++c) b_.fadeIn(networks.clusters[c], {t0, t0 + 1});
  // Write(connections) over every line of the block at once.
  const auto lw = laggedWindows(n, 1.0, 0.02, 3.0);
  for (int c = 0; c < n; ++c)
    writeConnections(networks.bundles[c], {t0 + lw[c].start, t0 + lw[c].end});
  for (int e : layerElements(next)) {
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
  target.center.z = next.z;
  b_.moveCamera({t0, t0 + 2}, target);
  b_.fadeTo(block.body, {t0, t0 + 2}, block::kOpacity);
  b_.fadeTo(block.front, {t0, t0 + 2}, block::kOpacity);
  addPart("block", "mlp" + std::to_string(mlp_count_) + "/block", "block",
          {block.body, block.front});
  play(2.0, "block body fades in");
}

void NetworkFlow::removeMlps(double at_time) {
  for (int e : mlp_elements_) b_.remove(e, at_time);
  mlp_elements_.clear();
}

}  // namespace flowview::scenes
