#include "plan/walk.h"

#include "plan/model_plan.h"

#include <vector>

namespace metalfpga::plan {

using namespace ir;

namespace {

// Pushes the statements nested directly in `st`.
void pushChildren(const Stmt& st, std::vector<const Stmt*>& todo) {
    for (const auto& c : st.stmts)
        if (c) todo.push_back(c.get());
    for (const Stmt* c : {st.body.get(), st.elseBody.get(), st.init.get(), st.step.get()})
        if (c) todo.push_back(c);
    for (const CaseItem& ci : st.items)
        if (ci.body) todo.push_back(ci.body.get());
}

} // namespace

void forEachStatement(const Design& d, const std::function<void(const Stmt&)>& f) {
    std::vector<const Stmt*> todo; // explicit stack: statement trees can be deep
    for (const Process& p : d.processes)
        if (p.body) todo.push_back(p.body.get());
    for (const Routine& r : d.routines)
        if (r.body) todo.push_back(r.body.get());
    while (!todo.empty()) {
        const Stmt* st = todo.back();
        todo.pop_back();
        f(*st);
        pushChildren(*st, todo);
    }
}

bool anyStatement(const Stmt* root, const std::function<bool(const Stmt&)>& pred) {
    std::vector<const Stmt*> todo;
    if (root) todo.push_back(root);
    while (!todo.empty()) {
        const Stmt* st = todo.back();
        todo.pop_back();
        if (pred(*st)) return true;
        pushChildren(*st, todo);
    }
    return false;
}

bool anyExpression(const Expr* e, const std::function<bool(const Expr&)>& pred) {
    std::vector<const Expr*> todo; // explicit stack: expression trees can be deep
    if (e) todo.push_back(e);
    while (!todo.empty()) {
        const Expr* x = todo.back();
        todo.pop_back();
        if (pred(*x)) return true;
        for (const auto& o : x->operands)
            if (o) todo.push_back(o.get());
    }
    return false;
}

void forEachExpressionOf(const Stmt& st, const std::function<void(const Expr*)>& f) {
    for (const Expr* e : {st.lhs.get(), st.rhs.get(), st.cond.get()})
        if (e) f(e);
    for (const auto& a : st.args)
        if (a) f(a.get());
    for (const CaseItem& ci : st.items)
        for (const auto& e : ci.exprs)
            if (e) f(e.get());
    if (const Timing* t = st.timing.get()) {
        for (const auto& x : t->delay.values)
            if (x) f(x.get());
        for (const auto& ev : t->events)
            if (ev.expr) f(ev.expr.get());
        if (t->repeatCount) f(t->repeatCount.get());
    }
}

void forEachSignal(const Expr* e, const std::function<void(SignalId)>& f) {
    anyExpression(e, [&](const Expr& x) {
        if (x.kind == ExprKind::Signal || x.kind == ExprKind::ArrayElement) f(x.signal);
        return false;
    });
}

bool impureSystemCall(const Expr& e) {
    return e.kind == ExprKind::SystemCall && !pureSystemFunction(e.name);
}

bool declaredWithin(const Design& d, SignalId s, ScopeId scope) {
    for (ScopeId sc = d.signals[s].scope; sc != kNone; sc = d.scopes[sc].parent)
        if (sc == scope) return true;
    return false;
}

bool callsAnything(const Expr* e) {
    return anyExpression(
        e, [](const Expr& x) { return x.kind == ExprKind::Call || impureSystemCall(x); });
}

namespace {

bool pureRoutine(const Design& d, RoutineId r, std::set<RoutineId>& visiting);

bool callsImpureIn(const Design& d, const Stmt* body, std::set<RoutineId>& visiting) {
    return anyStatement(body, [&](const Stmt& s) {
        if (s.kind == StmtKind::SystemTaskCall) return true;
        if (s.kind == StmtKind::TaskCall && !pureRoutine(d, s.routine, visiting)) return true;
        bool impure = false;
        forEachExpressionOf(s, [&](const Expr* e) {
            impure = impure || anyExpression(e, [&](const Expr& x) {
                         if (impureSystemCall(x)) return true;
                         return x.kind == ExprKind::Call && !pureRoutine(d, x.routine, visiting);
                     });
        });
        return impure;
    });
}

// Statements that suspend a task or reach other processes.
bool suspendsOrSignals(const Stmt* body) {
    return anyStatement(body, [](const Stmt& s) {
        switch (s.kind) {
        case StmtKind::Timed:
        case StmtKind::Wait:
        case StmtKind::EventTrigger:
        case StmtKind::Disable:
        case StmtKind::ProcContinuous:
            return true;
        case StmtKind::Block:
            return s.fork;
        case StmtKind::Assign:
            return s.timing != nullptr;
        default:
            return false;
        }
    });
}

bool pureRoutine(const Design& d, RoutineId r, std::set<RoutineId>& visiting) {
    if (r >= d.routines.size()) return false;
    const Routine& rt = d.routines[r];
    if (!rt.isFunction && suspendsOrSignals(rt.body.get())) return false;
    if (!visiting.insert(r).second) return false; // recursive
    bool pure = !callsImpureIn(d, rt.body.get(), visiting);
    if (pure) { // what it writes, through the routines and tasks' outputs it calls too
        std::set<SignalId> reads, writes;
        statementAccesses(d, rt.body.get(), reads, writes);
        for (SignalId w : writes) pure = pure && declaredWithin(d, w, rt.scope);
    }
    visiting.erase(r);
    return pure;
}

} // namespace

bool pureRoutine(const Design& d, RoutineId r) {
    std::set<RoutineId> visiting;
    return pureRoutine(d, r, visiting);
}

bool callsImpure(const Design& d, const Stmt* body) {
    std::set<RoutineId> visiting;
    return callsImpureIn(d, body, visiting);
}

void walkTarget(const Expr* t, const std::function<void(const Expr& base)>& base,
                const std::function<void(const Expr* index)>& index) {
    std::vector<const Expr*> todo{t};
    while (!todo.empty()) {
        const Expr* e = todo.back();
        todo.pop_back();
        if (!e) continue;
        if (e->kind == ExprKind::Concat) {
            for (const auto& o : e->operands) todo.push_back(o.get());
        } else if (e->kind == ExprKind::Select) {
            todo.push_back(e->operands[0].get());
            for (size_t i = 1; i < e->operands.size(); ++i) index(e->operands[i].get());
        } else if (e->kind == ExprKind::Signal || e->kind == ExprKind::ArrayElement) {
            base(*e);
            for (const auto& o : e->operands) index(o.get());
        } else {
            index(e); // not a target: only read
        }
    }
}

const Expr* selectBase(const Expr* e) {
    while (e && e->kind == ExprKind::Select) e = e->operands[0].get();
    return e;
}

std::set<SignalId> assignedFirst(const Stmt* body, const std::function<SignalId(SignalId)>& rep) {
    std::set<SignalId> first, touched;
    auto touch = [&](const Expr* e) {
        forEachSignal(e, [&](SignalId x) { touched.insert(rep(x)); });
    };
    std::vector<const Stmt*> seq;
    if (body && body->kind == StmtKind::Block && !body->fork)
        for (const auto& c : body->stmts) seq.push_back(c.get());
    else if (body)
        seq.push_back(body);
    for (const Stmt* st : seq) {
        if (st->kind == StmtKind::Assign && !st->nonBlocking && !st->timing &&
            st->lhs->kind == ExprKind::Signal) {
            touch(st->rhs.get());
            SignalId t = rep(st->lhs->signal);
            if (!touched.count(t)) first.insert(t);
            touched.insert(t);
            continue;
        }
        anyStatement(st, [&](const Stmt& x) {
            forEachExpressionOf(x, touch);
            return false;
        });
    }
    return first;
}

} // namespace metalfpga::plan
