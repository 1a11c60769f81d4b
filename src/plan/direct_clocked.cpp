// Transformations: none. Chooses the clocked blocks that the static schedule may run directly
// from their clock (ProcessPlan::directRun; codegen/clock_runners.cpp), instead of as processes
// woken one by one. When the event fires, one runner entry is queued in the active region where
// the event scheduler would have queued the blocks, and it runs their bodies in model order. That
// order differs from the event scheduler's (Icarus wakes the last waiter first, and the blocks
// interleave with the other processes waiting on the same event), so a block qualifies only when
// no order can be seen:
//   - it is clocked (an event control of edges of whole signals, no timing inside), calls no
//     system task, impure system function or task with side effects (walk.h, pureRoutine), in
//     its body or in the routines it calls (no output, no suspension), disables nothing and holds
//     no block that something disables;
//   - what it updates with non-blocking assignments, no other process updates that way, so no
//     other update of it can come before or after the block's in the NBA region;
//   - what it writes at once (blocking assignments, also in the functions it calls, outside
//     their own locals) no other process writes or reads, except logic run by level (which the
//     settle pass runs after all the blocks in both schedules);
//   - nothing it reads is written at once by another process waiting on the same event control
//     (the same edges of the same signals, in its body or in a task it calls): those processes
//     share one list with the block, which Icarus wakes last waiter first, so such a write lands
//     between the blocks' runs where only that order puts it. The runner runs before the rest of
//     the list. Processes woken by other event controls, timers or continuous assignments are
//     queued before or after the whole list, in the same place in both schedules.
// Code generation also requires every variable the block updates or writes to be quiet (no
// process waits on it, nba_shadows.cpp), so no wake-up order depends on the blocks' order.
#include "plan/model_plan.h"
#include "plan/walk.h"

#include <algorithm>
#include <map>
#include <optional>
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
        walkTarget(
            t, [&](const Expr& b) { out.insert(rep[b.signal]); }, [&](const Expr* i) { expr(i); });
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
                if (!pureRoutine(d, s.routine)) impure = true;
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

// An event control as the set of its items (edge, signal), or none when an item is not a whole
// signal: waits with the same set share one list of waiting processes in the model
// (codegen/timing.cpp, waitGroup); the others are woken one by one from the signals' fanout.
using EventKey = std::vector<std::pair<int, SignalId>>;

std::optional<EventKey> eventKey(const Timing* t, const std::vector<SignalId>& rep) {
    if (!t || (t->kind != Timing::Kind::Event && t->kind != Timing::Kind::Repeat)) return {};
    EventKey key;
    for (const EventItem& ev : t->events) {
        if (!ev.expr || ev.expr->kind != ExprKind::Signal) return {};
        key.emplace_back(static_cast<int>(ev.edge), rep[ev.expr->signal]);
    }
    std::sort(key.begin(), key.end());
    key.erase(std::unique(key.begin(), key.end()), key.end());
    return key;
}

// The event controls a process may wait on, in its body and in the tasks it calls.
struct WaitKeys {
    const Design& d;
    const std::vector<SignalId>& rep;
    std::set<EventKey> out = {};
    std::set<RoutineId> seen = {};

    void stmt(const Stmt* root) {
        anyStatement(root, [&](const Stmt& s) {
            if (auto k = eventKey(s.timing.get(), rep)) out.insert(*k);
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
    for (SignalId s = 0; s < d.signals.size(); ++s) rep[s] = plan.repOf(s);
    std::vector<bool> inModel(d.processes.size(), false);
    for (uint32_t i : plan.model) inModel[i] = true;

    // Per process in the model: what it does (continuous processes read their inputs and write
    // their targets at once), and per signal who writes, updates late and reads it.
    std::vector<Effects> fx;
    fx.reserve(d.processes.size());
    std::vector<std::vector<uint32_t>> writers(d.signals.size()), lateWriters(d.signals.size()),
        readers(d.signals.size());
    std::map<EventKey, std::vector<size_t>> coWaiters; // processes waiting on an event
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
        if (procedural) {
            WaitKeys w{d, rep};
            w.stmt(p.body.get());
            for (const EventKey& k : w.out) coWaiters[k].push_back(q);
        }
    }
    // Signals that only non-blocking assignments update, but for a variable initialiser (time 0)
    // in the scope of every process that updates them: it starts before those processes
    // (start_order.cpp), so it runs before any of their updates.
    std::vector<bool> eagerly(d.signals.size(), false);
    std::vector<ScopeId> initScope(d.signals.size(), kNone);
    for (size_t q = 0; q < d.processes.size(); ++q)
        if (inModel[q])
            for (SignalId s : fx[q].eager) {
                if (d.processes[q].varInit && initScope[s] == kNone)
                    initScope[s] = d.processes[q].scope;
                else
                    eagerly[s] = true;
            }
    for (SignalId s = 0; s < d.signals.size(); ++s) {
        if (lateWriters[s].empty() || eagerly[s]) continue;
        if (initScope[s] != kNone &&
            !std::all_of(lateWriters[s].begin(), lateWriters[s].end(),
                         [&](uint32_t q) { return d.processes[q].scope == initScope[s]; }))
            continue;
        plan.lateOnly.insert(s);
    }
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
            // The processes woken by the same event control sit in one list with the block;
            // the runner runs before all of them.
            const Stmt* body = d.processes[i].body.get();
            if (auto key = eventKey(body ? body->timing.get() : nullptr, rep))
                for (size_t q : coWaiters[*key])
                    if (q != i)
                        for (SignalId s : fx[q].eager)
                            if (e.reads.count(s) && !e.eager.count(s))
                                return "it reads " + d.signals[s].path +
                                       ", which a process woken by the same event control writes";
            return "";
        }();
        pp.directReason = why;
        pp.directRun = why.empty();
        if (pp.directRun) pp.directEager.assign(e.eager.begin(), e.eager.end());
    }
}

} // namespace metalfpga::plan
