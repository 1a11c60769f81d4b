#include "plan/model_plan.h"

namespace metalfpga::plan {

const char* processClassName(ProcessClass c) {
    switch (c) {
    case ProcessClass::Combinational:
        return "combinational";
    case ProcessClass::Clocked:
        return "clocked";
    case ProcessClass::Behavioural:
        return "behavioural";
    }
    return "?";
}

ModelPlan buildPlan(const ir::Design& d, const PlanOptions& options) {
    ModelPlan plan;
    plan.processes.resize(d.processes.size());
    collectAccesses(d, plan);
    planAliases(d, plan);
    selectProcesses(d, plan, options);
    findDisabledScopes(d, plan);
    findRecursion(d, plan);
    classifyProcesses(d, plan);
    levelize(d, plan);
    chooseStaticRuns(d, plan, options);
    chooseDirectRuns(d, plan, options);
    chooseKnownReads(d, plan, options);
    return plan;
}

} // namespace metalfpga::plan
