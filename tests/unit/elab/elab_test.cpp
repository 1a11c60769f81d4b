// The elaborator: parameters, generate naming, hierarchy, expression typing, constant
// functions and the errors of the CE tests.

#include "elab_test_util.h"

#include <gtest/gtest.h>

namespace metalfpga::elab::test {
namespace {

const ir::Process& firstAssign(const ir::Design& d) {
    for (const auto& p : d.processes)
        if (p.kind == ir::ProcessKind::ContinuousAssign) return p;
    throw std::runtime_error("no continuous assignment");
}

TEST(Elab, ParametersOverridesAndDefparam) {
    auto r = elaborateText(R"(
module sub #(parameter W = 4, parameter [7:0] K = 3) (input [W-1:0] a);
  localparam L = W * 2;
endmodule
module top;
  wire [7:0] x;
  sub #(8) u1 (x);
  sub #(.K(9)) u2 ();
  sub u3 ();
  defparam u3.W = 16;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_EQ(r->param("top.u1", "W")->value.to_u64(), 8u);
    EXPECT_EQ(r->param("top.u1", "L")->value.to_u64(), 16u);
    EXPECT_EQ(r->param("top.u2", "K")->value.to_u64(), 9u);
    EXPECT_EQ(r->param("top.u2", "K")->type.width, 8u);
    EXPECT_EQ(r->param("top.u3", "W")->value.to_u64(), 16u);
    EXPECT_EQ(r->signal("top.u1.a").type.width, 8u);
    EXPECT_EQ(r->signal("top.u3.a").type.width, 16u);
}

TEST(Elab, GenerateNaming) {
    auto r = elaborateText(R"(
module top;
  parameter N = 3;
  genvar i;
  for (i = 0; i < N; i = i + 1) begin : blk
    wire w;
  end
  if (N == 3) begin
    wire a;
  end else begin
    wire b;
  end
  case (N)
    1: begin wire c; end
    default: begin : named wire d; end
  endcase
  if (N > 1) wire e;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_TRUE(r->hasScope("top.blk[0]"));
    EXPECT_TRUE(r->hasScope("top.blk[2]"));
    EXPECT_TRUE(r->hasScope("top.genblk2"));
    EXPECT_EQ(r->design->findSignal("top.genblk2.a") != ir::kNone, true);
    EXPECT_TRUE(r->hasScope("top.named"));
    EXPECT_TRUE(r->hasScope("top.genblk4"));
    EXPECT_EQ(r->param("top.blk[1]", "i")->value.to_u64(), 1u);
}

TEST(Elab, HierarchicalNamesAndReferences) {
    auto r = elaborateText(R"(
module leaf; reg [3:0] v; endmodule
module mid; leaf l(); endmodule
module top;
  mid m[1:0] ();
  wire [3:0] y = m[1].l.v;
  initial m[0].l.v = 1;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_TRUE(r->hasScope("top.m[1].l"));
    EXPECT_NE(r->design->findSignal("top.m[0].l.v"), ir::kNone);
}

TEST(Elab, AddInWiderContextExtendsOperands) {
    auto r = elaborateText(R"(
module top;
  wire [3:0] a, b;
  wire [7:0] y;
  assign y = a + b;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    const auto& p = firstAssign(*r->design);
    EXPECT_EQ(p.rhs->kind, ir::ExprKind::Binary);
    EXPECT_EQ(p.rhs->type.width, 8u);
    EXPECT_EQ(p.rhs->self.width, 4u);
    EXPECT_EQ(p.rhs->operands[0]->kind, ir::ExprKind::Convert);
    EXPECT_EQ(p.rhs->operands[0]->type.width, 8u);
}

TEST(Elab, ConcatIsSelfDetermined) {
    auto r = elaborateText(R"(
module top;
  wire [3:0] a, b;
  wire [15:0] y;
  assign y = {a, b} + 1'b1;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    const auto& add = *firstAssign(*r->design).rhs;
    EXPECT_EQ(add.type.width, 16u);
    const auto& conv = *add.operands[0];
    ASSERT_EQ(conv.kind, ir::ExprKind::Convert);
    EXPECT_EQ(conv.operands[0]->kind, ir::ExprKind::Concat);
    EXPECT_EQ(conv.operands[0]->type.width, 8u);
}

TEST(Elab, ShiftAmountIsSelfDetermined) {
    auto r = elaborateText(R"(
module top;
  wire [3:0] a;
  wire [1:0] n;
  wire [7:0] y;
  assign y = a << n;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    const auto& sh = *firstAssign(*r->design).rhs;
    EXPECT_EQ(sh.type.width, 8u);
    EXPECT_EQ(sh.operands[1]->type.width, 2u);
}

TEST(Elab, SignedWithUnsignedComparesUnsigned) {
    auto r = elaborateText(R"(
module top;
  wire signed [3:0] s;
  wire [7:0] u;
  wire y;
  assign y = s < u;
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    const auto& cmp = *firstAssign(*r->design).rhs;
    EXPECT_EQ(cmp.type.width, 1u);
    ASSERT_EQ(cmp.operands[0]->kind, ir::ExprKind::Convert);
    EXPECT_FALSE(cmp.operands[0]->type.isSigned);
    EXPECT_EQ(cmp.operands[0]->type.width, 8u);
}

TEST(Elab, ConstantFunctionAndClog2) {
    auto r = elaborateText(R"(
module top;
  localparam A = f(5);
  localparam B = $clog2(17);
  function integer f(input integer n);
    integer i;
    begin
      f = 0;
      for (i = 1; i <= n; i = i + 1) f = f + i;
    end
  endfunction
  function integer fact(input integer n);
    fact = n <= 1 ? 1 : n * fact(n - 1);
  endfunction
  localparam C = fact(5);
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    EXPECT_EQ(r->param("top", "A")->value.to_u64(), 15u);
    EXPECT_EQ(r->param("top", "B")->value.to_u64(), 5u);
    EXPECT_EQ(r->param("top", "C")->value.to_u64(), 120u);
}

TEST(Elab, ConstantFunctionRecursionLimit) {
    auto r = elaborateText(R"(
module top;
  function integer f(input integer n); f = f(n + 1); endfunction
  localparam A = f(1);
endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_NE(r->errors.find("recursion deeper"), std::string::npos) << r->errors;
}

TEST(Elab, TopSelection) {
    auto r =
        elaborateText("module a; endmodule\nmodule b; a x(); endmodule\nmodule c; endmodule\n");
    ASSERT_TRUE(r->design) << r->errors;
    ASSERT_EQ(r->design->tops.size(), 2u);
    EXPECT_EQ(r->design->scopes[r->design->tops[0]].name, "b");
    EXPECT_EQ(r->design->scopes[r->design->tops[1]].name, "c");
}

struct ErrorCase {
    const char* text;
    const char* message;
};

class ElabErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ElabErrors, Reported) {
    auto r = elaborateText(GetParam().text);
    EXPECT_FALSE(r->design);
    EXPECT_NE(r->errors.find(GetParam().message), std::string::npos) << r->errors;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ElabErrors,
    ::testing::Values(
        ErrorCase{"module top; nothere u(); endmodule", "unknown module or primitive 'nothere'"},
        ErrorCase{"module top; reg r; assign r = 1; endmodule", "only nets can be driven"},
        ErrorCase{"module top; wire w; initial w = 1; endmodule", "only variables can be"},
        ErrorCase{"module top; wire a; wire a; endmodule", "already declared"},
        ErrorCase{"module top; initial x = 1; reg y; endmodule", "unknown identifier 'x'"},
        ErrorCase{"module s(input a); endmodule module top; s u(1, 2); endmodule",
                  "has 2 port connections but the module has 1 port"},
        ErrorCase{"module top; reg [3:0] r; localparam P = r; endmodule", "is not a constant"},
        ErrorCase{"`default_nettype none\nmodule top; assign q = 1; endmodule",
                  "`default_nettype none"},
        ErrorCase{"module top; top t(); endmodule", "no top-level module"},
        ErrorCase{"module r; r x(); endmodule module top; r y(); endmodule",
                  "instance nesting deeper"},
        ErrorCase{"module top; reg r; always r = 1; endmodule", "loop forever"},
        ErrorCase{"module top; parameter P = P + 1; wire [P:0] w; endmodule",
                  "depends on its own value"},
        ErrorCase{"module top; reg s; wire w = s[0]; endmodule",
                  "cannot select bits of scalar 's'"},
        ErrorCase{"module top; reg m [1:0]; wire w = m[0][0:0]; endmodule",
                  "cannot select bits of scalar array word 'm'"}));

} // namespace
} // namespace metalfpga::elab::test
