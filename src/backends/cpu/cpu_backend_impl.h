#pragma once
// The CPU backend behind the Backend interface (backends/backend.h): cpu_backend.h compiles and
// loads, cpu_engine.h runs.

#include "backends/backend.h"

namespace metalfpga::backends::cpu {

// The CPU backend; it runs on every machine.
const Backend& backend();

} // namespace metalfpga::backends::cpu
