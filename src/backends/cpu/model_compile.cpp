#include "backends/cpu/model_compile.h"

#include "backends/common/compile_progress.h"
#include "backends/common/interrupts.h"
#include "backends/common/model_headers.h"
#include "backends/common/split_source.h"
#include "backends/cpu/child_process.h"

#include <fmt/format.h>

#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace metalfpga::backends::cpu {

namespace fs = std::filesystem;

namespace {

std::string envOr(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

std::string shellQuote(const std::string& s) {
    std::string r = "'";
    for (char c : s) {
        if (c == '\'')
            r += "'\\''";
        else
            r += c;
    }
    return r + "'";
}

// How many compilers run at once: $METALFPGA_CXX_JOBS, else the hardware threads.
size_t compileJobs() {
    if (const char* v = std::getenv("METALFPGA_CXX_JOBS"); v && *v)
        return std::max<size_t>(1, std::strtoul(v, nullptr, 10));
    return std::max<unsigned>(1, std::thread::hardware_concurrency());
}

// Runs the shell commands, at most `jobs` at once; their wait statuses (-1: not run or stopped
// by an interrupt, after which none starts).
std::vector<int> runAll(const std::vector<std::string>& cmds, size_t jobs) {
    std::vector<int> rc(cmds.size(), -1);
    runUnits(cmds.size(), jobs, [&](size_t i) { rc[i] = runShell(cmds[i]); });
    return rc;
}

// Writes `text` to `p`; false with `why` (the system's reason) when it fails.
bool writeText(const fs::path& p, const std::string& text, std::string& why) {
    FILE* f = std::fopen(p.c_str(), "wb");
    if (!f) {
        why = std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    int err = errno;
    if (std::fclose(f) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) why = std::strerror(err);
    return ok;
}

// Whether the file system of `folder` has too little room left for a compile of a source of
// `bytes` (objects and the shared object are several times the source).
bool nearlyFull(const fs::path& folder, size_t bytes) {
    struct statvfs st {};
    if (statvfs(folder.c_str(), &st) != 0) return false;
    uint64_t avail = static_cast<uint64_t>(st.f_bavail) * st.f_frsize;
    return avail < std::max<uint64_t>(64u << 20, 4 * static_cast<uint64_t>(bytes));
}

std::string readText(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

std::string compiler() {
    return envOr("METALFPGA_CXX", envOr("CXX", "c++"));
}

std::string extraFlags() {
    return envOr("METALFPGA_CXXFLAGS", "");
}

size_t partsOverride() {
    const char* v = std::getenv("METALFPGA_CPU_PARTS");
    if (!v || !*v) return 0;
    return std::min<size_t>(kMaxParts, std::strtoul(v, nullptr, 10));
}

CompileResult compileIn(const fs::path& folder, const std::string& stem, const std::string& source,
                        const std::string& key) {
    CompileResult r;
    std::error_code ec;
    std::string cxx = compiler();
    fs::path tmp = folder / (stem + ".so.tmp");
    fs::path log = folder / (stem + ".log");
    // One translation unit, or (a large model) several compiled in parallel and then linked.
    std::vector<std::string> parts = splitSource(source, partsOverride());
    std::vector<fs::path> srcs, objs, logs;
    auto removeAll = [&](const fs::path& keep) {
        for (const auto* list : {&srcs, &objs, &logs})
            for (const auto& p : *list)
                if (p != keep) fs::remove(p, ec);
        fs::remove(log, ec);
        fs::remove(tmp, ec);
    };
    for (size_t k = 0; k < parts.size(); ++k) {
        std::string suffix = parts.size() == 1 ? "" : fmt::format(".part{}", k);
        srcs.push_back(folder / (stem + suffix + ".cpp"));
        objs.push_back(folder / (stem + suffix + ".o"));
        logs.push_back(parts.size() == 1 ? log : folder / (stem + suffix + ".log"));
        std::string why;
        if (!writeText(srcs.back(), parts[k], why)) {
            r.status = CompileResult::CannotWrite;
            r.error = fmt::format("cannot write '{}': {}", srcs.back().string(), why);
            removeAll({});
            return r;
        }
    }
    // Flags of every compile command besides the defaults: METALFPGA_CXXFLAGS, headers, key.
    std::string common = fmt::format("{} -I{} -DMF_MODEL_KEY='\"{}\"'", extraFlags(),
                                     shellQuote(includeDirectory()), key);
    std::vector<std::string> cmds;
    if (parts.size() == 1) {
        cmds.push_back(fmt::format("{} {} {} -o {} {} > {} 2>&1", cxx, kFlags, common,
                                   shellQuote(tmp.string()), shellQuote(srcs[0].string()),
                                   shellQuote(log.string())));
    } else {
        for (size_t k = 0; k < parts.size(); ++k)
            cmds.push_back(fmt::format("{} {} {} -o {} {} > {} 2>&1", cxx, kPartFlags, common,
                                       shellQuote(objs[k].string()), shellQuote(srcs[k].string()),
                                       shellQuote(logs[k].string())));
    }
    auto t0 = std::chrono::steady_clock::now();
    std::vector<int> rcs = runAll(cmds, compileJobs());
    int rc = 0;
    size_t failedPart = 0;
    for (size_t k = 0; k < rcs.size() && !rc; ++k)
        if (rcs[k] != 0) rc = rcs[k], failedPart = k;
    if (rc == 0 && parts.size() > 1) {
        std::string link =
            fmt::format("{} {} {} -o {}", cxx, kFlags, extraFlags(), shellQuote(tmp.string()));
        for (const auto& o : objs) link += " " + shellQuote(o.string());
        link += fmt::format(" > {} 2>&1", shellQuote(log.string()));
        rc = runShell(link);
        logs.push_back(log);
        failedPart = logs.size() - 1;
    }
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (interruptSignal()) {
        r.status = CompileResult::Interrupted;
        removeAll({});
        return r;
    }
    if (rc != 0) {
        std::string text = readText(logs[failedPart]);
        if (text.size() > 4000) text = text.substr(0, 4000) + "\n...";
        fs::path kept = srcs[std::min(failedPart, srcs.size() - 1)];
        r.status = CompileResult::CompilerFailed;
        r.error = fmt::format("the C++ compiler failed on the model (kept in '{}'):\n{}",
                              kept.string(), text);
        // The compiler could not write its output (its log may be lost too): a full or
        // read-only folder, not the model.
        if (text.find("No space left on device") != std::string::npos ||
            nearlyFull(folder, source.size())) {
            r.status = CompileResult::CannotWrite;
            r.error = fmt::format("the compiler's output: {}", std::strerror(ENOSPC));
            kept.clear();
        } else if (text.find("Read-only file system") != std::string::npos) {
            r.status = CompileResult::CannotWrite;
            r.error = fmt::format("the compiler's output: {}", std::strerror(EROFS));
            kept.clear();
        }
        removeAll(kept);
        return r;
    }
    for (const auto* list : {&srcs, &objs, &logs})
        for (const auto& p : *list) fs::remove(p, ec);
    r.object = tmp;
    return r;
}

TempFolder::~TempFolder() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
}

bool TempFolder::create(std::string& error) {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "metalfpga-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        error = fmt::format("cannot create a temporary folder in '{}': {}", base.string(),
                            std::strerror(errno));
        return false;
    }
    path_ = pattern;
    return true;
}

} // namespace metalfpga::backends::cpu
