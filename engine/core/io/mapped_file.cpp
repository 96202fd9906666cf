#include "core/io/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "core/io/load_error.h"

namespace flowview::io {
namespace {

constexpr size_t kHugePage = size_t(2) << 20;

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw LoadError(path, "", {}, message);
}

// Closes the descriptor on every path out of open().
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

size_t roundUp(size_t value, size_t step) {
  return (value + step - 1) / step * step;
}

// Maps the whole file at a 2 MiB-aligned address, so that each 2 MiB of the file lands on a
// 2 MiB boundary: the condition for the kernel to map it with one huge page. The address range
// is reserved first with room to align, and what is left of the reservation is given back.
uint8_t* mapAligned(int fd, size_t size) {
  const size_t reserved = size + kHugePage;
  void* region =
      ::mmap(nullptr, reserved, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (region == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<uintptr_t>(region);
  const uintptr_t aligned = roundUp(start, kHugePage);
  void* mapped =
      ::mmap(reinterpret_cast<void*>(aligned), size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  if (mapped == MAP_FAILED) {
    ::munmap(region, reserved);
    return nullptr;
  }
  const uintptr_t mapped_end =
      aligned + roundUp(size, static_cast<size_t>(::sysconf(_SC_PAGESIZE)));
  if (aligned > start) ::munmap(region, aligned - start);
  if (start + reserved > mapped_end)
    ::munmap(reinterpret_cast<void*>(mapped_end), start + reserved - mapped_end);
  return static_cast<uint8_t*>(mapped);
}

// Maps every page now, with one call, instead of one page fault per page later. MADV_HUGEPAGE
// makes a page-cache miss read ahead in 2 MiB folios and lets the kernel map those whole.
void loadPages(uint8_t* data, size_t size) {
  ::madvise(data, size, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_READ
  if (::madvise(data, size, MADV_POPULATE_READ) == 0) return;
#endif
  ::madvise(data, size, MADV_WILLNEED);
}

// Drops [offset, offset + length) from this mapping and from the page cache, then loads it
// again: it is read back from disk, in 2 MiB folios where the file system allows. Pages that
// another process maps are not dropped and come back as they were.
void reload(int fd, uint8_t* data, size_t offset, size_t length) {
  ::madvise(data + offset, length, MADV_DONTNEED);
  ::posix_fadvise(fd, static_cast<off_t>(offset), static_cast<off_t>(length), POSIX_FADV_DONTNEED);
  loadPages(data + offset, length);
}

// FilePmdMapped of the mapping that starts at `start`, from /proc/self/smaps.
std::optional<size_t> hugeMappedBytesAt(const void* start) {
  FILE* smaps = std::fopen("/proc/self/smaps", "re");
  if (!smaps) return std::nullopt;
  char header[32];
  std::snprintf(header, sizeof header, "%08lx-",
                static_cast<unsigned long>(reinterpret_cast<uintptr_t>(start)));
  const size_t header_length = std::strlen(header);
  std::optional<size_t> bytes;
  bool inside = false;
  char* line = nullptr;
  size_t capacity = 0;
  while (::getline(&line, &capacity, smaps) > 0) {
    if (!inside) {
      inside = std::strncmp(line, header, header_length) == 0;
      continue;
    }
    if (std::strncmp(line, "FilePmdMapped:", 14) == 0) {
      bytes = static_cast<size_t>(std::strtoull(line + 14, nullptr, 10)) * 1024;
      break;
    }
    if (std::strncmp(line, "VmFlags:", 8) == 0) break;  // the last line of the mapping's block
  }
  std::free(line);
  std::fclose(smaps);
  return bytes;
}

}  // namespace

MappedFile MappedFile::open(const std::string& path, const Options& options) {
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) fail(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat info {};
  if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) fail(path, "not a regular file");
  MappedFile mapped;
  mapped.size_ = static_cast<size_t>(info.st_size);
  if (mapped.size_ == 0) return mapped;
  uint8_t* data = mapAligned(file.fd, mapped.size_);
  if (!data) fail(path, std::string("cannot map: ") + std::strerror(errno));
  mapped.data_ = data;
  loadPages(data, mapped.size_);
  if (mapped.size_ < options.recache_min_bytes || mapped.size_ < 2 * kHugePage) return mapped;

  // Mostly small pages: try one 2 MiB stretch first, so that a file system that cannot cache in
  // 2 MiB folios costs a 2 MiB read, not a re-read of the whole file at every load.
  const auto huge = hugeMappedBytesAt(data);
  if (!huge || *huge >= mapped.size_ / 2) return mapped;
  const size_t probe = mapped.size_ / 2 / kHugePage * kHugePage;
  reload(file.fd, data, probe, kHugePage);
  const auto after_probe = hugeMappedBytesAt(data);
  if (!after_probe || *after_probe < *huge + kHugePage) return mapped;
  reload(file.fd, data, 0, mapped.size_);
  mapped.recached_ = true;
  return mapped;
}

std::optional<size_t> MappedFile::hugeMappedBytes() const {
  if (!data_) return size_t(0);
  return hugeMappedBytesAt(data_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept {
  *this = std::move(other);
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    unmap();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    recached_ = other.recached_;
  }
  return *this;
}

MappedFile::~MappedFile() {
  unmap();
}

void MappedFile::unmap() {
  if (data_) ::munmap(const_cast<uint8_t*>(data_), size_);
  data_ = nullptr;
}

}  // namespace flowview::io
