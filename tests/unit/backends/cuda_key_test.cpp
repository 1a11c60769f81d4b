// The CUDA archive key in two parts (backends/cuda: baseKey, archKey), which the standalone host
// relies on to find the entry of the device it meets, the CUDA layout variable and NVRTC's
// options; no GPU needed.
#include <gtest/gtest.h>

#if METALFPGA_HAS_CUDA

#include "backends/cuda/cuda_backend.h"
#include "backends/cuda/cuda_engine.h"

#include <algorithm>
#include <cstdlib>

namespace metalfpga::backends::cuda {
namespace {

TEST(CudaKey, OneKeyPerArchitecture) {
    std::string k90 = archKey("0123", "sm_90");
    EXPECT_EQ(k90.size(), 32u);
    EXPECT_EQ(k90, archKey("0123", "sm_90"));
    EXPECT_NE(k90, archKey("0123", "sm_80"));
    EXPECT_NE(k90, archKey("0124", "sm_90"));
    EXPECT_EQ(entryPath("dir", k90, "sm_90"), "dir/cuda-" + k90 + "-sm_90.mfpa");
}

// NVRTC would contract a*b+c into FMAs, which the CPU's g++ never does: real arithmetic would
// round differently on the GPU.
TEST(CudaOptions, NoFloatingPointContraction) {
    std::vector<std::string> o = nvrtcOptions("include", "sm_90");
    EXPECT_NE(std::find(o.begin(), o.end(), "-fmad=false"), o.end());
}

// A model with a function too large for forced inlining is compiled for speed of compilation.
TEST(CudaOptions, LargeFunctionModelsCompileFast) {
    auto has = [](const std::vector<std::string>& o) {
        return std::find(o.begin(), o.end(), "--Ofast-compile=max") != o.end();
    };
    EXPECT_FALSE(has(modelNvrtcOptions("// model\nstruct State {};\n", "include", "sm_90")));
    EXPECT_TRUE(has(modelNvrtcOptions("// model\n#ifndef MF_NO_FORCE_INLINE\n#define "
                                      "MF_NO_FORCE_INLINE // too large\n#endif\n",
                                      "include", "sm_90")));
}

// Models compile at kFastCompile unless METALFPGA_NVRTC_FLAGS sets a level (it replaces ours).
TEST(CudaOptions, CompileTimeLevelDefaultsAndCanBeReplaced) {
    auto count = [](const std::vector<std::string>& o, const std::string& prefix) {
        return std::count_if(o.begin(), o.end(),
                             [&](const std::string& w) { return w.rfind(prefix, 0) == 0; });
    };
    ::unsetenv("METALFPGA_NVRTC_FLAGS");
    std::vector<std::string> o = nvrtcOptions("inc", "sm_90");
    EXPECT_EQ(count(o, kFastCompile), 1);
    ::setenv("METALFPGA_NVRTC_FLAGS", "--Ofast-compile=0", 1);
    o = nvrtcOptions("inc", "sm_90");
    EXPECT_EQ(count(o, "--Ofast-compile"), 1);
    EXPECT_EQ(o.back(), "--Ofast-compile=0");
    ::unsetenv("METALFPGA_NVRTC_FLAGS");
}

TEST(CudaKey, BaseKeyNeedsNvrtcOrSaysWhy) {
    std::string error;
    std::string a = baseKey("model a", error);
    if (a.empty()) {
        EXPECT_FALSE(error.empty());
        GTEST_SKIP() << error;
    }
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(a, baseKey("model a", error));
    EXPECT_NE(a, baseKey("model b", error));
}

TEST(CudaLayout, FromEnvironment) {
    Layout layout = Layout::Plain;
    std::string error;
    ::unsetenv("METALFPGA_CUDA_LAYOUT");
    EXPECT_TRUE(layoutFromEnvironment(layout, error));
    EXPECT_EQ(layout, Layout::Auto);
    ::setenv("METALFPGA_CUDA_LAYOUT", "interleaved", 1);
    EXPECT_TRUE(layoutFromEnvironment(layout, error));
    EXPECT_EQ(layout, Layout::Interleaved);
    ::setenv("METALFPGA_CUDA_LAYOUT", "plain", 1);
    EXPECT_TRUE(layoutFromEnvironment(layout, error));
    EXPECT_EQ(layout, Layout::Plain);
    ::setenv("METALFPGA_CUDA_LAYOUT", "sideways", 1);
    EXPECT_FALSE(layoutFromEnvironment(layout, error));
    EXPECT_NE(error.find("sideways"), std::string::npos);
    ::unsetenv("METALFPGA_CUDA_LAYOUT");
}

TEST(CudaEngineOptions, BlockSizeFromEnvironment) {
    std::string error;
    ::unsetenv("METALFPGA_CUDA_LAYOUT");
    ::unsetenv("METALFPGA_CUDA_BLOCK");
    EngineOptions o;
    EXPECT_TRUE(engineOptionsFromEnvironment(o, error));
    EXPECT_EQ(o.blockSize, 64u);
    ::setenv("METALFPGA_CUDA_BLOCK", "256", 1);
    EXPECT_TRUE(engineOptionsFromEnvironment(o, error));
    EXPECT_EQ(o.blockSize, 256u);
    for (const char* bad : {"48", "0", "2048", "64k"}) {
        ::setenv("METALFPGA_CUDA_BLOCK", bad, 1);
        EXPECT_FALSE(engineOptionsFromEnvironment(o, error)) << bad;
        EXPECT_NE(error.find(bad), std::string::npos);
    }
    ::unsetenv("METALFPGA_CUDA_BLOCK");
}

TEST(CudaKey, ExtraNvrtcFlagsChangeTheKey) {
    std::string error;
    ::unsetenv("METALFPGA_NVRTC_FLAGS");
    std::string plain = baseKey("model", error);
    if (plain.empty()) GTEST_SKIP() << error;
    ::setenv("METALFPGA_NVRTC_FLAGS", " -maxrregcount=64  -lineinfo ", 1);
    EXPECT_NE(baseKey("model", error), plain);
    std::vector<std::string> o = nvrtcOptions("inc", "sm_90");
    ASSERT_GE(o.size(), 2u);
    EXPECT_EQ(o[o.size() - 2], "-maxrregcount=64");
    EXPECT_EQ(o.back(), "-lineinfo");
    ::unsetenv("METALFPGA_NVRTC_FLAGS");
    EXPECT_EQ(baseKey("model", error), plain);
}

} // namespace
} // namespace metalfpga::backends::cuda

#endif
