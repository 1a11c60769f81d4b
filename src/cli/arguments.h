#pragma once
// Icarus-style command-line handling that CLI11 does not do by itself: `-f FILE` command files
// (which may hold further options and -f files), and the `+` options (`+incdir+`, `+define+`,
// `+libext+`, `+timescale+`). Any other `+word` is a plusarg kept for the simulation.

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

// "1ns/10ps" -> {-9, -11} (powers of ten seconds); nullopt when malformed or when the
// precision is coarser than the unit.
std::optional<std::pair<int, int>> parseTimescale(const std::string& text);

} // namespace metalfpga::cli
