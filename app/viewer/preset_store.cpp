#include "viewer/preset_store.h"

#include <nlohmann/json.hpp>

#include "viewer/camera_json.h"
#include "viewer/config_files.h"

namespace flowview::viewer {

PresetStore::PresetStore(const std::vector<CameraPreset>& scene_presets, std::filesystem::path file)
    : file_(std::move(file)) {
  setScenePresets(scene_presets);
}

std::filesystem::path PresetStore::fileForScene(const std::string& scene_path) {
  std::string stem = std::filesystem::path(scene_path).stem().string();
  if (stem.empty()) stem = "scene";
  return configDirectory() / "presets" / (stem + ".json");
}

void PresetStore::setScenePresets(const std::vector<CameraPreset>& scene_presets) {
  std::vector<PresetEntry> next;
  for (const CameraPreset& preset : scene_presets)
    next.push_back({preset.name, preset.camera, false});
  for (const PresetEntry& entry : entries_) {
    if (entry.user) next.push_back(entry);
  }
  entries_ = std::move(next);
}

const PresetEntry* PresetStore::at(int index) const {
  if (index < 0 || index >= size()) return nullptr;
  return &entries_[index];
}

int PresetStore::find(const std::string& name) const {
  for (int i = 0; i < size(); ++i) {
    if (entries_[i].name == name) return i;
  }
  return -1;
}

bool PresetStore::load() {
  error_.clear();
  std::erase_if(entries_, [](const PresetEntry& e) { return e.user; });
  if (file_.empty()) return true;
  std::error_code ec;
  if (!std::filesystem::exists(file_, ec)) return true;
  std::string text;
  if (!readFile(file_, text)) {
    error_ = file_.string() + ": cannot be read; user presets ignored";
    return false;
  }
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  auto broken = [&](const std::string& why) {
    error_ = file_.string() + ": " + why + "; user presets ignored";
    return false;
  };
  if (doc.is_discarded()) return broken("not valid JSON");
  if (!doc.is_object() || !doc.contains("presets") || !doc["presets"].is_array()) {
    return broken("expected {\"presets\": [...]}");
  }
  std::vector<PresetEntry> loaded;
  for (size_t i = 0; i < doc["presets"].size(); ++i) {
    const nlohmann::json& item = doc["presets"][i];
    const std::string where = "/presets/" + std::to_string(i);
    if (!item.is_object() || !item.contains("name") || !item["name"].is_string() ||
        item["name"].get<std::string>().empty()) {
      return broken(where + ": needs a non-empty \"name\"");
    }
    std::string why;
    auto camera = cameraFromJsonValue(item, &why);
    if (!camera) return broken(where + ": " + why);
    loaded.push_back({item["name"].get<std::string>(), *camera, true});
  }
  for (PresetEntry& entry : loaded) entries_.push_back(std::move(entry));
  return true;
}

bool PresetStore::persist() {
  if (file_.empty()) return true;
  nlohmann::json presets = nlohmann::json::array();
  for (const PresetEntry& entry : entries_) {
    if (!entry.user) continue;
    nlohmann::json item = cameraJsonValue(entry.camera);
    item["name"] = entry.name;
    presets.push_back(std::move(item));
  }
  const nlohmann::json doc = {{"version", 1}, {"presets", presets}};
  try {
    writeFileAtomically(file_, doc.dump(2) + "\n");
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
  return true;
}

bool PresetStore::save(const std::string& name, const Camera& camera) {
  error_.clear();
  if (name.empty()) {
    error_ = "a preset needs a name";
    return false;
  }
  bool replaced = false;
  for (PresetEntry& entry : entries_) {
    if (entry.user && entry.name == name) {
      entry.camera = camera;
      replaced = true;
    }
  }
  if (!replaced) entries_.push_back({name, camera, true});
  return persist();
}

bool PresetStore::rename(int index, const std::string& new_name) {
  error_.clear();
  if (index < 0 || index >= size() || !entries_[index].user) {
    error_ = "only your own presets can be renamed";
    return false;
  }
  if (new_name.empty()) {
    error_ = "a preset needs a name";
    return false;
  }
  entries_[index].name = new_name;
  return persist();
}

bool PresetStore::remove(int index) {
  error_.clear();
  if (index < 0 || index >= size() || !entries_[index].user) {
    error_ = "only your own presets can be deleted";
    return false;
  }
  entries_.erase(entries_.begin() + index);
  return persist();
}

std::string PresetStore::freshName() const {
  for (int i = 1;; ++i) {
    std::string name = "View " + std::to_string(i);
    if (find(name) < 0) return name;
  }
}

}  // namespace flowview::viewer
