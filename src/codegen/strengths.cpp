// Strength values on nets and switch primitives (1364-2005 clause 7): which nets carry
// strengths, gate outputs as strength bytes, the resolution of strength nets and the
// bidirectional switch groups. The value rules are in rt/strength.h.
#include "codegen/generator.h"
#include "metalfpga/rt/strength.h"
#include "plan/nets.h"

namespace metalfpga::codegen::detail {

using namespace ir;
namespace sv = rt::model;

namespace {

bool isTri(const std::string& g) {
    return g == "bufif0" || g == "bufif1" || g == "notif0" || g == "notif1";
}
// rnmos, rpmos, rcmos, rtran, rtranif0, rtranif1 (no other gate name starts with 'r').
bool resistive(const std::string& g) {
    return !g.empty() && g[0] == 'r';
}

// The nets an assignment target writes.
void targetNets(const Expr* e, std::vector<SignalId>& out) {
    if (!e) return;
    if (e->kind == ExprKind::Concat) {
        for (const auto& o : e->operands) targetNets(o.get(), out);
        return;
    }
    if (e->kind == ExprKind::Select) e = e->operands[0].get();
    if (e->kind == ExprKind::Signal) out.push_back(e->signal);
}

} // namespace

bool Generator::netRange(const Expr* e, SignalId& net, uint32_t& lo, uint32_t& w) const {
    return plan::netRange(d_, rep_, e, net, lo, w);
}

bool Generator::netBit(const Expr* e, SignalId& net, uint32_t& bit) const {
    uint32_t w = 0;
    return netRange(e, net, bit, w) && w == 1;
}

bool Generator::inoutPort(const Process& p) const {
    return plan::inoutPort(d_, rep_, p);
}

bool Generator::byteSlot(SignalId net, size_t k) const {
    auto it = multi_.find(net);
    return isSvNet(net) && it != multi_.end() && k < it->second.size() &&
           procs_[it->second[k]]->kind == ProcessKind::Gate;
}

bool Generator::byteGate(const Process& p) const {
    if (p.kind != ProcessKind::Gate || plan::isTranGate(p.gate)) return false;
    for (const Expr* t : targets(p)) {
        SignalId n;
        uint32_t b;
        if (netBit(t, n, b) && isSvNet(n)) return true;
    }
    return false;
}

bool Generator::planStrengths(const std::map<SignalId, std::vector<uint32_t>>& drivers,
                              const std::set<SignalId>& overlap) {
    bool ok = true;
    auto mark = [&](SignalId s) -> SvNet& {
        SvNet& n = svNets_[s];
        n.group.resize(storageType(s).width, -1);
        n.konst.resize(storageType(s).width, sv::kSvHiZ);
        return n;
    };
    auto wired = [&](SignalId s) {
        NetType nt = d_.signals[s].netType;
        return nt == NetType::Wand || nt == NetType::Wor || nt == NetType::Triand ||
               nt == NetType::Trior;
    };
    for (SignalId s : overlap)
        if (!wired(s)) mark(s);
    // Constant drivers: supply nets, tri0/tri1, pullup/pulldown.
    for (SignalId s = 0; s < d_.signals.size(); ++s) {
        const Signal& sg = d_.signals[s];
        if (rep(s) != s || !sg.isNet() || sg.isArray()) continue;
        uint8_t c = sv::kSvHiZ;
        switch (sg.netType) {
        case NetType::Supply0:
            c = sv::sv_drive(rt::B0, 7, 7);
            break;
        case NetType::Supply1:
            c = sv::sv_drive(rt::B1, 7, 7);
            break;
        case NetType::Tri0:
            c = sv::sv_drive(rt::B0, 5, 5);
            break;
        case NetType::Tri1:
            c = sv::sv_drive(rt::B1, 5, 5);
            break;
        default:
            continue;
        }
        SvNet& n = mark(s);
        for (auto& k : n.konst) k = sv::sv_resolve(k, c);
    }
    for (const Process& p : d_.processes) {
        if (p.kind != ProcessKind::Gate || (p.gate != "pullup" && p.gate != "pulldown")) continue;
        bool up = p.gate == "pullup";
        uint32_t st = !p.strength.specified ? 5 : (up ? p.strength.s1 : p.strength.s0);
        for (const auto& t : p.terminals) {
            SignalId s;
            uint32_t lo, w;
            if (!netRange(t.get(), s, lo, w) || wired(s)) continue; // reported by run()
            SvNet& n = mark(s);
            for (uint32_t b = lo; b < lo + w; ++b)
                n.konst[b] = sv::sv_resolve(n.konst[b], sv::sv_drive(up ? rt::B1 : rt::B0, st, st));
        }
    }
    // Drivers of other than strong strength, tri-state gates and MOS switches.
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        if (!isCa_[i]) continue;
        const Process& p = *procs_[i];
        if (p.kind == ProcessKind::Gate && plan::isTranGate(p.gate)) continue;
        bool weak = p.strength.specified && (p.strength.s0 != 6 || p.strength.s1 != 6);
        bool gateOut = p.kind == ProcessKind::Gate && (plan::isMosGate(p.gate) || isTri(p.gate));
        if (!weak && !gateOut) continue;
        std::vector<SignalId> nets;
        for (const Expr* t : targets(p)) targetNets(t, nets);
        for (SignalId s : nets) {
            s = rep(s);
            if (d_.signals[s].isNet() && !d_.signals[s].isArray() && !wired(s)) mark(s);
        }
    }
    // Bidirectional switches: their terminals' bits are nodes; connected nodes form a group.
    std::map<std::pair<SignalId, uint32_t>, uint32_t> nodeId;
    std::vector<std::pair<SignalId, uint32_t>> nodes;
    std::vector<uint32_t> parent;
    auto node = [&](SignalId s, uint32_t b) {
        auto [it, fresh] = nodeId.try_emplace({s, b}, static_cast<uint32_t>(nodes.size()));
        if (fresh) {
            nodes.push_back({s, b});
            parent.push_back(it->second);
        }
        return it->second;
    };
    auto find = [&](uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    std::vector<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>> edges; // proc, (a, b)
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        const Process& p = *procs_[i];
        if (!isCa_[i] || p.kind != ProcessKind::Gate || !plan::isTranGate(p.gate)) continue;
        if (!p.delay.empty() && (p.gate == "tran" || p.gate == "rtran")) {
            unsupported(p.delay.loc, "delays on tran/rtran");
            ok = false;
            continue;
        }
        if (!p.delay.empty()) // the control as the switch sees it, after the delay
            temps_.push_back(fmt::format("{}<1> swc{};", vecName(), i));
        SignalId na, nb;
        uint32_t ba, bb;
        if (p.terminals.size() < 2 || !netBit(p.terminals[0].get(), na, ba) ||
            !netBit(p.terminals[1].get(), nb, bb)) {
            unsupported(p.loc, "switch terminals other than scalar nets and constant bit-selects "
                               "of vector nets");
            ok = false;
            continue;
        }
        if (wired(na) || wired(nb)) {
            unsupported(p.loc, "switches on wired-logic nets");
            ok = false;
            continue;
        }
        mark(na);
        mark(nb);
        uint32_t a = node(na, ba), b = node(nb, bb);
        edges.push_back({i, {a, b}});
        parent[find(a)] = find(b);
    }
    for (uint32_t i = 0; i < procs_.size(); ++i) { // inout ports: each bit pair is joined
        const Process& p = *procs_[i];
        if (!isCa_[i] || !inoutPort(p)) continue;
        std::vector<std::pair<SignalId, uint32_t>> ba, bb;
        plan::netBits(d_, rep_, p.lhs.get(), ba);
        plan::netBits(d_, rep_, p.rhs.get(), bb);
        bool anyWired = false;
        for (const auto* side : {&ba, &bb})
            for (const auto& nb : *side) anyWired = anyWired || wired(nb.first);
        if (anyWired) {
            unsupported(p.loc, "inout ports on wired-logic nets");
            ok = false;
            continue;
        }
        for (const auto* side : {&ba, &bb})
            for (const auto& nb : *side) mark(nb.first);
        // The high bits of the wider side stay unconnected (1364-2005 12.3.10).
        for (size_t k = 0; k < std::min(ba.size(), bb.size()); ++k) {
            uint32_t a = node(ba[k].first, ba[k].second), b = node(bb[k].first, bb[k].second);
            edges.push_back({i, {a, b}});
            parent[find(a)] = find(b);
        }
    }
    std::map<uint32_t, uint32_t> groupOfRoot;
    std::vector<uint32_t> local(nodes.size());
    for (uint32_t x = 0; x < nodes.size(); ++x) {
        auto [it, fresh] =
            groupOfRoot.try_emplace(find(x), static_cast<uint32_t>(swGroups_.size()));
        if (fresh) swGroups_.emplace_back();
        SwGroup& g = swGroups_[it->second];
        local[x] = static_cast<uint32_t>(g.nodes.size());
        g.nodes.push_back(nodes[x]);
        g.nets.insert(nodes[x].first);
        SvNet& n = svNets_[nodes[x].first];
        n.group[nodes[x].second] = static_cast<int>(it->second);
        n.grouped = true;
    }
    for (auto& [proc, ab] : edges) {
        uint32_t g = groupOfRoot[find(ab.first)];
        swGroups_[g].edges.push_back({proc, local[ab.first], local[ab.second]});
        swGroupOf_[proc].insert(g);
    }
    // Gates driving strength nets write strength bytes: each output must be one net bit.
    for (auto& [s, n] : svNets_) {
        auto it = drivers.find(s);
        if (it == drivers.end()) continue;
        for (uint32_t p : it->second) {
            const Process& pr = *procs_[p];
            if (pr.kind != ProcessKind::Gate) continue;
            for (const Expr* t : targets(pr)) {
                SignalId tn;
                uint32_t tb;
                std::vector<SignalId> nets;
                targetNets(t, nets);
                bool here = false;
                for (SignalId x : nets) here = here || rep(x) == s;
                if (here && !netBit(t, tn, tb)) {
                    unsupported(pr.loc, "gate outputs on nets with strengths other than scalar "
                                        "nets and constant bit-selects");
                    ok = false;
                }
            }
        }
    }
    return ok;
}

std::string Generator::svRead(const Expr& e) {
    SignalId n;
    uint32_t b;
    if (netBit(&e, n, b) && isSvNet(n)) return fmt::format("s.sv{}[{}]", n, b);
    return fmt::format("sv_of_bit(({}).bit_code(0))", exprAs(e, Type::integral(1, false)));
}

std::string Generator::gateByte(const Process& p) {
    const std::string& g = p.gate;
    Type bit = Type::integral(1, false);
    uint32_t s0 = p.strength.specified ? p.strength.s0 : 6;
    uint32_t s1 = p.strength.specified ? p.strength.s1 : 6;
    std::vector<const Expr*> in = sources(p);
    auto code = [&](size_t i) {
        return i < in.size() ? fmt::format("({}).bit_code(0)", exprAs(*in[i], bit))
                             : std::string("BZ");
    };
    if (plan::isMosGate(g)) {
        std::string data = in.empty() ? "kSvHiZ" : svRead(*in[0]);
        const char* r = resistive(g) ? "true" : "false";
        if (g == "cmos" || g == "rcmos")
            return fmt::format("sv_resolve(sv_mos({0}, {1}, true, {3}), sv_mos({0}, {2}, false, "
                               "{3}))",
                               data, code(1), code(2), r);
        bool on1 = g == "nmos" || g == "rnmos";
        return fmt::format("sv_mos({}, {}, {}, {})", data, code(1), on1 ? "true" : "false", r);
    }
    if (isTri(g))
        return fmt::format("sv_bufif({}, {}, {}, {}, {}, {})", code(0), code(1),
                           g.back() == '1' ? "true" : "false", g[0] == 'n' ? "true" : "false", s0,
                           s1);
    return fmt::format("sv_drive(({}).bit_code(0), {}, {})", gateValue(p), s0, s1);
}

void Generator::gateStoreByte(const Process& p, const std::string& g, int ind) {
    for (const Expr* t : targets(p)) {
        SignalId n;
        uint32_t b;
        if (!netBit(t, n, b) || !isSvNet(n)) {
            std::string v = fmt::format("{}<1>::from_bit(sv_bit({}))", vecName(), g);
            store(*t,
                  t->type.width == 1 && !t->type.isSigned
                      ? v
                      : convert(v, Type::integral(1, false), t->type),
                  ind);
            continue;
        }
        const auto& dl = multi_.at(n);
        size_t k = 0;
        while (k < dl.size() && dl[k] != curProc_) ++k;
        line(ind, fmt::format("if (s.dv{0}_{1}[{2}] != {3}) {{ s.dv{0}_{1}[{2}] = {3}; "
                              "resolve_s{0}(s); }}",
                              n, k, b, g));
    }
}

std::string Generator::strengthMembers() const {
    std::string o;
    for (auto& [s, n] : svNets_) {
        uint32_t w = storageType(s).width;
        o += fmt::format("    u8 sv{}[{}]; // strengths of {}\n", s, w, d_.signals[s].path);
        if (n.grouped) o += fmt::format("    u8 sl{0}[{1}]; u8 sf{0}[{1}];\n", s, w);
    }
    return o;
}

// The constant drivers' values of a strength net as a table `kb`.
static std::string konstTable(const std::vector<uint8_t>& k) {
    std::string t;
    for (uint8_t b : k) t += fmt::format("{}{}", t.empty() ? "" : ", ", b);
    return fmt::format("static const u8 kb[{}] = {{{}}};", k.size(), t);
}

std::string Generator::strengthInit() const {
    std::string o;
    for (auto& [proc, groups] : swGroupOf_)
        if (procs_[proc]->kind == ProcessKind::Gate && !procs_[proc]->delay.empty())
            o += fmt::format("    s.swc{} = {}<1>::x();\n", proc, vecName());
    for (auto& [s, n] : svNets_) {
        uint32_t w = storageType(s).width;
        std::string t = cppType(storageType(s));
        o += fmt::format("    {{\n        {}\n", konstTable(n.konst));
        o += fmt::format(
            "        for (u32 i = 0; i < {1}; ++i) {{ s.sv{0}[i] = kb[i] != kSvHiZ ? "
            "kb[i] : sv_of_bit(s.s{0}.bit_code(i));{2} }}\n",
            s, w, n.grouped ? fmt::format(" s.sl{0}[i] = kb[i]; s.sf{0}[i] = s.sv{0}[i];", s) : "");
        o += fmt::format("        s.s{0} = sv_value<{1}>(s.sv{0});\n    }}\n", s, t);
    }
    return o;
}

std::string Generator::strengthCode() {
    std::string o;
    auto L = [&](const std::string& x) {
        o += x;
        o += '\n';
    };
    for (auto& [s, n] : svNets_)
        L(fmt::format("MF_HD MF_OUTLINE void commit_s{}(State& s, const u8* r);", s));
    for (uint32_t g = 0; g < swGroups_.size(); ++g)
        L(fmt::format("MF_HD void group_{}(State& s);", g));
    for (auto& [s, n] : svNets_) {
        const Signal& sig = d_.signals[s];
        uint32_t w = storageType(s).width;
        std::string t = cppType(storageType(s));
        L(fmt::format("MF_HD inline MF_OUTLINE void resolve_s{}(State& s) {{ // {} {} (strengths)",
                      s, netTypeName(sig.netType), sig.path));
        L(fmt::format("    u8 r[{}];", w));
        L("    " + konstTable(n.konst));
        L(fmt::format("    for (u32 i = 0; i < {}; ++i) r[i] = kb[i];", w));
        const auto& dl = multi_[s];
        for (size_t k = 0; k < dl.size(); ++k) {
            if (byteSlot(s, k)) {
                L(fmt::format("    sv_add_bytes(r, s.dv{}_{}, {});", s, k, w));
                continue;
            }
            const Strength& st = procs_[dl[k]]->strength;
            L(fmt::format("    sv_add_logic(r, s.dv{}_{}, {}, {});", s, k, st.specified ? st.s0 : 6,
                          st.specified ? st.s1 : 6));
        }
        if (sig.netType == NetType::Trireg)
            L(fmt::format("    sv_keep_charge(r, s.s{}, {});", s, sig.charge ? sig.charge : 2));
        if (!n.grouped) {
            L(fmt::format("    commit_s{}(s, r);", s));
            L("}");
            continue;
        }
        std::set<int> groups;
        for (uint32_t b = 0; b < w; ++b) {
            if (n.group[b] < 0)
                L(fmt::format("    s.sf{0}[{1}] = r[{1}];", s, b));
            else
                groups.insert(n.group[b]);
        }
        L(fmt::format("    for (u32 i = 0; i < {}; ++i) s.sl{}[i] = r[i];", w, s));
        for (int g : groups) L(fmt::format("    group_{}(s);", g));
        L("}");
    }
    for (auto& [s, n] : svNets_) {
        uint32_t w = storageType(s).width;
        std::string t = cppType(storageType(s));
        L(fmt::format("MF_HD void commit_s{}(State& s, const u8* r) {{", s));
        L("    bool changed = false;");
        L(fmt::format("    for (u32 i = 0; i < {0}; ++i) if (s.sv{1}[i] != r[i]) {{ s.sv{1}[i] = "
                      "r[i]; changed = true; }}",
                      w, s));
        L(fmt::format("    {} v = sv_value<{}>(r);", t, t));
        // A change of strength alone still wakes the readers of strengths (switches, %v).
        L(fmt::format("    if (!k::case_eq(v.cref(), s.s{0}.cref())) set_s{0}(s, v); else if "
                      "(changed) fanout_s{0}(s);",
                      s));
        L("}");
    }
    Type bit = Type::integral(1, false);
    for (uint32_t g = 0; g < swGroups_.size(); ++g) {
        const SwGroup& gr = swGroups_[g];
        size_t nn = gr.nodes.size();
        L(fmt::format("MF_HD void group_{}(State& s) {{ // switch group", g));
        L(fmt::format("    u8 v[{}];", nn));
        for (size_t i = 0; i < nn; ++i)
            L(fmt::format("    v[{}] = s.sl{}[{}];", i, gr.nodes[i].first, gr.nodes[i].second));
        L(fmt::format("    for (u32 it = 0; it < {}; ++it) {{", 2 * nn + 2));
        L("        bool ch = false;");
        uint32_t saveProc = curProc_;
        ScopeId saveScope = curScope_;
        for (const SwEdge& e : gr.edges) {
            const Process& p = *procs_[e.proc];
            curProc_ = e.proc;
            curScope_ = p.scope;
            if (p.kind == ProcessKind::PortConnection) { // a port passes strengths unchanged
                L(fmt::format("        {{ // port {} {}", p.portName, where(p.loc)));
                L(fmt::format("            u8 na = sv_resolve(v[{0}], v[{1}]), nb = "
                              "sv_resolve(v[{1}], v[{0}]);",
                              e.a, e.b));
                L(fmt::format("            if (na != v[{0}] || nb != v[{1}]) {{ v[{0}] = na; "
                              "v[{1}] = nb; ch = true; }}",
                              e.a, e.b));
                L("        }");
                continue;
            }
            std::string on = "1u";
            if (p.gate != "tran" && p.gate != "rtran" && !p.delay.empty())
                on = fmt::format("sv_switch_on(s.swc{}.bit_code(0), {})", e.proc,
                                 p.gate.back() == '1' ? "true" : "false");
            else if (p.gate != "tran" && p.gate != "rtran")
                on = p.terminals.size() > 2 && p.terminals[2]
                         ? fmt::format("sv_switch_on(({}).bit_code(0), {})",
                                       exprAs(*p.terminals[2], bit),
                                       p.gate.back() == '1' ? "true" : "false")
                         : "2u";
            const char* r = resistive(p.gate) ? "true" : "false";
            L(fmt::format("        {{ // {} {}", p.gate, where(p.loc)));
            L(fmt::format("            u32 on = {};", on));
            L("            if (on) {");
            L(fmt::format("                u8 na = sv_resolve(v[{0}], sv_pass(v[{1}], on, {2})), "
                          "nb = sv_resolve(v[{1}], sv_pass(v[{0}], on, {2}));",
                          e.a, e.b, r));
            L(fmt::format("                if (na != v[{0}] || nb != v[{1}]) {{ v[{0}] = na; "
                          "v[{1}] = nb; ch = true; }}",
                          e.a, e.b));
            L("            }");
            L("        }");
        }
        curProc_ = saveProc;
        curScope_ = saveScope;
        L("        if (!ch) break;");
        L("    }");
        for (size_t i = 0; i < nn; ++i)
            L(fmt::format("    s.sf{}[{}] = v[{}];", gr.nodes[i].first, gr.nodes[i].second, i));
        for (SignalId s : gr.nets) L(fmt::format("    commit_s{0}(s, s.sf{0});", s));
        L("}");
    }
    return o;
}

} // namespace metalfpga::codegen::detail
