#!/usr/bin/env bash
# Fuzzes the scene loader and validator, then the safetensors header parser, with libFuzzer
# (clang, ASan + UBSan).
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer options...]     default: 60 seconds in all
#
# The time is split: two thirds for the scene loader, one third for the safetensors header.
# Configures a separate clang build in build/fuzz (FLOWVIEW_BUILD_FUZZERS=ON,
# FLOWVIEW_SANITIZE=address,undefined,fuzzer-no-link), builds scene_loader_fuzz and
# safetensors_header_fuzz and runs each on a copy of its seeds (tests/fuzz/corpus ->
# build/fuzz/corpus, tests/fuzz/safetensors_corpus -> build/fuzz/safetensors_corpus: the seeds are
# never modified; inputs the fuzzer finds interesting accumulate there between runs). Crashes, timeouts and out-of-memory inputs
# are written to build/fuzz/findings/; add each one to tests/fuzz/regressions/ once fixed.
# Environment: JOBS (build parallelism, default 2), FUZZ_TIMEOUT (seconds per input, default 10),
# FUZZ_RSS_MB (default 2048), FUZZ_SEED (libFuzzer's -seed; unset: a new random seed each run).
# CI (scripts/quickstart.sh test) fixes the seed so that a run is reproducible: a clean clone
# mutates the committed corpus in the same order every time, and a finding is one a developer
# gets again with the same command. Finding new bugs is the job of long runs with random seeds
# (scripts/fuzz.sh 1800), whose findings go to tests/fuzz/regressions/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [libFuzzer options...]" >&2
  exit 2
fi
for tool in clang clang++ cmake; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is not installed (apt-get install clang-14 libclang-rt-14-dev cmake)" >&2; exit 1; }
done

build=build/fuzz
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  CC=clang CXX=clang++ cmake -S . -B "$build" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFLOWVIEW_BUILD_TESTS=ON \
    -DFLOWVIEW_BUILD_BENCHMARKS=OFF \
    -DFLOWVIEW_BUILD_FUZZERS=ON \
    -DFLOWVIEW_SANITIZE=address,undefined,fuzzer-no-link >/dev/null
fi
cmake --build "$build" -j "${JOBS:-2}" --target scene_loader_fuzz safetensors_header_fuzz

findings="$build/findings"
mkdir -p "$findings" "$build/corpus" "$build/safetensors_corpus"
cp -n tests/fuzz/corpus/* "$build/corpus"/ 2>/dev/null || true
cp -n tests/fuzz/regressions/* "$build/corpus"/ 2>/dev/null || true
cp -n tests/fuzz/safetensors_corpus/* "$build/safetensors_corpus"/ 2>/dev/null || true

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

fuzz() {  # fuzz TARGET CORPUS DICT SECONDS [options...]
  local target=$1 corpus=$2 dict=$3 time=$4
  shift 4
  echo "fuzz.sh: fuzzing $target for ${time}s; findings go to $findings/" >&2
  "$build/tests/fuzz/$target" "$corpus" \
    -dict="$dict" \
    -max_total_time="$time" \
    -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -max_len=65536 \
    -print_final_stats=1 \
    -artifact_prefix="$findings/" \
    ${FUZZ_SEED:+-seed="$FUZZ_SEED"} \
    "$@"
}

safetensors_seconds=$((seconds / 3))
scene_seconds=$((seconds - safetensors_seconds))
set +e
fuzz scene_loader_fuzz "$build/corpus" tests/fuzz/scene.dict "$scene_seconds" "$@"
status=$?
if [[ $status -eq 0 && $safetensors_seconds -gt 0 ]]; then
  fuzz safetensors_header_fuzz "$build/safetensors_corpus" tests/fuzz/safetensors.dict \
    "$safetensors_seconds" "$@"
  status=$?
fi
set -e
if [[ $status -ne 0 ]]; then
  echo "fuzz.sh: the fuzzer stopped with a finding (exit $status); see $findings/" >&2
  ls -l "$findings" >&2
fi
exit $status
