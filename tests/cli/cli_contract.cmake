# The command-line contract (docs/command-line.md), run against the real binary.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(expect_run expected_code expected_stderr)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "'${ARGN}' exited ${code}, expected ${expected_code}\nstderr: ${err}")
  endif()
  if(expected_stderr AND NOT err MATCHES "${expected_stderr}")
    message(FATAL_ERROR "'${ARGN}' stderr did not match '${expected_stderr}':\n${err}")
  endif()
  set(LAST_OUT "${out}" PARENT_SCOPE)
  set(LAST_ERR "${err}" PARENT_SCOPE)
endfunction()

set(ENV{DISPLAY} "")
expect_run(0 "" ${FLOWVIEW} --version)
if(NOT LAST_OUT MATCHES "^flowview [0-9]+\\.[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "--version printed '${LAST_OUT}'")
endif()
expect_run(0 "" ${FLOWVIEW} --help)
if(NOT LAST_OUT MATCHES "flowview render SCENE.json")
  message(FATAL_ERROR "--help lacks the render usage")
endif()

# render works with no display and writes a PNG
expect_run(0 "" ${FLOWVIEW} render ${SCENES}/test_pattern.json --time 0 --size 64x36 --out ${WORK}/a.png)
if(NOT EXISTS ${WORK}/a.png)
  message(FATAL_ERROR "render wrote no PNG")
endif()
file(READ ${WORK}/a.png head LIMIT 8 HEX)
if(NOT head STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "a.png is not a PNG (${head})")
endif()

# argument errors: exit 2, one line, nothing written
expect_run(2 "flowview render: --size expects WIDTHxHEIGHT, got 'abc'" ${FLOWVIEW} render ${SCENES}/test_pattern.json --size abc --out ${WORK}/b.png)
expect_run(2 "flowview render: --time expects a number, got 'soon'" ${FLOWVIEW} render ${SCENES}/test_pattern.json --time soon --out ${WORK}/b.png)
expect_run(2 "flowview render: missing --out" ${FLOWVIEW} render ${SCENES}/test_pattern.json)
expect_run(2 "flowview render: unknown option --colour" ${FLOWVIEW} render ${SCENES}/test_pattern.json --colour red --out ${WORK}/b.png)
expect_run(2 "flowview render: --size must be between 1x1 and 7680x4320, got 9000x9000" ${FLOWVIEW} render ${SCENES}/test_pattern.json --size 9000x9000 --out ${WORK}/b.png)
expect_run(2 "flowview bench: --samples must be between 1 and 16, got 99" ${FLOWVIEW} bench ${SCENES}/test_pattern.json --samples 99)
expect_run(2 "flowview: --samples must be between 1 and 16, got 99" ${FLOWVIEW} ${SCENES}/test_pattern.json --samples 99)
expect_run(2 "is past the end of the scene" ${FLOWVIEW} render ${SCENES}/test_pattern.json --time 99 --out ${WORK}/b.png)
if(EXISTS ${WORK}/b.png)
  message(FATAL_ERROR "a failed render left b.png behind")
endif()

# scene file errors: exit 2 with file:line:column and the JSON path
file(WRITE ${WORK}/bad.json "{\"version\": 1,\n \"beats\": [{\"beat\": \"wait\", \"duration\": \"long\"}]}")
expect_run(2 "bad.json:2:41: /beats/0/duration: expected a number, got a string" ${FLOWVIEW} validate ${WORK}/bad.json)
expect_run(2 "cannot open file" ${FLOWVIEW} validate ${WORK}/missing.json)
file(WRITE ${WORK}/truncated.json "{\"version\": 1, \"beats\": [")
expect_run(2 "truncated.json:1:26: unexpected end of input" ${FLOWVIEW} info ${WORK}/truncated.json)

# an existing screenshot survives a failed render over it
file(WRITE ${WORK}/keep.png "old")
expect_run(2 "" ${FLOWVIEW} render ${WORK}/bad.json --out ${WORK}/keep.png)
file(READ ${WORK}/keep.png kept)
if(NOT kept STREQUAL "old")
  message(FATAL_ERROR "keep.png was overwritten by a failed render")
endif()

# unwritable folder: exit 1 (the machine's fault), clear message
expect_run(1 "folder does not exist" ${FLOWVIEW} render ${SCENES}/test_pattern.json --out ${WORK}/no/such/dir/x.png)

# a full disk (simulated with a 2 KiB file-size limit): exit 1, nothing half-written, the old file kept
find_program(PRLIMIT prlimit)
if(PRLIMIT)
  file(WRITE ${WORK}/full.png "previous screenshot")
  expect_run(1 "cannot write .*full.png: File too large" ${PRLIMIT} --fsize=2048 ${FLOWVIEW} render ${SCENES}/test_pattern.json --size 320x180 --out ${WORK}/full.png)
  file(READ ${WORK}/full.png kept)
  if(NOT kept STREQUAL "previous screenshot")
    message(FATAL_ERROR "full.png was damaged by a failed write")
  endif()
  file(GLOB leftovers ${WORK}/.full.png.*)
  if(leftovers)
    message(FATAL_ERROR "a temporary file was left behind: ${leftovers}")
  endif()
endif()

# missing shader files and a missing font: exit 1 with the path
set(ENV{FLOWVIEW_SHADER_DIR} ${WORK}/no_shaders)
expect_run(1 "cannot open shader file: .*no_shaders/mesh.vert" ${FLOWVIEW} render ${SCENES}/test_pattern.json --out ${WORK}/c.png)
unset(ENV{FLOWVIEW_SHADER_DIR})
expect_run(1 "font file not found: .*no_such_font.ttf" ${FLOWVIEW} render ${SCENES}/test_pattern.json --font ${WORK}/no_such_font.ttf --out ${WORK}/c.png)
if(EXISTS ${WORK}/c.png)
  message(FATAL_ERROR "a failed render left c.png behind")
endif()

# info: JSON with the beats
expect_run(0 "" ${FLOWVIEW} info ${SCENES}/high_level_network_flow.json)
string(JSON duration GET "${LAST_OUT}" duration)
string(JSON beats LENGTH "${LAST_OUT}" beats)
if(NOT beats EQUAL 34 OR duration LESS 78.03 OR duration GREATER 78.05)
  message(FATAL_ERROR "info: ${beats} beats, ${duration} s (expected 34, 78.04)")
endif()
expect_run(0 "" ${FLOWVIEW} validate ${SCENES}/high_level_network_flow.json)
