// Sources that 1364-2005 forbids are rejected with a diagnostic at the construct; the legal
// spelling next to each is accepted.

#include "elab_test_util.h"

#include <gtest/gtest.h>

using metalfpga::elab::test::elaborateText;

namespace {

bool has(const std::string& errors, const std::string& text) {
    return errors.find(text) != std::string::npos;
}

} // namespace

TEST(ElabRejects, UnaryOperandMustBePrimary) {
    auto r = elaborateText(R"(
module m; reg r; reg [1:0] in;
  initial begin r = ~ |in; r = - -in; end
endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "the operand of unary '~' must be a primary")) << r->errors;
    EXPECT_TRUE(has(r->errors, "the operand of unary '-' must be a primary")) << r->errors;
    auto ok = elaborateText(R"(
module m; reg r; reg [1:0] in;
  initial begin r = ~(|in); r = -(-in); r = ~|in; end
endmodule
)");
    EXPECT_TRUE(ok->design) << ok->errors;
}

TEST(ElabRejects, InputAndInoutPortsHaveNoDefault) {
    auto r = elaborateText("module m(input [3:0] x = 1, y = 2); endmodule\n");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "an input port may not have a default value")) << r->errors;
    r = elaborateText("module m(inout [3:0] x, y = 1); endmodule\n");
    EXPECT_TRUE(has(r->errors, "an inout port may not have a default value")) << r->errors;
    r = elaborateText("module m(output [3:0] x = 1); endmodule\n");
    EXPECT_TRUE(has(r->errors, "only an 'output reg'")) << r->errors;
    auto ok = elaborateText("module m(output reg [3:0] x = 1, output integer i = 2); endmodule\n");
    EXPECT_TRUE(ok->design) << ok->errors;
}

TEST(ElabRejects, ModuleDefinedTwice) {
    auto r = elaborateText(R"(
module a; endmodule
module t; a u(); endmodule
module a; endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "'a' is already defined")) << r->errors;
    EXPECT_TRUE(has(r->errors, "the first definition is here")) << r->errors;
}

TEST(ElabRejects, UnconnectedPortWithoutDirection) {
    auto r = elaborateText(R"(
module tb; wire [3:0] a, y; test uut (.a(a), .y(y)); endmodule
module test(a, b, y); input [3:0] a; output [3:0] y; assign y = a; endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "port 'b' of module 'test' has no direction declaration"))
        << r->errors;
}

TEST(ElabRejects, HierarchicalNameInParameterValue) {
    auto r = elaborateText(R"(
module top; parameter WIDTH = dut.WIDTH; test dut(); endmodule
module test; parameter WIDTH = 8; endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "hierarchical name 'dut.WIDTH' cannot be used in a parameter"))
        << r->errors;
}

TEST(ElabRejects, SignedOfReal) {
    auto r = elaborateText("module m; reg [7:0] v = $signed(1.0); endmodule\n");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "'$signed' cannot take a real argument")) << r->errors;
    r = elaborateText("module m; reg [7:0] v; initial v = $unsigned(2.5); endmodule\n");
    EXPECT_TRUE(has(r->errors, "'$unsigned' cannot take a real argument")) << r->errors;
}

TEST(ElabRejects, AutomaticVariableInProceduralContinuousAssignment) {
    for (const char* kw : {"assign", "force"}) {
        auto r = elaborateText(std::string(R"(
module m; reg g;
  task automatic t; reg local; begin )") +
                               kw +
                               R"( g = local; end endtask
endmodule
)");
        EXPECT_FALSE(r->design) << kw;
        EXPECT_TRUE(has(r->errors, "automatic variable 'local' cannot be used in a procedural "
                                   "continuous assignment"))
            << r->errors;
    }
}

TEST(ElabRejects, NonConstantSelectsInNetLvalues) {
    auto r = elaborateText(R"(
module m(input [2:0] N, input [7:0] In);
  wire [7:0] Array[7:0];
  assign Array[N][0] = In[0];
  assign Array[0][7:1] = In[7:1];
endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "the array index of 'Array' in a continuous assignment must be"))
        << r->errors;
    r = elaborateText(R"(
module m; wire [2:-1] vec; integer idx;
  initial begin force vec[idx+:1] = 1'b1; release vec[idx+:1]; end
endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_TRUE(has(r->errors, "the select of 'vec' in a force must be a constant expression"))
        << r->errors;
    r = elaborateText(R"(
module m; wire a[2:1]; integer index = 1;
  initial force a[index] = 1'b1;
endmodule
)");
    EXPECT_TRUE(has(r->errors, "the array index of 'a' in a force must be")) << r->errors;
    auto ok = elaborateText(R"(
module m(input [7:0] In); parameter P = 1;
  wire [7:0] Array[7:0]; wire [3:0] v;
  assign Array[P][0] = In[0];
  initial force v[P+:2] = 2'b01;
endmodule
)");
    EXPECT_TRUE(ok->design) << ok->errors;
}
