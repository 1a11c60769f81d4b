// libFuzzer target: any byte string through the preprocessor, the parser and the AST dump must
// end with diagnostics or a tree, never a crash, a hang or a sanitizer report.

#include "frontend/ast_dump.h"
#include "frontend/parser.h"
#include "frontend/preprocessor.h"

#include <sstream>

using namespace metalfpga::frontend;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    SourceManager sm;
    Diagnostics diags(sm);
    diags.setQuiet(true);
    uint32_t buffer =
        sm.addBuffer("fuzz.v", std::string(reinterpret_cast<const char*>(data), size));
    Preprocessor pp(sm, diags, PreprocessorOptions{});
    PreprocessedUnit unit = pp.runBuffers({buffer});
    Parser parser(unit, sm, diags);
    auto tree = parser.parse();
    if (tree) {
        std::ostringstream os;
        dumpAst(*tree, sm, os);
    }
    for (const auto& d : diags.all()) (void)diags.render(d);
    return 0;
}
