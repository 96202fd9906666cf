#pragma once
// `export --out DIR`: frame_000000.png, frame_000001.png, ... each written atomically.
//
// Folder policy: a new or empty folder is used as is. A folder with anything in it is refused
// (exit 2) so an export never mixes its frames with older ones; with --overwrite the frames an
// earlier export left there (frame_NNNNNN.png and hidden temporary frames) are deleted first and
// everything else in the folder is left alone.
#include <string>

#include "cli/frame_sink.h"

namespace flowview::cli {

class FolderFrameSink : public FrameSink {
 public:
  explicit FolderFrameSink(const ExportSettings& settings);
  void write(int64_t index, const Image& image) override;
  void finish() override {}
  int writerThreads() const override { return 2; }  // each frame is its own file

 private:
  std::string folder_;
};

// True for the names an export writes into its folder: "frame_" + 6 or more digits + ".png",
// and their hidden temporaries ("." + that name + "." + 6 characters).
bool isExportFrameName(const std::string& name);

}  // namespace flowview::cli
