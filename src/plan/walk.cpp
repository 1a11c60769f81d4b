#include "plan/walk.h"

#include <vector>

namespace metalfpga::plan {

using namespace ir;

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
        for (const auto& c : st->stmts)
            if (c) todo.push_back(c.get());
        for (const Stmt* c : {st->body.get(), st->elseBody.get(), st->init.get(), st->step.get()})
            if (c) todo.push_back(c);
        for (const CaseItem& ci : st->items)
            if (ci.body) todo.push_back(ci.body.get());
    }
}

const Expr* selectBase(const Expr* e) {
    while (e && e->kind == ExprKind::Select) e = e->operands[0].get();
    return e;
}

} // namespace metalfpga::plan
