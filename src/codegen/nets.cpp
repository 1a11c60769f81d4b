#include "codegen/generator.h"

#include <optional>
#include <tuple>

namespace metalfpga::codegen::detail {

using namespace ir;

// Outputs first: and-family gates have one output; buf/not have one input (the last terminal).
std::vector<const Expr*> Generator::targets(const Process& p) const {
    std::vector<const Expr*> r;
    if (inoutPort(p)) return r; // resolved by its switch groups
    if (p.kind == ProcessKind::UdpInstance) {
        if (!p.terminals.empty() && p.terminals[0]) r.push_back(p.terminals[0].get());
        return r;
    }
    if (p.kind == ProcessKind::Gate) {
        if (plan::isTranGate(p.gate)) return r; // bidirectional: resolved by its switch group
        size_t nout = plan::outputTerminals(p);
        for (size_t i = 0; i < nout && i < p.terminals.size(); ++i)
            if (p.terminals[i]) r.push_back(p.terminals[i].get());
        return r;
    }
    if (p.lhs) r.push_back(p.lhs.get());
    return r;
}
std::vector<const Expr*> Generator::targetLeaves(const Process& p) const {
    std::vector<const Expr*> r, todo = targets(p);
    while (!todo.empty()) {
        const Expr* l = todo.back();
        todo.pop_back();
        if (l->kind == ExprKind::Concat)
            for (const auto& o : l->operands) todo.push_back(o.get());
        else
            r.push_back(l);
    }
    return r;
}
std::vector<const Expr*> Generator::sources(const Process& p) const {
    std::vector<const Expr*> r;
    if (inoutPort(p)) return r;
    if (p.kind == ProcessKind::UdpInstance) {
        for (size_t i = 1; i < p.terminals.size(); ++i)
            if (p.terminals[i]) r.push_back(p.terminals[i].get());
        return r;
    }
    if (p.kind == ProcessKind::Gate) {
        size_t nout = plan::outputTerminals(p);
        if (plan::isTranGate(p.gate)) nout = 2; // the control of tranif*, nothing for tran
        for (size_t i = nout; i < p.terminals.size(); ++i)
            if (p.terminals[i]) r.push_back(p.terminals[i].get());
        return r;
    }
    if (p.rhs) r.push_back(p.rhs.get());
    return r;
}

void Generator::gateBody(const Process& p, int ind, bool valueOnly) {
    Type bit = Type::integral(1, false);
    if (p.kind == ProcessKind::Gate && plan::isTranGate(p.gate)) {
        if (!valueOnly)
            for (uint32_t g : swGroupOf_[curProc_]) line(ind, fmt::format("group_{}(s);", g));
        return;
    }
    if (byteGate(p)) {
        line(ind, fmt::format("u8 g = {};", gateByte(p)));
        if (!valueOnly) gateStoreByte(p, "g", ind);
        return;
    }
    if (p.kind == ProcessKind::UdpInstance)
        udpBody(p, ind);
    else
        line(ind, fmt::format("auto g = {};", gateValue(p)));
    if (valueOnly) return;
    for (const Expr* t : targets(p)) {
        std::string val =
            t->type.width == 1 && !t->type.isSigned ? "g" : convert("g", bit, t->type);
        store(*t, val, ind);
    }
}

// The output of a built-in gate as an expression.
std::string Generator::gateValue(const Process& p) {
    const std::string& g = p.gate;
    Type bit = Type::integral(1, false);
    std::vector<std::string> in;
    for (const Expr* e : sources(p)) in.push_back(exprAs(*e, bit));
    std::string v;
    if (g == "bufif0" || g == "bufif1" || g == "notif0" || g == "notif1") {
        v = in.size() == 2 ? asVec(fmt::format("tri_gate({}, {}, {}, {})", in[0], in[1],
                                               g.back() == '1' ? "true" : "false",
                                               g[0] == 'n' ? "true" : "false"),
                                   bit)
                           : vecName() + "<1>::x()";
    } else if (g == "buf" || g == "not") {
        v = in.empty() ? vecName() + "<1>::x()" : fmt::format("({0} & {0})", in[0]);
        if (g == "not") v = "(~" + v + ")";
    } else {
        const char* op = (g == "and" || g == "nand") ? " & "
                         : (g == "or" || g == "nor") ? " | "
                                                     : " ^ ";
        for (size_t i = 0; i < in.size(); ++i) v += (i ? op : "") + in[i];
        if (in.size() == 1) v = fmt::format("({0} & {0})", in[0]);
        v = "(" + v + ")";
        if (g == "nand" || g == "nor" || g == "xnor") v = "(~" + v + ")";
    }
    return v;
}

namespace {

// The value of a constant integral index expression built from literals with + - * (a
// generate loop's `8*i + 4`), or nothing.
std::optional<int64_t> constIndex(const Expr& e) {
    if (e.kind == ExprKind::Const) {
        if (e.value.has_xz() || e.type.width > 63) return std::nullopt;
        int64_t v = static_cast<int64_t>(e.value.aval()[0]);
        uint32_t w = e.type.width;
        if (e.type.isSigned && w < 64 && ((v >> (w - 1)) & 1)) v -= int64_t{1} << w;
        return v;
    }
    if (e.kind == ExprKind::Unary && e.op == Op::Neg) {
        auto a = constIndex(*e.operands[0]);
        return a ? std::optional<int64_t>(-*a) : std::nullopt;
    }
    if (e.kind != ExprKind::Binary || (e.op != Op::Add && e.op != Op::Sub && e.op != Op::Mul))
        return std::nullopt;
    auto a = constIndex(*e.operands[0]), b = constIndex(*e.operands[1]);
    if (!a || !b || *a > (1 << 30) || *a < -(1 << 30) || *b > (1 << 30) || *b < -(1 << 30))
        return std::nullopt;
    return e.op == Op::Add ? *a + *b : e.op == Op::Sub ? *a - *b : *a * *b;
}

// The bit offsets [lo, hi] a select with constant bounds covers within its object (a part
// select, or a bit or indexed part select whose index is constant), or nothing.
std::optional<std::pair<int64_t, int64_t>> constSelectRange(const Expr& l) {
    if (l.select == SelectKind::Part) {
        int64_t a = l.declared.offsetOf(l.msb), b = l.declared.offsetOf(l.lsb);
        return std::pair{std::min(a, b), std::max(a, b)};
    }
    auto ix = constIndex(*l.operands[1]);
    if (!ix) return std::nullopt;
    int64_t w = l.select == SelectKind::Bit ? 1 : l.type.width;
    int64_t first = l.select == SelectKind::IndexedDown ? *ix - w + 1 : *ix;
    int64_t a = l.declared.offsetOf(first), b = l.declared.offsetOf(first + w - 1);
    return std::pair{std::min(a, b), std::max(a, b)};
}

} // namespace

bool Generator::checkDrivers() {
    // Nets driven by more than one process need resolution: not yet, unless the drivers write
    // disjoint constant bit ranges.
    std::map<SignalId, std::vector<std::pair<int64_t, int64_t>>> ranges;
    std::set<SignalId> overlap;
    std::map<SignalId, std::vector<uint32_t>> drivers;
    bool ok = true;
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        if (!isCa_[i]) continue;
        for (const Expr* l : targetLeaves(*procs_[i])) {
            int64_t lo = 0, hi = 1 << 30;
            const Expr* base = l;
            if (l->kind == ExprKind::Select) {
                base = l->operands[0].get();
                if (auto r = constSelectRange(*l)) std::tie(lo, hi) = *r;
            }
            if (base->kind != ExprKind::Signal) continue;
            SignalId s = rep(base->signal);
            if (!d_.signals[s].isNet()) continue;
            for (auto& [a, b] : ranges[s])
                if (lo <= b && a <= hi) overlap.insert(s);
            switch (d_.signals[s].netType) { // undriven bits pull (or keep their charge)
            case NetType::Tri0:
            case NetType::Tri1:
            case NetType::Trireg:
            case NetType::Supply0:
            case NetType::Supply1:
                overlap.insert(s);
                break;
            default:
                break;
            }
            ranges[s].push_back({lo, hi});
            auto& dl = drivers[s];
            if (dl.empty() || dl.back() != i) dl.push_back(i);
        }
    }
    for (SignalId s : overlap) {
        NetType nt = d_.signals[s].netType;
        bool wired = nt == NetType::Wand || nt == NetType::Wor || nt == NetType::Triand ||
                     nt == NetType::Trior;
        for (uint32_t p : drivers[s]) {
            const Strength& st = procs_[p]->strength;
            if (wired && st.specified && (st.s0 != 6 || st.s1 != 6) && ok) {
                diags_.error(procs_[p]->loc,
                             fmt::format("the simulator does not support nets with several "
                                         "wired-logic nets with drivers of other than strong "
                                         "strength ('{}') yet",
                                         d_.signals[s].path));
                ok = false;
            }
        }
        multi_[s] = drivers[s];
    }
    for (auto& [s, v] : pulls_) multi_[s] = drivers[s];
    if (!planStrengths(drivers, overlap)) return false;
    for (auto& [s, v] : svNets_) multi_[s] = drivers[s];
    return ok;
}

// Nets whose continuous drivers write only some bits (constant selects): the other bits are
// undriven and start as z, not x.
std::string Generator::undrivenInit() const {
    std::map<SignalId, std::vector<bool>> covered;
    std::set<SignalId> whole;
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        if (!isCa_[i]) continue;
        for (const Expr* l : targetLeaves(*procs_[i])) {
            if (l->kind == ExprKind::Signal) {
                whole.insert(rep(l->signal));
                continue;
            }
            if (l->kind != ExprKind::Select || l->operands[0]->kind != ExprKind::Signal) continue;
            SignalId s = rep(l->operands[0]->signal);
            const Signal& sg = d_.signals[s];
            if (!sg.isNet() || sg.isArray()) continue;
            auto r = constSelectRange(*l);
            if (!r) {
                whole.insert(s);
                continue;
            }
            auto [lo, hi] = *r;
            auto& c = covered[s];
            c.resize(storageType(s).width, false);
            for (int64_t b = std::max<int64_t>(lo, 0); b <= hi && b < int64_t(c.size()); ++b)
                c[size_t(b)] = true;
        }
    }
    std::string o;
    for (auto& [s, c] : covered) {
        if (whole.count(s)) continue;
        const Signal& sg = d_.signals[s];
        if (sg.netType != NetType::Wire && sg.netType != NetType::Tri) continue;
        for (size_t b = 0; b < c.size(); ++b)
            if (!c[b]) o += fmt::format("    s.s{}.set_bit({}, BZ);\n", s, b);
    }
    return o;
}

} // namespace metalfpga::codegen::detail
