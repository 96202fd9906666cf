#include "core/image/image_io.h"

#include "core/image/png_encoder.h"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <cctype>
#include <filesystem>

#include "core/image/atomic_file.h"

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

std::vector<uint8_t> encodeJpeg(const Image& image) {
  std::vector<uint8_t> out;
  stbi_write_jpg_to_func(
      [](void* context, void* data, int size) {
        auto* buffer = static_cast<std::vector<uint8_t>*>(context);
        const auto* bytes = static_cast<const uint8_t*>(data);
        buffer->insert(buffer->end(), bytes, bytes + size);
      },
      &out, image.width, image.height, 4, image.rgba.data(), 95);
  return out;
}

std::optional<ImageFormat> imageFormatForPath(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".png") return ImageFormat::Png;
  if (extension == ".jpg" || extension == ".jpeg") return ImageFormat::Jpeg;
  return std::nullopt;
}

void writeImageAtomically(const std::string& path, const Image& image, ImageFormat format) {
  const std::vector<uint8_t> bytes =
      format == ImageFormat::Png ? encodePng(image) : encodeJpeg(image);
  if (bytes.empty()) throw ImageWriteError("cannot encode the image for " + path);
  writeFileAtomically(path, bytes);
}

void writePngAtomically(const std::string& path, const Image& image) {
  writeImageAtomically(path, image, ImageFormat::Png);
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
