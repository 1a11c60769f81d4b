#pragma once
// The CUDA engine: N instances of a model in device memory, one GPU thread per instance.

#include "backends/cuda/cuda_backend.h"
#include "runtime/engine.h"

#include <memory>
#include <string>

namespace metalfpga::backends::cuda {

// Where instance states live on the device (device_entry.h): Auto takes the interleaved layout
// when the state fits it (METALFPGA_CUDA_LAYOUT=plain|interleaved chooses).
enum class Layout { Auto, Plain, Interleaved };

struct EngineOptions {
    unsigned blockSize = 64;
    size_t stackBytes = 16384;      // per-thread stack (deep fanout chains of wide values need it)
    uint32_t dispatchTimeoutMs = 0; // the longest one launch may run (0: no limit)
    Layout layout = Layout::Auto;
};

// Reads METALFPGA_CUDA_LAYOUT (auto, plain or interleaved; unset or empty: auto) into `layout`;
// false with `error` set for another value. The CLI and the standalone host both use it.
bool layoutFromEnvironment(Layout& layout, std::string& error);

// Reads the engine's environment: the layout (above) and METALFPGA_CUDA_BLOCK, the threads per
// block of the step kernels (32 to 1024, a multiple of 32; unset: 64). False with `error` set for
// a value out of range.
bool engineOptionsFromEnvironment(EngineOptions& options, std::string& error);

std::unique_ptr<runtime::Engine> makeEngine(const LoadedModel& model, uint32_t count,
                                            uint64_t slotLimit, const EngineOptions& options,
                                            std::string& error);

} // namespace metalfpga::backends::cuda
