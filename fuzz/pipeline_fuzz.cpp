// libFuzzer target past the parser: inputs that parse are elaborated, planned and turned into the
// model's C++ source (not compiled), as `metalfpga_cli --emit-cpp` does. Every stage must end
// with diagnostics or a result, never a crash, a hang or a sanitizer report.

#include "codegen/codegen.h"
#include "elab/elaborate.h"
#include "frontend/nesting.h"
#include "frontend/source_set.h"
#include "plan/model_plan.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace metalfpga;

namespace {

// The source set reads files (`include, libraries): the input goes through a private file.
std::string inputPath() {
    static const std::string path =
        (std::filesystem::temp_directory_path() /
         ("metalfpga-pipeline-fuzz-" + std::to_string(getpid()) + ".v"))
            .string();
    return path;
}

int compile(const std::string& path) {
    frontend::SourceManager sm;
    frontend::Diagnostics diags(sm);
    diags.setQuiet(true);
    try {
        frontend::SourceSetOptions so;
        so.files = {path};
        frontend::SourceSet sources = frontend::loadSources(so, sm, diags);
        if (diags.hasErrors()) return 0;
        // Lower limits than the CLI's keep every input's work within the fuzzer's timeout.
        elab::ElabOptions eo;
        eo.maxInstanceDepth = 32;
        eo.maxCallDepth = 64;
        eo.maxConstSteps = 200'000;
        eo.maxGenerateIterations = 256;
        auto design = elab::elaborate(sources, eo, diags);
        if (!design || diags.hasErrors()) return 0;
        plan::PlanOptions po;
        std::ostringstream planText;
        plan::printPlan(*design, plan::buildPlan(*design, po), planText, &sm);
        codegen::Options co;
        co.staticComb = po.staticSchedule;
        auto model = codegen::generate(*design, sm, diags, co);
        (void)model;
    } catch (const frontend::NestingTooDeep&) {
        // Reported as an error by the CLI: a result, not a crash.
    }
    for (const auto& d : diags.all()) (void)diags.render(d);
    return 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string& path = inputPath();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    // checkNesting() guards the end of this thread's stack (scripts/fuzz.sh raises its limit).
    return compile(path);
}
