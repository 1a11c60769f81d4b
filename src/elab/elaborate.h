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

// A parameter of a top-level module set on the command line (-P TOP.NAME=VALUE,
// -GNAME=VALUE). It replaces the parameter's default as a parameter value of an instantiation
// does: the parameters that depend on it follow, and a defparam still wins.
struct ParamOverride {
    std::string option;                         // how messages name it: "-P t.W", "-G W"
    std::string top;                            // the top module; empty: every top that has it
    std::string name;                           // the parameter
    const frontend::ast::Expr* value = nullptr; // a constant expression; must outlive elaboration
};

struct ElabOptions {
    std::vector<std::string> tops; // --top; empty: every module nobody instantiates
    // Applied in order, so a later one for the same parameter wins.
    std::vector<ParamOverride> paramOverrides;
    char delaySelection = 't'; // -T min|typ|max: 'n', 't', 'x'
    // A port declared without a range and then as a vector net/variable: an error (12.3.3), or
    // with -gno-io-range-error a warning and the declaration's range.
    bool ioRangeError = true;
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
