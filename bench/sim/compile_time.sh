#!/usr/bin/env bash
# Compile time of a model: cold (empty pipeline cache) and cached, with Icarus for comparison.
# Usage: bench/sim/compile_time.sh [path/to/metalfpga_cli] [design.v]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="${1:-$here/../../build/metalfpga_cli}"
design="${2:-$here/../../tests/verilog/sim/regfile_alu.v}" # also a golden test
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
export METALFPGA_PIPELINE_ARCHIVE="$cache"
ms() { python3 -c 'import sys,time,subprocess; t=time.time(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(f"{(time.time()-t)*1000:.0f} ms")' "$@"; }
echo "design: $design ($(wc -l < "$design") lines)"
echo "metalfpga --run, cold cache:   $(ms "$cli" --run "$design")"
echo "metalfpga --run, cached:       $(ms "$cli" --run "$design")"
if command -v iverilog > /dev/null; then
    echo "iverilog + vvp:                $(ms sh -c "iverilog -o '$cache/x' '$design' && vvp -n '$cache/x'")"
fi
