// The CPU backend's pipeline archive: hits, corrupt entries, concurrent compiles, load/save.

#include "backends/common/compile_progress.h"
#include "backends/cpu/cpu_backend.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace metalfpga::backends;
using namespace metalfpga::backends::cpu;

namespace {

// A minimal model: the C entry points the backend looks up. `tag` makes the cache key unique.
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

// A fresh archive folder per test.
class PipelineArchive : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::temp_directory_path() /
              ("metalfpga-archive-test-" + std::to_string(getpid()) + "-" + info->name());
        fs::remove_all(dir);
        source = modelSource(dir.string());
    }
    void TearDown() override { fs::remove_all(dir); }

    CompileOptions options() const {
        CompileOptions o;
        o.cacheDir = dir.string();
        o.async = false;
        return o;
    }

    // The archive's files.
    std::vector<fs::path> files() const {
        std::vector<fs::path> out;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
        return out;
    }

    fs::path dir;
    std::string source;
};

TEST_F(PipelineArchive, SecondLoadHits) {
    std::string error;
    auto first = load(source, options(), error);
    ASSERT_TRUE(first) << error;
    EXPECT_FALSE(first->cacheHit);
    EXPECT_EQ(first->step(nullptr, 0), 7u);
    ASSERT_EQ(files().size(), 1u);
    EXPECT_EQ(fs::path(first->path), files()[0]);
    first.reset();
    auto second = load(source, options(), error);
    ASSERT_TRUE(second) << error;
    EXPECT_TRUE(second->cacheHit);
    EXPECT_EQ(second->compileMs, 0);
    EXPECT_EQ(second->step(nullptr, 0), 7u);
}

TEST_F(PipelineArchive, CorruptEntriesAreRebuilt) {
    std::string error;
    auto first = load(source, options(), error);
    ASSERT_TRUE(first) << error;
    fs::path entry = first->path;
    first.reset();
    std::string good;
    {
        std::ifstream in(entry, std::ios::binary);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    ASSERT_GT(good.size(), 1000u);
    // Truncated, garbage, and one flipped byte inside the object: each is rebuilt, never run.
    std::string flipped = good;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
    for (const std::string& bad :
         {good.substr(0, good.size() / 3), std::string(4096, 'x'), std::string(), flipped}) {
        fs::remove(entry); // a new file: the loaded one is never rewritten in place
        {
            std::ofstream out(entry, std::ios::binary);
            out << bad;
        }
        auto m = load(source, options(), error);
        ASSERT_TRUE(m) << error;
        EXPECT_FALSE(m->cacheHit);
        EXPECT_EQ(m->step(nullptr, 0), 7u);
        m.reset();
        auto again = load(source, options(), error);
        ASSERT_TRUE(again) << error;
        EXPECT_TRUE(again->cacheHit) << "the rebuilt entry replaced the corrupt one";
    }
}

TEST_F(PipelineArchive, ConcurrentThreadsLeaveOneEntry) {
    constexpr int kThreads = 4;
    std::vector<std::unique_ptr<cpu::LoadedModel>> models(kThreads);
    std::vector<std::string> errors(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back([&, i] { models[i] = load(source, options(), errors[i]); });
    for (auto& t : threads) t.join();
    for (int i = 0; i < kThreads; ++i) {
        ASSERT_TRUE(models[i]) << errors[i];
        EXPECT_EQ(models[i]->step(nullptr, 0), 7u);
    }
    models.clear();
    auto f = files();
    ASSERT_EQ(f.size(), 1u) << "no temporaries left behind";
    EXPECT_EQ(f[0].extension(), ".so");
    std::string error;
    auto m = load(source, options(), error);
    ASSERT_TRUE(m) << error;
    EXPECT_TRUE(m->cacheHit);
}

TEST_F(PipelineArchive, ConcurrentProcessesLeaveOneEntry) {
    constexpr int kProcs = 3;
    std::vector<pid_t> pids;
    for (int i = 0; i < kProcs; ++i) {
        pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            std::string error;
            auto m = load(source, options(), error);
            _exit(m && m->step(nullptr, 0) == 7 ? 0 : 1);
        }
        pids.push_back(pid);
    }
    for (pid_t pid : pids) {
        int status = 0;
        ASSERT_EQ(waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFEXITED(status));
        EXPECT_EQ(WEXITSTATUS(status), 0);
    }
    auto f = files();
    ASSERT_EQ(f.size(), 1u);
    std::string error;
    auto m = load(source, options(), error);
    ASSERT_TRUE(m) << error;
    EXPECT_TRUE(m->cacheHit);
}

TEST_F(PipelineArchive, LoadAndSaveSwitches) {
    std::string error;
    CompileOptions noSave = options();
    noSave.save = false;
    auto a = load(source, noSave, error);
    ASSERT_TRUE(a) << error;
    EXPECT_FALSE(a->cacheHit);
    EXPECT_TRUE(files().empty()) << "--no-pipeline-save writes nothing";
    a.reset();

    auto b = load(source, options(), error); // saves
    ASSERT_TRUE(b) << error;
    EXPECT_FALSE(b->cacheHit);
    b.reset();
    ASSERT_EQ(files().size(), 1u);

    CompileOptions noLoad = options();
    noLoad.load = false;
    auto c = load(source, noLoad, error);
    ASSERT_TRUE(c) << error;
    EXPECT_FALSE(c->cacheHit) << "--no-pipeline-load compiles even with an entry";
    EXPECT_GT(c->compileMs, 0);
    c.reset();

    CompileOptions none = options();
    none.useCache = false;
    auto d = load(source, none, error);
    ASSERT_TRUE(d) << error;
    EXPECT_FALSE(d->cacheHit);
    d.reset();
    EXPECT_EQ(files().size(), 1u);

    auto e = load(source, options(), error);
    ASSERT_TRUE(e) << error;
    EXPECT_TRUE(e->cacheHit);
}

TEST_F(PipelineArchive, AsyncCompileGivesTheSameModel) {
    CompileOptions o = options();
    o.async = true;
    std::string error;
    std::unique_ptr<cpu::LoadedModel> m;
    runWithProgress("cpu", o.async, [&] { m = load(source, o, error); });
    ASSERT_TRUE(m) << error;
    EXPECT_EQ(m->step(nullptr, 0), 7u);
}

TEST(PipelineEnvironment, VariablesAndAliases) {
    auto set = [](const char* n, const char* v) { setenv(n, v, 1); };
    const char* names[] = {"METALFPGA_PIPELINE_ARCHIVE",      "METALFPGA_PIPELINE_ARCHIVE_LOAD",
                           "METALFPGA_PIPELINE_ARCHIVE_SAVE", "METALFPGA_PIPELINE_HARVEST",
                           "METALFPGA_PIPELINE_LOG",          "METALFPGA_PIPELINE_ASYNC",
                           "METALFPGA_PIPELINE_PRECOMPILE"};
    for (const char* n : names) unsetenv(n);
    CompileOptions d = optionsFromEnvironment();
    EXPECT_TRUE(d.load && d.save && d.async && d.useCache);
    EXPECT_FALSE(d.log);
    EXPECT_TRUE(d.cacheDir.empty());

    set("METALFPGA_PIPELINE_ARCHIVE", "some/folder");
    set("METALFPGA_PIPELINE_ARCHIVE_LOAD", "0");
    set("METALFPGA_PIPELINE_HARVEST", "0");
    set("METALFPGA_PIPELINE_LOG", "1");
    set("METALFPGA_PIPELINE_PRECOMPILE", "0");
    CompileOptions e = optionsFromEnvironment();
    EXPECT_EQ(e.cacheDir, "some/folder");
    EXPECT_FALSE(e.load);
    EXPECT_FALSE(e.save);
    EXPECT_TRUE(e.log);
    EXPECT_FALSE(e.async);

    // The main names win over the aliases.
    set("METALFPGA_PIPELINE_ARCHIVE_SAVE", "1");
    set("METALFPGA_PIPELINE_ASYNC", "on");
    CompileOptions f = optionsFromEnvironment();
    EXPECT_TRUE(f.save);
    EXPECT_TRUE(f.async);
    for (const char* n : names) unsetenv(n);
}

} // namespace
