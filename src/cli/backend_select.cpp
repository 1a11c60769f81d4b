#include "cli/backend_select.h"

#include "backends/common/compile_progress.h"
#include "backends/common/interrupts.h"
#include "backends/registry/registry.h"
#include "backends/registry/start_engine.h"

#if METALFPGA_HAS_CUDA
#include "backends/cuda/cuda_backend.h"
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
    if (const backends::Backend* cuda = backends::find("cuda")) return cuda->hostKey(source, why);
    why = "this build of metalfpga has no CUDA backend";
    return "";
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
    const backends::Backend* backend = nullptr;
    if (o.backend == "auto") {
        backends::AutoChoice choice = backends::chooseAuto("built without CUDA");
        if (o.verbose) backends::printAutoChoice("metalfpga", choice);
        backend = choice.backend;
    } else if (!(backend = backends::find(o.backend))) {
        error = "this build of metalfpga has no CUDA backend (the CUDA toolkit was not found "
                "when it was built); use --backend cpu";
        return false;
    }
    // CUDA: opens the device, and its context on this thread.
    if (std::string why; !backend->canRun(why)) {
        error = why;
        return false;
    }
    std::unique_ptr<backends::LoadedModel> m;
    auto t0 = std::chrono::steady_clock::now();
    backends::runWithProgress(backend->name(), co.async,
                              [&] { m = backend->load(source, co, error); });
    if (!m) return false;
    out.cacheHit = m->cacheHit;
    if (o.profiler) o.profiler->addStage(loadStage(m->cacheHit), msSince(t0));
    if (!backend->checkEnvironment(error)) return false;
    backends::EngineRequest request;
    request.count = o.count;
    request.slotLimit = o.slotLimit;
    request.threads = o.threads;
    request.dispatchTimeoutMs = o.dispatchTimeoutMs;
    out.engine =
        backends::startEngine(*backend, *m, request, o.profiler, o.verbose, "metalfpga", error);
    if (!out.engine) return false;
    out.model = std::move(m);
    out.backend = backend->name();
    return true;
}

} // namespace

} // namespace metalfpga::cli
