#!/usr/bin/env bash
# Hostile paths, export writing, signals and argument messages (issue 15), through the real binary.
#   tests/cli/reliability.sh FLOWVIEW SCENES_DIR WORK_DIR
# Every case asserts the exit code and the message; files that existed before must survive.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
FLOWVIEW=$1
SCENES=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
export DISPLAY=
PATTERN=$SCENES/test_pattern.json

# ---- 1, 2: only regular files are read, and only up to 16 MiB ----
mkfifo fifo.json
for command in validate info; do
  expect 2 "fifo.json: cannot open file: not a regular file \(a FIFO\)" "$FLOWVIEW" $command fifo.json
done
expect 2 "fifo.json: cannot open file: not a regular file \(a FIFO\)" \
  "$FLOWVIEW" render fifo.json --time 0 --out fifo.png
ln -s /dev/zero zero.json
expect 2 "zero.json: cannot open file: not a regular file \(a character device\)" "$FLOWVIEW" validate zero.json
expect 2 "cannot open file: not a regular file" "$FLOWVIEW" validate /dev/urandom
truncate -s 17M big.json
expect 2 "big.json: file too large: scene files are limited to 16 MiB, this one has 17825792 bytes" \
  "$FLOWVIEW" validate big.json
expect 2 "cannot open file: Is a directory" "$FLOWVIEW" validate "$WORK"

# ---- 13: one time limit (1e9 s) for scenes and for --time/--from/--to ----
# 9999 waits of 1e5 s (the beat limit is 10000) and a play whose second animation starts 1e6 s in
{
  printf '{"version": 1, "objects": [{"id": "c", "type": "circle", "radius": 1}], "beats": ['
  for i in $(seq 1 9999); do printf '{"beat": "wait", "duration": 1e5},'; done
  printf '{"beat": "play", "run_time": 1e5, "lag_ratio": 10, "animations": ['
  printf '{"type": "fade_in", "target": "c"}, {"type": "fade_in", "target": "c"}]}]}'
} >too_long.json
expect 2 "too_long.json:1:.*: /beats: the scene lasts 1001000000 s, more than the limit of 1e9 s" \
  "$FLOWVIEW" validate too_long.json
expect 2 "render: --time must be between 0 and 1e9, got 2e9" "$FLOWVIEW" render "$PATTERN" --time 2e9 --out t.png

# range messages quote the documented limits, not those of the machine's integers
echo '{"version": 1, "beats": [{"beat": "scale_stack", "tokens": 99999999999}]}' >huge_tokens.json
expect 2 "huge_tokens.json:1:.*: /beats/0/tokens: must be between 1 and 65536, got 99999999999$" \
  "$FLOWVIEW" validate huge_tokens.json
echo '{"version": 99999999999, "beats": [{"beat": "wait"}]}' >huge_version.json
expect 2 "/version: unsupported version 99999999999 \(this flowview reads version 1\)$" \
  "$FLOWVIEW" validate huge_version.json
expect 2 "export: --fps must be between 1 and 240, got 1e99$" "$FLOWVIEW" export "$PATTERN" --fps 1e99 --out f

# ---- 5: frame counts in 64 bits, absurd counts refused ----
{
  printf '{"version": 1, "beats": ['
  for i in $(seq 1 99); do printf '{"beat": "wait", "duration": 1e5},'; done
  printf '{"beat": "wait", "duration": 1e5}]}'
} >long.json
expect 2 "export: 2400000001 frames \(1e\+07 s at 240 fps\) is more than an export may write \(1000000\)" \
  "$FLOWVIEW" export long.json --fps 240 --size 16x16 --out long_frames
[[ ! -e long_frames ]] || fail "a refused export created its folder"
expect 2 "is more than an export may write" "$FLOWVIEW" export long.json --fps 30 --to 40000 --size 16x16 --out long_frames

# ---- 8: stale frames: a non-empty folder is refused unless --overwrite ----
expect 0 "" "$FLOWVIEW" export "$PATTERN" --size 32x18 --fps 4 --to 1 --out frames
[[ $(ls frames | wc -l) == 5 ]] || fail "export wrote $(ls frames | wc -l) frames, expected 5"
echo "stale" >frames/frame_000099.png
echo "keep me" >frames/notes.txt
expect 2 "export: --out frames is not empty \(7 entries\); give a new or empty folder, or add --overwrite" \
  "$FLOWVIEW" export "$PATTERN" --size 32x18 --fps 2 --to 1 --out frames
same_content frames/frame_000099.png "stale"
expect 0 "" "$FLOWVIEW" export "$PATTERN" --size 32x18 --fps 2 --to 1 --out frames --overwrite
[[ ! -e frames/frame_000099.png && ! -e frames/frame_000003.png ]] || fail "--overwrite left stale frames"
[[ -e frames/frame_000002.png ]] || fail "--overwrite did not write frame 2"
same_content frames/notes.txt "keep me"
echo "not a folder" >plain_file
expect 2 "export: --out plain_file is a file, not a folder" \
  "$FLOWVIEW" export "$PATTERN" --size 32x18 --fps 2 --to 1 --out plain_file
same_content plain_file "not a folder"

# ---- 10: never the input scene; symbolic links are written through ----
cp "$PATTERN" scene.json
expect 2 "render: --out scene.json is the scene file itself; give another name" \
  "$FLOWVIEW" render scene.json --time 0 --out scene.json
ln -s scene.json scene_link.png
expect 2 "is the scene file itself" "$FLOWVIEW" render scene.json --time 0 --out scene_link.png
cmp -s scene.json "$PATTERN" || fail "the scene file was changed"
[[ -L scene_link.png ]] || fail "the link to the scene was replaced"
echo "old" >real.png
ln -s real.png link.png
expect 0 "" "$FLOWVIEW" render "$PATTERN" --time 0 --size 16x16 --out link.png
[[ -L link.png ]] || fail "render replaced the symbolic link instead of writing through it"
[[ $(head -c 4 real.png | od -An -tx1 | tr -d ' ') == 89504e47 ]] || fail "real.png is not the new PNG"
chmod 600 real.png
expect 0 "" "$FLOWVIEW" render "$PATTERN" --time 0 --size 16x16 --out real.png
[[ $(stat -c %a real.png) == 600 ]] || fail "render changed the permissions of the file it replaced"

# ---- 12: messages and codes ----
expect 2 "render: --out needs a file name, got ''" "$FLOWVIEW" render "$PATTERN" --time 0 --out ""
expect 2 "export: --out needs a file name, got ''" "$FLOWVIEW" export "$PATTERN" --out ""
expect 2 "^flowview: unknown command 'rendr' \(did you mean render\?\)" "$FLOWVIEW" rendr scene.json
expect 2 "^flowview: unknown command 'frobnicate' \(commands: render, export" "$FLOWVIEW" frobnicate
expect 2 "^flowview export: --to must not be before --from$" \
  "$FLOWVIEW" export "$PATTERN" --from 1 --to 0.5 --out x_frames
mkdir -p outdir
expect 2 "render: --out outdir/ is a folder; render writes one image: give a file name such as outdir/frame.png" \
  "$FLOWVIEW" render "$PATTERN" --time 0 --out outdir/
expect 2 "render: --out outdir is a folder" "$FLOWVIEW" render "$PATTERN" --time 0 --out outdir
digits=$(head -c 100000 /dev/zero | tr '\0' 7)
expect 2 "^flowview render: --time expects a number|--time must be between 0 and 1e9, got 7{40}\.\.\.\(99960 more characters\)$" \
  "$FLOWVIEW" render "$PATTERN" --time "$digits" --out t.png
[[ $(wc -c <err.txt) -lt 300 ]] || fail "a 100000-digit argument was echoed whole ($(wc -c <err.txt) bytes)"
expect 2 "unknown option --x{40}\.\.\.\(59960 more characters\)" "$FLOWVIEW" render "$PATTERN" "--$(head -c 60000 /dev/zero | tr '\0' x)"
expect 2 "render: --size expects WIDTHxHEIGHT, got '320X180'" "$FLOWVIEW" render "$PATTERN" --size 320X180 --out t.png
expect 2 "render: --time expects a number, got '0x1'" "$FLOWVIEW" render "$PATTERN" --time 0x1 --out t.png
expect 2 "render: --time expects a number, got 'inf'" "$FLOWVIEW" render "$PATTERN" --time inf --out t.png
expect 2 "render: --time expects a number, got ' 1'" "$FLOWVIEW" render "$PATTERN" --time " 1" --out t.png
expect 0 "" "$FLOWVIEW" render "$PATTERN" --time 0 --size 32x18 --out a.jpg
[[ $(head -c 3 a.jpg | od -An -tx1 | tr -d ' ') == ffd8ff ]] || fail "a.jpg is not a JPEG"
expect 2 "render: --transparent needs a .png: JPEG has no alpha channel" \
  "$FLOWVIEW" render "$PATTERN" --time 0 --transparent --out b.jpg
expect 2 "render: --out a.gif: unknown image type; give a name ending in .png, .jpg or .jpeg" \
  "$FLOWVIEW" render "$PATTERN" --time 0 --out a.gif
[[ ! -e b.jpg && ! -e a.gif ]] || fail "a refused render wrote a file"
for command in render export; do
  expect 2 "$command: --samples must be between 1 and 16, got 0" "$FLOWVIEW" $command "$PATTERN" --samples 0 --out s_out.png
done
expect 2 "bench: --samples must be between 1 and 16, got 0" "$FLOWVIEW" bench "$PATTERN" --samples 0
expect 2 "^flowview: --samples must be between 1 and 16, got 0" "$FLOWVIEW" "$PATTERN" --samples 0
expect 2 "export: --transparent needs PNG frames: an .mp4 \(H.264, yuv420p\) has no alpha channel" \
  "$FLOWVIEW" export "$PATTERN" --transparent --out v.mp4
expect 0 "render: no --time given: rendering the end of the scene \([0-9.]+ s\)" \
  "$FLOWVIEW" render "$PATTERN" --size 32x18 --out end.png

# a full disk during an export: the error has its own line, not the progress bar's
if command -v prlimit >/dev/null; then
  expect 1 "^flowview export: cannot write .*frame_00000[0-9].png: File too large$" \
    prlimit --fsize=2048 "$FLOWVIEW" export "$PATTERN" --size 320x180 --fps 4 --out full_frames
  no_hidden_temps full_frames
fi

# ---- 6, 7, 9: ffmpeg that fails, stalls or is interrupted (fake ffmpeg on PATH) ----
mkdir -p fakebin
echo "old video" >good.mp4
fake_ffmpeg 'echo "fake: encoder exploded" >&2; exit 3'
expect 1 "^flowview export: ffmpeg (ended|failed) \(exit status 3\).*: fake: encoder exploded" \
  env PATH="$WORK/fakebin:$PATH" "$FLOWVIEW" export "$PATTERN" --size 320x180 --fps 10 --out good.mp4
same_content good.mp4 "old video"
fake_ffmpeg 'exec sleep 60'
expect 1 "^flowview export: ffmpeg (stopped reading frames|did not finish the video) for 1 s and was stopped" \
  env FLOWVIEW_FFMPEG_TIMEOUT=1 PATH="$WORK/fakebin:$PATH" "$FLOWVIEW" export "$PATTERN" --size 640x360 --fps 10 --out good.mp4
same_content good.mp4 "old video"
no_hidden_temps .
fake_ffmpeg 'echo partial >"$out"; touch "$(dirname "$out")/ffmpeg_started"; exec sleep 60'
for signal in TERM INT; do
  rm -f ffmpeg_started
  env PATH="$WORK/fakebin:$PATH" "$FLOWVIEW" export "$PATTERN" --size 320x180 --fps 10 --out good.mp4 2>/dev/null &
  pid=$!
  for _ in $(seq 1 200); do [[ -e ffmpeg_started ]] && break; sleep 0.05; done
  kill -$signal $pid
  wait $pid
  rc=$?
  [[ $rc == $((128 + $(kill -l $signal))) ]] || fail "export killed by SIG$signal exited $rc"
  same_content good.mp4 "old video"
  no_hidden_temps .
  pgrep -f "sleep 60" -P $pid >/dev/null && fail "the ffmpeg child outlived SIG$signal"
done

# SIGINT and SIGTERM while PNG frames are written: no hidden temporary frame is left
for signal in INT TERM; do
  rm -rf sig_frames
  # 241 frames take seconds even on a fast machine: the signal lands mid-export, once frames
  # (finished or temporary) are being written, whatever the encoder threads' timing
  "$FLOWVIEW" export "$PATTERN" --size 1920x1080 --fps 240 --out sig_frames 2>/dev/null &
  pid=$!
  for _ in $(seq 1 1000); do
    (($(find sig_frames -maxdepth 1 -name '*frame_*' 2>/dev/null | wc -l) >= 2)) && break
    sleep 0.01
  done
  kill -$signal $pid
  wait $pid
  rc=$?
  [[ $rc == $((128 + $(kill -l $signal))) ]] || fail "export killed by SIG$signal exited $rc"
  no_hidden_temps sig_frames
done

# the real ffmpeg, when installed: a playable mp4 replaces the old file only at the end
if command -v ffmpeg >/dev/null; then
  expect 0 "" "$FLOWVIEW" export "$PATTERN" --size 64x36 --fps 10 --to 1 --out good.mp4
  [[ $(head -c 8 good.mp4 | tail -c 4) == ftyp ]] || fail "good.mp4 is not an mp4"
  no_hidden_temps .
  expect 2 "--size must be even in both directions for an .mp4 \(yuv420p\), got 63x36" \
    "$FLOWVIEW" export "$PATTERN" --size 63x36 --out odd.mp4
else
  echo "note: ffmpeg is not installed; the real-ffmpeg cases were skipped"
fi

if ((failures > 0)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all reliability cases passed"
