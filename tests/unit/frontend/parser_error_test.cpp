#include "parser_test_util.h"

#include <gtest/gtest.h>

#include <random>

using namespace parser_test;
using namespace metalfpga::frontend::ast;

TEST(ParserErrors, SeveralErrorsAreReportedWithLocations) {
    Parsed p("module m(input a, output b);\n"
             "  wire [3:0] w\n"
             "  reg r;\n"
             "  assign b = a +;\n"
             "  always @(posedge a) begin\n"
             "    r = ;\n"
             "    r <= 1;\n"
             "    if (a b) r = 0;\n"
             "  end\n"
             "  foo u1 (.a(a), .b(b);\n"
             "  initial begin\n"
             "    case (a)\n"
             "      1: r = 1\n"
             "      default: r = 0;\n"
             "    endcase\n"
             "  end\n"
             "endmodule\n"
             "module n;\n"
             "  logic [3:0] x;\n"
             "  initial $display(\"ok\");\n"
             "endmodule\n");
    std::vector<std::string> expected = {
        "3:3: expected ';' after net declaration",
        "4:17: expected expression",
        "6:9: expected expression",
        "8:11: expected ')' to close the 'if' condition",
        "10:23: expected ')' to close the port connections",
        "14:7: expected ';' after assignment",
        "19:3: 'logic' is SystemVerilog, not Verilog-2005",
    };
    EXPECT_EQ(p.errors(), expected);
    // Both modules are still there, with what could be parsed.
    ASSERT_EQ(p.cu->descriptions.size(), 2u);
    EXPECT_EQ(p.module(1).name.text, "n");
    EXPECT_EQ(p.module(1).items.size(), 1u);
    ASSERT_EQ(p.module(0).items.size(), 3u); // reg, always, initial
    const auto& always = p.item(1).as<ProceduralBlock>();
    EXPECT_EQ(always.body->as<TimedStmt>().stmt->as<BlockStmt>().stmts.size(), 1u); // r <= 1
}

TEST(ParserErrors, RenderedWithFileLineColumn) {
    Parsed p("module m;\n  wire a\nendmodule\n", "bad.v");
    ASSERT_EQ(p.diags.all().size(), 1u);
    EXPECT_EQ(p.diags.render(p.diags.all()[0]), "bad.v:3:1: error: expected ';' after net "
                                                "declaration\n    : endmodule\n    : ^\n");
}

TEST(ParserErrors, MissingEndsAtEndOfFile) {
    Parsed p("module m;\n initial begin\n  x = 1;\n");
    EXPECT_EQ(p.errors(), std::vector<std::string>{"4:1: expected 'end' to close 'begin'"});
    Parsed q("module m;\n wire a;\n");
    EXPECT_EQ(q.errors(),
              std::vector<std::string>{"3:1: expected 'endmodule' to close module 'm'"});
}

TEST(ParserErrors, StrayTokens) {
    Parsed p(
        "module m;\nendfunction\nwire a;\nend\nendmodule garbage ) ( ;\nmodule k; endmodule\n");
    std::vector<std::string> expected = {
        "2:1: unexpected 'endfunction'",
        "4:1: unexpected 'end'",
        "5:11: unexpected identifier 'garbage' outside a module",
    };
    EXPECT_EQ(p.errors(), expected);
    ASSERT_EQ(p.cu->descriptions.size(), 2u);
    EXPECT_EQ(p.module(0).items.size(), 1u);
}

TEST(ParserErrors, SpecificMessages) {
    auto first = [](const std::string& text) {
        Parsed p(text);
        return p.errors().empty() ? std::string("no error") : p.errors()[0];
    };
    EXPECT_EQ(first("module m; reg [3:0 r; endmodule"), "1:20: expected ']' to close the range");
    EXPECT_EQ(first("module m; foo bar; endmodule"),
              "1:18: expected '(' to start the port connections");
    EXPECT_EQ(first("module m; initial x = 1 endmodule"), "1:25: expected ';' after assignment");
    EXPECT_EQ(first("module m; initial foo bar; endmodule"),
              "1:23: expected '=' or '<=' in assignment");
    EXPECT_EQ(first("module m; parameter P; endmodule"), "1:22: expected '=' after parameter name");
    EXPECT_EQ(first("module m; and (a, b) endmodule"), "1:22: expected ';' after gate instance");
    EXPECT_EQ(first("module m; wire module; endmodule"),
              "1:16: expected a net name, found keyword 'module'");
    EXPECT_EQ(first("module m; sub u(.*); endmodule"),
              "1:17: '.*' port connections are SystemVerilog, not Verilog-2005");
    EXPECT_EQ(first("module m; always_ff @(posedge c) x <= 1; endmodule"),
              "1:11: 'always_ff' is SystemVerilog, not Verilog-2005");
    EXPECT_EQ(first("interface i; endinterface"),
              "1:1: 'interface' is SystemVerilog, not Verilog-2005");
    EXPECT_EQ(first("module m; function f; input a; f = a; f = 1; endfunction endmodule"),
              "1:39: a function body is a single statement in Verilog-2005 (use begin ... end)");
    EXPECT_EQ(
        first("module m; generate for (genvar i = 0; i < 2; i = i + 1) ; endgenerate endmodule"),
        "1:25: 'genvar' inside a generate 'for' header is SystemVerilog, not Verilog-2005");
    EXPECT_EQ(first("module m; endmodule : m"),
              "1:21: 'endmodule : name' labels are SystemVerilog, not Verilog-2005");
    EXPECT_EQ(first("module m; wire (highz0, highz1) w; endmodule"),
              "1:16: drive strength (highz0, highz1) is not allowed");
    EXPECT_EQ(first("module m; initial #; endmodule"), "1:20: expected a delay value after '#'");
    EXPECT_EQ(first("module m; initial r = ~ |a; endmodule"),
              "1:25: the operand of unary '~' must be a primary: write parentheses around '|' "
              "and its operand");
    EXPECT_EQ(first("module m; initial r = - -a; endmodule"),
              "1:25: the operand of unary '-' must be a primary: write parentheses around '-' "
              "and its operand");
    EXPECT_EQ(first("module m(input x = 1); endmodule"),
              "1:18: an input port may not have a default value");
    EXPECT_EQ(first("module m; initial @; endmodule"),
              "1:20: expected '(', '*' or a name after '@'");
}

TEST(ParserErrors, DeepNestingStopsWithAnError) {
    std::string deep = "module m; initial x = " + std::string(100000, '(') + "a;\nendmodule\n";
    Parsed p(deep);
    ASSERT_FALSE(p.errors().empty());
    EXPECT_NE(p.errors()[0].find("nesting is too deep (more than 1000 levels)"), std::string::npos);
    std::string blocks = "module m; initial ";
    for (int i = 0; i < 5000; ++i) blocks += "begin ";
    Parsed q(blocks);
    ASSERT_FALSE(q.errors().empty());
    EXPECT_NE(q.errors()[0].find("nesting is too deep"), std::string::npos);
    std::string gen = "module m; ";
    for (int i = 0; i < 5000; ++i) gen += "if (1) ";
    Parsed r(gen);
    EXPECT_FALSE(r.ok());
    std::string un = "module m; initial x = " + std::string(50000, '-') + "a; endmodule";
    Parsed u(un);
    EXPECT_FALSE(u.ok());
}

TEST(ParserErrors, RandomTokenSoupTerminates) {
    // Shuffled Verilog fragments must never hang, crash or be accepted silently without a tree.
    const char* pieces[] = {"module",
                            "m",
                            "(",
                            ")",
                            ";",
                            "begin",
                            "end",
                            "endmodule",
                            "wire",
                            "[",
                            "]",
                            "3",
                            ":",
                            "0",
                            "=",
                            "<=",
                            "#",
                            "@",
                            "*",
                            "(*",
                            "*)",
                            "case",
                            "endcase",
                            "if",
                            "else",
                            "{",
                            "}",
                            ",",
                            ".",
                            "a",
                            "b",
                            "$display",
                            "\"s\"",
                            "8'hff",
                            "function",
                            "endfunction",
                            "task",
                            "endtask",
                            "generate",
                            "endgenerate",
                            "for",
                            "specify",
                            "endspecify",
                            "primitive",
                            "table",
                            "endtable",
                            "endprimitive",
                            "config",
                            "endconfig",
                            "fork",
                            "join",
                            "posedge",
                            "or",
                            "?",
                            "+:",
                            "->"};
    std::mt19937 rng(12345);
    for (int iter = 0; iter < 300; ++iter) {
        std::string text = "module t; ";
        int n = 20 + static_cast<int>(rng() % 200);
        for (int i = 0; i < n; ++i) {
            text += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
            text += ' ';
        }
        Parsed p(text);
        EXPECT_NE(p.cu, nullptr);
    }
}
