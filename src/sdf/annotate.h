#pragma once
// SDF back-annotation (IEEE 1497, $sdf_annotate and --sdf) of module path delays, done while
// compiling: see annotate.cpp.

#include "frontend/diagnostics.h"
#include "frontend/source_manager.h"
#include "ir/design.h"

#include <string>
#include <vector>

namespace metalfpga::sdf {

struct Request {
    std::string file;
    std::string scope; // hierarchical name of the annotated instance; empty: every top module
};

struct AnnotateOptions {
    char delaySelection = 't';     // -T: 'n' min, 't' typ, 'x' max (MTM of TOOL_CONTROL)
    std::vector<Request> requests; // --sdf FILE[:SCOPE], applied before the $sdf_annotate calls
    bool verbose = false;          // METALFPGA_SDF_VERBOSE: one stderr line per annotated IOPATH
};

// Applies the --sdf requests and every $sdf_annotate call of the design (which must run at time
// 0, before any timing control of its initial block) to the module paths of the design's output
// port connections (ir::Process::paths). False when there were errors (reported to `diags`).
bool annotate(ir::Design& design, frontend::SourceManager& sm, frontend::Diagnostics& diags,
              const AnnotateOptions& options);

} // namespace metalfpga::sdf
