#pragma once
// The export's progress bar on stderr: one line redrawn in place ("\r"). The line is ended before
// anything else is printed (an error, a note), so a message never lands on the bar's line.
#include <cstdint>

namespace flowview::cli {

class ProgressBar {
 public:
  explicit ProgressBar(int64_t total) : total_(total) {}
  // Ends the line if it is still open (also when an exception unwinds past the bar).
  ~ProgressBar() { endLine(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(int64_t done);
  void endLine();

 private:
  int64_t total_;
  bool line_open_ = false;
};

}  // namespace flowview::cli
