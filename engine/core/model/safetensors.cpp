#include "core/model/safetensors.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/io/load_error.h"

namespace flowview::model {
namespace {

// A header larger than this is not a model header but an attack on memory.
constexpr uint64_t kMaxHeaderBytes = 100u << 20;
constexpr size_t kMaxRank = 8;
// Root object > tensor object > shape or offsets array: anything deeper is malformed.
constexpr int kMaxHeaderDepth = 3;

struct DTypeName {
  DType dtype;
  const char* name;
  size_t size;
};
constexpr DTypeName kDTypes[] = {
    {DType::Bool, "BOOL", 1}, {DType::U8, "U8", 1},          {DType::I8, "I8", 1},
    {DType::I16, "I16", 2},   {DType::U16, "U16", 2},        {DType::F16, "F16", 2},
    {DType::BF16, "BF16", 2}, {DType::I32, "I32", 4},        {DType::U32, "U32", 4},
    {DType::F32, "F32", 4},   {DType::F64, "F64", 8},        {DType::I64, "I64", 8},
    {DType::U64, "U64", 8},   {DType::F8E4M3, "F8_E4M3", 1}, {DType::F8E5M2, "F8_E5M2", 1},
};

[[noreturn]] void fail(const std::string& file, const std::string& tensor,
                       const std::string& message) {
  throw io::LoadError(file, tensor, {}, message);
}

uint64_t readLittleEndian64(const uint8_t* p) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = (value << 8) | p[i];
  return value;
}

uint64_t nonNegativeInteger(const nlohmann::json& value, const std::string& file,
                            const std::string& tensor, const char* what) {
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer() && value.get<int64_t>() >= 0) return value.get<uint64_t>();
  fail(file, tensor, std::string(what) + " must hold non-negative integers");
}

TensorInfo readTensor(const std::string& name, const nlohmann::json& entry, uint64_t data_size,
                      const std::string& file) {
  if (!entry.is_object()) fail(file, name, "entry is not an object");
  for (const auto& [key, value] : entry.items()) {
    if (key != "dtype" && key != "shape" && key != "data_offsets")
      fail(file, name, "unknown field '" + key + "'");
  }
  TensorInfo tensor;
  tensor.name = name;
  const auto dtype = entry.find("dtype");
  if (dtype == entry.end() || !dtype->is_string()) fail(file, name, "missing dtype");
  if (!parseDType(dtype->get<std::string>(), tensor.dtype))
    fail(file, name, "unknown dtype '" + dtype->get<std::string>() + "'");

  const auto shape = entry.find("shape");
  if (shape == entry.end() || !shape->is_array()) fail(file, name, "missing shape");
  if (shape->size() > kMaxRank) fail(file, name, "shape has more than 8 dimensions");
  uint64_t count = 1;
  bool overflow = false;
  for (const auto& dim : *shape) {
    const uint64_t d = nonNegativeInteger(dim, file, name, "shape");
    if (d > 0 && count > std::numeric_limits<uint64_t>::max() / d) overflow = true;
    count *= d;
    tensor.shape.push_back(static_cast<int64_t>(std::min<uint64_t>(d, INT64_MAX)));
  }
  const size_t element = dtypeSize(tensor.dtype);
  if (overflow || count > std::numeric_limits<uint64_t>::max() / element)
    fail(file, name, "shape is too large");

  const auto offsets = entry.find("data_offsets");
  if (offsets == entry.end() || !offsets->is_array() || offsets->size() != 2)
    fail(file, name, "data_offsets must be [begin, end]");
  tensor.begin = nonNegativeInteger((*offsets)[0], file, name, "data_offsets");
  tensor.end = nonNegativeInteger((*offsets)[1], file, name, "data_offsets");
  if (tensor.begin > tensor.end) fail(file, name, "data_offsets begin after end");
  if (tensor.end > data_size)
    fail(file, name,
         "data_offsets end " + std::to_string(tensor.end) + " is past the end of the data (" +
             std::to_string(data_size) + " bytes): truncated file?");
  if (tensor.end - tensor.begin != count * element)
    fail(file, name,
         "data_offsets span " + std::to_string(tensor.end - tensor.begin) + " bytes but the " +
             dtypeName(tensor.dtype) + " shape needs " + std::to_string(count * element));
  return tensor;
}

}  // namespace

size_t dtypeSize(DType dtype) {
  for (const auto& d : kDTypes)
    if (d.dtype == dtype) return d.size;
  return 1;
}

const char* dtypeName(DType dtype) {
  for (const auto& d : kDTypes)
    if (d.dtype == dtype) return d.name;
  return "?";
}

bool parseDType(const std::string& name, DType& dtype) {
  for (const auto& d : kDTypes) {
    if (name == d.name) {
      dtype = d.dtype;
      return true;
    }
  }
  return false;
}

uint64_t TensorInfo::elementCount() const {
  uint64_t count = 1;
  for (int64_t d : shape) count *= static_cast<uint64_t>(d);
  return count;
}

std::vector<TensorInfo> parseSafetensorsHeader(std::span<const uint8_t> bytes,
                                               const std::string& file) {
  if (bytes.size() < 8) fail(file, "", "too short for a safetensors header (truncated file?)");
  const uint64_t header_size = readLittleEndian64(bytes.data());
  if (header_size > kMaxHeaderBytes)
    fail(file, "", "header length " + std::to_string(header_size) + " is implausibly large");
  if (header_size > bytes.size() - 8)
    fail(file, "",
         "header length " + std::to_string(header_size) + " is past the end of the file (" +
             std::to_string(bytes.size()) + " bytes): truncated file?");
  const uint64_t data_size = bytes.size() - 8 - header_size;
  const auto* header = reinterpret_cast<const char*>(bytes.data() + 8);

  nlohmann::json root;
  try {
    const nlohmann::json::parser_callback_t depth_limit =
        [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
          if (depth > kMaxHeaderDepth) fail(file, "", "header nests too deep");
          return true;
        };
    root = nlohmann::json::parse(header, header + header_size, depth_limit);
  } catch (const nlohmann::json::exception& e) {
    fail(file, "", std::string("header is not valid JSON: ") + e.what());
  }
  if (!root.is_object()) fail(file, "", "header is not a JSON object");

  std::vector<TensorInfo> tensors;
  for (const auto& [name, entry] : root.items()) {
    if (name == "__metadata__") {
      if (!entry.is_object()) fail(file, name, "must be an object of strings");
      for (const auto& [key, value] : entry.items())
        if (!value.is_string()) fail(file, name, "value of '" + key + "' is not a string");
      continue;
    }
    tensors.push_back(readTensor(name, entry, data_size, file));
  }
  // Tensors may not share bytes: sorted by offset, each must start at or after the previous end.
  std::vector<const TensorInfo*> by_offset;
  for (const auto& t : tensors)
    if (t.end > t.begin) by_offset.push_back(&t);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const TensorInfo* a, const TensorInfo* b) { return a->begin < b->begin; });
  for (size_t i = 1; i < by_offset.size(); ++i) {
    if (by_offset[i]->begin < by_offset[i - 1]->end)
      fail(file, by_offset[i]->name, "data overlaps tensor '" + by_offset[i - 1]->name + "'");
  }
  std::sort(tensors.begin(), tensors.end(),
            [](const TensorInfo& a, const TensorInfo& b) { return a.name < b.name; });
  return tensors;
}

SafetensorsFile SafetensorsFile::open(const std::string& path) {
  SafetensorsFile file;
  file.path_ = path;
  file.mapping_ = io::MappedFile::open(path);
  const auto bytes = file.mapping_.bytes();
  file.tensors_ = parseSafetensorsHeader(bytes, path);
  file.data_start_ = 8 + readLittleEndian64(bytes.data());
  return file;
}

const TensorInfo* SafetensorsFile::find(const std::string& name) const {
  const auto it =
      std::lower_bound(tensors_.begin(), tensors_.end(), name,
                       [](const TensorInfo& t, const std::string& n) { return t.name < n; });
  return it != tensors_.end() && it->name == name ? &*it : nullptr;
}

std::span<const uint8_t> SafetensorsFile::bytes(const TensorInfo& tensor) const {
  return {mapping_.bytes().data() + data_start_ + tensor.begin,
          static_cast<size_t>(tensor.end - tensor.begin)};
}

}  // namespace flowview::model
