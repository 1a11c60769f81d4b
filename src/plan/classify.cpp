// Transformations: none. Sorts every process into one of three classes (ProcessClass):
//   combinational: continuous assignments, port connections, gates and combinational UDPs
//                  without delays; `always` blocks that begin with an event control of
//                  any-edge items (`@*`, `@(a or b)`) covering everything they read, with no
//                  timing, force/assign, named event trigger or output task inside;
//   clocked:       `always` blocks that begin with an event control of posedge/negedge items
//                  of whole signals, with no timing, force/assign or named event trigger inside;
//   behavioural:   everything else, with the reason (the first construct found).
#include "plan/model_plan.h"
#include "plan/nets.h"
#include "plan/walk.h"

#include <algorithm>
#include <optional>
#include <set>

namespace metalfpga::plan {

using namespace ir;

bool pureSystemFunction(const std::string& n) {
    static const std::set<std::string> pure{
        "$signed", "$unsigned", "$bits",  "$clog2", "$rtoi", "$itor",  "$realtobits", "$bitstoreal",
        "$ln",     "$log10",    "$exp",   "$sqrt",  "$pow",  "$floor", "$ceil",       "$sin",
        "$cos",    "$tan",      "$asin",  "$acos",  "$atan", "$atan2", "$hypot",      "$sinh",
        "$cosh",   "$tanh",     "$asinh", "$acosh", "$atanh"};
    return pure.count(n) != 0;
}

namespace {

// Why a statement needs the event scheduler inside a combinational (comb = true) or clocked
// block, or nullopt when it does not.
struct BodyCheck {
    const Design& d;
    bool comb;
    std::set<RoutineId> seen;

    std::optional<std::string> expr(const Expr* e) {
        if (!e) return std::nullopt;
        if (e->kind == ExprKind::SystemCall && comb && !pureSystemFunction(e->name))
            return "system function " + e->name + " in a combinational block";
        if (e->kind == ExprKind::Call && e->routine < d.routines.size() &&
            seen.insert(e->routine).second)
            if (auto r = stmt(d.routines[e->routine].body.get())) return r;
        for (const auto& o : e->operands)
            if (auto r = expr(o.get())) return r;
        return std::nullopt;
    }
    std::optional<std::string> stmt(const Stmt* s) {
        if (!s) return std::nullopt;
        switch (s->kind) {
        case StmtKind::Timed:
            return std::string("a timing control inside");
        case StmtKind::Wait:
            return std::string("wait");
        case StmtKind::ProcContinuous:
            return std::string("a procedural continuous assignment (force/assign)");
        case StmtKind::EventTrigger:
            return std::string("a named event trigger");
        case StmtKind::Disable:
            return std::string("disable");
        case StmtKind::Block:
            if (s->fork) return std::string("fork");
            break;
        case StmtKind::Assign:
            if (s->timing) return std::string("an intra-assignment timing control");
            break;
        case StmtKind::SystemTaskCall:
            if (comb) return "system task " + s->name + " in a combinational block";
            break;
        case StmtKind::TaskCall:
            if (s->routine < d.routines.size() && seen.insert(s->routine).second)
                if (auto r = stmt(d.routines[s->routine].body.get())) return r;
            break;
        default:
            break;
        }
        for (const Expr* e : {s->lhs.get(), s->rhs.get(), s->cond.get()})
            if (auto r = expr(e)) return r;
        for (const auto& a : s->args)
            if (auto r = expr(a.get())) return r;
        for (const auto& c : s->stmts)
            if (auto r = stmt(c.get())) return r;
        for (const Stmt* c : {s->body.get(), s->elseBody.get(), s->init.get(), s->step.get()})
            if (auto r = stmt(c)) return r;
        for (const CaseItem& ci : s->items)
            if (auto r = stmt(ci.body.get())) return r;
        return std::nullopt;
    }
};

void classifyAlways(const Design& d, const Process& p, ProcessPlan& pp) {
    auto behavioural = [&](std::string why) {
        pp.cls = ProcessClass::Behavioural;
        pp.reason = std::move(why);
    };
    const Stmt* body = p.body.get();
    if (!body || body->kind != StmtKind::Timed || !body->timing ||
        (body->timing->kind != Timing::Kind::Event && body->timing->kind != Timing::Kind::Star))
        return behavioural("does not begin with an event control");
    const Timing& t = *body->timing;
    bool anyEdge = true, allEdges = !t.events.empty();
    for (const EventItem& ev : t.events) {
        if (ev.edge == Edge::Any)
            allEdges = false;
        else
            anyEdge = false;
    }
    if (t.events.empty()) return behavioural("an event control that waits on nothing");
    if (!anyEdge && !allEdges) return behavioural("an event control mixing edges and levels");
    BodyCheck check{d, anyEdge, {}};
    if (auto why = check.stmt(body->body.get())) return behavioural(*why);
    if (allEdges) {
        for (const EventItem& ev : t.events) {
            if (ev.expr->kind != ExprKind::Signal)
                return behavioural("an edge of an expression or a part of a signal");
            pp.clocks.emplace_back(ev.edge, ev.expr->signal);
        }
        pp.cls = ProcessClass::Clocked;
        return;
    }
    // Combinational: the items must cover every signal read that the block did not write.
    std::set<SignalId> sens;
    for (const EventItem& ev : t.events)
        if (const Expr* b = selectBase(ev.expr.get());
            b && (b->kind == ExprKind::Signal || b->kind == ExprKind::ArrayElement))
            sens.insert(b->signal);
    for (SignalId r : pp.reads)
        if (!sens.count(r) && !std::binary_search(pp.writes.begin(), pp.writes.end(), r))
            return behavioural("an incomplete sensitivity list (it reads " + d.signals[r].path +
                               ")");
    pp.cls = ProcessClass::Combinational;
}

} // namespace

void classifyProcesses(const Design& d, ModelPlan& plan) {
    for (size_t i = 0; i < d.processes.size(); ++i) {
        const Process& p = d.processes[i];
        ProcessPlan& pp = plan.processes[i];
        pp.cls = ProcessClass::Combinational;
        pp.reason.clear();
        pp.clocks.clear();
        auto behavioural = [&](std::string why) {
            pp.cls = ProcessClass::Behavioural;
            pp.reason = std::move(why);
        };
        switch (p.kind) {
        case ProcessKind::Initial:
            behavioural(p.varInit ? "variable initialisers (time 0)" : "an initial block");
            break;
        case ProcessKind::Always:
            classifyAlways(d, p, pp);
            break;
        case ProcessKind::ContinuousAssign:
        case ProcessKind::PortConnection:
            if (!p.delay.empty())
                behavioural("a delay");
            else if (p.portDir == PortDir::Inout)
                behavioural("an inout port (bidirectional)");
            break;
        case ProcessKind::Gate:
            if (isTranGate(p.gate) || isMosGate(p.gate))
                behavioural("a switch primitive (" + p.gate + ")");
            else if (!p.delay.empty())
                behavioural("a delay");
            break;
        case ProcessKind::UdpInstance:
            if (p.udp < d.udps.size() && d.udps[p.udp].sequential)
                behavioural("a sequential UDP");
            else if (!p.delay.empty())
                behavioural("a delay");
            break;
        }
    }
}

} // namespace metalfpga::plan
