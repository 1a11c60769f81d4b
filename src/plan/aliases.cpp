// Transformations: none. Decides which signals are one signal in the model (ModelPlan::rep,
// each signal's representative in a union-find table):
//   1. collapsed port connections (both sides whole nets of one width, inout ports) join
//      their two nets; a variable, or a net of a special type, stays the representative;
//   2. a port connection or a continuous assignment (no delay, no strength) that drives a
//      whole plain net (wire/tri) from a whole variable of the same type (an input port
//      connected to a testbench's reg; an output reg connected to a wire outside;
//      `assign y = r;`), or a plain net from a plain net by `assign`, makes the net that
//      variable seen from the other side, as Icarus links them: when the net has no other
//      continuous driver, no switch or inout port touches it, and it is never forced.
// So a process inside an instance waiting on its clock port waits on the testbench's clock
// itself (the same wait group), and no copy process runs between the two.
#include "plan/model_plan.h"
#include "plan/nets.h"
#include "plan/walk.h"

#include <functional>
#include <map>
#include <set>

namespace metalfpga::plan {

using namespace ir;

namespace {

bool isReal(const Signal& s) {
    return s.kind == SignalKind::Real || s.kind == SignalKind::Realtime;
}
// The width a signal is stored with (a named event is a 32-bit counter).
uint32_t storedWidth(const Signal& s) {
    return s.kind == SignalKind::Event ? 32 : s.type.width;
}

struct Aliases {
    const Design& d;
    std::vector<SignalId>& rep_;
    SignalId rep(SignalId s) const {
        while (rep_[s] != s) s = rep_[s];
        return s;
    }

    void collapsedPorts() {
        for (const Process& p : d.processes) {
            if (p.kind != ProcessKind::PortConnection || !p.collapsed) continue;
            if (!p.lhs || !p.rhs || p.lhs->kind != ExprKind::Signal ||
                p.rhs->kind != ExprKind::Signal)
                continue;
            SignalId a = rep(p.lhs->signal), b = rep(p.rhs->signal);
            if (a == b) continue;
            const Signal &sa = d.signals[a], &sb = d.signals[b];
            if (sa.isArray() || sb.isArray() || storedWidth(sa) != storedWidth(sb) || isReal(sa) ||
                isReal(sb))
                continue;
            // Keep a variable (or a net with a special type) as the representative.
            if (!sa.isNet() || (sb.isNet() && sa.netType != NetType::Wire))
                rep_[b] = a;
            else
                rep_[a] = b;
        }
    }

    void links(const ModelPlan& plan) {
        // Continuous drivers of each signal; switches and inout ports count as two.
        std::map<SignalId, uint32_t> drivers;
        for (size_t i = 0; i < d.processes.size(); ++i) {
            const Process& p = d.processes[i];
            if (p.kind == ProcessKind::Initial || p.kind == ProcessKind::Always) continue;
            bool bidirectional =
                (p.kind == ProcessKind::Gate && isTranGate(p.gate)) ||
                (p.kind == ProcessKind::PortConnection && p.portDir == PortDir::Inout);
            if (bidirectional) {
                // Every net a side names, through concatenations.
                std::function<void(const Expr*)> side = [&](const Expr* t) {
                    if (t && t->kind == ExprKind::Concat) {
                        for (const auto& o : t->operands) side(o.get());
                        return;
                    }
                    if (const Expr* b = selectBase(t); b && b->kind == ExprKind::Signal)
                        drivers[b->signal] += 2;
                };
                for (const auto& t : p.terminals) side(t.get());
                side(p.lhs.get());
                side(p.rhs.get());
                continue;
            }
            for (SignalId s : plan.processes[i].writes) ++drivers[s];
        }
        // Targets of force/assign anywhere (procedural writes of initial/always blocks).
        std::set<SignalId> forced;
        forEachStatement(d, [&](const Stmt& st) {
            if (st.kind == StmtKind::ProcContinuous && st.lhs)
                if (const Expr* b = selectBase(st.lhs.get()); b && b->kind == ExprKind::Signal)
                    forced.insert(b->signal);
        });
        auto plain = [](const Signal& g) {
            return g.isNet() && (g.netType == NetType::Wire || g.netType == NetType::Tri);
        };
        for (const Process& p : d.processes) {
            bool port = p.kind == ProcessKind::PortConnection && p.portDir != PortDir::Inout &&
                        !p.collapsed && p.delay.empty();
            bool copy =
                p.kind == ProcessKind::ContinuousAssign && p.delay.empty() && !p.strength.specified;
            if ((!port && !copy) || !p.lhs || !p.rhs || p.lhs->kind != ExprKind::Signal ||
                p.rhs->kind != ExprKind::Signal)
                continue;
            SignalId net = p.lhs->signal, from = p.rhs->signal;
            const Signal &sn = d.signals[net], &sf = d.signals[from];
            bool variable =
                !sf.isNet() && (sf.kind == SignalKind::Reg || sf.kind == SignalKind::Integer ||
                                sf.kind == SignalKind::Time);
            if (copy && plain(sf) && !forced.count(from)) variable = true;
            if (!plain(sn) || !variable || sn.isArray() || sf.isArray() || rep(net) != net ||
                rep(from) == net || drivers[net] != 1 || forced.count(net) ||
                sn.type.width != sf.type.width || sn.type.isSigned != sf.type.isSigned ||
                sn.type.isReal || sf.type.isReal)
                continue;
            rep_[net] = rep(from);
        }
    }
};

} // namespace

void planAliases(const Design& d, ModelPlan& plan) {
    plan.rep.resize(d.signals.size());
    for (SignalId i = 0; i < plan.rep.size(); ++i) plan.rep[i] = i;
    Aliases a{d, plan.rep};
    a.collapsedPorts();
    a.links(plan);
    for (SignalId i = 0; i < plan.rep.size(); ++i) plan.rep[i] = a.rep(i); // flattened
}

} // namespace metalfpga::plan
