#include "parser_test_util.h"

#include <gtest/gtest.h>

using namespace parser_test;
using namespace metalfpga::frontend::ast;

TEST(ParserSpecify, PathsAndTimingChecks) {
    Parsed p("module m(input a, b, clk, d, output q, r);\n"
             "specify\n"
             "  specparam tRise = 1, tFall = 2;\n"
             "  specparam PATHPULSE$a$q = (3, 4);\n"
             "  specparam PATHPULSE$ = 5;\n"
             "  (a => q) = 1;\n"
             "  (a, b *> q, r) = (1, 2);\n"
             "  (a -=> q) = (1:2:3, 4:5:6, 7:8:9);\n"
             "  (posedge clk => (q +: d)) = (1, 2, 3, 4, 5, 6);\n"
             "  (negedge clk *> (q, r -: d)) = tRise;\n"
             "  (clk => (q : d)) = 1;\n"
             "  if (a & b) (b => q) = 2;\n"
             "  if (!a) (posedge clk => (q : d)) = 3;\n"
             "  ifnone (b => q) = 4;\n"
             "  showcancelled q; noshowcancelled r;\n"
             "  pulsestyle_onevent q, r; pulsestyle_ondetect q;\n"
             "  $setup(d, posedge clk, 1);\n"
             "  $hold(posedge clk, d, 1, ntfr);\n"
             "  $setuphold(posedge clk &&& en, negedge d, 1, 2, ntfr, , , dclk, dd);\n"
             "  $recovery(posedge a, clk, 1); $removal(posedge a, clk, 1);\n"
             "  $recrem(posedge a, posedge clk, 1, 2, n);\n"
             "  $skew(posedge a, posedge b, 3); $timeskew(posedge a, posedge b, 3, n, 1, 0);\n"
             "  $fullskew(posedge a, negedge b, 3, 4, n, 1, 0);\n"
             "  $period(edge [01, x1, 0z] clk, 10, n);\n"
             "  $width(posedge clk, 5, 1, n);\n"
             "  $nochange(posedge clk, d, 0, 0);\n"
             "endspecify\n"
             "endmodule\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& s = p.item(0).as<SpecifyBlock>();
    ASSERT_EQ(s.items.size(), 28u);
    EXPECT_EQ(s.items[1]->as<ParamDecl>().assigns[0].name.text, "PATHPULSE$a$q");
    EXPECT_NE(s.items[1]->as<ParamDecl>().assigns[0].errorLimit, nullptr);
    const auto& p0 = s.items[3]->as<SpecifyPath>();
    EXPECT_FALSE(p0.full);
    EXPECT_EQ(p0.delays.size(), 1u);
    const auto& p1 = s.items[4]->as<SpecifyPath>();
    EXPECT_TRUE(p1.full);
    EXPECT_EQ(p1.inputs.size(), 2u);
    EXPECT_EQ(p1.outputs.size(), 2u);
    EXPECT_EQ(s.items[5]->as<SpecifyPath>().inputPolarity, TokenKind::Minus);
    const auto& p3 = s.items[6]->as<SpecifyPath>();
    EXPECT_EQ(p3.edge, TokenKind::KwPosedge);
    EXPECT_EQ(p3.outputPolarity, TokenKind::Plus);
    EXPECT_EQ(sexpr(*p3.dataSource), "d");
    EXPECT_EQ(p3.delays.size(), 6u);
    EXPECT_EQ(s.items[7]->as<SpecifyPath>().outputPolarity, TokenKind::Minus);
    EXPECT_EQ(s.items[9]->as<SpecifyPath>().condition, SpecifyPath::Condition::If);
    EXPECT_EQ(s.items[11]->as<SpecifyPath>().condition, SpecifyPath::Condition::Ifnone);
    EXPECT_EQ(s.items[12]->as<PulseStyle>().keyword, TokenKind::KwShowcancelled);
    const auto& sh = s.items[18]->as<TimingCheck>();
    EXPECT_EQ(sh.name.text, "$setuphold");
    ASSERT_EQ(sh.args.size(), 9u);
    EXPECT_NE(sh.args[0].cond, nullptr);
    EXPECT_TRUE(sh.args[5].empty);
    const auto& per = s.items[25]->as<TimingCheck>();
    EXPECT_EQ(per.args[0].edge, TokenKind::KwEdge);
    ASSERT_EQ(per.args[0].edgeDescriptors.size(), 3u);
    EXPECT_EQ(per.args[0].edgeDescriptors[1], "x1");
}

TEST(ParserSpecify, Errors) {
    Parsed p("module m; specify (a => b) = (1, 2, 3, 4); $bogus(a); endspecify endmodule");
    auto e = p.errors();
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0], "1:31: a path delay has 1, 2, 3, 6 or 12 values, not 4");
    EXPECT_EQ(e[1], "1:44: unknown timing check '$bogus'");
}

TEST(ParserUdp, CombinationalAndSequential) {
    Parsed p("primitive mux (out, sel, a, b);\n"
             "  output out; input sel, a, b;\n"
             "  table\n"
             "    0 1 ? : 1;\n"
             "    0 0 ? : 0;\n"
             "    1 ? 1 : 1;\n"
             "    1 ? 0 : 0;\n"
             "    x 00 : 0;\n"
             "  endtable\n"
             "endprimitive\n"
             "primitive dff (output reg q = 1'b0, input d, clk);\n"
             "  table\n"
             "    1 (01) : ? : 1;\n"
             "    0 (0x) : 0 : -;\n"
             "    ? (?0) : ? : -;\n"
             "    * b : ? : -;\n"
             "    ? r : ? : 0; ? f : ? : 1; ? p : 1 : 1; ? n : 0 : 0;\n"
             "  endtable\n"
             "endprimitive\n"
             "primitive latch (q, en, d); output q; reg q; input en, d;\n"
             "  initial q = 0;\n"
             "  table 1 1 : ? : 1; 0 ? : ? : -; endtable\n"
             "endprimitive\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& mux = p.cu->descriptions[0]->as<Primitive>();
    EXPECT_FALSE(mux.sequential);
    EXPECT_EQ(mux.portNames.size(), 4u);
    ASSERT_EQ(mux.rows.size(), 5u);
    EXPECT_EQ(mux.rows[4].inputs.size(), 3u);
    EXPECT_EQ(mux.rows[4].inputs[1], "0");
    const auto& dff = p.cu->descriptions[1]->as<Primitive>();
    EXPECT_TRUE(dff.ansi);
    EXPECT_TRUE(dff.sequential);
    EXPECT_EQ(dff.rows[0].inputs[1], "(01)");
    EXPECT_EQ(dff.rows[1].inputs[1], "(0x)");
    EXPECT_EQ(dff.rows[1].output, '-');
    EXPECT_EQ(dff.rows[2].inputs[1], "(?0)");
    EXPECT_EQ(dff.rows[3].inputs[0], "*");
    const auto& latch = p.cu->descriptions[2]->as<Primitive>();
    EXPECT_EQ(latch.initialName.text, "q");
    EXPECT_EQ(latch.decls.size(), 3u);
    EXPECT_EQ(p.dump().find("Row 1 (01) : ? : 1") != std::string::npos, true);
}

TEST(ParserUdp, TableErrors) {
    Parsed p("primitive u (o, a, b); output o; input a, b;\n"
             "table\n"
             "  0 1 : 2;\n"
             "  (01) 1 : 0;\n"
             "  0 0 : 1;\n"
             "endtable endprimitive\n");
    auto e = p.errors();
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0], "3:9: '2' is not a table symbol");
    EXPECT_EQ(e[1], "4:3: edges are only allowed in sequential primitives");
    EXPECT_EQ(p.cu->descriptions[0]->as<Primitive>().rows.size(), 1u);
}

TEST(ParserConfig, Rules) {
    Parsed p("config cfg;\n"
             "  design lib1.top other;\n"
             "  default liblist lib1 lib2;\n"
             "  instance top.u1 liblist lib3;\n"
             "  instance top.u2 use lib4.alt:config;\n"
             "  cell adder use lib5.fast_adder;\n"
             "  cell lib1.mult liblist ;\n"
             "endconfig\n");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& c = p.cu->descriptions[0]->as<Config>();
    ASSERT_EQ(c.design.size(), 2u);
    EXPECT_EQ(c.design[0].library.text, "lib1");
    EXPECT_EQ(c.design[1].cell.text, "other");
    ASSERT_EQ(c.rules.size(), 5u);
    EXPECT_EQ(c.rules[0].kind, ConfigRule::Kind::Default);
    EXPECT_EQ(c.rules[0].liblist.size(), 2u);
    EXPECT_EQ(c.rules[1].instance.str(), "top.u1");
    EXPECT_TRUE(c.rules[2].isUse);
    EXPECT_TRUE(c.rules[2].useConfig);
    EXPECT_EQ(c.rules[3].kind, ConfigRule::Kind::Cell);
    EXPECT_EQ(c.rules[3].use.cell.text, "fast_adder");
    EXPECT_TRUE(c.rules[4].liblist.empty());
    EXPECT_EQ(p.dump(), R"(Config cfg @1:1
  Design lib1.top @2:15
  Design other @2:19
  Default liblist lib1 lib2 @3:3
  Instance top.u1 liblist lib3 @4:3
  Instance top.u2 use lib4.alt:config @5:3
  Cell adder use lib5.fast_adder @6:3
  Cell lib1.mult liblist @7:3
)");
}
