// Transformations: none. Chooses the clocked blocks that the static schedule may run directly
// from their clock (ProcessPlan::directRun; codegen/clock_runners.cpp), instead of as processes
// woken one by one. When the event fires, one runner entry is queued in the active region where
// the event scheduler would have queued the blocks, and it runs their bodies in model order. That
// order differs from the event scheduler's (Icarus wakes the last waiter first, and the blocks
// interleave with the other processes waiting on the same event), so a block qualifies only when
// no order can be seen:
//   - it is clocked (an event control of edges of whole signals, no timing inside), calls no task,
//     system task or impure system function, in its body or in the functions it calls (no
//     output, no suspension), disables nothing and holds no block that something disables;
//   - what it updates with non-blocking assignments, no other process updates that way, so no
//     other update of it can come before or after the block's in the NBA region;
//   - what it writes at once (blocking assignments, also in the functions it calls, outside
//     their own locals) no other process writes or reads, except logic run by level (which the
//     settle pass runs after all the blocks in both schedules);
//   - nothing it reads is written at once by a process that may wake on the same event (one whose
//     event controls or `wait`s name a clock signal of the block, or a continuous process reading
//     it, when not run by level): such a write lands between the blocks' runs in an order only
//     Icarus's queue fixes.
// Code generation also requires every variable the block updates or writes to be quiet (no
// process waits on it, nba_shadows.cpp), so no wake-up order depends on the blocks' order.
#include "plan/model_plan.h"
#include "plan/walk.h"

#include <algorithm>
#include <map>
#include <set>

namespace metalfpga::plan {

using namespace ir;

namespace {

// System tasks and functions that only read their arguments (output, simulation control, wave
// dumps, time); the others ($readmemh, $fscanf, $sformat, $random's seed, ...) may write them.
bool readsArgumentsOnly(const std::string& name) {
    static const char* const prefixes[] = {"$display",  "$write",    "$strobe",  "$monitor",
                                           "$fdisplay", "$fwrite",   "$fstrobe", "$fmonitor",
                                           "$dump",     "$finish",   "$stop",    "$time",
                                           "$stime",    "$realtime", "$fflush",  "$fclose"};
    for (const char* p : prefixes)
        if (name.rfind(p, 0) == 0) return true;
    return false;
}

// What a process does, its statements and the routines it calls taken together (a routine's
// ports, locals and result belong to it and are left out, as in accesses.cpp).
struct Effects {
    const Design& d;
    const std::vector<SignalId>& rep;
    std::set<SignalId> reads = {}; // outside the top event control
    std::set<SignalId> eager = {}; // written at once
    std::set<SignalId> late = {};  // updated by non-blocking assignments
    bool impure = false;           // a task, system task or impure system function
    std::set<RoutineId> seen = {};

    void signals(const Expr* e, std::set<SignalId>& out) const {
        forEachSignal(e, [&](SignalId s) { out.insert(rep[s]); });
    }
    // The signals a target writes (each part of a concatenation); its indices are reads.
    void target(const Expr* t, std::set<SignalId>& out) {
        std::vector<const Expr*> todo{t};
        while (!todo.empty()) {
            const Expr* e = todo.back();
            todo.pop_back();
            if (!e) continue;
            if (e->kind == ExprKind::Concat) {
                for (const auto& o : e->operands) todo.push_back(o.get());
            } else if (e->kind == ExprKind::Select) {
                todo.push_back(e->operands[0].get());
                for (size_t i = 1; i < e->operands.size(); ++i) expr(e->operands[i].get());
            } else if (e->kind == ExprKind::Signal || e->kind == ExprKind::ArrayElement) {
                out.insert(rep[e->signal]);
                for (const auto& o : e->operands) expr(o.get());
            }
        }
    }
    void expr(const Expr* e) {
        signals(e, reads);
        anyExpression(e, [&](const Expr& x) {
            if (x.kind == ExprKind::Call) routine(x.routine);
            if (impureSystemCall(x)) {
                impure = true;
                if (!readsArgumentsOnly(x.name))
                    for (const auto& a : x.operands) signals(a.get(), eager);
            }
            return false;
        });
    }
    void routine(RoutineId r) {
        if (r >= d.routines.size() || !seen.insert(r).second) return;
        const Routine& rt = d.routines[r];
        Effects inner{d, rep};
        inner.seen = std::move(seen);
        inner.stmt(rt.body.get());
        seen = std::move(inner.seen);
        impure = impure || inner.impure;
        auto outside = [&](const std::set<SignalId>& from, std::set<SignalId>& to) {
            for (SignalId s : from)
                if (!declaredWithin(d, s, rt.scope)) to.insert(s);
        };
        outside(inner.reads, reads);
        outside(inner.eager, eager);
        outside(inner.late, late);
    }
    void stmt(const Stmt* root) {
        anyStatement(root, [&](const Stmt& s) {
            switch (s.kind) {
            case StmtKind::Assign:
                target(s.lhs.get(), s.nonBlocking ? late : eager);
                expr(s.rhs.get());
                break;
            case StmtKind::ProcContinuous:
                target(s.lhs.get(), eager);
                expr(s.rhs.get());
                break;
            case StmtKind::TaskCall: {
                impure = true;
                routine(s.routine);
                const auto* ports =
                    s.routine < d.routines.size() ? &d.routines[s.routine].ports : nullptr;
                for (size_t k = 0; k < s.args.size(); ++k) {
                    if (ports && k < ports->size() && (*ports)[k].dir != PortDir::Input)
                        target(s.args[k].get(), eager);
                    expr(s.args[k].get());
                }
                break;
            }
            case StmtKind::SystemTaskCall:
                impure = true;
                for (const auto& a : s.args) {
                    expr(a.get());
                    if (!readsArgumentsOnly(s.name)) signals(a.get(), eager);
                }
                break;
            case StmtKind::Timed:
                break; // the top event control is the clock; others make a block behavioural
            default:
                forEachExpressionOf(s, [&](const Expr* e) { expr(e); });
                break;
            }
            return false;
        });
    }
};

Effects effectsOf(const Design& d, const Stmt* body, const std::vector<SignalId>& rep) {
    Effects e{d, rep};
    e.stmt(body);
    return e;
}

// The signals whose change or edge may wake a process: what its event controls and `wait`
// conditions name, in its body and in the tasks it calls; a continuous process wakes on
// everything it reads.
struct WaitedSignals {
    const Design& d;
    const std::vector<SignalId>& rep;
    std::set<SignalId> out = {};
    std::set<RoutineId> seen = {};

    void add(const Expr* e) {
        forEachSignal(e, [&](SignalId s) { out.insert(rep[s]); });
    }
    void stmt(const Stmt* root) {
        anyStatement(root, [&](const Stmt& s) {
            if (s.timing)
                for (const EventItem& ev : s.timing->events) add(ev.expr.get());
            if (s.kind == StmtKind::Wait) add(s.cond.get());
            if (s.kind == StmtKind::TaskCall && s.routine < d.routines.size() &&
                seen.insert(s.routine).second)
                stmt(d.routines[s.routine].body.get());
            return false;
        });
    }
};

bool holdsDisabledBlock(const Stmt* body, const std::set<ScopeId>& disabled) {
    return anyStatement(body, [&](const Stmt& s) {
        return s.kind == StmtKind::Block && s.scope != kNone && disabled.count(s.scope);
    });
}

} // namespace

void chooseDirectRuns(const Design& d, ModelPlan& plan, const PlanOptions& options) {
    for (ProcessPlan& pp : plan.processes) {
        pp.directRun = false;
        pp.directReason.clear();
        pp.directEager.clear();
    }
    plan.lateOnly.clear();
    if (!options.staticSchedule) return;
    std::vector<SignalId> rep(d.signals.size());
    for (SignalId s = 0; s < d.signals.size(); ++s) rep[s] = s < plan.rep.size() ? plan.rep[s] : s;
    std::vector<bool> inModel(d.processes.size(), false);
    for (uint32_t i : plan.model) inModel[i] = true;

    // Per process in the model: what it does (continuous processes read their inputs and write
    // their targets at once), and per signal who writes, updates late and reads it.
    std::vector<Effects> fx;
    fx.reserve(d.processes.size());
    std::vector<std::vector<uint32_t>> writers(d.signals.size()), lateWriters(d.signals.size()),
        readers(d.signals.size());
    std::map<SignalId, std::vector<size_t>> waiters; // processes that may wake on a signal
    for (size_t q = 0; q < d.processes.size(); ++q) {
        const Process& p = d.processes[q];
        const ProcessPlan& qp = plan.processes[q];
        bool procedural = p.kind == ProcessKind::Always || p.kind == ProcessKind::Initial;
        fx.push_back(procedural ? effectsOf(d, p.body.get(), rep) : Effects{d, rep});
        Effects& e = fx.back();
        if (!procedural) {
            for (SignalId s : qp.reads) e.reads.insert(rep[s]);
            for (SignalId s : qp.writes) e.eager.insert(rep[s]);
        }
        if (!inModel[q]) continue;
        for (SignalId s : e.eager) writers[s].push_back(uint32_t(q));
        for (SignalId s : e.late) {
            writers[s].push_back(uint32_t(q));
            lateWriters[s].push_back(uint32_t(q));
        }
        if (qp.staticRun) continue;
        for (SignalId s : qp.reads) readers[rep[s]].push_back(uint32_t(q));
        std::set<SignalId> waited;
        if (procedural) {
            WaitedSignals w{d, rep};
            w.stmt(p.body.get());
            waited = std::move(w.out);
        } else {
            waited = e.reads;
        }
        for (SignalId s : waited) waiters[s].push_back(q);
    }
    // Signals that only non-blocking assignments update.
    std::vector<bool> eagerly(d.signals.size(), false);
    for (size_t q = 0; q < d.processes.size(); ++q)
        if (inModel[q])
            for (SignalId s : fx[q].eager) eagerly[s] = true;
    for (SignalId s = 0; s < d.signals.size(); ++s)
        if (!lateWriters[s].empty() && !eagerly[s]) plan.lateOnly.insert(s);
    // What the processes that may wake on each clock signal write at once (when first needed).
    std::map<SignalId, std::set<SignalId>> eagerByClock;
    auto eagerOn = [&](SignalId c) -> const std::set<SignalId>& {
        auto [it, fresh] = eagerByClock.try_emplace(c);
        if (fresh)
            for (size_t q : waiters[c]) it->second.insert(fx[q].eager.begin(), fx[q].eager.end());
        return it->second;
    };
    auto only = [](const std::vector<uint32_t>& who, size_t q) {
        return std::all_of(who.begin(), who.end(), [&](uint32_t w) { return w == q; });
    };

    for (size_t i = 0; i < d.processes.size(); ++i) {
        ProcessPlan& pp = plan.processes[i];
        if (!inModel[i] || pp.cls != ProcessClass::Clocked) continue;
        const Effects& e = fx[i];
        auto why = [&]() -> std::string {
            if (e.impure) return "it calls a task, system task or impure system function";
            if (holdsDisabledBlock(d.processes[i].body.get(), plan.disabledScopes))
                return "a block in it is disabled";
            for (SignalId s : e.late)
                if (!only(lateWriters[s], i))
                    return "another process updates " + d.signals[s].path + " too";
            for (SignalId s : e.eager) {
                if (!only(writers[s], i)) return "another process writes " + d.signals[s].path;
                for (uint32_t r : readers[s])
                    if (r != i)
                        return "another process reads " + d.signals[s].path +
                               ", which it writes at once";
            }
            // Its own eager writes are read by nobody else, so the union over the clock's
            // waiters stands for the other processes.
            for (const auto& c : pp.clocks)
                for (SignalId s : eagerOn(rep[c.second]))
                    if (e.reads.count(s) && !e.eager.count(s))
                        return "it reads " + d.signals[s].path +
                               ", which a process woken by the same event writes";
            return "";
        }();
        pp.directReason = why;
        pp.directRun = why.empty();
        if (pp.directRun) pp.directEager.assign(e.eager.begin(), e.eager.end());
    }
}

} // namespace metalfpga::plan
