#include "runtime/standalone.h"

#include "backends/cpu/cpu_backend.h"
#include "runtime/engine.h"
#include "runtime/host_emit.h"
#include "runtime/model_info.h"
#include "runtime/profile.h"
#include "runtime/runtime.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace metalfpga::runtime {

namespace {

void usage(const StandaloneModel& m, const char* prog) {
    fmt::print("usage: {} [options] [+plusarg...]\n"
               "Runs the compiled model of {} from the pipeline archive (no compiler needed).\n"
               "  --pipeline-archive DIR    archive folder (env METALFPGA_PIPELINE_ARCHIVE; "
               "default {})\n"
               "  --count N                 simulate N instances (lines of instance k > 0 start "
               "with [k])\n"
               "  --max-steps N             process activations per step call (default 1000000)\n"
               "  --threads N               CPU threads (0: one per hardware thread)\n"
               "  --instance-plusargs FILE  line k: plusargs added for instance k\n"
               "  --vcd-dir DIR             folder for VCD files\n"
               "  --profile                 stage timings on stderr (env METALFPGA_PROFILE=1)\n",
               prog, m.design, m.archive);
}

bool number(const std::string& text, uint64_t& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtoull(text.c_str(), &end, 10);
    return *end == '\0' && text[0] != '-';
}

} // namespace

int runStandalone(const StandaloneModel& m, int argc, char** argv) {
    const char* prog = argc > 0 ? argv[0] : "host";
    std::string archive = m.archive;
    if (const char* e = std::getenv("METALFPGA_PIPELINE_ARCHIVE"); e && *e) archive = e;
    RunOptions ro;
    uint64_t count = 1, threads = 0;
    std::string instancePlusargs;
    Profiler::Settings ps = Profiler::fromEnvironment();
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
            usage(m, prog);
            return 0;
        } else if (a[0] == '+') {
            ro.plusargs.push_back(a.substr(1));
        } else if (a == "--pipeline-archive") {
            ok = value(archive);
        } else if (a == "--count") {
            ok = numberArg(count, 1, 1u << 24);
        } else if (a == "--max-steps") {
            ok = numberArg(ro.maxSteps, 1, UINT64_MAX);
        } else if (a == "--threads") {
            ok = numberArg(threads, 0, 4096);
        } else if (a == "--instance-plusargs") {
            ok = value(instancePlusargs);
        } else if (a == "--vcd-dir") {
            ok = value(ro.vcdDir);
        } else if (a == "--profile") {
            ps.enabled = true;
        } else {
            fmt::print(stderr, "{}: error: unknown option '{}' (see --help)\n", prog, a);
            return 2;
        }
        if (!ok) {
            fmt::print(stderr, "{}: error: {} needs a valid value (see --help)\n", prog, a);
            return 2;
        }
    }
    std::string error;
    if (!instancePlusargs.empty() &&
        !readInstancePlusargs(instancePlusargs, ro.perInstance, error)) {
        fmt::print(stderr, "{}: error: {}\n", prog, error);
        return 2;
    }
    codegen::Model info;
    if (!decodeModelInfo(m.info, m.infoSize, info, error)) {
        fmt::print(stderr, "{}: error: {}\n", prog, error);
        return 1;
    }
    std::unique_ptr<Profiler> profiler;
    if (ps.enabled) profiler = std::make_unique<Profiler>(ps);
    std::unique_ptr<backends::cpu::LoadedModel> model;
    {
        Profiler::Timer t(profiler.get(), "archive-load");
        model = backends::cpu::loadEntry(backends::cpu::entryPath(archive, m.key), m.key, error);
    }
    if (!model) {
        fmt::print(stderr,
                   "{}: error: {}; run `metalfpga_cli --run` on the design with this archive "
                   "first (--pipeline-archive)\n",
                   prog, error);
        return 1;
    }
    std::unique_ptr<Engine> engine;
    {
        Profiler::Timer t(profiler.get(), "engine-init");
        engine = makeCpuEngine(*model, static_cast<uint32_t>(count), ro.slotLimit,
                               static_cast<unsigned>(threads), error);
    }
    if (!engine) {
        fmt::print(stderr, "{}: error: {}\n", prog, error);
        return 1;
    }
    ro.profiler = profiler.get();
    int rc = simulate(*engine, info, ro);
    if (profiler) profiler->report();
    return rc;
}

std::string emitHostSource(const codegen::Model& model, const std::string& key,
                           const std::string& archive, const std::string& design,
                           const std::string& srcDir, const std::string& buildDir) {
    std::string info = encodeModelInfo(model);
    std::string src = srcDir.empty() ? "METALFPGA_SRC" : srcDir;
    std::string build = buildDir.empty() ? "METALFPGA_BUILD" : buildDir;
    auto cString = [](const std::string& s) {
        std::string r = "\"";
        for (char c : s) {
            if (c == '"' || c == '\\')
                r += std::string("\\") + c;
            else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
                r += fmt::format("\\{:03o}", static_cast<unsigned char>(c));
            else
                r += c;
        }
        return r + "\"";
    };
    std::string out;
    out += fmt::format(
        "// Standalone host of the design {0}, written by metalfpga_cli --emit-host.\n"
        "// It runs the compiled model from the pipeline archive without the compiler; run\n"
        "// `metalfpga_cli --run` on the design once to store its entry:\n"
        "//   cpu-{1}.so\n"
        "//\n"
        "// Build (libmetalfpga_host.a is the runtime and the CPU backend; target metalfpga_host\n"
        "// of the metalfpga build):\n"
        "//   c++ -std=c++20 -O2 THIS_FILE.cpp -I {2}/src -L {3} -lmetalfpga_host -ldl -pthread "
        "-o host\n"
        "// Run:\n"
        "//   ./host [--pipeline-archive DIR] [--count N] [--max-steps N] [--threads N]\n"
        "//          [--instance-plusargs FILE] [--vcd-dir DIR] [--profile] [+plusarg...]\n"
        "// The archive folder is --pipeline-archive, else $METALFPGA_PIPELINE_ARCHIVE, else\n"
        "// {4}.\n"
        "// The entry must be made by the same metalfpga version, compiler and runtime headers\n"
        "// (they are part of its key); a missing or corrupt entry ends with exit status 1.\n\n"
        "#include \"runtime/standalone.h\"\n\n"
        "namespace {{\n\n"
        "// The model's host-side description (service sites, sizes, dump variables).\n"
        "const unsigned char kModelInfo[] = {{",
        design, key, src, build, archive);
    for (size_t i = 0; i < info.size(); ++i) {
        if (i % 16 == 0) out += "\n   ";
        out += fmt::format(" {},", static_cast<unsigned>(static_cast<unsigned char>(info[i])));
    }
    out += fmt::format("\n}};\n\n}} // namespace\n\n"
                       "int main(int argc, char** argv) {{\n"
                       "    metalfpga::runtime::StandaloneModel m;\n"
                       "    m.design = {};\n"
                       "    m.key = {};\n"
                       "    m.archive = {};\n"
                       "    m.info = kModelInfo;\n"
                       "    m.infoSize = sizeof kModelInfo;\n"
                       "    return metalfpga::runtime::runStandalone(m, argc, argv);\n"
                       "}}\n",
                       cString(design), cString(key), cString(archive));
    return out;
}

} // namespace metalfpga::runtime
