// Port connections of module instances: ordered and named connections, direction checks,
// width mismatches (padded or truncated with a warning, 1364-2005 clause 12.3.10), instance
// arrays (a connection as wide as all elements together is split between them), and port
// collapsing where both sides are whole nets of one width.

#include "elab/elaborator.h"

#include <functional>
#include <map>
#include <set>

namespace metalfpga::elab {

namespace {

struct PortRef {
    std::string name;
    const ast::Expr* expr = nullptr; // non-ANSI port expression (null: the port named `name`)
    bool empty = false;              // an empty port in the header: module m(a, , b)
    SourceLoc loc;
};

std::vector<PortRef> portList(const ast::Module& m) {
    std::vector<PortRef> out;
    if (m.ansi) {
        for (const auto& it : m.portDecls)
            if (auto* pd = it->asPtr<ast::PortDecl>())
                for (const auto& d : pd->decls)
                    out.push_back(PortRef{std::string(d.name.text), nullptr, false, d.name.loc});
        return out;
    }
    for (const ast::Port& p : m.ports) {
        PortRef r;
        r.loc = p.loc;
        r.expr = p.expr.get();
        if (p.hasExplicitName)
            r.name = std::string(p.explicitName.text);
        else if (auto* n = p.expr ? p.expr->asPtr<ast::NameExpr>() : nullptr)
            r.name = std::string(n->name.last().text);
        r.empty = !p.expr;
        out.push_back(std::move(r));
    }
    // `module m();` parses as no ports.
    return out;
}

SignalId firstSignal(const ir::Expr& e) {
    if (e.kind == ir::ExprKind::Signal || e.kind == ir::ExprKind::ArrayElement) return e.signal;
    for (const auto& o : e.operands)
        if (o) {
            SignalId s = firstSignal(*o);
            if (s != kNone) return s;
        }
    return kNone;
}

// A net, a constant select of one, or a concatenation of those: a port connection that can be
// joined bit by bit.
bool collapsibleNet(const ir::Design& d, const ir::Expr* e) {
    if (!e) return false;
    switch (e->kind) {
    case ir::ExprKind::Signal:
        return d.signals[e->signal].isNet() && !d.signals[e->signal].isArray();
    case ir::ExprKind::Select:
        if (e->select == ir::SelectKind::Bit)
            return e->operands[1]->kind == ir::ExprKind::Const &&
                   collapsibleNet(d, e->operands[0].get());
        return e->select == ir::SelectKind::Part && collapsibleNet(d, e->operands[0].get());
    case ir::ExprKind::Concat:
        for (const auto& o : e->operands)
            if (!collapsibleNet(d, o.get())) return false;
        return !e->operands.empty();
    default:
        return false;
    }
}

// Each signal a target names, through selects and concatenations.
void targetSignals(const ir::Expr* e, std::vector<SignalId>& out) {
    if (!e) return;
    if (e->kind == ir::ExprKind::Concat) {
        for (const auto& o : e->operands) targetSignals(o.get(), out);
        return;
    }
    while (e->kind == ir::ExprKind::Select) e = e->operands[0].get();
    if (e->kind == ir::ExprKind::Signal) out.push_back(e->signal);
}

ir::ExprPtr stripConvert(ir::ExprPtr e) {
    while (e && e->kind == ir::ExprKind::Convert) e = std::move(e->operands[0]);
    return e;
}

} // namespace

void Elaborator::coercePorts() {
    ir::Design& d = *design_;
    // Continuous drivers of each signal.
    std::map<SignalId, uint32_t> drivers;
    for (SignalId s = 0; s < d.signals.size(); ++s) {
        ir::NetType nt = d.signals[s].netType;
        if (d.signals[s].isNet() && (nt == ir::NetType::Tri0 || nt == ir::NetType::Tri1 ||
                                     nt == ir::NetType::Supply0 || nt == ir::NetType::Supply1))
            ++drivers[s];
    }
    // Signals read by continuous processes (the inputs of Icarus's nexus).
    std::set<SignalId> read;
    std::function<void(const ir::Expr*)> reads = [&](const ir::Expr* e) {
        if (!e) return;
        if (e->kind == ir::ExprKind::Signal) read.insert(e->signal);
        for (const auto& o : e->operands) reads(o.get());
    };
    for (const ir::Process& p : d.processes) {
        // (an output port's own connection reads its port: not a reader inside)
        if (p.kind == ir::ProcessKind::ContinuousAssign ||
            (p.kind == ir::ProcessKind::PortConnection && p.portDir == ir::PortDir::Input))
            reads(p.rhs.get());
        if (p.kind == ir::ProcessKind::Gate || p.kind == ir::ProcessKind::UdpInstance)
            for (const auto& x : p.terminals) reads(x.get());
    }
    for (const ir::Process& p : d.processes) {
        std::vector<SignalId> t;
        switch (p.kind) {
        case ir::ProcessKind::ContinuousAssign:
            targetSignals(p.lhs.get(), t);
            break;
        case ir::ProcessKind::PortConnection:
            targetSignals(p.lhs.get(), t);
            if (p.portDir == ir::PortDir::Inout) targetSignals(p.rhs.get(), t);
            break;
        case ir::ProcessKind::Gate:
        case ir::ProcessKind::UdpInstance: {
            // Only the outputs drive, and both sides of a switch.
            bool tran = p.kind == ir::ProcessKind::Gate && ir::isTranGate(p.gate);
            size_t outs = tran ? 2 : ir::outputTerminals(p);
            for (size_t i = 0; i < outs && i < p.terminals.size(); ++i)
                targetSignals(p.terminals[i].get(), t);
            break;
        }
        default:
            break;
        }
        for (SignalId s : t) ++drivers[s];
    }
    for (ir::Process& p : d.processes) {
        if (p.kind != ir::ProcessKind::PortConnection || !p.lhs || !p.rhs || !p.delay.empty() ||
            !p.paths.empty() ||
            (p.portDir != ir::PortDir::Input && p.portDir != ir::PortDir::Output))
            continue;
        bool in = p.portDir == ir::PortDir::Input;
        ir::ExprPtr& innerRef = in ? p.lhs : p.rhs;
        ir::ExprPtr& outerRef = in ? p.rhs : p.lhs;
        const ir::Expr* inner = innerRef.get();
        const ir::Expr* outer = outerRef.get();
        while (inner->kind == ir::ExprKind::Convert) inner = inner->operands[0].get();
        while (outer->kind == ir::ExprKind::Convert) outer = outer->operands[0].get();
        if (!collapsibleNet(d, inner) || !collapsibleNet(d, outer)) continue;
        std::vector<SignalId> sigs;
        targetSignals(inner, sigs);
        // An input port has a driver inside besides this connection; an output port none,
        // while something inside reads it.
        bool coerce = false;
        for (SignalId s : sigs)
            coerce = coerce || (in ? drivers[s] > 1 : drivers[s] == 0 && read.count(s));
        if (!coerce) continue;
        diags_.warning(p.loc, "{} port '{}' is coerced to inout", ir::portDirName(p.portDir),
                       p.portName);
        ir::ExprPtr i = stripConvert(std::move(innerRef)), o = stripConvert(std::move(outerRef));
        p.lhs = std::move(i);
        p.rhs = std::move(o);
        p.portDir = ir::PortDir::Inout;
        p.collapsed = true;
    }
}

void Elaborator::pullUnconnected(const ast::Expr* portExpr, const std::string& name, SourceLoc loc,
                                 bool up, const std::vector<ScopeId>& children) {
    for (ScopeId child : children) {
        ir::ExprPtr inner;
        if (portExpr) {
            ExprContext cctx;
            cctx.scope = child;
            inner = selfDetermined(*portExpr, cctx);
        } else if (auto sym = lookupLocal(child, name); sym && sym->kind == Symbol::Kind::Signal) {
            inner = std::make_unique<ir::Expr>(ir::ExprKind::Signal, loc);
            inner->signal = sym->id;
            inner->type = inner->self = design_->signals[sym->id].type;
        }
        if (!inner) return;
        SignalId ps = firstSignal(*inner);
        // Only input ports are pulled (1364-2005 19.9).
        if (ps == kNone || design_->signals[ps].port != ir::PortDir::Input) return;
        ir::Process p;
        p.kind = ir::ProcessKind::Gate;
        p.scope = child;
        p.loc = loc;
        p.gate = up ? "pullup" : "pulldown";
        if (inner->kind == ir::ExprKind::Concat)
            for (auto& o : inner->operands) p.terminals.push_back(std::move(o));
        else
            p.terminals.push_back(std::move(inner));
        design_->processes.push_back(std::move(p));
    }
}

void Elaborator::connectPorts(const ast::ModuleInst& mi, const ast::Instance& inst, ScopeId parent,
                              const std::vector<ScopeId>& children) {
    if (children.empty()) return;
    const ast::Module& m = *info(children[0]).moduleDef;
    std::vector<PortRef> ports = portList(m);
    // Which port each connection goes to.
    std::vector<const ast::PortConnection*> conn(ports.size(), nullptr);
    bool anyNamed = false, anyOrdered = false;
    for (const ast::PortConnection& c : inst.connections) (c.named ? anyNamed : anyOrdered) = true;
    if (anyNamed && anyOrdered) {
        diags_.error(inst.loc, "instance '{}' mixes ordered and named port connections",
                     inst.name.text);
        return;
    }
    if (anyOrdered) {
        size_t n = inst.connections.size();
        // `m u();` is one empty ordered connection for a module without ports.
        if (!(ports.empty() && n == 1 && !inst.connections[0].expr)) {
            if (n > ports.size()) {
                diags_.error(inst.loc,
                             "instance '{}' of module '{}' has {} port connections but the module "
                             "has {} port{}",
                             inst.name.text, mi.moduleName.text, n, ports.size(),
                             ports.size() == 1 ? "" : "s");
                return;
            }
            for (size_t i = 0; i < n; ++i) conn[i] = &inst.connections[i];
        }
    } else {
        for (const ast::PortConnection& c : inst.connections) {
            size_t k = 0;
            while (k < ports.size() && ports[k].name != c.name.text) ++k;
            if (k == ports.size()) {
                diags_.error(c.name.loc, "module '{}' has no port '{}'", mi.moduleName.text,
                             c.name.text);
                continue;
            }
            if (conn[k]) {
                diags_.error(c.name.loc, "port '{}' of instance '{}' is connected twice",
                             c.name.text, inst.name.text);
                continue;
            }
            conn[k] = &c;
        }
    }
    ExprContext pctx;
    pctx.scope = parent;
    size_t count = children.size();
    for (size_t k = 0; k < ports.size(); ++k) {
        const PortRef& port = ports[k];
        if (!conn[k] || !conn[k]->expr) {
            // An unconnected port must still be declared (12.3.3: each port of the list needs
            // a direction declaration).
            auto* n = port.expr ? port.expr->asPtr<ast::NameExpr>() : nullptr;
            if (n && n->name.isSimple()) {
                auto sym = lookupLocal(children[0], n->name.last().text);
                if (!sym || sym->kind != Symbol::Kind::Signal ||
                    design_->signals[sym->id].port == ir::PortDir::None)
                    diags_.error(port.loc, "port '{}' of module '{}' has no direction declaration",
                                 port.name, mi.moduleName.text);
            }
            if (m.directives.unconnectedDrive != frontend::UnconnectedDrive::None)
                pullUnconnected(port.expr, port.name, port.loc,
                                m.directives.unconnectedDrive == frontend::UnconnectedDrive::Pull1,
                                children);
            continue;
        }
        if (port.empty) {
            diags_.warning(conn[k]->loc, "connection to an empty port of module '{}' is ignored",
                           mi.moduleName.text);
            continue;
        }
        const ast::Expr& outerAst = *conn[k]->expr;
        for (size_t el = 0; el < count; ++el) {
            ScopeId child = children[el];
            // The port as seen inside the instance.
            ir::ExprPtr inner;
            ir::PortDir dir = ir::PortDir::Input;
            if (port.expr) {
                ExprContext cctx;
                cctx.scope = child;
                inner = selfDetermined(*port.expr, cctx);
            } else {
                auto sym = lookupLocal(child, port.name);
                if (sym && sym->kind == Symbol::Kind::Signal) {
                    inner = std::make_unique<ir::Expr>(ir::ExprKind::Signal, port.loc);
                    inner->signal = sym->id;
                    inner->type = inner->self = design_->signals[sym->id].type;
                }
            }
            if (!inner) return;
            SignalId ps = firstSignal(*inner);
            if (ps == kNone || design_->signals[ps].port == ir::PortDir::None) {
                diags_.error(port.loc, "port '{}' of module '{}' has no direction declaration",
                             port.name, mi.moduleName.text);
                return;
            }
            dir = design_->signals[ps].port;
            if (inner->type.isReal) {
                diags_.error(port.loc, "port '{}' of module '{}' cannot be real", port.name,
                             mi.moduleName.text);
                return;
            }
            if (auto* id =
                    (outerAst.is<ast::NameExpr>() && outerAst.as<ast::NameExpr>().name.isSimple() &&
                     !lookupSimple(parent, outerAst.as<ast::NameExpr>().name.last().text))
                        ? &outerAst.as<ast::NameExpr>().name.last()
                        : nullptr)
                implicitNet(*id, parent); // scalar, whatever the port's width (1364-2005 4.5)
            ir::ExprPtr outer;
            if (dir == ir::PortDir::Input) {
                outer = selfDetermined(outerAst, pctx);
            } else {
                outer = buildLvalue(outerAst, parent, LvalueUse::Port);
                if (!outer && el == 0)
                    diags_.note(outerAst.loc, "an " + std::string(ir::portDirName(dir)) +
                                                  " port must be connected to a net");
            }
            if (!outer) return;
            uint32_t iw = inner->type.width, ow = outer->type.width;
            if (outer->type.isReal) {
                // A real connection to an input is converted; anything else is an error.
                if (dir != ir::PortDir::Input) {
                    diags_.error(outerAst.loc, "a real value cannot be connected to {} port '{}'",
                                 ir::portDirName(dir), port.name);
                    return;
                }
            } else if (count > 1 && ow == iw * count) {
                // Instance arrays: element el takes its slice, most significant first.
                auto sel = std::make_unique<ir::Expr>(ir::ExprKind::Select, outer->loc);
                int64_t lo = int64_t(count - 1 - el) * iw;
                sel->select = ir::SelectKind::Part;
                sel->declared = ir::Range{int64_t(ow) - 1, 0};
                sel->msb = lo + iw - 1;
                sel->lsb = lo;
                sel->type = sel->self = ir::Type::integral(iw, false);
                sel->operands.push_back(std::move(outer));
                outer = std::move(sel);
                ow = iw;
            } else if (ow != iw && el == 0) {
                diags_.warning(outerAst.loc,
                               "port '{}' of instance '{}' is {} bit{} wide but its connection "
                               "is {} bit{}; {}",
                               port.name, inst.name.text, iw, iw == 1 ? "" : "s", ow,
                               ow == 1 ? "" : "s", ow < iw ? "padded" : "truncated");
            }
            ir::Process p;
            p.kind = ir::ProcessKind::PortConnection;
            p.scope = child;
            p.loc = conn[k]->loc.valid() ? conn[k]->loc : outerAst.loc;
            p.portDir = dir;
            p.portName = port.name;
            auto wholeNet = [&](const ir::Expr& e) {
                return e.kind == ir::ExprKind::Signal && design_->signals[e.signal].isNet();
            };
            p.collapsed =
                dir == ir::PortDir::Inout || (iw == ow && wholeNet(*inner) && wholeNet(*outer));
            if (dir == ir::PortDir::Input) {
                p.lhs = std::move(inner);
                ir::Type t = p.lhs->type;
                if (outer->type.isReal) {
                    p.rhs = convertTo(std::move(outer), t);
                } else {
                    applyContext(outer,
                                 ir::Type::integral(std::max(t.width, ow), outer->self.isSigned));
                    p.rhs = convertTo(std::move(outer), t);
                }
            } else if (dir == ir::PortDir::Output) {
                // As an assignment: a signed port sign-extends into a wider connection.
                ir::Type t = outer->type;
                p.lhs = std::move(outer);
                if (!inner->type.isReal && !t.isReal)
                    applyContext(inner,
                                 ir::Type::integral(std::max(t.width, iw), inner->self.isSigned));
                p.rhs = convertTo(std::move(inner), t);
            } else {
                if (!design_->signals[ps].isNet()) {
                    diags_.error(port.loc, "inout port '{}' must be a net", port.name);
                    return;
                }
                p.lhs = std::move(inner);
                p.rhs = std::move(outer);
            }
            design_->processes.push_back(std::move(p));
        }
    }
}

} // namespace metalfpga::elab
