#pragma once
// Facts about nets and primitives that the plan's passes and code generation share.

#include "ir/design.h"

#include <string>
#include <utility>
#include <vector>

namespace metalfpga::plan {

// The gate primitives the model simulates (pullup/pulldown are constant drivers instead).
bool gateSupported(const std::string& gate);
using ir::isTranGate; // the bidirectional switches
// The MOS switches (nmos, pmos, cmos and their resistive forms): they drive their first
// terminal, as gates do, passing their input's strength.
bool isMosGate(const std::string& gate);
using ir::outputTerminals; // the leading terminals of a gate or UDP that are outputs

// A continuous assignment or port connection between two whole signals that the aliases made
// one signal (plan/aliases.cpp): no process in the model. A self-assignment (`assign (pull0,
// pull1) q = q;`) is not one.
bool mergedLink(const ir::Process& p, const std::vector<ir::SignalId>& rep);

// `e` as a constant range of a whole net: the net (through the aliases `rep`), its lowest bit
// and width. False for variables, arrays and run-time selects.
bool netRange(const ir::Design& d, const std::vector<ir::SignalId>& rep, const ir::Expr* e,
              ir::SignalId& net, uint32_t& lo, uint32_t& w);

// `e` as net bits, least significant first: a constant range of a net, or a concatenation of
// those. False for anything else.
bool netBits(const ir::Design& d, const std::vector<ir::SignalId>& rep, const ir::Expr* e,
             std::vector<std::pair<ir::SignalId, uint32_t>>& bits);

// An inout port connection resolved by switch groups: both sides are net bits (netBits), not
// merged into one net. Bit k of one side is joined to bit k of the other; the high bits of the
// wider side stay unconnected (1364-2005 12.3.10).
bool inoutPort(const ir::Design& d, const std::vector<ir::SignalId>& rep, const ir::Process& p);

} // namespace metalfpga::plan
