#pragma once
// Facts about nets and primitives that the plan's passes and code generation share.

#include "ir/design.h"

#include <string>
#include <vector>

namespace metalfpga::plan {

// The gate primitives the model simulates (pullup/pulldown are constant drivers instead).
bool gateSupported(const std::string& gate);

// `e` as a constant range of a whole net: the net (through the aliases `rep`), its lowest bit
// and width. False for variables, arrays and run-time selects.
bool netRange(const ir::Design& d, const std::vector<ir::SignalId>& rep, const ir::Expr* e,
              ir::SignalId& net, uint32_t& lo, uint32_t& w);

// An inout port connection resolved by switch groups: both sides are constant ranges of nets
// of one width, not merged into one net.
bool inoutPort(const ir::Design& d, const std::vector<ir::SignalId>& rep, const ir::Process& p);

} // namespace metalfpga::plan
