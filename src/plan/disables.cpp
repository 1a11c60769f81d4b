// Transformations: none. Records the scopes (named blocks and tasks) that some `disable`
// statement names, in any process or routine (ModelPlan::disabledScopes): code generation
// tracks where a process is inside those, so that a disable from outside can end it there.
#include "plan/model_plan.h"
#include "plan/walk.h"

namespace metalfpga::plan {

using namespace ir;

void findDisabledScopes(const Design& d, ModelPlan& plan) {
    plan.disabledScopes.clear();
    forEachStatement(d, [&](const Stmt& st) {
        if (st.kind == StmtKind::Disable) plan.disabledScopes.insert(st.scope);
    });
}

} // namespace metalfpga::plan
