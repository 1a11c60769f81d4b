// The backends behind one interface (backends/backend.h, backends/registry): the built-in list,
// find(), --backend auto, and a model compiled, loaded by key and run through the interface.

#include "../elab/elab_test_util.h"
#include "backends/registry/registry.h"
#include "backends/registry/start_engine.h"
#include "codegen/codegen.h"
#include "runtime/profile.h"
#include "runtime/runtime.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace metalfpga::backends {
namespace {

namespace fs = std::filesystem;

TEST(BackendRegistry, FindsTheCpuBackend) {
    const Backend* cpu = find("cpu");
    ASSERT_NE(cpu, nullptr);
    EXPECT_STREQ(cpu->name(), "cpu");
    EXPECT_STREQ(cpu->title(), "CPU");
    std::string note = "stale";
    EXPECT_TRUE(cpu->canRun(note));
    EXPECT_EQ(note, "");
    EXPECT_EQ(builtIn().back(), cpu); // last: auto falls back to it
}

TEST(BackendRegistry, UnknownNamesAreNotFound) {
    EXPECT_EQ(find("metal"), nullptr);
    EXPECT_EQ(find(""), nullptr);
    EXPECT_EQ(find("CPU"), nullptr);
    EXPECT_EQ(find("auto"), nullptr); // a choice among backends, not one
}

TEST(BackendRegistry, CudaIsBuiltInWithTheToolkit) {
#if METALFPGA_HAS_CUDA
    ASSERT_EQ(builtIn().size(), 2u);
    ASSERT_NE(find("cuda"), nullptr);
    EXPECT_EQ(builtIn().front(), find("cuda")); // auto prefers it
    EXPECT_STREQ(find("cuda")->title(), "CUDA");
#else
    EXPECT_EQ(builtIn().size(), 1u);
    EXPECT_EQ(find("cuda"), nullptr);
#endif
}

// --backend takes the same values in every build; each built-in backend is one of them.
TEST(BackendRegistry, ChoicesAreTheSameInEveryBuild) {
    const std::vector<std::string>& choices = backendChoices();
    EXPECT_EQ(choices, (std::vector<std::string>{"cpu", "cuda", "auto"}));
    for (const Backend* b : builtIn())
        EXPECT_NE(std::find(choices.begin(), choices.end(), b->name()), choices.end()) << b->name();
}

TEST(BackendAuto, FallsBackToTheCpuWithTheReason) {
    std::vector<std::string> asked;
    AutoChoice c = chooseAuto("built without CUDA", [&](const Backend& b, std::string& note) {
        asked.push_back(b.name());
        note = "no device here";
        return false;
    });
    EXPECT_EQ(c.backend, find("cpu"));
#if METALFPGA_HAS_CUDA
    EXPECT_EQ(asked, std::vector<std::string>{"cuda"}); // the CPU is not asked
    EXPECT_EQ(c.reason, "no device here");
#else
    EXPECT_TRUE(asked.empty());
    EXPECT_EQ(c.reason, "built without CUDA");
#endif
}

TEST(BackendAuto, TakesTheFirstUsableBackendWithItsNote) {
    AutoChoice c = chooseAuto("none", [](const Backend& b, std::string& note) {
        note = std::string("runs on ") + b.name();
        return true;
    });
    EXPECT_EQ(c.backend, builtIn().front());
    if (builtIn().size() > 1) {
        EXPECT_EQ(c.reason, std::string("runs on ") + c.backend->name());
    }
}

// The default rule: CUDA when a device opens, else the CPU with the reason (here, usually:
// no driver or no device).
TEST(BackendAuto, CudaWhenADeviceOpens) {
    AutoChoice c = chooseAuto("built without CUDA");
    const Backend* cuda = find("cuda");
    std::string note;
    if (cuda && cuda->canRun(note)) {
        EXPECT_EQ(c.backend, cuda);
        EXPECT_EQ(c.reason, note); // the device's name
    } else {
        EXPECT_EQ(c.backend, find("cpu"));
        EXPECT_EQ(c.reason, cuda ? note : "built without CUDA");
        EXPECT_FALSE(c.reason.empty());
    }
}

TEST(BackendAuto, VerboseLine) {
    testing::internal::CaptureStderr();
    printAutoChoice("prog", AutoChoice{find("cpu"), "why not"});
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "prog: backend auto: CPU (why not)\n");
}

const char* const kHello = R"(
module top;
  reg [7:0] a;
  initial begin
    a = 5;
    #3 $display("a=%0d t=%0t", a, $time);
    $finish;
  end
endmodule
)";

// A fresh archive folder and the model of kHello.
class CpuThroughTheInterface : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("metalfpga-registry-test-" + std::to_string(getpid()));
        fs::remove_all(dir);
        elab = elab::test::elaborateText(kHello);
        ASSERT_TRUE(elab->design) << elab->errors;
        model = codegen::generate(*elab->design, elab->sm, *elab->diags);
        ASSERT_TRUE(model);
        options.cacheDir = dir.string();
        options.async = false;
    }
    void TearDown() override { fs::remove_all(dir); }

    // Runs two instances of `loaded` on `backend`: their output.
    std::string run(const Backend& backend, const LoadedModel& loaded) {
        EngineRequest request;
        request.count = 2;
        std::string error;
        auto engine = startEngine(backend, loaded, request, nullptr, false, "test", error);
        EXPECT_TRUE(engine) << error;
        if (!engine) return "";
        EXPECT_EQ(engine->count(), 2u);
        FILE* out = std::tmpfile();
        runtime::RunOptions ro;
        ro.out = out;
        EXPECT_EQ(runtime::simulate(*engine, *model, ro), 0);
        std::rewind(out);
        std::string s;
        char buf[256];
        while (size_t n = std::fread(buf, 1, sizeof buf, out)) s.append(buf, n);
        std::fclose(out);
        return s;
    }

    fs::path dir;
    std::unique_ptr<elab::test::Elaborated> elab;
    std::optional<contract::Model> model;
    CompileOptions options;
};

constexpr const char* kTwoInstances = "a=5 t=3\n[1] a=5 t=3\n";

// Compile (a miss), load again (a hit), then load the saved entry by its host key as the
// standalone host does: each runs the model.
TEST_F(CpuThroughTheInterface, CompilesLoadsAndRuns) {
    const Backend& cpu = *find("cpu");
    std::string error;
    auto compiled = cpu.load(model->source, options, error);
    ASSERT_TRUE(compiled) << error;
    EXPECT_FALSE(compiled->cacheHit);
    EXPECT_EQ(run(cpu, *compiled), kTwoInstances);

    auto hit = cpu.load(model->source, options, error);
    ASSERT_TRUE(hit) << error;
    EXPECT_TRUE(hit->cacheHit);
    EXPECT_EQ(hit->compileMs, 0);

    std::string why, key;
    std::string hostKey = cpu.hostKey(model->source, why);
    EXPECT_EQ(hostKey.size(), 32u) << why;
    std::string path = cpu.findEntry(dir.string(), hostKey, key, why);
    EXPECT_EQ(path, compiled->path);
    auto entry = cpu.loadEntry(path, key, error);
    ASSERT_TRUE(entry) << error;
    EXPECT_TRUE(entry->cacheHit);
    EXPECT_EQ(run(cpu, *entry), kTwoInstances);
}

TEST_F(CpuThroughTheInterface, MissingEntrySaysSo) {
    const Backend& cpu = *find("cpu");
    std::string why, key, error;
    std::string path = cpu.findEntry(dir.string(), cpu.hostKey(model->source, why), key, why);
    EXPECT_FALSE(cpu.loadEntry(path, key, error));
    EXPECT_NE(error.find("has no entry"), std::string::npos) << error;
}

// startEngine times the engine's creation as "engine-init" and hands the engine the profiler.
TEST_F(CpuThroughTheInterface, EngineInitIsProfiled) {
    const Backend& cpu = *find("cpu");
    std::string error;
    auto loaded = cpu.load(model->source, options, error);
    ASSERT_TRUE(loaded) << error;
    FILE* report = std::tmpfile();
    runtime::Profiler profiler(report);
    auto engine = startEngine(cpu, *loaded, EngineRequest{}, &profiler, true, "test", error);
    ASSERT_TRUE(engine) << error;
    profiler.report();
    std::rewind(report);
    char line[256] = {};
    ASSERT_TRUE(std::fgets(line, sizeof line, report));
    EXPECT_EQ(std::string(line).rfind("[profile] engine-init ", 0), 0u) << line;
    std::fclose(report);
}

// A backend runs only the models it loaded.
TEST(BackendInterface, RefusesAnotherBackendsModel) {
    struct Foreign final : LoadedModel {};
    Foreign foreign;
    std::string error;
    EXPECT_FALSE(find("cpu")->makeEngine(foreign, EngineRequest{}, error));
    EXPECT_NE(error.find("another backend"), std::string::npos) << error;
}

} // namespace
} // namespace metalfpga::backends
