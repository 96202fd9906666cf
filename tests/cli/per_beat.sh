#!/usr/bin/env bash
# export --per-beat through the real binary: the clips go through the same frame sinks as
# `export --out` (cli/frame_sink.h), so a failing, stalled or killed ffmpeg never leaves a partial
# clip under a final name, and DIR follows the folder policy of `export --out DIR`.
#   tests/cli/per_beat.sh FLOWVIEW WORK_DIR
set -u
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
FLOWVIEW=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
export DISPLAY=

listing() {  # listing DIR: every entry, hidden ones too, sorted, on one line
  (cd "$1" && find . -mindepth 1 -maxdepth 1 -printf '%f\n' | sort | tr '\n' ' ')
}

cat >talk.json <<'JSON'
{"version": 1, "title": "Talk",
 "camera": {"euler_deg": [-30, -20, 0], "center": [0, 0, 0], "height": 8},
 "objects": [{"id": "box", "type": "box", "size": [2, 2, 2], "position": [0, 0, 0], "color": "BLUE_D"}],
 "beats": [
   {"beat": "play", "name": "Box appears!", "run_time": 0.5, "animations": [{"type": "fade_in", "target": "box"}]},
   {"beat": "wait", "name": "label", "duration": 0.5},
   {"beat": "wait", "name": "still", "duration": 0.25}]}
JSON
SIZE=(--size 64x36 --fps 4)

# ---- a fake ffmpeg on PATH: $out is its output file (the hidden temporary beside the clip) ----
mkdir -p fakebin
FAKE=(env PATH="$WORK/fakebin:$PATH")

# ffmpeg fails on the second clip: the first stays, the second never appears, nothing hidden.
fake_ffmpeg 'n=$(cat calls 2>/dev/null || echo 0); echo $((n + 1)) >calls
cat >/dev/null
if [ "$n" = 1 ]; then echo partial >"$out"; echo "fake: encoder exploded" >&2; exit 3; fi
echo "clip $n" >"$out"'
rm -f calls
expect 1 "^flowview export: ffmpeg (ended|failed) \(exit status 3\).*fake: encoder exploded" \
  "${FAKE[@]}" "$FLOWVIEW" export talk.json --per-beat failed "${SIZE[@]}"
grep -q "failed/2-label.mp4" err.txt || fail "the error does not name the clip: $(cat err.txt)"
[[ $(listing failed) == "1-box-appears.mp4 " ]] || fail "after a failed clip: $(listing failed)"

# ffmpeg stops reading: stopped after FLOWVIEW_FFMPEG_TIMEOUT, exit 1, no clip at all.
fake_ffmpeg 'echo partial >"$out"; exec sleep 60'
expect 1 "^flowview export: ffmpeg (stopped reading frames|did not finish the video) for 1 s and was stopped" \
  "${FAKE[@]}" FLOWVIEW_FFMPEG_TIMEOUT=1 "$FLOWVIEW" export talk.json --per-beat stalled "${SIZE[@]}"
[[ -z $(listing stalled) ]] || fail "after a stalled ffmpeg: $(listing stalled)"

# the export killed while ffmpeg writes the first clip: no clip, no temporary, no ffmpeg left.
fake_ffmpeg 'echo partial >"$out"; touch "$(dirname "$out")/../ffmpeg_started"; exec sleep 60'
for signal in TERM INT; do
  rm -rf killed ffmpeg_started
  "${FAKE[@]}" "$FLOWVIEW" export talk.json --per-beat killed "${SIZE[@]}" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 200); do [[ -e ffmpeg_started ]] && break; sleep 0.05; done
  kill -$signal $pid
  wait $pid
  rc=$?
  [[ $rc == $((128 + $(kill -l $signal))) ]] || fail "per-beat export killed by SIG$signal exited $rc"
  [[ -z $(listing killed) ]] || fail "after SIG$signal: $(listing killed)"
  pgrep -f "sleep 60" -P $pid >/dev/null && fail "the ffmpeg child outlived SIG$signal"
done

# ---- folder policy (PNG folders, no ffmpeg needed) ----
expect 0 "" "$FLOWVIEW" export talk.json --per-beat frames --png "${SIZE[@]}"
[[ $(listing frames) == "1-box-appears 2-label 3-still " ]] || fail "items: $(listing frames)"
[[ $(listing frames/3-still) == "frame_000000.png frame_000001.png " ]] ||
  fail "3-still holds $(listing frames/3-still)"
expect 2 "^flowview export: --per-beat frames is not empty \(3 entries\); give a new or empty folder, or add --overwrite" \
  "$FLOWVIEW" export talk.json --per-beat frames --png "${SIZE[@]}"
# --overwrite: items of an earlier export are replaced or removed, everything else stays
mkdir -p frames/9-old && touch frames/9-old/frame_000000.png frames/8-gone.mp4 frames/notes.txt
touch frames/2-label/frame_000099.png frames/2-label/mine.txt
expect 0 "" "$FLOWVIEW" export talk.json --per-beat frames --png --overwrite "${SIZE[@]}"
[[ $(listing frames) == "1-box-appears 2-label 3-still notes.txt " ]] ||
  fail "after --overwrite: $(listing frames)"
[[ $(listing frames/2-label) == "frame_000000.png frame_000001.png frame_000002.png mine.txt " ]] ||
  fail "2-label after --overwrite: $(listing frames/2-label)"
# without ffmpeg on PATH: PNG folders, no --png needed
expect 0 "" env PATH=/nonexistent "$FLOWVIEW" export talk.json --per-beat no_ffmpeg "${SIZE[@]}"
[[ $(listing no_ffmpeg) == "1-box-appears 2-label 3-still " ]] || fail "without ffmpeg: $(listing no_ffmpeg)"
touch plain.txt
expect 2 "^flowview export: --per-beat plain.txt is a file, not a folder" \
  "$FLOWVIEW" export talk.json --per-beat plain.txt --png "${SIZE[@]}"
expect 2 "^flowview export: --per-beat needs a folder name, got ''" \
  "$FLOWVIEW" export talk.json --per-beat "" --png "${SIZE[@]}"
cat >long.json <<'JSON'
{"version": 1, "title": "Long", "objects": [],
 "beats": [{"beat": "wait", "name": "a", "duration": 3000}, {"beat": "wait", "name": "b", "duration": 3000}]}
JSON
expect 2 "^flowview export: the beats have 1440002 frames together, more than an export may write \(1000000\)" \
  "$FLOWVIEW" export long.json --per-beat many --png --fps 240 --size 64x36
[[ ! -e many ]] || fail "a refused export created its folder"

# ---- the real ffmpeg, when installed ----
if command -v ffmpeg >/dev/null; then
  expect 0 "" "$FLOWVIEW" export talk.json --per-beat clips "${SIZE[@]}"
  [[ $(listing clips) == "1-box-appears.mp4 2-label.mp4 3-still.mp4 " ]] || fail "clips: $(listing clips)"
  for clip in clips/*.mp4; do
    [[ $(head -c 8 "$clip" | tail -c 4) == ftyp ]] || fail "$clip is not an mp4"
  done
  frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames \
    -of csv=p=0 clips/1-box-appears.mp4)
  [[ $frames == 3 ]] || fail "1-box-appears.mp4 has $frames frames, expected 3"
  old=$(sha256sum clips/3-still.mp4)
  expect 2 "--per-beat clips is not empty" "$FLOWVIEW" export talk.json --per-beat clips "${SIZE[@]}"
  [[ $(sha256sum clips/3-still.mp4) == "$old" ]] || fail "a refused export changed a clip"
  expect 0 "" "$FLOWVIEW" export talk.json --per-beat clips --overwrite "${SIZE[@]}"
  [[ $(listing clips) == "1-box-appears.mp4 2-label.mp4 3-still.mp4 " ]] || fail "clips: $(listing clips)"
  expect 2 "--per-beat mp4 clips need an even --size" \
    "$FLOWVIEW" export talk.json --per-beat odd --size 63x36 --fps 4
  expect 2 "--per-beat with --transparent needs --png" \
    "$FLOWVIEW" export talk.json --per-beat alpha --transparent "${SIZE[@]}"
  [[ ! -e odd && ! -e alpha ]] || fail "a refused export created its folder"
else
  echo "note: ffmpeg is not installed; the real-ffmpeg cases were skipped"
fi

if ((failures > 0)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all per-beat cases passed"
