#pragma once
// The standalone host (metalfpga_cli --emit-host PATH): a program that runs one design's compiled
// model from the pipeline archive without the compiler. The emitted source holds the model's
// archive keys and its host-side description (runtime/model_info.h) and calls runStandalone();
// it links against libmetalfpga_host.a (the runtime, the CPU backend and, in a build with CUDA,
// the CUDA backend, whose driver is loaded at run time). This header needs nothing but the C++
// standard library, so the emitted source builds with only `-I src`.

#include <cstddef>

namespace metalfpga::runtime {

struct StandaloneModel {
    const char* design = "";             // the top module names, for messages and --help
    const char* key = "";                // the CPU archive key (backends/cpu: modelKey)
    const char* cudaBaseKey = "";        // backends/cuda: baseKey; empty: no CUDA entry
    const char* archive = "";            // the archive folder when the host was emitted
    const unsigned char* info = nullptr; // encodeModelInfo() bytes
    size_t infoSize = 0;
};

// Runs the design as `metalfpga_cli --run` does, from the archive folder DIR (--pipeline-archive,
// else $METALFPGA_PIPELINE_ARCHIVE, else the emitted folder): on the CPU it loads
// DIR/cpu-KEY.so; on CUDA, DIR/cuda-K-ARCH.mfpa with ARCH the device's architecture and
// K = archKey(cudaBaseKey, ARCH). Options: --backend cpu|cuda|auto (auto: CUDA when a device is
// present and its entry exists), --count N, --max-steps N, --threads N, --dispatch-timeout-ms N,
// --instance-plusargs FILE, --vcd-dir DIR, --run-verbose, --profile (or METALFPGA_PROFILE=1),
// --help, and +plusargs; METALFPGA_CUDA_LAYOUT as for the CLI. Returns the exit status: that of
// the run, 1 when an entry is missing or corrupt or no CUDA device is present, 2 for bad usage.
int runStandalone(const StandaloneModel& model, int argc, char** argv);

} // namespace metalfpga::runtime
