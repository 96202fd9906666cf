# Shared by the shell tests that drive the real binary (reliability.sh, per_beat.sh): sourced
# after WORK is set and the working folder entered. Counts failures in $failures.
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect CODE REGEX COMMAND...: runs COMMAND (at most 60 s), checks its exit code and stderr.
expect() {
  local code=$1 regex=$2
  shift 2
  timeout -k 5 60 "$@" >"$WORK/out.txt" 2>"$WORK/err.txt"
  local rc=$?
  if [[ $rc != "$code" ]]; then
    fail "'$*' exited $rc, expected $code; stderr: $(head -c 600 "$WORK/err.txt")"
  elif [[ -n $regex ]] && ! grep -Eq -- "$regex" "$WORK/err.txt"; then
    fail "'$*': stderr does not match '$regex': $(head -c 600 "$WORK/err.txt")"
  fi
}

same_content() {  # same_content FILE TEXT
  [[ -f $1 && $(cat "$1") == "$2" ]] || fail "$1 was changed (expected '$2')"
}

no_hidden_temps() {  # no_hidden_temps DIR
  local left
  left=$(find "$1" -maxdepth 1 -name '.*' ! -name . ! -name .. | head -5)
  [[ -z $left ]] || fail "temporary files left behind: $left"
}

# fake_ffmpeg SHELL-BODY: puts a fake ffmpeg in ./fakebin; in the body, $out is the output file
# ffmpeg was given (its last argument)
fake_ffmpeg() {
  mkdir -p fakebin
  printf '#!/bin/sh\nfor out; do :; done\n%s\n' "$1" >fakebin/ffmpeg
  chmod +x fakebin/ffmpeg
}
