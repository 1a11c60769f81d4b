#!/usr/bin/env bash
# Checks the CUDA backend on a machine with a GPU: byte-identical output of every golden test
# on --backend cuda and --backend cpu, a --count batch against single CPU runs, the standalone
# host (--emit-host) on CUDA against its CPU run, and timings.
# Usage: tests/device/gpu_check.sh BIN OUTDIR
set -uo pipefail
bin=$(realpath "$1")
out=$2
mkdir -p "$out"
cd "$(dirname "$0")/../.."
export METALFPGA_PIPELINE_ARCHIVE=$(mktemp -d)
nvidia-smi -L > "$out/device.txt" 2>&1
"$bin" --run --backend cuda --run-verbose --profile examples/counter.v > "$out/counter.txt" 2>&1
echo "counter exit $?" >> "$out/counter.txt"
python3 tests/device/compare_backends.py --bin "$bin" tests/verilog/sim/*.v \
    > "$out/compare.txt" 2>&1
echo "compare exit $?" >> "$out/compare.txt"
python3 tests/verilog/run_batch_check.py --bin "$bin" --cache "$METALFPGA_PIPELINE_ARCHIVE" \
    --backend cuda --count 1024 --singles 16 tests/verilog/batch/random_seeds.v \
    > "$out/batch.txt" 2>&1
echo "batch exit $?" >> "$out/batch.txt"
# The plain state layout (the default interleaves states that fit) must print the same.
METALFPGA_CUDA_LAYOUT=plain python3 tests/device/compare_backends.py --bin "$bin" \
    --cache "$METALFPGA_PIPELINE_ARCHIVE" tests/verilog/sim/*.v > "$out/compare_plain.txt" 2>&1
echo "compare plain exit $?" >> "$out/compare_plain.txt"
METALFPGA_CUDA_LAYOUT=plain python3 tests/verilog/run_batch_check.py --bin "$bin" \
    --cache "$METALFPGA_PIPELINE_ARCHIVE" --backend cuda --count 1024 --singles 16 \
    tests/verilog/batch/random_seeds.v > "$out/batch_plain.txt" 2>&1
echo "batch plain exit $?" >> "$out/batch_plain.txt"
# A launch that outlives --dispatch-timeout-ms ends the run (exit 1) within moments.
start=$(python3 -c "import time; print(time.time())")
"$bin" --run --backend cuda --dispatch-timeout-ms 200 --max-steps 100000000 \
    tests/device/long_launch.v > "$out/timeout.txt" 2>&1
echo "timeout exit $? after $(python3 -c "import time; print(round(time.time() - $start, 2))") s" >> "$out/timeout.txt"
# The standalone host (--emit-host, built against libmetalfpga_host.a beside BIN) runs one
# golden test's CUDA entry and must print what its CPU entry prints.
host_dir=$(mktemp -d)
{
    (cd tests/verilog/sim &&
        "$bin" --run --backend cpu --emit-host "$host_dir/host.cpp" blocking.v > /dev/null &&
        "$bin" --run --backend cuda blocking.v > /dev/null) &&
        c++ -std=c++20 -O2 "$host_dir/host.cpp" -I src -L "$(dirname "$bin")" -lmetalfpga_host \
            -ldl -pthread -o "$host_dir/host" &&
        "$host_dir/host" --backend cpu > "$host_dir/cpu.txt" &&
        "$host_dir/host" --backend cuda --run-verbose --profile > "$host_dir/cuda.txt" &&
        cmp "$host_dir/cpu.txt" "$host_dir/cuda.txt" && cmp "$host_dir/cpu.txt" \
        tests/verilog/sim/blocking.out
} > "$out/standalone.txt" 2>&1
echo "standalone exit $?" >> "$out/standalone.txt"
