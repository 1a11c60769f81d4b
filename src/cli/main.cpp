// metalfpga_cli: the command-line driver. Options follow Icarus Verilog where they overlap.

#include "backends/common/interrupts.h"
#include "backends/common/pipeline_archive.h"
#include "backends/registry/registry.h"
#include "cli/arguments.h"
#include "cli/backend_select.h"
#include "codegen/codegen.h"
#include "elab/elaborate.h"
#include "frontend/ast_dump.h"
#include "frontend/nesting.h"
#include "frontend/source_set.h"
#include "ir/printer.h"
#include "metalfpga/version.h"
#include "plan/model_plan.h"
#include "runtime/host_emit.h"
#include "runtime/profile.h"
#include "runtime/runtime.h"
#include "sdf/annotate.h"
#include "support/env_switch.h"
#include "support/large_stack.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace {

using namespace metalfpga;

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;

struct CliOptions {
    std::vector<std::string> files;
    std::vector<std::string> includeDirs;
    std::vector<std::string> defines;
    std::vector<std::string> libDirs;
    std::vector<std::string> libFiles;
    std::vector<std::string> tops;
    std::vector<std::string> paramP;     // -P TOP.NAME=VALUE
    std::vector<std::string> paramG;     // -GNAME=VALUE
    std::string delaySelection;          // -T; empty: METALFPGA_SPECIFY_DELAY_SELECT, else typ
    std::vector<std::string> generation; // -g (Icarus)
    bool ioRangeError = true;            // from -g[no-]io-range-error
    std::vector<std::string> sdf;        // --sdf FILE[:SCOPE]
    bool parseOnly = false;
    bool dumpTokens = false;
    bool dumpAst = false;
    bool check = false;
    bool dumpFlat = false;
    bool dumpPlan = false;
    std::string emitFlat;
    bool run = false;
    std::string emitCpp;
    uint64_t maxSteps = 1'000'000;
    uint64_t maxProcSteps = 0;
    uint32_t nbaQueue = 0;
    int twoState = -1;          // --2state / --no-2state (-1: not given: env METALFPGA_2STATE)
    bool noKnownCopies = false; // --no-known-copies (else env METALFPGA_KNOWN_COPIES)
    std::string sched; // --sched static|event ("": not given: env METALFPGA_SCHED, else event)
    uint32_t dispatchTimeoutMs = 0;
    uint32_t frameDepth = 64;
    uint32_t count = 1;
    std::string instancePlusargs;
    std::string vcdDir;
    unsigned threads = 0;
    std::vector<std::string> plusargs;
    bool noCache = false;
    bool profile = false;
    std::string emitHost;
    std::string backend = "auto";
    bool runVerbose = false;
    std::string emitCuda;
    std::string emitPtx;
    std::string cudaArch = "sm_90";
    std::string emitMsl;
    // Pipeline archive: flags win over the environment (-1: not given on the command line).
    std::string pipelineArchive;
    int pipelineLoad = -1;
    int pipelineSave = -1;
    int pipelineAsync = -1;
    bool pipelineLog = false;
};

// --2state, else METALFPGA_2STATE (1/on/yes/true; 0/off/no/false or unset: 4-state).
bool twoStateMode(const CliOptions& o) {
    if (o.twoState >= 0) return o.twoState == 1;
    return support::envSwitch("METALFPGA_2STATE", false);
}

// Known-value copies of clocked blocks: on unless --no-known-copies or METALFPGA_KNOWN_COPIES
// is 0/off/no/false.
bool knownCopiesMode(const CliOptions& o) {
    return !o.noKnownCopies && support::envSwitch("METALFPGA_KNOWN_COPIES", true);
}

// --sched, else METALFPGA_SCHED, else static: combinational logic is evaluated by level;
// "event" makes every continuous assignment, gate and combinational block an event-driven
// process, to compare the two.
bool staticSchedule(const CliOptions& o) {
    if (!o.sched.empty()) return o.sched == "static";
    const char* v = std::getenv("METALFPGA_SCHED");
    return !(v && std::string(v) == "event");
}

// The pipeline-archive options: the environment's, then the command line's on top.
backends::CompileOptions pipelineOptions(const CliOptions& o) {
    backends::CompileOptions p = backends::optionsFromEnvironment();
    if (!o.pipelineArchive.empty()) p.cacheDir = o.pipelineArchive;
    if (o.pipelineLoad >= 0) p.load = o.pipelineLoad == 1;
    if (o.pipelineSave >= 0) p.save = o.pipelineSave == 1;
    if (o.pipelineAsync >= 0) p.async = o.pipelineAsync == 1;
    if (o.pipelineLog) p.log = true;
    if (o.noCache) p.useCache = false;
    return p;
}

void dumpTokens(const frontend::PreprocessedUnit& unit, const frontend::SourceManager& sm) {
    for (const auto& t : unit.tokens) {
        auto lc = sm.displayLineCol(t.loc);
        std::string text(t.text);
        if (t.kind == frontend::TokenKind::StringLiteral) text = "\"" + text + "\"";
        fmt::print("{}:{}:{} {} '{}'\n", sm.displayName(t.loc), lc.line, lc.col,
                   frontend::tokenKindName(t.kind), text);
    }
}

// --emit-host: the standalone host of the model (src/standalone/standalone.h), which runs the
// archive entries that `--run` stores: the CPU one, or the CUDA one of the device it finds.
int emitHost(const ir::Design& design, const contract::Model& model, const CliOptions& o,
             std::string& hostEntry) {
    runtime::HostSource h;
    for (ir::ScopeId t : design.tops)
        h.design += (h.design.empty() ? "" : " ") + design.scopes[t].name;
    backends::CompileOptions p = pipelineOptions(o);
    h.archive = p.cacheDir.empty() ? backends::cacheDirectory() : p.cacheDir;
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(h.archive, ec);
    if (!ec) h.archive = abs.lexically_normal().string();
    const backends::Backend& cpu = *backends::find("cpu");
    std::string cpuKey, cpuWhy, why; // the CPU always has its keys
    h.key = cpu.hostKey(model.source, cpuWhy);
    h.cudaBaseKey = cli::cudaBaseKey(model.source, why);
    h.srcDir = METALFPGA_SOURCE_DIR;
    h.buildDir = METALFPGA_BUILD_DIR;
    std::ofstream out(o.emitHost, std::ios::binary);
    out << runtime::emitHostSource(model, h);
    if (!out) {
        fmt::print(stderr, "metalfpga_cli: error: cannot write '{}'\n", o.emitHost);
        return kExitInputErrors;
    }
    if (h.cudaBaseKey.empty())
        fmt::print(stderr, "metalfpga_cli: note: the standalone host runs on the CPU only ({})\n",
                   why);
    hostEntry = cpu.findEntry(h.archive, h.key, cpuKey, cpuWhy);
    return -1;
}

// After --emit-host (and the run, which may have stored it): a note when the host's CPU entry
// is still missing, for instance after `--run --backend cuda`.
void noteMissingHostEntry(const std::string& entry) {
    std::error_code ec;
    if (entry.empty() || std::filesystem::exists(entry, ec)) return;
    fmt::print(stderr,
               "metalfpga_cli: note: the pipeline archive has no CPU entry for this model yet "
               "('{}'); the host needs it for `--backend cpu`: `--run --backend cpu` with archive "
               "saving on stores it\n",
               entry);
}

// --emit-cpp / --run. Returns the exit status, or -1 to let the caller report diagnostics.
int simulateDesign(const ir::Design& design, const frontend::SourceManager& sm,
                   frontend::Diagnostics& diags, const CliOptions& o, runtime::Profiler* profiler) {
    runtime::Profiler::Timer codegenTimer(profiler, "codegen");
    codegen::Options co;
    co.maxProcSteps = o.maxProcSteps;
    co.nbaQueue = o.nbaQueue;
    co.frameDepth = o.frameDepth;
    co.twoState = twoStateMode(o);
    co.knownCopies = knownCopiesMode(o);
    co.staticComb = staticSchedule(o);
    auto model = codegen::generate(design, sm, diags, co);
    if (!model) return -1;
    codegenTimer.stop();
    // --emit-cuda writes the same source: NVRTC compiles it with the device entry points
    // (include/metalfpga/rt/device_entry.h) that MF_DEVICE_COMPILER switches on.
    for (const std::string* path : {&o.emitCpp, &o.emitCuda}) {
        if (path->empty()) continue;
        std::ofstream out(*path, std::ios::binary);
        out << model->source;
        if (!out) {
            fmt::print(stderr, "metalfpga_cli: error: cannot write '{}'\n", *path);
            return kExitInputErrors;
        }
    }
    if (!o.emitPtx.empty()) {
        // Compile-only with NVRTC: needs no GPU (CI checks every golden model this way).
        std::string error;
        if (!cli::writePtx(model->source, o.cudaArch, o.emitPtx, error)) {
            fmt::print(stderr, "metalfpga_cli: error: {}\n", error);
            return kExitInputErrors;
        }
    }
    std::string hostEntry;
    if (!o.emitHost.empty())
        if (int rc = emitHost(design, *model, o, hostEntry); rc >= 0) return rc;
    if (!o.run) {
        noteMissingHostEntry(hostEntry);
        return -1;
    }
    cli::BackendOptions bo;
    bo.backend = o.backend;
    bo.useCache = !o.noCache;
    bo.pipeline = pipelineOptions(o);
    bo.count = o.count;
    bo.threads = o.threads;
    bo.verbose = o.runVerbose;
    bo.dispatchTimeoutMs = o.dispatchTimeoutMs;
    bo.profiler = profiler;
    std::string error;
    cli::PreparedRun prepared;
    // SIGINT/SIGTERM/SIGHUP/SIGPIPE stop the compile or the run cleanly (interrupts.h).
    backends::InterruptScope interrupts;
    if (!cli::prepareRun(model->source, bo, prepared, error)) {
        if (int rc = cli::reportInterrupt(); rc >= 0) return rc;
        fmt::print(stderr, "metalfpga_cli: error: {}\n", error);
        return kExitInputErrors;
    }
    runtime::RunOptions ro;
    ro.maxSteps = o.maxSteps;
    ro.plusargs = o.plusargs;
    ro.vcdDir = o.vcdDir;
    ro.profiler = profiler;
    if (!o.instancePlusargs.empty() &&
        !runtime::readInstancePlusargs(o.instancePlusargs, ro.perInstance, error)) {
        fmt::print(stderr, "metalfpga_cli: error: {}\n", error);
        return kExitUsage;
    }
    int rc = runtime::simulate(*prepared.engine, *model, ro);
    noteMissingHostEntry(hostEntry);
    return rc;
}

// Parses, elaborates and (when asked) simulates; returns an exit status, or -1 to go on to the
// error summary.
int compileAndRun(const CliOptions& o, const frontend::SourceSetOptions& so,
                  const std::vector<cli::ParamOption>& paramOptions,
                  const std::vector<std::unique_ptr<cli::ParamValue>>& paramValues,
                  const std::optional<std::pair<int, int>>& defaultTimescale,
                  frontend::SourceManager& sm, frontend::Diagnostics& diags,
                  runtime::Profiler* profiler) {
    runtime::Profiler::Timer parseTimer(profiler, "parse");
    frontend::SourceSet sources = frontend::loadSources(so, sm, diags);
    parseTimer.stop();

    if (o.dumpTokens)
        for (const auto& unit : sources.preprocessed) dumpTokens(unit, sm);
    if (o.dumpAst)
        for (const auto& unit : sources.units) frontend::dumpAst(*unit, sm, std::cout);
    std::cout.flush();

    bool simulate = o.run || !o.emitCpp.empty() || !o.emitCuda.empty() || !o.emitPtx.empty() ||
                    !o.emitHost.empty();
    bool elaborate =
        !o.parseOnly && (o.check || o.dumpFlat || o.dumpPlan || !o.emitFlat.empty() || simulate);
    if (elaborate && !diags.hasErrors()) {
        elab::ElabOptions eo;
        eo.tops = o.tops;
        for (size_t i = 0; i < paramOptions.size(); ++i)
            eo.paramOverrides.push_back(
                elab::ParamOverride{paramOptions[i].option, paramOptions[i].top,
                                    paramOptions[i].name, paramValues[i]->expr.get()});
        eo.delaySelection = o.delaySelection == "min" ? 'n' : o.delaySelection == "max" ? 'x' : 't';
        eo.ioRangeError = o.ioRangeError;
        if (defaultTimescale)
            eo.defaultTimescale =
                ir::Timescale{defaultTimescale->first, defaultTimescale->second, true};
        runtime::Profiler::Timer elabTimer(profiler, "elaborate");
        auto design = elab::elaborate(sources, eo, diags);
        if (design) {
            sdf::AnnotateOptions sdfOptions;
            sdfOptions.delaySelection = eo.delaySelection;
            sdfOptions.verbose = support::envSwitch("METALFPGA_SDF_VERBOSE", false);
            for (const std::string& r : o.sdf) {
                size_t colon = r.rfind(':');
                sdfOptions.requests.push_back(
                    colon == std::string::npos
                        ? sdf::Request{r, ""}
                        : sdf::Request{r.substr(0, colon), r.substr(colon + 1)});
            }
            if (!sdf::annotate(*design, sm, diags, sdfOptions)) design.reset();
        }
        elabTimer.stop();
        if (design && o.dumpFlat) ir::printDesign(*design, std::cout, &sm);
        if (design && !o.emitFlat.empty()) {
            std::ofstream out(o.emitFlat);
            if (out) ir::printDesign(*design, out, &sm);
            if (!out) {
                fmt::print(stderr, "metalfpga_cli: error: cannot write '{}'\n", o.emitFlat);
                return kExitInputErrors;
            }
        }
        // --dump-flat and --emit-flat print the design as elaborated; the plan and the model
        // see it after the split of combinational blocks on cycles (plan/split_blocks.cpp).
        if (design) {
            plan::PlanOptions po;
            po.twoState = twoStateMode(o);
            po.knownCopies = knownCopiesMode(o);
            po.staticSchedule = staticSchedule(o);
            plan::splitLoopBlocks(*design, po);
            if (o.dumpPlan) plan::printPlan(*design, plan::buildPlan(*design, po), std::cout, &sm);
        }
        std::cout.flush();
        if (design && simulate && !o.check) {
            int rc = simulateDesign(*design, sm, diags, o, profiler);
            if (rc >= 0) return rc;
        }
    }

    return -1;
}

int run(int argc, char** argv) {
    auto expanded = cli::expandArguments(std::vector<std::string>(argv + 1, argv + argc));
    for (const auto& e : expanded.errors) fmt::print(stderr, "metalfpga_cli: error: {}\n", e);
    if (!expanded.errors.empty()) return kExitUsage;

    CliOptions o;
    CLI::App app{"metalfpga: a Verilog-2005 compiler and simulator for NVIDIA GPUs and the CPU",
                 "metalfpga_cli"};
    app.set_version_flag("--version", std::string("metalfpga_cli ") + METALFPGA_VERSION);
    app.add_option("files", o.files, "Verilog source files");
    app.add_option("-I", o.includeDirs, "Add a folder to the `include search path (+incdir+DIR)")
        ->allow_extra_args(false);
    app.add_option("-D", o.defines, "Define a macro: NAME or NAME=VALUE (+define+NAME=VALUE)")
        ->allow_extra_args(false);
    app.add_option("-y", o.libDirs, "Library folder searched for missing modules (+libext+EXT)")
        ->allow_extra_args(false);
    app.add_option("-v", o.libFiles, "Library file: its modules are used only when instantiated")
        ->allow_extra_args(false);
    app.add_option("-s,--top", o.tops, "Top-level module (may be given more than once)")
        ->allow_extra_args(false);
    app.add_option("-P", o.paramP,
                   "Set a parameter of a top-level module: -P TOP.NAME=VALUE (Icarus; VALUE: "
                   "8, 8'hff, -3, 1.5, \"text\")")
        ->allow_extra_args(false);
    app.add_option("-G", o.paramG,
                   "Set a parameter of the top-level modules that have it: -GNAME=VALUE "
                   "(Verilator)")
        ->allow_extra_args(false);
    app.add_option("--sdf", o.sdf,
                   "Back-annotate module path delays from an SDF file (FILE or FILE:SCOPE, "
                   "repeatable), as $sdf_annotate at time 0 does")
        ->allow_extra_args(false);
    app.add_option("-g", o.generation,
                   "Icarus -g flags: 1995, 2001, 2005 (the language; SystemVerilog generations "
                   "are an error), no-io-range-error (a port declared without a range, then as "
                   "a vector: a warning, not an error), specify, shared-loop-index")
        ->allow_extra_args(false);
    app.add_option("-T", o.delaySelection,
                   "Delay selection for min:typ:max expressions (default: env "
                   "METALFPGA_SPECIFY_DELAY_SELECT, else typ)")
        ->check(CLI::IsMember({"min", "typ", "max"}));
    app.add_flag("--parse-only", o.parseOnly, "Stop after parsing");
    app.add_flag("--dump-tokens", o.dumpTokens, "Print the preprocessed tokens");
    app.add_flag("--dump-ast", o.dumpAst, "Print the syntax tree");
    app.add_flag("--check", o.check, "Parse and elaborate, then stop (no simulation)");
    app.add_flag("--dump-flat", o.dumpFlat, "Print the elaborated (flattened) design");
    app.add_flag("--dump-plan", o.dumpPlan,
                 "Print the model plan: each process's class (combinational, clocked or "
                 "behavioural, and why), the combinational levels and loops");
    app.add_option("--emit-flat", o.emitFlat, "Write the elaborated design to a file")
        ->allow_extra_args(false);
    app.add_flag("--run", o.run, "Compile and simulate the design (CPU backend)");
    app.add_option("--emit-cpp", o.emitCpp, "Write the generated C++ model to a file")
        ->allow_extra_args(false);
    app.add_option("--max-steps", o.maxSteps, "Process activations per step call of the model")
        ->check(CLI::PositiveNumber);
    app.add_option("--max-proc-steps", o.maxProcSteps,
                   "Loop iterations and routine calls one process activation may run without "
                   "suspending (0: no limit)");
    app.add_option("--dispatch-timeout-ms", o.dispatchTimeoutMs,
                   "CUDA: end the simulation when one kernel launch runs longer (0: no limit)");
    app.add_option("--nba-queue", o.nbaQueue,
                   "Non-blocking assignments one time slot may queue (default: sized per design)")
        ->check(CLI::Range(1u, 1u << 20));
    app.add_flag_callback(
        "--2state", [&o] { o.twoState = 1; },
        "Simulate with 2-state values as Verilator does: X and Z read as 0 (faster; env "
        "METALFPGA_2STATE=1)");
    app.add_flag_callback(
        "--no-2state", [&o] { o.twoState = 0; }, "Simulate with 4-state values (default)");
    app.add_flag("--no-known-copies", o.noKnownCopies,
                 "Give clocked blocks no copy that runs when their inputs hold no X/Z (compiles "
                 "faster, runs slower; env METALFPGA_KNOWN_COPIES=0)");
    app.add_option("--sched", o.sched,
                   "Scheduling of combinational logic: static (default: continuous "
                   "assignments, gates and always @* blocks are evaluated in level order, "
                   "combinational NBA targets committed in one pass) or event (every one is an "
                   "event-driven process; env METALFPGA_SCHED)")
        ->check(CLI::IsMember({"static", "event"}));
    app.add_option("--frame-depth", o.frameDepth,
                   "Frames per automatic function (its greatest recursion depth)")
        ->check(CLI::Range(1u, 1u << 20));
    app.add_option("--vcd-dir", o.vcdDir,
                   "Write VCD files ($dumpfile) into this folder (instance k > 0: NAME.k.EXT)")
        ->allow_extra_args(false);
    app.add_option("--count", o.count,
                   "Simulate N instances of the design at once (lines of instance k > 0 start "
                   "with [k])")
        ->check(CLI::Range(1u, 1u << 24));
    app.add_option("--instance-plusargs", o.instancePlusargs,
                   "File whose line k holds plusargs added for instance k")
        ->allow_extra_args(false);
    app.add_option("--threads", o.threads,
                   "CPU threads that step the instances (0: one per hardware thread)");
    app.add_option("--backend", o.backend,
                   "Where the simulation runs: cpu, cuda, or auto (CUDA "
                   "when a GPU is present)")
        ->check(CLI::IsMember(backends::backendChoices()));
    app.add_flag("--run-verbose", o.runVerbose, "Say on stderr which backend runs");
    app.add_option("--emit-cuda", o.emitCuda, "Write the model source NVRTC compiles to a file")
        ->allow_extra_args(false);
    app.add_option("--emit-ptx", o.emitPtx,
                   "Compile the model with NVRTC (no GPU needed) and write the PTX to a file")
        ->allow_extra_args(false);
    app.add_option("--cuda-arch", o.cudaArch, "Architecture for --emit-ptx (default sm_90)")
        ->allow_extra_args(false);
    app.add_option("--emit-msl", o.emitMsl, "Alias of --emit-cuda (the target is CUDA)")
        ->allow_extra_args(false);
    app.add_flag("--no-cache", o.noCache,
                 "Do not use the pipeline archive (cache of compiled models): no load, no save");
    app.add_option("--pipeline-archive", o.pipelineArchive,
                   "Folder of the pipeline archive (env METALFPGA_PIPELINE_ARCHIVE)")
        ->allow_extra_args(false);
    app.add_flag_callback(
        "--pipeline-load", [&o] { o.pipelineLoad = 1; },
        "Read compiled models from the archive (default; env METALFPGA_PIPELINE_ARCHIVE_LOAD)");
    app.add_flag_callback(
        "--no-pipeline-load", [&o] { o.pipelineLoad = 0; }, "Do not read the archive");
    app.add_flag_callback(
        "--pipeline-save", [&o] { o.pipelineSave = 1; },
        "Write compiled models to the archive (default; env "
        "METALFPGA_PIPELINE_ARCHIVE_SAVE, alias METALFPGA_PIPELINE_HARVEST); the archive keeps "
        "at most METALFPGA_PIPELINE_ARCHIVE_MAX_MB MiB (default 1024), least recently used "
        "entries go first");
    app.add_flag_callback(
        "--no-pipeline-save", [&o] { o.pipelineSave = 0; }, "Do not write the archive");
    app.add_flag("--pipeline-log", o.pipelineLog,
                 "One stderr line per archive decision: hit, miss, corrupt, saved (env "
                 "METALFPGA_PIPELINE_LOG=1)");
    app.add_flag_callback(
        "--pipeline-async", [&o] { o.pipelineAsync = 1; },
        "Compile in a background thread with a progress line on a terminal "
        "(default; env METALFPGA_PIPELINE_ASYNC, alias "
        "METALFPGA_PIPELINE_PRECOMPILE)");
    app.add_flag_callback(
        "--no-pipeline-async", [&o] { o.pipelineAsync = 0; },
        "Compile on the main thread, without a progress line");
    app.add_flag("--profile", o.profile,
                 "Print stage timings on stderr as [profile] STAGE MS ms (env "
                 "METALFPGA_PROFILE=1)");
    app.add_option("--emit-host", o.emitHost,
                   "Write a standalone host program (C++) that runs the design's compiled model "
                   "from the pipeline archive without the compiler (on the CPU or CUDA)")
        ->allow_extra_args(false);
    app.footer("Command files: -f FILE. Other +words are plusargs for the simulation.\n"
               "Exit status: 0 success, 1 errors in the input, 2 bad usage.");

    std::vector<std::string> rest(expanded.args.rbegin(), expanded.args.rend());
    try {
        app.parse(rest);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitUsage;
    }
    o.plusargs = expanded.plusargs;
    if (!o.emitMsl.empty()) {
        fmt::print(stderr, "metalfpga_cli: note: --emit-msl writes the CUDA model source (this "
                           "simulator targets CUDA, not Metal)\n");
        if (o.emitCuda.empty()) o.emitCuda = o.emitMsl;
    }
    if (o.files.empty()) {
        fmt::print(stderr, "metalfpga_cli: error: no source files given (see --help)\n");
        return kExitUsage;
    }

    cli::GenerationFlags generation;
    for (const std::string& g : o.generation) {
        std::string error;
        if (!cli::applyGenerationFlag(g, generation, error)) {
            fmt::print(stderr, "metalfpga_cli: error: {}\n", error);
            return kExitUsage;
        }
    }
    o.ioRangeError = generation.ioRangeError;
    if (o.delaySelection.empty()) {
        const char* v = std::getenv("METALFPGA_SPECIFY_DELAY_SELECT");
        o.delaySelection = v && *v ? v : "typ";
        if (o.delaySelection != "min" && o.delaySelection != "typ" && o.delaySelection != "max") {
            fmt::print(stderr,
                       "metalfpga_cli: error: METALFPGA_SPECIFY_DELAY_SELECT={} (expected min, "
                       "typ or max)\n",
                       o.delaySelection);
            return kExitUsage;
        }
    }

    // -G first, then -P: for the same parameter the later (the top-qualified -P) wins.
    std::vector<cli::ParamOption> paramOptions;
    for (char flag : {'G', 'P'}) {
        for (const std::string& text : flag == 'G' ? o.paramG : o.paramP) {
            std::string error;
            auto p = cli::parseParamOption(flag, text, error);
            if (!p) {
                fmt::print(stderr, "metalfpga_cli: error: {}\n", error);
                return kExitUsage;
            }
            paramOptions.push_back(std::move(*p));
        }
    }

    std::optional<std::pair<int, int>> defaultTimescale;
    if (!expanded.timescale.empty()) {
        defaultTimescale = cli::parseTimescale(expanded.timescale);
        if (!defaultTimescale) {
            fmt::print(stderr,
                       "metalfpga_cli: error: bad +timescale+{}: expected UNIT/PRECISION such as "
                       "1ns/1ps\n",
                       expanded.timescale);
            return kExitUsage;
        }
    }

    frontend::SourceSetOptions so;
    so.files = o.files;
    so.libFiles = o.libFiles;
    so.libDirs = o.libDirs;
    so.libExts = expanded.libExts;
    so.tops = o.tops;
    so.preprocessor.includeDirs = o.includeDirs;
    for (auto& d : expanded.includeDirs) so.preprocessor.includeDirs.push_back(d);
    for (auto& d : o.defines) so.preprocessor.defines.push_back(cli::parseDefine(d));
    for (auto& d : expanded.defines) so.preprocessor.defines.push_back(d);

    // --profile / METALFPGA_PROFILE=1: stage timings, printed when the run ends.
    runtime::Profiler::Settings ps = runtime::Profiler::fromEnvironment();
    if (o.profile) ps.enabled = true;
    std::unique_ptr<runtime::Profiler> profiler;
    if (ps.enabled) profiler = std::make_unique<runtime::Profiler>(ps);
    struct ReportAtEnd {
        runtime::Profiler* p;
        ~ReportAtEnd() {
            std::fflush(stdout);
            if (p) p->report();
        }
    } reportAtEnd{profiler.get()};

    frontend::SourceManager sm;
    frontend::Diagnostics diags(sm);
    // -P/-G values: parsed here, evaluated by the elaborator in the top module.
    std::vector<std::unique_ptr<cli::ParamValue>> paramValues;
    for (const cli::ParamOption& p : paramOptions) {
        std::string error;
        paramValues.push_back(cli::parseParamValue(sm, p, error));
        if (!paramValues.back()) {
            fmt::print(stderr, "metalfpga_cli: error: {}\n", error);
            return kExitInputErrors;
        }
    }
    try {
        if (int rc = compileAndRun(o, so, paramOptions, paramValues, defaultTimescale, sm, diags,
                                   profiler.get());
            rc >= 0)
            return rc;
    } catch (const frontend::NestingTooDeep& e) {
        diags.error(e.loc, e.what());
    }

    if (diags.hasErrors()) {
        fmt::print(stderr, "{} error{}\n", diags.errorCount(), diags.errorCount() == 1 ? "" : "s");
        return kExitInputErrors;
    }
    return kExitOk;
}

} // namespace

int main(int argc, char** argv) {
    try {
        // The compiler's passes recurse over the design's nesting: a large stack, with
        // checkNesting() guarding its end, turns any depth into a result or an error.
        return support::runWithLargeStack(support::kDriverStackBytes,
                                          [&] { return run(argc, argv); });
    } catch (const std::exception& e) {
        fmt::print(stderr, "metalfpga_cli: internal error: {}\n", e.what());
        return 3;
    }
}
