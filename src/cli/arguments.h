#pragma once
// Icarus-style command-line handling that CLI11 does not do by itself: `-f FILE` command files
// (which may hold further options and -f files), and the `+` options (`+incdir+`, `+define+`,
// `+libext+`, `+timescale+`). Any other `+word` is a plusarg kept for the simulation.

#include "frontend/ast.h"
#include "frontend/preprocessor.h"
#include "frontend/source_manager.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace metalfpga::cli {

struct ExpandedArguments {
    std::vector<std::string> args; // what is left for CLI11 (argv[0] excluded)
    std::vector<std::string> includeDirs;
    std::vector<std::pair<std::string, std::string>> defines;
    std::vector<std::string> libExts;
    std::vector<std::string> plusargs; // for $test$plusargs / $value$plusargs
    std::string timescale;             // +timescale+UNIT/PREC from a command file, if any
    std::vector<std::string> errors;   // bad usage (missing -f file, recursion, ...)
};

// Expands argv (without argv[0]).
ExpandedArguments expandArguments(const std::vector<std::string>& argv);

// Splits a command file's text into words: whitespace-separated, "quoted" and 'quoted' words,
// `//` and `#` comments to end of line.
std::vector<std::string> splitCommandFile(const std::string& text);

// "NAME=VALUE" -> {NAME, VALUE}; "NAME" -> {NAME, "1"} (as Icarus does).
std::pair<std::string, std::string> parseDefine(const std::string& text);

// A parameter of a top-level module set on the command line: `-P TOP.NAME=VALUE` (Icarus) or
// `-GNAME=VALUE` (Verilator: every top module that has NAME).
struct ParamOption {
    std::string option; // how messages name it: "-P t.W", "-G W"
    std::string top;    // -P: the top module; -G: empty
    std::string name;
    std::string value; // Verilog constant expression text
};

// Splits the text of -P ('P': "TOP.NAME=VALUE") or -G ('G': "NAME=VALUE"); nullopt with
// `error` set when it is not of that form.
std::optional<ParamOption> parseParamOption(char flag, const std::string& text, std::string& error);

// A parameter value parsed with the Verilog parser. The expression's text lives in the
// SourceManager (a buffer named after the option); `unit` keeps its tokens.
struct ParamValue {
    frontend::PreprocessedUnit unit;
    frontend::ast::ExprPtr expr;
};

// Parses VALUE as one constant expression without names: numbers (8, 8'hff, -3), reals (1.5),
// strings in double quotes ("abc"), and operators and constant system functions applied to
// them. Returns null with `error` set when it is something else.
std::unique_ptr<ParamValue> parseParamValue(frontend::SourceManager& sm, const ParamOption& p,
                                            std::string& error);

// Icarus's -g flags: the language generation (1995, 2001, 2005; the SystemVerilog ones are an
// error) and the switches this simulator has. Unknown flags are an error.
struct GenerationFlags {
    bool ioRangeError = true; // -gno-io-range-error: port range mismatches warn instead
};
// Applies one -g value (the text after -g); false with `error` set when it is not accepted.
bool applyGenerationFlag(const std::string& value, GenerationFlags& flags, std::string& error);

// "1ns/10ps" -> {-9, -11} (powers of ten seconds); nullopt when malformed or when the
// precision is coarser than the unit.
std::optional<std::pair<int, int>> parseTimescale(const std::string& text);

} // namespace metalfpga::cli
