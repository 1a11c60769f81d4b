#include "parser_test_util.h"

#include <gtest/gtest.h>

using namespace parser_test;
using namespace metalfpga::frontend::ast;

TEST(ParserModule, AnsiHeaderDump) {
    Parsed p("module top #(parameter W = 8, parameter integer D = 2)\n"
             "  (input wire [W-1:0] a, b, output reg signed [3:0] q = 0, inout c);\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    EXPECT_EQ(p.dump(), R"(Module top ansi @1:1
  ParamDecl parameter @1:14
    ParamAssign W @1:24
      Number 8 @1:28
  ParamDecl parameter integer @1:31
    ParamAssign D @1:49
      Number 2 @1:53
  PortDecl input wire @2:4
    Range @2:15
      Binary - @2:17
        Name W @2:16
        Number 1 @2:18
      Number 0 @2:20
    Declarator a @2:23
    Declarator b @2:26
  PortDecl output reg signed @2:29
    Range @2:47
      Number 3 @2:48
      Number 0 @2:50
    Declarator q @2:53
      Init
        Number 0 @2:57
  PortDecl inout @2:60
    Declarator c @2:66
)");
}

TEST(ParserModule, NonAnsiPorts) {
    Parsed p("macromodule m(a, b[3:0], {c, d[1]}, .e(f), .g(), , h);\n"
             "  input a; input [3:0] b; output c, d; inout f, h;\nendmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const Module& m = p.module();
    EXPECT_TRUE(m.macromodule);
    EXPECT_FALSE(m.ansi);
    ASSERT_EQ(m.ports.size(), 7u);
    EXPECT_EQ(sexpr(*m.ports[0].expr), "a");
    EXPECT_EQ(sexpr(*m.ports[1].expr), "b[3:0]");
    EXPECT_EQ(sexpr(*m.ports[2].expr), "{c d[1]}");
    EXPECT_TRUE(m.ports[3].hasExplicitName);
    EXPECT_EQ(m.ports[3].explicitName.text, "e");
    EXPECT_EQ(sexpr(*m.ports[3].expr), "f");
    EXPECT_TRUE(m.ports[4].hasExplicitName);
    EXPECT_EQ(m.ports[4].expr, nullptr);
    EXPECT_FALSE(m.ports[5].hasExplicitName);
    EXPECT_EQ(m.ports[5].expr, nullptr);
    EXPECT_EQ(m.items.size(), 4u);
    EXPECT_EQ(m.items[1]->as<PortDecl>().range->left->as<NumberExpr>().digits, "3");
}

TEST(ParserModule, EmptyAndNoPorts) {
    Parsed p("module a(); endmodule module b; endmodule");
    ASSERT_TRUE(p.ok());
    ASSERT_EQ(p.cu->descriptions.size(), 2u);
    EXPECT_EQ(p.module(1).name.text, "b");
}

TEST(ParserModule, DirectiveStateIsKept) {
    Parsed p("`timescale 1ns/10ps\n`default_nettype none\n`celldefine\nmodule m; endmodule\n"
             "`resetall\nmodule n; endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const Module& m = p.module(0);
    ASSERT_TRUE(m.directives.timescale.has_value());
    EXPECT_EQ(m.directives.timescale->unit, -9);
    EXPECT_EQ(m.directives.timescale->precision, -11);
    EXPECT_EQ(m.directives.defaultNettype, "none");
    EXPECT_TRUE(m.directives.celldefine);
    EXPECT_FALSE(p.module(1).directives.celldefine);
    EXPECT_EQ(p.module(1).directives.defaultNettype, "wire");
}

TEST(ParserModule, NetDeclarations) {
    Parsed p("module m;\n"
             "  wire [7:0] a, b;\n"
             "  tri1 signed [3:0] c;\n"
             "  wire (strong0, weak1) #(1, 2) d = e;\n"
             "  trireg (large) vectored [3:0] #(1,2,3) t;\n"
             "  supply0 gnd; supply1 vdd; wand w; wor o; triand ta; trior to; tri0 z; uwire u;\n"
             "  wire [3:0] arr [0:7][0:1];\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& d = p.item(2).as<NetDecl>();
    EXPECT_EQ(d.netType, TokenKind::KwWire);
    ASSERT_TRUE(d.strength);
    EXPECT_EQ(d.strength->strength0, TokenKind::KwStrong0);
    EXPECT_EQ(d.strength->strength1, TokenKind::KwWeak1);
    ASSERT_TRUE(d.delay);
    EXPECT_EQ(d.delay->values.size(), 2u);
    EXPECT_EQ(sexpr(*d.decls[0].init), "e");
    const auto& t = p.item(3).as<NetDecl>();
    EXPECT_EQ(t.strength->charge, TokenKind::KwLarge);
    EXPECT_EQ(t.vectorScalar, VectorScalar::Vectored);
    EXPECT_EQ(t.delay->values.size(), 3u);
    EXPECT_TRUE(p.item(1).as<NetDecl>().isSigned);
    const auto& arr = p.module().items.back()->as<NetDecl>();
    EXPECT_EQ(arr.decls[0].dims.size(), 2u);
}

TEST(ParserModule, VariableAndParameterDeclarations) {
    Parsed p("module m;\n"
             "  reg a = 1'b1, b;\n"
             "  reg signed [7:0] mem [0:255];\n"
             "  integer i, j[0:3]; real r = 1.5; realtime rt; time t; event e1, e2; genvar g;\n"
             "  parameter signed [3:0] P = -1, Q = 2;\n"
             "  localparam real R = 2.5;\n"
             "  parameter T = 1:2:3;\n"
             "  defparam u.v.W = 3, x[1].y = 4;\n"
             "  specparam tpd = 5;\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    EXPECT_EQ(sexpr(*p.item(0).as<VarDecl>().decls[0].init), "1'b1");
    EXPECT_TRUE(p.item(1).as<VarDecl>().isSigned);
    EXPECT_EQ(p.item(1).as<VarDecl>().decls[0].dims.size(), 1u);
    EXPECT_EQ(p.item(2).as<VarDecl>().type, TokenKind::KwInteger);
    EXPECT_EQ(p.item(7).as<VarDecl>().type, TokenKind::KwGenvar);
    const auto& pd = p.item(8).as<ParamDecl>();
    EXPECT_TRUE(pd.isSigned);
    EXPECT_EQ(pd.assigns.size(), 2u);
    EXPECT_EQ(p.item(9).as<ParamDecl>().keyword, TokenKind::KwLocalparam);
    EXPECT_EQ(p.item(9).as<ParamDecl>().type, TokenKind::KwReal);
    EXPECT_EQ(sexpr(*p.item(10).as<ParamDecl>().assigns[0].value), "(1:2:3)");
    const auto& dp = p.item(11).as<Defparam>();
    EXPECT_EQ(dp.assigns[0].target.str(), "u.v.W");
    EXPECT_EQ(dp.assigns[1].target.str(), "x[...].y");
    EXPECT_EQ(p.item(12).as<ParamDecl>().keyword, TokenKind::KwSpecparam);
}

TEST(ParserModule, ContinuousAssign) {
    Parsed p("module m; assign (pull0, pull1) #(1:2:3, 4) {a, b[1]} = c, d = e; endmodule");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& a = p.item(0).as<ContinuousAssign>();
    EXPECT_EQ(a.strength->strength0, TokenKind::KwPull0);
    EXPECT_EQ(sexpr(*a.delay->values[0]), "(1:2:3)");
    EXPECT_EQ(a.assigns.size(), 2u);
    EXPECT_EQ(sexpr(*a.assigns[0].lhs), "{a b[1]}");
}

TEST(ParserModule, GatePrimitives) {
    Parsed p("module m;\n"
             "  and (strong0, strong1) #(1, 2) g1 (o, a, b), g2 (o2, a, b);\n"
             "  not (o, a);\n"
             "  bufif1 #5 b1 [3:0] (o, i, en);\n"
             "  nmos n (d, s, g); rcmos (d, s, n, p); tranif1 t (a, b, c); rtran (a, b);\n"
             "  pullup (strong1) (p); pulldown pd (q);\n"
             "  xnor #(1:2:3) x (o, a, b);\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& g = p.item(0).as<GateInst>();
    EXPECT_EQ(g.gate, TokenKind::KwAnd);
    EXPECT_EQ(g.instances.size(), 2u);
    EXPECT_EQ(g.instances[1].name.text, "g2");
    EXPECT_EQ(g.instances[0].terminals.size(), 3u);
    EXPECT_TRUE(p.item(1).as<GateInst>().instances[0].name.empty());
    EXPECT_TRUE(p.item(2).as<GateInst>().instances[0].range.has_value());
    const auto& pu = p.item(7).as<GateInst>();
    EXPECT_EQ(pu.strength->strength1, TokenKind::KwStrong1);
    EXPECT_EQ(pu.strength->strength0, TokenKind::EndOfFile);
}

TEST(ParserModule, ModuleInstances) {
    Parsed p("module m;\n"
             "  sub #(4, 0.5) u1 (a, , c), u2 (.x(a), .y(), .z({b, c}));\n"
             "  sub #(.W(8), .D()) u3 [1:0] (a);\n"
             "  udp (strong0, weak1) #3 (o, a, b);\n"
             "  sub u4 ();\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& i = p.item(0).as<ModuleInst>();
    EXPECT_EQ(i.moduleName.text, "sub");
    EXPECT_TRUE(i.hasParams);
    EXPECT_EQ(i.params.size(), 2u);
    EXPECT_EQ(sexpr(*i.params[1].value), "0.5");
    ASSERT_EQ(i.instances.size(), 2u);
    EXPECT_EQ(i.instances[0].connections.size(), 3u);
    EXPECT_EQ(i.instances[0].connections[1].expr, nullptr);
    const auto& c = i.instances[1].connections;
    EXPECT_TRUE(c[0].named);
    EXPECT_EQ(c[0].name.text, "x");
    EXPECT_EQ(c[1].expr, nullptr);
    EXPECT_EQ(sexpr(*c[2].expr), "{b c}");
    const auto& i3 = p.item(1).as<ModuleInst>();
    EXPECT_EQ(i3.params[0].name.text, "W");
    EXPECT_EQ(i3.params[1].value, nullptr);
    EXPECT_TRUE(i3.instances[0].range.has_value());
    const auto& u = p.item(2).as<ModuleInst>();
    EXPECT_TRUE(u.strength.has_value());
    ASSERT_TRUE(u.delay.has_value());
    EXPECT_TRUE(u.instances[0].name.empty());
    EXPECT_TRUE(p.item(3).as<ModuleInst>().instances[0].connections.empty());
}

TEST(ParserModule, Generate) {
    Parsed p("module m;\n"
             "  genvar i;\n"
             "  generate\n"
             "    for (i = 0; i < 4; i = i + 1) begin : gen\n"
             "      sub u (a[i]);\n"
             "      if (i > 1) begin : inner wire w; end else ;\n"
             "    end\n"
             "  endgenerate\n"
             "  if (W == 1) other o1 (); else if (W == 2) begin third t (); end\n"
             "  case (W) 1, 2: begin : c1 deep d (); end default: ; endcase\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& region = p.item(1).as<GenerateRegion>();
    const auto& f = region.items[0]->as<GenerateFor>();
    EXPECT_EQ(f.initVar.text, "i");
    EXPECT_EQ(f.body->name.text, "gen");
    EXPECT_TRUE(f.body->hasBeginEnd);
    const auto& gi = f.body->items[1]->as<GenerateIf>();
    EXPECT_TRUE(gi.hasElse);
    EXPECT_EQ(gi.elseBlock, nullptr);
    const auto& top = p.item(2).as<GenerateIf>();
    EXPECT_FALSE(top.thenBlock->hasBeginEnd);
    EXPECT_TRUE(top.elseBlock->items[0]->is<GenerateIf>());
    const auto& gc = p.item(3).as<GenerateCase>();
    EXPECT_EQ(gc.items.size(), 2u);
    EXPECT_EQ(gc.items[0].exprs.size(), 2u);
    EXPECT_EQ(gc.items[1].body, nullptr);
    auto names = instantiatedModuleNames(p.module());
    ASSERT_EQ(names.size(), 4u);
    EXPECT_EQ(names[0], "sub");
    EXPECT_EQ(names[1], "other");
    EXPECT_EQ(names[2], "third");
    EXPECT_EQ(names[3], "deep");
}

TEST(ParserModule, FunctionsAndTasks) {
    Parsed p("module m;\n"
             "  function automatic signed [7:0] f1(input [7:0] a, input b);\n"
             "    reg [7:0] t;\n"
             "    begin t = a; f1 = t; end\n"
             "  endfunction\n"
             "  function integer f2; input a; integer k; f2 = a; endfunction\n"
             "  function real f3(input real x); f3 = x; endfunction\n"
             "  task automatic t1(input a, output reg [3:0] b, inout c);\n"
             "    #1 b = a;\n"
             "  endtask\n"
             "  task t2; input a; output b; reg r; begin b = a; end endtask\n"
             "  task t3; endtask\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& f1 = p.item(0).as<FunctionDecl>();
    EXPECT_TRUE(f1.automatic);
    EXPECT_TRUE(f1.isSigned);
    EXPECT_TRUE(f1.ansi);
    EXPECT_EQ(f1.ports.size(), 2u);
    EXPECT_EQ(f1.items.size(), 1u);
    EXPECT_TRUE(f1.body->is<BlockStmt>());
    const auto& f2 = p.item(1).as<FunctionDecl>();
    EXPECT_EQ(f2.returnType, TokenKind::KwInteger);
    EXPECT_FALSE(f2.ansi);
    EXPECT_EQ(f2.items.size(), 2u);
    EXPECT_EQ(p.item(2).as<FunctionDecl>().returnType, TokenKind::KwReal);
    const auto& t1 = p.item(3).as<TaskDecl>();
    EXPECT_TRUE(t1.automatic);
    EXPECT_EQ(t1.ports.size(), 3u);
    EXPECT_EQ(t1.ports[1]->as<PortDecl>().type, TokenKind::KwReg);
    EXPECT_TRUE(t1.body->is<TimedStmt>());
    EXPECT_EQ(p.item(4).as<TaskDecl>().items.size(), 3u);
    EXPECT_EQ(p.item(5).as<TaskDecl>().body, nullptr);
}

TEST(ParserModule, Attributes) {
    Parsed p("(* top *) module m((* p *) input a);\n"
             "  (* keep, weight = 2 *) wire w;\n"
             "  (* full_case *) always @* (* par *) case (a) default: ; endcase\n"
             "  sub u ((* c *) .x(a));\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    EXPECT_EQ(p.module().attrs[0].name.text, "top");
    EXPECT_EQ(p.module().portDecls[0]->attrs[0].name.text, "p");
    const auto& w = p.item(0);
    ASSERT_EQ(w.attrs.size(), 2u);
    EXPECT_EQ(w.attrs[1].name.text, "weight");
    EXPECT_EQ(sexpr(*w.attrs[1].value), "2");
    EXPECT_EQ(p.item(1).attrs[0].name.text, "full_case");
    const auto& timed = p.item(1).as<ProceduralBlock>().body->as<TimedStmt>();
    EXPECT_EQ(timed.stmt->attrs[0].name.text, "par");
    EXPECT_EQ(p.item(2).as<ModuleInst>().instances[0].connections[0].attrs[0].name.text, "c");
}

TEST(ParserModule, PackedExtraDimensionsAccepted) {
    Parsed p("module m; reg [3:0][7:0] v; wire [1:0][1:0] w; endmodule");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    EXPECT_EQ(p.item(0).as<VarDecl>().packedExtra.size(), 1u);
}

TEST(ParserModule, ConfigKeywordsAsNamesOutsideConfig) {
    Parsed p("module m; adder instance (a, b); wire cell; endmodule");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    EXPECT_EQ(p.item(0).as<ModuleInst>().instances[0].name.text, "instance");
}
