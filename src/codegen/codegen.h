#pragma once
// Code generation: the design IR -> one C++ model source (see include/metalfpga/rt/model.h).
//
// The model is host C++17 and CUDA device code at once. Alongside the source, code generation
// returns what the host needs to interpret the service records the model writes: the model
// contract (contract/model.h), whose names this namespace uses as its own.

#include "contract/model.h"
#include "frontend/diagnostics.h"
#include "frontend/source_manager.h"
#include "ir/design.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metalfpga::codegen {

using contract::DumpInfo;
using contract::DumpOp;
using contract::DumpValue;
using contract::DumpVar;
using contract::kDumpBegin;
using contract::kDumpEnd;
using contract::kDumpFile;
using contract::kDumpFlush;
using contract::kDumpLast;
using contract::kDumpLimit;
using contract::kDumpOff;
using contract::kDumpValue;
using contract::kDumpVars;
using contract::Model;
using contract::ReplySlot;
using contract::ServiceSite;
using contract::SiteArg;

struct Options {
    uint32_t ringCapacity = 256;
    uint32_t frameDepth = 64;  // frames per automatic function (its recursion depth limit)
    uint64_t maxProcSteps = 0; // loop iterations and routine calls per process activation (0: any)
    uint32_t nbaQueue = 0;     // non-blocking updates one time slot may queue (0: sized per design)
    // 2-state simulation (--2state): values are Bits, X and Z read as 0 (as Verilator does).
    // Strength nets and nets with several drivers resolve 4-state internally.
    bool twoState = false;
    // --sched static: continuous assignments, gates and port connections that the plan finds
    // combinational and outside loops are evaluated in level order before each process runs,
    // instead of being queued as processes (docs/architecture.md, "Static evaluation").
    bool staticComb = false;
    // Clocked blocks run from their clock get a copy that reads their inputs as known values,
    // run when none holds X/Z (plan/known_reads.cpp): faster runs, longer compiles.
    bool knownCopies = true;
};

// Generates the model. Unsupported constructs are reported to `diags` ("the simulator does
// not support X yet") and the result is empty.
std::optional<Model> generate(const ir::Design& design, const frontend::SourceManager& sm,
                              frontend::Diagnostics& diags, const Options& options = {});

} // namespace metalfpga::codegen
