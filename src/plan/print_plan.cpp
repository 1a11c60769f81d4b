// The plan as text (--dump-plan): a summary, one line per process with its class (and why it
// stays behavioural), the combinational levels and the cycles, the recursive routines.
#include "ir/printer.h"
#include "plan/model_plan.h"

#include <fmt/format.h>

#include <ostream>

namespace metalfpga::plan {

using namespace ir;

namespace {

std::string what(const Design& d, const Process& p) {
    std::string scope = p.scope < d.scopes.size() ? d.scopes[p.scope].path : "?";
    switch (p.kind) {
    case ProcessKind::Initial:
        return (p.varInit ? "variable initialisers in " : "initial in ") + scope;
    case ProcessKind::Always:
        return "always in " + scope;
    case ProcessKind::ContinuousAssign:
        return "assign in " + scope;
    case ProcessKind::PortConnection:
        return fmt::format("port {} of {}", p.portName, scope);
    case ProcessKind::Gate:
        return fmt::format("{} {} in {}", p.gate, p.name, scope);
    case ProcessKind::UdpInstance:
        return fmt::format("udp {} in {}", p.name, scope);
    }
    return "?";
}

std::string list(const std::vector<uint32_t>& v) {
    std::string s;
    for (uint32_t i : v) s += fmt::format(" {}", i);
    return s;
}

} // namespace

void printPlan(const Design& d, const ModelPlan& plan, std::ostream& out,
               const frontend::SourceManager* sm) {
    size_t n[3] = {0, 0, 0};
    for (const ProcessPlan& pp : plan.processes) ++n[static_cast<int>(pp.cls)];
    out << fmt::format(
        "plan: {} processes: {} combinational ({} levels, {} in loops), {} "
        "clocked, {} behavioural\n",
        plan.processes.size(), n[0], plan.levels.size(),
        [&] {
            size_t k = 0;
            for (const auto& l : plan.loops) k += l.size();
            return k;
        }(),
        n[1], n[2]);
    for (size_t i = 0; i < plan.processes.size(); ++i) {
        const ProcessPlan& pp = plan.processes[i];
        const Process& p = d.processes[i];
        std::string cls = processClassName(pp.cls);
        if (pp.cls == ProcessClass::Combinational)
            cls += pp.inLoop ? ", in a loop"
                             : fmt::format(", level {}{}", pp.level,
                                           pp.staticRun ? ", run by level" : "");
        if (pp.cls == ProcessClass::Clocked) {
            cls += " on";
            for (size_t k = 0; k < pp.clocks.size(); ++k)
                cls += fmt::format("{} {} {}", k ? " or" : "",
                                   pp.clocks[k].first == Edge::Posedge ? "posedge" : "negedge",
                                   d.signals[pp.clocks[k].second].path);
            if (pp.directRun) cls += ", run by its clock";
            if (!pp.knownReads.empty()) {
                cls += ", a known-value copy checking";
                for (SignalId k : pp.knownReads) cls += " " + d.signals[k].path;
            }
            if (!pp.directReason.empty()) cls += " (woken as a process: " + pp.directReason + ")";
        }
        if (pp.cls == ProcessClass::Behavioural) cls += ": " + pp.reason;
        if (p.splitOf != kNone) cls += fmt::format(" (a part of process {}, split)", p.splitOf);
        out << fmt::format("process {} {}{}: {}\n", i, what(d, p), ir::whereText(sm, p.loc), cls);
    }
    for (size_t l = 0; l < plan.levels.size(); ++l)
        out << fmt::format("level {}:{}\n", l, list(plan.levels[l]));
    for (const auto& loop : plan.loops) out << fmt::format("loop:{}\n", list(loop));
    for (RoutineId r : plan.recursiveRoutines)
        out << fmt::format("recursive {} {}{}\n", d.routines[r].isFunction ? "function" : "task",
                           d.routines[r].name, ir::whereText(sm, d.routines[r].loc));
}

} // namespace metalfpga::plan
