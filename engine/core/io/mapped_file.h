#pragma once
// A whole file mapped read-only into memory, laid out so that the kernel can map it with 2 MiB
// pages. Used for model weights (hundreds of MB read in full at every load).
//
// Why huge pages matter: the first touch of every 4 KiB page of a mapping costs a page-table fill
// (and under a hypervisor that shadows page tables, a trap). For GPT-2 small's 498 MB that is
// 121,000 pages and about 200 ms on the reference VM; with 2 MiB pages it is 240 mappings and a
// few milliseconds. The kernel maps a file with 2 MiB pages only when its page cache holds the
// file in 2 MiB folios, which depends on how the file was written or last read. MappedFile asks
// for them (an aligned address, MADV_HUGEPAGE) and, when the page cache holds a large file in
// small pages, re-reads it once so that it comes back in 2 MiB folios: that costs one read of
// the file from disk, and every later load of it is fast. Everything here is a hint: where the
// kernel, file system or /proc does not cooperate, the file is mapped with ordinary pages.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace flowview::io {

class MappedFile {
 public:
  struct Options {
    // Files at least this large are worth re-caching in 2 MiB folios.
    size_t recache_min_bytes = size_t(64) << 20;
  };

  // Maps `path` and loads every page. Throws io::LoadError ("FILE: message") when the file cannot
  // be opened, is not a regular file or cannot be mapped.
  static MappedFile open(const std::string& path, const Options& options);
  static MappedFile open(const std::string& path) { return open(path, Options{}); }

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::span<const uint8_t> bytes() const { return {data_, size_}; }
  size_t size() const { return size_; }
  // Bytes of the mapping the kernel maps with 2 MiB pages now (from /proc/self/smaps), or nullopt
  // where that cannot be read.
  std::optional<size_t> hugeMappedBytes() const;
  // Whether open() re-read the file to bring it back in 2 MiB folios.
  bool recached() const { return recached_; }

 private:
  void unmap();

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  bool recached_ = false;
};

}  // namespace flowview::io
