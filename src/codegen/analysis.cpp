#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// Analysis

void Generator::collectReads(const Expr* e, std::set<SignalId>& out,
                             std::set<RoutineId>& seen) const {
    if (!e) return;
    if (e->kind == ExprKind::Signal || e->kind == ExprKind::ArrayElement)
        out.insert(rep(e->signal));
    // A call's sensitivity is its arguments (clause 6.1.2), not what the function reads inside.
    for (const auto& o : e->operands) collectReads(o.get(), out, seen);
}

// What a target (lvalue) reads: its indices, not the object it writes. A continuous assignment
// to a slice of a bus must not wake on its own write (nor on the other drivers' writes).
void Generator::collectTargetReads(const Expr* t, std::set<SignalId>& out,
                                   std::set<RoutineId>& seen) const {
    if (!t) return;
    switch (t->kind) {
    case ExprKind::Signal:
        return;
    case ExprKind::ArrayElement:
        for (const auto& o : t->operands) collectReads(o.get(), out, seen);
        return;
    case ExprKind::Select:
        collectTargetReads(t->operands[0].get(), out, seen);
        for (size_t i = 1; i < t->operands.size(); ++i)
            collectReads(t->operands[i].get(), out, seen);
        return;
    case ExprKind::Concat:
        for (const auto& o : t->operands) collectTargetReads(o.get(), out, seen);
        return;
    default:
        collectReads(t, out, seen);
        return;
    }
}

// Which signals are one signal in the model: the planning stage decided (plan/aliases.cpp).
void Generator::setupAliases() {
    rep_ = plan_.rep;
}

} // namespace metalfpga::codegen::detail
