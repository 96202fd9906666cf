#!/usr/bin/env bash
# Measures how frame and seek times grow with tokens and layers (docs/performance.md): builds a
# scale_stack scene for each size and runs `flowview bench` on it at 1280x720.
# usage: scripts/scaling_table.sh [path/to/flowview] [frames]
set -euo pipefail
flowview=${1:-build/release/flowview}
frames=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| tokens | layers | elements | frame median (ms) | frame p95 (ms) | seek median (us) | peak RSS (MB) |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for tokens in 16 128 512 2048; do
  for layers in 12 48 96; do
    scene="$work/scale_${tokens}_${layers}.json"
    printf '{"version": 1, "title": "scale %s x %s", "beats": [{"beat": "scale_stack", "tokens": %s, "layers": %s}]}\n' \
      "$tokens" "$layers" "$tokens" "$layers" > "$scene"
    "$flowview" bench "$scene" --size 1280x720 --frames "$frames" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("| %s | %s | %d | %.1f | %.1f | %.1f | %.0f |" % (sys.argv[1], sys.argv[2], d["primitives"]["elements"],
      d["frame_ms"]["median"], d["frame_ms"]["p95"], d["seek_us"]["median"], d["peak_rss_mb"]))' "$tokens" "$layers"
  done
done
