#include "standalone/standalone.h"
#include "support/large_stack.h"

#include "backends/registry/registry.h"
#include "backends/registry/start_engine.h"
#include "runtime/engine.h"
#include "runtime/model_info.h"
#include "runtime/profile.h"
#include "runtime/runtime.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace metalfpga::runtime {

namespace {

struct HostOptions {
    const char* prog = "host";
    std::string archive;
    std::string backend = "auto";
    std::string instancePlusargs;
    uint64_t count = 1, threads = 0, dispatchTimeoutMs = 0;
    bool verbose = false;
    RunOptions run;
    Profiler::Settings profile = Profiler::fromEnvironment();
};

// The loaded model and its engine; the engine, declared last, is destroyed first.
struct Prepared {
    std::unique_ptr<backends::LoadedModel> model;
    std::unique_ptr<Engine> engine;
};

void usage(const StandaloneModel& m, const char* prog) {
    fmt::print("usage: {} [options] [+plusarg...]\n"
               "Runs the compiled model of {} from the pipeline archive (no compiler needed).\n"
               "  --backend cpu|cuda|auto   where it runs (default auto: CUDA when a device is "
               "present\n"
               "                            and the archive holds its entry, else the CPU)\n"
               "  --pipeline-archive DIR    archive folder (env METALFPGA_PIPELINE_ARCHIVE; "
               "default {})\n"
               "  --count N                 simulate N instances (lines of instance k > 0 start "
               "with [k])\n"
               "  --max-steps N             process activations per step call (default 1000000)\n"
               "  --threads N               CPU threads (0: one per hardware thread)\n"
               "  --dispatch-timeout-ms N   CUDA: end the run when one launch runs longer (0: no "
               "limit)\n"
               "  --instance-plusargs FILE  line k: plusargs added for instance k\n"
               "  --vcd-dir DIR             folder for VCD files\n"
               "  --run-verbose             say on stderr which backend runs\n"
               "  --profile                 stage timings on stderr (env METALFPGA_PROFILE=1)\n"
               "Env METALFPGA_CUDA_LAYOUT=auto|plain|interleaved: the CUDA state layout.\n",
               prog, m.design, m.archive);
}

bool number(const std::string& text, uint64_t& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtoull(text.c_str(), &end, 10);
    return *end == '\0' && text[0] != '-';
}

// Reads the command line into `o`: -1 to go on, else the exit status (0 after --help, 2 for bad
// usage).
int parseArguments(const StandaloneModel& m, int argc, char** argv, HostOptions& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        auto numberArg = [&](uint64_t& out, uint64_t lo, uint64_t hi) {
            std::string v;
            return value(v) && number(v, out) && out >= lo && out <= hi;
        };
        bool ok = true;
        if (a == "--help" || a == "-h") {
            usage(m, o.prog);
            return 0;
        } else if (a[0] == '+') {
            o.run.plusargs.push_back(a.substr(1));
        } else if (a == "--backend") {
            const auto& choices = backends::backendChoices();
            ok = value(o.backend) &&
                 std::find(choices.begin(), choices.end(), o.backend) != choices.end();
        } else if (a == "--pipeline-archive") {
            ok = value(o.archive);
        } else if (a == "--count") {
            ok = numberArg(o.count, 1, 1u << 24);
        } else if (a == "--max-steps") {
            ok = numberArg(o.run.maxSteps, 1, UINT64_MAX);
        } else if (a == "--threads") {
            ok = numberArg(o.threads, 0, 4096);
        } else if (a == "--dispatch-timeout-ms") {
            ok = numberArg(o.dispatchTimeoutMs, 0, UINT32_MAX);
        } else if (a == "--instance-plusargs") {
            ok = value(o.instancePlusargs);
        } else if (a == "--vcd-dir") {
            ok = value(o.run.vcdDir);
        } else if (a == "--run-verbose") {
            o.verbose = true;
        } else if (a == "--profile") {
            o.profile.enabled = true;
        } else {
            fmt::print(stderr, "{}: error: unknown option '{}' (see --help)\n", o.prog, a);
            return 2;
        }
        if (!ok) {
            fmt::print(stderr, "{}: error: {} needs a valid value (see --help)\n", o.prog, a);
            return 2;
        }
    }
    return -1;
}

// What to do when an entry does not load: store it with the compiler.
std::string storeHint(const char* backend) {
    return fmt::format("; run `metalfpga_cli --run --backend {}` on the design with this archive "
                       "first (--pipeline-archive)",
                       backend);
}

// The model's archive key for `backend` (StandaloneModel: key, cudaBaseKey).
std::string keyFor(const StandaloneModel& m, const backends::Backend& backend) {
    return std::string_view(backend.name()) == "cuda" ? m.cudaBaseKey : m.key;
}

// Loads the model's archive entry on `backend` and makes its engine.
bool prepare(const backends::Backend& backend, const StandaloneModel& m, const HostOptions& o,
             Profiler* profiler, Prepared& out, std::string& error) {
    std::string key, path = backend.findEntry(o.archive, keyFor(m, backend), key, error);
    if (path.empty()) {
        error += "; use --backend cpu";
        return false;
    }
    if (!backend.checkEnvironment(error)) return false;
    {
        Profiler::Timer t(profiler, "archive-load");
        out.model = backend.loadEntry(path, key, error);
    }
    if (!out.model) {
        error += storeHint(backend.name());
        return false;
    }
    backends::EngineRequest request;
    request.count = static_cast<uint32_t>(o.count);
    request.slotLimit = o.run.slotLimit;
    request.threads = static_cast<unsigned>(o.threads);
    request.dispatchTimeoutMs = static_cast<uint32_t>(o.dispatchTimeoutMs);
    out.engine =
        backends::startEngine(backend, *out.model, request, profiler, o.verbose, o.prog, error);
    return out.engine != nullptr;
}

// --backend auto: CUDA when a device is present and the archive holds its entry, else the CPU.
const backends::Backend& autoBackend(const StandaloneModel& m, const HostOptions& o) {
    backends::AutoChoice choice = backends::chooseAuto(
        "built without the CUDA backend", [&](const backends::Backend& b, std::string& note) {
            std::string key, path = b.findEntry(o.archive, keyFor(m, b), key, note);
            if (path.empty()) return false;
            std::error_code ec;
            if (!std::filesystem::exists(path, ec)) {
                note = fmt::format("the archive has no {} entry '{}'", b.title(), path);
                return false;
            }
            note = path;
            return true;
        });
    if (o.verbose) backends::printAutoChoice(o.prog, choice);
    return *choice.backend;
}

} // namespace

static int runStandaloneHere(const StandaloneModel& m, int argc, char** argv) {
    HostOptions o;
    if (argc > 0) o.prog = argv[0];
    o.archive = m.archive;
    if (const char* e = std::getenv("METALFPGA_PIPELINE_ARCHIVE"); e && *e) o.archive = e;
    if (int rc = parseArguments(m, argc, argv, o); rc >= 0) return rc;
    std::string error;
    if (!o.instancePlusargs.empty() &&
        !readInstancePlusargs(o.instancePlusargs, o.run.perInstance, error)) {
        fmt::print(stderr, "{}: error: {}\n", o.prog, error);
        return 2;
    }
    contract::Model info;
    if (!decodeModelInfo(m.info, m.infoSize, info, error)) {
        fmt::print(stderr, "{}: error: {}\n", o.prog, error);
        return 1;
    }
    std::unique_ptr<Profiler> profiler;
    if (o.profile.enabled) profiler = std::make_unique<Profiler>(o.profile);
    const backends::Backend* backend =
        o.backend == "auto" ? &autoBackend(m, o) : backends::find(o.backend);
    if (!backend)
        error = "this host was built without the CUDA backend (its libmetalfpga_host.a comes from "
                "a metalfpga build without the CUDA toolkit); use --backend cpu";
    Prepared p;
    if (!backend || !prepare(*backend, m, o, profiler.get(), p, error)) {
        fmt::print(stderr, "{}: error: {}\n", o.prog, error);
        return 1;
    }
    o.run.profiler = profiler.get();
    int rc = simulate(*p.engine, info, o.run);
    if (profiler) profiler->report();
    return rc;
}

// The model's wide temporaries and recursive functions need a large stack (as in the CLI).
int runStandalone(const StandaloneModel& m, int argc, char** argv) {
    return support::runWithLargeStack(support::kDriverStackBytes,
                                      [&] { return runStandaloneHere(m, argc, argv); });
}

} // namespace metalfpga::runtime
