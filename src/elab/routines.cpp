// Functions and tasks: declared in phase 1, elaborated on first use (a constant function may be
// called by a parameter before phase 2), each with its own scope, ports, locals and body.

#include "elab/elaborator.h"

namespace metalfpga::elab {

void Elaborator::declareRoutine(const ast::Item& item, ScopeId s) {
    const ast::Identifier& name = item.is<ast::FunctionDecl>() ? item.as<ast::FunctionDecl>().name
                                                               : item.as<ast::TaskDecl>().name;
    uint32_t idx = static_cast<uint32_t>(routineDecls_.size());
    routineDecls_.push_back(RoutineDecl{&item, s, kNone, false});
    addSymbol(s, name.text, Symbol{Symbol::Kind::Routine, idx}, name.loc);
}

ScopeId Elaborator::scopeOfSymbol(const Symbol& sym) {
    if (sym.kind == Symbol::Kind::Scope) return sym.id;
    if (sym.kind == Symbol::Kind::Routine)
        return design_->routines[declareRoutineScope(sym.id)].scope;
    return kNone;
}

ir::RoutineId Elaborator::declareRoutineScope(uint32_t declIndex) {
    if (routineDecls_[declIndex].id != kNone) return routineDecls_[declIndex].id;
    const RoutineDecl rd = routineDecls_[declIndex];
    const auto* fn = rd.item->asPtr<ast::FunctionDecl>();
    const auto* task = rd.item->asPtr<ast::TaskDecl>();
    const ast::Identifier& name = fn ? fn->name : task->name;

    ir::Routine r;
    r.isFunction = fn != nullptr;
    r.automatic = fn ? fn->automatic : task->automatic;
    r.name = text(name);
    r.loc = name.loc;
    ir::RoutineId id = static_cast<ir::RoutineId>(design_->routines.size());
    design_->routines.push_back(std::move(r));
    routineDecls_[declIndex].id = id;

    ir::Scope sc;
    sc.kind = fn ? ir::ScopeKind::Function : ir::ScopeKind::Task;
    sc.name = text(name);
    sc.path = scope(rd.scope).path + "." + sc.name;
    sc.parent = rd.scope;
    sc.loc = name.loc;
    sc.routine = id;
    ScopeId fs = newScope(std::move(sc), rd.scope);
    design_->routines[id].scope = fs;

    if (fn) {
        // The return variable, named like the function.
        ir::Signal g = makeSignal(fs, fn->name);
        g.kind = ir::SignalKind::Reg;
        g.type = ir::Type::integral(1, fn->isSigned);
        switch (fn->returnType) {
        case TokenKind::KwInteger:
            g.kind = ir::SignalKind::Integer;
            g.type = ir::Type::integral(32, true);
            g.range = ir::Range{31, 0};
            break;
        case TokenKind::KwTime:
            g.kind = ir::SignalKind::Time;
            g.type = ir::Type::integral(64, false);
            g.range = ir::Range{63, 0};
            break;
        case TokenKind::KwReal:
        case TokenKind::KwRealtime:
            g.kind = fn->returnType == TokenKind::KwReal ? ir::SignalKind::Real
                                                         : ir::SignalKind::Realtime;
            g.type = ir::Type::real();
            break;
        default:
            if (fn->range) {
                if (auto rr = evalRange(*fn->range, rd.scope)) {
                    g.range = *rr;
                    g.vector = true;
                    g.type.width = rr->width();
                }
            }
            break;
        }
        g.automatic = fn->automatic;
        design_->routines[id].returnType = g.type;
        SignalId sid = design_->addSignal(std::move(g));
        design_->routines[id].result = sid;
        info(fs).symbols.emplace(text(fn->name), Symbol{Symbol::Kind::Signal, sid});
    }
    const auto& ports = fn ? fn->ports : task->ports;
    const auto& items = fn ? fn->items : task->items;
    auto declarePorts = [&](const std::vector<ast::ItemPtr>& list) {
        for (const auto& it : list) {
            if (auto* pd = it->asPtr<ast::PortDecl>()) {
                declareItem(*it, fs);
                for (const ast::Declarator& d : pd->decls)
                    if (auto sym = lookupLocal(fs, d.name.text);
                        sym && sym->kind == Symbol::Kind::Signal)
                        design_->routines[id].ports.push_back(
                            ir::RoutinePort{sym->id, design_->signals[sym->id].port});
            }
        }
    };
    declarePorts(ports);
    declarePorts(items);
    for (const auto& it : items) {
        if (it->is<ast::PortDecl>()) continue;
        if (auto* pd = it->asPtr<ast::ParamDecl>())
            declareParams(*pd, fs, false);
        else
            declareItem(*it, fs);
    }
    // Ports are variables of the routine.
    for (const ir::RoutinePort& p : design_->routines[id].ports) {
        design_->signals[p.signal].port = p.dir;
        if (design_->signals[p.signal].isNet()) {
            design_->signals[p.signal].kind = ir::SignalKind::Reg;
            design_->signals[p.signal].netType = ir::NetType::None;
        }
    }
    if (fn) {
        bool hasInput = false;
        for (const ir::RoutinePort& p : design_->routines[id].ports) {
            if (p.dir != ir::PortDir::Input) {
                diags_.error(design_->signals[p.signal].loc,
                             "function '{}' can only have input ports ('{}' is an {})",
                             fn->name.text, design_->signals[p.signal].name,
                             ir::portDirName(p.dir));
            }
            hasInput = true;
        }
        (void)hasInput;
    }
    // Named blocks of the body, with their declarations.
    size_t firstBlock = design_->scopes.size();
    const ast::Stmt* body = fn ? fn->body.get() : task->body.get();
    if (body) declareBlocks(*body, fs);
    // The variables of an automatic routine, its named blocks' included, are automatic.
    bool automatic = design_->routines[id].automatic;
    for (ScopeId t = fs; t < design_->scopes.size(); t = t == fs ? firstBlock : t + 1) {
        bool inside = false;
        for (ScopeId u = t; u != kNone && !inside; u = scope(u).parent) inside = u == fs;
        if (!inside) continue;
        for (SignalId g : scope(t).signals) design_->signals[g].automatic = automatic;
    }
    return id;
}

ir::RoutineId Elaborator::routineId(uint32_t declIndex, SourceLoc) {
    ir::RoutineId id = declareRoutineScope(declIndex);
    if (routineDecls_[declIndex].bodyStarted) return id;
    routineDecls_[declIndex].bodyStarted = true;
    const auto* fn = routineDecls_[declIndex].item->asPtr<ast::FunctionDecl>();
    const auto* task = routineDecls_[declIndex].item->asPtr<ast::TaskDecl>();
    const ast::Identifier& name = fn ? fn->name : task->name;
    ScopeId fs = design_->routines[id].scope;
    const ast::Stmt* body = fn ? fn->body.get() : task->body.get();
    ir::StmtPtr b =
        body ? buildStmt(*body, fs) : std::make_unique<ir::Stmt>(ir::StmtKind::Null, name.loc);
    if (!b) b = std::make_unique<ir::Stmt>(ir::StmtKind::Null, name.loc);
    design_->routines[id].body = std::move(b);
    return id;
}

ir::ExprPtr Elaborator::buildCall(const ast::CallExpr& c, const ExprContext& ctx) {
    Resolved r = lookup(c.name, ctx.scope);
    if (!r.found) return nullptr;
    ir::RoutineId id = kNone;
    if (r.sym.kind == Symbol::Kind::Signal && c.name.isSimple()) {
        // Inside a function its name is the return variable; a call is a recursive call.
        for (ScopeId t = ctx.scope; t != kNone; t = info(t).lexicalParent)
            if (scope(t).kind == ir::ScopeKind::Function && scope(t).name == c.name.last().text) {
                id = scope(t).routine;
                break;
            }
    }
    if (id == kNone) {
        if (r.sym.kind != Symbol::Kind::Routine) {
            diags_.error(c.loc, "'{}' is not a function", c.name.str());
            return nullptr;
        }
        if (!routineDecls_[r.sym.id].item->is<ast::FunctionDecl>()) {
            diags_.error(c.loc, "task '{}' cannot be called in an expression", c.name.str());
            return nullptr;
        }
        id = routineId(r.sym.id, c.loc);
    }
    const ir::Routine& rt = design_->routines[id];
    if (c.args.size() != rt.ports.size()) {
        diags_.error(c.loc, "function '{}' takes {} argument{}, {} given", rt.name, rt.ports.size(),
                     rt.ports.size() == 1 ? "" : "s", c.args.size());
        return nullptr;
    }
    auto e = std::make_unique<ir::Expr>(ir::ExprKind::Call, c.loc);
    e->routine = id;
    e->type = e->self = rt.returnType;
    ExprContext ac = ctx;
    ac.allowArrays = ac.allowEvents = ac.allowScopes = false;
    for (size_t i = 0; i < c.args.size(); ++i) {
        if (!c.args[i]) {
            diags_.error(c.loc, "function '{}' argument {} is empty", rt.name, i + 1);
            return nullptr;
        }
        ir::Type pt = design_->signals[design_->routines[id].ports[i].signal].type;
        ir::ExprPtr a = assignedExpr(*c.args[i], pt, ac);
        if (!a) return nullptr;
        e->operands.push_back(std::move(a));
    }
    return e;
}

} // namespace metalfpga::elab
