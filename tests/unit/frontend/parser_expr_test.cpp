#include "parser_test_util.h"

#include <gtest/gtest.h>

using namespace parser_test;
using namespace metalfpga::frontend::ast;

namespace {

// Parses `x = <text>;` in an initial block and returns the right-hand side as an S-expression
// (or the first error).
std::string expr(const std::string& text) {
    Parsed p("module m; initial x = " + text + "; endmodule\n");
    if (!p.ok()) return "error: " + p.errors().at(0);
    const auto& init = p.item(0).as<ProceduralBlock>();
    return sexpr(*init.body->as<AssignStmt>().rhs);
}

} // namespace

TEST(ParserExpr, Primaries) {
    EXPECT_EQ(expr("42"), "42");
    EXPECT_EQ(expr("8'hff"), "8'hff");
    EXPECT_EQ(expr("4'sb1x0z"), "4'sb1x0z");
    EXPECT_EQ(expr("'o17"), "'o17");
    EXPECT_EQ(expr("'HFF"), "'hFF");
    EXPECT_EQ(expr("16 'd 10"), "16'd10");
    EXPECT_EQ(expr("1.5e3"), "1.5e3");
    EXPECT_EQ(expr("\"hi\""), "\"hi\"");
    EXPECT_EQ(expr("a.b.c"), "a.b.c");
    EXPECT_EQ(expr("a[1].b"), "a[...].b");
    EXPECT_EQ(expr("\\bus+idx "), "\\bus+idx ");
    EXPECT_EQ(expr("$time"), "$time");
    EXPECT_EQ(expr("$signed(x)"), "$signed(x)");
    EXPECT_EQ(expr("f(a, b+1)"), "f(a,(+ b 1))");
    EXPECT_EQ(expr("top.f(a)"), "top.f(a)");
    EXPECT_EQ(expr("(1:2:3)"), "(1:2:3)");
}

TEST(ParserExpr, NumberParts) {
    Parsed p("module m; initial x = 12'sH_fA_z; endmodule");
    ASSERT_TRUE(p.ok());
    const auto& n = p.item(0).as<ProceduralBlock>().body->as<AssignStmt>().rhs->as<NumberExpr>();
    EXPECT_EQ(n.size, "12");
    EXPECT_TRUE(n.isSigned);
    EXPECT_EQ(n.base, 'h');
    EXPECT_EQ(n.digits, "_fA_z");
}

TEST(ParserExpr, Selects) {
    EXPECT_EQ(expr("a[3]"), "a[3]");
    EXPECT_EQ(expr("a[7:0]"), "a[7:0]");
    EXPECT_EQ(expr("a[i+:4]"), "a[i+:4]");
    EXPECT_EQ(expr("a[i-:4]"), "a[i-:4]");
    EXPECT_EQ(expr("mem[i][j][3:0]"), "mem[i][j][3:0]");
    EXPECT_EQ(expr("a.b[2].c[1]"), "a.b[...].c[1]");
}

TEST(ParserExpr, ConcatAndReplication) {
    EXPECT_EQ(expr("{a, b, 1'b0}"), "{a b 1'b0}");
    EXPECT_EQ(expr("{4{a}}"), "{4 {a}}");
    EXPECT_EQ(expr("{2{a, b}}"), "{2 {a b}}");
    EXPECT_EQ(expr("{a, {2{b}}, {c, d}}"), "{a {2 {b}} {c d}}");
}

TEST(ParserExpr, BinaryPrecedence) {
    EXPECT_EQ(expr("a + b * c"), "(+ a (* b c))");
    EXPECT_EQ(expr("a * b + c"), "(+ (* a b) c)");
    EXPECT_EQ(expr("a ** b * c"), "(* (** a b) c)");
    EXPECT_EQ(expr("a + b << c"), "(<< (+ a b) c)");
    EXPECT_EQ(expr("a << b < c"), "(< (<< a b) c)");
    EXPECT_EQ(expr("a < b == c"), "(== (< a b) c)");
    EXPECT_EQ(expr("a == b & c"), "(& (== a b) c)");
    EXPECT_EQ(expr("a & b ^ c"), "(^ (& a b) c)");
    EXPECT_EQ(expr("a ^ b | c"), "(| (^ a b) c)");
    EXPECT_EQ(expr("a ~^ b | c"), "(| (~^ a b) c)");
    EXPECT_EQ(expr("a | b && c"), "(&& (| a b) c)");
    EXPECT_EQ(expr("a && b || c"), "(|| (&& a b) c)");
    EXPECT_EQ(expr("a || b ? c : d"), "(? (|| a b) c d)");
    EXPECT_EQ(expr("a >>> 2 + 1"), "(>>> a (+ 2 1))");
    EXPECT_EQ(expr("a !== b === c"), "(=== (!== a b) c)");
    EXPECT_EQ(expr("a <= b"), "(<= a b)");
}

TEST(ParserExpr, Associativity) {
    EXPECT_EQ(expr("a - b - c"), "(- (- a b) c)");
    EXPECT_EQ(expr("a / b / c"), "(/ (/ a b) c)");
    EXPECT_EQ(expr("a ** b ** c"), "(** (** a b) c)"); // left-associative in 1364-2005
    EXPECT_EQ(expr("a ? b : c ? d : e"), "(? a b (? c d e))");
    EXPECT_EQ(expr("a ? b ? c : d : e"), "(? a (? b c d) e)");
}

TEST(ParserExpr, Unary) {
    EXPECT_EQ(expr("-a + b"), "(+ (- a) b)");
    EXPECT_EQ(expr("-a ** b"), "(** (- a) b)");
    EXPECT_EQ(expr("~&a"), "(~& a)");
    EXPECT_EQ(expr("~|a | b"), "(| (~| a) b)");
    EXPECT_EQ(expr("^~a"), "(~^ a)");
    EXPECT_EQ(expr("!a && &b"), "(&& (! a) (& b))");
    EXPECT_EQ(expr("-(-a)"), "(- (- a))");
    EXPECT_EQ(expr("a & ~b"), "(& a (~ b))");
}

TEST(ParserExpr, SystemCallEmptyArguments) {
    Parsed p("module m; initial $display(a,,b); initial $display(,a,); initial $finish; "
             "endmodule");
    ASSERT_TRUE(p.ok());
    const auto& c1 = *p.item(0).as<ProceduralBlock>().body->as<SystemTaskCallStmt>().call;
    EXPECT_EQ(sexpr(c1), "$display(a,,b)");
    const auto& c2 = *p.item(1).as<ProceduralBlock>().body->as<SystemTaskCallStmt>().call;
    EXPECT_EQ(sexpr(c2), "$display(,a,)");
    EXPECT_EQ(c2.args.size(), 3u);
    const auto& c3 = *p.item(2).as<ProceduralBlock>().body->as<SystemTaskCallStmt>().call;
    EXPECT_FALSE(c3.hasParens);
}

TEST(ParserExpr, AttributesOnOperators) {
    Parsed p("module m; assign x = a + (* mode = \"fast\" *) b; endmodule");
    ASSERT_TRUE(p.ok()) << p.errors().at(0);
    const auto& b = p.item(0).as<ContinuousAssign>().assigns[0].rhs->as<BinaryExpr>();
    ASSERT_EQ(b.attrs.size(), 1u);
    EXPECT_EQ(b.attrs[0].name.text, "mode");
}

TEST(ParserExpr, Errors) {
    EXPECT_EQ(expr("a +"), "error: 1:26: expected expression");
    EXPECT_EQ(expr("{}"), "error: 1:23: empty concatenation '{}' is not allowed in Verilog-2005");
    EXPECT_EQ(expr("(a"), "error: 1:25: expected ')' to close the parenthesized expression");
    EXPECT_EQ(expr("a ? b"), "error: 1:28: expected ':' in conditional expression");
    EXPECT_EQ(expr("a[1"), "error: 1:26: expected ']' to close the select");
}
