#include "parser_test_util.h"

#include <gtest/gtest.h>

using namespace parser_test;
using namespace metalfpga::frontend::ast;

namespace {

// Dumps the body of `initial <stmt>` (depth 0).
std::string stmt(const std::string& text) {
    Parsed p("module m; initial " + text + "\nendmodule\n");
    if (!p.ok()) return "error: " + p.errors().at(0);
    std::ostringstream os;
    dumpStmt(*p.item(0).as<ProceduralBlock>().body, p.sm, os);
    return os.str();
}

const Stmt& body(const Parsed& p, size_t i = 0) {
    return *p.item(i).as<ProceduralBlock>().body;
}

} // namespace

TEST(ParserStmt, AssignmentsWithIntraAssignmentTiming) {
    EXPECT_EQ(stmt("a = #5 b;"), R"(BlockingAssign @1:19
  Name a @1:19
  Delay @1:23
    Number 5 @1:24
  Name b @1:26
)");
    EXPECT_EQ(stmt("a <= repeat(3) @(posedge c) b;"), R"(NonBlockingAssign @1:19
  Name a @1:19
  RepeatEventControl @1:24
    Number 3 @1:31
    Event posedge @1:36
      Name c @1:44
  Name b @1:47
)");
    EXPECT_EQ(stmt("{a, b[1], c.d[3:0]} = @e f;"), R"(BlockingAssign @1:19
  Concat @1:19
    Name a @1:20
    Select [i] @1:24
      Name b @1:23
      Number 1 @1:25
    Select [h:l] @1:32
      Name c.d @1:29
      Number 3 @1:33
      Number 0 @1:35
  EventControl @name @1:41
    Event @1:42
      Name e @1:42
  Name f @1:44
)");
}

TEST(ParserStmt, TimingControls) {
    Parsed p("module m;\n"
             "  always @(a or b, posedge c or negedge d) ;\n"
             "  always @* x = y;\n"
             "  always @(*) x = y;\n"
             "  always @( * ) x = y;\n"
             "  always #(1:2:3) ;\n"
             "  initial #1.5 $finish;\n"
             "  initial #P x = 1;\n"
             "  initial @ev ;\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& t0 = body(p, 0).as<TimedStmt>();
    ASSERT_EQ(t0.timing->events.size(), 4u);
    EXPECT_EQ(t0.timing->events[2].edge, TokenKind::KwPosedge);
    EXPECT_EQ(t0.timing->events[3].edge, TokenKind::KwNegedge);
    EXPECT_TRUE(t0.stmt->is<NullStmt>());
    for (size_t i = 1; i <= 3; ++i)
        EXPECT_EQ(body(p, i).as<TimedStmt>().timing->kind, TimingControl::Kind::EventStar) << i;
    EXPECT_EQ(sexpr(*body(p, 4).as<TimedStmt>().timing->delay.values[0]), "(1:2:3)");
    EXPECT_EQ(sexpr(*body(p, 5).as<TimedStmt>().timing->delay.values[0]), "1.5");
    EXPECT_EQ(sexpr(*body(p, 6).as<TimedStmt>().timing->delay.values[0]), "P");
    EXPECT_TRUE(body(p, 7).as<TimedStmt>().timing->bareName);
}

TEST(ParserStmt, ControlFlow) {
    Parsed p("module m; initial begin\n"
             "  if (a) b = 1; else if (c) b = 2; else ;\n"
             "  case (s) 0, 1: x = 0; 2: begin end default x = 1; endcase\n"
             "  casez (s) 2'b1?: ; endcase\n"
             "  casex (s) default: ; endcase\n"
             "  for (i = 0; i < 10; i = i + 1) x = x + i;\n"
             "  while (x) x = x - 1;\n"
             "  repeat (3) @(posedge clk);\n"
             "  forever #5 clk = ~clk;\n"
             "  wait (ready) x = 1;\n"
             "  wait (go);\n"
             "  -> ev; -> evs[2];\n"
             "  disable blk; disable top.u.blk;\n"
             "end endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& b = body(p).as<BlockStmt>();
    const auto& i0 = b.stmts[0]->as<IfStmt>();
    EXPECT_TRUE(i0.elseStmt->is<IfStmt>());
    EXPECT_TRUE(i0.elseStmt->as<IfStmt>().elseStmt->is<NullStmt>());
    const auto& c = b.stmts[1]->as<CaseStmt>();
    EXPECT_EQ(c.keyword, TokenKind::KwCase);
    ASSERT_EQ(c.items.size(), 3u);
    EXPECT_EQ(c.items[0].exprs.size(), 2u);
    EXPECT_TRUE(c.items[2].exprs.empty());
    EXPECT_EQ(b.stmts[2]->as<CaseStmt>().keyword, TokenKind::KwCasez);
    EXPECT_EQ(b.stmts[3]->as<CaseStmt>().keyword, TokenKind::KwCasex);
    EXPECT_TRUE(b.stmts[4]->is<ForStmt>());
    EXPECT_TRUE(b.stmts[5]->is<WhileStmt>());
    EXPECT_TRUE(b.stmts[6]->is<RepeatStmt>());
    EXPECT_TRUE(b.stmts[7]->is<ForeverStmt>());
    EXPECT_TRUE(b.stmts[8]->is<WaitStmt>());
    EXPECT_TRUE(b.stmts[9]->as<WaitStmt>().body->is<NullStmt>());
    EXPECT_EQ(sexpr(*b.stmts[11]->as<EventTriggerStmt>().target), "evs[2]");
    EXPECT_EQ(b.stmts[13]->as<DisableStmt>().name.str(), "top.u.blk");
}

TEST(ParserStmt, DanglingElseBindsToNearestIf) {
    Parsed p("module m; initial if (a) if (b) x = 1; else x = 2; endmodule");
    ASSERT_TRUE(p.ok());
    const auto& outer = body(p).as<IfStmt>();
    EXPECT_EQ(outer.elseStmt, nullptr);
    EXPECT_NE(outer.thenStmt->as<IfStmt>().elseStmt, nullptr);
}

TEST(ParserStmt, BlocksAndCalls) {
    Parsed p("module m; initial fork : f\n"
             "  reg r; integer k; parameter P = 1; localparam Q = 2; event e; real x; time t;\n"
             "  begin : inner #1 r = 1; end\n"
             "  begin end\n"
             "  my_task; my_task(a, b + 1); top.u.t(1);\n"
             "  $display(\"%d\", a); $finish;\n"
             "  assign q = d; deassign q; force w = 1; release w;\n"
             "join endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& f = body(p).as<BlockStmt>();
    EXPECT_TRUE(f.fork);
    EXPECT_EQ(f.name.text, "f");
    EXPECT_EQ(f.decls.size(), 7u);
    EXPECT_EQ(f.stmts[0]->as<BlockStmt>().name.text, "inner");
    EXPECT_TRUE(f.stmts[2]->as<TaskCallStmt>().args.empty());
    EXPECT_EQ(f.stmts[3]->as<TaskCallStmt>().args.size(), 2u);
    EXPECT_EQ(f.stmts[4]->as<TaskCallStmt>().name.str(), "top.u.t");
    EXPECT_EQ(f.stmts[5]->as<SystemTaskCallStmt>().call->args.size(), 2u);
    EXPECT_FALSE(f.stmts[6]->as<SystemTaskCallStmt>().call->hasParens);
    EXPECT_EQ(f.stmts[7]->as<ProcContinuousStmt>().keyword, TokenKind::KwAssign);
    EXPECT_EQ(f.stmts[8]->as<ProcContinuousStmt>().rhs, nullptr);
    EXPECT_EQ(f.stmts[9]->as<ProcContinuousStmt>().keyword, TokenKind::KwForce);
    EXPECT_EQ(f.stmts[10]->as<ProcContinuousStmt>().keyword, TokenKind::KwRelease);
}

TEST(ParserStmt, StatementAttributes) {
    Parsed p("module m; initial begin (* a *) x = 1; (* b = 1 *) if (c) ; end endmodule");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& b = body(p).as<BlockStmt>();
    EXPECT_EQ(b.stmts[0]->attrs[0].name.text, "a");
    EXPECT_EQ(b.stmts[1]->attrs[0].name.text, "b");
}

TEST(ParserStmt, SystemVerilogIsNamed) {
    EXPECT_EQ(stmt("begin i++; end"), "error: 1:26: '++' is SystemVerilog, not Verilog-2005");
    EXPECT_EQ(stmt("begin x += 1; end"), "error: 1:27: '+=' is SystemVerilog, not Verilog-2005");
    EXPECT_EQ(stmt("begin int i; end"), "error: 1:25: 'int' is SystemVerilog, not Verilog-2005");
    EXPECT_EQ(stmt("begin end : lbl"),
              "error: 1:29: block end labels ('end : name') are SystemVerilog, not Verilog-2005");
    EXPECT_EQ(stmt("begin reg r; end"),
              "error: 1:25: declarations in an unnamed block are SystemVerilog; name the block "
              "(begin : name)");
}
