#include "codegen/codegen.h"

#include "codegen/generator.h"

namespace metalfpga::codegen {

std::optional<Model> generate(const ir::Design& design, const frontend::SourceManager& sm,
                              frontend::Diagnostics& diags, const Options& options) {
    detail::Generator g(design, sm, diags, options);
    return g.run();
}

} // namespace metalfpga::codegen
