// Procedural statements and timing controls: syntax -> IR statements.

#include "elab/elaborator.h"

#include <algorithm>
#include <set>
#include <vector>

namespace metalfpga::elab {

using ir::Stmt;
using ir::StmtKind;
using ir::StmtPtr;

namespace {

// The first automatic variable an expression reads, or kNone.
SignalId automaticSignal(const ir::Design& d, const ir::Expr& e) {
    if ((e.kind == ir::ExprKind::Signal || e.kind == ir::ExprKind::ArrayElement) &&
        e.signal != kNone && d.signals[e.signal].automatic)
        return e.signal;
    for (const auto& o : e.operands)
        if (o)
            if (SignalId a = automaticSignal(d, *o); a != kNone) return a;
    return kNone;
}

StmtPtr make(StmtKind k, SourceLoc loc) {
    return std::make_unique<Stmt>(k, loc);
}

// What a statement reads, for @* (1364-2005 clause 9.7.5): signals, and memory words. A word
// read `mem[i]` is waited on as that expression (it changes when the word or an index changes),
// not as the whole array.
struct Reads {
    std::set<SignalId> signals;
    std::vector<const ir::Expr*> words;
};

void readsOf(const ir::Expr* e, Reads& out, bool lvalue = false) {
    if (!e) return;
    switch (e->kind) {
    case ir::ExprKind::Signal:
        if (!lvalue) out.signals.insert(e->signal);
        return;
    case ir::ExprKind::ArrayElement:
        if (!lvalue) out.words.push_back(e);
        for (const auto& o : e->operands) readsOf(o.get(), out);
        return;
    case ir::ExprKind::Select:
        readsOf(e->operands[0].get(), out, lvalue);
        for (size_t i = 1; i < e->operands.size(); ++i) readsOf(e->operands[i].get(), out);
        return;
    case ir::ExprKind::Concat:
        for (const auto& o : e->operands) readsOf(o.get(), out, lvalue);
        return;
    default:
        for (const auto& o : e->operands) readsOf(o.get(), out);
        return;
    }
}

void readsOf(const Stmt* s, Reads& out) {
    if (!s) return;
    readsOf(s->lhs.get(), out, s->kind == StmtKind::Assign || s->kind == StmtKind::ProcContinuous);
    readsOf(s->rhs.get(), out);
    readsOf(s->cond.get(), out);
    for (const auto& a : s->args) readsOf(a.get(), out);
    for (const auto& c : s->stmts) readsOf(c.get(), out);
    readsOf(s->body.get(), out);
    readsOf(s->elseBody.get(), out);
    readsOf(s->init.get(), out);
    readsOf(s->step.get(), out);
    for (const auto& it : s->items) {
        for (const auto& e : it.exprs) readsOf(e.get(), out);
        readsOf(it.body.get(), out);
    }
}

// The index of a for loop whose initialisation assigns a whole variable, else kNone.
SignalId loopIndex(const Stmt& s) {
    if (s.kind != StmtKind::For || !s.init || s.init->kind != StmtKind::Assign || !s.init->lhs ||
        s.init->lhs->kind != ir::ExprKind::Signal)
        return kNone;
    return s.init->lhs->signal;
}

// Every signal a statement reads or writes, except a for loop's own index within that loop;
// `indices` collects the loops' indices.
void refsOf(const ir::Expr* e, std::set<SignalId>& out, const std::vector<SignalId>& inLoop) {
    if (!e) return;
    if ((e->kind == ir::ExprKind::Signal || e->kind == ir::ExprKind::ArrayElement) &&
        std::find(inLoop.begin(), inLoop.end(), e->signal) == inLoop.end())
        out.insert(e->signal);
    for (const auto& o : e->operands) refsOf(o.get(), out, inLoop);
}
void refsOf(const Stmt* s, std::set<SignalId>& out, std::set<SignalId>& indices,
            std::vector<SignalId>& inLoop) {
    if (!s) return;
    SignalId index = loopIndex(*s);
    if (index != kNone) {
        indices.insert(index);
        inLoop.push_back(index);
    }
    for (const ir::Expr* e : {s->lhs.get(), s->rhs.get(), s->cond.get()}) refsOf(e, out, inLoop);
    for (const auto& a : s->args) refsOf(a.get(), out, inLoop);
    for (const auto& c : s->stmts) refsOf(c.get(), out, indices, inLoop);
    for (const Stmt* c : {s->body.get(), s->elseBody.get(), s->init.get(), s->step.get()})
        refsOf(c, out, indices, inLoop);
    for (const auto& it : s->items) {
        for (const auto& e : it.exprs) refsOf(e.get(), out, inLoop);
        refsOf(it.body.get(), out, indices, inLoop);
    }
    if (index != kNone) inLoop.pop_back();
}

// @* leaves out the index of a for loop used only by its loops, so that blocks sharing one loop
// variable do not wake each other forever (Icarus's default, -gshared-loop-index; 9.7.5 would
// include it).
void dropLoopIndices(const Stmt* body, Reads& reads) {
    std::set<SignalId> outside, indices;
    std::vector<SignalId> inLoop;
    refsOf(body, outside, indices, inLoop);
    for (SignalId i : indices)
        if (!outside.count(i)) reads.signals.erase(i);
}

} // namespace

ir::Delay Elaborator::buildDelay(const ast::Delay& d, ScopeId s) {
    ir::Delay out;
    out.loc = d.loc;
    ExprContext ctx;
    ctx.scope = s;
    for (const auto& v : d.values) {
        if (!v) continue;
        ir::ExprPtr e = selfDetermined(*v, ctx);
        if (e && e->type.isReal) e = roundToPrecision(std::move(e), s);
        if (e) out.values.push_back(std::move(e));
    }
    return out;
}

// A real delay is rounded to the time precision of its module (1364-2005 clause 19.8) before the
// model scales it to simulation ticks: d -> real(int64(d * K)) / K with K = 10^(unit - precision);
// the real -> integer conversion rounds to the nearest, ties away from zero.
ir::ExprPtr Elaborator::roundToPrecision(ir::ExprPtr e, ScopeId s) {
    ScopeId m = s;
    while (m != kNone && scope(m).kind != ir::ScopeKind::Module) m = scope(m).parent;
    int digits = 0;
    if (m != kNone && scope(m).timescale.specified)
        digits = scope(m).timescale.unit - scope(m).timescale.precision;
    double k = 1;
    for (int i = 0; i < digits; ++i) k *= 10;
    SourceLoc loc = e->loc;
    auto constant = [&] {
        auto c = std::make_unique<ir::Expr>(ir::ExprKind::RealConst, loc);
        c->real = k;
        c->type = c->self = ir::Type::real();
        return c;
    };
    auto binary = [&](ir::Op op, ir::ExprPtr a, ir::ExprPtr b) {
        auto x = std::make_unique<ir::Expr>(ir::ExprKind::Binary, loc);
        x->op = op;
        x->type = x->self = ir::Type::real();
        x->operands.push_back(std::move(a));
        x->operands.push_back(std::move(b));
        return x;
    };
    ir::ExprPtr steps =
        convertTo(binary(ir::Op::Mul, std::move(e), constant()), ir::Type::integral(64, true));
    return binary(ir::Op::Div, convertTo(std::move(steps), ir::Type::real()), constant());
}

ir::TimingPtr Elaborator::buildTiming(const ast::TimingControl& t, ScopeId s) {
    auto out = std::make_unique<ir::Timing>();
    out->loc = t.loc;
    ExprContext ctx;
    ctx.scope = s;
    ctx.allowEvents = true;
    switch (t.kind) {
    case ast::TimingControl::Kind::Delay:
        out->kind = ir::Timing::Kind::Delay;
        out->delay = buildDelay(t.delay, s);
        return out;
    case ast::TimingControl::Kind::EventStar:
        out->kind = ir::Timing::Kind::Star;
        return out;
    case ast::TimingControl::Kind::Repeat:
    case ast::TimingControl::Kind::Event:
        out->kind = t.kind == ast::TimingControl::Kind::Repeat ? ir::Timing::Kind::Repeat
                                                               : ir::Timing::Kind::Event;
        if (t.repeatCount) {
            ExprContext rc;
            rc.scope = s;
            out->repeatCount = selfDetermined(*t.repeatCount, rc);
            if (!out->repeatCount) return nullptr;
        }
        for (const ast::EventExpr& ev : t.events) {
            ir::EventItem item;
            item.edge = ev.edge == TokenKind::KwPosedge   ? ir::Edge::Posedge
                        : ev.edge == TokenKind::KwNegedge ? ir::Edge::Negedge
                                                          : ir::Edge::Any;
            item.expr = selfDetermined(*ev.expr, ctx);
            if (!item.expr) return nullptr;
            if (item.expr->type.isReal && item.edge != ir::Edge::Any) {
                diags_.error(ev.loc, "an edge of a real value cannot be detected");
                return nullptr;
            }
            out->events.push_back(std::move(item));
        }
        return out;
    }
    return out;
}

ScopeId Elaborator::blockScope(const ast::BlockStmt& b, ScopeId s) {
    auto [it, inserted] = blockScopes_.emplace(std::pair{&b, s}, kNone);
    if (!inserted) return it->second;
    ir::Scope sc;
    sc.kind = ir::ScopeKind::NamedBlock;
    sc.name = text(b.name);
    sc.path = scope(s).path + "." + sc.name;
    sc.parent = s;
    sc.loc = b.name.loc;
    ScopeId inner = newScope(std::move(sc), s);
    it->second = inner;
    addSymbol(s, b.name.text, Symbol{Symbol::Kind::Scope, inner}, b.name.loc);
    for (const auto& d : b.decls) {
        if (auto* pd = d->asPtr<ast::ParamDecl>())
            declareParams(*pd, inner, false);
        else
            declareItem(*d, inner);
    }
    return inner;
}

void Elaborator::declareBlocks(const ast::Stmt& st, ScopeId s) {
    switch (st.kind) {
    case ast::StmtKind::Block: {
        const auto& b = st.as<ast::BlockStmt>();
        ScopeId inner = b.name.empty() ? s : blockScope(b, s);
        for (const auto& c : b.stmts)
            if (c) declareBlocks(*c, inner);
        return;
    }
    case ast::StmtKind::If: {
        const auto& i = st.as<ast::IfStmt>();
        if (i.thenStmt) declareBlocks(*i.thenStmt, s);
        if (i.elseStmt) declareBlocks(*i.elseStmt, s);
        return;
    }
    case ast::StmtKind::Case:
        for (const ast::CaseItem& it : st.as<ast::CaseStmt>().items)
            if (it.stmt) declareBlocks(*it.stmt, s);
        return;
    case ast::StmtKind::For:
        if (const auto& f = st.as<ast::ForStmt>(); f.body) declareBlocks(*f.body, s);
        return;
    case ast::StmtKind::While:
    case ast::StmtKind::Repeat:
    case ast::StmtKind::Wait:
    case ast::StmtKind::Forever:
        if (const auto& l = static_cast<const ast::LoopStmt&>(st); l.body)
            declareBlocks(*l.body, s);
        return;
    case ast::StmtKind::Timed:
        if (const auto& t = st.as<ast::TimedStmt>(); t.stmt) declareBlocks(*t.stmt, s);
        return;
    default:
        return;
    }
}

StmtPtr Elaborator::buildStmt(const ast::Stmt& st, ScopeId s) {
    ExprContext ctx;
    ctx.scope = s;
    switch (st.kind) {
    case ast::StmtKind::Null:
        return make(StmtKind::Null, st.loc);
    case ast::StmtKind::Block: {
        const auto& b = st.as<ast::BlockStmt>();
        auto out = make(StmtKind::Block, st.loc);
        out->fork = b.fork;
        ScopeId inner = s;
        if (!b.name.empty()) {
            inner = blockScope(b, s);
            out->scope = inner;
        } else if (!b.decls.empty()) {
            diags_.error(st.loc, "declarations are only allowed in a named block");
            return nullptr;
        }
        for (const auto& c : b.stmts) {
            StmtPtr x = buildStmt(*c, inner);
            if (x) out->stmts.push_back(std::move(x));
        }
        return out;
    }
    case ast::StmtKind::Assign: {
        const auto& a = st.as<ast::AssignStmt>();
        auto out = make(StmtKind::Assign, st.loc);
        out->nonBlocking = a.nonBlocking;
        out->lhs = buildLvalue(*a.lhs, s, LvalueUse::Procedural);
        if (!out->lhs) return nullptr;
        if (a.nonBlocking) {
            const ir::Expr* t = out->lhs.get();
            while (t->kind == ir::ExprKind::Select) t = t->operands[0].get();
            if (t->signal != kNone && design_->signals[t->signal].automatic) {
                diags_.error(a.lhs->loc,
                             "automatic variable '{}' cannot be assigned with a non-blocking "
                             "assignment",
                             design_->signals[t->signal].name);
                return nullptr;
            }
        }
        out->rhs = assignedExpr(*a.rhs, out->lhs->type, ctx);
        if (!out->rhs) return nullptr;
        if (a.timing) {
            out->timing = buildTiming(*a.timing, s);
            if (!out->timing) return nullptr;
        }
        return out;
    }
    case ast::StmtKind::ProcContinuous: {
        const auto& p = st.as<ast::ProcContinuousStmt>();
        auto out = make(StmtKind::ProcContinuous, st.loc);
        bool force = p.keyword == TokenKind::KwForce || p.keyword == TokenKind::KwRelease;
        out->keyword = p.keyword == TokenKind::KwAssign     ? ir::ProcKeyword::Assign
                       : p.keyword == TokenKind::KwDeassign ? ir::ProcKeyword::Deassign
                       : p.keyword == TokenKind::KwForce    ? ir::ProcKeyword::Force
                                                            : ir::ProcKeyword::Release;
        out->lhs = buildLvalue(*p.lhs, s, force ? LvalueUse::Force : LvalueUse::ProcAssign);
        if (!out->lhs) return nullptr;
        if (p.rhs) {
            out->rhs = assignedExpr(*p.rhs, out->lhs->type, ctx);
            if (!out->rhs) return nullptr;
            // 10.2.1: automatic variables cannot be used in procedural continuous assignments
            // (the assignment outlives the routine's activation).
            if (SignalId a = automaticSignal(*design_, *out->rhs); a != kNone) {
                diags_.error(p.rhs->loc,
                             "automatic variable '{}' cannot be used in a procedural continuous "
                             "assignment",
                             design_->signals[a].name);
                return nullptr;
            }
        }
        return out;
    }
    case ast::StmtKind::If: {
        const auto& i = st.as<ast::IfStmt>();
        auto out = make(StmtKind::If, st.loc);
        out->cond = selfDetermined(*i.cond, ctx);
        out->body = buildStmt(*i.thenStmt, s);
        if (i.elseStmt) out->elseBody = buildStmt(*i.elseStmt, s);
        if (!out->cond || !out->body || (i.elseStmt && !out->elseBody)) return nullptr;
        return out;
    }
    case ast::StmtKind::Case: {
        const auto& c = st.as<ast::CaseStmt>();
        auto out = make(StmtKind::Case, st.loc);
        out->caseKind = c.keyword == TokenKind::KwCasex   ? ir::CaseKind::Casex
                        : c.keyword == TokenKind::KwCasez ? ir::CaseKind::Casez
                                                          : ir::CaseKind::Case;
        // The case expression and every item expression share one type (clause 9.5).
        ir::ExprPtr sel = buildExpr(*c.expr, ctx);
        if (!sel) return nullptr;
        ir::Type t = sel->self;
        bool ok = true;
        int defaults = 0;
        for (const ast::CaseItem& it : c.items) {
            ir::CaseItem item;
            item.loc = it.loc;
            if (it.exprs.empty() && ++defaults > 1) {
                diags_.error(it.loc, "a case statement can have only one default");
                ok = false;
            }
            for (const auto& e : it.exprs) {
                ir::ExprPtr x = buildExpr(*e, ctx);
                if (!x) {
                    ok = false;
                    continue;
                }
                if (t.isReal || x->self.isReal)
                    t = ir::Type::real();
                else
                    t = ir::Type::integral(std::max(t.width, x->self.width),
                                           t.isSigned && x->self.isSigned);
                item.exprs.push_back(std::move(x));
            }
            item.body = it.stmt ? buildStmt(*it.stmt, s) : make(StmtKind::Null, it.loc);
            if (!item.body) ok = false;
            out->items.push_back(std::move(item));
        }
        if (!ok) return nullptr;
        applyContext(sel, t);
        for (ir::CaseItem& it : out->items)
            for (auto& x : it.exprs) applyContext(x, t);
        out->cond = std::move(sel);
        return out;
    }
    case ast::StmtKind::For: {
        const auto& f = st.as<ast::ForStmt>();
        auto out = make(StmtKind::For, st.loc);
        out->init = f.init ? buildStmt(*f.init, s) : make(StmtKind::Null, st.loc);
        out->cond = f.cond ? selfDetermined(*f.cond, ctx) : nullptr;
        out->step = f.step ? buildStmt(*f.step, s) : make(StmtKind::Null, st.loc);
        out->body = buildStmt(*f.body, s);
        if (!out->init || !out->cond || !out->step || !out->body) return nullptr;
        return out;
    }
    case ast::StmtKind::While:
    case ast::StmtKind::Repeat:
    case ast::StmtKind::Wait:
    case ast::StmtKind::Forever: {
        const auto& l = static_cast<const ast::LoopStmt&>(st);
        StmtKind k = st.kind == ast::StmtKind::While    ? StmtKind::While
                     : st.kind == ast::StmtKind::Repeat ? StmtKind::Repeat
                     : st.kind == ast::StmtKind::Wait   ? StmtKind::Wait
                                                        : StmtKind::Forever;
        auto out = make(k, st.loc);
        if (l.cond) {
            out->cond = selfDetermined(*l.cond, ctx);
            if (!out->cond) return nullptr;
        }
        out->body = l.body ? buildStmt(*l.body, s) : make(StmtKind::Null, st.loc);
        if (!out->body) return nullptr;
        return out;
    }
    case ast::StmtKind::EventTrigger: {
        const auto& t = st.as<ast::EventTriggerStmt>();
        ExprContext ec = ctx;
        ec.allowEvents = true;
        auto out = make(StmtKind::EventTrigger, st.loc);
        out->lhs = selfDetermined(*t.target, ec);
        if (!out->lhs) return nullptr;
        if ((out->lhs->kind != ir::ExprKind::Signal &&
             out->lhs->kind != ir::ExprKind::ArrayElement) ||
            design_->signals[out->lhs->signal].kind != ir::SignalKind::Event) {
            diags_.error(t.target->loc, "'->' needs a named event");
            return nullptr;
        }
        return out;
    }
    case ast::StmtKind::Disable: {
        const auto& d = st.as<ast::DisableStmt>();
        Resolved r = lookup(d.name, s);
        if (!r.found) return nullptr;
        auto out = make(StmtKind::Disable, st.loc);
        if (r.sym.kind == Symbol::Kind::Scope && scope(r.sym.id).kind != ir::ScopeKind::Module) {
            out->scope = r.sym.id;
        } else if (r.sym.kind == Symbol::Kind::Routine) {
            ir::RoutineId id = routineId(r.sym.id, st.loc);
            out->scope = design_->routines[id].scope;
        } else {
            diags_.error(d.name.loc(), "cannot disable '{}': it is not a named block or task",
                         d.name.str());
            return nullptr;
        }
        return out;
    }
    case ast::StmtKind::TaskCall: {
        const auto& t = st.as<ast::TaskCallStmt>();
        Resolved r = lookup(t.name, s);
        if (!r.found) return nullptr;
        if (r.sym.kind != Symbol::Kind::Routine) {
            diags_.error(t.name.loc(), "'{}' is not a task", t.name.str());
            return nullptr;
        }
        if (!routineDecls_[r.sym.id].item->is<ast::TaskDecl>()) {
            diags_.error(t.name.loc(), "function '{}' cannot be called as a task", t.name.str());
            return nullptr;
        }
        ir::RoutineId id = routineId(r.sym.id, st.loc);
        const ir::Routine& rt = design_->routines[id];
        if (t.args.size() != rt.ports.size() &&
            !(t.args.size() == 1 && !t.args[0] && rt.ports.empty())) {
            diags_.error(st.loc, "task '{}' takes {} argument{}, {} given", rt.name,
                         rt.ports.size(), rt.ports.size() == 1 ? "" : "s", t.args.size());
            return nullptr;
        }
        auto out = make(StmtKind::TaskCall, st.loc);
        out->routine = id;
        for (size_t i = 0; i < rt.ports.size(); ++i) {
            const ir::RoutinePort& p = design_->routines[id].ports[i];
            if (!t.args[i]) {
                out->args.push_back(nullptr);
                continue;
            }
            ir::ExprPtr a;
            if (p.dir == ir::PortDir::Input)
                a = assignedExpr(*t.args[i], design_->signals[p.signal].type, ctx);
            else
                a = buildLvalue(*t.args[i], s, LvalueUse::FunctionOutput);
            if (!a) return nullptr;
            out->args.push_back(std::move(a));
        }
        return out;
    }
    case ast::StmtKind::SystemTaskCall: {
        const auto& c = *st.as<ast::SystemTaskCallStmt>().call;
        auto out = make(StmtKind::SystemTaskCall, st.loc);
        out->name = std::string(c.name.text);
        ExprContext ac = ctx;
        ac.allowArrays = ac.allowScopes = ac.allowEvents = true;
        for (const auto& a : c.args) {
            if (!a) {
                out->args.push_back(nullptr);
                continue;
            }
            ir::ExprPtr x = selfDetermined(*a, ac);
            if (!x) return nullptr;
            out->args.push_back(std::move(x));
        }
        return out;
    }
    case ast::StmtKind::Timed: {
        const auto& t = st.as<ast::TimedStmt>();
        auto out = make(StmtKind::Timed, st.loc);
        out->timing = buildTiming(*t.timing, s);
        out->body = t.stmt ? buildStmt(*t.stmt, s) : make(StmtKind::Null, st.loc);
        if (!out->timing || !out->body) return nullptr;
        if (out->timing->kind == ir::Timing::Kind::Star) {
            Reads reads;
            readsOf(out->body.get(), reads);
            dropLoopIndices(out->body.get(), reads);
            for (SignalId g : reads.signals) {
                if (design_->signals[g].kind == ir::SignalKind::Event) continue;
                ir::EventItem ev;
                ev.expr = std::make_unique<ir::Expr>(ir::ExprKind::Signal, st.loc);
                ev.expr->signal = g;
                ev.expr->type = ev.expr->self = design_->signals[g].type;
                out->timing->events.push_back(std::move(ev));
            }
            for (const ir::Expr* w : reads.words) {
                ir::EventItem ev;
                ev.expr = w->clone();
                out->timing->events.push_back(std::move(ev));
            }
        }
        return out;
    }
    }
    diags_.error(st.loc, "unsupported statement");
    return nullptr;
}

} // namespace metalfpga::elab
