#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, and nothing that is already there.
# --bench also installs what the full benchmark run (bench/run.py) compares against: Verilator,
# and matplotlib for its plots. The tests, bench/run.py --quick included, need neither.
set -euo pipefail
pkgs=(cmake ninja-build g++ libgtest-dev libgmock-dev libbenchmark-dev libfmt-dev libcli11-dev
      libxxhash-dev iverilog python3 clang libclang-rt-14-dev libmpfr-dev)
if [ "${1:-}" = "--bench" ]; then
    pkgs+=(verilator python3-matplotlib)
fi
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
