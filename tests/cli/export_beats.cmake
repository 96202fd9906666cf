# export --per-beat, --handout, --camera and --orbit through the real binary (docs/command-line.md).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(ENV{DISPLAY} "")

function(run_ok)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "'${ARGN}' exited ${code}\nstderr: ${err}")
  endif()
endfunction()

function(run_fails expected_code expected_stderr)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code OR NOT err MATCHES "${expected_stderr}")
    message(FATAL_ERROR "'${ARGN}' exited ${code}, expected ${expected_code} and '${expected_stderr}'\nstderr: ${err}")
  endif()
endfunction()

# Three beats, one of them without notes (the handout takes its section's).
file(WRITE ${WORK}/talk.json [=[
{"version": 1, "title": "Talk",
 "camera": {"euler_deg": [-30, -20, 0], "center": [0, 0, 0], "height": 8},
 "objects": [
   {"id": "box", "type": "box", "size": [2, 2, 2], "position": [0, 0, 0], "color": "BLUE_D"},
   {"id": "label", "type": "text", "text": "beats", "font_size": 72, "position": [0, 2.2, 0]}],
 "beats": [
   {"beat": "play", "name": "Box appears!", "section": "one", "run_time": 0.5, "notes": "First a box.",
    "animations": [{"type": "fade_in", "target": "box"}]},
   {"beat": "play", "name": "label", "section": "one", "run_time": 0.5,
    "animations": [{"type": "write", "target": "label"}]},
   {"beat": "wait", "name": "still", "section": "two", "duration": 0.25, "notes": "The end."}]}
]=])

# --per-beat with --png: one folder per beat, named by number and beat name, frames inside.
run_ok(${FLOWVIEW} export ${WORK}/talk.json --per-beat ${WORK}/beats --png --size 64x36 --fps 4)
file(GLOB items RELATIVE ${WORK}/beats ${WORK}/beats/*)
list(SORT items)
if(NOT items STREQUAL "1-box-appears;2-label;3-still")
  message(FATAL_ERROR "--per-beat items: '${items}'")
endif()
file(GLOB frames ${WORK}/beats/1-box-appears/*.png)
list(LENGTH frames frame_count)
if(NOT frame_count EQUAL 3)  # 0.5 s at 4 frames/s, both ends
  message(FATAL_ERROR "beat 1 has ${frame_count} frames, expected 3")
endif()

# --handout: a PDF with one page per beat.
run_ok(${FLOWVIEW} export ${WORK}/talk.json --handout ${WORK}/talk.pdf --size 128x72)
file(READ ${WORK}/talk.pdf magic LIMIT 5 HEX)
if(NOT magic STREQUAL "255044462d")  # "%PDF-"
  message(FATAL_ERROR "talk.pdf is not a PDF")
endif()
file(STRINGS ${WORK}/talk.pdf pages REGEX "/Type /Page([^s]|$)")
list(LENGTH pages page_count)
if(NOT page_count EQUAL 3)
  message(FATAL_ERROR "the handout has ${page_count} pages, expected 3")
endif()
run_fails(2 "--handout expects a FILE.pdf" ${FLOWVIEW} export ${WORK}/talk.json --handout ${WORK}/talk.png)

# --camera changes the picture; the same camera as the scene's does not.
set(top "{\"euler_deg\": [0, -80, 0], \"center\": [0, 0, 0], \"height\": 10}")
set(same "{\"euler_deg\": [-30, -20, 0], \"center\": [0, 0, 0], \"height\": 8}")
run_ok(${FLOWVIEW} render ${WORK}/talk.json --time 1 --size 96x54 --out ${WORK}/plain.png)
run_ok(${FLOWVIEW} render ${WORK}/talk.json --time 1 --size 96x54 --camera ${top} --out ${WORK}/top.png)
file(WRITE ${WORK}/same.json "${same}")
run_ok(${FLOWVIEW} render ${WORK}/talk.json --time 1 --size 96x54 --camera ${WORK}/same.json --out ${WORK}/same.png)
file(SHA256 ${WORK}/plain.png plain_hash)
file(SHA256 ${WORK}/top.png top_hash)
file(SHA256 ${WORK}/same.png same_hash)
if(plain_hash STREQUAL top_hash)
  message(FATAL_ERROR "--camera did not change the picture")
endif()
if(NOT plain_hash STREQUAL same_hash)
  message(FATAL_ERROR "--camera with the scene's own camera changed the picture")
endif()
run_fails(2 "--camera: .*height" ${FLOWVIEW} render ${WORK}/talk.json --camera "{\"euler_deg\": [0, 0, 0], \"center\": [0, 0, 0]}" --out ${WORK}/x.png)
run_fails(2 "--camera: cannot read" ${FLOWVIEW} render ${WORK}/talk.json --camera ${WORK}/missing.json --out ${WORK}/x.png)

# --orbit turns the camera over the export: the last frame differs from the same export without it.
run_ok(${FLOWVIEW} export ${WORK}/talk.json --from 1 --to 1.25 --fps 4 --size 96x54 --out ${WORK}/still)
run_ok(${FLOWVIEW} export ${WORK}/talk.json --from 1 --to 1.25 --fps 4 --size 96x54 --orbit 90 --out ${WORK}/orbit)
file(SHA256 ${WORK}/still/frame_000000.png still_first)
file(SHA256 ${WORK}/orbit/frame_000000.png orbit_first)
file(SHA256 ${WORK}/still/frame_000001.png still_last)
file(SHA256 ${WORK}/orbit/frame_000001.png orbit_last)
if(NOT still_first STREQUAL orbit_first)
  message(FATAL_ERROR "--orbit moved the first frame")
endif()
if(still_last STREQUAL orbit_last)
  message(FATAL_ERROR "--orbit did not turn the camera")
endif()
