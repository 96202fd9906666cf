#!/usr/bin/env bash
# The README's two commands:
#   scripts/quickstart.sh run    install what is missing, build, open the viewer on the default scene
#   scripts/quickstart.sh test   install what is missing, build, run every test, fuzz the scene
#                                loader for 60 s, run every test again under ASan+UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-run}
shift || true
jobs=$(nproc)

scripts/setup-deps.sh

build() {  # build PRESET
  [[ -f "build/$1/CMakeCache.txt" ]] || cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$jobs"
}

case "$what" in
  run)
    build release
    exec build/release/flowview "$@"
    ;;
  test)
    build release
    ctest --preset release -j "$jobs"
    # The scene loader and the safetensors header under libFuzzer for a bounded time (clang,
    # ASan + UBSan), with a fixed seed so that every CI run of a commit fuzzes the same inputs.
    FUZZ_SEED=${FLOWVIEW_FUZZ_SEED:-1} scripts/fuzz.sh "${FLOWVIEW_FUZZ_SECONDS:-60}"
    build asan
    ctest --preset asan -j "$jobs"
    ;;
  *)
    echo "usage: scripts/quickstart.sh run [SCENE.json] | test" >&2
    exit 2
    ;;
esac
