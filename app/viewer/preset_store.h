#pragma once
// Camera presets: the scene's own (read-only) followed by the user's, which are saved as JSON in
// $XDG_CONFIG_HOME/flowview/presets/<scene-file-stem>.json. Never throws: file problems come
// back as one-line messages and a broken file is ignored.
#include <filesystem>
#include <string>
#include <vector>

#include "core/scene/scene.h"

namespace flowview::viewer {

struct PresetEntry {
  std::string name;
  Camera camera;
  bool user = false;  // user presets can be renamed and deleted
};

class PresetStore {
 public:
  PresetStore() = default;
  // `file` empty: user presets live in memory only.
  PresetStore(const std::vector<CameraPreset>& scene_presets, std::filesystem::path file);

  // The preset file for a scene file: configDirectory()/presets/<stem>.json.
  static std::filesystem::path fileForScene(const std::string& scene_path);

  // Reads the user presets. A missing file is fine (returns true); a broken one is ignored and
  // described by error().
  bool load();
  // Replaces the scene presets (hot reload), keeping the user ones.
  void setScenePresets(const std::vector<CameraPreset>& scene_presets);

  const std::vector<PresetEntry>& entries() const { return entries_; }
  int size() const { return static_cast<int>(entries_.size()); }
  const PresetEntry* at(int index) const;
  int find(const std::string& name) const;  // -1 when absent

  // Adds a user preset (a user preset of the same name is replaced) and writes the file.
  // Returns false (see error()) when the name is empty or the file cannot be written; the
  // preset is kept in memory either way.
  bool save(const std::string& name, const Camera& camera);
  bool rename(int index, const std::string& new_name);
  bool remove(int index);
  // A name not used yet: "View 1", "View 2", ...
  std::string freshName() const;

  const std::string& error() const { return error_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  bool persist();

  std::filesystem::path file_;
  std::vector<PresetEntry> entries_;
  std::string error_;
};

}  // namespace flowview::viewer
