#pragma once
// What the host keeps per simulated instance: its plusargs, its pending output and its files.

#include "metalfpga/rt/format.h"
#include "runtime/files.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace metalfpga::runtime {

struct InstanceHost {
    uint32_t index = 0;
    std::vector<std::string> plusargs; // without the leading '+'
    std::string out;                   // output not yet written (flushed after each drain)
    bool atLineStart = true;
    bool batch = false; // several instances: lines of instance k > 0 start with "[k] "
    FileTable files;    // src/runtime/files.cpp
    // $timeformat (src/runtime/time_format.cpp): what %t prints; `precision` is the design's
    // finest precision, the default units.
    rt::fmt::TimeFormat timeFormat;
    int precision = 0;

    // Appends design output (stdout) for this instance.
    void emit(std::string_view text) {
        if (!batch || index == 0) {
            out += text;
            return;
        }
        for (char c : text) {
            if (atLineStart) out += "[" + std::to_string(index) + "] ";
            out += c;
            atLineStart = c == '\n';
        }
    }
};

} // namespace metalfpga::runtime
