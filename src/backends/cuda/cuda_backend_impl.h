#pragma once
// The CUDA backend behind the Backend interface (backends/backend.h): cuda_backend.h compiles
// and loads, cuda_engine.h runs.

#include "backends/backend.h"

namespace metalfpga::backends::cuda {

// The CUDA backend; it runs where a CUDA device opens (canRun).
const Backend& backend();

} // namespace metalfpga::backends::cuda
