#pragma once
// Recursion whose depth the input controls (expression trees, statement nesting, the passes that
// walk them) must end with an error, never a stack overflow. The driver runs the compiler on a
// thread with a large stack (support/large_stack.h), and every recursive pass calls checkNesting()
// on entry: near the end of the stack it throws NestingTooDeep, which the driver reports as an
// error at the construct's location.

#include "frontend/source_manager.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace metalfpga::frontend {

struct NestingTooDeep : std::runtime_error {
    explicit NestingTooDeep(SourceLoc at)
        : std::runtime_error("construct nested too deeply: the compiler's stack is exhausted "
                             "here (split the expression or statement into smaller ones through "
                             "intermediate variables)"),
          loc(at) {}
    SourceLoc loc;
};

namespace detail {
// Lowest stack address this thread may reach before checkNesting throws (0: not yet known).
extern thread_local std::uintptr_t stackLimit;
std::uintptr_t findStackLimit();
} // namespace detail

// Throws NestingTooDeep(at) when less than a safety margin of this thread's stack is left.
inline void checkNesting(SourceLoc at) {
    char probe;
    std::uintptr_t limit = detail::stackLimit ? detail::stackLimit : detail::findStackLimit();
    if (reinterpret_cast<std::uintptr_t>(&probe) < limit) throw NestingTooDeep(at);
}

} // namespace metalfpga::frontend
