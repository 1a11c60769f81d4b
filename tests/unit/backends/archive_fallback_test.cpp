// The CPU backend when the archive cannot be written or the compile is interrupted: a folder
// that cannot be created falls back to a temporary folder with one note; an interrupt compiles
// nothing and leaves nothing behind.

#include "backends/common/interrupts.h"
#include "backends/cpu/cpu_backend.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace metalfpga::backends;
using namespace metalfpga::backends::cpu;

namespace {

std::string modelSource(const std::string& tag) {
    return "// " + tag + "\n" + R"(extern "C" {
__attribute__((visibility("default"))) unsigned long long mf_state_size() { return 8; }
__attribute__((visibility("default"))) void mf_init(void*, unsigned long long) {}
__attribute__((visibility("default"))) unsigned mf_step(void*, unsigned long long) { return 7; }
__attribute__((visibility("default"))) void mf_ring(void*, void*) {}
__attribute__((visibility("default"))) const char* mf_model_key() { return MF_MODEL_KEY; }
}
)";
}

class ArchiveFallback : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::temp_directory_path() /
              ("metalfpga-fallback-test-" + std::to_string(getpid()) + "-" + info->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
        source = modelSource(dir.string());
    }
    void TearDown() override {
        clearInterrupts();
        fs::remove_all(dir);
    }
    CompileOptions options(const fs::path& archive) const {
        CompileOptions o;
        o.cacheDir = archive.string();
        o.async = false;
        return o;
    }
    fs::path dir;
    std::string source;
};

TEST_F(ArchiveFallback, AFolderThatCannotBeCreatedCompilesInATemporaryFolder) {
    std::ofstream(dir / "file") << "a regular file\n";
    fs::path archive = dir / "file" / "archive"; // fails even for root
    std::string error;
    ::testing::internal::CaptureStderr();
    auto m = load(source, options(archive), error);
    std::string err = ::testing::internal::GetCapturedStderr();
    ASSERT_TRUE(m) << error;
    EXPECT_FALSE(m->cacheHit);
    EXPECT_EQ(m->step(nullptr, 0), 7u);
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_NE(err.find(archive.string()), std::string::npos) << err;
    EXPECT_NE(err.find("cannot be created"), std::string::npos) << err;
    EXPECT_NE(err.find("temporary folder"), std::string::npos) << err;
}

TEST_F(ArchiveFallback, AnInterruptCompilesNothing) {
    noteInterrupt(SIGTERM);
    std::string error;
    auto m = load(source, options(dir), error);
    EXPECT_FALSE(m);
    EXPECT_EQ(error, "interrupted");
    EXPECT_TRUE(fs::is_empty(dir)) << "nothing left in the archive";
}

} // namespace
