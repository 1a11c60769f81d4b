#pragma once
// The CUDA engine: N instances of a model in device memory, one GPU thread per instance.

#include "backends/cuda/cuda_backend.h"
#include "runtime/engine.h"

#include <memory>
#include <string>

namespace metalfpga::backends::cuda {

struct EngineOptions {
    unsigned blockSize = 64;
    size_t stackBytes = 16384; // per-thread stack (deep fanout chains of wide values need it)
};

std::unique_ptr<runtime::Engine> makeEngine(const LoadedModel& model, uint32_t count,
                                            uint64_t slotLimit, const EngineOptions& options,
                                            std::string& error);

} // namespace metalfpga::backends::cuda
