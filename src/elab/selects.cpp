// Bit, part and indexed part selects, array words, and assignment targets (lvalues) with the
// net/variable rules of 1364-2005 clause 6 and 9.

#include "elab/elaborator.h"

#include <algorithm>

namespace metalfpga::elab {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;

namespace {

ExprPtr node(ExprKind k, SourceLoc loc, Type t) {
    auto e = std::make_unique<Expr>(k, loc);
    e->type = t;
    e->self = t;
    return e;
}

// True when e is made of constants and operators only (no signal, call or system function), so
// that constant evaluation cannot fail on it.
bool constantTree(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Const:
        return true;
    case ExprKind::Unary:
    case ExprKind::Binary:
    case ExprKind::Conditional:
    case ExprKind::Concat:
    case ExprKind::Replicate:
    case ExprKind::Convert:
    case ExprKind::Select:
        if (e.type.isReal) return false;
        for (const auto& o : e.operands)
            if (!o || !constantTree(*o)) return false;
        return !e.operands.empty();
    default:
        return false;
    }
}

} // namespace

// An index made of constants (`32*i` of a generate loop, `W-1`) becomes one constant, so the
// model selects at a fixed offset instead of computing it on every access.
ExprPtr Elaborator::foldIndex(ExprPtr idx) {
    if (!idx || idx->kind == ExprKind::Const || !constantTree(*idx)) return idx;
    auto c = evalExpr(*idx);
    if (!c || c->isReal) return idx;
    auto k = node(ExprKind::Const, idx->loc, idx->type);
    k->self = idx->self;
    k->value = convertConst(*c, idx->type).v;
    return k;
}

ExprPtr Elaborator::applySelect(ExprPtr base, const ast::SelectExpr& sel, const ir::Range& declared,
                                std::string_view what, const ExprContext& ctx) {
    if (base->type.isReal) {
        diags_.error(sel.bracketLoc.valid() ? sel.bracketLoc : sel.loc,
                     "cannot select bits of real '{}'", what);
        return nullptr;
    }
    auto e = node(ExprKind::Select, sel.loc, Type::integral(1, false));
    e->declared = declared;
    switch (sel.select) {
    case ast::SelectKind::Bit: {
        e->select = ir::SelectKind::Bit;
        ExprContext ic = ctx;
        ic.allowArrays = ic.allowEvents = ic.allowScopes = false;
        ExprPtr idx = foldIndex(selfDetermined(*sel.left, ic));
        if (!idx) return nullptr;
        if (idx->type.isReal) {
            diags_.error(sel.left->loc, "a bit index cannot be real");
            return nullptr;
        }
        if (idx->kind == ExprKind::Const && !idx->value.has_xz()) {
            Const c = Const::ofValue(idx->value);
            if (auto i = c.toInt(); i && !declared.contains(*i))
                diags_.warning(sel.left->loc, "index {} is outside [{}:{}] of '{}'", *i,
                               declared.msb, declared.lsb, what);
        }
        e->operands.push_back(std::move(base));
        e->operands.push_back(std::move(idx));
        return e;
    }
    case ast::SelectKind::Part: {
        e->select = ir::SelectKind::Part;
        auto msb = evalInt(*sel.left, ctx.scope, "part select bound");
        auto lsb = evalInt(*sel.right, ctx.scope, "part select bound");
        if (!msb || !lsb) return nullptr;
        bool declDown = declared.msb >= declared.lsb;
        if (*msb != *lsb && (declDown != (*msb > *lsb))) {
            diags_.error(sel.loc, "part select [{}:{}] of '{}' is reversed (declared [{}:{}])",
                         *msb, *lsb, what, declared.msb, declared.lsb);
            return nullptr;
        }
        if (!declared.contains(*msb) || !declared.contains(*lsb))
            diags_.warning(sel.loc, "part select [{}:{}] is outside [{}:{}] of '{}'", *msb, *lsb,
                           declared.msb, declared.lsb, what);
        e->msb = *msb;
        e->lsb = *lsb;
        e->type = e->self = Type::integral(ir::Range{*msb, *lsb}.width(), false);
        e->operands.push_back(std::move(base));
        return e;
    }
    case ast::SelectKind::IndexedUp:
    case ast::SelectKind::IndexedDown: {
        e->select = sel.select == ast::SelectKind::IndexedUp ? ir::SelectKind::IndexedUp
                                                             : ir::SelectKind::IndexedDown;
        ExprContext ic = ctx;
        ic.allowArrays = ic.allowEvents = ic.allowScopes = false;
        ExprPtr b = foldIndex(selfDetermined(*sel.left, ic));
        auto w = evalInt(*sel.right, ctx.scope, "indexed part select width");
        if (!b || !w) return nullptr;
        if (*w <= 0 || *w > (int64_t(1) << 24)) {
            diags_.error(sel.right->loc, "indexed part select width must be positive (it is {})",
                         *w);
            return nullptr;
        }
        e->type = e->self = Type::integral(static_cast<uint32_t>(*w), false);
        e->operands.push_back(std::move(base));
        e->operands.push_back(std::move(b));
        return e;
    }
    }
    return nullptr;
}

ExprPtr Elaborator::buildSelect(const ast::SelectExpr& sel, const ExprContext& ctx) {
    std::vector<const ast::SelectExpr*> chain;
    const ast::Expr* base = &sel;
    while (auto* s = base->asPtr<ast::SelectExpr>()) {
        chain.push_back(s);
        base = s->value.get();
    }
    std::reverse(chain.begin(), chain.end());
    auto* name = base->asPtr<ast::NameExpr>();
    if (!name) {
        diags_.error(sel.loc, "only a named object can be indexed or part-selected");
        return nullptr;
    }
    Resolved r = lookup(name->name, ctx.scope);
    if (!r.found) return nullptr;
    std::string what = name->name.str();
    ExprPtr e;
    ir::Range declared;
    size_t used = 0;
    if (r.sym.kind == Symbol::Kind::Param) {
        auto v = paramValue(r.scope, r.sym.id, base->loc);
        if (!v) return nullptr;
        if (v->isReal) {
            diags_.error(sel.loc, "cannot select bits of real parameter '{}'", what);
            return nullptr;
        }
        e = node(ExprKind::Const, base->loc, v->type());
        e->value = v->v;
        declared = ir::Range{int64_t(v->v.width()) - 1, 0};
        const ParamSlot& slot = info(r.scope).params[r.sym.id];
        if (slot.decl && slot.decl->range) {
            if (auto rr = evalRange(*slot.decl->range, r.scope)) declared = *rr;
        }
    } else if (r.sym.kind == Symbol::Kind::Signal) {
        const ir::Signal& g = design_->signals[r.sym.id];
        if (ctx.constant) {
            diags_.error(base->loc, "'{}' is not a constant: a {} needs a constant expression",
                         what, ctx.what);
            return nullptr;
        }
        if (g.kind == ir::SignalKind::Event) {
            if (!(ctx.allowEvents && g.isArray())) {
                diags_.error(base->loc, "named event '{}' cannot be selected", what);
                return nullptr;
            }
        }
        declared = g.range;
        if (g.isArray()) {
            size_t dims = g.unpacked.size();
            if (chain.size() < dims) {
                if (ctx.allowArrays) {
                    e = node(ExprKind::Signal, base->loc, g.type);
                    e->signal = r.sym.id;
                    return e;
                }
                diags_.error(sel.loc, "array '{}' needs {} index{}", what, dims,
                             dims == 1 ? "" : "es");
                return nullptr;
            }
            e = node(ExprKind::ArrayElement, sel.loc, g.type);
            e->signal = r.sym.id;
            ExprContext ic = ctx;
            ic.allowArrays = ic.allowEvents = ic.allowScopes = false;
            for (size_t i = 0; i < dims; ++i) {
                if (chain[i]->select != ast::SelectKind::Bit) {
                    diags_.error(chain[i]->loc,
                                 "array '{}' must be indexed word by word before "
                                 "a part select",
                                 what);
                    return nullptr;
                }
                ExprPtr idx = selfDetermined(*chain[i]->left, ic);
                if (!idx) return nullptr;
                if (idx->type.isReal) {
                    diags_.error(chain[i]->left->loc, "an array index cannot be real");
                    return nullptr;
                }
                e->operands.push_back(std::move(idx));
            }
            used = dims;
        } else {
            e = node(ExprKind::Signal, base->loc, g.type);
            e->signal = r.sym.id;
        }
    } else {
        diags_.error(base->loc, "'{}' cannot be indexed", what);
        return nullptr;
    }
    if (chain.size() - used > 1) {
        diags_.error(chain[used + 1]->loc, "too many indices for '{}'", what);
        return nullptr;
    }
    if (chain.size() == used) return e;
    if (r.sym.kind == Symbol::Kind::Signal) {
        // A scalar (declared without a range) has no bits to select (as Icarus and Verilator).
        const ir::Signal& g = design_->signals[r.sym.id];
        if (!g.vector && g.type.width == 1 && !g.type.isReal) {
            diags_.error(chain[used]->loc, "cannot select bits of scalar{} '{}'",
                         g.isArray() ? " array word" : "", what);
            return nullptr;
        }
    }
    return applySelect(std::move(e), *chain[used], declared, what, ctx);
}

namespace {

const char* useName(Elaborator::LvalueUse u) {
    switch (u) {
    case Elaborator::LvalueUse::Continuous:
        return "continuous assignment";
    case Elaborator::LvalueUse::Port:
        return "output port connection";
    case Elaborator::LvalueUse::Procedural:
        return "procedural assignment";
    case Elaborator::LvalueUse::Force:
        return "force";
    case Elaborator::LvalueUse::ProcAssign:
        return "procedural continuous assignment";
    case Elaborator::LvalueUse::FunctionOutput:
        return "task output argument";
    }
    return "assignment";
}

// The signal an lvalue writes (through selects and array words).
SignalId targetSignal(const Expr& e) {
    if (e.kind == ExprKind::Signal || e.kind == ExprKind::ArrayElement) return e.signal;
    if (e.kind == ExprKind::Select) return targetSignal(*e.operands[0]);
    return kNone;
}

// No signal is read: the expression is built from constants only.
bool isConstantTree(const Expr& e) {
    if (e.kind == ExprKind::Signal || e.kind == ExprKind::ArrayElement ||
        e.kind == ExprKind::Call || e.kind == ExprKind::SystemCall)
        return false;
    for (const auto& o : e.operands)
        if (o && !isConstantTree(*o)) return false;
    return true;
}

} // namespace

ExprPtr Elaborator::buildLvalue(const ast::Expr& a, ScopeId s, LvalueUse use) {
    ExprContext ctx;
    ctx.scope = s;
    if (auto* c = a.asPtr<ast::ConcatExpr>()) {
        auto e = node(ExprKind::Concat, a.loc, Type::integral(1, false));
        uint64_t w = 0;
        for (const auto& item : c->items) {
            ExprPtr x = buildLvalue(*item, s, use);
            if (!x) return nullptr;
            w += x->type.width;
            e->operands.push_back(std::move(x));
        }
        if (e->operands.empty()) return nullptr;
        e->type = e->self = Type::integral(static_cast<uint32_t>(w), false);
        return e;
    }
    ExprPtr e;
    if (auto* n = a.asPtr<ast::NameExpr>()) {
        bool implicitOk = use == LvalueUse::Continuous || use == LvalueUse::Port;
        Resolved r = lookup(n->name, s, !(implicitOk && n->name.isSimple()));
        if (!r.found) {
            if (!implicitOk || !n->name.isSimple()) return nullptr;
            SignalId id = implicitNet(n->name.last(), s);
            if (id == kNone) return nullptr;
            r.found = true;
            r.sym = Symbol{Symbol::Kind::Signal, id};
        }
        if (r.sym.kind == Symbol::Kind::Param) {
            diags_.error(a.loc, "cannot assign to parameter '{}'", n->name.str());
            return nullptr;
        }
        if (r.sym.kind != Symbol::Kind::Signal) {
            diags_.error(a.loc, "'{}' is not a net or variable and cannot be assigned",
                         n->name.str());
            return nullptr;
        }
        const ir::Signal& g = design_->signals[r.sym.id];
        if (g.isArray()) {
            diags_.error(a.loc, "array '{}' cannot be assigned as a whole", n->name.str());
            return nullptr;
        }
        e = node(ExprKind::Signal, a.loc, g.type);
        e->signal = r.sym.id;
    } else if (auto* sel = a.asPtr<ast::SelectExpr>()) {
        if (use == LvalueUse::ProcAssign) {
            diags_.error(a.loc, "a procedural continuous assignment needs a whole variable, not a "
                                "select");
            return nullptr;
        }
        e = buildSelect(*sel, ctx);
        if (!e) return nullptr;
        if (e->kind == ExprKind::Const) {
            diags_.error(a.loc, "cannot assign to a parameter");
            return nullptr;
        }
    } else {
        diags_.error(a.loc, "this expression cannot be the target of a {}", useName(use));
        return nullptr;
    }
    SignalId sid = targetSignal(*e);
    if (sid == kNone) {
        diags_.error(a.loc, "this expression cannot be the target of a {}", useName(use));
        return nullptr;
    }
    const ir::Signal& g = design_->signals[sid];
    if (g.kind == ir::SignalKind::Event) {
        diags_.error(a.loc, "named event '{}' cannot be assigned", g.name);
        return nullptr;
    }
    if (g.automatic && (use == LvalueUse::Force || use == LvalueUse::ProcAssign)) {
        diags_.error(a.loc, "automatic variable '{}' cannot be the target of a {}", g.name,
                     useName(use));
        return nullptr;
    }
    // A net_lvalue (A.8.5) and the target of force/assign select with constant expressions
    // only: the driven bits cannot move.
    if (use == LvalueUse::Continuous || use == LvalueUse::Port || use == LvalueUse::Force ||
        use == LvalueUse::ProcAssign) {
        for (const Expr* t = e.get(); t;) {
            size_t first = t->kind == ExprKind::Select ? 1 : 0;
            if (t->kind == ExprKind::Select || t->kind == ExprKind::ArrayElement)
                for (size_t i = first; i < t->operands.size(); ++i)
                    if (t->operands[i] && !isConstantTree(*t->operands[i])) {
                        diags_.error(t->operands[i]->loc,
                                     "the {} of '{}' in a {} must be a constant expression",
                                     t->kind == ExprKind::ArrayElement ? "array index" : "select",
                                     g.name, useName(use));
                        return nullptr;
                    }
            t = t->kind == ExprKind::Select ? t->operands[0].get() : nullptr;
        }
    }
    switch (use) {
    case LvalueUse::Continuous:
    case LvalueUse::Port:
        if (!g.isNet()) {
            diags_.error(a.loc, "{} to variable '{}': only nets can be driven continuously",
                         useName(use), g.name);
            return nullptr;
        }
        break;
    case LvalueUse::Procedural:
    case LvalueUse::ProcAssign:
    case LvalueUse::FunctionOutput:
        if (g.isNet()) {
            diags_.error(a.loc, "{} to net '{}': only variables can be assigned procedurally",
                         useName(use), g.name);
            return nullptr;
        }
        break;
    case LvalueUse::Force:
        break;
    }
    return e;
}

} // namespace metalfpga::elab
