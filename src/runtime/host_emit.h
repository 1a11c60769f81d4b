#pragma once
// --emit-host: writes the source of a standalone host (standalone/standalone.h) for one model.

#include "contract/model.h"

#include <string>

namespace metalfpga::runtime {

struct HostSource {
    std::string key;         // the CPU archive key (backends/cpu: modelKey)
    std::string cudaBaseKey; // the CUDA key's architecture-independent part; empty: CPU only
    std::string archive;     // the default archive folder
    std::string design;      // the top modules, for comments and messages
    std::string srcDir;      // when known, they fill in the build command at the top of the file
    std::string buildDir;
};

// The C++ source of a program that runs `model` from the archive entries named by `h`.
std::string emitHostSource(const contract::Model& model, const HostSource& h);

} // namespace metalfpga::runtime
