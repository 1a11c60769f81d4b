#pragma once
// Picks the backend (--backend cpu|cuda|auto; backends/registry), compiles or loads the model on
// it, and makes the engine that runs --count instances.

#include "backends/backend.h"
#include "backends/common/pipeline_archive.h"
#include "runtime/engine.h"
#include "runtime/profile.h"

#include <cstdint>
#include <memory>
#include <string>

namespace metalfpga::cli {

struct BackendOptions {
    std::string backend = "auto"; // cpu, cuda, auto (CUDA when a device is present)
    bool useCache = true;
    backends::CompileOptions pipeline; // archive folder, load/save/log/async switches
    uint32_t count = 1;
    unsigned threads = 0; // CPU engine threads (0: one per hardware thread)
    uint64_t slotLimit = 10'000'000;
    bool verbose = false;           // say on stderr which backend runs
    uint32_t dispatchTimeoutMs = 0; // CUDA: the longest one kernel launch may run (0: no limit)
    // Not null: the load is timed as the stage "compile" or "archive-load" (a cache hit), the
    // engine's creation as "engine-init", and the engine gets the profiler (setProfiler).
    runtime::Profiler* profiler = nullptr;
};

// The model and its engine; the engine, declared last, is destroyed first.
struct PreparedRun {
    std::string backend; // the backend that runs: "cpu" or "cuda"
    bool cacheHit = false;
    std::unique_ptr<backends::LoadedModel> model; // kept loaded while the engine runs
    std::unique_ptr<runtime::Engine> engine;
};

// Compiles a model source to PTX for `arch` with NVRTC and writes it to `path` (no device needed).
bool writePtx(const std::string& source, const std::string& arch, const std::string& path,
              std::string& error);

// The architecture-independent part of the model's CUDA archive key (backends/cuda: baseKey),
// which --emit-host writes into the standalone host; empty with `why` set when this build has no
// CUDA backend or NVRTC does not load.
std::string cudaBaseKey(const std::string& source, std::string& why);

// On failure returns false with `error` set ("interrupted" after a signal: see reportInterrupt).
bool prepareRun(const std::string& source, const BackendOptions& options, PreparedRun& out,
                std::string& error);

// After a signal (backends/common/interrupts.h) during the compile: prints one line
// "metalfpga_cli: interrupted by SIGNAL" on stderr and returns 128 + the signal; -1 when none
// arrived.
int reportInterrupt();

} // namespace metalfpga::cli
