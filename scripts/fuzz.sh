#!/usr/bin/env bash
# Runs a libFuzzer target (clang, ASan, UBSan), built in build-libfuzz/:
#   scripts/fuzz.sh [TARGET] [SECONDS] [JOBS]    defaults: frontend, 1800 seconds, 1 job
#   TARGET  frontend: preprocessor, parser and AST dump (any bytes, inputs up to 64 KiB)
#           pipeline: also elaboration, planning and generation of the model's C++ source
#                     (inputs up to 4 KiB; no C++ compile)
# Seeds: fuzz/corpus and the golden tests tests/verilog/sim (pipeline) or, when present, the
# ivtest sources in ../shared/ivtest/ivltests (frontend). New inputs collect in .fuzz-corpus/TARGET/ (ignored by
# git); crashes land in .fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=frontend
if [[ ${1:-} =~ ^[a-z]+$ ]]; then
    target=$1
    shift
fi
secs=${1:-1800}
jobs=${2:-1}
case $target in
frontend) max_len=65536 ;;
pipeline) max_len=4096 ;;
*)
    echo "unknown target '$target' (frontend or pipeline)" >&2
    exit 2
    ;;
esac
scripts/install-deps.sh
CXX=clang++ CC=clang cmake -S . -B build-libfuzz -G Ninja -DMETALFPGA_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-libfuzz --target "${target}_fuzz"
mkdir -p ".fuzz-corpus/$target" .fuzz-artifacts
# A dictionary of every keyword, operator and directive helps the fuzzer build real Verilog.
{
    sed -n 's/^\(TOKEN\|KEYWORD\)([A-Za-z0-9_]*, \("[^"]*"\)).*/\2/p' src/frontend/token_kinds.def
    for d in define undef ifdef ifndef elsif else endif include timescale default_nettype \
             celldefine endcelldefine resetall line unconnected_drive nounconnected_drive; do
        echo "\"\`$d\""
    done
} >build-libfuzz/verilog.dict
# The pipeline target spends far longer per input: it starts from the golden tests only.
seeds=(fuzz/corpus)
if [ "$target" = pipeline ]; then
    seeds+=(tests/verilog/sim)
elif [ -d ../shared/ivtest/ivltests ]; then
    seeds+=(../shared/ivtest/ivltests)
fi
# Only .v files of the seed folders (the golden folder also holds the expected outputs).
seed_dir=build-libfuzz/seeds-$target
rm -rf "$seed_dir" && mkdir -p "$seed_dir"
find "${seeds[@]}" -maxdepth 1 -name '*.v' -exec cp -t "$seed_dir" {} +
# The compiler's passes recurse as deep as the input nests: a large stack, as the CLI has.
ulimit -s 1048576 2>/dev/null || true
"build-libfuzz/fuzz/${target}_fuzz" ".fuzz-corpus/$target" "$seed_dir" \
    -dict=build-libfuzz/verilog.dict -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max_len" -artifact_prefix=.fuzz-artifacts/ -jobs="$jobs" -workers="$jobs" \
    -print_final_stats=1
