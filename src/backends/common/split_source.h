#pragma once
// Splits a large model source into translation units: the CPU backend compiles them in parallel
// and links them, the CUDA backend compiles them as relocatable units.

#include <cstddef>
#include <string>
#include <vector>

namespace metalfpga::backends {

// A model source up to this size is one translation unit; above it, the out-of-line
// definitions are spread over parts of about kPartBytes each (at least 2, at most kMaxParts).
// Two parts compile a model of 150-500 KB (sha256, picorv32, aes, synth) in 55-85% of the time
// of one on two cores, and run it as fast; more parts than that ran pipes N=256 1.4x slower
// (calls between parts are not inlined) and compiled no faster.
inline constexpr size_t kSplitAbove = 128u << 10;
inline constexpr size_t kPartBytes = 1u << 20;
inline constexpr size_t kMaxParts = 64;

// The translation units the model `source` is compiled as: the source itself (one part) when it
// is small or `parts` is 1; else `parts` sources (0: a count by size), each the source with the
// top-level out-of-line definitions of the other parts replaced by their prototypes, part 0
// keeping the entry points (`struct M` onwards). The parts are compiled in parallel and linked.
std::vector<std::string> splitSource(const std::string& source, size_t parts);

} // namespace metalfpga::backends
