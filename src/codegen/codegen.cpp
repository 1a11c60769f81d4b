#include "codegen/codegen.h"

#include "codegen/generator.h"
#include "plan/model_plan.h"

namespace metalfpga::codegen {

std::optional<Model> generate(const ir::Design& design, const frontend::SourceManager& sm,
                              frontend::Diagnostics& diags, const Options& options) {
    plan::PlanOptions po;
    po.twoState = options.twoState;
    po.staticSchedule = options.staticComb;
    po.knownCopies = options.knownCopies;
    const plan::ModelPlan modelPlan = plan::buildPlan(design, po);
    detail::Generator g(design, modelPlan, sm, diags, options);
    return g.run();
}

} // namespace metalfpga::codegen
