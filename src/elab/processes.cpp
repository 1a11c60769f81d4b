// Phase 2 items: continuous assignments, net declaration assignments, variable initialisers,
// initial/always blocks, gates and UDP instances.

#include "elab/elaborator.h"

#include <fmt/format.h>

namespace metalfpga::elab {

namespace {

// Whether a simple name is declared anywhere visible; used to create implicit nets for
// identifiers in port connections and gate terminals (1364-2005 clause 4.5).
const ast::Identifier* undeclaredSimpleName(Elaborator& el, const ast::Expr& e, ScopeId s) {
    auto* n = e.asPtr<ast::NameExpr>();
    if (!n || !n->name.isSimple()) return nullptr;
    if (el.lookupSimple(s, n->name.last().text)) return nullptr;
    return &n->name.last();
}

// Whether a statement can suspend (so an always block around it does not loop at time 0).
bool canWait(const ir::Stmt& st) {
    switch (st.kind) {
    case ir::StmtKind::Timed:
    case ir::StmtKind::Wait:
    case ir::StmtKind::TaskCall:
        return true;
    case ir::StmtKind::Assign:
        return st.timing && !st.nonBlocking;
    default:
        break;
    }
    for (const auto& c : st.stmts)
        if (canWait(*c)) return true;
    if (st.body && canWait(*st.body)) return true;
    if (st.elseBody && canWait(*st.elseBody)) return true;
    for (const auto& it : st.items)
        if (it.body && canWait(*it.body)) return true;
    return false;
}

struct GateShape {
    const char* name;
    int minTerms;
    int maxTerms; // 0: unlimited
    int outputs;  // -1: all but the last (buf/not)
};

GateShape gateShape(TokenKind k) {
    switch (k) {
    case TokenKind::KwAnd:
        return {"and", 2, 0, 1};
    case TokenKind::KwNand:
        return {"nand", 2, 0, 1};
    case TokenKind::KwOr:
        return {"or", 2, 0, 1};
    case TokenKind::KwNor:
        return {"nor", 2, 0, 1};
    case TokenKind::KwXor:
        return {"xor", 2, 0, 1};
    case TokenKind::KwXnor:
        return {"xnor", 2, 0, 1};
    case TokenKind::KwBuf:
        return {"buf", 2, 0, -1};
    case TokenKind::KwNot:
        return {"not", 2, 0, -1};
    case TokenKind::KwBufif0:
        return {"bufif0", 3, 3, 1};
    case TokenKind::KwBufif1:
        return {"bufif1", 3, 3, 1};
    case TokenKind::KwNotif0:
        return {"notif0", 3, 3, 1};
    case TokenKind::KwNotif1:
        return {"notif1", 3, 3, 1};
    case TokenKind::KwNmos:
        return {"nmos", 3, 3, 1};
    case TokenKind::KwPmos:
        return {"pmos", 3, 3, 1};
    case TokenKind::KwRnmos:
        return {"rnmos", 3, 3, 1};
    case TokenKind::KwRpmos:
        return {"rpmos", 3, 3, 1};
    case TokenKind::KwCmos:
        return {"cmos", 4, 4, 1};
    case TokenKind::KwRcmos:
        return {"rcmos", 4, 4, 1};
    case TokenKind::KwTran:
        return {"tran", 2, 2, 2};
    case TokenKind::KwRtran:
        return {"rtran", 2, 2, 2};
    case TokenKind::KwTranif0:
        return {"tranif0", 3, 3, 2};
    case TokenKind::KwTranif1:
        return {"tranif1", 3, 3, 2};
    case TokenKind::KwRtranif0:
        return {"rtranif0", 3, 3, 2};
    case TokenKind::KwRtranif1:
        return {"rtranif1", 3, 3, 2};
    case TokenKind::KwPullup:
        return {"pullup", 1, 0, 0};
    case TokenKind::KwPulldown:
        return {"pulldown", 1, 0, 0};
    default:
        return {"gate", 1, 0, 1};
    }
}

// The terminals of element k of an array of `count` instances: one-bit terminals go to every
// element, wider ones give element k their bit count-1-k (the first element gets the MSB).
std::vector<ir::ExprPtr> elementTerminals(const std::vector<ir::ExprPtr>& terms, int64_t count,
                                          int64_t k) {
    std::vector<ir::ExprPtr> out;
    for (const auto& t : terms) {
        if (!t) {
            out.push_back(nullptr);
            continue;
        }
        if (count == 1 || t->type.width == 1) {
            out.push_back(t->clone());
            continue;
        }
        auto sel = std::make_unique<ir::Expr>(ir::ExprKind::Select, t->loc);
        sel->select = ir::SelectKind::Part;
        sel->declared = ir::Range{int64_t(t->type.width) - 1, 0};
        sel->msb = sel->lsb = count - 1 - k;
        sel->type = sel->self = ir::Type::integral(1, false);
        sel->operands.push_back(t->clone());
        out.push_back(std::move(sel));
    }
    return out;
}

} // namespace

void Elaborator::declareImplicitNets(const Deferred& d) {
    ScopeId s = d.scope;
    if (info(s).defaultNettype == "none") return; // reported where the name is used
    auto declare = [&](const ast::Expr* e) {
        if (!e) return;
        if (auto* id = undeclaredSimpleName(*this, *e, s)) implicitNet(*id, s);
    };
    const ast::Item& item = *d.item;
    switch (item.kind) {
    case ast::ItemKind::ContinuousAssign:
        for (const ast::NetAssign& na : item.as<ast::ContinuousAssign>().assigns) {
            if (auto* c = na.lhs->asPtr<ast::ConcatExpr>())
                for (const auto& o : c->items) declare(o.get());
            else
                declare(na.lhs.get());
        }
        break;
    case ast::ItemKind::GateInst:
        for (const ast::GateInstance& gi : item.as<ast::GateInst>().instances)
            for (const auto& t : gi.terminals) declare(t.get());
        break;
    case ast::ItemKind::ModuleInst:
        for (const ast::Instance& inst : item.as<ast::ModuleInst>().instances)
            for (const ast::PortConnection& c : inst.connections) declare(c.expr.get());
        break;
    default:
        break;
    }
}

void Elaborator::elaborateDeferred(const Deferred& d) {
    const ast::Item& item = *d.item;
    ScopeId s = d.scope;
    ExprContext ctx;
    ctx.scope = s;
    switch (item.kind) {
    case ast::ItemKind::ContinuousAssign:
        elaborateContinuousAssign(item.as<ast::ContinuousAssign>(), s);
        break;
    case ast::ItemKind::NetDecl: {
        const auto& nd = item.as<ast::NetDecl>();
        for (const ast::Declarator& decl : nd.decls) {
            if (!decl.init) continue;
            auto sym = lookupLocal(s, decl.name.text);
            if (!sym || sym->kind != Symbol::Kind::Signal) continue;
            const ir::Signal& g = design_->signals[sym->id];
            if (g.isArray()) {
                diags_.error(decl.name.loc, "net array '{}' cannot have an initialiser", g.name);
                continue;
            }
            ir::Process p;
            p.kind = ir::ProcessKind::ContinuousAssign;
            p.scope = s;
            p.loc = decl.name.loc;
            p.lhs = std::make_unique<ir::Expr>(ir::ExprKind::Signal, decl.name.loc);
            p.lhs->signal = sym->id;
            p.lhs->type = p.lhs->self = g.type;
            p.rhs = assignedExpr(*decl.init, g.type, ctx);
            if (!p.rhs) continue;
            if (nd.delay) p.delay = buildDelay(*nd.delay, s);
            if (nd.strength && nd.netType != TokenKind::KwTrireg)
                p.strength = buildStrength(*nd.strength);
            design_->processes.push_back(std::move(p));
        }
        break;
    }
    case ast::ItemKind::VarDecl:
        for (const ast::Declarator& decl : item.as<ast::VarDecl>().decls)
            if (decl.init) elaborateVarInit(decl, s);
        break;
    case ast::ItemKind::PortDecl: // output reg q = 1 (the parser allows no other port)
        for (const ast::Declarator& decl : item.as<ast::PortDecl>().decls)
            if (decl.init) elaborateVarInit(decl, s);
        break;
    case ast::ItemKind::Procedural: {
        const auto& pb = item.as<ast::ProceduralBlock>();
        ir::Process p;
        p.kind =
            pb.keyword == TokenKind::KwInitial ? ir::ProcessKind::Initial : ir::ProcessKind::Always;
        p.scope = s;
        p.loc = item.loc;
        p.body = buildStmt(*pb.body, s);
        if (p.body && p.kind == ir::ProcessKind::Always && !canWait(*p.body)) {
            diags_.error(item.loc, "always block has no delay, event control or wait: it would "
                                   "loop forever at time 0");
            break;
        }
        if (p.body) design_->processes.push_back(std::move(p));
        break;
    }
    case ast::ItemKind::GateInst:
        elaborateGate(item.as<ast::GateInst>(), s);
        break;
    case ast::ItemKind::ModuleInst: {
        const auto& mi = item.as<ast::ModuleInst>();
        if (d.instance) {
            connectPorts(mi, *d.instance, s, d.children);
        } else if (const ast::Primitive* p = findPrimitive(mi.moduleName.text)) {
            elaborateUdpInstances(mi, *p, s);
        }
        break;
    }
    case ast::ItemKind::SpecifyBlock:
        elaborateSpecify(item.as<ast::SpecifyBlock>(), s);
        break;
    default:
        break;
    }
}

// reg a = 1; keeps the value on the signal (2-state models start with it) and appends
// `a = 1;` to the scope's variable-initialiser process, which 4-state models run at time 0.
void Elaborator::elaborateVarInit(const ast::Declarator& decl, ScopeId s) {
    auto sym = lookupLocal(s, decl.name.text);
    if (!sym || sym->kind != Symbol::Kind::Signal) return;
    ir::Type t = design_->signals[sym->id].type;
    if (design_->signals[sym->id].isArray()) {
        diags_.error(decl.name.loc, "array '{}' cannot have an initialiser", decl.name.text);
        return;
    }
    auto v = evalConst(*decl.init, s, "variable initialiser", &t);
    if (!v) return;
    ir::Signal& g = design_->signals[sym->id];
    auto rhs = std::make_unique<ir::Expr>(v->isReal ? ir::ExprKind::RealConst : ir::ExprKind::Const,
                                          decl.init->loc);
    if (v->isReal) {
        g.initReal = v->r;
        rhs->real = v->r;
    } else {
        g.init = v->v;
        rhs->value = v->v;
    }
    rhs->type = rhs->self = g.type;
    auto assign = std::make_unique<ir::Stmt>(ir::StmtKind::Assign, decl.name.loc);
    assign->lhs = std::make_unique<ir::Expr>(ir::ExprKind::Signal, decl.name.loc);
    assign->lhs->signal = sym->id;
    assign->lhs->type = assign->lhs->self = g.type;
    assign->rhs = std::move(rhs);
    auto [it, fresh] = varInitProcess_.try_emplace(s, design_->processes.size());
    if (fresh) {
        ir::Process p;
        p.kind = ir::ProcessKind::Initial;
        p.varInit = true;
        p.scope = s;
        p.loc = decl.name.loc;
        p.body = std::make_unique<ir::Stmt>(ir::StmtKind::Block, decl.name.loc);
        design_->processes.push_back(std::move(p));
    }
    design_->processes[it->second].body->stmts.push_back(std::move(assign));
}

void Elaborator::elaborateContinuousAssign(const ast::ContinuousAssign& ca, ScopeId s) {
    ExprContext ctx;
    ctx.scope = s;
    for (const ast::NetAssign& na : ca.assigns) {
        ir::Process p;
        p.kind = ir::ProcessKind::ContinuousAssign;
        p.scope = s;
        p.loc = na.lhs->loc;
        p.lhs = buildLvalue(*na.lhs, s, LvalueUse::Continuous);
        if (!p.lhs) continue;
        p.rhs = assignedExpr(*na.rhs, p.lhs->type, ctx);
        if (!p.rhs) continue;
        if (ca.delay) p.delay = buildDelay(*ca.delay, s);
        if (ca.strength) p.strength = buildStrength(*ca.strength);
        design_->processes.push_back(std::move(p));
    }
}

std::optional<Elaborator::InstanceArray>
Elaborator::instanceArray(const std::optional<ast::Range>& range,
                          const std::vector<ir::ExprPtr>& terms, std::string_view name,
                          const char* what, ScopeId s) {
    InstanceArray a;
    if (!range) return a;
    std::string bound = fmt::format("{} array bound", what);
    auto msb = evalInt(*range->left, s, bound.c_str());
    auto lsb = evalInt(*range->right, s, bound.c_str());
    if (!msb || !lsb) return std::nullopt;
    a.count = (*msb > *lsb ? *msb - *lsb : *lsb - *msb) + 1;
    a.first = *msb;
    a.step = *msb >= *lsb ? -1 : 1;
    bool ok = true;
    for (const auto& t : terms)
        if (t && t->type.width != 1 && t->type.width != a.count) {
            diags_.error(t->loc,
                         "terminal of {} array '{}' is {} bits wide; it must be 1 or {} bits", what,
                         name, t->type.width, a.count);
            ok = false;
        }
    if (!ok) return std::nullopt;
    return a;
}

void Elaborator::elaborateGate(const ast::GateInst& g, ScopeId s) {
    GateShape shape = gateShape(g.gate);
    ExprContext ctx;
    ctx.scope = s;
    for (const ast::GateInstance& gi : g.instances) {
        int n = static_cast<int>(gi.terminals.size());
        if (n < shape.minTerms || (shape.maxTerms && n > shape.maxTerms)) {
            diags_.error(gi.loc, "gate '{}' needs {} terminal{}, {} given", shape.name,
                         shape.maxTerms == shape.minTerms
                             ? std::to_string(shape.minTerms)
                             : "at least " + std::to_string(shape.minTerms),
                         shape.minTerms == 1 ? "" : "s", n);
            continue;
        }
        int outputs = shape.outputs < 0 ? n - 1 : shape.outputs;
        if (g.gate == TokenKind::KwPullup || g.gate == TokenKind::KwPulldown) outputs = n;
        bool ok = true;
        std::vector<ir::ExprPtr> terms;
        for (int i = 0; i < n; ++i) {
            const ast::Expr* t = gi.terminals[size_t(i)].get();
            if (!t) {
                terms.push_back(nullptr);
                continue;
            }
            if (auto* id = undeclaredSimpleName(*this, *t, s)) implicitNet(*id, s);
            ir::ExprPtr e =
                i < outputs ? buildLvalue(*t, s, LvalueUse::Continuous) : selfDetermined(*t, ctx);
            if (!e) ok = false;
            terms.push_back(std::move(e));
        }
        if (!ok) continue;
        auto arr = instanceArray(gi.range, terms, gi.name.text, "gate", s);
        if (!arr) continue;
        for (int64_t k = 0; k < arr->count; ++k) {
            ir::Process p;
            p.kind = ir::ProcessKind::Gate;
            p.scope = s;
            p.loc = gi.loc;
            p.name = gi.range ? fmt::format("{}[{}]", gi.name.text, arr->index(k)) : text(gi.name);
            p.gate = shape.name;
            p.terminals = elementTerminals(terms, arr->count, k);
            if (g.delay) p.delay = buildDelay(*g.delay, s);
            if (g.strength) p.strength = buildStrength(*g.strength);
            design_->processes.push_back(std::move(p));
        }
    }
}
ir::UdpId Elaborator::udpId(const ast::Primitive& prim) {
    auto it = udpIds_.find(prim.name.text);
    if (it != udpIds_.end()) return it->second;
    ir::Udp u;
    u.name = text(prim.name);
    u.loc = prim.loc;
    u.sequential = prim.sequential;
    size_t ports = prim.ansi ? 0 : prim.portNames.size();
    if (prim.ansi)
        for (const auto& d : prim.decls)
            if (auto* pd = d->asPtr<ast::PortDecl>()) ports += pd->decls.size();
    u.inputs = ports ? static_cast<uint32_t>(ports - 1) : 0;
    for (const ast::UdpRow& r : prim.rows)
        u.rows.push_back(ir::UdpRow{r.inputs, r.current, r.output});
    if (prim.initialValue) {
        if (auto* n = prim.initialValue->asPtr<ast::NumberExpr>()) {
            auto v = parseNumber(*n);
            if (v) u.initial = v->bit(0) == rt::B1 ? '1' : v->bit(0) == rt::B0 ? '0' : 'x';
        }
    }
    ir::UdpId id = static_cast<ir::UdpId>(design_->udps.size());
    design_->udps.push_back(std::move(u));
    udpIds_.emplace(std::string(prim.name.text), id);
    return id;
}

void Elaborator::elaborateUdpInstances(const ast::ModuleInst& mi, const ast::Primitive& prim,
                                       ScopeId s) {
    ir::UdpId uid = udpId(prim);
    uint32_t want = design_->udps[uid].inputs + 1;
    // The port names in order, for connections by name.
    std::vector<std::string_view> portNames;
    if (prim.ansi) {
        for (const auto& d : prim.decls)
            if (auto* pd = d->asPtr<ast::PortDecl>())
                for (const ast::Declarator& dc : pd->decls) portNames.push_back(dc.name.text);
    } else {
        for (const ast::Identifier& n : prim.portNames) portNames.push_back(n.text);
    }
    ExprContext ctx;
    ctx.scope = s;
    for (const ast::Instance& inst : mi.instances) {
        // The terminal of each port, in port order.
        std::vector<const ast::Expr*> conns;
        bool ok = true;
        bool byName = !inst.connections.empty() && inst.connections[0].named;
        if (byName) {
            conns.assign(portNames.size(), nullptr);
            std::vector<bool> seen(portNames.size(), false);
            for (const ast::PortConnection& c : inst.connections) {
                if (!c.named) {
                    diags_.error(c.loc,
                                 "connections to primitive '{}' cannot mix by name and "
                                 "by position",
                                 prim.name.text);
                    ok = false;
                    break;
                }
                size_t k = 0;
                while (k < portNames.size() && portNames[k] != c.name.text) ++k;
                if (k == portNames.size()) {
                    diags_.error(c.loc, "primitive '{}' has no port '{}'", prim.name.text,
                                 c.name.text);
                    ok = false;
                    break;
                }
                if (seen[k]) {
                    diags_.error(c.loc, "port '{}' of primitive '{}' is connected twice",
                                 c.name.text, prim.name.text);
                    ok = false;
                    break;
                }
                seen[k] = true;
                conns[k] = c.expr.get();
            }
            if (!ok) continue;
        } else {
            for (const ast::PortConnection& c : inst.connections) {
                if (c.named) {
                    diags_.error(c.loc,
                                 "connections to primitive '{}' cannot mix by name and "
                                 "by position",
                                 prim.name.text);
                    ok = false;
                    break;
                }
                conns.push_back(c.expr.get());
            }
            if (!ok) continue;
        }
        if (conns.size() != want) {
            diags_.error(inst.loc, "primitive '{}' has {} ports, {} connected", prim.name.text,
                         want, conns.size());
            continue;
        }
        std::vector<ir::ExprPtr> terms;
        for (size_t i = 0; i < conns.size(); ++i) {
            if (!conns[i]) {
                terms.push_back(nullptr);
                continue;
            }
            if (auto* id = undeclaredSimpleName(*this, *conns[i], s)) implicitNet(*id, s);
            ir::ExprPtr e = i == 0 ? buildLvalue(*conns[i], s, LvalueUse::Continuous)
                                   : selfDetermined(*conns[i], ctx);
            if (!e) ok = false;
            terms.push_back(std::move(e));
        }
        if (!ok) continue;
        auto arr = instanceArray(inst.range, terms, inst.name.text, "primitive", s);
        if (!arr) continue;
        for (int64_t k = 0; k < arr->count; ++k) {
            ir::Process p;
            p.kind = ir::ProcessKind::UdpInstance;
            p.scope = s;
            p.loc = inst.loc;
            p.name =
                inst.range ? fmt::format("{}[{}]", inst.name.text, arr->index(k)) : text(inst.name);
            p.udp = uid;
            p.terminals = elementTerminals(terms, arr->count, k);
            if (mi.delay) p.delay = buildDelay(*mi.delay, s);
            for (const ast::ParamValue& pv : mi.params)
                if (pv.value) {
                    // #(rise, fall) written as a parameter list: delays, rounded as any.
                    ir::ExprPtr e = selfDetermined(*pv.value, ctx);
                    if (e && e->type.isReal) e = roundToPrecision(std::move(e), s);
                    if (e) p.delay.values.push_back(std::move(e));
                }
            if (mi.strength) p.strength = buildStrength(*mi.strength);
            design_->processes.push_back(std::move(p));
        }
    }
}

} // namespace metalfpga::elab

namespace metalfpga::elab {

namespace {

// The bits of `uwire` nets an lvalue drives, as [lo, hi] offsets per net; selects whose bits
// are not constant are left out (they cannot be checked at elaboration).
struct DrivenBits {
    SignalId signal;
    int64_t lo, hi;
};

void uwireBits(const ir::Design& d, const ir::Expr* e, std::vector<DrivenBits>& out) {
    if (!e) return;
    auto isUwire = [&](SignalId g) {
        return g != kNone && d.signals[g].isNet() && d.signals[g].netType == ir::NetType::Uwire;
    };
    switch (e->kind) {
    case ir::ExprKind::Signal:
        if (isUwire(e->signal))
            out.push_back({e->signal, 0, int64_t(d.signals[e->signal].type.width) - 1});
        return;
    case ir::ExprKind::Concat:
        for (const auto& o : e->operands) uwireBits(d, o.get(), out);
        return;
    case ir::ExprKind::Select: {
        const ir::Expr* base = e->operands.empty() ? nullptr : e->operands[0].get();
        if (!base || base->kind != ir::ExprKind::Signal || !isUwire(base->signal)) return;
        if (e->select == ir::SelectKind::Part) {
            int64_t a = e->declared.offsetOf(e->msb), b = e->declared.offsetOf(e->lsb);
            out.push_back({base->signal, std::min(a, b), std::max(a, b)});
        } else if (e->select == ir::SelectKind::Bit && e->operands.size() > 1 &&
                   e->operands[1]->kind == ir::ExprKind::Const && !e->operands[1]->value.has_xz() &&
                   e->operands[1]->value.width() <= 64) {
            int64_t i = static_cast<int64_t>(e->operands[1]->value.to_u64());
            if (e->operands[1]->value.is_signed())
                i = static_cast<int64_t>(e->operands[1]->value.resized(64).to_u64());
            int64_t o = e->declared.offsetOf(i);
            out.push_back({base->signal, o, o});
        }
        return;
    }
    default:
        return;
    }
}

} // namespace

void Elaborator::checkUwireDrivers() {
    const ir::Design& d = *design_;
    std::map<SignalId, std::vector<DrivenBits>> seen; // bits driven so far, per net
    for (const ir::Process& p : d.processes) {
        std::vector<const ir::Expr*> targets;
        switch (p.kind) {
        case ir::ProcessKind::ContinuousAssign:
            targets.push_back(p.lhs.get());
            break;
        case ir::ProcessKind::PortConnection:
            if (p.portDir == ir::PortDir::Input || p.portDir == ir::PortDir::Output)
                targets.push_back(p.lhs.get());
            break;
        case ir::ProcessKind::Gate: {
            size_t n = p.terminals.size(), outputs = 1;
            if (p.gate == "buf" || p.gate == "not") outputs = n ? n - 1 : 0;
            if (p.gate == "pullup" || p.gate == "pulldown") outputs = n;
            for (size_t i = 0; i < outputs && i < n; ++i) targets.push_back(p.terminals[i].get());
            break;
        }
        case ir::ProcessKind::UdpInstance:
            if (!p.terminals.empty()) targets.push_back(p.terminals[0].get());
            break;
        default:
            break;
        }
        std::vector<DrivenBits> bits;
        for (const ir::Expr* t : targets) uwireBits(d, t, bits);
        for (const DrivenBits& b : bits) {
            for (const DrivenBits& o : seen[b.signal])
                if (b.lo <= o.hi && o.lo <= b.hi) {
                    diags_.error(p.loc, "uwire '{}' has more than one driver",
                                 d.signals[b.signal].path);
                    return;
                }
        }
        for (const DrivenBits& b : bits) seen[b.signal].push_back(b);
    }
}

} // namespace metalfpga::elab
