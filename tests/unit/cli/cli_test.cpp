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
