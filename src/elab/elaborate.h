#pragma once
// Elaboration: from the parsed source set to the flattened design IR (ir/design.h).

#include "frontend/diagnostics.h"
#include "frontend/source_set.h"
#include "ir/design.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metalfpga::elab {

struct ElabOptions {
    std::vector<std::string> tops; // --top; empty: every module nobody instantiates
    char delaySelection = 't';     // -T min|typ|max: 'n', 't', 'x'
    // +timescale+ (command files): the timescale of modules that have no `timescale.
    std::optional<ir::Timescale> defaultTimescale;
    unsigned maxInstanceDepth = 200;
    unsigned maxCallDepth = 500;              // constant function recursion
    uint64_t maxConstSteps = 20'000'000;      // statements per constant function evaluation
    uint64_t maxGenerateIterations = 100'000; // per generate loop
};

// Elaborates the design. Errors go to `diags`; the result is null when there were errors.
std::unique_ptr<ir::Design> elaborate(const frontend::SourceSet& sources,
                                      const ElabOptions& options, frontend::Diagnostics& diags);

} // namespace metalfpga::elab
