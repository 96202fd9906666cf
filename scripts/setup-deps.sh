#!/usr/bin/env bash
# Installs the Debian 12 packages flowview needs to build, test and run. Idempotent: when
# everything is present it only runs dpkg-query and exits.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang clang-format libclang-rt-14-dev
  libglfw3-dev libglm-dev libimgui-dev libstb-dev libfreetype-dev libfontconfig-dev
  nlohmann-json3-dev libeigen3-dev libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri python3-glad
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-cmu fonts-dejavu-core
  xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
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
