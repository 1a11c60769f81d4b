#pragma once
// The CPU engine: N instances of a model in one allocation, stepped by a few threads.

#include "backends/cpu/cpu_backend.h"
#include "runtime/engine.h"

#include <cstdint>
#include <memory>
#include <string>

namespace metalfpga::backends::cpu {

// `threads` 0: one per hardware thread (at most one per instance). `model` must outlive the
// engine.
std::unique_ptr<runtime::Engine> makeEngine(const LoadedModel& model, uint32_t count,
                                            uint64_t slotLimit, unsigned threads,
                                            std::string& error);

} // namespace metalfpga::backends::cpu
