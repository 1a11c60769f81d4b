#pragma once
// The host driver loop: runs a loaded model's steps, drains its service ring, formats output.

#include "backends/cpu/cpu_backend.h"
#include "codegen/codegen.h"

#include <cstdint>
#include <cstdio>

namespace metalfpga::runtime {

struct RunOptions {
    uint64_t maxSteps = 1'000'000; // process activations per call of the step function
    uint64_t slotLimit =
        10'000'000; // activations in one time slot before a zero-delay loop is reported
    FILE* out = stdout;
    FILE* err = stderr;
};

// Runs the model to the end. Returns the process exit status (0 for $finish and for a
// simulation that runs out of events; 1 for a model error).
int simulate(const backends::cpu::LoadedModel& model, const codegen::Model& info,
             const RunOptions& options, double* simulateMs = nullptr);

} // namespace metalfpga::runtime
