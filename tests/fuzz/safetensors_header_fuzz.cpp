// libFuzzer target for the safetensors header parser (model::parseSafetensorsHeader): the input
// is a whole file. The contract (safetensors.h): any input either parses or throws
// io::LoadError, and an accepted header's tensors all lie inside the file, in distinct bytes,
// with exactly the size their dtype and shape need. Anything else escaping, a crash, a sanitizer
// report or a hang is a bug. Accepted tensors' first and last bytes are read so that ASan sees
// any range that points outside the input.
//
// Built only with -DFLOWVIEW_BUILD_FUZZERS=ON and clang; scripts/fuzz.sh builds and runs it.
// Reproduce a finding: build/fuzz/tests/fuzz/safetensors_header_fuzz FILE
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "core/io/load_error.h"
#include "core/model/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace flowview::model;
  std::vector<TensorInfo> tensors;
  try {
    tensors = parseSafetensorsHeader(std::span(data, size), "fuzz.safetensors");
  } catch (const flowview::io::LoadError&) {
    return 0;  // rejected with a clear error: fine
  }
  uint64_t header = 0;
  for (int i = 7; i >= 0; --i) header = header << 8 | data[i];
  const uint8_t* body = data + 8 + header;
  const uint64_t body_size = size - 8 - header;
  volatile uint8_t sink = 0;
  for (const TensorInfo& t : tensors) {
    if (t.begin > t.end || t.end > body_size) std::abort();
    if (t.end - t.begin != t.elementCount() * dtypeSize(t.dtype)) std::abort();
    if (t.end > t.begin) sink = sink + body[t.begin] + body[t.end - 1];
  }
  return 0;
}
