#include "cli/progress_bar.h"

#include <cinttypes>
#include <cstdio>

namespace flowview::cli {

void ProgressBar::update(int64_t done) {
  constexpr int kWidth = 40;
  const int filled = total_ > 0 ? static_cast<int>(done * kWidth / total_) : kWidth;
  std::fprintf(stderr, "\rexport [%.*s%*s] %" PRId64 "/%" PRId64, filled,
               "########################################", kWidth - filled, "", done, total_);
  std::fflush(stderr);
  line_open_ = true;
}

void ProgressBar::endLine() {
  if (!line_open_) return;
  std::fputc('\n', stderr);
  line_open_ = false;
}

}  // namespace flowview::cli
