// Outlining: a large statement of a process body becomes a function of its own.
//
// Compilers spend time superlinear in a function's size (g++'s inliner and alias analysis on
// a clocked block of a few thousand lines, with the value library's operations inlined, take
// most of a model's compile), so a statement whose code is longer than kOutlineLines moves into
// `part_<proc>_<k>(State&)`, called in its place. Statements are outlined inner first, and the
// statements of a block in groups, so no function grows much beyond the limit. A part returns
// kPartDone when it ran to its end, or the value the process itself would return (an error,
// $finish, a disabled process).
//
// A statement stays in place when its code holds a resume point (a wait, a service call that may
// suspend, a host call: the process's resume switch jumps to it) or a `goto` (a disable jumps to
// the end of a named block, which may lie outside the part).
#include "codegen/generator.h"

#include <algorithm>

namespace metalfpga::codegen::detail {

namespace {
constexpr size_t kOutlineLines = 100;
// Forced inlining (MF_INLINE, include/metalfpga/rt/config.h) puts the temporaries of every
// operation into the function that uses them, and g++'s time grows faster than linearly with a
// function's size: a function of one 256-deep ?: chain (60 KB of C++) compiles in 7 s without it
// and in minutes with it. A model with a function larger than this (one that could not be
// outlined: a function, or code between resume points) is compiled without forced inlining.
constexpr size_t kInlineFunctionBytes = 40000;
} // namespace

// The largest function in generated code (the shape every generator function has, which
// backends/cpu/split_source.cpp also relies on: a column-0 "MF_HD " line ending in "{", up to
// the next line that is exactly "}").
size_t largestFunction(std::string_view code) {
    size_t most = 0, at = 0, start = std::string_view::npos;
    while (at < code.size()) {
        size_t nl = std::min(code.find('\n', at), code.size());
        std::string_view l = code.substr(at, nl - at);
        if (l.rfind("MF_HD ", 0) == 0 && l.back() == '{')
            start = at;
        else if (l == "}" && start != std::string_view::npos) {
            most = std::max(most, nl - start);
            start = std::string_view::npos;
        }
        at = nl + 1;
    }
    return most;
}

bool forcedInlineAffordable(size_t largestFunctionBytes) {
    return largestFunctionBytes <= kInlineFunctionBytes;
}

void Generator::stmt(const Stmt& st, int ind) {
    size_t mark = out_.size();
    uint32_t resumeMark = nextResume_;
    stmtCode(st, ind);
    if (!inFunction_) outlineIfLarge(mark, resumeMark, ind);
}

// True when the code from `mark` is large enough to outline (whether or not it could be).
bool Generator::outlineIfLarge(size_t mark, uint32_t resumeMark, int ind) {
    std::string_view code(out_.data() + mark, out_.size() - mark);
    if (static_cast<size_t>(std::count(code.begin(), code.end(), '\n')) < kOutlineLines)
        return false;
    if (nextResume_ != resumeMark || code.find("goto ") != std::string_view::npos) return true;
    std::string name = fmt::format("part_{}_{}", curProc_, nextPart_++);
    outlined_ += fmt::format("MF_HD MF_OUTLINE u32 {}(State& s) {{\n", name);
    outlined_ += code;
    outlined_ += "    return kPartDone;\n}\n";
    out_.resize(mark);
    line(ind, fmt::format("if (u32 r = {}(s); r != kPartDone) return r;", name));
    return true;
}

std::string Generator::takeOutlined() {
    std::string o;
    std::swap(o, outlined_);
    return o;
}

} // namespace metalfpga::codegen::detail
