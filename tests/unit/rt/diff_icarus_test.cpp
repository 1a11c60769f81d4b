// Fixed-seed subset of the differential test against Icarus Verilog (tests/diff). Skipped
// when iverilog/vvp are not installed.
#include "../../diff/diffgen.h"

#include <gtest/gtest.h>

#include <unistd.h>

TEST(RtDiffIcarus, FixedSeedSubset) {
    if (!diffgen::icarus_available()) GTEST_SKIP() << "iverilog/vvp not installed";
    auto dir = std::filesystem::temp_directory_path() /
               ("metalfpga_rt_diff_ctest_" + std::to_string(::getpid()));
    diffgen::Result r = diffgen::run_diff(20240601, 3000, 1500, dir);
    ASSERT_TRUE(r.error.empty()) << r.error;
    for (size_t i = 0; i < r.mismatches.size() && i < 10; ++i)
        ADD_FAILURE() << r.mismatches[i].expr << "\n  library: " << r.mismatches[i].expected
                      << "\n  icarus:  " << r.mismatches[i].got;
    EXPECT_EQ(r.run, 3000u);
    EXPECT_TRUE(r.mismatches.empty());
    if (r.mismatches.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
}
