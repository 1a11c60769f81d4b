// The time-0 start order (plan/start_order.h) as data: which process starts when.

#include "../elab/elab_test_util.h"
#include "plan/start_order.h"

#include <gtest/gtest.h>

namespace metalfpga::plan::test {
namespace {

using elab::test::elaborateText;

// The start order of a design's initial/always processes, each named by the string its first
// $display prints (continuous assignments as "ca"), as the model would start them.
std::vector<std::string> started(const std::string& text, bool pushFirst = true) {
    auto e = elaborateText(text);
    EXPECT_TRUE(e->design) << e->errors;
    if (!e->design) return {};
    const ir::Design& d = *e->design;
    std::vector<const ir::Process*> procs;
    std::vector<bool> isCa;
    for (const ir::Process& p : d.processes) {
        procs.push_back(&p);
        isCa.push_back(p.kind != ir::ProcessKind::Initial && p.kind != ir::ProcessKind::Always);
    }
    std::vector<std::string> names;
    for (uint32_t i : startOrder(d, procs, isCa, pushFirst)) {
        const ir::Process& p = *procs[i];
        if (isCa[i]) {
            names.push_back("ca");
            continue;
        }
        if (p.varInit) {
            names.push_back("init " + d.scopes[p.scope].path);
            continue;
        }
        // The first string argument of the first $display in the body.
        std::vector<const ir::Stmt*> todo{p.body.get()};
        std::string name = "?";
        while (!todo.empty() && name == "?") {
            const ir::Stmt* st = todo.back();
            todo.pop_back();
            if (!st) continue;
            if (st->kind == ir::StmtKind::SystemTaskCall && !st->args.empty() && st->args[0] &&
                st->args[0]->isString) {
                const rt::Value& v = st->args[0]->value;
                std::string s;
                for (int64_t b = int64_t(v.width()) - 8; b >= 0; b -= 8) {
                    char c = 0;
                    for (int k = 0; k < 8; ++k) c |= char(v.bit(uint32_t(b + k)) == 1) << k;
                    if (c) s += c;
                }
                name = s;
            }
            todo.push_back(st->body.get());
            for (auto it = st->stmts.rbegin(); it != st->stmts.rend(); ++it)
                todo.push_back(it->get());
        }
        names.push_back(name);
    }
    return names;
}

TEST(StartOrder, ChildInstancesStartBeforeTheirParent) {
    auto order = started(R"(
module leaf; initial $display("leaf"); endmodule
module mid;  initial $display("mid-a"); leaf l1(); leaf l2(); initial $display("mid-b"); endmodule
module top;  initial $display("top-a"); mid m(); initial $display("top-b"); endmodule
)");
    std::vector<std::string> want{"leaf", "leaf", "mid-a", "mid-b", "top-a", "top-b"};
    EXPECT_EQ(order, want);
}

TEST(StartOrder, GenerateBlocksBeforeInstancesAndVariableInitialisersFirst) {
    auto order = started(R"(
module leaf; initial $display("leaf"); endmodule
module top;
  initial $display("top");
  reg q = 1;
  leaf a();
  genvar i;
  generate for (i = 0; i < 2; i = i + 1) begin : g
    initial $display("gen");
    leaf x();
  end endgenerate
endmodule
)");
    // A generate block: its instances, then its own processes.
    std::vector<std::string> want{"leaf", "gen", "leaf", "gen", "leaf", "init top", "top"};
    EXPECT_EQ(order, want);
}

TEST(StartOrder, AnyEdgeAlwaysBlocksWaitFirstThenContinuousAssignments) {
    const char* src = R"(
module top;
  wire g = 1'b0;
  initial $display("init");
  always @(posedge g) $display("clocked");
  always @(g) $display("comb-1");
  always @* $display("comb-2 %b", g);
endmodule
)";
    std::vector<std::string> want{"comb-2 %b", "comb-1", "ca", "init", "clocked"};
    EXPECT_EQ(started(src), want);
    // 2-state models: no blocks pushed in front.
    std::vector<std::string> want2{"ca", "init", "clocked", "comb-1", "comb-2 %b"};
    EXPECT_EQ(started(src, false), want2);
}

TEST(StartOrder, WaitsBeforeStartNeedsAnEventControlOfAnyEdgeItemsFirst) {
    auto e = elaborateText(R"(
module top;
  reg a, b;
  always @(a or b) a = b;
  always @(posedge a or b) a = b;
  always begin @(a); b = a; end
  always #1 a = b;
endmodule
)");
    ASSERT_TRUE(e->design) << e->errors;
    std::vector<bool> got;
    for (const ir::Process& p : e->design->processes) got.push_back(waitsBeforeStart(p));
    EXPECT_EQ(got, (std::vector<bool>{true, false, false, false}));
}

TEST(StartOrder, ScopeRanksAreAPostOrder) {
    auto e = elaborateText(R"(
module leaf; endmodule
module top; leaf a(); leaf b(); endmodule
)");
    ASSERT_TRUE(e->design) << e->errors;
    const ir::Design& d = *e->design;
    std::vector<uint32_t> rank = scopeStartRank(d);
    ASSERT_EQ(d.tops.size(), 1u);
    ir::ScopeId top = d.tops[0];
    ASSERT_EQ(d.scopes[top].children.size(), 2u);
    ir::ScopeId a = d.scopes[top].children[0], b = d.scopes[top].children[1];
    EXPECT_LT(rank[a], rank[b]);
    EXPECT_LT(rank[b], rank[top]);
}

} // namespace
} // namespace metalfpga::plan::test
