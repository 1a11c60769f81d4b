// The pipeline archive's size limit: least-recently-used eviction (backends/common).

#include "backends/common/archive_limit.h"
#include "backends/cpu/cpu_backend.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace metalfpga::backends;

namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef";

class ArchiveLimit : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::temp_directory_path() /
              ("metalfpga-limit-test-" + std::to_string(getpid()) + "-" + info->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override {
        fs::remove_all(dir);
        unsetenv("METALFPGA_PIPELINE_ARCHIVE_MAX_MB");
    }
    // A file of `bytes` bytes last used `ageSeconds` ago.
    fs::path file(const std::string& name, size_t bytes, int ageSeconds) {
        fs::path p = dir / name;
        std::ofstream(p, std::ios::binary) << std::string(bytes, 'x');
        fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::seconds(ageSeconds));
        return p;
    }
    fs::path dir;
};

TEST(ArchiveEntryNames, OnlyCompleteEntriesCount) {
    EXPECT_TRUE(isArchiveEntry("cpu-" + kKey + ".so"));
    EXPECT_TRUE(isArchiveEntry("cuda-" + kKey + "-sm_90.mfpa"));
    // The temporary files of a compile or a save in progress, and other files.
    EXPECT_FALSE(isArchiveEntry("cpu-" + kKey + ".1234.99.7f.so"));
    EXPECT_FALSE(isArchiveEntry("cpu-" + kKey + ".1234.99.7f.cpp"));
    EXPECT_FALSE(isArchiveEntry("cuda-" + kKey + "-sm_90.mfpa.tmp.12"));
    EXPECT_FALSE(isArchiveEntry("cpu-.so"));
    EXPECT_FALSE(isArchiveEntry("notes.txt"));
    EXPECT_FALSE(isArchiveEntry("cpu-XYZ.so"));
}

TEST_F(ArchiveLimit, LeastRecentlyUsedEntriesGoFirstAndTheSavedOneStays) {
    auto a = file("cpu-" + std::string(32, 'a') + ".so", 400, 300); // oldest
    auto b = file("cuda-" + std::string(32, 'b') + "-sm_90.mfpa", 400, 200);
    auto c = file("cpu-" + std::string(32, 'c') + ".so", 400, 100);
    auto saved = file("cpu-" + std::string(32, 'd') + ".so", 400, 400);     // older, but just saved
    auto other = file("cpu-" + std::string(32, 'e') + ".42.so", 5000, 999); // in progress
    Eviction e = enforceLimit(dir, 900, saved);
    EXPECT_EQ(e.entries, 2u);
    EXPECT_EQ(e.bytes, 800u);
    EXPECT_EQ(e.keptBytes, 800u);
    EXPECT_FALSE(fs::exists(a));
    EXPECT_FALSE(fs::exists(b));
    EXPECT_TRUE(fs::exists(c));
    EXPECT_TRUE(fs::exists(saved));
    EXPECT_TRUE(fs::exists(other));
    // Within the limit, or no limit: nothing goes.
    EXPECT_EQ(enforceLimit(dir, 800, saved).entries, 0u);
    EXPECT_EQ(enforceLimit(dir, 0, saved).entries, 0u);
}

TEST_F(ArchiveLimit, AHitMakesAnEntryRecent) {
    auto a = file("cpu-" + std::string(32, 'a') + ".so", 400, 300);
    auto b = file("cpu-" + std::string(32, 'b') + ".so", 400, 200);
    auto saved = file("cpu-" + std::string(32, 'c') + ".so", 400, 0);
    touchEntry(a); // used now: b is the least recently used
    enforceLimit(dir, 800, saved);
    EXPECT_TRUE(fs::exists(a));
    EXPECT_FALSE(fs::exists(b));
}

TEST_F(ArchiveLimit, LimitFromTheEnvironment) {
    std::string error;
    EXPECT_EQ(archiveLimitBytes(error), kDefaultArchiveMaxMb << 20);
    setenv("METALFPGA_PIPELINE_ARCHIVE_MAX_MB", "3", 1);
    EXPECT_EQ(archiveLimitBytes(error), uint64_t{3} << 20);
    setenv("METALFPGA_PIPELINE_ARCHIVE_MAX_MB", "0", 1);
    EXPECT_EQ(archiveLimitBytes(error), 0u);
    EXPECT_TRUE(error.empty()) << error;
    setenv("METALFPGA_PIPELINE_ARCHIVE_MAX_MB", "lots", 1);
    EXPECT_EQ(archiveLimitBytes(error), kDefaultArchiveMaxMb << 20);
    EXPECT_NE(error.find("not a size in MiB"), std::string::npos) << error;
}

// Through the CPU backend: a save over the limit removes an old entry.
TEST_F(ArchiveLimit, ASaveOverTheLimitEvicts) {
    auto old = file("cpu-" + std::string(32, 'a') + ".so", 3 << 20, 1000);
    setenv("METALFPGA_PIPELINE_ARCHIVE_MAX_MB", "2", 1);
    CompileOptions o;
    o.cacheDir = dir.string();
    o.async = false;
    std::string error;
    std::string source = R"(extern "C" {
__attribute__((visibility("default"))) unsigned long long mf_state_size() { return 8; }
__attribute__((visibility("default"))) void mf_init(void*, unsigned long long) {}
__attribute__((visibility("default"))) unsigned mf_step(void*, unsigned long long) { return 7; }
__attribute__((visibility("default"))) void mf_ring(void*, void*) {}
__attribute__((visibility("default"))) const char* mf_model_key() { return MF_MODEL_KEY; }
}
)";
    auto m = cpu::load(source, o, error);
    ASSERT_TRUE(m) << error;
    EXPECT_FALSE(m->cacheHit);
    EXPECT_FALSE(fs::exists(old));
    EXPECT_TRUE(fs::exists(m->path)) << m->path;
}

} // namespace
