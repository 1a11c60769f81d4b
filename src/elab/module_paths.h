#pragma once
// Module path delays (specify blocks, IEEE 1364-2005 clause 14) on the design IR.

#include "frontend/diagnostics.h"
#include "ir/design.h"

namespace metalfpga::elab {

// Gives every output port connection that module paths reach their delays
// (ir::Process::paths): see module_paths.cpp. Errors go to `diags`; false when there were some.
bool lowerModulePaths(ir::Design& design, frontend::Diagnostics& diags);

} // namespace metalfpga::elab
