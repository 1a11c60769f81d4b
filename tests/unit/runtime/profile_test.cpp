// The profile collector (src/runtime/profile.h): stage totals, counters, device timings and the
// per-dispatch lines, and what the environment switches on.

#include "runtime/profile.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace metalfpga::runtime {
namespace {

std::string readAll(FILE* f) {
    std::rewind(f);
    std::string s;
    char buf[256];
    while (size_t n = std::fread(buf, 1, sizeof buf, f)) s.append(buf, n);
    return s;
}

TEST(Profiler, StagesCountersAndDeviceTimingsInOrder) {
    FILE* out = std::tmpfile();
    Profiler p(out);
    p.addStage("parse", 1.5);
    p.addStage("codegen", 2.0);
    p.addStage("parse", 0.25);
    p.addDeviceTiming("launch", 0.5);
    p.addDeviceTiming("launch", 0.25);
    p.dispatch(3.0, 1.0);
    p.dispatch(2.0, 0.5);
    EXPECT_DOUBLE_EQ(p.stage("parse"), 1.75);
    EXPECT_DOUBLE_EQ(p.stage("step"), 5.0);
    EXPECT_DOUBLE_EQ(p.stage("drain"), 1.5);
    EXPECT_EQ(p.count("rounds"), 2u);
    EXPECT_DOUBLE_EQ(p.deviceTiming("launch"), 0.75);
    EXPECT_DOUBLE_EQ(p.stage("never"), 0.0);
    p.report();
    p.report(); // once only
    EXPECT_EQ(readAll(out), "[profile] parse 1.750 ms\n"
                            "[profile] codegen 2.000 ms\n"
                            "[profile] step 5.000 ms\n"
                            "[profile] drain 1.500 ms\n"
                            "[profile] rounds 2\n"
                            "[profile] gpu launch 0.750 ms\n");
    std::fclose(out);
}

TEST(Profiler, EveryDispatchLinesCarryTheRoundsDeviceTimings) {
    FILE* out = std::tmpfile();
    Profiler p(out, true, true);
    EXPECT_TRUE(p.everyDispatch());
    EXPECT_TRUE(p.gpuTimestamps());
    p.addDeviceTiming("launch", 0.125);
    p.addDeviceTiming("copy", 0.5);
    p.dispatch(1.0, 0.25);
    p.dispatch(2.0, 0.5);
    EXPECT_EQ(readAll(out), "[profile] dispatch 1 step_ms=1.000 drain_ms=0.250 gpu_launch_ms=0.125 "
                            "gpu_copy_ms=0.500\n"
                            "[profile] dispatch 2 step_ms=2.000 drain_ms=0.500\n");
    std::fclose(out);
}

TEST(Profiler, TimerPlacesTheStageWhenItStarts) {
    FILE* out = std::tmpfile();
    Profiler p(out);
    {
        Profiler::Timer outer(&p, "simulation");
        Profiler::Timer inner(&p, "inner");
        EXPECT_GE(inner.stop(), 0.0);
        EXPECT_EQ(inner.stop(), 0.0); // stopped once
    }
    Profiler::Timer none(nullptr, "ignored"); // no profiler: nothing happens
    EXPECT_EQ(none.stop(), 0.0);
    p.report();
    std::string s = readAll(out);
    EXPECT_LT(s.find("[profile] simulation "), s.find("[profile] inner "));
    EXPECT_EQ(s.find("ignored"), std::string::npos);
    std::fclose(out);
}

TEST(Profiler, Environment) {
    ::unsetenv("METALFPGA_PROFILE");
    ::unsetenv("METALFPGA_PROFILE_EVERY_DISPATCH");
    ::unsetenv("METALFPGA_GPU_TIMESTAMPS");
    EXPECT_FALSE(Profiler::fromEnvironment().enabled);
    ::setenv("METALFPGA_PROFILE", "0", 1);
    EXPECT_FALSE(Profiler::fromEnvironment().enabled);
    ::setenv("METALFPGA_PROFILE", "1", 1);
    auto s = Profiler::fromEnvironment();
    EXPECT_TRUE(s.enabled);
    EXPECT_FALSE(s.everyDispatch);
    EXPECT_FALSE(s.gpuTimestamps);
    ::unsetenv("METALFPGA_PROFILE");
    ::setenv("METALFPGA_PROFILE_EVERY_DISPATCH", "yes", 1);
    ::setenv("METALFPGA_GPU_TIMESTAMPS", "TRUE", 1);
    s = Profiler::fromEnvironment();
    EXPECT_TRUE(s.enabled);
    EXPECT_TRUE(s.everyDispatch);
    EXPECT_TRUE(s.gpuTimestamps);
    ::unsetenv("METALFPGA_PROFILE_EVERY_DISPATCH");
    ::unsetenv("METALFPGA_GPU_TIMESTAMPS");
}

} // namespace
} // namespace metalfpga::runtime
