#pragma once
// The host driver loop: steps every instance of an engine, drains each instance's service ring
// in instance order, formats output and answers host calls.

#include "contract/model.h"
#include "runtime/engine.h"
#include "runtime/profile.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace metalfpga::runtime {

struct RunOptions {
    uint64_t maxSteps = 1'000'000; // process activations per call of the step function
    uint64_t slotLimit =
        10'000'000; // activations in one time slot before a zero-delay loop is reported
    std::vector<std::string> plusargs;                 // every instance's (without '+')
    std::vector<std::vector<std::string>> perInstance; // instance k's own, after the common ones
    std::string vcdDir; // --vcd-dir: where VCD files are written (empty: the current folder)
    FILE* out = stdout;
    FILE* err = stderr;
    // Not null: the run is timed as the stage "simulation", each round feeds
    // Profiler::dispatch (step and drain ms), and the engine gets it (Engine::setProfiler).
    Profiler* profiler = nullptr;
};

// Runs every instance to its end. Output of instance 0 goes to `out` as the design prints it;
// with several instances, each line of instance k > 0 starts with "[k] ". Returns the process
// exit status (0 for $finish and for simulations that run out of events; 1 when an instance
// ended with a model error).
int simulate(Engine& engine, const contract::Model& info, const RunOptions& options,
             double* simulateMs = nullptr);

// Reads an --instance-plusargs file: line k holds instance k's plusargs (+word, separated by
// white space; '#' starts a comment). Returns false with `error` set when unreadable.
bool readInstancePlusargs(const std::string& path, std::vector<std::vector<std::string>>& out,
                          std::string& error);

} // namespace metalfpga::runtime
