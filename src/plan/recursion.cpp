// Transformations: none. Finds the routines that can be active more than once at a time: those
// on a cycle of the call graph (a function or task that calls itself, directly or through
// others). ModelPlan::recursiveRoutines lists them. Code generation gives every other automatic
// function one frame instead of a stack of frames, and no stack-depth check.
#include "plan/model_plan.h"
#include "plan/walk.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace metalfpga::plan {

using namespace ir;

namespace {

// The routines a routine's body calls: function calls in any expression, task enables.
std::vector<RoutineId> callees(const Design& d, const Routine& r) {
    std::vector<RoutineId> out;
    auto expr = [&](const Expr* e) {
        anyExpression(e, [&](const Expr& x) {
            if (x.kind == ExprKind::Call && x.routine < d.routines.size()) out.push_back(x.routine);
            return false;
        });
    };
    anyStatement(r.body.get(), [&](const Stmt& st) {
        if (st.kind == StmtKind::TaskCall && st.routine < d.routines.size())
            out.push_back(st.routine);
        forEachExpressionOf(st, expr);
        return false;
    });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

void findRecursion(const Design& d, ModelPlan& plan) {
    plan.recursiveRoutines.clear();
    size_t n = d.routines.size();
    std::vector<std::vector<RoutineId>> calls(n);
    for (RoutineId r = 0; r < n; ++r) calls[r] = callees(d, d.routines[r]);
    // A routine is recursive when it can reach itself. Call graphs are small (one node per
    // routine), so a search from each routine is enough; an explicit stack keeps long chains
    // off the machine stack.
    for (RoutineId r = 0; r < n; ++r) {
        std::vector<bool> seen(n, false);
        std::vector<RoutineId> todo(calls[r].begin(), calls[r].end());
        while (!todo.empty()) {
            RoutineId c = todo.back();
            todo.pop_back();
            if (c == r) {
                plan.recursiveRoutines.insert(r);
                break;
            }
            if (seen[c]) continue;
            seen[c] = true;
            todo.insert(todo.end(), calls[c].begin(), calls[c].end());
        }
    }
}

} // namespace metalfpga::plan
