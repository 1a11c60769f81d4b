// Transformations: none. Chooses the processes of the model (ModelPlan::model): continuous
// assignments, port connections, gates and UDPs first, then initial/always blocks, each in
// design order, as Icarus lists them. Left out: port connections and copies merged into one
// signal (aliases.cpp), unconnected ports, and in 2-state models the variable initialisers
// (their values are stored before time 0). pullup/pulldown on a whole net become its pull
// (ModelPlan::pulls); constructs the model cannot simulate are listed (ModelPlan::unsupported)
// for code generation to report.
#include "plan/model_plan.h"
#include "plan/nets.h"

namespace metalfpga::plan {

using namespace ir;

void selectProcesses(const Design& d, ModelPlan& plan, const PlanOptions& options) {
    plan.model.clear();
    plan.continuous.clear();
    plan.pulls.clear();
    plan.unsupported.clear();
    const std::vector<SignalId>& rep = plan.rep;
    auto add = [&](size_t i, bool continuous) {
        plan.model.push_back(static_cast<uint32_t>(i));
        plan.continuous.push_back(continuous);
    };
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t i = 0; i < d.processes.size(); ++i) {
            const Process& p = d.processes[i];
            bool ca =
                p.kind == ProcessKind::ContinuousAssign || p.kind == ProcessKind::PortConnection;
            if ((p.kind == ProcessKind::Gate && gateSupported(p.gate) && p.terminals.size() >= 2) ||
                (p.kind == ProcessKind::UdpInstance && !p.terminals.empty() && p.terminals[0])) {
                if (pass == 0) add(i, true);
                continue;
            }
            if (p.kind == ProcessKind::Gate && (p.gate == "pullup" || p.gate == "pulldown")) {
                if (pass != 0) continue;
                for (const auto& t : p.terminals) {
                    SignalId pn;
                    uint32_t plo, pw;
                    if (t && t->kind != ExprKind::Signal && netRange(d, rep, t.get(), pn, plo, pw))
                        continue; // a part of a net: a constant driver of its bits
                    if (!t || t->kind != ExprKind::Signal || !d.signals[rep[t->signal]].isNet()) {
                        plan.unsupported.push_back({p.loc, "pullup/pulldown of a part of a net"});
                        continue;
                    }
                    plan.pulls[rep[t->signal]] = p.gate == "pullup" ? 1 : 0;
                }
                continue;
            }
            if (p.kind == ProcessKind::Gate || p.kind == ProcessKind::UdpInstance) {
                if (pass == 0)
                    plan.unsupported.push_back({p.loc, p.kind == ProcessKind::Gate
                                                           ? "gate primitives ('" + p.gate + "')"
                                                           : "UDP instances"});
                continue;
            }
            if (ca != (pass == 0)) continue;
            if (p.varInit && options.twoState) continue;
            if (mergedLink(p, rep)) continue; // one signal (aliases.cpp): no process
            if (p.kind == ProcessKind::PortConnection) {
                if (p.portDir == PortDir::Inout && !inoutPort(d, rep, p)) {
                    plan.unsupported.push_back(
                        {p.loc, "inout ports that are not whole nets, constant selects of nets or "
                                "concatenations of those"});
                    continue;
                }
                if (!p.lhs || !p.rhs) continue; // unconnected
            }
            add(i, ca);
        }
    }
}

} // namespace metalfpga::plan
