#include "core/image/image_io.h"

#include "core/image/png_encoder.h"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace flowview {

std::vector<uint8_t> encodePng(const Image& image) {
  std::vector<uint8_t> out;
  if (encodePngFast(image, out)) return out;
  out.clear();  // libspng refused: stb's encoder, slower, always there
  stbi_write_png_to_func(
      [](void* context, void* data, int size) {
        auto* buffer = static_cast<std::vector<uint8_t>*>(context);
        const auto* bytes = static_cast<const uint8_t*>(data);
        buffer->insert(buffer->end(), bytes, bytes + size);
      },
      &out, image.width, image.height, 4, image.rgba.data(), image.width * 4);
  return out;
}

void writePngAtomically(const std::string& path, const Image& image) {
  const std::vector<uint8_t> png = encodePng(image);
  if (png.empty()) throw ImageWriteError("cannot encode PNG for " + path);
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(tmp.data());
  if (fd < 0) throw ImageWriteError("cannot write " + path + ": " + std::strerror(errno));
  size_t written = 0;
  while (written < png.size()) {
    const ssize_t n = ::write(fd, png.data() + written, png.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw ImageWriteError("cannot write " + path + ": " + std::strerror(err));
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw ImageWriteError("cannot write " + path + ": " + std::strerror(err));
  }
  ::chmod(tmp.c_str(), 0644);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw ImageWriteError("cannot write " + path + ": " + std::strerror(err));
  }
}

bool readPng(const std::string& path, Image& out) {
  int w = 0, h = 0, channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &w, &h, &channels, 4);
  out = Image{};
  if (!data) return false;
  out.width = w;
  out.height = h;
  out.rgba.assign(data, data + static_cast<size_t>(w) * h * 4);
  stbi_image_free(data);
  return true;
}

}  // namespace flowview
