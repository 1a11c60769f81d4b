// Transformations: none. Records, per process, the whole signals it reads and writes:
// expressions read every signal they name (a function call: its arguments and what its body
// reads outside itself); targets write their base signal and read their indices; a task call
// reads and writes what the task's body does.
#include "plan/model_plan.h"
#include "plan/nets.h"
#include "plan/walk.h"

#include <algorithm>
#include <set>

namespace metalfpga::plan {

using namespace ir;

namespace {

struct Accesses {
    const Design& d;
    std::set<SignalId> reads, writes;
    std::set<RoutineId> seen; // routines already walked (recursion)

    // What a routine's body reads and writes outside the routine's own scope (its ports,
    // locals and result belong to it; the call's arguments are the caller's).
    void routine(RoutineId r) {
        if (r >= d.routines.size() || !seen.insert(r).second) return;
        const Routine& rt = d.routines[r];
        Accesses inner{d, {}, {}, seen};
        inner.stmt(rt.body.get());
        seen = std::move(inner.seen);
        for (SignalId s : inner.reads)
            if (!declaredWithin(d, s, rt.scope)) reads.insert(s);
        for (SignalId s : inner.writes)
            if (!declaredWithin(d, s, rt.scope)) writes.insert(s);
    }
    void read(const Expr* e) {
        if (!e) return;
        if (e->kind == ExprKind::Signal || e->kind == ExprKind::ArrayElement)
            reads.insert(e->signal);
        if (e->kind == ExprKind::Call) routine(e->routine);
        for (const auto& o : e->operands) read(o.get());
    }
    void target(const Expr* t) {
        walkTarget(
            t, [&](const Expr& b) { writes.insert(b.signal); }, [&](const Expr* i) { read(i); });
    }
    void timing(const Timing* t) {
        if (!t) return;
        for (const auto& x : t->delay.values) read(x.get());
        for (const auto& ev : t->events) read(ev.expr.get());
        read(t->repeatCount.get());
    }
    void stmt(const Stmt* s) {
        if (!s) return;
        switch (s->kind) {
        case StmtKind::Assign:
            target(s->lhs.get());
            read(s->rhs.get());
            break;
        case StmtKind::ProcContinuous:
            target(s->lhs.get());
            read(s->rhs.get());
            break;
        case StmtKind::EventTrigger:
            writes.insert(s->lhs->signal);
            break;
        case StmtKind::TaskCall: {
            routine(s->routine);
            const auto* ports =
                s->routine < d.routines.size() ? &d.routines[s->routine].ports : nullptr;
            for (size_t k = 0; k < s->args.size(); ++k) {
                bool out = ports && k < ports->size() && (*ports)[k].dir != PortDir::Input;
                if (out) target(s->args[k].get());
                if (!out || (*ports)[k].dir == PortDir::Inout) read(s->args[k].get());
            }
            break;
        }
        case StmtKind::SystemTaskCall:
            for (const auto& a : s->args) read(a.get());
            break;
        default:
            read(s->cond.get());
            break;
        }
        timing(s->timing.get());
        for (const auto& c : s->stmts) stmt(c.get());
        stmt(s->body.get());
        stmt(s->elseBody.get());
        stmt(s->init.get());
        stmt(s->step.get());
        for (const CaseItem& ci : s->items) {
            for (const auto& e : ci.exprs) read(e.get());
            stmt(ci.body.get());
        }
    }
};

} // namespace

void statementAccesses(const Design& d, const Stmt* s, std::set<SignalId>& reads,
                       std::set<SignalId>& writes) {
    Accesses a{d, {}, {}, {}};
    a.stmt(s);
    reads.insert(a.reads.begin(), a.reads.end());
    writes.insert(a.writes.begin(), a.writes.end());
}

void expressionReads(const Design& d, const Expr* e, std::set<SignalId>& reads) {
    Accesses a{d, {}, {}, {}};
    a.read(e);
    reads.insert(a.reads.begin(), a.reads.end());
}

void collectAccesses(const Design& d, ModelPlan& plan) {
    for (size_t i = 0; i < d.processes.size(); ++i) {
        const Process& p = d.processes[i];
        Accesses a{d, {}, {}, {}};
        a.stmt(p.body.get());
        if (p.kind == ProcessKind::Gate || p.kind == ProcessKind::UdpInstance) {
            size_t nout = outputTerminals(p); // outputs first
            for (size_t t = 0; t < p.terminals.size(); ++t)
                if (t < nout)
                    a.target(p.terminals[t].get());
                else
                    a.read(p.terminals[t].get());
        } else {
            a.target(p.lhs.get());
            a.read(p.rhs.get());
        }
        ProcessPlan& pp = plan.processes[i];
        pp.reads.assign(a.reads.begin(), a.reads.end());
        pp.writes.assign(a.writes.begin(), a.writes.end());
    }
}

} // namespace metalfpga::plan
