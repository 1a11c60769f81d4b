#include "backends/common/pipeline_archive.h"

#include "backends/common/archive_limit.h"
#include "support/env_switch.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace metalfpga::backends {

namespace fs = std::filesystem;

CompileOptions optionsFromEnvironment() {
    CompileOptions o;
    if (const char* a = std::getenv("METALFPGA_PIPELINE_ARCHIVE"); a && *a) o.cacheDir = a;
    o.load = support::envSwitch("METALFPGA_PIPELINE_ARCHIVE_LOAD", o.load);
    o.save = support::envSwitch("METALFPGA_PIPELINE_HARVEST", o.save);
    o.save = support::envSwitch("METALFPGA_PIPELINE_ARCHIVE_SAVE", o.save);
    o.log = support::envSwitch("METALFPGA_PIPELINE_LOG", o.log);
    o.async = support::envSwitch("METALFPGA_PIPELINE_PRECOMPILE", o.async);
    o.async = support::envSwitch("METALFPGA_PIPELINE_ASYNC", o.async);
    return o;
}

void logDecision(const std::string& text) {
    fmt::print(stderr, "[metalfpga] pipeline archive: {}\n", text);
}

std::string cacheDirectory() {
    if (const char* a = std::getenv("METALFPGA_PIPELINE_ARCHIVE"); a && *a) return a;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
        return std::string(x) + "/metalfpga";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/metalfpga";
    return (fs::temp_directory_path() / "metalfpga-cache").string();
}

CacheUse openCache(const CompileOptions& options) {
    CacheUse c;
    c.dir = options.cacheDir.empty() ? cacheDirectory() : options.cacheDir;
    c.load = options.useCache && options.load;
    c.save = options.useCache && options.save;
    if (c.load || c.save) {
        std::error_code ec;
        fs::create_directories(c.dir, ec);
        if (ec) {
            if (options.log)
                logDecision(
                    fmt::format("cannot create '{}' ({}); not used", c.dir.string(), ec.message()));
            if (c.save) c.problem = fmt::format("cannot be created: {}", ec.message());
            c.load = c.save = false;
        }
    }
    return c;
}

void noteArchiveProblem(const std::string& dir, const std::string& why,
                        const std::string& tempFolder) {
    if (tempFolder.empty())
        fmt::print(stderr,
                   "metalfpga: note: cannot save the compiled model in the pipeline archive '{}' "
                   "({}); it runs without being saved\n",
                   dir, why);
    else
        fmt::print(stderr,
                   "metalfpga: note: the pipeline archive '{}' {}; compiling in the temporary "
                   "folder '{}' instead (removed afterwards; the model is not saved)\n",
                   dir, why, tempFolder);
}

void boundArchive(const fs::path& dir, const fs::path& saved, bool log) {
    std::string error;
    uint64_t limit = archiveLimitBytes(error);
    static bool warned = false;
    if (!error.empty() && !warned) {
        warned = true;
        fmt::print(stderr, "metalfpga: warning: {}\n", error);
    }
    Eviction e = enforceLimit(dir, limit, saved);
    if (log && e.entries)
        logDecision(fmt::format("removed {} least recently used entries ({:.1f} MiB) to stay "
                                "within {} MiB; {:.1f} MiB kept",
                                e.entries, double(e.bytes) / (1 << 20), limit >> 20,
                                double(e.keptBytes) / (1 << 20)));
}

} // namespace metalfpga::backends
