// Constant evaluation of typed IR expressions with the value library (rt::Value): parameters,
// ranges, generate conditions, and the bodies of constant functions (const_function.cpp).
// Operands already carry their operator's type (expr_typing.cpp), so every operator maps to
// one rt::val call.

#include "elab/elaborator.h"

#include <cmath>

namespace metalfpga::elab {

using ir::Expr;
using ir::ExprKind;
using ir::Op;

Const Elaborator::convertConst(const Const& c, ir::Type t) {
    if (t.isReal) return c.isReal ? c : Const::ofReal(rt::val::to_real(c.v));
    if (c.isReal) return Const::ofValue(rt::val::from_real(c.r, t.width, t.isSigned));
    return Const::ofValue(c.v.with_signed(t.isSigned).resized(t.width));
}

std::optional<Const> Elaborator::evalConst(const ast::Expr& a, ScopeId s, const char* what,
                                           const ir::Type* target) {
    ExprContext ctx;
    ctx.scope = s;
    ctx.constant = true;
    ctx.what = what;
    ir::ExprPtr e = target ? assignedExpr(a, *target, ctx) : selfDetermined(a, ctx);
    if (!e) return std::nullopt;
    return evalExpr(*e);
}

std::optional<int64_t> Elaborator::evalInt(const ast::Expr& a, ScopeId s, const char* what) {
    auto c = evalConst(a, s, what);
    if (!c) return std::nullopt;
    auto i = c->toInt();
    if (!i) diags_.error(a.loc, "{} has an unknown (x or z) value", what);
    return i;
}

namespace {

Const bitOf(rt::Bit b) {
    return Const::ofValue(rt::Value::from_bit(b));
}

// The bit offset (from bit 0) of the lowest bit of a select, or nullopt for an X index.
std::optional<int64_t> lowOffset(const Expr& e, const std::optional<Const>& idx) {
    const ir::Range& d = e.declared;
    switch (e.select) {
    case ir::SelectKind::Part:
        return std::min(d.offsetOf(e.msb), d.offsetOf(e.lsb));
    case ir::SelectKind::Bit: {
        auto i = idx->toInt();
        if (!i) return std::nullopt;
        return d.offsetOf(*i);
    }
    case ir::SelectKind::IndexedUp:
    case ir::SelectKind::IndexedDown: {
        auto b = idx->toInt();
        if (!b) return std::nullopt;
        int64_t w = e.type.width;
        int64_t other = e.select == ir::SelectKind::IndexedUp ? *b + w - 1 : *b - w + 1;
        return std::min(d.offsetOf(*b), d.offsetOf(other));
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<int64_t> Elaborator::arrayOffset(const Expr& e) {
    const ir::Signal& g = design_->signals[e.signal];
    int64_t off = 0;
    for (size_t i = 0; i < g.unpacked.size(); ++i) {
        auto idx = evalExpr(*e.operands[i]);
        if (!idx) return std::nullopt;
        auto v = idx->toInt();
        if (!v || !g.unpacked[i].contains(*v)) return int64_t(-1);
        off = off * g.unpacked[i].width() + g.unpacked[i].offsetOf(*v);
    }
    return off;
}

std::optional<Const> Elaborator::evalExpr(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Const:
        return Const::ofValue(e.value);
    case ExprKind::RealConst:
        return Const::ofReal(e.real);
    case ExprKind::Signal:
    case ExprKind::ArrayElement: {
        const ir::Signal& g = design_->signals[e.signal];
        if (!frame_ || !frame_->vars.count(e.signal)) {
            diags_.error(e.loc, "'{}' is not a constant", g.path);
            return std::nullopt;
        }
        auto& words = frame_->vars[e.signal];
        if (e.kind == ExprKind::Signal) return words[0];
        auto off = arrayOffset(e);
        if (!off) return std::nullopt;
        if (*off < 0 || size_t(*off) >= words.size())
            return g.type.isReal ? Const::ofReal(0)
                                 : Const::ofValue(rt::Value::all_x(g.type.width));
        return words[size_t(*off)];
    }
    case ExprKind::Select: {
        auto base = evalExpr(*e.operands[0]);
        if (!base) return std::nullopt;
        std::optional<Const> idx;
        if (e.operands.size() > 1) {
            idx = evalExpr(*e.operands[1]);
            if (!idx) return std::nullopt;
        }
        auto low = lowOffset(e, idx);
        if (!low) return Const::ofValue(rt::Value::all_x(e.type.width));
        return Const::ofValue(rt::val::extract(base->v, *low, e.type.width));
    }
    case ExprKind::Unary: {
        auto x = evalExpr(*e.operands[0]);
        if (!x) return std::nullopt;
        if (x->isReal) {
            switch (e.op) {
            case Op::Plus:
                return x;
            case Op::Neg:
                return Const::ofReal(-x->r);
            case Op::LogNot:
                return bitOf(x->r == 0 ? rt::B1 : rt::B0);
            default:
                break;
            }
            diags_.error(e.loc, "operator '{}' cannot take a real operand", ir::opName(e.op));
            return std::nullopt;
        }
        const rt::Value& v = x->v;
        switch (e.op) {
        case Op::Plus:
            return x;
        case Op::Neg:
            return Const::ofValue(rt::val::neg(v));
        case Op::BitNot:
            return Const::ofValue(rt::val::bit_not(v));
        case Op::LogNot:
            return Const::ofValue(rt::val::log_not(v));
        case Op::RedAnd:
            return Const::ofValue(rt::val::red_and(v));
        case Op::RedNand:
            return Const::ofValue(rt::val::red_nand(v));
        case Op::RedOr:
            return Const::ofValue(rt::val::red_or(v));
        case Op::RedNor:
            return Const::ofValue(rt::val::red_nor(v));
        case Op::RedXor:
            return Const::ofValue(rt::val::red_xor(v));
        case Op::RedXnor:
            return Const::ofValue(rt::val::red_xnor(v));
        default:
            break;
        }
        return std::nullopt;
    }
    case ExprKind::Binary: {
        auto x = evalExpr(*e.operands[0]);
        if (!x) return std::nullopt;
        // && and || short-circuit (a constant function may guard a recursion with them).
        if (e.op == Op::LogAnd || e.op == Op::LogOr) {
            rt::Bit tx = x->isReal ? (x->r != 0 ? rt::B1 : rt::B0) : x->v.truth();
            if (e.op == Op::LogAnd && tx == rt::B0) return bitOf(rt::B0);
            if (e.op == Op::LogOr && tx == rt::B1) return bitOf(rt::B1);
            auto y = evalExpr(*e.operands[1]);
            if (!y) return std::nullopt;
            rt::Bit ty = y->isReal ? (y->r != 0 ? rt::B1 : rt::B0) : y->v.truth();
            rt::Value a = rt::Value::from_bit(tx), b = rt::Value::from_bit(ty);
            return Const::ofValue(e.op == Op::LogAnd ? rt::val::log_and(a, b)
                                                     : rt::val::log_or(a, b));
        }
        auto y = evalExpr(*e.operands[1]);
        if (!y) return std::nullopt;
        if (x->isReal || y->isReal) {
            double a = x->isReal ? x->r : rt::val::to_real(x->v);
            double b = y->isReal ? y->r : rt::val::to_real(y->v);
            switch (e.op) {
            case Op::Add:
                return Const::ofReal(a + b);
            case Op::Sub:
                return Const::ofReal(a - b);
            case Op::Mul:
                return Const::ofReal(a * b);
            case Op::Div:
                return Const::ofReal(a / b);
            case Op::Pow:
                return Const::ofReal(rt::realfn::pow(a, b));
            case Op::Eq:
                return bitOf(a == b ? rt::B1 : rt::B0);
            case Op::Ne:
                return bitOf(a != b ? rt::B1 : rt::B0);
            case Op::Lt:
                return bitOf(a < b ? rt::B1 : rt::B0);
            case Op::Le:
                return bitOf(a <= b ? rt::B1 : rt::B0);
            case Op::Gt:
                return bitOf(a > b ? rt::B1 : rt::B0);
            case Op::Ge:
                return bitOf(a >= b ? rt::B1 : rt::B0);
            default:
                break;
            }
            diags_.error(e.loc, "operator '{}' cannot take a real operand", ir::opName(e.op));
            return std::nullopt;
        }
        const rt::Value &a = x->v, &b = y->v;
        switch (e.op) {
        case Op::Add:
            return Const::ofValue(rt::val::add(a, b));
        case Op::Sub:
            return Const::ofValue(rt::val::sub(a, b));
        case Op::Mul:
            return Const::ofValue(rt::val::mul(a, b));
        case Op::Div:
            return Const::ofValue(rt::val::div(a, b));
        case Op::Mod:
            return Const::ofValue(rt::val::mod(a, b));
        case Op::Pow:
            return Const::ofValue(rt::val::pow(a, b));
        case Op::BitAnd:
            return Const::ofValue(rt::val::bit_and(a, b));
        case Op::BitOr:
            return Const::ofValue(rt::val::bit_or(a, b));
        case Op::BitXor:
            return Const::ofValue(rt::val::bit_xor(a, b));
        case Op::BitXnor:
            return Const::ofValue(rt::val::bit_xnor(a, b));
        case Op::Shl:
            return Const::ofValue(rt::val::shl(a, b));
        case Op::Shr:
            return Const::ofValue(rt::val::shr(a, b));
        case Op::AShl:
            return Const::ofValue(rt::val::ashl(a, b));
        case Op::AShr:
            return Const::ofValue(rt::val::ashr(a, b));
        case Op::Eq:
            return Const::ofValue(rt::val::eq(a, b));
        case Op::Ne:
            return Const::ofValue(rt::val::ne(a, b));
        case Op::CaseEq:
            return Const::ofValue(rt::val::case_eq(a, b));
        case Op::CaseNe:
            return Const::ofValue(rt::val::case_ne(a, b));
        case Op::Lt:
            return Const::ofValue(rt::val::lt(a, b));
        case Op::Le:
            return Const::ofValue(rt::val::le(a, b));
        case Op::Gt:
            return Const::ofValue(rt::val::gt(a, b));
        case Op::Ge:
            return Const::ofValue(rt::val::ge(a, b));
        default:
            break;
        }
        return std::nullopt;
    }
    case ExprKind::Conditional: {
        auto c = evalExpr(*e.operands[0]);
        if (!c) return std::nullopt;
        rt::Bit t = c->isReal ? (c->r != 0 ? rt::B1 : rt::B0) : c->v.truth();
        if (t == rt::B1) return evalExpr(*e.operands[1]);
        if (t == rt::B0) return evalExpr(*e.operands[2]);
        auto x = evalExpr(*e.operands[1]);
        auto y = evalExpr(*e.operands[2]);
        if (!x || !y) return std::nullopt;
        if (x->isReal || y->isReal) return Const::ofReal(0);
        return Const::ofValue(rt::val::cond(c->v, x->v, y->v));
    }
    case ExprKind::Concat: {
        std::vector<rt::Value> parts;
        for (const auto& o : e.operands) {
            auto x = evalExpr(*o);
            if (!x) return std::nullopt;
            parts.push_back(x->v);
        }
        return Const::ofValue(rt::val::concat(parts));
    }
    case ExprKind::Replicate: {
        auto x = evalExpr(*e.operands[0]);
        if (!x) return std::nullopt;
        return Const::ofValue(rt::val::replicate(static_cast<uint32_t>(e.value.to_u64()), x->v));
    }
    case ExprKind::Convert: {
        auto x = evalExpr(*e.operands[0]);
        if (!x) return std::nullopt;
        return convertConst(*x, e.type);
    }
    case ExprKind::Call:
        return callConstFunction(e);
    case ExprKind::SystemCall: {
        const std::string& n = e.name;
        if (n == "$bits")
            return Const::ofValue(rt::Value::from_u64(32, e.operands[0]->type.width, true));
        std::vector<Const> args;
        for (const auto& o : e.operands) {
            if (!o) return std::nullopt;
            auto x = evalExpr(*o);
            if (!x) return std::nullopt;
            args.push_back(*x);
        }
        if (args.empty()) break;
        const Const& a = args[0];
        auto real = [](const Const& c) { return c.isReal ? c.r : rt::val::to_real(c.v); };
        if (n == "$signed" || n == "$unsigned") return convertConst(a, e.type);
        if (n == "$clog2") {
            // ceil(log2(x)): the number of bits needed to address x things.
            if (a.isReal || a.v.has_xz()) return Const::ofValue(rt::Value::all_x(32, true));
            rt::Value v = rt::val::sub(a.v.with_signed(false), rt::Value::from_u64(a.v.width(), 1));
            int64_t bits = 0;
            if (!(a.v == rt::Value(a.v.width(), a.v.is_signed())))
                for (uint32_t i = v.width(); i-- > 0;)
                    if (v.bit(i) == rt::B1) {
                        bits = i + 1;
                        break;
                    }
            return Const::ofValue(rt::Value::from_i64(32, bits));
        }
        if (n == "$rtoi") return Const::ofValue(rt::val::rtoi(real(a)));
        // $itor takes an integer: a real argument is first converted (rounded; NaN and
        // infinities become x, which reads as 0), as Icarus does.
        if (n == "$itor")
            return Const::ofReal(a.isReal ? rt::val::to_real(rt::val::from_real(a.r, 64, true))
                                          : real(a));
        if (n == "$realtobits")
            return Const::ofValue(rt::Value::from_u64(64, rt::realfn::realtobits(real(a))));
        if (n == "$bitstoreal")
            return Const::ofReal(rt::realfn::bitstoreal(a.v.resized(64).to_u64()));
        double x = real(a);
        double y = args.size() > 1 ? real(args[1]) : 0;
        if (n == "$ln") return Const::ofReal(rt::realfn::ln(x));
        if (n == "$log10") return Const::ofReal(rt::realfn::log10(x));
        if (n == "$exp") return Const::ofReal(rt::realfn::exp(x));
        if (n == "$sqrt") return Const::ofReal(rt::realfn::sqrt(x));
        if (n == "$pow") return Const::ofReal(rt::realfn::pow(x, y));
        if (n == "$floor") return Const::ofReal(rt::realfn::floor(x));
        if (n == "$ceil") return Const::ofReal(rt::realfn::ceil(x));
        if (n == "$sin") return Const::ofReal(rt::realfn::sin(x));
        if (n == "$cos") return Const::ofReal(rt::realfn::cos(x));
        if (n == "$tan") return Const::ofReal(rt::realfn::tan(x));
        if (n == "$asin") return Const::ofReal(rt::realfn::asin(x));
        if (n == "$acos") return Const::ofReal(rt::realfn::acos(x));
        if (n == "$atan") return Const::ofReal(rt::realfn::atan(x));
        if (n == "$atan2") return Const::ofReal(rt::realfn::atan2(x, y));
        if (n == "$hypot") return Const::ofReal(rt::realfn::hypot(x, y));
        if (n == "$sinh") return Const::ofReal(rt::realfn::sinh(x));
        if (n == "$cosh") return Const::ofReal(rt::realfn::cosh(x));
        if (n == "$tanh") return Const::ofReal(rt::realfn::tanh(x));
        if (n == "$asinh") return Const::ofReal(rt::realfn::asinh(x));
        if (n == "$acosh") return Const::ofReal(rt::realfn::acosh(x));
        if (n == "$atanh") return Const::ofReal(rt::realfn::atanh(x));
        break;
    }
    case ExprKind::Scope:
        break;
    }
    diags_.error(e.loc, "this expression is not a constant");
    return std::nullopt;
}

} // namespace metalfpga::elab
