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

void Generator::collectStmtReads(const Stmt* st, std::set<SignalId>& out,
                                 std::set<RoutineId>& seen) const {
    if (!st) return;
    collectReads(st->rhs.get(), out, seen);
    collectReads(st->cond.get(), out, seen);
    if (st->lhs) // indices of the target
        for (const auto& o : st->lhs->operands) collectReads(o.get(), out, seen);
    for (const auto& s : st->stmts) collectStmtReads(s.get(), out, seen);
    collectStmtReads(st->body.get(), out, seen);
    collectStmtReads(st->elseBody.get(), out, seen);
    collectStmtReads(st->init.get(), out, seen);
    collectStmtReads(st->step.get(), out, seen);
    for (const auto& it : st->items) {
        for (const auto& x : it.exprs) collectReads(x.get(), out, seen);
        collectStmtReads(it.body.get(), out, seen);
    }
    for (const auto& a : st->args) collectReads(a.get(), out, seen);
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
