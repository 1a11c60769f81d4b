#pragma once
// What the host keeps per simulated instance: its plusargs and its pending output.

#include <cstdint>
#include <string>
#include <vector>

namespace metalfpga::runtime {

struct InstanceHost {
    uint32_t index = 0;
    std::vector<std::string> plusargs; // without the leading '+'
    std::string out;                   // output not yet written (flushed after each drain)
    bool atLineStart = true;
};

} // namespace metalfpga::runtime
