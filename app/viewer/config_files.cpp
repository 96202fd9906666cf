#include "viewer/config_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/image/temp_files.h"

namespace flowview::viewer {

std::filesystem::path configDirectory() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::filesystem::path(xdg) / "flowview";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::filesystem::path(home) / ".config" / "flowview";
  return std::filesystem::path(".flowview");
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& content) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec)
    throw std::runtime_error("cannot create folder " + path.parent_path().string() + ": " +
                             ec.message());
  const std::filesystem::path temp = path.string() + ".tmp" + std::to_string(::getpid());
  const TrackedTempFile tracked(temp.string());  // deleted if a signal ends the process now
  FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file)
    throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  // fsync so a crash right after the rename cannot leave an empty file under the final name.
  const bool flushed = std::fflush(file) == 0 && ::fsync(fileno(file)) == 0;
  const int saved_errno = errno;
  const bool closed = std::fclose(file) == 0;
  if (!written || !flushed || !closed) {
    std::filesystem::remove(temp, ec);
    throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(saved_errno));
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
  }
}

bool readFile(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return !in.bad();
}

}  // namespace flowview::viewer
