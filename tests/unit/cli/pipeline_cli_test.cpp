// The pipeline-archive options of metalfpga_cli, and --help against the man page and docs.

#include "run_command.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using metalfpga::test::Result;

Result runCli(const std::string& env, const std::string& args) {
    return metalfpga::test::runCommand(env + " '" METALFPGA_CLI "' " + args);
}

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(PipelineCli, HelpOptionsAreDocumented) {
    Result help = runCli("", "--help");
    ASSERT_EQ(help.rc, 0);
    std::string man = readText(fs::path(METALFPGA_SOURCE_DIR) / "docs/metalfpga_cli.1");
    std::string md = readText(fs::path(METALFPGA_SOURCE_DIR) / "docs/cli.md");
    ASSERT_FALSE(man.empty());
    // roff writes a minus as \-.
    std::string plainMan = std::regex_replace(man, std::regex(R"(\\-)"), "-");
    std::set<std::string> options;
    std::regex opt(R"(--[a-z][a-z0-9-]*)");
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), opt), end; it != end; ++it)
        options.insert(it->str());
    EXPECT_GT(options.size(), 20u);
    for (const auto& o : options) {
        EXPECT_NE(plainMan.find(o), std::string::npos) << o << " is not in the man page";
        EXPECT_NE(md.find("`" + o), std::string::npos) << o << " is not in docs/cli.md";
    }
    for (const char* env : {"METALFPGA_PIPELINE_ARCHIVE_LOAD", "METALFPGA_PIPELINE_ARCHIVE_SAVE",
                            "METALFPGA_PIPELINE_HARVEST", "METALFPGA_PIPELINE_LOG",
                            "METALFPGA_PIPELINE_ASYNC", "METALFPGA_PIPELINE_PRECOMPILE"}) {
        EXPECT_NE(plainMan.find(env), std::string::npos) << env;
        EXPECT_NE(md.find(env), std::string::npos) << env;
    }
}

TEST(PipelineCli, LogLoadSaveAndCorruptEntries) {
    fs::path dir =
        fs::temp_directory_path() / ("metalfpga_pipeline_cli_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::path archive = dir / "archive";
    fs::path v = dir / "t.v";
    {
        std::ofstream f(v);
        f << "module t; initial begin $display(\"pipeline %0d\", 6 * 7); $finish; end endmodule\n";
    }
    std::string base = "--run --backend cpu '" + v.string() + "'";
    std::string flag = " --pipeline-archive '" + archive.string() + "' --pipeline-log ";

    Result first = runCli("", flag + base);
    ASSERT_EQ(first.rc, 0) << first.out;
    EXPECT_NE(first.out.find("pipeline 42"), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("pipeline archive: miss " + archive.string()), std::string::npos)
        << first.out;
    EXPECT_NE(first.out.find("pipeline archive: saved " + archive.string()), std::string::npos)
        << first.out;
    EXPECT_EQ(first.out.find("compiling model"), std::string::npos) << "no progress off a tty";

    // The environment names the folder and turns logging on; a flag wins over the variable.
    std::string env = "METALFPGA_PIPELINE_ARCHIVE='" + archive.string() +
                      "' METALFPGA_PIPELINE_LOG=1 METALFPGA_PIPELINE_ARCHIVE_LOAD=0";
    Result hit = runCli(env, "--pipeline-load " + base);
    ASSERT_EQ(hit.rc, 0) << hit.out;
    EXPECT_NE(hit.out.find("pipeline archive: hit " + archive.string()), std::string::npos)
        << hit.out;
    EXPECT_NE(hit.out.find("pipeline 42"), std::string::npos);

    // A corrupt entry is rebuilt; the run's output is unchanged.
    fs::path entry;
    for (const auto& e : fs::directory_iterator(archive)) entry = e.path();
    ASSERT_EQ(entry.extension(), ".so");
    std::string text = readText(entry);
    fs::remove(entry);
    {
        std::ofstream f(entry, std::ios::binary);
        f << text.substr(0, text.size() / 2);
    }
    Result rebuilt = runCli("", flag + "--no-pipeline-async " + base);
    ASSERT_EQ(rebuilt.rc, 0) << rebuilt.out;
    EXPECT_NE(rebuilt.out.find("pipeline archive: corrupt " + entry.string()), std::string::npos)
        << rebuilt.out;
    EXPECT_NE(rebuilt.out.find("pipeline 42"), std::string::npos);
    EXPECT_EQ(readText(entry).size(), text.size());

    // No save: a new folder stays empty. Without --pipeline-log nothing is said.
    fs::path other = dir / "other";
    Result quiet = runCli("METALFPGA_PIPELINE_ARCHIVE_SAVE=0",
                          "--pipeline-archive '" + other.string() + "' " + base);
    ASSERT_EQ(quiet.rc, 0) << quiet.out;
    EXPECT_NE(quiet.out.find("pipeline 42"), std::string::npos) << quiet.out;
    EXPECT_EQ(quiet.out.find("pipeline archive"), std::string::npos) << quiet.out;
    EXPECT_TRUE(!fs::exists(other) || fs::is_empty(other));
    fs::remove_all(dir);
}

} // namespace
