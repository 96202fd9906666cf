#include "cli/frame_folder.h"

#include <cstdio>
#include <filesystem>
#include <vector>

#include "cli/arguments.h"

namespace flowview::cli {

namespace fs = std::filesystem;

namespace {

bool isFrameFileName(std::string_view name) {
  constexpr std::string_view kPrefix = "frame_", kSuffix = ".png";
  if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) return false;
  const std::string_view digits =
      name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  if (digits.size() < 6) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool isExportFrameName(const std::string& name) {
  if (isFrameFileName(name)) return true;
  // ".frame_000001.png.Ab12Cd": what AtomicFile names its temporary file.
  constexpr std::size_t kTempTail = 7;
  return name.size() > kTempTail + 1 && name.front() == '.' &&
         name[name.size() - kTempTail] == '.' &&
         isFrameFileName(std::string_view(name).substr(1, name.size() - 1 - kTempTail));
}

FolderFrameSink::FolderFrameSink(const ExportSettings& settings) : folder_(settings.out) {
  const std::string shown = capForMessage(settings.out);
  std::error_code ec;
  const fs::file_status status = fs::status(folder_, ec);
  if (fs::exists(status) && !fs::is_directory(status)) {
    throw ArgumentError("--out " + shown +
                        " is a file, not a folder; give a folder for the frames or a FILE.mp4");
  }
  if (!fs::exists(status)) {
    fs::create_directories(folder_, ec);
    if (ec || !fs::is_directory(folder_))
      throw ImageWriteError("cannot create folder " + shown + ": " + ec.message());
    return;
  }
  std::vector<fs::path> frames;
  std::size_t others = 0;
  for (const auto& entry : fs::directory_iterator(folder_, ec)) {
    if (isExportFrameName(entry.path().filename().string()) && !entry.is_directory()) {
      frames.push_back(entry.path());
    } else {
      ++others;
    }
  }
  if (ec) throw ImageWriteError("cannot read folder " + shown + ": " + ec.message());
  if (frames.empty() && others == 0) return;
  if (!settings.overwrite) {
    throw ArgumentError("--out " + shown + " is not empty (" +
                        std::to_string(frames.size() + others) +
                        " entries); give a new or empty folder, or add --overwrite to replace "
                        "the frames of an earlier export");
  }
  for (const fs::path& frame : frames) {
    if (fs::equivalent(frame, settings.scene_path, ec)) {
      throw ArgumentError("--out " + shown + ": " + frame.filename().string() +
                          " is the scene file itself; give another folder");
    }
  }
  for (const fs::path& frame : frames) {
    if (!fs::remove(frame, ec) && ec)
      throw ImageWriteError("cannot delete old frame " + frame.string() + ": " + ec.message());
  }
}

void FolderFrameSink::write(int64_t index, const Image& image) {
  char name[40];
  std::snprintf(name, sizeof name, "frame_%06lld.png", static_cast<long long>(index));
  writePngAtomically((fs::path(folder_) / name).string(), image);
}

}  // namespace flowview::cli
