#include "cli/arguments.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace metalfpga::cli;

TEST(Arguments, PlusOptionsAreSplit) {
    auto e = expandArguments(
        {"+incdir+a+b", "+define+X=1+Y", "+libext+.v+.sv", "top.v", "+seed=3", "+verbose"});
    EXPECT_EQ(e.includeDirs, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(e.defines.size(), 2u);
    EXPECT_EQ(e.defines[0], (std::pair<std::string, std::string>{"X", "1"}));
    EXPECT_EQ(e.defines[1], (std::pair<std::string, std::string>{"Y", "1"}));
    EXPECT_EQ(e.libExts, (std::vector<std::string>{".v", ".sv"}));
    EXPECT_EQ(e.args, (std::vector<std::string>{"top.v"}));
    EXPECT_EQ(e.plusargs, (std::vector<std::string>{"seed=3", "verbose"}));
    EXPECT_TRUE(e.errors.empty());
}

TEST(Arguments, DefineValues) {
    EXPECT_EQ(parseDefine("W=8"), (std::pair<std::string, std::string>{"W", "8"}));
    EXPECT_EQ(parseDefine("W"), (std::pair<std::string, std::string>{"W", "1"}));
    EXPECT_EQ(parseDefine("E="), (std::pair<std::string, std::string>{"E", ""}));
}

TEST(Arguments, CommandFileWordsAndComments) {
    auto w = splitCommandFile("-I inc // a comment\n# another\n\"a b.v\" c.v\n+define+Z\n");
    EXPECT_EQ(w, (std::vector<std::string>{"-I", "inc", "a b.v", "c.v", "+define+Z"}));
}

TEST(Arguments, CommandFilesNestAndHoldOptions) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "metalfpga_args_test";
    fs::create_directories(dir);
    std::ofstream(dir / "inner.f") << "+incdir+deep\ninner.v\n";
    std::ofstream(dir / "outer.f") << "-y lib outer.v -f" << (dir / "inner.f").string() << "\n";
    auto e = expandArguments({"-f", (dir / "outer.f").string(), "+timescale+1ns/1ps"});
    EXPECT_EQ(e.args, (std::vector<std::string>{"-y", "lib", "outer.v", "inner.v"}));
    EXPECT_EQ(e.includeDirs, (std::vector<std::string>{"deep"}));
    EXPECT_EQ(e.timescale, "1ns/1ps");
    fs::remove_all(dir);
}

TEST(Arguments, MissingAndRecursiveCommandFilesAreErrors) {
    namespace fs = std::filesystem;
    auto e = expandArguments({"-f", "/nonexistent/metalfpga.f"});
    ASSERT_EQ(e.errors.size(), 1u);
    EXPECT_NE(e.errors[0].find("cannot open command file"), std::string::npos);

    fs::path self = fs::temp_directory_path() / "metalfpga_self.f";
    std::ofstream(self) << "-f " << self.string() << "\n";
    auto r = expandArguments({"-f", self.string()});
    ASSERT_FALSE(r.errors.empty());
    EXPECT_NE(r.errors[0].find("nested too deeply"), std::string::npos);
    fs::remove(self);
}

TEST(Arguments, Timescales) {
    EXPECT_EQ(parseTimescale("1ns/1ps"), (std::pair<int, int>{-9, -12}));
    EXPECT_EQ(parseTimescale("100us/10ns"), (std::pair<int, int>{-4, -8}));
    EXPECT_EQ(parseTimescale("1s/1s"), (std::pair<int, int>{0, 0}));
    EXPECT_FALSE(parseTimescale("1ps/1ns")); // precision coarser than the unit
    EXPECT_FALSE(parseTimescale("2ns/1ps"));
    EXPECT_FALSE(parseTimescale("1ns"));
    EXPECT_FALSE(parseTimescale("1ns/1xs"));
}

TEST(Arguments, ParamOptionsAreSplit) {
    std::string error;
    auto p = parseParamOption('P', "top.WIDTH=8'hff", error);
    ASSERT_TRUE(p) << error;
    EXPECT_EQ(p->option, "-P top.WIDTH");
    EXPECT_EQ(p->top, "top");
    EXPECT_EQ(p->name, "WIDTH");
    EXPECT_EQ(p->value, "8'hff");
    auto g = parseParamOption('G', "S=\"a=b\"", error);
    ASSERT_TRUE(g) << error;
    EXPECT_EQ(g->option, "-G S");
    EXPECT_EQ(g->top, "");
    EXPECT_EQ(g->name, "S");
    EXPECT_EQ(g->value, "\"a=b\"");
    for (const char* bad : {"W=8", "top.W", ".W=1", "top.=1", "a.b.W=1"}) {
        error.clear();
        EXPECT_FALSE(parseParamOption('P', bad, error)) << bad;
        EXPECT_NE(error.find("TOP.NAME=VALUE"), std::string::npos) << error;
    }
    for (const char* bad : {"W", "=1", "t.W=1"}) {
        error.clear();
        EXPECT_FALSE(parseParamOption('G', bad, error)) << bad;
        EXPECT_NE(error.find("NAME=VALUE"), std::string::npos) << error;
    }
}

TEST(Arguments, ParamValuesAreConstantExpressions) {
    metalfpga::frontend::SourceManager sm;
    auto parse = [&](const std::string& value, std::string& error) {
        ParamOption p{"-P t.W", "t", "W", value};
        return parseParamValue(sm, p, error);
    };
    std::string error;
    for (const char* good : {"8", "8'hff", "-3", "1.5", "\"abc\"", "4'b10x1", "2 * (3 + 1)",
                             "$clog2(9)", "{4'h1, 4'h2}"}) {
        auto v = parse(good, error);
        ASSERT_TRUE(v) << good << ": " << error;
        EXPECT_TRUE(v->expr) << good;
    }
    auto s = parse("\"abc\"", error);
    ASSERT_TRUE(s && s->expr);
    EXPECT_EQ(s->expr->kind, metalfpga::frontend::ast::ExprKind::String);
    struct Bad {
        const char* value;
        const char* why;
    };
    for (Bad b :
         {Bad{"abc", "'abc' is not a constant (a string needs double quotes)"},
          Bad{"", "the value is empty"}, Bad{"(3", "expected ')'"},
          Bad{"8;", "expected the end of the expression"}, Bad{"W + 1", "'W' is not a constant"}}) {
        error.clear();
        EXPECT_FALSE(parse(b.value, error)) << b.value;
        EXPECT_NE(error.find(std::string("-P t.W=") + b.value + ": "), std::string::npos) << error;
        EXPECT_NE(error.find(b.why), std::string::npos) << error;
    }
}

TEST(Arguments, GenerationFlagsAreIcarusOnesAndSystemVerilogIsNamed) {
    metalfpga::cli::GenerationFlags flags;
    std::string error;
    for (const char* ok : {"2005", "2001", "1995", "specify", "shared-loop-index"})
        EXPECT_TRUE(metalfpga::cli::applyGenerationFlag(ok, flags, error)) << ok << ": " << error;
    EXPECT_TRUE(flags.ioRangeError);
    EXPECT_TRUE(metalfpga::cli::applyGenerationFlag("no-io-range-error", flags, error));
    EXPECT_FALSE(flags.ioRangeError);
    EXPECT_FALSE(metalfpga::cli::applyGenerationFlag("2012", flags, error));
    EXPECT_NE(error.find("SystemVerilog is not supported"), std::string::npos) << error;
    EXPECT_FALSE(metalfpga::cli::applyGenerationFlag("no-such", flags, error));
    EXPECT_NE(error.find("unknown -g flag '-gno-such'"), std::string::npos) << error;
}
