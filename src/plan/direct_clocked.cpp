// Transformations: none. Chooses the clocked blocks that the static schedule may run directly
// from their clock (ProcessPlan::directRun; codegen/clock_runners.cpp), instead of as processes
// woken one by one. When the event fires, one runner entry is queued in the active region where
// the event scheduler would have queued the blocks, and it runs their bodies in model order. That
// order differs from the event scheduler's (Icarus wakes the last waiter first, and the blocks
// interleave with the other processes waiting on the same event), so a block qualifies only when
// no order can be seen:
//   - it is clocked (an event control of edges of whole signals, no timing inside) and calls
//     nothing (no task, function or system task: no output, no suspension, no hidden reads or
//     writes), disables nothing and holds no block that something disables;
//   - every assignment in it is non-blocking, to a whole variable that no other process updates
//     with a non-blocking assignment, so it changes nothing before the NBA region, and no other
//     update of the same variable can come before or after it in the NBA region (code generation
//     also requires the variable to be quiet: its commit wakes no process, nba_shadows.cpp);
//   - nothing it reads is written, other than by a non-blocking assignment, by a process that
//     may wake on the same event (one whose event controls or `wait`s name a clock signal of the
//     block, or a continuous process reading it, when not run by level): such a write lands between
//     the blocks' runs in an order only Icarus's queue fixes. Processes woken later in the slot
//     (logic run by level, event-driven continuous assignments) run after all the blocks in both
//     schedules.
#include "plan/model_plan.h"
#include "plan/walk.h"

#include <algorithm>
#include <map>
#include <set>

namespace metalfpga::plan {

using namespace ir;

namespace {

bool onlyNonBlockingToWholeVariables(const Design& d, const Stmt* body) {
    return !anyStatement(body, [&](const Stmt& s) {
        if (s.kind != StmtKind::Assign) return false;
        if (!s.nonBlocking || s.timing) return true;
        const Expr* t = s.lhs.get();
        return t->kind != ExprKind::Signal || d.signals[t->signal].isArray() ||
               d.signals[t->signal].isNet();
    });
}

bool holdsDisabledBlock(const Stmt* body, const std::set<ScopeId>& disabled) {
    return anyStatement(body, [&](const Stmt& s) {
        return s.kind == StmtKind::Block && s.scope != kNone && disabled.count(s.scope);
    });
}

// The signals an assignment target writes (each part of a concatenation).
void targetsOf(const Expr* t, const std::vector<SignalId>& rep, std::set<SignalId>& out) {
    std::vector<const Expr*> todo{t};
    while (!todo.empty()) {
        const Expr* e = selectBase(todo.back());
        todo.pop_back();
        if (!e) continue;
        if (e->kind == ExprKind::Concat)
            for (const auto& o : e->operands) todo.push_back(o.get());
        else if (e->kind == ExprKind::Signal || e->kind == ExprKind::ArrayElement)
            out.insert(rep[e->signal]);
    }
}

// Every signal named in `e`.
void signalsOf(const Expr* e, const std::vector<SignalId>& rep, std::set<SignalId>& out) {
    anyExpression(e, [&](const Expr& x) {
        if (x.kind == ExprKind::Signal || x.kind == ExprKind::ArrayElement)
            out.insert(rep[x.signal]);
        return false;
    });
}

// A task enable or a function call anywhere in `body`.
bool callsRoutine(const Stmt* body) {
    return anyStatement(body, [](const Stmt& s) {
        bool c = s.kind == StmtKind::TaskCall;
        forEachExpressionOf(s, [&](const Expr* e) {
            c = c || anyExpression(e, [](const Expr& x) { return x.kind == ExprKind::Call; });
        });
        return c;
    });
}

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

// What a process may write other than by a non-blocking assignment: the targets of its blocking
// and procedural continuous assignments, everything it writes when it calls a task or
// function, and every signal named in a system task's or function's arguments, unless it only
// reads them.
std::set<SignalId> eagerWrites(const Process& p, const ProcessPlan& pp,
                               const std::vector<SignalId>& rep) {
    std::set<SignalId> w;
    if (p.kind != ProcessKind::Always && p.kind != ProcessKind::Initial) {
        for (SignalId s : pp.writes) w.insert(rep[s]);
        return w;
    }
    bool calls = callsRoutine(p.body.get());
    if (calls)
        for (SignalId s : pp.writes) w.insert(rep[s]);
    anyStatement(p.body.get(), [&](const Stmt& s) {
        if ((s.kind == StmtKind::Assign && !s.nonBlocking) || s.kind == StmtKind::ProcContinuous)
            targetsOf(s.lhs.get(), rep, w);
        if (s.kind == StmtKind::SystemTaskCall && !readsArgumentsOnly(s.name))
            for (const auto& a : s.args) signalsOf(a.get(), rep, w);
        forEachExpressionOf(s, [&](const Expr* e) {
            anyExpression(e, [&](const Expr& x) {
                if (x.kind == ExprKind::SystemCall && !pureSystemFunction(x.name) &&
                    !readsArgumentsOnly(x.name))
                    for (const auto& a : x.operands) signalsOf(a.get(), rep, w);
                return false;
            });
        });
        return false;
    });
    return w;
}

// The signals whose change or edge may wake a process: what its event controls and `wait`
// conditions name, in its body and in the tasks it calls; a continuous process wakes on
// everything it reads.
struct WaitedSignals {
    const Design& d;
    const std::vector<SignalId>& rep;
    std::set<SignalId> out;
    std::set<RoutineId> seen;

    void stmt(const Stmt* root) {
        anyStatement(root, [&](const Stmt& s) {
            if (s.timing)
                for (const EventItem& ev : s.timing->events) signalsOf(ev.expr.get(), rep, out);
            if (s.kind == StmtKind::Wait) signalsOf(s.cond.get(), rep, out);
            if (s.kind == StmtKind::TaskCall && s.routine < d.routines.size() &&
                seen.insert(s.routine).second)
                stmt(d.routines[s.routine].body.get());
            return false;
        });
    }
};

std::set<SignalId> waitedSignals(const Design& d, const Process& p, const ProcessPlan& pp,
                                 const std::vector<SignalId>& rep) {
    if (p.kind != ProcessKind::Always && p.kind != ProcessKind::Initial) {
        std::set<SignalId> r;
        for (SignalId s : pp.reads) r.insert(rep[s]);
        return r;
    }
    WaitedSignals w{d, rep, {}, {}};
    w.stmt(p.body.get());
    return w.out;
}

// What a block's statements read (not its event control).
std::set<SignalId> bodyReads(const Stmt* body, const std::vector<SignalId>& rep) {
    std::set<SignalId> r;
    anyStatement(body, [&](const Stmt& s) {
        forEachExpressionOf(s, [&](const Expr* e) { signalsOf(e, rep, r); });
        return false;
    });
    return r;
}

// What a process may update with a non-blocking assignment: the targets of its non-blocking
// assignments, and everything it writes when it calls a task or function.
std::set<SignalId> lateWrites(const Process& p, const ProcessPlan& pp,
                              const std::vector<SignalId>& rep) {
    std::set<SignalId> w;
    if (!p.body) return w;
    if (callsRoutine(p.body.get())) {
        for (SignalId s : pp.writes) w.insert(rep[s]);
        return w;
    }
    anyStatement(p.body.get(), [&](const Stmt& s) {
        if (s.kind == StmtKind::Assign && s.nonBlocking) targetsOf(s.lhs.get(), rep, w);
        return false;
    });
    return w;
}

// Why a clocked block must stay a process woken by its event, or "" when it need not.
template <class EagerOn>
std::string directObstacle(const Design& d, const ModelPlan& plan, const ProcessPlan& pp,
                           const Stmt* body, const std::vector<uint32_t>& nbaWriters,
                           EagerOn& eagerOn, const std::vector<SignalId>& rep) {
    if (callsAnything(body)) return "it calls a task or function";
    if (!onlyNonBlockingToWholeVariables(d, body))
        return "it makes a blocking assignment or one to a part or memory word";
    if (holdsDisabledBlock(body, plan.disabledScopes)) return "a block in it is disabled";
    for (SignalId w : pp.writes)
        if (nbaWriters[rep[w]] > 1) return "another process updates " + d.signals[w].path + " too";
    // The block itself writes nothing eagerly, so the union over the clock's waiters stands for
    // the other processes.
    std::set<SignalId> reads = bodyReads(body, rep);
    for (const auto& c : pp.clocks)
        for (SignalId s : eagerOn(rep[c.second]))
            if (reads.count(s))
                return "it reads " + d.signals[s].path +
                       ", which a process woken by the same event writes";
    return "";
}

} // namespace

void chooseDirectRuns(const Design& d, ModelPlan& plan, const PlanOptions& options) {
    for (ProcessPlan& pp : plan.processes) {
        pp.directRun = false;
        pp.directReason.clear();
    }
    if (!options.staticSchedule) return;
    auto rep = [&](SignalId s) { return s < plan.rep.size() ? plan.rep[s] : s; };
    std::vector<SignalId> reps(d.signals.size());
    for (SignalId s = 0; s < d.signals.size(); ++s) reps[s] = rep(s);

    // How many processes may update each signal with a non-blocking assignment (a process that
    // calls a task or function counts for everything it writes).
    std::vector<uint32_t> nbaWriters(d.signals.size(), 0);
    for (size_t q = 0; q < d.processes.size(); ++q) {
        std::set<SignalId> w = lateWrites(d.processes[q], plan.processes[q], reps);
        for (SignalId s : w) ++nbaWriters[s];
    }
    std::vector<bool> inModel(d.processes.size(), false);
    for (uint32_t i : plan.model) inModel[i] = true;
    // The processes that may wake on an event of each signal (not those run by level), and
    // what they write eagerly, by clock signal (computed when first needed).
    std::map<SignalId, std::vector<size_t>> readers;
    for (size_t q = 0; q < d.processes.size(); ++q) {
        if (!inModel[q] || plan.processes[q].staticRun) continue;
        for (SignalId s : waitedSignals(d, d.processes[q], plan.processes[q], reps))
            readers[s].push_back(q);
    }
    std::map<SignalId, std::set<SignalId>> eagerByClock;
    auto eagerOn = [&](SignalId c) -> const std::set<SignalId>& {
        auto [it, fresh] = eagerByClock.try_emplace(c);
        if (fresh)
            for (size_t q : readers[c]) {
                std::set<SignalId> w = eagerWrites(d.processes[q], plan.processes[q], reps);
                it->second.insert(w.begin(), w.end());
            }
        return it->second;
    };

    for (size_t i = 0; i < d.processes.size(); ++i) {
        ProcessPlan& pp = plan.processes[i];
        const Process& p = d.processes[i];
        if (!inModel[i] || pp.cls != ProcessClass::Clocked) continue;
        const Stmt* body = p.body->body.get();
        pp.directReason = directObstacle(d, plan, pp, body, nbaWriters, eagerOn, reps);
        pp.directRun = pp.directReason.empty();
    }
}

} // namespace metalfpga::plan
