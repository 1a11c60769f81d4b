#pragma once
// Formatting of display-like service records and of simulation times for messages.

#include "codegen/codegen.h"
#include "metalfpga/rt/config.h"

#include <cstdint>
#include <string>

namespace metalfpga::runtime {

std::string formatSite(const codegen::Model& info, const codegen::ServiceSite& site,
                       const rt::word* payload);

// "1500 (ps)": ticks of the global precision in the largest unit that shows them exactly.
std::string timeString(const codegen::Model& info, uint64_t ticks);

} // namespace metalfpga::runtime
