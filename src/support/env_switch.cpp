#include "support/env_switch.h"

#include <cctype>
#include <cstdlib>
#include <string>

namespace metalfpga::support {

bool envSwitch(const char* name, bool fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    std::string s(v);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "1" || s == "on" || s == "yes" || s == "true") return true;
    if (s == "0" || s == "off" || s == "no" || s == "false") return false;
    return fallback;
}

} // namespace metalfpga::support
