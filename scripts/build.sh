#!/usr/bin/env bash
# Configures and builds into build/ (installing missing Debian packages first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DMETALFPGA_WERROR=ON >/dev/null
cmake --build build
