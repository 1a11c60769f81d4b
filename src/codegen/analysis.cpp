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

void Generator::setupAliases() {
    rep_.resize(d_.signals.size());
    for (SignalId i = 0; i < rep_.size(); ++i) rep_[i] = i;
    for (const Process& p : d_.processes) {
        if (p.kind != ProcessKind::PortConnection || !p.collapsed) continue;
        if (!p.lhs || !p.rhs || p.lhs->kind != ExprKind::Signal || p.rhs->kind != ExprKind::Signal)
            continue;
        SignalId a = rep(p.lhs->signal), b = rep(p.rhs->signal);
        if (a == b) continue;
        const Signal &sa = d_.signals[a], &sb = d_.signals[b];
        if (sa.isArray() || sb.isArray() || storageType(a).width != storageType(b).width ||
            storageType(a).isReal || storageType(b).isReal)
            continue;
        // Keep a variable (or a net with a special type) as the representative.
        if (!sa.isNet() || (sb.isNet() && sa.netType != NetType::Wire))
            rep_[b] = a;
        else
            rep_[a] = b;
    }
}

} // namespace metalfpga::codegen::detail
