#pragma once
// On/off settings from the environment (METALFPGA_* variables).

namespace metalfpga::support {

// The variable `name` as a switch: 1/on/yes/true -> true, 0/off/no/false -> false (any case);
// unset, empty or anything else -> `fallback`.
bool envSwitch(const char* name, bool fallback);

} // namespace metalfpga::support
