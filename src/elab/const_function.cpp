// Constant functions (1364-2005 clause 10.4.5): a function called in a constant expression is
// run at elaboration by interpreting its IR body, with its own variables in a frame. Recursion
// depth and the number of statements run are limited, with clear errors.

#include "elab/elaborator.h"

namespace metalfpga::elab {

using ir::Expr;
using ir::ExprKind;
using ir::Stmt;
using ir::StmtKind;

namespace {

Const initialValue(const ir::Signal& g) {
    if (g.type.isReal) return Const::ofReal(0);
    return Const::ofValue(rt::Value::all_x(g.type.width, g.type.isSigned));
}

void collectScopes(const ir::Design& d, ScopeId s, std::vector<ScopeId>& out) {
    out.push_back(s);
    for (ScopeId c : d.scopes[s].children) collectScopes(d, c, out);
}

} // namespace

std::optional<Const> Elaborator::callConstFunction(const Expr& call) {
    const ir::Routine& r = design_->routines[call.routine];
    if (!r.body) {
        diags_.error(call.loc,
                     "function '{}' cannot be evaluated here (it calls itself while it is "
                     "being elaborated)",
                     r.name);
        return std::nullopt;
    }
    if (callDepth_ >= opts_.maxCallDepth) {
        diags_.error(call.loc, "constant function '{}' recursion deeper than {} calls", r.name,
                     opts_.maxCallDepth);
        return std::nullopt;
    }
    Frame frame;
    std::vector<ScopeId> scopes;
    collectScopes(*design_, r.scope, scopes);
    for (ScopeId s : scopes)
        for (SignalId g : design_->scopes[s].signals) {
            const ir::Signal& sig = design_->signals[g];
            frame.vars[g].assign(static_cast<size_t>(sig.elementCount()), initialValue(sig));
        }
    size_t argi = 0;
    for (const ir::RoutinePort& p : r.ports) {
        if (p.dir != ir::PortDir::Input) {
            diags_.error(call.loc, "constant function '{}' cannot have output ports", r.name);
            return std::nullopt;
        }
        if (argi >= call.operands.size()) break;
        auto v = evalExpr(*call.operands[argi++]);
        if (!v) return std::nullopt;
        frame.vars[p.signal][0] = convertConst(*v, design_->signals[p.signal].type);
    }
    Frame* saved = frame_;
    frame_ = &frame;
    ++callDepth_;
    ScopeId disabled = kNone;
    Flow f = execConst(*r.body, disabled);
    --callDepth_;
    frame_ = saved;
    if (f == Flow::Error) {
        diags_.note(call.loc, "in the constant function call of '" + r.name + "' here");
        return std::nullopt;
    }
    return frame.vars[r.result][0];
}

bool Elaborator::assignConst(const Expr& lhs, const Const& value) {
    switch (lhs.kind) {
    case ExprKind::Signal:
    case ExprKind::ArrayElement: {
        auto it = frame_->vars.find(lhs.signal);
        const ir::Signal& g = design_->signals[lhs.signal];
        if (it == frame_->vars.end()) {
            diags_.error(lhs.loc, "a constant function cannot assign '{}', which is outside it",
                         g.path);
            return false;
        }
        size_t idx = 0;
        if (lhs.kind == ExprKind::ArrayElement) {
            auto off = arrayOffset(lhs);
            if (!off) return false;
            if (*off < 0 || size_t(*off) >= it->second.size()) return true; // ignored
            idx = size_t(*off);
        }
        it->second[idx] = convertConst(value, g.type);
        return true;
    }
    case ExprKind::Select: {
        const Expr& base = *lhs.operands[0];
        auto cur = evalExpr(base);
        if (!cur) return false;
        std::optional<Const> index;
        if (lhs.operands.size() > 1) {
            index = evalExpr(*lhs.operands[1]);
            if (!index) return false;
        }
        int64_t low = 0;
        const ir::Range& d = lhs.declared;
        if (lhs.select == ir::SelectKind::Part) {
            low = std::min(d.offsetOf(lhs.msb), d.offsetOf(lhs.lsb));
        } else {
            auto i = index->toInt();
            if (!i) return true; // X index: the write is ignored
            if (lhs.select == ir::SelectKind::Bit) {
                low = d.offsetOf(*i);
            } else {
                int64_t w = lhs.type.width;
                int64_t other = lhs.select == ir::SelectKind::IndexedUp ? *i + w - 1 : *i - w + 1;
                low = std::min(d.offsetOf(*i), d.offsetOf(other));
            }
        }
        rt::Value v = cur->v;
        rt::val::insert(v, low, convertConst(value, lhs.type).v);
        return assignConst(base, Const::ofValue(v));
    }
    case ExprKind::Concat: {
        Const c = convertConst(value, lhs.type);
        int64_t top = lhs.type.width;
        for (const auto& part : lhs.operands) {
            top -= part->type.width;
            if (!assignConst(*part, Const::ofValue(rt::val::extract(c.v, top, part->type.width))))
                return false;
        }
        return true;
    }
    default:
        break;
    }
    diags_.error(lhs.loc, "this assignment cannot be evaluated in a constant function");
    return false;
}

Elaborator::Flow Elaborator::execConst(const Stmt& st, ScopeId& disabled) {
    if (++constSteps_ > opts_.maxConstSteps) {
        diags_.error(st.loc,
                     "constant function evaluation ran more than {} statements "
                     "(an endless loop?)",
                     opts_.maxConstSteps);
        return Flow::Error;
    }
    auto truth = [&](const Expr& e) -> std::optional<bool> {
        auto c = evalExpr(e);
        if (!c) return std::nullopt;
        if (c->isReal) return c->r != 0;
        return c->v.truth() == rt::B1;
    };
    switch (st.kind) {
    case StmtKind::Null:
        return Flow::Next;
    case StmtKind::Block:
        if (st.fork) break;
        for (const auto& s : st.stmts) {
            Flow f = execConst(*s, disabled);
            if (f == Flow::Disable && st.scope != kNone && disabled == st.scope) return Flow::Next;
            if (f != Flow::Next) return f;
        }
        return Flow::Next;
    case StmtKind::Assign: {
        if (st.nonBlocking || st.timing) break;
        auto v = evalExpr(*st.rhs);
        if (!v) return Flow::Error;
        return assignConst(*st.lhs, *v) ? Flow::Next : Flow::Error;
    }
    case StmtKind::If: {
        auto t = truth(*st.cond);
        if (!t) return Flow::Error;
        if (*t) return execConst(*st.body, disabled);
        return st.elseBody ? execConst(*st.elseBody, disabled) : Flow::Next;
    }
    case StmtKind::Case: {
        auto v = evalExpr(*st.cond);
        if (!v) return Flow::Error;
        const ir::CaseItem* chosen = nullptr;
        for (const ir::CaseItem& it : st.items) {
            if (it.exprs.empty()) {
                if (!chosen) chosen = &it;
                continue;
            }
            for (const auto& e : it.exprs) {
                auto x = evalExpr(*e);
                if (!x) return Flow::Error;
                bool match;
                if (v->isReal || x->isReal)
                    match = (v->isReal ? v->r : rt::val::to_real(v->v)) ==
                            (x->isReal ? x->r : rt::val::to_real(x->v));
                else if (st.caseKind == ir::CaseKind::Case)
                    match = rt::val::case_eq(v->v, x->v).truth() == rt::B1;
                else
                    match = rt::val::case_wild(v->v, x->v, st.caseKind != ir::CaseKind::Casex);
                if (match) {
                    return it.body ? execConst(*it.body, disabled) : Flow::Next;
                }
            }
        }
        if (chosen && chosen->body) return execConst(*chosen->body, disabled);
        return Flow::Next;
    }
    case StmtKind::For: {
        Flow f = execConst(*st.init, disabled);
        if (f != Flow::Next) return f;
        for (;;) {
            auto t = truth(*st.cond);
            if (!t) return Flow::Error;
            if (!*t) return Flow::Next;
            f = execConst(*st.body, disabled);
            if (f != Flow::Next) return f;
            f = execConst(*st.step, disabled);
            if (f != Flow::Next) return f;
        }
    }
    case StmtKind::While:
        for (;;) {
            auto t = truth(*st.cond);
            if (!t) return Flow::Error;
            if (!*t) return Flow::Next;
            Flow f = execConst(*st.body, disabled);
            if (f != Flow::Next) return f;
        }
    case StmtKind::Repeat: {
        auto n = evalExpr(*st.cond);
        if (!n) return Flow::Error;
        auto count = n->toInt();
        for (int64_t i = 0; count && i < *count; ++i) {
            Flow f = execConst(*st.body, disabled);
            if (f != Flow::Next) return f;
        }
        return Flow::Next;
    }
    case StmtKind::Forever:
        for (;;) {
            Flow f = execConst(*st.body, disabled);
            if (f != Flow::Next) return f;
        }
    case StmtKind::Disable:
        disabled = st.scope;
        return Flow::Disable;
    case StmtKind::SystemTaskCall:
        return Flow::Next; // $display etc. do nothing at elaboration
    default:
        break;
    }
    diags_.error(st.loc, "this statement is not allowed in a constant function");
    return Flow::Error;
}

} // namespace metalfpga::elab
