// Golden --dump-flat tests: every tests/verilog/elab/NAME.v is elaborated and its dump compared
// with NAME.flat. METALFPGA_UPDATE_GOLDEN=1 rewrites the expected files.

#include "elab_test_util.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace metalfpga::elab::test {
namespace {

namespace fs = std::filesystem;

TEST(ElabGolden, DumpFlatMatches) {
    fs::path dir = fs::path(METALFPGA_SOURCE_DIR) / "tests" / "verilog" / "elab";
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".v") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto r = elaborateText(text.str());
        ASSERT_TRUE(r->design) << entry.path() << ": " << r->errors;
        std::string got = r->dump();
        fs::path expected = entry.path();
        expected.replace_extension(".flat");
        if (std::getenv("METALFPGA_UPDATE_GOLDEN")) std::ofstream(expected) << got;
        std::ifstream ein(expected);
        std::stringstream want;
        want << ein.rdbuf();
        EXPECT_EQ(got, want.str()) << entry.path();
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

} // namespace
} // namespace metalfpga::elab::test
