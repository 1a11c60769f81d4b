#pragma once
// The frontend run as one step: preprocess and parse the source files, then find the modules
// that are instantiated but not defined in the libraries (-v files, -y folders with +libext+
// extensions) the way Icarus and other Verilog tools do.

#include "frontend/ast.h"
#include "frontend/diagnostics.h"
#include "frontend/preprocessor.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace metalfpga::frontend {

struct SourceSetOptions {
    std::vector<std::string> files;    // source files, in order
    std::vector<std::string> libFiles; // -v: modules used only when instantiated
    std::vector<std::string> libDirs;  // -y: NAME + extension looked up for missing modules
    std::vector<std::string> libExts;  // +libext+ (default: ".v")
    std::vector<std::string> tops;     // -s / --top: must exist
    PreprocessorOptions preprocessor;
};

// Every parsed compilation unit and where each design unit (module, UDP, config) is defined.
struct SourceSet {
    std::vector<PreprocessedUnit> preprocessed;               // one per file read, in order
    std::vector<std::unique_ptr<ast::CompilationUnit>> units; // one per file read, in order
    // Per unit: read from a library (-v, -y), so its modules are never implicit tops.
    std::vector<bool> fromLibrary;
    std::map<std::string, const ast::Module*, std::less<>> modules;
    std::map<std::string, const ast::Primitive*, std::less<>> primitives;
};

// Reads, preprocesses and parses. Reports problems through `diags`; the result holds what could
// be parsed even when there were errors.
SourceSet loadSources(const SourceSetOptions& options, SourceManager& sm, Diagnostics& diags);

} // namespace metalfpga::frontend
