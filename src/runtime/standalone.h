#pragma once
// The standalone host (metalfpga_cli --emit-host PATH): a program that runs one design's compiled
// model from the pipeline archive without the compiler. The emitted source holds the model's
// archive key and its host-side description (runtime/model_info.h) and calls runStandalone();
// it links against libmetalfpga_host.a (the runtime and the CPU backend). This header needs
// nothing but the C++ standard library, so the emitted source builds with only `-I src`.

#include <cstddef>

namespace metalfpga::runtime {

struct StandaloneModel {
    const char* design = "";             // the top module names, for messages and --help
    const char* key = "";                // the CPU archive key (backends/cpu: modelKey)
    const char* archive = "";            // the archive folder when the host was emitted
    const unsigned char* info = nullptr; // encodeModelInfo() bytes
    size_t infoSize = 0;
};

// Runs the design: loads DIR/cpu-KEY.so (DIR: --pipeline-archive, else
// $METALFPGA_PIPELINE_ARCHIVE, else the emitted folder) and simulates it as `metalfpga_cli --run`
// does. Options: --count N, --max-steps N, --threads N, --instance-plusargs FILE, --vcd-dir DIR,
// --profile (or METALFPGA_PROFILE=1), --help, and +plusargs. Returns the exit status: that of
// the run, 1 when the entry is missing or corrupt, 2 for bad usage.
int runStandalone(const StandaloneModel& model, int argc, char** argv);

} // namespace metalfpga::runtime
