// metalfpga value library: umbrella header for the device-reachable parts (kernels, real
// conversions and math, Logic<W>/Bits<W>). Host-only additions: value.h (run-time-width
// Value) and format.h ($display formatting).
#pragma once

#include "metalfpga/rt/config.h"
#include "metalfpga/rt/kernels.h"
#include "metalfpga/rt/logic.h"
#include "metalfpga/rt/real.h"
