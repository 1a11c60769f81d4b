#!/usr/bin/env bash
# Fuzzes the preprocessor and parser with libFuzzer (clang, ASan, UBSan).
#   scripts/fuzz.sh [SECONDS] [JOBS]     default: 1800 seconds, 1 job
# Seeds: fuzz/corpus and, when present, the ivtest sources in ../shared/ivtest/ivltests.
# New inputs collect in .fuzz-corpus/ (ignored by git); crashes land in .fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-1800}
jobs=${2:-1}
scripts/install-deps.sh
CXX=clang++ CC=clang cmake -S . -B build-fuzz -G Ninja -DMETALFPGA_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz --target frontend_fuzz
mkdir -p .fuzz-corpus .fuzz-artifacts
# A dictionary of every keyword, operator and directive helps the fuzzer build real Verilog.
{
    sed -n 's/^\(TOKEN\|KEYWORD\)([A-Za-z0-9_]*, \("[^"]*"\)).*/\2/p' src/frontend/token_kinds.def
    for d in define undef ifdef ifndef elsif else endif include timescale default_nettype \
             celldefine endcelldefine resetall line unconnected_drive nounconnected_drive; do
        echo "\"\`$d\""
    done
} >build-fuzz/verilog.dict
seeds=(fuzz/corpus)
[ -d ../shared/ivtest/ivltests ] && seeds+=(../shared/ivtest/ivltests)
build-fuzz/fuzz/frontend_fuzz .fuzz-corpus "${seeds[@]}" -dict=build-fuzz/verilog.dict \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix=.fuzz-artifacts/ -jobs="$jobs" -workers="$jobs" -print_final_stats=1
