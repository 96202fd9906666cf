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
#include <thread>
#include <vector>

#include "core/model/bpe_tokenizer.h"
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
  double huge_share = 0, recached = 0;
  for (auto _ : state) {
    auto model = Model::load(modelFolder());
    benchmark::DoNotOptimize(model.get());
    const auto& mapping = model->weights().file.mapping();
    huge_share = static_cast<double>(mapping.hugeMappedBytes().value_or(0)) / mapping.size();
    recached += mapping.recached();
  }
  // How much of the weight file the kernel mapped with 2 MiB pages, and how many loads re-read
  // the file to get them (io::MappedFile): the two things that decide a load's time.
  state.counters["huge_page_share"] = huge_share;
  state.counters["recached_loads"] = recached;
}
BENCHMARK(BM_ModelLoad)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(10)
    ->ComputeStatistics("min", fastest);

// The tokenizer alone (vocab.json + merges.txt): Model::load runs it beside the weights, so a load
// takes at least this long.
void BM_TokenizerLoad(benchmark::State& state) {
  if (!modelFolder()) return state.SkipWithError("set FLOWVIEW_BENCH_MODEL=DIR");
  const std::string folder = modelFolder();
  for (auto _ : state) {
    auto tokenizer =
        flowview::model::BpeTokenizer::load(folder + "/vocab.json", folder + "/merges.txt");
    benchmark::DoNotOptimize(tokenizer);
  }
}
BENCHMARK(BM_TokenizerLoad)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
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
    ->UseRealTime()
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
    ->UseRealTime()
    ->Repetitions(10)
    ->ComputeStatistics("min", fastest);

// The machine's memory read bandwidth over a buffer as large as GPT-2-small's weights, with one
// and two threads: the floor under a forward pass, which reads every weight once.
void BM_MemoryRead(benchmark::State& state) {
  const size_t count = size_t(500) << 20 >> 2;  // 500 MiB of floats
  static std::vector<float> buffer(count, 1.0f);
  const int threads = static_cast<int>(state.range(0));
  auto sum = [&](size_t begin, size_t end, float* out) {
    float a = 0, b = 0, c = 0, d = 0;
    for (size_t i = begin; i + 3 < end; i += 4)
      a += buffer[i], b += buffer[i + 1], c += buffer[i + 2], d += buffer[i + 3];
    *out = a + b + c + d;
  };
  for (auto _ : state) {
    float partial[2] = {};
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
      workers.emplace_back(sum, count * t / threads, count * (t + 1) / threads, &partial[t]);
    sum(0, count / threads, &partial[0]);
    for (auto& w : workers) w.join();
    benchmark::DoNotOptimize(partial[0] + partial[1]);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(count) * 4);
}
BENCHMARK(BM_MemoryRead)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(5)
    ->ComputeStatistics("min", fastest);

}  // namespace
