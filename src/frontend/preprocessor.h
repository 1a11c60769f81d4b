#pragma once
// The compiler directives of 1364-2005 clause 19, applied to the lexer's tokens: macros (with
// arguments), conditional compilation, `include, and the directives whose effect the later
// stages need (`timescale, `default_nettype, `celldefine, `unconnected_drive), which are kept as
// states attached to token positions.

#include "frontend/diagnostics.h"
#include "frontend/token.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace metalfpga::frontend {

struct PreprocessorOptions {
    std::vector<std::string> includeDirs;                     // -I, +incdir+
    std::vector<std::pair<std::string, std::string>> defines; // -D NAME[=VALUE] (no value: "1")
    unsigned maxIncludeDepth = 64;
};

// `timescale 1ns/10ps: unit and precision as powers of ten seconds (1ns = -9, 10ps = -11).
struct Timescale {
    int unit = 0;
    int precision = 0;
    SourceLoc loc;
};

enum class UnconnectedDrive : uint8_t { None, Pull0, Pull1 };

// The directives in effect at a point of the token stream.
struct DirectiveState {
    std::optional<Timescale> timescale;
    std::string defaultNettype = "wire"; // a net type keyword, or "none"
    bool celldefine = false;
    UnconnectedDrive unconnectedDrive = UnconnectedDrive::None;
};

struct PreprocessedUnit {
    std::vector<Token> tokens; // never empty: the last one is EndOfFile
    // (first token index, state in effect from there on), sorted by index; starts at index 0.
    std::vector<std::pair<uint32_t, DirectiveState>> states;

    const DirectiveState& stateAt(uint32_t tokenIndex) const;
};

class Preprocessor {
  public:
    Preprocessor(SourceManager& sm, Diagnostics& diags, PreprocessorOptions options);
    ~Preprocessor();
    Preprocessor(const Preprocessor&) = delete;
    Preprocessor& operator=(const Preprocessor&) = delete;

    // Preprocesses the files in order as one compilation unit: macros and directive states
    // carry over from one file to the next, as in other Verilog tools.
    PreprocessedUnit run(const std::vector<std::string>& files);
    // The same for buffers already in the source manager (tests, fuzzing).
    PreprocessedUnit runBuffers(const std::vector<uint32_t>& buffers);

    // Whether a macro is defined now (after the runs so far).
    bool isDefined(const std::string& name) const;

  private:
    struct Impl;
    SourceManager& sm_;
    Diagnostics& diags_;
    PreprocessorOptions options_;
    std::unique_ptr<Impl> impl_; // the macro table and directive state, kept across runs
};

} // namespace metalfpga::frontend
