// Transformations: module paths (specify, clause 14) become delays of the output port
// connections they reach.
//   1. Every path of an instance is expanded to its output bits; each bit lists the paths that
//      reach it with their input signals (the change times that pick a path are kept per input
//      signal, so a parallel path of vectors counts a change of any input bit).
//   2. The connection of an output port some of whose bits are reached (the instance's port
//      signal on the inner side, of the width of the outer side) is split into one connection
//      per bit, never collapsed; a reached bit's connection gets its paths
//      (ir::Process::paths) and, in `delay`, the first path's first value, so every later stage
//      treats it as a delayed continuous driver. Code generation picks the delay when the bit
//      changes (codegen/processes.cpp).
// The port's value inside the instance is not delayed; only what the instance drives out is.
// An instance without a connection of the port (a top-level module) has no delay to apply.
#include "elab/module_paths.h"

#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace metalfpga::elab {

using namespace ir;

namespace {

// The bit offsets (0 = least significant) a path terminal names, with its signal.
struct Terminal {
    SignalId signal = kNone;
    std::vector<uint32_t> bits;
};

bool constIndex(const Expr& e, int64_t& out) {
    if (e.kind != ExprKind::Const) return false;
    if (e.value.has_xz() || e.value.width() > 63) return false;
    rt::Value v = e.value.resized(64);
    out = static_cast<int64_t>(v.to_u64());
    return true;
}

std::optional<Terminal> terminal(const Design& d, const Expr& e) {
    Terminal t;
    if (e.kind == ExprKind::Signal) {
        t.signal = e.signal;
        for (uint32_t b = 0; b < d.signals[e.signal].type.width; ++b) t.bits.push_back(b);
        return t;
    }
    if (e.kind != ExprKind::Select || e.operands.empty() || e.operands[0]->kind != ExprKind::Signal)
        return std::nullopt;
    t.signal = e.operands[0]->signal;
    const Range& r = e.declared;
    int64_t msb = e.msb, lsb = e.lsb;
    if (e.select == SelectKind::Bit) {
        if (e.operands.size() < 2 || !constIndex(*e.operands[1], msb)) return std::nullopt;
        lsb = msb;
    } else if (e.select != SelectKind::Part) {
        return std::nullopt;
    }
    if (!r.contains(msb) || !r.contains(lsb)) return std::nullopt;
    int64_t a = r.offsetOf(lsb), b = r.offsetOf(msb);
    for (int64_t i = std::min(a, b); i <= std::max(a, b); ++i) t.bits.push_back(uint32_t(i));
    return t;
}

ExprPtr bitSelect(ExprPtr base, const Range& declared, int64_t index, SourceLoc loc) {
    auto sel = std::make_unique<Expr>(ExprKind::Select, loc);
    sel->select = SelectKind::Part;
    sel->declared = declared;
    sel->msb = sel->lsb = index;
    sel->type = sel->self = Type::integral(1, false);
    sel->operands.push_back(std::move(base));
    return sel;
}

// Index of offset `off` in a range written as [msb:lsb] whose least significant bit is `lsb`.
int64_t indexAt(const Range& declared, int64_t lsb, uint32_t off) {
    return declared.msb >= declared.lsb ? lsb + off : lsb - off;
}

// Bit `off` of an assignable expression (a net, a constant part select of one, a
// concatenation of those), or null.
ExprPtr bitOf(const Design& d, const Expr& e, uint32_t off) {
    if (e.kind == ExprKind::Signal) {
        const Signal& g = d.signals[e.signal];
        if (g.isArray() || off >= g.type.width) return nullptr;
        return bitSelect(e.clone(), g.range, indexAt(g.range, g.range.lsb, off), e.loc);
    }
    if (e.kind == ExprKind::Select && e.select == SelectKind::Part && !e.operands.empty() &&
        e.operands[0]->kind == ExprKind::Signal) {
        if (off >= e.type.width) return nullptr;
        return bitSelect(e.operands[0]->clone(), e.declared, indexAt(e.declared, e.lsb, off),
                         e.loc);
    }
    if (e.kind == ExprKind::Select && e.select == SelectKind::Bit && off == 0) return e.clone();
    if (e.kind == ExprKind::Concat) {
        for (size_t k = e.operands.size(); k-- > 0;) {
            uint32_t w = e.operands[k]->type.width;
            if (off < w) return bitOf(d, *e.operands[k], off);
            off -= w;
        }
    }
    return nullptr;
}

ModulePath pathCopy(const SpecifyPath& sp, SignalId input) {
    ModulePath m;
    m.input = input;
    m.edge = sp.edge;
    m.cond = sp.cond ? sp.cond->clone() : nullptr;
    m.ifnone = sp.ifnone;
    for (const auto& v : sp.delays) m.delays.push_back(v->clone());
    m.loc = sp.loc;
    return m;
}

// The inner side of an output port connection: the port signal (through a conversion that
// keeps the width).
const Expr* innerSignal(const Expr& e) {
    const Expr* x = &e;
    while (x->kind == ExprKind::Convert && !x->operands.empty() &&
           x->operands[0]->type.width == x->type.width && !x->type.isReal &&
           !x->operands[0]->type.isReal)
        x = x->operands[0].get();
    return x->kind == ExprKind::Signal ? x : nullptr;
}

} // namespace

bool lowerModulePaths(Design& d, frontend::Diagnostics& diags) {
    if (d.specifyPaths.empty()) return true;
    bool ok = true;
    // (scope, output signal, bit) -> the paths reaching it, as (path index, input signal).
    using Key = std::tuple<ScopeId, SignalId, uint32_t>;
    std::map<Key, std::vector<std::pair<size_t, SignalId>>> reach;
    std::set<std::pair<ScopeId, SignalId>> outputs;
    for (size_t k = 0; k < d.specifyPaths.size(); ++k) {
        const SpecifyPath& sp = d.specifyPaths[k];
        if (sp.delays.empty()) continue;
        std::vector<SignalId> ins;
        for (const auto& e : sp.inputs) {
            auto t = e ? terminal(d, *e) : std::nullopt;
            if (!t) {
                diags.error(e ? e->loc : sp.loc,
                            "a module path input must be a port, a bit or a constant part of one");
                ok = false;
                continue;
            }
            ins.push_back(t->signal);
        }
        for (const auto& e : sp.outputs) {
            auto t = e ? terminal(d, *e) : std::nullopt;
            if (!t) {
                diags.error(e ? e->loc : sp.loc, "a module path output must be a port, a bit "
                                                 "or a constant part of one");
                ok = false;
                continue;
            }
            const Signal& g = d.signals[t->signal];
            if (g.port != PortDir::Output) {
                diags.error(e->loc,
                            "the simulator does not support module paths to '{}' yet (only to "
                            "output ports; it is {})",
                            g.name, g.port == PortDir::Inout ? "an inout port" : "not a port");
                ok = false;
                continue;
            }
            outputs.insert({sp.scope, t->signal});
            for (uint32_t b : t->bits)
                for (SignalId in : ins) reach[{sp.scope, t->signal, b}].push_back({k, in});
        }
    }
    if (!ok) return false;
    size_t count = d.processes.size();
    for (size_t i = 0; i < count; ++i) {
        Process& p = d.processes[i];
        if (p.kind != ProcessKind::PortConnection || p.portDir != PortDir::Output || !p.lhs ||
            !p.rhs)
            continue;
        const Expr* inner = innerSignal(*p.rhs);
        if (!inner || !outputs.count({p.scope, inner->signal})) continue;
        const Signal& port = d.signals[inner->signal];
        uint32_t w = port.type.width;
        if (p.lhs->type.width != w || port.type.isReal || port.isArray()) {
            diags.error(p.loc,
                        "the simulator does not support module path delays on port '{}' yet: "
                        "its connection is {} bits wide and the port {}",
                        p.portName, p.lhs->type.width, w);
            ok = false;
            continue;
        }
        std::vector<Process> bits;
        for (uint32_t b = 0; b < w; ++b) {
            Process q;
            q.kind = ProcessKind::PortConnection;
            q.scope = p.scope;
            q.loc = p.loc;
            q.portDir = PortDir::Output;
            q.portName = p.portName;
            q.lhs = bitOf(d, *p.lhs, b);
            if (!q.lhs) {
                diags.error(p.loc,
                            "the simulator does not support module path delays on port '{}' "
                            "yet: its connection is not a net, a constant part of one or a "
                            "concatenation of those",
                            p.portName);
                ok = false;
                break;
            }
            q.rhs = bitOf(d, *inner, b);
            if (auto it = reach.find({p.scope, inner->signal, b}); it != reach.end()) {
                for (auto [k, in] : it->second) q.paths.push_back(pathCopy(d.specifyPaths[k], in));
                q.delay.loc = q.paths.front().loc;
                q.delay.values.push_back(q.paths.front().delays.front()->clone());
            }
            bits.push_back(std::move(q));
        }
        if (bits.size() != w) continue;
        d.processes[i] = std::move(bits[0]);
        for (uint32_t b = 1; b < w; ++b) d.processes.push_back(std::move(bits[b]));
    }
    return ok;
}

} // namespace metalfpga::elab
