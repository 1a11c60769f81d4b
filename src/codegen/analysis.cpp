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
    mergeVariablePorts();
}

// A port connection or a continuous assignment (no delay, no strength) that drives a whole
// plain net from a whole variable of the same type (an input port connected to a testbench's
// reg; an output reg connected to a wire outside; `assign y = r;`), or a plain net from a
// plain net by `assign`, where
// the net has no other driver and is never forced, makes the net that variable seen from the
// other side (Icarus links the two the same way): the net is merged into the variable, so a
// process waiting on the net waits on the variable itself, in the same wait group as the
// others, and no copy process runs between them.
void Generator::mergeVariablePorts() {
    std::map<SignalId, uint32_t> drivers;
    for (const Process& p : d_.processes)
        for (const Expr* l : targetLeaves(p)) {
            const Expr* base = l;
            while (base->kind == ExprKind::Select) base = base->operands[0].get();
            if (base->kind == ExprKind::Signal) ++drivers[base->signal];
        }
    for (const Process& p : d_.processes) { // bidirectional: never merged this way
        auto mark = [&](const Expr* t) {
            while (t && t->kind == ExprKind::Select) t = t->operands[0].get();
            if (t && t->kind == ExprKind::Signal) drivers[t->signal] += 2;
        };
        if (p.kind == ProcessKind::Gate && isSwitchGate(p.gate))
            for (const auto& t : p.terminals) mark(t.get());
        if (p.kind == ProcessKind::PortConnection && p.portDir == PortDir::Inout) {
            mark(p.lhs.get());
            mark(p.rhs.get());
        }
    }
    std::set<SignalId> forced;
    std::vector<const Stmt*> todo;
    for (const Process& p : d_.processes)
        if (p.body) todo.push_back(p.body.get());
    for (const Routine& r : d_.routines)
        if (r.body) todo.push_back(r.body.get());
    while (!todo.empty()) {
        const Stmt* st = todo.back();
        todo.pop_back();
        if (st->kind == StmtKind::ProcContinuous && st->lhs) {
            const Expr* base = st->lhs.get();
            while (base->kind == ExprKind::Select) base = base->operands[0].get();
            if (base->kind == ExprKind::Signal) forced.insert(base->signal);
        }
        for (const auto& c : st->stmts) todo.push_back(c.get());
        for (const Stmt* c : {st->body.get(), st->elseBody.get(), st->init.get(), st->step.get()})
            if (c) todo.push_back(c);
        for (const CaseItem& ci : st->items)
            if (ci.body) todo.push_back(ci.body.get());
    }
    for (const Process& p : d_.processes) {
        bool port =
            p.kind == ProcessKind::PortConnection && p.portDir != PortDir::Inout && !p.collapsed;
        bool copy =
            p.kind == ProcessKind::ContinuousAssign && p.delay.empty() && !p.strength.specified;
        if ((!port && !copy) || !p.lhs || !p.rhs || p.lhs->kind != ExprKind::Signal ||
            p.rhs->kind != ExprKind::Signal)
            continue;
        SignalId in = p.lhs->signal, out = p.rhs->signal; // the net, the variable
        const Signal &si = d_.signals[in], &so = d_.signals[out];
        auto plain = [](const Signal& g) {
            return g.isNet() && (g.netType == NetType::Wire || g.netType == NetType::Tri);
        };
        bool variable =
            !so.isNet() && (so.kind == SignalKind::Reg || so.kind == SignalKind::Integer ||
                            so.kind == SignalKind::Time);
        // `assign y = x;` of a plain net is a link too (Icarus: no delay between them).
        if (copy && plain(so) && !forced.count(out)) variable = true;
        if (!plain(si) || !variable || si.isArray() || so.isArray() || rep(in) != in ||
            rep(out) == in || drivers[in] != 1 || forced.count(in) ||
            si.type.width != so.type.width || si.type.isSigned != so.type.isSigned ||
            si.type.isReal || so.type.isReal)
            continue;
        rep_[in] = rep(out);
    }
}

} // namespace metalfpga::codegen::detail
