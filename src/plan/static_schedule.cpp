// Transformations: none. Chooses the combinational processes that the static schedule runs by
// level (ProcessPlan::staticRun; codegen/static_comb.cpp), when the options ask for it. A
// process is run by level when it has a level (outside loops, not a link merged into one
// signal) and needs no resume point:
//   continuous assignments, port connections, gates and UDPs whose expressions call nothing (a
//   function may have side effects, a system function may read the time or a file; the pure
//   system functions such as $signed and $clog2 are no calls here);
//   `always` blocks woken by any change of whole signals (no selects, no named events: a run for
//   a change of another part of a signal would be one the event scheduler does not make), or,
//   for `always @*`, of memory words too (its list holds all it reads, so a run for another
//   word's change changes nothing), whose body calls no task, system task, impure system
//   function or function with side effects (a call may suspend the process on the service ring
//   or a host call, or write signals; a pure function reads only what the list names, or the
//   block would not be combinational).
#include "plan/model_plan.h"
#include "plan/walk.h"

namespace metalfpga::plan {

using namespace ir;

namespace {

bool runnableByLevel(const Design& d, const Process& p) {
    if (p.kind != ProcessKind::Always) {
        if (callsAnything(p.lhs.get()) || callsAnything(p.rhs.get())) return false;
        for (const auto& t : p.terminals)
            if (callsAnything(t.get())) return false;
        return true;
    }
    if (!p.body || p.body->kind != StmtKind::Timed || !p.body->timing) return false;
    bool star = p.body->timing->kind == Timing::Kind::Star;
    for (const EventItem& ev : p.body->timing->events) {
        if (ev.edge != Edge::Any) return false;
        const Expr& e = *ev.expr;
        bool whole = e.kind == ExprKind::Signal && d.signals[e.signal].kind != SignalKind::Event;
        // `@*` lists everything the block reads: a run for a change of a memory word it does
        // not read recomputes the outputs it already holds, and changes nothing.
        bool word = star && e.kind == ExprKind::ArrayElement;
        if (!whole && !word) return false;
    }
    return !callsImpure(d, p.body->body.get());
}

} // namespace

void chooseStaticRuns(const Design& d, ModelPlan& plan, const PlanOptions& options) {
    for (size_t i = 0; i < d.processes.size(); ++i) {
        ProcessPlan& pp = plan.processes[i];
        pp.staticRun = options.staticSchedule && pp.cls == ProcessClass::Combinational &&
                       !pp.inLoop && pp.level >= 0 && runnableByLevel(d, d.processes[i]);
    }
}

} // namespace metalfpga::plan
