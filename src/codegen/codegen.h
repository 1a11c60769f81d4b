#pragma once
// Code generation: the design IR -> one C++ model source (see include/metalfpga/rt/model.h).
//
// The model is host C++17 and CUDA device code at once. Alongside the source, code generation
// returns what the host needs to interpret the service records the model writes: one
// ServiceSite per $display-like call (its format arguments, where each argument's value sits in
// the record payload, the scope for %m and the time unit for %t).

#include "frontend/diagnostics.h"
#include "frontend/source_manager.h"
#include "ir/design.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metalfpga::codegen {

struct SiteArg {
    enum Kind { Vector, Real, String, Empty } kind = Vector;
    uint32_t width = 1;
    bool isSigned = false;
    std::string text;    // String: the literal
    uint32_t offset = 0; // payload word offset (Vector: a-plane then b-plane; Real: one word)
};

struct ServiceSite {
    std::string task; // "$display", "$monitorh", ...
    char defaultConv = 'd';
    bool newline = true;
    std::vector<SiteArg> args;
    std::string scope; // %m
    int timeUnit = 0;  // the calling module's time unit (power of ten seconds)
    std::string where; // file:line
};

struct Model {
    std::string source;
    std::vector<ServiceSite> sites;
    std::vector<std::string> processWhere; // per process: "file:line kind"
    int precision = 0;                     // global time precision (power of ten seconds)
    uint32_t payloadWords = 1;
    uint32_t ringCapacity = 256;
};

struct Options {
    uint32_t ringCapacity = 256;
};

// Generates the model. Unsupported constructs are reported to `diags` ("the simulator does
// not support X yet") and the result is empty.
std::optional<Model> generate(const ir::Design& design, const frontend::SourceManager& sm,
                              frontend::Diagnostics& diags, const Options& options = {});

} // namespace metalfpga::codegen
