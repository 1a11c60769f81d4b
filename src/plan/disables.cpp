// Transformations: none. Records the scopes (named blocks and tasks) that some `disable`
// statement names, in any process or routine (ModelPlan::disabledScopes): code generation
// tracks where a process is inside those, so that a disable from outside can end it there.
#include "plan/model_plan.h"

namespace metalfpga::plan {

using namespace ir;

void findDisabledScopes(const Design& d, ModelPlan& plan) {
    plan.disabledScopes.clear();
    std::vector<const Stmt*> todo;
    for (const Process& p : d.processes)
        if (p.body) todo.push_back(p.body.get());
    for (const Routine& r : d.routines)
        if (r.body) todo.push_back(r.body.get());
    while (!todo.empty()) {
        const Stmt* st = todo.back();
        todo.pop_back();
        if (st->kind == StmtKind::Disable) plan.disabledScopes.insert(st->scope);
        for (const auto& c : st->stmts)
            if (c) todo.push_back(c.get());
        for (const Stmt* c : {st->body.get(), st->elseBody.get(), st->init.get(), st->step.get()})
            if (c) todo.push_back(c);
        for (const CaseItem& ci : st->items)
            if (ci.body) todo.push_back(ci.body.get());
    }
}

} // namespace metalfpga::plan
