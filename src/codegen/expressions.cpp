#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// Expressions

std::string Generator::convert(const std::string& code, const Type& from, const Type& to) {
    if (from == to) return code;
    if (to.isReal && from.isReal) return code;
    if (to.isReal) return fmt::format("to_real({})", code);
    if (from.isReal) return fmt::format("from_real<{}>({})", cppType(to), code);
    return fmt::format("extend<{}>({}, {})", cppType(to), code, to.isSigned ? "true" : "false");
}

std::string Generator::exprAs(const Expr& e, const Type& t) {
    Type nat;
    std::string c = exprNatural(e, nat);
    if (nat.isReal || t.isReal) return convert(c, nat, t);
    if (nat == t) return c;
    // Same bits, other signedness or width: extend per the source's signedness (the IR has
    // already made every context extension explicit, so this only reinterprets).
    return fmt::format("{}({})", cppType(t), c);
}

std::string Generator::expr(const Expr& e) {
    return exprAs(e, e.type);
}

// A constant index's value (known bits, at most 62 of them), signed as its type says.
std::optional<int64_t> Generator::constIndex(const Expr& ix) {
    if (ix.kind != ExprKind::Const || ix.value.has_xz() || ix.value.width() > 62)
        return std::nullopt;
    int64_t v = static_cast<int64_t>(ix.value.aval()[0]);
    uint32_t w = ix.value.width();
    if (ix.value.is_signed() && w > 0 && ((v >> (w - 1)) & 1)) v -= int64_t(1) << w;
    return v;
}

// The offset of a select's lowest bit when it is known here: a part select, or a bit or
// indexed part select at a constant index (elaboration folds constant index expressions).
std::optional<int64_t> Generator::constantOffset(const Expr& sel) {
    const Range& r = sel.declared;
    int64_t a = sel.msb, b = sel.lsb;
    if (sel.select != SelectKind::Part) {
        auto i = constIndex(*sel.operands[1]);
        if (!i) return std::nullopt;
        int64_t w = sel.select == SelectKind::Bit ? 1 : sel.type.width;
        a = *i;
        b = sel.select == SelectKind::IndexedDown ? *i - w + 1 : *i + w - 1;
    }
    return std::min(r.offsetOf(a), r.offsetOf(b));
}

// Offset (from the least significant bit of the selected object) of a select: code for an i64
// expression, or "" with `base` set when the index is dynamic (then the result is in `base`
// with a bool guard). Here we use a statement-expression-free form: a helper call.
std::string Generator::indexOffset(const Expr& sel, std::string& base) {
    const Range& r = sel.declared;
    base.clear();
    if (sel.select == SelectKind::Part) return fmt::format("{}", *constantOffset(sel));
    const Expr& idx = *sel.operands[1];
    int64_t w = sel.type.width;
    if (auto c = constantOffset(sel)) return fmt::format("{}", *c);
    if (idx.kind == ExprKind::Const && idx.value.has_xz()) return "kNoIndex";
    std::string ic = expr(idx);
    if (sel.select == SelectKind::Bit) {
        base = fmt::format("bit_offset({}, {}, {})", ic, r.msb, r.lsb);
    } else if (sel.select == SelectKind::IndexedUp) {
        base = fmt::format("indexed_offset({}, {}, {}, {}, true)", ic, w, r.msb, r.lsb);
    } else {
        base = fmt::format("indexed_offset({}, {}, {}, {}, false)", ic, w, r.msb, r.lsb);
    }
    return "";
}

// The flat index of an element selected by constant indices inside its array's ranges.
std::optional<int64_t> Generator::constFlatIndex(const Expr& ae) const {
    const Signal& sg = d_.signals[ae.signal];
    if (ae.operands.size() != sg.unpacked.size()) return std::nullopt;
    uint64_t stride = sg.elementCount();
    int64_t flat = 0;
    for (size_t i = 0; i < sg.unpacked.size(); ++i) {
        auto ci = constIndex(*ae.operands[i]);
        if (!ci || *ci < 0) return std::nullopt;
        int64_t v = *ci;
        const Range& r = sg.unpacked[i];
        if (!r.contains(v)) return std::nullopt;
        stride /= r.width();
        flat += r.offsetOf(v) * static_cast<int64_t>(stride);
    }
    return flat;
}

std::string Generator::flatIndex(const Expr& ae) {
    const Signal& sg = d_.signals[ae.signal];
    std::string s = "flat_index(";
    uint64_t stride = sg.elementCount();
    for (size_t i = 0; i < sg.unpacked.size() && i < ae.operands.size(); ++i) {
        const Range& r = sg.unpacked[i];
        stride /= r.width();
        if (i) s += ", ";
        s += fmt::format("dim_offset({}, {}, {}), {}, {}ull", expr(*ae.operands[i]), r.msb, r.lsb,
                         r.width(), stride);
    }
    return s + ")";
}

std::string Generator::exprNode(const Expr& e, Type& nat) {
    nat = e.type;
    switch (e.kind) {
    case ExprKind::Const: {
        const rt::Value& v = e.value;
        Type t = Type::integral(v.width(), v.is_signed());
        nat = t;
        uint32_t nw = rt::k::nwords(v.width());
        bool xz = v.has_xz();
        std::string words;
        for (uint32_t i = 0; i < nw; ++i)
            words += fmt::format("{}0x{:x}ull", i ? ", " : "", v.aval()[i]);
        if (!xz && nw == 1) return fmt::format("{}({})", cppType(t), words);
        for (uint32_t i = 0; i < nw; ++i) words += fmt::format(", 0x{:x}ull", v.bval()[i]);
        return fmt::format("lit<{}>({})", cppType(t), words);
    }
    case ExprKind::RealConst:
        nat = Type::real();
        return realLiteral(e.real);
    case ExprKind::Signal: {
        SignalId s = rep(e.signal);
        nat = storageType(s);
        if (d_.signals[s].isArray()) {
            unsupported(e.loc, "a whole array used as a value");
            return "0";
        }
        if (auto l = cppLocal_.find(s); l != cppLocal_.end()) {
            if (flat_) localEscaped_ = true; // flat functions read the state only
            return l->second;
        }
        if (knownReads_.count(s)) return fmt::format("get_s{}(s).known()", s);
        return fmt::format("get_s{}(s)", s);
    }
    case ExprKind::ArrayElement: {
        SignalId s = rep(e.signal);
        nat = storageType(s);
        return fmt::format("get_s{}_elem(s, {})", s, flatIndex(e));
    }
    case ExprKind::Select: {
        const Expr& obj = *e.operands[0];
        Type ot;
        std::string oc = exprNatural(obj, ot);
        if (ot.isReal) {
            unsupported(e.loc, "a select of a real");
            return "0";
        }
        std::string base;
        std::string off = indexOffset(e, base);
        uint32_t w = e.select == SelectKind::Bit ? 1 : e.type.width;
        if (e.select == SelectKind::Part) w = static_cast<uint32_t>(std::llabs(e.msb - e.lsb) + 1);
        nat = Type::integral(w, false);
        if (!off.empty()) return fmt::format("select_part<{}>({}, {})", w, oc, off);
        return fmt::format("select_part<{}>({}, {})", w, oc, base);
    }
    case ExprKind::Unary: {
        const Expr& a = *e.operands[0];
        if (a.type.isReal || e.type.isReal) {
            std::string ac = exprAs(a, Type::real());
            switch (e.op) {
            case Op::Plus:
                return ac;
            case Op::Neg:
                return "(-" + ac + ")";
            case Op::LogNot:
                nat = Type::integral(1, false);
                return asVec(fmt::format("bool_logic({} == 0.0)", ac), nat);
            default:
                unsupported(e.loc, fmt::format("operator {} on a real", opName(e.op)));
                return "0";
            }
        }
        switch (e.op) {
        case Op::Plus:
        case Op::Neg:
        case Op::BitNot: {
            std::string ac = exprAs(a, e.type);
            const char* o = e.op == Op::Plus ? "+" : e.op == Op::Neg ? "-" : "~";
            return fmt::format("({}{})", o, ac);
        }
        default:
            break;
        }
        std::string ac = expr(a);
        nat = Type::integral(1, false);
        switch (e.op) {
        case Op::LogNot:
            return fmt::format("(!{})", ac);
        case Op::RedAnd:
            return fmt::format("reduce_and({})", ac);
        case Op::RedNand:
            return fmt::format("reduce_nand({})", ac);
        case Op::RedOr:
            return fmt::format("reduce_or({})", ac);
        case Op::RedNor:
            return fmt::format("reduce_nor({})", ac);
        case Op::RedXor:
            return fmt::format("reduce_xor({})", ac);
        case Op::RedXnor:
            return fmt::format("reduce_xnor({})", ac);
        default:
            unsupported(e.loc, fmt::format("unary operator {}", opName(e.op)));
            return "0";
        }
    }
    case ExprKind::Binary: {
        const Expr& a = *e.operands[0];
        const Expr& b = *e.operands[1];
        Op op = e.op;
        bool cmp = op == Op::Eq || op == Op::Ne || op == Op::CaseEq || op == Op::CaseNe ||
                   op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge;
        if (op == Op::LogAnd || op == Op::LogOr) {
            auto truth = [&](const Expr& x) {
                return x.type.isReal ? realTruth(expr(x)) : expr(x);
            };
            nat = Type::integral(1, false);
            return fmt::format("({} {} {})", truth(a), op == Op::LogAnd ? "&&" : "||", truth(b));
        }
        if (cmp) {
            nat = Type::integral(1, false);
            if (a.type.isReal || b.type.isReal) {
                const char* o = op == Op::Eq || op == Op::CaseEq   ? "=="
                                : op == Op::Ne || op == Op::CaseNe ? "!="
                                : op == Op::Lt                     ? "<"
                                : op == Op::Le                     ? "<="
                                : op == Op::Gt                     ? ">"
                                                                   : ">=";
                return asVec(fmt::format("bool_logic({} {} {})", exprAs(a, Type::real()), o,
                                         exprAs(b, Type::real())),
                             nat);
            }
            Type ct = a.type;
            if (b.type.width > ct.width) ct.width = b.type.width;
            ct.isSigned = a.type.isSigned && b.type.isSigned;
            std::string ac = exprAs(a, ct), bc = exprAs(b, ct);
            switch (op) {
            case Op::CaseEq:
                return fmt::format("case_eq({}, {})", ac, bc);
            case Op::CaseNe:
                return fmt::format("case_ne({}, {})", ac, bc);
            default:
                return fmt::format("({} {} {})", ac, opName(op), bc);
            }
        }
        if (op == Op::Shl || op == Op::Shr || op == Op::AShl || op == Op::AShr || op == Op::Pow) {
            if (e.type.isReal) {
                if (op != Op::Pow) {
                    unsupported(e.loc, "a shift of a real");
                    return "0";
                }
                return fmt::format("realfn::pow({}, {})", exprAs(a, Type::real()),
                                   exprAs(b, Type::real()));
            }
            std::string ac = exprAs(a, e.type), bc = expr(b);
            if (b.type.isReal) {
                unsupported(e.loc, "a real exponent or shift amount");
                return "0";
            }
            switch (op) {
            case Op::Shl:
                return fmt::format("({} << {})", ac, bc);
            case Op::Shr:
                return fmt::format("({} >> {})", ac, bc);
            case Op::AShl:
                return fmt::format("ashl({}, {})", ac, bc);
            case Op::AShr:
                return fmt::format("ashr({}, {})", ac, bc);
            default:
                return fmt::format("power({}, {})", ac, bc);
            }
        }
        if (e.type.isReal) {
            const char* o = op == Op::Add   ? "+"
                            : op == Op::Sub ? "-"
                            : op == Op::Mul ? "*"
                            : op == Op::Div ? "/"
                                            : nullptr;
            if (!o) {
                unsupported(e.loc, fmt::format("operator {} on reals", opName(op)));
                return "0";
            }
            return fmt::format("({} {} {})", exprAs(a, Type::real()), o, exprAs(b, Type::real()));
        }
        std::string ac = exprAs(a, e.type), bc = exprAs(b, e.type);
        switch (op) {
        case Op::BitXnor:
            return fmt::format("bit_xnor({}, {})", ac, bc);
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Div:
        case Op::Mod:
        case Op::BitAnd:
        case Op::BitOr:
        case Op::BitXor:
            return fmt::format("({} {} {})", ac, opName(op), bc);
        default:
            unsupported(e.loc, fmt::format("binary operator {}", opName(op)));
            return "0";
        }
    }
    case ExprKind::Conditional: {
        const Expr& c = *e.operands[0];
        std::string cc = c.type.isReal ? realTruth(expr(c)) : expr(c);
        if (e.type.isReal)
            return fmt::format("({}.is_true() ? {} : {})", cc, exprAs(*e.operands[1], e.type),
                               exprAs(*e.operands[2], e.type));
        if (hasCall(*e.operands[1]) || hasCall(*e.operands[2])) {
            // Only the selected operand runs (a recursive function's base case stops there);
            // an x/z condition merges both.
            std::string t = cppType(e.type);
            return fmt::format("[&]() -> {0} {{ auto c = {1}; if (c.is_true()) return {2}; if "
                               "(!c.has_xz()) return {3}; return select(c, {2}, {3}); }}()",
                               t, cc, exprAs(*e.operands[1], e.type),
                               exprAs(*e.operands[2], e.type));
        }
        return fmt::format("select({}, {}, {})", cc, exprAs(*e.operands[1], e.type),
                           exprAs(*e.operands[2], e.type));
    }
    case ExprKind::Concat: {
        std::string s = "concat(";
        uint32_t w = 0;
        for (size_t i = 0; i < e.operands.size(); ++i) {
            const Expr& o = *e.operands[i];
            if (o.type.isReal) {
                unsupported(o.loc, "a real in a concatenation");
                return "0";
            }
            Type t = o.type;
            w += t.width;
            s += (i ? ", " : "") + exprAs(o, t);
        }
        nat = Type::integral(w, false);
        return s + ")";
    }
    case ExprKind::Replicate: {
        uint64_t n = e.value.has_xz() ? 0 : e.value.aval()[0];
        if (n == 0) {
            unsupported(e.loc, "a zero replication");
            return "0";
        }
        const Expr& o = *e.operands[0];
        nat = Type::integral(static_cast<uint32_t>(n * o.type.width), false);
        return fmt::format("replicate<{}>({})", n, expr(o));
    }
    case ExprKind::Convert: {
        const Expr& o = *e.operands[0];
        Type ot;
        std::string oc = exprNatural(o, ot);
        if (!ot.isReal && !o.type.isReal && !(ot == o.type))
            oc = fmt::format("{}({})", cppType(o.type), oc), ot = o.type;
        return convert(oc, ot, e.type);
    }
    case ExprKind::Call: {
        const Routine& r = d_.routines[e.routine];
        if (!r.isFunction) {
            unsupported(e.loc, "a task called as a function");
            return "0";
        }
        std::string s = fmt::format("fn_{}(s", e.routine);
        size_t ai = 0;
        for (const RoutinePort& p : r.ports) {
            if (p.dir != PortDir::Input) {
                unsupported(e.loc, "function ports other than inputs");
                return "0";
            }
            if (ai < e.operands.size()) s += ", " + exprAs(*e.operands[ai], storageType(p.signal));
            ++ai;
        }
        nat = storageType(r.result);
        return s + ")";
    }
    case ExprKind::SystemCall: {
        const std::string& n = e.name;
        if (auto h = hostResults_.find(&e); h != hostResults_.end()) {
            nat = e.type;
            return h->second;
        }
        if (isHostCall(n)) {
            unsupported(e.loc, n + " here (only in statements of processes, not in continuous "
                                   "assignments, wait conditions or event controls)");
            return "0";
        }
        uint64_t scale = timeScale(curScope_);
        if (n == "$time") {
            nat = Type::integral(64, false);
            return fmt::format("{}<64, false>(time_in_units(s.sched.now, {}ull))", vecName(),
                               scale);
        }
        if (n == "$stime") {
            nat = Type::integral(32, false);
            return fmt::format("{}<32, false>(time_in_units(s.sched.now, {}ull))", vecName(),
                               scale);
        }
        if (n == "$realtime") {
            nat = Type::real();
            return fmt::format("(double(s.sched.now) / {}.0)", scale);
        }
        if ((n == "$signed" || n == "$unsigned") && e.operands.size() == 1 && e.operands[0]) {
            const Expr& o = *e.operands[0];
            Type t = o.type;
            t.isSigned = n == "$signed";
            nat = t;
            return fmt::format("{}({})", cppType(t), expr(o));
        }
        if (n == "$random" || n.rfind("$dist_", 0) == 0) return randomCall(e, nat);
        if (n == "$urandom" || n == "$urandom_range" || n == "$sformatf") {
            diags_.error(e.loc, fmt::format("{} is a SystemVerilog (IEEE 1800) function; the "
                                            "simulator implements IEEE 1364-2005",
                                            n));
            failed_ = true;
            return "0";
        }
        if (n == "$itor" && e.operands.size() == 1) {
            nat = Type::real();
            if (e.operands[0]->type.isReal) // converted to an integer first (rt/real.h)
                return fmt::format("itor_of_real({})", expr(*e.operands[0]));
            return fmt::format("to_real({})", expr(*e.operands[0]));
        }
        if (n == "$rtoi" && e.operands.size() == 1) {
            nat = Type::integral(32, true);
            return asVec(fmt::format("rtoi({})", exprAs(*e.operands[0], Type::real())), nat);
        }
        if (n == "$realtobits" && e.operands.size() == 1) {
            nat = Type::integral(64, false);
            return asVec(fmt::format("realtobits({})", exprAs(*e.operands[0], Type::real())), nat);
        }
        if (n == "$bitstoreal" && e.operands.size() == 1) {
            nat = Type::real();
            return fmt::format("bitstoreal({})", expr(*e.operands[0]));
        }
        if (n == "$clog2" && e.operands.size() == 1 && e.operands[0] &&
            !e.operands[0]->type.isReal) {
            nat = Type::integral(32, true);
            return fmt::format("clog2_of({})", expr(*e.operands[0]));
        }
        if (n == "$bits" && e.operands.size() == 1 && e.operands[0]) {
            // Only the argument's width counts (elaboration folds constant uses).
            nat = Type::integral(32, true);
            return fmt::format("{}<32, true>({}ull)", vecName(), e.operands[0]->type.width);
        }
        // The real math functions of 17.11.2 ($ln is the natural logarithm).
        static const char* const realFns[] = {"ln",   "log10", "exp",  "sqrt",  "floor", "ceil",
                                              "sin",  "cos",   "tan",  "asin",  "acos",  "atan",
                                              "sinh", "cosh",  "tanh", "asinh", "acosh", "atanh",
                                              "pow",  "atan2", "hypot"};
        for (const char* f : realFns) {
            if (n.size() < 2 || n.compare(1, std::string::npos, f) != 0) continue;
            size_t args = n == "$pow" || n == "$atan2" || n == "$hypot" ? 2 : 1;
            if (e.operands.size() != args || !e.operands[0] || !e.operands[args - 1]) break;
            std::string call = fmt::format("realfn::{}(", f);
            for (size_t i = 0; i < args; ++i)
                call += (i ? ", " : "") + exprAs(*e.operands[i], Type::real());
            nat = Type::real();
            return call + ")";
        }
        unsupported(e.loc, "the system function " + n);
        return "0";
    }
    case ExprKind::Scope:
        unsupported(e.loc, "a scope name as a value");
        return "0";
    }
    return "0";
}

} // namespace metalfpga::codegen::detail
