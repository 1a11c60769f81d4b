#!/usr/bin/env bash
# Builds metalfpga and runs the example design.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
build/metalfpga_cli --run examples/counter.v
