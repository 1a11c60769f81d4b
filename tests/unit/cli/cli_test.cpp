// Runs the metalfpga_cli program as a user would and checks exit codes and messages.

#include "run_command.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using metalfpga::test::Result;

Result runCli(const std::string& args, const fs::path& cwd = fs::temp_directory_path()) {
    return metalfpga::test::runCommand("cd '" + cwd.string() + "' && '" METALFPGA_CLI "' " + args);
}

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("metalfpga_cli_" +
                std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    void write(const std::string& name, const std::string& text) {
        fs::create_directories((dir_ / name).parent_path());
        std::ofstream(dir_ / name) << text;
    }
    Result run(const std::string& args) { return runCli(args, dir_); }
    fs::path dir_;
};

} // namespace

TEST_F(Cli, VersionAndHelp) {
    auto v = run("--version");
    EXPECT_EQ(v.rc, 0);
    EXPECT_NE(v.out.find("metalfpga_cli"), std::string::npos);
    auto h = run("--help");
    EXPECT_EQ(h.rc, 0);
    EXPECT_NE(h.out.find("--parse-only"), std::string::npos);
}

TEST_F(Cli, BadUsageExitsTwo) {
    EXPECT_EQ(run("").rc, 2);
    EXPECT_EQ(run("--no-such-option a.v").rc, 2);
    EXPECT_EQ(run("-f missing.f").rc, 2);
    EXPECT_EQ(run("-T fastest a.v").rc, 2);
}

TEST_F(Cli, MissingSourceFileIsAnInputError) {
    auto r = run("--parse-only nothere.v");
    EXPECT_EQ(r.rc, 1);
    EXPECT_NE(r.out.find("nothere.v"), std::string::npos);
}

TEST_F(Cli, GoodSourceParses) {
    write("good.v", "module m(input a, output b);\n  assign b = ~a;\nendmodule\n");
    auto r = run("--parse-only good.v +someplusarg +seed=4");
    EXPECT_EQ(r.rc, 0) << r.out;
}

TEST_F(Cli, SyntaxErrorShowsLocationLineAndCaret) {
    write("bad.v", "module m;\n  wire = 1;\nendmodule\n");
    auto r = run("--parse-only bad.v");
    EXPECT_EQ(r.rc, 1);
    EXPECT_NE(r.out.find("bad.v:2:8: error:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("    :   wire = 1;\n    :        ^"), std::string::npos) << r.out;
}

TEST_F(Cli, DefinesAndIncludeFolders) {
    write("inc/defs.vh", "`define WIDTH 8\n");
    write("top.v", "`include \"defs.vh\"\n`ifdef FAST\nmodule m; wire [`WIDTH-1:0] w; endmodule\n"
                   "`else\nthis is not verilog\n`endif\n");
    EXPECT_EQ(run("--parse-only -I inc -D FAST top.v").rc, 0);
    EXPECT_EQ(run("--parse-only +incdir+inc +define+FAST top.v").rc, 0);
    EXPECT_EQ(run("--parse-only -Iinc -DFAST=1 top.v").rc, 0);
    EXPECT_EQ(run("--parse-only +incdir+inc top.v").rc, 1); // FAST undefined: the bad branch
    EXPECT_EQ(run("--parse-only -D FAST top.v").rc, 1);     // include not found
}

TEST_F(Cli, CommandFileHoldsOptions) {
    write("inc/defs.vh", "`define WIDTH 8\n");
    write("top.v", "`include \"defs.vh\"\nmodule m; wire [`WIDTH-1:0] w; endmodule\n");
    write("files.f", "// sources\n+incdir+inc\ntop.v\n");
    EXPECT_EQ(run("--parse-only -f files.f").rc, 0);
}

TEST_F(Cli, LibrarySearchFindsMissingModules) {
    write("lib/leaf.v", "module leaf(input a); endmodule\n");
    write("lib/unused.v", "this file is never read\n");
    write("cells.v", "module gate_cell(input a); endmodule\nmodule spare; syntax error here\n");
    write("top.v", "module top; wire a; leaf l(a); gate_cell c(a); endmodule\n");
    // cells.v is a -v library: it is read whole, so its syntax error still counts.
    auto bad = run("--parse-only -y lib -v cells.v top.v");
    EXPECT_EQ(bad.rc, 1) << bad.out;
    write("cells.v", "module gate_cell(input a); endmodule\n");
    auto r = run("--dump-ast -y lib +libext+.v -v cells.v top.v");
    EXPECT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("leaf"), std::string::npos);
    auto missing = run("--parse-only top.v");
    EXPECT_EQ(missing.rc, 0) << "unresolved modules are an elaboration error, not a parse error";
}

TEST_F(Cli, UnknownTopIsAnError) {
    write("top.v", "module top; endmodule\n");
    EXPECT_EQ(run("--parse-only --top top top.v").rc, 0);
    auto r = run("--parse-only --top nosuch top.v");
    EXPECT_EQ(r.rc, 1);
    EXPECT_NE(r.out.find("nosuch"), std::string::npos);
}

TEST_F(Cli, CommandFileTimescaleAppliesToModulesWithoutOne) {
    write("plain.v", "module m; initial #1 $display(\"x\"); endmodule\n");
    write("own.v", "`timescale 1us/1ns\nmodule o; endmodule\n");
    write("ts.f", "+timescale+1ns/10ps\nplain.v\nown.v\n");
    auto r = run("--dump-flat -f ts.f");
    EXPECT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("scope m (module m) timescale 1ns/10ps"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("scope o (module o) timescale 1us/1ns"), std::string::npos) << r.out;
    write("bad.f", "+timescale+3ns/1ps\nplain.v\n");
    EXPECT_EQ(run("--check -f bad.f").rc, 2);
}

TEST_F(Cli, AutomaticFunctionDeeperThanItsFramesIsAModelError) {
    write("deep.v", "module top;\n"
                    "  function automatic integer down(input integer n);\n"
                    "    down = n == 0 ? 0 : 1 + down(n - 1);\n"
                    "  endfunction\n"
                    "  initial $display(\"%0d\", down(20));\n"
                    "endmodule\n");
    auto ok = run("--run --no-cache deep.v");
    EXPECT_EQ(ok.rc, 0) << ok.out;
    EXPECT_NE(ok.out.find("20"), std::string::npos) << ok.out;
    auto r = run("--run --no-cache --frame-depth 8 deep.v");
    EXPECT_EQ(r.rc, 1) << r.out;
    EXPECT_NE(r.out.find("more than 8 nested calls of the automatic deep.v:2 (function down)"),
              std::string::npos)
        << r.out;
}

TEST_F(Cli, MaxProcStepsEndsALongActivation) {
    write("loop.v", "module top;\n"
                    "  integer i, s;\n"
                    "  initial begin\n"
                    "    s = 0;\n"
                    "    for (i = 0; i < 1000; i = i + 1) s = s + i;\n"
                    "    $display(\"s=%0d\", s);\n"
                    "  end\n"
                    "endmodule\n");
    auto ok = run("--run --no-cache --max-proc-steps 2000 loop.v");
    EXPECT_EQ(ok.rc, 0) << ok.out;
    EXPECT_NE(ok.out.find("s=499500"), std::string::npos) << ok.out;
    auto r = run("--run --no-cache --max-proc-steps 100 loop.v");
    EXPECT_EQ(r.rc, 1) << r.out;
    EXPECT_EQ(r.out.find("s="), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("more than 100 loop iterations"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("loop.v:3 (initial)"), std::string::npos) << r.out;
}

TEST_F(Cli, NbaQueueIsSizedPerDesignAndNamesItsLimit) {
    // 2000 non-blocking updates in one time slot: the loop makes code generation size the
    // queue for them; --nba-queue 64 is too small and ends with an error naming the limit.
    write("many.v", "module top;\n"
                    "  reg [7:0] m [0:1999];\n"
                    "  integer i, s;\n"
                    "  initial begin\n"
                    "    for (i = 0; i < 2000; i = i + 1) m[i] <= i;\n"
                    "    #1 s = 0;\n"
                    "    for (i = 0; i < 2000; i = i + 1) s = s + m[i];\n"
                    "    $display(\"s=%0d\", s);\n"
                    "  end\n"
                    "endmodule\n");
    auto ok = run("--run --no-cache many.v");
    EXPECT_EQ(ok.rc, 0) << ok.out;
    EXPECT_NE(ok.out.find("s=250008"), std::string::npos) << ok.out;
    auto r = run("--run --no-cache --nba-queue 64 many.v");
    EXPECT_EQ(r.rc, 1) << r.out;
    EXPECT_EQ(r.out.find("s="), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("more than 64 non-blocking assignments in one time slot"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("--nba-queue"), std::string::npos) << r.out;
}

TEST_F(Cli, RecursiveAutomaticTaskIsReportedUnsupported) {
    write("rt.v", "module top;\n"
                  "  task automatic t(input integer n);\n"
                  "    if (n > 0) t(n - 1);\n"
                  "  endtask\n"
                  "  initial t(3);\n"
                  "endmodule\n");
    auto r = run("--run --no-cache rt.v");
    EXPECT_EQ(r.rc, 1) << r.out;
    EXPECT_NE(r.out.find("rt.v:3:16: error: the simulator does not support recursive task calls"),
              std::string::npos)
        << r.out;
}

// -P TOP.NAME=VALUE (Icarus) and -GNAME=VALUE (Verilator) set parameters of top-level modules.
class CliParams : public Cli {
  protected:
    void SetUp() override {
        Cli::SetUp();
        write("top.v", "module top;\n"
                       "  parameter W = 4;\n"
                       "  parameter [7:0] B = 8'h0f;\n"
                       "  parameter real R = 0.25;\n"
                       "  parameter S = \"def\";\n"
                       "  parameter signed [7:0] N = 1;\n"
                       "  parameter D = W * 2;\n"
                       "  localparam L = W + 1;\n"
                       "  reg [W-1:0] r;\n"
                       "  initial begin\n"
                       "    r = {W{1'b1}};\n"
                       "    $display(\"W=%0d B=%h R=%f S=%0s N=%0d D=%0d L=%0d bits=%0d r=%b\",\n"
                       "             W, B, R, S, N, D, L, $bits(r), r);\n"
                       "  end\n"
                       "endmodule\n");
    }
};

TEST_F(CliParams, ParamOverridesSetTopParameters) {
    auto r = run("--dump-flat -P top.W=8 -P \"top.B=9'h1ff\" -P top.R=3 -P 'top.S=\"hello\"' "
                 "-P top.N=-3 top.v");
    ASSERT_EQ(r.rc, 0) << r.out;
    // D and L follow W; B, R and N keep their declared types.
    for (const char* want :
         {"parameter W = 32'sd8:32s", "parameter B = 8'd255:8u", "parameter R = 3:real",
          "parameter S = 40'd448378203247:40u", "parameter N = 8'sd253:8s",
          "parameter D = 32'sd16:32s", "localparam L = 32'sd9:32s", "reg [7:0] r : 8u"})
        EXPECT_NE(r.out.find(want), std::string::npos) << want << "\n" << r.out;
    // A later -P for the same parameter wins; -P wins over -G; an untyped parameter takes the
    // value's type.
    auto later = run("--dump-flat -P top.W=5 -GW=7 -P top.W=6 -GR=2 top.v");
    ASSERT_EQ(later.rc, 0) << later.out;
    EXPECT_NE(later.out.find("parameter W = 32'sd6:32s"), std::string::npos) << later.out;
    EXPECT_NE(later.out.find("parameter R = 2:real"), std::string::npos) << later.out;
    auto real = run("--dump-flat -P top.W=1.5 top.v");
    ASSERT_EQ(real.rc, 0) << real.out;
    EXPECT_NE(real.out.find("parameter W = 1.5:real"), std::string::npos) << real.out;
}

TEST_F(CliParams, ParamOverridesRunAsIcarusPrints) {
    // iverilog -P top.W=8 -P "top.B=9'h1ff" -P top.R=1.5 -P 'top.S="hello"' -P top.N=-3
    auto r = run("--run --no-cache -P top.W=8 -P \"top.B=9'h1ff\" -P top.R=1.5 "
                 "-P 'top.S=\"hello\"' -P top.N=-3 top.v");
    ASSERT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("W=8 B=ff R=1.500000 S=hello N=-3 D=16 L=9 bits=8 r=11111111\n"),
              std::string::npos)
        << r.out;
}

TEST_F(CliParams, ParamOverrideGAppliesToEveryTopThatHasIt) {
    write("two.v", "module a; parameter W = 1; parameter D = W + 1; endmodule\n"
                   "module b; parameter W = 2; parameter X = 3; endmodule\n");
    auto r = run("--dump-flat -GW=8 -G X=9 two.v");
    ASSERT_EQ(r.rc, 0) << r.out;
    auto a = r.out.find("scope a "), b = r.out.find("scope b ");
    ASSERT_NE(a, std::string::npos) << r.out;
    ASSERT_NE(b, std::string::npos) << r.out;
    std::string sa = r.out.substr(a, b > a ? b - a : std::string::npos);
    std::string sb = r.out.substr(b, a > b ? a - b : std::string::npos);
    EXPECT_NE(sa.find("parameter W = 32'sd8:32s"), std::string::npos) << r.out;
    EXPECT_NE(sa.find("parameter D = 32'sd9:32s"), std::string::npos) << r.out;
    EXPECT_NE(sb.find("parameter W = 32'sd8:32s"), std::string::npos) << r.out;
    EXPECT_NE(sb.find("parameter X = 32'sd9:32s"), std::string::npos) << r.out;
}

TEST_F(CliParams, DefparamWinsOverParamOverride) {
    // As in Icarus, where -P is a defparam that the design's own defparam replaces.
    write("dp.v", "module top; parameter W = 4; parameter D = W * 2; endmodule\n"
                  "module other; defparam top.W = 5; endmodule\n");
    auto r = run("--dump-flat -P top.W=6 dp.v");
    ASSERT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("parameter W = 32'sd5:32s"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("parameter D = 32'sd10:32s"), std::string::npos) << r.out;
}

TEST_F(CliParams, ParamOverrideErrors) {
    struct Case {
        const char* args;
        int rc;
        const char* message;
    };
    for (Case c : {
             Case{"-P top.X=1", 1, "error: -P top.X: no parameter X in top module top\n"},
             Case{"-P top.L=1", 1,
                  "error: -P top.L: L is a localparam of top module top and cannot be "
                  "overridden\n"},
             Case{"-P nosuch.W=1", 1, "error: -P nosuch.W: nosuch is not a top-level module"},
             Case{"-GQ=1", 1, "error: -G Q: no parameter Q in the top-level module top\n"},
             Case{"-GL=1", 1, "error: -G L: L is a localparam of top module top"},
             Case{"-P top.W=abc", 1,
                  "metalfpga_cli: error: -P top.W=abc: 'abc' is not a constant (a string needs "
                  "double quotes)"},
             Case{"-P top.S=abc", 1, "metalfpga_cli: error: -P top.S=abc: 'abc' is not a "},
             Case{"-P 'top.W=(3'", 1, "metalfpga_cli: error: -P top.W=(3: expected ')'"},
             Case{"-P top.W=", 1, "metalfpga_cli: error: -P top.W=: the value is empty"},
             Case{"-P W=1", 2, "metalfpga_cli: error: -P W=1: expected TOP.NAME=VALUE"},
             Case{"-P top.W", 2, "metalfpga_cli: error: -P top.W: expected TOP.NAME=VALUE"},
             Case{"-GW", 2, "metalfpga_cli: error: -G W: expected NAME=VALUE"},
         }) {
        auto r = run(std::string("--check ") + c.args + " top.v");
        EXPECT_EQ(r.rc, c.rc) << c.args << "\n" << r.out;
        EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << "\n" << r.out;
    }
}

TEST_F(Cli, MetalfpgaMacroIsDefinedAndIcarusCanBeDefined) {
    write("m.v", "module m;\n"
                 "`ifdef __METALFPGA__\n  parameter P = `__METALFPGA__;\n`endif\n"
                 "`ifdef __ICARUS__\n  parameter I = `__ICARUS__;\n`endif\n"
                 "endmodule\n");
    auto r = run("--dump-flat m.v");
    ASSERT_EQ(r.rc, 0) << r.out;
    EXPECT_NE(r.out.find("parameter P = 32'sd1:32s"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("parameter I"), std::string::npos) << r.out;
    for (const char* define : {"-D__ICARUS__", "+define+__ICARUS__=1"}) {
        auto i = run(std::string("--dump-flat ") + define + " m.v");
        ASSERT_EQ(i.rc, 0) << i.out;
        EXPECT_NE(i.out.find("parameter I = 32'sd1:32s"), std::string::npos) << define << i.out;
    }
}
