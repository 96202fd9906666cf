#pragma once
// The safetensors format (Hugging Face): an 8-byte little-endian header length N, N bytes of JSON
// ({"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}),
// then the tensors' raw little-endian bytes, offsets relative to the end of the header.
//
// Every dtype, shape and offset is validated against the file's size before any tensor byte is
// read: a malformed, truncated or hostile file throws io::LoadError naming the file and the
// tensor, and nothing reads out of bounds.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/io/mapped_file.h"

namespace flowview::model {

enum class DType {
  Bool,
  U8,
  I8,
  I16,
  U16,
  F16,
  BF16,
  I32,
  U32,
  F32,
  F64,
  I64,
  U64,
  F8E4M3,
  F8E5M2
};

// Bytes per element; "F16" -> DType::F16. parseDType returns false for an unknown name.
size_t dtypeSize(DType dtype);
const char* dtypeName(DType dtype);
bool parseDType(const std::string& name, DType& dtype);

struct TensorInfo {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  uint64_t begin = 0, end = 0;  // byte range in the data section (after the header)

  uint64_t elementCount() const;
};

// Parses and validates the header of a whole safetensors file held in `bytes` (the tensor data
// is not read). Tensors come back sorted by name. `file` is the name shown in errors.
// Throws io::LoadError: "FILE: TENSOR: message" (or "FILE: message" for the whole header).
std::vector<TensorInfo> parseSafetensorsHeader(std::span<const uint8_t> bytes,
                                               const std::string& file);

// A safetensors file mapped read-only into memory (io::MappedFile: huge pages where the kernel
// allows). Move-only; unmaps on destruction.
class SafetensorsFile {
 public:
  // Maps and validates `path`. Throws io::LoadError when it cannot be read or is malformed.
  static SafetensorsFile open(const std::string& path);

  const std::string& path() const { return path_; }
  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  // The tensor called `name`, or nullptr.
  const TensorInfo* find(const std::string& name) const;
  // The tensor's bytes inside the mapping (validated at open: always in bounds).
  std::span<const uint8_t> bytes(const TensorInfo& tensor) const;
  size_t fileSize() const { return mapping_.size(); }
  const io::MappedFile& mapping() const { return mapping_; }

 private:
  std::string path_;
  io::MappedFile mapping_;   // the whole file
  uint64_t data_start_ = 0;  // 8 + header length
  std::vector<TensorInfo> tensors_;
};

}  // namespace flowview::model
