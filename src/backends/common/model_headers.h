#pragma once
// The model-support headers (include/metalfpga/rt) every compiled model includes: where they are
// at run time, and their text, which is part of every backend's archive key.

#include <string>

namespace metalfpga::backends {

// The folder holding metalfpga/rt/*.h: $METALFPGA_INCLUDE_DIR, else include/ beside or above the
// executable, else the source tree's include/ this binary was built from.
std::string includeDirectory();

// The names and text of every model-support header (part of each compiled model's cache key).
std::string runtimeHeaders(const std::string& includeDir);

} // namespace metalfpga::backends
