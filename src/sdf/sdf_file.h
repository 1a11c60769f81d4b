#pragma once
// An SDF file (IEEE 1497, Standard Delay Format 2.1/3.0) as far as metalfpga annotates it: the
// header's TIMESCALE and DIVIDER, and per CELL its type, instance and the IOPATH entries of its
// DELAY blocks. Other entries are kept as warnings naming their line.

#include "frontend/source_manager.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metalfpga::sdf {

using frontend::SourceLoc;

// An rvalue: (), (v) or (min:typ:max) with any part missing.
struct Value {
    std::optional<double> min, typ, max;
    bool empty() const { return !min && !typ && !max; }
};

enum class Edge { Any, Posedge, Negedge };

struct PortSpec {
    std::string name;
    std::optional<int64_t> bit; // A[3]
    Edge edge = Edge::Any;      // (posedge A)
};

struct IoPath {
    PortSpec in, out;
    std::vector<Value> values; // 1, 2, 3, 6 or 12 rvalues
    bool increment = false;    // INCREMENT (else ABSOLUTE)
    SourceLoc loc;
};

struct Cell {
    std::string type;
    bool wildcard = false;             // (INSTANCE *)
    std::vector<std::string> instance; // the path below the annotated scope; empty: the scope
    std::vector<IoPath> paths;
    SourceLoc loc;
};

struct Ignored {
    std::string what; // "INTERCONNECT", "COND", "TIMINGCHECK", ...
    SourceLoc loc;
};

struct File {
    double timescale = 1e-9; // seconds per SDF time unit (TIMESCALE; 1ns when absent)
    std::vector<Cell> cells;
    std::vector<Ignored> ignored;
};

} // namespace metalfpga::sdf
