#pragma once
// Formatting of display-like service records and of simulation times for messages.

#include "contract/model.h"
#include "metalfpga/rt/config.h"
#include "metalfpga/rt/format.h"

#include <cstdint>
#include <string>

namespace metalfpga::runtime {

// A display-like record's text, %t in the default $timeformat (clause 17.3.2).
std::string formatSite(const contract::Model& info, const contract::ServiceSite& site,
                       const rt::word* payload);

// The same with a $timeformat (an instance's), from argument `first` on. With singleFormat
// ($sformat), argument `first` is the one format string, also when it is not a literal (its
// value's characters).
std::string formatSite(const contract::ServiceSite& site, const rt::word* payload,
                       const rt::fmt::TimeFormat& timeFormat, size_t first = 0,
                       bool singleFormat = false);

// The default $timeformat of a design whose finest precision is 10^precision s.
rt::fmt::TimeFormat defaultTimeFormat(int precision);

// "1500 (ps)": ticks of the global precision in the largest unit that shows them exactly.
std::string timeString(const contract::Model& info, uint64_t ticks);

} // namespace metalfpga::runtime
