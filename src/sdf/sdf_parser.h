#pragma once
// Reads an SDF file (sdf_file.h). Syntax errors are diagnostics at the file's line and column.

#include "frontend/diagnostics.h"
#include "frontend/source_manager.h"
#include "sdf/sdf_file.h"

#include <optional>

namespace metalfpga::sdf {

// Parses buffer `buffer` of `sm`. Null when it has a syntax error (reported to `diags`).
std::optional<File> parse(const frontend::SourceManager& sm, uint32_t buffer,
                          frontend::Diagnostics& diags);

} // namespace metalfpga::sdf
