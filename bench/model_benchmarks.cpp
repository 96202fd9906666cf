// GPT-2 benchmarks (issue 14's performance bars): loading a model folder, the forward pass over a
// 12-token prompt, one token appended through the KV cache, and resident memory against the
// weight file. The model folder comes from FLOWVIEW_BENCH_MODEL; scripts/bench-model.sh writes a
// random-weight GPT-2-small folder into /tmp and runs this with PyTorch's timing next to it.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "core/model/model.h"

namespace {

using flowview::model::Model;

// On a shared machine the fastest repetition is the one least disturbed by other processes.
double fastest(const std::vector<double>& times) {
  return *std::min_element(times.begin(), times.end());
}

const char* modelFolder() {
  return std::getenv("FLOWVIEW_BENCH_MODEL");
}

// The 12-token prompt (with GPT-2's vocabulary: the seed phrase without its last word).
const std::string kPrompt = "To date, the cleverest thinker of all time was";

std::vector<int> promptIds(const Model& model) {
  auto ids = model.tokenize(kPrompt).ids;
  ids.resize(12, ids.empty() ? 0 : ids.back());  // exactly 12 with any vocabulary
  return ids;
}

// Resident set size of this process in bytes (VmRSS).
double residentBytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kib = 0;
      status >> kib;
      return kib * 1024.0;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

void BM_ModelLoad(benchmark::State& state) {
  if (!modelFolder()) return state.SkipWithError("set FLOWVIEW_BENCH_MODEL=DIR");
  for (auto _ : state) {
    auto model = Model::load(modelFolder());
    benchmark::DoNotOptimize(model.get());
  }
}
BENCHMARK(BM_ModelLoad)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(10)
    ->ComputeStatistics("min", fastest);

void BM_Forward12Tokens(benchmark::State& state) {
  if (!modelFolder()) return state.SkipWithError("set FLOWVIEW_BENCH_MODEL=DIR");
  const double before = residentBytes();
  auto model = Model::load(modelFolder());
  const auto ids = promptIds(*model);
  for (auto _ : state) benchmark::DoNotOptimize(model->run(ids).logits().data());
  const double weights = static_cast<double>(
      std::filesystem::file_size(std::string(modelFolder()) + "/model.safetensors"));
  state.counters["weight_file_MB"] = weights / 1e6;
  state.counters["resident_MB"] = residentBytes() / 1e6;
  state.counters["model_resident_MB"] = (residentBytes() - before) / 1e6;
  state.counters["resident_per_weight"] = residentBytes() / weights;
}
BENCHMARK(BM_Forward12Tokens)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(10)
    ->ComputeStatistics("min", fastest);

void BM_AppendOneToken(benchmark::State& state) {
  if (!modelFolder()) return state.SkipWithError("set FLOWVIEW_BENCH_MODEL=DIR");
  auto model = Model::load(modelFolder());
  const auto ids = promptIds(*model);
  for (auto _ : state) {
    state.PauseTiming();
    model->run(ids);
    state.ResumeTiming();
    benchmark::DoNotOptimize(model->appendToken(ids[3]).logits().data());
  }
}
BENCHMARK(BM_AppendOneToken)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(10)
    ->ComputeStatistics("min", fastest);

}  // namespace
