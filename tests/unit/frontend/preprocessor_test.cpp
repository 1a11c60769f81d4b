#include "frontend/preprocessor.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace metalfpga::frontend;
namespace fs = std::filesystem;

namespace {

struct Pp {
    SourceManager sm;
    Diagnostics diags{sm};
    Preprocessor pp;
    PreprocessedUnit unit;

    explicit Pp(PreprocessorOptions opts = {}) : pp(sm, diags, std::move(opts)) {
        diags.setQuiet(true);
    }

    // Preprocesses `text` (as file `name`) and returns the tokens' spellings joined by spaces.
    std::string run(std::string text, std::string name = "test.v") {
        uint32_t b = sm.addBuffer(std::move(name), std::move(text));
        unit = pp.runBuffers({b});
        return joined();
    }
    std::string runFiles(const std::vector<std::string>& files) {
        unit = pp.run(files);
        return joined();
    }
    std::string joined() const {
        std::string s;
        for (const auto& t : unit.tokens) {
            if (t.kind == TokenKind::EndOfFile) break;
            if (!s.empty()) s += ' ';
            if (t.kind == TokenKind::StringLiteral)
                s += "\"" + std::string(t.text) + "\"";
            else
                s += std::string(t.text);
        }
        return s;
    }
    // The i-th error (notes and warnings left out).
    const Diagnostic* error(size_t i) const {
        for (const auto& d : diags.all())
            if (d.severity == Severity::Error && i-- == 0) return &d;
        return nullptr;
    }
    std::string message(size_t i = 0) const {
        return error(i) ? error(i)->message : "<no diagnostic>";
    }
    LineCol diagAt(size_t i = 0) const { return error(i) ? sm.lineCol(error(i)->loc) : LineCol{}; }
    const Token& tok(size_t i) const { return unit.tokens.at(i); }
};

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

// A fresh folder under the system temp folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int counter = 0;
        path = fs::temp_directory_path() / ("metalfpga_pp_test_" + std::to_string(::getpid()) +
                                            "_" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& rel, const std::string& text) const {
        fs::path p = path / rel;
        fs::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p.string();
    }
};

// Runs with the current folder set to `dir`, restoring it afterwards.
struct InDir {
    fs::path saved;
    explicit InDir(const fs::path& dir) : saved(fs::current_path()) { fs::current_path(dir); }
    ~InDir() { fs::current_path(saved); }
};

} // namespace

TEST(Preprocessor, PlainTokensPassThrough) {
    Pp p;
    EXPECT_EQ(p.run("module m; endmodule"), "module m ; endmodule");
    EXPECT_EQ(p.unit.tokens.back().kind, TokenKind::EndOfFile);
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, EmptyInputEndsWithEndOfFile) {
    Pp p;
    EXPECT_EQ(p.run(""), "");
    ASSERT_EQ(p.unit.tokens.size(), 1u);
    EXPECT_EQ(p.unit.tokens[0].kind, TokenKind::EndOfFile);
    PreprocessedUnit none = p.pp.runBuffers({});
    ASSERT_EQ(none.tokens.size(), 1u);
}

TEST(Preprocessor, SimpleMacro) {
    Pp p;
    EXPECT_EQ(p.run("`define WIDTH 8\nwire [`WIDTH-1:0] w;"), "wire [ 8 - 1 : 0 ] w ;");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    EXPECT_TRUE(p.pp.isDefined("WIDTH"));
}

TEST(Preprocessor, EmptyMacroAndRedefinition) {
    Pp p;
    EXPECT_EQ(p.run("`define E\na `E b\n`define E c\n`E"), "a b c");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, MacroWithArguments) {
    Pp p;
    EXPECT_EQ(p.run("`define ADD(a, b) ((a) + (b))\nx = `ADD(1, y);"), "x = ( ( 1 ) + ( y ) ) ;");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, ArgumentsWithNestingAndStrings) {
    Pp p;
    EXPECT_EQ(p.run("`define F(a, b) a | b\n`F(f(x, y), {c, d[1:0]}) `F(\"a,b\", [1,2])"),
              "f ( x , y ) | { c , d [ 1 : 0 ] } \"a,b\" | [ 1 , 2 ]");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, EmptyArguments) {
    Pp p;
    EXPECT_EQ(p.run("`define F(a, b) <a|b>\n`F(,) `F(x,) `F(, y)"), "< | > < x | > < | y >");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, ArgumentsAcrossLinesAndSpaceBeforeParen) {
    Pp p;
    EXPECT_EQ(p.run("`define F(a, b) a+b\n`F (1,\n   2)"), "1 + 2");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, NameFollowedBySpaceThenParenHasNoArguments) {
    Pp p;
    EXPECT_EQ(p.run("`define P (x)\n`P"), "( x )");
}

TEST(Preprocessor, MacroWithoutFormalsButParens) {
    Pp p;
    EXPECT_EQ(p.run("`define N() 42\n`N()"), "42");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, DefaultArgumentValues) {
    Pp p;
    EXPECT_EQ(p.run("`define M(a=1, b=(2,3)) a b\n`M() `M(5) `M(,7)"),
              "1 ( 2 , 3 ) 5 ( 2 , 3 ) 1 7");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, ArgumentCountErrors) {
    Pp p;
    p.run("`define F(a, b) a b\n`F(1, 2, 3)\n`F(1)\n`F\n;");
    ASSERT_EQ(p.diags.errorCount(), 3u);
    EXPECT_TRUE(contains(p.message(0), "takes 2 arguments but 3")) << p.message(0);
    EXPECT_EQ(p.diagAt(0).line, 2u);
    EXPECT_TRUE(contains(p.message(1), "needs 2 arguments")) << p.message(1);
    EXPECT_TRUE(contains(p.message(2), "needs arguments")) << p.message(2);
    EXPECT_EQ(p.diagAt(2).line, 4u);
}

TEST(Preprocessor, UnterminatedArguments) {
    Pp p;
    p.run("`define F(a) a\n`F(1, (2)");
    ASSERT_EQ(p.diags.errorCount(), 1u);
    EXPECT_TRUE(contains(p.message(), "unterminated argument list")) << p.message();
}

TEST(Preprocessor, MultiLineBody) {
    Pp p;
    EXPECT_EQ(p.run("`define BODY(x) begin \\\n  a = x; /* c\n */ \\\n  b = x; \\\nend // c\n"
                    "`BODY(1) q"),
              "begin a = 1 ; b = 1 ; end q");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, NestedAndRecursiveUse) {
    Pp p;
    EXPECT_EQ(p.run("`define A 1\n`define B (`A + `A)\n`define C(x) `B * x\n`C(`C(2))"),
              "( 1 + 1 ) * ( 1 + 1 ) * 2");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, MacroDefinedAfterUseInBody) {
    // Bodies are expanded when used, not when defined.
    Pp p;
    EXPECT_EQ(p.run("`define A `B\n`define B 7\n`A"), "7");
}

TEST(Preprocessor, RecursiveMacroIsAnError) {
    Pp p;
    p.run("`define R a `R\nx `R y\n`define S(n) `S(n)\n`S(1) z");
    ASSERT_GE(p.diags.errorCount(), 2u);
    EXPECT_TRUE(contains(p.message(0), "recursive")) << p.message(0);
    EXPECT_TRUE(contains(p.message(1), "recursive")) << p.message(1);
    // The text around the uses survives.
    std::string out = p.joined();
    EXPECT_EQ(out.substr(0, 4), "x a ");
    EXPECT_TRUE(contains(out, " y")) << out;
    EXPECT_EQ(out.back(), 'z');
}

TEST(Preprocessor, ExponentialMacroIsStopped) {
    Pp p;
    p.run("`define A `A `A\n`A ok");
    EXPECT_GE(p.diags.errorCount(), 1u);
    EXPECT_LE(p.diags.errorCount(), 3u);
}

TEST(Preprocessor, UndefinedMacroIsAnError) {
    Pp p;
    p.run("a `NOPE b");
    ASSERT_EQ(p.diags.errorCount(), 1u);
    EXPECT_EQ(p.message(), "unknown macro or directive `NOPE");
    EXPECT_EQ(p.diagAt().col, 3u);
    EXPECT_EQ(p.joined(), "a b");
}

TEST(Preprocessor, Undef) {
    Pp p;
    EXPECT_EQ(p.run("`define X 1\n`undef X\na `X b"), "a b");
    // As in Icarus (ivtest undef.v): a macro removed by `undef expands to nothing, with a warning.
    EXPECT_EQ(p.diags.errorCount(), 0u);
    ASSERT_EQ(p.diags.warningCount(), 1u);
    EXPECT_TRUE(contains(p.diags.all()[0].message, "`undef at test.v:2"))
        << p.diags.all()[0].message;
    EXPECT_FALSE(p.pp.isDefined("X"));
    p.run("`undef NEVER\n");
    EXPECT_EQ(p.diags.warningCount(), 2u);
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, OneLineCommentEndingInBackslashContinuesTheBody) {
    // ivtest br_gh435.v
    Pp p;
    EXPECT_EQ(
        p.run("`define D \\\n  initial begin // comment \\\n    $display(\"P\"); \\\n  end\n\n`D"),
        "initial begin $display ( \"P\" ) ; end");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, FormalArgumentsMaySpanLines) {
    // ivtest macro_with_args.v
    Pp p;
    EXPECT_EQ(p.run("`define sqr( x ) (x * x) // comment\n"
                    "`define sum( a /* c */ , b /* c */ ) /* c */ \\\n  (a + b)\n"
                    "`define sumsqr(\n    a // comment\n  ,\n    b // comment\n  ) \\\n"
                    "  `sum ( \\\n    `sqr(a) \\\n   , \\\n    `sqr(b) \\\n   )\n"
                    "`sumsqr(2, 3)"),
              "( ( 2 * 2 ) + ( 3 * 3 ) )");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, DirectiveArgumentsMaySpanLinesWithComments) {
    // ivtest br_gh782b.v, br_gh782c.v, br_gh782f.v
    Pp p;
    p.run("/* c */ `timescale /* c */ // c\n/* c */ 1 // c\n s /* c */\n /\n 1 ms\na\n"
          "/* comment */`default_nettype/*\n   comment */\n/* comment */tri0/*\n */\nb\n"
          "/* comment */`unconnected_drive/*\n comment */\n/* comment */pull1/*\n */\nc");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    EXPECT_EQ(p.joined(), "a b c");
    EXPECT_EQ(p.unit.stateAt(0).timescale->unit, 0);
    EXPECT_EQ(p.unit.stateAt(0).timescale->precision, -3);
    EXPECT_EQ(p.unit.stateAt(1).defaultNettype, "tri0");
    EXPECT_EQ(p.unit.stateAt(2).unconnectedDrive, UnconnectedDrive::Pull1);
}

TEST(Preprocessor, MacroArgumentsInDirectives) {
    Pp p;
    p.run("`define U 10ns\n`define NT none\n`timescale `U/1ps\n`default_nettype `NT\nx");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    EXPECT_EQ(p.unit.stateAt(0).timescale->unit, -8);
    EXPECT_EQ(p.unit.stateAt(0).defaultNettype, "none");
}

TEST(Preprocessor, BackquotePastedOntoAnArgumentNamesAMacro) {
    // ivtest br_gh374.v
    Pp p;
    EXPECT_EQ(p.run("`define FOO_DISPLAY 42\n`define INDIRECT(OPTN) ```OPTN``_DISPLAY\n"
                    "`INDIRECT(FOO)"),
              "42");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, ExpansionLocations) {
    Pp p;
    p.run("`define V 1 +\n\n  x = `V y;");
    // x = 1 + y ;
    const Token& one = p.tok(2);
    EXPECT_EQ(one.text, "1");
    LineCol def = p.sm.lineCol(one.loc);
    EXPECT_EQ(def.line, 1u); // points into the definition
    EXPECT_EQ(def.col, 11u);
    ASSERT_NE(one.loc.expansion, 0u);
    const MacroExpansion& e = p.sm.expansion(one.loc.expansion);
    EXPECT_EQ(e.name, "V");
    EXPECT_EQ(p.sm.lineCol(e.use).line, 3u);
    EXPECT_EQ(p.sm.lineCol(e.use).col, 7u);
    EXPECT_EQ(p.sm.lineCol(e.definition).col, 9u);
    EXPECT_TRUE(one.spaceBefore);
    EXPECT_EQ(p.tok(4).loc.expansion, 0u); // y
}

TEST(Preprocessor, ArgumentTokensKeepTheirLocation) {
    Pp p;
    p.run("`define F(a) (a)\n`F(zz)");
    EXPECT_EQ(p.tok(1).text, "zz");
    EXPECT_EQ(p.sm.lineCol(p.tok(1).loc).line, 2u);
    EXPECT_EQ(p.sm.lineCol(p.tok(1).loc).col, 4u);
}

TEST(Preprocessor, Conditionals) {
    Pp p;
    EXPECT_EQ(p.run("`define A\n"
                    "`ifdef A a1 `else a2 `endif\n"
                    "`ifdef B b1 `else b2 `endif\n"
                    "`ifndef B nb `endif\n"
                    "`ifdef B x `elsif A y `else z `endif\n"
                    "`ifdef B x `elsif C y `else z `endif\n"
                    "`ifdef A `ifdef B q `else r `endif `else s `endif\n"
                    "`ifdef B `ifdef A q `else r `endif `else s `endif\n"
                    "`ifdef A p `elsif A q `endif\n"),
              "a1 b2 nb y z r s p");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, SkippedTextNeedNotBeValid) {
    Pp p;
    EXPECT_EQ(p.run("`ifdef NOPE\n \"unterminated \x01 `UNDEFINED_MACRO\n"
                    "`define X `endif\n`else ok `endif"),
              "ok");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    EXPECT_FALSE(p.pp.isDefined("X"));
}

TEST(Preprocessor, UnbalancedConditionals) {
    Pp p;
    p.run("a\n  `ifdef X\nb\n`ifndef Y\nc\n");
    ASSERT_EQ(p.diags.errorCount(), 2u);
    EXPECT_TRUE(contains(p.message(0), "missing `endif")) << p.message(0);
    EXPECT_TRUE(contains(p.message(0), "`ifndef at test.v:4:1")) << p.message(0);
    EXPECT_TRUE(contains(p.message(1), "`ifdef at test.v:2:3")) << p.message(1);
    EXPECT_EQ(p.diagAt(0).line, 6u); // at the end of the file

    Pp q;
    q.run("`endif\n`else\n`elsif A\n");
    EXPECT_EQ(q.diags.errorCount(), 3u);
    EXPECT_EQ(q.message(0), "`endif without `ifdef");
}

TEST(Preprocessor, ElseAfterElse) {
    Pp p;
    p.run("`ifdef A a `else b `else c `endif");
    EXPECT_EQ(p.diags.errorCount(), 1u);
}

TEST(Preprocessor, CommandLineDefines) {
    PreprocessorOptions o;
    o.defines = {{"DEBUG", ""}, {"W", "16"}};
    Pp p(o);
    EXPECT_EQ(p.run("`ifdef DEBUG `DEBUG `W `endif"), "1 16");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, MetalfpgaIsPredefined) {
    // Like Icarus's __ICARUS__: defined to 1, an ordinary macro otherwise.
    Pp p;
    EXPECT_EQ(p.run("`ifdef __METALFPGA__ yes `__METALFPGA__ `else no `endif"), "yes 1");
    EXPECT_EQ(p.run("`ifdef __ICARUS__ icarus `endif `ifdef VERILATOR verilator `endif x"), "x");
    EXPECT_EQ(p.run("`define __METALFPGA__ 7\n`__METALFPGA__"), "7");
    EXPECT_EQ(p.run("`undef __METALFPGA__\n`ifndef __METALFPGA__ gone `endif"), "gone");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    // A command-line definition replaces it; -D__ICARUS__ takes the Icarus branches.
    PreprocessorOptions o;
    o.defines = {{"__METALFPGA__", "2"}, {"__ICARUS__", ""}};
    Pp q(o);
    EXPECT_EQ(q.run("`__METALFPGA__ `ifdef __ICARUS__ icarus `__ICARUS__ `endif"), "2 icarus 1");
    EXPECT_EQ(q.diags.errorCount(), 0u);
}

TEST(Preprocessor, MacrosPersistAcrossRuns) {
    Pp p;
    p.run("`define LIB 5\n");
    EXPECT_EQ(p.run("`LIB"), "5");
}

TEST(Preprocessor, Stringification) {
    Pp p;
    EXPECT_EQ(p.run("`define S(x) `\"x`\"\n`S(a + b)"), "\"a + b\"");
    EXPECT_EQ(p.tok(0).kind, TokenKind::StringLiteral);
    EXPECT_EQ(p.run("`define T(x) `\"value of x is `\\`\"x`\\`\"`\"\n`T(q)"),
              "\"value of q is \\\"q\\\"\"");
    EXPECT_EQ(p.run("`define U(type) $display(`\"type`\");\n`U(reg [7:0])"),
              "$display ( \"reg [7:0]\" ) ;");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, TokenPasting) {
    Pp p;
    EXPECT_EQ(p.run("`define REG(n) reg_``n\n`REG(a) `REG(12)"), "reg_a reg_12");
    EXPECT_EQ(p.run("`define J(a,b) a``b\n`J(x,y) `J(1, 2) `J(,z)"), "xy 12 z");
    EXPECT_EQ(p.tok(0).kind, TokenKind::Identifier);
    EXPECT_EQ(p.tok(1).kind, TokenKind::IntegerLiteral);
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, PastingLikeIcarusBr979) {
    Pp p;
    EXPECT_EQ(p.run("`define my_macro(a,b)\tlocalparam `` i``a``b``j = 8'h``a``b; \\\n\\\n\n"
                    "`my_macro(0,1)\n`my_macro( 2, 3)\n"),
              "localparam i01j = 8 'h01 ; localparam i23j = 8 'h23 ;");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, MarkersOutsideMacroBodies) {
    Pp p;
    p.run("a `` b `\" c");
    EXPECT_EQ(p.diags.errorCount(), 2u);
}

TEST(Preprocessor, Timescale) {
    Pp p;
    p.run("a `timescale 1ns/10ps\nb `timescale 100 us / 1 ns\nc `timescale 1s/1fs\nd");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    ASSERT_EQ(p.unit.states.size(), 4u);
    EXPECT_FALSE(p.unit.stateAt(0).timescale.has_value());
    const auto& ts1 = p.unit.stateAt(1).timescale;
    ASSERT_TRUE(ts1.has_value());
    EXPECT_EQ(ts1->unit, -9);
    EXPECT_EQ(ts1->precision, -11);
    EXPECT_EQ(p.sm.lineCol(ts1->loc).col, 3u);
    EXPECT_EQ(p.unit.stateAt(2).timescale->unit, -4);
    EXPECT_EQ(p.unit.stateAt(2).timescale->precision, -9);
    EXPECT_EQ(p.unit.stateAt(3).timescale->unit, 0);
    EXPECT_EQ(p.unit.stateAt(3).timescale->precision, -15);
    EXPECT_EQ(p.unit.stateAt(100).timescale->unit, 0);
    EXPECT_EQ(p.joined(), "a b c d");
}

TEST(Preprocessor, TimescaleErrors) {
    Pp p;
    p.run("`timescale 2ns/1ps\n`timescale 1ns/1xs\n`timescale 1ps/1ns\n`timescale 1ns\n"
          "`timescale\nx");
    ASSERT_EQ(p.diags.errorCount(), 5u);
    EXPECT_TRUE(contains(p.message(0), "1, 10 or 100")) << p.message(0);
    EXPECT_EQ(p.diagAt(0).col, 12u);
    EXPECT_TRUE(contains(p.message(1), "'xs'")) << p.message(1);
    EXPECT_EQ(p.message(2), "`timescale precision 1ns is coarser than the time unit 1ps");
    EXPECT_TRUE(contains(p.message(3), "malformed")) << p.message(3);
    EXPECT_EQ(p.joined(), "x");
    EXPECT_FALSE(p.unit.stateAt(0).timescale.has_value());
}

TEST(Preprocessor, StatesAreKeptByTokenIndex) {
    Pp p;
    p.run("a\n`default_nettype none\nb\n`celldefine\nc\n`unconnected_drive pull1\nd\n"
          "`nounconnected_drive\n`endcelldefine\n`default_nettype tri\ne\n`resetall\nf");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    EXPECT_EQ(p.unit.stateAt(0).defaultNettype, "wire");
    EXPECT_EQ(p.unit.stateAt(1).defaultNettype, "none");
    EXPECT_FALSE(p.unit.stateAt(1).celldefine);
    EXPECT_TRUE(p.unit.stateAt(2).celldefine);
    EXPECT_EQ(p.unit.stateAt(3).unconnectedDrive, UnconnectedDrive::Pull1);
    EXPECT_TRUE(p.unit.stateAt(3).celldefine);
    EXPECT_EQ(p.unit.stateAt(4).unconnectedDrive, UnconnectedDrive::None);
    EXPECT_FALSE(p.unit.stateAt(4).celldefine);
    EXPECT_EQ(p.unit.stateAt(4).defaultNettype, "tri");
    EXPECT_EQ(p.unit.stateAt(5).defaultNettype, "wire");
    // Consecutive directives between the same tokens leave one entry.
    for (size_t i = 1; i < p.unit.states.size(); ++i)
        EXPECT_LT(p.unit.states[i - 1].first, p.unit.states[i].first);
}

TEST(Preprocessor, ResetallResetsTimescaleLikeIcarus) {
    Pp p;
    p.run("`timescale 1ns/1ps\na\n`resetall\nb");
    EXPECT_TRUE(p.unit.stateAt(0).timescale.has_value());
    EXPECT_FALSE(p.unit.stateAt(1).timescale.has_value());
}

TEST(Preprocessor, DefaultNettypeErrors) {
    Pp p;
    p.run("`default_nettype reg\n`default_nettype\n`unconnected_drive weak0\nx");
    EXPECT_EQ(p.diags.errorCount(), 3u);
    EXPECT_EQ(p.unit.stateAt(0).defaultNettype, "wire");
}

TEST(Preprocessor, StatesCarryAcrossFiles) {
    Pp p;
    uint32_t a = p.sm.addBuffer("a.v", "`timescale 1us/1ns\n`default_nettype none\nx");
    uint32_t b = p.sm.addBuffer("b.v", "y");
    p.unit = p.pp.runBuffers({a, b});
    EXPECT_EQ(p.unit.stateAt(1).timescale->unit, -6);
    EXPECT_EQ(p.unit.stateAt(1).defaultNettype, "none");
}

TEST(Preprocessor, LineDirective) {
    Pp p;
    p.run("a\n`line 100 \"orig.v\" 0\nb\nc `NOPE");
    ASSERT_EQ(p.diags.errorCount(), 1u);
    SourceLoc loc = p.diags.all()[0].loc;
    EXPECT_EQ(p.sm.displayName(loc), "orig.v");
    EXPECT_EQ(p.sm.displayLineCol(loc).line, 101u);
    EXPECT_EQ(p.sm.displayLineCol(p.tok(1).loc).line, 100u);
    Pp q;
    q.run("`line 1 \"x\" 5\n`line x\n");
    EXPECT_EQ(q.diags.errorCount(), 2u);
}

TEST(Preprocessor, FileAndLineMacros) {
    Pp p;
    EXPECT_EQ(p.run("a\n`__LINE__ `__FILE__", "f.v"), "a 2 \"f.v\"");
}

TEST(Preprocessor, IgnoredDirectives) {
    Pp p;
    EXPECT_EQ(p.run("`begin_keywords \"1364-2005\"\na\n`end_keywords\n`pragma foo bar\n"
                    "`protect\nb\n`endprotect\n`delay_mode_zero\n`default_decay_time 5\nc"),
              "a b c");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, BeginKeywordsVersionMayFollowOnALaterLine) {
    Pp p;
    EXPECT_EQ(p.run("`begin_keywords /* c */ // c\n/* c */ \"1364-2005\"\na\n`end_keywords\nb"),
              "a b");
    EXPECT_EQ(p.diags.errorCount(), 0u);
    Pp q;
    q.run("`begin_keywords\nmodule");
    EXPECT_EQ(q.diags.errorCount(), 1u);
}

TEST(Preprocessor, CannotDefineDirectiveName) {
    Pp p;
    p.run("`define include 1\n");
    EXPECT_EQ(p.diags.errorCount(), 1u);
}

TEST(Preprocessor, UnterminatedStringification) {
    Pp p;
    p.run("`define S(x) `\"x\n");
    EXPECT_EQ(p.diags.errorCount(), 1u);
}

TEST(Preprocessor, IncludeSearchOrder) {
    TempDir t;
    // The including file's folder wins over the current folder, which wins over -I.
    t.write("src/top.v", "`include \"inc.v\"\n`include \"cwd.v\"\n`include \"only_i.v\"\nend_top");
    t.write("src/inc.v", "from_src_folder");
    t.write("run/inc.v", "from_cwd");
    t.write("run/cwd.v", "cwd_file");
    t.write("i1/cwd.v", "from_i1");
    t.write("i1/only_i.v", "from_i1_only");
    t.write("i2/only_i.v", "from_i2");
    PreprocessorOptions o;
    o.includeDirs = {(t.path / "i1").string(), (t.path / "i2").string()};
    Pp p(o);
    InDir in(t.path / "run");
    EXPECT_EQ(p.runFiles({(t.path / "src/top.v").string()}),
              "from_src_folder cwd_file from_i1_only end_top");
    EXPECT_EQ(p.diags.errorCount(), 0u);
}

TEST(Preprocessor, NestedIncludeIsRelativeToItsOwnFolder) {
    TempDir t;
    t.write("top.v", "`include \"sub/a.v\"\n");
    t.write("sub/a.v", "a `include \"b.v\"\n");
    t.write("sub/b.v", "b_in_sub");
    t.write("b.v", "b_in_top");
    Pp p;
    EXPECT_EQ(p.runFiles({(t.path / "top.v").string()}), "a b_in_sub");
}

TEST(Preprocessor, IncludeOfMacroAndLocations) {
    TempDir t;
    t.write("defs.vh", "`define FROM_INC 3\n\n  `NOPE\n");
    t.write("top.v", "`define F \"defs.vh\"\n`include `F\nx = `FROM_INC;");
    Pp p;
    EXPECT_EQ(p.runFiles({(t.path / "top.v").string()}), "x = 3 ;");
    ASSERT_EQ(p.diags.errorCount(), 1u);
    SourceLoc loc = p.diags.all()[0].loc;
    EXPECT_TRUE(contains(p.sm.name(loc.buffer), "defs.vh"));
    EXPECT_EQ(p.sm.lineCol(loc).line, 3u);
    std::string text = p.diags.render(p.diags.all()[0]);
    EXPECT_TRUE(contains(text, "included from here")) << text;
}

TEST(Preprocessor, MissingInclude) {
    TempDir t;
    t.write("top.v", "a\n  `include \"nothere.vh\"\nb");
    PreprocessorOptions o;
    o.includeDirs = {"/some/inc"};
    Pp p(o);
    EXPECT_EQ(p.runFiles({(t.path / "top.v").string()}), "a b");
    ASSERT_EQ(p.diags.errorCount(), 1u);
    EXPECT_TRUE(contains(p.message(), "\"nothere.vh\"")) << p.message();
    EXPECT_TRUE(contains(p.message(), t.path.string())) << p.message();
    EXPECT_TRUE(contains(p.message(), "/some/inc")) << p.message();
    EXPECT_EQ(p.diagAt().line, 2u);
    EXPECT_EQ(p.diagAt().col, 12u);
}

TEST(Preprocessor, IncludeNeedsAString) {
    Pp p;
    p.run("`include foo\n");
    EXPECT_EQ(p.diags.errorCount(), 1u);
}

TEST(Preprocessor, RecursiveIncludeHitsTheDepthLimit) {
    TempDir t;
    t.write("self.v", "x\n`include \"self.v\"\n");
    PreprocessorOptions o;
    o.maxIncludeDepth = 10;
    Pp p(o);
    std::string out = p.runFiles({(t.path / "self.v").string()});
    ASSERT_EQ(p.diags.errorCount(), 1u);
    EXPECT_TRUE(contains(p.message(), "more than 10 levels")) << p.message();
    EXPECT_EQ(std::count(out.begin(), out.end(), 'x'), 11);
}

TEST(Preprocessor, ConditionalsMustBalancePerFile) {
    TempDir t;
    t.write("open.vh", "`ifdef X\n");
    t.write("top.v", "`include \"open.vh\"\ny");
    Pp p;
    EXPECT_EQ(p.runFiles({(t.path / "top.v").string()}), "y");
    ASSERT_EQ(p.diags.errorCount(), 1u);
    EXPECT_TRUE(contains(p.message(), "missing `endif")) << p.message();
}

TEST(Preprocessor, MissingSourceFile) {
    Pp p;
    p.runFiles({"/nonexistent/file.v"});
    ASSERT_EQ(p.diags.errorCount(), 1u);
    EXPECT_TRUE(contains(p.message(), "/nonexistent/file.v"));
}

TEST(Preprocessor, StateAtBinarySearch) {
    PreprocessedUnit u;
    DirectiveState a, b, c;
    b.defaultNettype = "none";
    c.defaultNettype = "tri";
    u.states = {{0, a}, {5, b}, {9, c}};
    EXPECT_EQ(u.stateAt(0).defaultNettype, "wire");
    EXPECT_EQ(u.stateAt(4).defaultNettype, "wire");
    EXPECT_EQ(u.stateAt(5).defaultNettype, "none");
    EXPECT_EQ(u.stateAt(8).defaultNettype, "none");
    EXPECT_EQ(u.stateAt(9).defaultNettype, "tri");
    EXPECT_EQ(u.stateAt(1000).defaultNettype, "tri");
    PreprocessedUnit empty;
    EXPECT_EQ(empty.stateAt(3).defaultNettype, "wire");
}

TEST(Preprocessor, NeverHangsOnGarbage) {
    uint32_t x = 777;
    const char alphabet[] = "`define ifdef endif else (),\"\\ \n\tabXY12'h/*$";
    for (int round = 0; round < 30; ++round) {
        std::string soup;
        for (int i = 0; i < 3000; ++i) {
            x = x * 1103515245u + 12345u;
            soup += alphabet[(x >> 16) % (sizeof(alphabet) - 1)];
        }
        Pp p;
        p.diags.setErrorLimit(100000);
        p.run(soup);
        EXPECT_EQ(p.unit.tokens.back().kind, TokenKind::EndOfFile);
    }
}

// The ivtest corpus (../shared/ivtest next to the repository) as a torture test: every test that
// Icarus compiles must preprocess without errors. Skipped where the corpus is absent.
TEST(Preprocessor, IvtestCorpusPreprocessesCleanly) {
    fs::path root = fs::path(METALFPGA_SOURCE_DIR) / ".." / "shared" / "ivtest";
    std::ifstream list(root / "tests.tsv");
    if (!list) GTEST_SKIP() << "no ivtest corpus at " << root.string();
    InDir in(root); // the runner runs from (a copy of) this folder; includes are relative to it
    // Tests whose include files are not in the corpus.
    const std::vector<std::string> known = {"ivltests/include2.v", "ivltests/include3.v"};
    std::string line;
    size_t files = 0;
    std::vector<std::string> failed;
    while (std::getline(list, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        size_t start = 0;
        for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            cols.push_back(line.substr(start, tab - start));
        cols.push_back(line.substr(start));
        if (cols.size() < 3 || cols[1] != "normal") continue;
        if (std::find(known.begin(), known.end(), cols[2]) != known.end()) continue;
        ++files;
        Pp p;
        p.runFiles({cols[2]});
        EXPECT_EQ(p.unit.tokens.back().kind, TokenKind::EndOfFile);
        if (p.diags.hasErrors()) failed.push_back(cols[2] + ": " + p.message());
    }
    EXPECT_GT(files, 500u);
    EXPECT_TRUE(failed.empty()) << failed.size()
                                << " files with errors, the first: " << failed.front();
}
