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
