#pragma once
// The order in which processes start at time 0 (docs/implementation-defined.md, "Time 0").
//
// 1364-2005 leaves it open (clause 11.4.2); real testbenches were written against Icarus
// Verilog's order, so this follows it:
//   1. always blocks whose body begins with an event control of any-edge items (`@*`,
//      `@(a or b)`) start first, so that they are waiting before any value is given at time
//      0; they start in the reverse of the order below, as Icarus pushes each in front;
//   2. continuous assignments, gates and port connections evaluate next, so a constant
//      driver (`assign a = 1'b0;`, `wire g = 1'b0;`) is an event those blocks see;
//   3. every other process, scope by scope: a module's generate blocks first, then its
//      instances (each in source order), then its own processes (the scope's variable
//      initialisers first); a generate block's instances, then its own processes, then its
//      nested generate blocks. So a child instance's `initial` blocks run before its
//      parent's.

#include "ir/design.h"

#include <cstdint>
#include <vector>

namespace metalfpga::plan {

// An always block whose body begins with `@(...)` of any-edge items only, or `@*`.
bool waitsBeforeStart(const ir::Process& p);

// The position of each scope in the order of step 3 (scopes that own no process included).
std::vector<uint32_t> scopeStartRank(const ir::Design& d);

// The process indices of `procs` (isCa[i]: a continuous assignment, gate or port connection)
// in start order. With `pushFirst` false (2-state models, whose combinational blocks settle
// on their own) step 1 is left out: those blocks start in step 3's order.
std::vector<uint32_t> startOrder(const ir::Design& d, const std::vector<const ir::Process*>& procs,
                                 const std::vector<bool>& isCa, bool pushFirst);

} // namespace metalfpga::plan
