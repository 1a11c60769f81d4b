#pragma once
// Which system functions and tasks are host calls, and which of their arguments are outputs
// (variables the host writes through the reply area). The runtime answers each by name
// (src/runtime/host_calls.h).

#include <cstddef>
#include <string_view>
#include <vector>

namespace metalfpga::codegen {

// A system function (used in an expression) answered by the host.
bool isHostCall(std::string_view name);

// A system task (a statement) answered by the host.
bool isHostTask(std::string_view name);

// Per argument: true for an output.
std::vector<bool> hostCallOutputs(std::string_view name, size_t argCount);

} // namespace metalfpga::codegen
