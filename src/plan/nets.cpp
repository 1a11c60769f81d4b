#include "plan/nets.h"

#include <utility>

namespace metalfpga::plan {

using namespace ir;

bool gateSupported(const std::string& g) {
    static const char* const kGates[] = {
        "and",    "nand",   "or",     "nor",    "xor",     "xnor",    "buf",      "not",
        "bufif0", "bufif1", "notif0", "notif1", "nmos",    "pmos",    "rnmos",    "rpmos",
        "cmos",   "rcmos",  "tran",   "rtran",  "tranif0", "tranif1", "rtranif0", "rtranif1"};
    for (const char* k : kGates)
        if (g == k) return true;
    return false;
}

bool isMosGate(const std::string& g) {
    return g == "nmos" || g == "pmos" || g == "rnmos" || g == "rpmos" || g == "cmos" ||
           g == "rcmos";
}

bool mergedLink(const Process& p, const std::vector<SignalId>& rep) {
    return (p.kind == ProcessKind::ContinuousAssign || p.kind == ProcessKind::PortConnection) &&
           p.lhs && p.rhs && p.lhs->kind == ExprKind::Signal && p.rhs->kind == ExprKind::Signal &&
           p.lhs->signal != p.rhs->signal && rep[p.lhs->signal] == rep[p.rhs->signal];
}

bool netRange(const Design& d, const std::vector<SignalId>& rep, const Expr* e, SignalId& net,
              uint32_t& lo, uint32_t& w) {
    if (!e) return false;
    if (e->kind == ExprKind::Signal) {
        SignalId s = rep[e->signal];
        if (!d.signals[s].isNet() || d.signals[s].isArray()) return false;
        net = s;
        lo = 0;
        w = d.signals[s].type.width;
        return true;
    }
    if (e->kind != ExprKind::Select || !netRange(d, rep, e->operands[0].get(), net, lo, w))
        return false;
    int64_t a = 0, b = 0;
    if (e->select == SelectKind::Bit && e->operands[1]->kind == ExprKind::Const &&
        !e->operands[1]->value.has_xz()) {
        a = b = e->declared.offsetOf(static_cast<int64_t>(e->operands[1]->value.aval()[0]));
    } else if (e->select == SelectKind::Part) {
        a = e->declared.offsetOf(e->msb);
        b = e->declared.offsetOf(e->lsb);
        if (a > b) std::swap(a, b);
    } else {
        return false;
    }
    if (a < 0 || b >= static_cast<int64_t>(w)) return false;
    lo += static_cast<uint32_t>(a);
    w = static_cast<uint32_t>(b - a + 1);
    return true;
}

bool netBits(const Design& d, const std::vector<SignalId>& rep, const Expr* e,
             std::vector<std::pair<SignalId, uint32_t>>& bits) {
    if (e && e->kind == ExprKind::Concat) { // operands most significant first
        for (size_t i = e->operands.size(); i-- > 0;)
            if (!netBits(d, rep, e->operands[i].get(), bits)) return false;
        return !e->operands.empty();
    }
    SignalId net;
    uint32_t lo, w;
    if (!netRange(d, rep, e, net, lo, w)) return false;
    for (uint32_t k = 0; k < w; ++k) bits.push_back({net, lo + k});
    return true;
}

bool inoutPort(const Design& d, const std::vector<SignalId>& rep, const Process& p) {
    if (p.kind != ProcessKind::PortConnection || p.portDir != PortDir::Inout) return false;
    if (p.collapsed && p.lhs && p.rhs && p.lhs->kind == ExprKind::Signal &&
        p.rhs->kind == ExprKind::Signal && rep[p.lhs->signal] == rep[p.rhs->signal])
        return false; // merged into one net
    std::vector<std::pair<SignalId, uint32_t>> a, b;
    return netBits(d, rep, p.lhs.get(), a) && netBits(d, rep, p.rhs.get(), b);
}

} // namespace metalfpga::plan
