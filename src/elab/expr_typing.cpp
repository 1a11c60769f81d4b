// Expression typing (1364-2005 clause 5.4 and 5.5): syntax -> typed IR in two steps.
// buildExpr makes the tree bottom-up with every node's self-determined type; applyContext then
// pushes the context-determined width and signedness down through the context-determined
// operators and wraps every other node whose type must change in an explicit Convert.

#include "elab/elaborator.h"
#include "frontend/nesting.h"

#include <fmt/format.h>

namespace metalfpga::elab {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Op;
using ir::Type;

namespace {

ExprPtr node(ExprKind k, SourceLoc loc, Type t) {
    auto e = std::make_unique<Expr>(k, loc);
    e->type = t;
    e->self = t;
    return e;
}

Op unaryOp(TokenKind k) {
    switch (k) {
    case TokenKind::Plus:
        return Op::Plus;
    case TokenKind::Minus:
        return Op::Neg;
    case TokenKind::Tilde:
        return Op::BitNot;
    case TokenKind::Bang:
        return Op::LogNot;
    case TokenKind::Amp:
        return Op::RedAnd;
    case TokenKind::TildeAmp:
        return Op::RedNand;
    case TokenKind::Pipe:
        return Op::RedOr;
    case TokenKind::TildePipe:
        return Op::RedNor;
    case TokenKind::Caret:
        return Op::RedXor;
    case TokenKind::TildeCaret:
        return Op::RedXnor;
    default:
        return Op::None;
    }
}

Op binaryOp(TokenKind k) {
    switch (k) {
    case TokenKind::Plus:
        return Op::Add;
    case TokenKind::Minus:
        return Op::Sub;
    case TokenKind::Star:
        return Op::Mul;
    case TokenKind::Slash:
        return Op::Div;
    case TokenKind::Percent:
        return Op::Mod;
    case TokenKind::Power:
        return Op::Pow;
    case TokenKind::Amp:
        return Op::BitAnd;
    case TokenKind::Pipe:
        return Op::BitOr;
    case TokenKind::Caret:
        return Op::BitXor;
    case TokenKind::TildeCaret:
        return Op::BitXnor;
    case TokenKind::Shl:
        return Op::Shl;
    case TokenKind::Shr:
        return Op::Shr;
    case TokenKind::AShl:
        return Op::AShl;
    case TokenKind::AShr:
        return Op::AShr;
    case TokenKind::AmpAmp:
        return Op::LogAnd;
    case TokenKind::PipePipe:
        return Op::LogOr;
    case TokenKind::EqEq:
        return Op::Eq;
    case TokenKind::BangEq:
        return Op::Ne;
    case TokenKind::EqEqEq:
        return Op::CaseEq;
    case TokenKind::BangEqEq:
        return Op::CaseNe;
    case TokenKind::Less:
        return Op::Lt;
    case TokenKind::LessEq:
        return Op::Le;
    case TokenKind::Greater:
        return Op::Gt;
    case TokenKind::GreaterEq:
        return Op::Ge;
    default:
        return Op::None;
    }
}

bool isArith(Op op) {
    return op == Op::Add || op == Op::Sub || op == Op::Mul || op == Op::Div || op == Op::Mod;
}
bool isBitwise(Op op) {
    return op == Op::BitAnd || op == Op::BitOr || op == Op::BitXor || op == Op::BitXnor;
}
bool isShift(Op op) {
    return op == Op::Shl || op == Op::Shr || op == Op::AShl || op == Op::AShr;
}
bool isCompare(Op op) {
    return op == Op::Eq || op == Op::Ne || op == Op::CaseEq || op == Op::CaseNe || op == Op::Lt ||
           op == Op::Le || op == Op::Gt || op == Op::Ge;
}

// The common type of two operands of a context-determined operator.
Type common(const Type& a, const Type& b) {
    if (a.isReal || b.isReal) return Type::real();
    return Type::integral(a.width > b.width ? a.width : b.width, a.isSigned && b.isSigned);
}

// Whether evaluating e calls a function or system function (which may have side effects).
bool makesCalls(const Expr& e) {
    if (e.kind == ExprKind::Call || e.kind == ExprKind::SystemCall) return true;
    for (const auto& o : e.operands)
        if (o && makesCalls(*o)) return true;
    return false;
}

} // namespace

ExprPtr Elaborator::convertTo(ExprPtr e, Type t) {
    if (!e || e->type == t) return e;
    if (e->type.isReal && t.isReal) return e;
    auto c = node(ExprKind::Convert, e->loc, t);
    c->operands.push_back(std::move(e));
    return c;
}

void Elaborator::applyContext(ExprPtr& e, Type ctx) {
    if (!e) return;
    if (ctx.isReal && !e->self.isReal) {
        applyContext(e, e->self);
        e = convertTo(std::move(e), Type::real());
        return;
    }
    bool contextOp = false;
    if (e->kind == ExprKind::Unary)
        contextOp = e->op == Op::Plus || e->op == Op::Neg || e->op == Op::BitNot;
    else if (e->kind == ExprKind::Binary)
        contextOp = isArith(e->op) || isBitwise(e->op) || isShift(e->op) || e->op == Op::Pow;
    else if (e->kind == ExprKind::Conditional)
        contextOp = true;
    if (e->self.isReal) {
        // Real operators: operands were made real when the node was built.
        e->type = Type::real();
        if (!ctx.isReal && contextOp) return;
        return;
    }
    if (ctx.isReal) return; // handled above
    Type t = Type::integral(ctx.width > e->self.width ? ctx.width : e->self.width, ctx.isSigned);
    if (e->kind == ExprKind::Const && e->unsizedXZ && t.width > e->self.width) {
        // 1364-2005 3.5.1: an unsized number whose top digit is x or z extends with x or z to
        // the width of the expression holding it ('hx is all x at any width).
        rt::Bit top = e->value.bit(e->value.width() - 1);
        rt::Value v = e->value.resized(t.width);
        for (uint32_t i = e->value.width(); i < t.width; ++i) v.set_bit(i, top);
        e->value = v.with_signed(t.isSigned);
        e->self = e->type = t;
        return;
    }
    if (!contextOp) {
        e->type = e->self;
        if (!(t == e->self)) e = convertTo(std::move(e), t);
        return;
    }
    e->type = t;
    switch (e->kind) {
    case ExprKind::Unary:
        applyContext(e->operands[0], t);
        break;
    case ExprKind::Binary:
        applyContext(e->operands[0], t);
        if (!isShift(e->op) && e->op != Op::Pow) applyContext(e->operands[1], t);
        break;
    case ExprKind::Conditional:
        applyContext(e->operands[1], t);
        applyContext(e->operands[2], t);
        break;
    default:
        break;
    }
}

ExprPtr Elaborator::selfDetermined(const ast::Expr& a, const ExprContext& ctx) {
    ExprPtr e = buildExpr(a, ctx);
    if (e) applyContext(e, e->self);
    return e;
}

ExprPtr Elaborator::assignedExpr(const ast::Expr& a, Type target, const ExprContext& ctx) {
    ExprPtr e = buildExpr(a, ctx);
    if (!e) return e;
    if (target.isReal || e->self.isReal) {
        applyContext(e, Type::real());
        return convertTo(std::move(e), target);
    }
    Type t = Type::integral(target.width > e->self.width ? target.width : e->self.width,
                            e->self.isSigned);
    applyContext(e, t);
    return convertTo(std::move(e), target);
}

ExprPtr Elaborator::buildExpr(const ast::Expr& a, const ExprContext& ctx) {
    frontend::checkNesting(a.loc);
    switch (a.kind) {
    case ast::ExprKind::Number: {
        const auto& num = a.as<ast::NumberExpr>();
        auto v = parseNumber(num);
        if (!v) return nullptr;
        auto e = node(ExprKind::Const, a.loc, Type::integral(v->width(), v->is_signed()));
        rt::Bit top = v->bit(v->width() - 1);
        e->unsizedXZ = num.size.empty() && (top == rt::BX || top == rt::BZ);
        e->value = std::move(*v);
        return e;
    }
    case ast::ExprKind::Real: {
        auto e = node(ExprKind::RealConst, a.loc, Type::real());
        e->real = parseReal(a.as<ast::RealExpr>());
        return e;
    }
    case ast::ExprKind::String: {
        rt::Value v = parseString(a.as<ast::StringExpr>().text);
        auto e = node(ExprKind::Const, a.loc, Type::integral(v.width(), false));
        e->value = std::move(v);
        e->isString = true;
        return e;
    }
    case ast::ExprKind::Name: {
        const auto& n = a.as<ast::NameExpr>();
        Resolved r = lookup(n.name, ctx.scope);
        if (!r.found) return nullptr;
        switch (r.sym.kind) {
        case Symbol::Kind::Param: {
            // A parameter's value may name other parameters by simple name only (12.2: a
            // constant expression has no hierarchical references; defparam may use them).
            if (ctx.constant && !n.name.isSimple() &&
                std::string_view(ctx.what) == "parameter value") {
                diags_.error(a.loc,
                             "hierarchical name '{}' cannot be used in a parameter value: it "
                             "must be a constant expression",
                             n.name.str());
                return nullptr;
            }
            auto v = paramValue(r.scope, r.sym.id, a.loc);
            if (!v) return nullptr;
            // The parameter's full name stays with its value, for tasks that name the object
            // ($printtimescale).
            std::string full =
                design_->scopes[r.scope].path + "." + std::string(n.name.last().text);
            if (v->isReal) {
                auto e = node(ExprKind::RealConst, a.loc, Type::real());
                e->real = v->r;
                e->name = std::move(full);
                return e;
            }
            auto e = node(ExprKind::Const, a.loc, v->type());
            e->value = v->v;
            e->name = std::move(full);
            // A parameter without a type or range whose value is a string literal reads as the
            // string, as the literal would ($display(p) prints the text, as Icarus does).
            const ParamSlot& slot = info(r.scope).params[r.sym.id];
            const ast::Expr* from = slot.overrideValue  ? nullptr
                                    : slot.overrideExpr ? slot.overrideExpr
                                                        : slot.expr;
            e->isString = from && from->kind == ast::ExprKind::String && slot.decl &&
                          !slot.decl->range && slot.decl->type == TokenKind::EndOfFile;
            return e;
        }
        case Symbol::Kind::Signal: {
            const ir::Signal& g = design_->signals[r.sym.id];
            if (ctx.constant) {
                diags_.error(a.loc, "'{}' is not a constant: a {} needs a constant expression",
                             n.name.str(), ctx.what);
                return nullptr;
            }
            if (g.isArray() && !ctx.allowArrays) {
                diags_.error(a.loc, "array '{}' cannot be used without an index", n.name.str());
                return nullptr;
            }
            if (g.kind == ir::SignalKind::Event && !ctx.allowEvents) {
                diags_.error(a.loc, "named event '{}' cannot be used as a value", n.name.str());
                return nullptr;
            }
            auto e = node(ExprKind::Signal, a.loc, g.type);
            e->signal = r.sym.id;
            return e;
        }
        case Symbol::Kind::Scope:
            if (ctx.allowScopes) {
                auto e = node(ExprKind::Scope, a.loc, Type::integral(1, false));
                e->scope = r.sym.id;
                return e;
            }
            diags_.error(a.loc, "'{}' is a scope, not a value", n.name.str());
            return nullptr;
        case Symbol::Kind::Routine:
            if (ctx.allowScopes) {
                auto e = node(ExprKind::Scope, a.loc, Type::integral(1, false));
                e->scope = scopeOfSymbol(r.sym);
                return e;
            }
            diags_.error(a.loc, "'{}' is a function or task, not a value", n.name.str());
            return nullptr;
        }
        return nullptr;
    }
    case ast::ExprKind::Unary: {
        const auto& u = a.as<ast::UnaryExpr>();
        Op op = unaryOp(u.op);
        ExprPtr x = buildExpr(*u.operand, ctx);
        if (!x) return nullptr;
        Type t = x->self;
        if (op == Op::Plus || op == Op::Neg || op == Op::BitNot) {
            if (op == Op::BitNot && t.isReal) {
                diags_.error(a.loc, "operator '~' cannot take a real operand");
                return nullptr;
            }
        } else {
            if (t.isReal && op != Op::LogNot) {
                diags_.error(a.loc, "reduction operator '{}' cannot take a real operand",
                             ir::opName(op));
                return nullptr;
            }
            applyContext(x, x->self);
            t = Type::integral(1, false);
        }
        auto e = node(ExprKind::Unary, a.loc, t);
        e->op = op;
        e->operands.push_back(std::move(x));
        return e;
    }
    case ast::ExprKind::Binary: {
        const auto& b = a.as<ast::BinaryExpr>();
        Op op = binaryOp(b.op);
        ExprPtr l = buildExpr(*b.lhs, ctx);
        ExprPtr r = buildExpr(*b.rhs, ctx);
        if (!l || !r) return nullptr;
        Type t;
        auto realError = [&]() {
            diags_.error(b.opLoc.valid() ? b.opLoc : a.loc,
                         "operator '{}' cannot take a real operand", ir::opName(op));
            return nullptr;
        };
        if (isArith(op) || isBitwise(op)) {
            t = common(l->self, r->self);
            if (t.isReal && (isBitwise(op) || op == Op::Mod)) return realError();
            if (t.isReal) {
                applyContext(l, t);
                applyContext(r, t);
            }
        } else if (op == Op::Pow) {
            if (l->self.isReal || r->self.isReal) {
                t = Type::real();
                applyContext(l, t);
                applyContext(r, t);
            } else {
                t = l->self;
                applyContext(r, r->self);
            }
        } else if (isShift(op)) {
            if (l->self.isReal || r->self.isReal) return realError();
            t = l->self;
            applyContext(r, r->self);
        } else if (isCompare(op)) {
            Type c = common(l->self, r->self);
            if (c.isReal && (op == Op::CaseEq || op == Op::CaseNe)) return realError();
            applyContext(l, c);
            applyContext(r, c);
            t = Type::integral(1, false);
        } else { // && ||
            applyContext(l, l->self);
            applyContext(r, r->self);
            t = Type::integral(1, false);
        }
        auto e = node(ExprKind::Binary, a.loc, t);
        e->op = op;
        e->operands.push_back(std::move(l));
        e->operands.push_back(std::move(r));
        return e;
    }
    case ast::ExprKind::Conditional: {
        const auto& c = a.as<ast::ConditionalExpr>();
        ExprPtr cond = selfDetermined(*c.cond, ctx);
        ExprPtr x = buildExpr(*c.whenTrue, ctx);
        ExprPtr y = buildExpr(*c.whenFalse, ctx);
        if (!cond || !x || !y) return nullptr;
        Type t = common(x->self, y->self);
        if (t.isReal) {
            applyContext(x, t);
            applyContext(y, t);
        }
        auto e = node(ExprKind::Conditional, a.loc, t);
        e->operands.push_back(std::move(cond));
        e->operands.push_back(std::move(x));
        e->operands.push_back(std::move(y));
        return e;
    }
    case ast::ExprKind::Concat: {
        const auto& c = a.as<ast::ConcatExpr>();
        auto e = node(ExprKind::Concat, a.loc, Type::integral(1, false));
        uint64_t w = 0;
        bool ok = true;
        std::vector<ExprPtr> zeroReps; // {0{x}} operands that make calls
        for (const auto& item : c.items) {
            if (auto* rep = item->asPtr<ast::ReplicationExpr>()) {
                auto n = evalInt(*rep->count, ctx.scope, "replication count");
                if (n && *n == 0) {
                    // {0{x}} inside a concatenation contributes nothing, but its operand is
                    // still evaluated once (1364-2005 5.1.14): keep one that makes calls.
                    ExprPtr x = selfDetermined(*rep->concat, ctx);
                    if (x && makesCalls(*x)) zeroReps.push_back(std::move(x));
                    continue;
                }
            }
            if (auto* num = item->asPtr<ast::NumberExpr>(); num && num->size.empty()) {
                diags_.error(item->loc, "unsized number '{}' in a concatenation", num->text);
                ok = false;
                continue;
            }
            ExprPtr x = selfDetermined(*item, ctx);
            if (!x) {
                ok = false;
                continue;
            }
            if (x->type.isReal) {
                diags_.error(item->loc, "a real value cannot be part of a concatenation");
                ok = false;
                continue;
            }
            w += x->type.width;
            e->operands.push_back(std::move(x));
        }
        if (!ok) return nullptr;
        if (e->operands.empty()) {
            diags_.error(a.loc, "concatenation has no bits");
            return nullptr;
        }
        if (w > (uint64_t(1) << 24)) {
            diags_.error(a.loc, "concatenation is too wide ({} bits)", w);
            return nullptr;
        }
        e->type = e->self = Type::integral(static_cast<uint32_t>(w), false);
        if (!zeroReps.empty()) {
            // Evaluated as the low bits of a wider concatenation, and selected away.
            uint64_t all = w;
            for (auto& z : zeroReps) {
                all += z->type.width;
                e->operands.push_back(std::move(z));
            }
            e->type = e->self = Type::integral(static_cast<uint32_t>(all), false);
            auto sel =
                node(ExprKind::Select, a.loc, Type::integral(static_cast<uint32_t>(w), false));
            sel->select = ir::SelectKind::Part;
            sel->declared = ir::Range{static_cast<int64_t>(all) - 1, 0};
            sel->msb = static_cast<int64_t>(all) - 1;
            sel->lsb = static_cast<int64_t>(all - w);
            sel->operands.push_back(std::move(e));
            return sel;
        }
        return e;
    }
    case ast::ExprKind::Replication: {
        const auto& r = a.as<ast::ReplicationExpr>();
        auto n = evalInt(*r.count, ctx.scope, "replication count");
        if (!n) return nullptr;
        if (*n <= 0) {
            diags_.error(r.count->loc, "replication count must be positive (it is {})", *n);
            return nullptr;
        }
        ExprPtr inner = buildExpr(*r.concat, ctx);
        if (!inner) return nullptr;
        uint64_t w = uint64_t(*n) * inner->type.width;
        if (w > (uint64_t(1) << 24)) {
            diags_.error(a.loc, "replication is too wide ({} bits)", w);
            return nullptr;
        }
        auto e = node(ExprKind::Replicate, a.loc, Type::integral(static_cast<uint32_t>(w), false));
        e->value = rt::Value::from_u64(32, static_cast<uint64_t>(*n));
        e->operands.push_back(std::move(inner));
        return e;
    }
    case ast::ExprKind::Select:
        return buildSelect(a.as<ast::SelectExpr>(), ctx);
    case ast::ExprKind::Call:
        return buildCall(a.as<ast::CallExpr>(), ctx);
    case ast::ExprKind::SystemCall:
        return buildSystemCall(a.as<ast::SystemCallExpr>(), ctx);
    case ast::ExprKind::MinTypMax: {
        const auto& m = a.as<ast::MinTypMaxExpr>();
        const ast::Expr* pick = opts_.delaySelection == 'n'   ? m.min.get()
                                : opts_.delaySelection == 'x' ? m.max.get()
                                                              : m.typ.get();
        if (!pick) pick = m.typ.get();
        return pick ? buildExpr(*pick, ctx) : nullptr;
    }
    }
    return nullptr;
}

} // namespace metalfpga::elab
