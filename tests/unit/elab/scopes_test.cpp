// Scopes of named blocks, functions and tasks: created before any expression is resolved, so
// hierarchical names into them resolve wherever the reference is.

#include "elab_test_util.h"

#include <gtest/gtest.h>

namespace metalfpga::elab::test {
namespace {

TEST(ElabScopes, ReferenceBeforeNamedBlockAndRoutine) {
    // Every reference comes before the scope it names, in source order.
    auto r = elaborateText(R"(
module sub;
  initial begin : later
    event ev;
    reg [3:0] x;
  end
endmodule
module top;
  sub s();
  wire [3:0] w = s.later.x;
  wire [7:0] y = f.tmp;
  initial begin
    t.v = 1;
    -> s.later.ev;
    disable blk;
    $display("%m", top.blk);
  end
  function [7:0] f(input [7:0] a);
    reg [7:0] tmp;
    begin tmp = a; f = tmp; end
  endfunction
  task t;
    reg v;
    begin : inner reg q; q = v; end
  endtask
  initial begin : blk
    integer n;
  end
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_TRUE(r->hasScope("top.s.later"));
    EXPECT_TRUE(r->hasScope("top.f"));
    EXPECT_TRUE(r->hasScope("top.t.inner"));
    EXPECT_NE(r->design->findSignal("top.f.tmp"), ir::kNone);
    EXPECT_NE(r->design->findSignal("top.blk.n"), ir::kNone);
}

TEST(ElabScopes, RoutineInGenerateBlock) {
    auto r = elaborateText(R"(
module top;
  generate if (1) begin : gen
    task foo_task; reg [3:0] x; x = 1; endtask
  end endgenerate
  initial $display(gen.foo_task.x);
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_NE(r->design->findSignal("top.gen.foo_task.x"), ir::kNone);
}

TEST(ElabScopes, DefparamIntoNamedBlockAndTask) {
    auto r = elaborateText(R"(
module sub;
  initial begin : blk
    parameter p = 0;
    localparam l = p + 1;
  end
  task tk; parameter p = 0; ; endtask
endmodule
module top;
  sub s();
  defparam s.blk.p = 4;
  defparam s.tk.p = 5;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_EQ(r->param("top.s.blk", "p")->value.to_u64(), 4u);
    EXPECT_EQ(r->param("top.s.blk", "l")->value.to_u64(), 5u);
    EXPECT_EQ(r->param("top.s.tk", "p")->value.to_u64(), 5u);
}

TEST(ElabScopes, AutomaticVariablesHaveNoHierarchicalName) {
    auto r = elaborateText(R"(
module top;
  task automatic t; reg v; begin : b reg w; v = 1; end endtask
  initial t.v = 0;
endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_NE(r->errors.find("cannot be referenced by a hierarchical name"), std::string::npos)
        << r->errors;
    // Named blocks of an automatic routine hold automatic variables too.
    auto r2 = elaborateText(R"(
module top;
  task automatic t; begin : b reg w; w = 1; end endtask
  initial t;
endmodule
)");
    ASSERT_TRUE(r2->design) << r2->errors;
    EXPECT_TRUE(r2->signal("top.t.b.w").automatic);
}

} // namespace
} // namespace metalfpga::elab::test
