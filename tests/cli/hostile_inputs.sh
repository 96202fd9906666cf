#!/usr/bin/env bash
# Hostile scene inputs through the real binary, each under a memory limit (ulimit -v) and a time
# limit: every run must end with exit 0 or 2 (accepted, or refused with a message), never with a
# signal, an out-of-memory death or exit 1.
#   tests/cli/hostile_inputs.sh FLOWVIEW WORK_DIR [--after-describe]
# --after-describe also runs the cases that the reader's limits (the `describe` branch: expanded
# group members, objects, primitives and text length) make pass; see the end of this file.
set -u
FLOWVIEW=$1
WORK=$2
AFTER_DESCRIBE=${3:-}
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
export DISPLAY=
MEMORY_KB=$((2 * 1024 * 1024))  # 2 GiB of address space
SECONDS_LIMIT=60
failures=0

# bounded NAME COMMAND...: runs COMMAND under the limits; exit 0 or 2 only.
bounded() {
  local name=$1
  shift
  local start=$SECONDS
  (ulimit -v $MEMORY_KB && exec timeout -s KILL $SECONDS_LIMIT "$@") >/dev/null 2>"$WORK/err.txt"
  local rc=$?
  local took=$((SECONDS - start))
  if [[ $rc != 0 && $rc != 2 ]]; then
    echo "FAIL: $name: '$*' exited $rc after ${took}s: $(head -c 400 "$WORK/err.txt")" >&2
    failures=$((failures + 1))
  elif [[ $rc == 2 && $(wc -l <"$WORK/err.txt") != 1 ]]; then
    echo "FAIL: $name: a refusal must be one line on stderr, got: $(head -c 400 "$WORK/err.txt")" >&2
    failures=$((failures + 1))
  else
    echo "ok: $name (exit $rc, ${took}s) $(head -c 160 "$WORK/err.txt")"
  fi
}

# Each shape through the loader (validate) and through the renderer (render, which also builds
# and draws the frame).
both() {
  local name=$1 file=$2
  bounded "$name: validate" "$FLOWVIEW" validate "$file"
  bounded "$name: render" "$FLOWVIEW" render "$file" --time 0 --size 64x36 --out "$WORK/out.png"
}

mkfifo fifo.json
both "a FIFO with no writer" fifo.json
both "/dev/zero" /dev/zero
ln -s /dev/zero zero.json
both "/dev/zero behind a symbolic link" zero.json

# One million circles (about 45 MB).
awk 'BEGIN {
  printf "{\"version\": 1, \"objects\": [";
  for (i = 0; i < 1000000; i++) printf "%s{\"id\": \"c%d\", \"type\": \"circle\", \"radius\": 0.1}", (i ? "," : ""), i;
  printf "], \"beats\": [{\"beat\": \"wait\"}]}\n" }' >million_circles.json
both "one million circles" million_circles.json

# ---- Cases the reader's limits handle (from branch `describe`, issue 15 items 3 and 4; without
# them these exhaust the memory limit). tests/CMakeLists.txt passes --after-describe.
if [[ $AFTER_DESCRIBE == --after-describe ]]; then
  # A valid 10 MB text.
  {
    printf '{"version": 1, "objects": [{"id": "t", "type": "text", "text": "'
    head -c 10000000 /dev/zero | tr '\0' a
    printf '"}], "beats": [{"beat": "wait"}]}\n'
  } >text_10mb.json
  both "a 10 MB text" text_10mb.json

  # 64 nested groups, each listing the previous one twice: 2^64 members once expanded.
  {
    printf '{"version": 1, "objects": [{"id": "g0", "type": "circle", "radius": 1}'
    for i in $(seq 1 64); do printf ', {"id": "g%d", "type": "group", "members": ["g%d", "g%d"]}' $i $((i - 1)) $((i - 1)); done
    printf '], "beats": [{"beat": "play", "animations": [{"type": "fade_in", "target": "g64"}]}]}\n'
  } >exponential_groups.json
  both "exponential groups" exponential_groups.json
fi

if ((failures > 0)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all hostile inputs ended in bounded time and memory"
