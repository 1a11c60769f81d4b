#include "cli/backend_select.h"

#include "backends/common/compile_progress.h"
#include "backends/common/interrupts.h"
#include "backends/cpu/cpu_engine.h"

#if METALFPGA_HAS_CUDA
#include "backends/cuda/cuda_engine.h"
#endif

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <vector>

namespace metalfpga::cli {

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The profile stage of a backend's load: a compile, or a load from the pipeline archive.
const char* loadStage(bool cacheHit) {
    return cacheHit ? "archive-load" : "compile";
}

bool prepareBackend(const std::string& source, const BackendOptions& o, PreparedRun& out,
                    std::string& error);

} // namespace

bool haveCudaBackend() {
#if METALFPGA_HAS_CUDA
    return true;
#else
    return false;
#endif
}

bool writePtx(const std::string& source, const std::string& arch, const std::string& path,
              std::string& error) {
#if METALFPGA_HAS_CUDA
    std::vector<char> ptx;
    if (!backends::cuda::compileModel(source, arch, true, ptx, error)) return false;
    std::ofstream out(path, std::ios::binary);
    out.write(ptx.data(), static_cast<std::streamsize>(ptx.size()));
    if (!out) {
        error = "cannot write '" + path + "'";
        return false;
    }
    return true;
#else
    (void)source, (void)arch, (void)path;
    error = "this build of metalfpga has no CUDA backend (the CUDA toolkit was not found when it "
            "was built)";
    return false;
#endif
}

std::string cudaBaseKey(const std::string& source, std::string& why) {
#if METALFPGA_HAS_CUDA
    return backends::cuda::baseKey(source, why);
#else
    (void)source;
    why = "this build of metalfpga has no CUDA backend";
    return "";
#endif
}

int reportInterrupt() {
    int sig = backends::interruptSignal();
    if (!sig) return -1;
    fmt::print(stderr, "metalfpga_cli: interrupted by {}\n", backends::signalName(sig));
    return 128 + sig;
}

bool prepareRun(const std::string& source, const BackendOptions& o, PreparedRun& out,
                std::string& error) {
    // A signal during the compile stops it (the load returns null) and the run never starts.
    bool ok = prepareBackend(source, o, out, error);
    if (ok && backends::interruptSignal()) {
        out.engine.reset();
        out.model.reset();
        ok = false;
    }
    if (!ok && backends::interruptSignal()) error = "interrupted";
    return ok;
}

namespace {

bool prepareBackend(const std::string& source, const BackendOptions& o, PreparedRun& out,
                    std::string& error) {
    backends::CompileOptions co = o.pipeline;
    co.useCache = o.useCache && co.useCache;
    bool cuda = o.backend == "cuda";
    if (o.backend == "auto") {
#if METALFPGA_HAS_CUDA
        std::string why;
        cuda = backends::cuda::device(why) != nullptr;
        if (o.verbose)
            fmt::print(stderr, "metalfpga: backend auto: {}\n",
                       cuda ? "CUDA (" + backends::cuda::device(why)->name + ")"
                            : "CPU (" + why + ")");
#else
        if (o.verbose) fmt::print(stderr, "metalfpga: backend auto: CPU (built without CUDA)\n");
#endif
    }
    if (cuda) {
#if METALFPGA_HAS_CUDA
        std::string why;
        if (!backends::cuda::device(why)) { // opens the context on this thread
            error = why;
            return false;
        }
        std::unique_ptr<backends::cuda::LoadedModel> m;
        auto t0 = std::chrono::steady_clock::now();
        backends::runWithProgress("cuda", co.async,
                                  [&] { m = backends::cuda::load(source, co, error); });
        if (!m) return false;
        out.cacheHit = m->cacheHit;
        if (o.profiler) o.profiler->addStage(loadStage(m->cacheHit), msSince(t0));
        backends::cuda::EngineOptions eo;
        eo.dispatchTimeoutMs = o.dispatchTimeoutMs;
        if (!backends::cuda::engineOptionsFromEnvironment(eo, error)) return false;
        {
            runtime::Profiler::Timer t(o.profiler, "engine-init");
            out.engine = backends::cuda::makeEngine(*m, o.count, o.slotLimit, eo, error);
        }
        if (!out.engine) return false;
        if (o.verbose) fmt::print(stderr, "metalfpga: cuda engine: {}\n", out.engine->detail());
        if (o.profiler) out.engine->setProfiler(o.profiler);
        out.model = std::shared_ptr<void>(
            m.release(), [](void* p) { delete static_cast<backends::cuda::LoadedModel*>(p); });
        out.backend = "cuda";
        return true;
#else
        error = "this build of metalfpga has no CUDA backend (the CUDA toolkit was not found "
                "when it was built); use --backend cpu";
        return false;
#endif
    }
    std::unique_ptr<backends::cpu::LoadedModel> m;
    auto t0 = std::chrono::steady_clock::now();
    backends::runWithProgress("cpu", co.async, [&] { m = backends::cpu::load(source, co, error); });
    if (!m) return false;
    out.cacheHit = m->cacheHit;
    if (o.profiler) o.profiler->addStage(loadStage(m->cacheHit), msSince(t0));
    {
        runtime::Profiler::Timer t(o.profiler, "engine-init");
        out.engine = backends::cpu::makeEngine(*m, o.count, o.slotLimit, o.threads, error);
    }
    if (!out.engine) return false;
    if (o.profiler) out.engine->setProfiler(o.profiler);
    out.model = std::shared_ptr<void>(
        m.release(), [](void* p) { delete static_cast<backends::cpu::LoadedModel*>(p); });
    out.backend = "cpu";
    return true;
}

} // namespace

} // namespace metalfpga::cli
