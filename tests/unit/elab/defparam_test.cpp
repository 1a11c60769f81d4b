// Defparams whose targets exist only after another defparam has changed the hierarchy.

#include "elab_test_util.h"

#include <gtest/gtest.h>

namespace metalfpga::elab::test {
namespace {

TEST(ElabDefparam, ThroughInstanceArraySizedByDefparam) {
    auto r = elaborateText(R"(
module leaf; parameter number = 99; endmodule
module dut; parameter wid = 1; leaf U[wid-1:0] (); endmodule
module main;
  dut xx ();
  defparam main.xx.wid = 3;
  defparam main.xx.U[0].number = 0;
  defparam main.xx.U[2].number = 2;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_EQ(r->param("main.xx.U[2]", "number")->value.to_u64(), 2u);
    EXPECT_EQ(r->param("main.xx.U[1]", "number")->value.to_u64(), 99u);
    EXPECT_EQ(r->param("main.xx.U[0]", "number")->value.to_u64(), 0u);
}

TEST(ElabDefparam, MissingTargetStillReported) {
    auto r = elaborateText(R"(
module leaf; parameter number = 99; endmodule
module dut; parameter wid = 1; leaf U[wid-1:0] (); endmodule
module main;
  dut xx ();
  defparam main.xx.wid = 2;
  defparam main.xx.U[5].number = 0;
endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_NE(r->errors.find("no scope 'U[5]'"), std::string::npos) << r->errors;
}

} // namespace
} // namespace metalfpga::elab::test
