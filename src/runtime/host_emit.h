#pragma once
// --emit-host: writes the source of a standalone host (runtime/standalone.h) for one model.

#include "codegen/codegen.h"

#include <string>

namespace metalfpga::runtime {

// The C++ source of a program that runs `model` from archive entry KEY in folder `archive`.
// `design` names the design (top modules) in comments and messages; `srcDir` and `buildDir`,
// when known, fill in the build command written at the top of the file.
std::string emitHostSource(const codegen::Model& model, const std::string& key,
                           const std::string& archive, const std::string& design,
                           const std::string& srcDir, const std::string& buildDir);

} // namespace metalfpga::runtime
