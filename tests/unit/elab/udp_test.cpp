// UDP instances: connections by name and instance arrays.

#include "elab_test_util.h"

#include <gtest/gtest.h>

namespace metalfpga::elab::test {
namespace {

const char* kMux = R"(
primitive mux2(output out, input in1, input in0, input select);
table
  ? 0 0 : 0;
  ? 1 0 : 1;
  0 ? 1 : 0;
  1 ? 1 : 1;
endtable
endprimitive
)";

std::vector<const ir::Process*> udps(const ir::Design& d) {
    std::vector<const ir::Process*> out;
    for (const auto& p : d.processes)
        if (p.kind == ir::ProcessKind::UdpInstance) out.push_back(&p);
    return out;
}

TEST(ElabUdp, ConnectedByName) {
    auto r = elaborateText(std::string(kMux) + R"(
module top;
  wire out; reg a, b, s;
  mux2 m (.in1(b), .in0(a), .select(s), .out(out));
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    auto ps = udps(*r->design);
    ASSERT_EQ(ps.size(), 1u);
    ASSERT_EQ(ps[0]->terminals.size(), 4u);
    EXPECT_EQ(ps[0]->terminals[0]->signal, r->design->findSignal("top.out"));
    EXPECT_EQ(ps[0]->terminals[1]->signal, r->design->findSignal("top.b"));
    EXPECT_EQ(ps[0]->terminals[2]->signal, r->design->findSignal("top.a"));
    EXPECT_EQ(ps[0]->terminals[3]->signal, r->design->findSignal("top.s"));
}

TEST(ElabUdp, ConnectionErrors) {
    auto r = elaborateText(std::string(kMux) + R"(
module top; wire o; reg a; mux2 m (.out(o), .nope(a)); endmodule
)");
    EXPECT_FALSE(r->design);
    EXPECT_NE(r->errors.find("has no port 'nope'"), std::string::npos) << r->errors;
}

TEST(ElabUdp, InstanceArray) {
    auto r = elaborateText(std::string(kMux) + R"(
module top;
  wire [3:0] out; reg [3:0] a, b; reg s;
  mux2 m[3:0] (out, b, a, s);
endmodule
)");
    ASSERT_TRUE(r->design) << r->errors;
    auto ps = udps(*r->design);
    ASSERT_EQ(ps.size(), 4u);
    // The first element is m[3], with the most significant bits; `s` goes to every element.
    EXPECT_EQ(ps[0]->name, "m[3]");
    EXPECT_EQ(ps[3]->name, "m[0]");
    const ir::Expr& o = *ps[0]->terminals[0];
    ASSERT_EQ(o.kind, ir::ExprKind::Select);
    EXPECT_EQ(o.msb, 3);
    EXPECT_EQ(ps[3]->terminals[0]->msb, 0);
    EXPECT_EQ(ps[2]->terminals[3]->kind, ir::ExprKind::Signal);
}

} // namespace
} // namespace metalfpga::elab::test
