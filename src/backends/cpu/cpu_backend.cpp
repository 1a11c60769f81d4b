#include "backends/cpu/cpu_backend.h"

#include "backends/common/archive_limit.h"
#include "backends/cpu/interrupts.h"
#include "backends/cpu/model_compile.h"
#include "backends/cpu/split_source.h"

#include "metalfpga/version.h"
#include "support/env_switch.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fmt/format.h>

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

namespace metalfpga::backends::cpu {

namespace fs = std::filesystem;

namespace {

// `compiler --version`, first line (part of the cache key).
std::string compilerVersion(const std::string& cxx) {
    std::string cmd = cxx + " --version 2>/dev/null";
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[256];
        if (fgets(buf, sizeof buf, p)) out = buf;
        pclose(p);
    }
    return out;
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// An archive entry is the shared object followed by a trailer: the magic, the object's size
// and its XXH64 checksum (8 bytes each, little-endian). The dynamic loader ignores bytes after
// the object; the trailer lets a truncated or corrupt entry be found before dlopen maps it.
constexpr char kTrailerMagic[8] = {'M', 'F', 'P', 'A', 'S', 'O', '0', '1'};
constexpr size_t kTrailerSize = 24;

void putU64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

uint64_t getU64(const char* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

bool readFile(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

// Appends the trailer to a freshly compiled object; empty, or why it could not.
std::string addTrailer(const fs::path& p) {
    std::string body;
    if (!readFile(p, body)) return "cannot read it back";
    std::string trailer(kTrailerMagic, sizeof kTrailerMagic);
    putU64(trailer, body.size());
    putU64(trailer, XXH64(body.data(), body.size(), 0));
    FILE* f = std::fopen(p.c_str(), "ab");
    if (!f) return std::strerror(errno);
    bool ok = std::fwrite(trailer.data(), 1, trailer.size(), f) == trailer.size();
    int err = errno;
    if (std::fclose(f) != 0 && ok) ok = false, err = errno;
    return ok ? "" : std::strerror(err);
}

// Empty when the entry's trailer matches its contents, else why not.
std::string checkEntry(const fs::path& p) {
    std::string text;
    if (!readFile(p, text)) return "unreadable";
    if (text.size() < kTrailerSize) return "truncated";
    const char* t = text.data() + text.size() - kTrailerSize;
    if (std::memcmp(t, kTrailerMagic, sizeof kTrailerMagic) != 0) return "no trailer";
    uint64_t size = getU64(t + 8);
    if (size != text.size() - kTrailerSize) return "size mismatch";
    if (getU64(t + 16) != XXH64(text.data(), size, 0)) return "checksum mismatch";
    return {};
}

} // namespace

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

CompileProgress& compileProgress() {
    static CompileProgress p;
    return p;
}

void runUnits(size_t n, size_t jobs, const std::function<void(size_t)>& work) {
    compileProgress().start(n);
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t k; (k = next++) < n && !interruptSignal();) {
            work(k);
            compileProgress().unitDone();
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < std::min(jobs, n); ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    compileProgress().start(0);
}

void runWithProgress(const std::string& backend, bool async, const std::function<void()>& work) {
    if (!async) {
        work();
        return;
    }
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            work();
        } catch (...) {
            failure = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mu);
        done = true;
        cv.notify_all();
    });
    bool tty = isatty(STDERR_FILENO) != 0;
    bool shown = false;
    size_t width = 0;
    auto t0 = std::chrono::steady_clock::now();
    {
        std::unique_lock<std::mutex> lock(mu);
        while (!cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return done; })) {
            if (!tty) continue;
            std::string line = fmt::format("\r[metalfpga] compiling model ({}) {:.1f} s", backend,
                                           msSince(t0) / 1000.0);
            if (size_t units = compileProgress().units(); units > 1)
                line += fmt::format(", {}/{} units", compileProgress().done(), units);
            width = std::max(width, line.size());
            std::fputs(line.c_str(), stderr);
            std::fflush(stderr);
            shown = true;
        }
    }
    worker.join();
    if (shown) {
        std::string blank = "\r" + std::string(width, ' ') + "\r";
        std::fputs(blank.c_str(), stderr);
        std::fflush(stderr);
    }
    if (failure) std::rethrow_exception(failure);
}

LoadedModel::~LoadedModel() {
    if (handle) dlclose(handle);
}

std::string cacheDirectory() {
    if (const char* a = std::getenv("METALFPGA_PIPELINE_ARCHIVE"); a && *a) return a;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
        return std::string(x) + "/metalfpga";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/metalfpga";
    return (fs::temp_directory_path() / "metalfpga-cache").string();
}

std::string includeDirectory() {
    if (const char* e = std::getenv("METALFPGA_INCLUDE_DIR"); e && *e) return e;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
             dir = dir.parent_path()) {
            for (const char* sub : {"include", "share/metalfpga/include"})
                if (fs::exists(dir / sub / "metalfpga/rt/model.h", ec)) return (dir / sub).string();
        }
    }
    return METALFPGA_SOURCE_INCLUDE_DIR;
}

std::string runtimeHeaders(const std::string& includeDir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(includeDir) / "metalfpga/rt", ec))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string text;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        text += f.filename().string() + '\0' + ss.str() + '\0';
    }
    return text;
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
    uint64_t limit = common::archiveLimitBytes(error);
    static bool warned = false;
    if (!error.empty() && !warned) {
        warned = true;
        fmt::print(stderr, "metalfpga: warning: {}\n", error);
    }
    common::Eviction e = common::enforceLimit(dir, limit, saved);
    if (log && e.entries)
        logDecision(fmt::format("removed {} least recently used entries ({:.1f} MiB) to stay "
                                "within {} MiB; {:.1f} MiB kept",
                                e.entries, double(e.bytes) / (1 << 20), limit >> 20,
                                double(e.keptBytes) / (1 << 20)));
}

std::string modelKey(const std::string& source) {
    std::string cxx = compiler();
    std::string keyText = source + '\0' + cxx + '\0' + compilerVersion(cxx) + '\0' + kFlags + '\0' +
                          METALFPGA_VERSION + "\0entry-trailer 1" + '\0' + extraFlags();
    keyText += '\0' + runtimeHeaders(includeDirectory());
    keyText += fmt::format("{}split {} {} {} {}", '\0', partsOverride(), kSplitAbove, kPartBytes,
                           kPartFlags);
    XXH128_hash_t hash = XXH3_128bits(keyText.data(), keyText.size());
    return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

std::string entryPath(const std::string& dir, const std::string& key) {
    return (fs::path(dir) / ("cpu-" + key + ".so")).string();
}

namespace {

// dlopens `p` and binds the model's entry points; false (nothing kept open) when it does not
// load or its mf_model_key() differs from `key`.
bool bindModel(LoadedModel& model, const fs::path& p, const std::string& key) {
    void* h = dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) return false;
    auto keyFn = reinterpret_cast<const char* (*)()>(dlsym(h, "mf_model_key"));
    model.stateSize = reinterpret_cast<unsigned long long (*)()>(dlsym(h, "mf_state_size"));
    model.init = reinterpret_cast<void (*)(void*, unsigned long long)>(dlsym(h, "mf_init"));
    model.step = reinterpret_cast<unsigned (*)(void*, unsigned long long)>(dlsym(h, "mf_step"));
    model.ring = reinterpret_cast<void (*)(void*, void*)>(dlsym(h, "mf_ring"));
    if (!keyFn || std::string(keyFn()) != key || !model.stateSize || !model.init || !model.step ||
        !model.ring) {
        dlclose(h);
        return false;
    }
    model.handle = h;
    model.path = p.string();
    return true;
}

} // namespace

std::unique_ptr<LoadedModel> loadEntry(const std::string& path, const std::string& key,
                                       std::string& error) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        error = fmt::format("the pipeline archive has no entry '{}'", path);
        return nullptr;
    }
    if (std::string why = checkEntry(path); !why.empty()) {
        error = fmt::format("the archive entry '{}' is corrupt ({})", path, why);
        return nullptr;
    }
    auto model = std::make_unique<LoadedModel>();
    if (!bindModel(*model, path, key)) {
        const char* why = dlerror();
        error = fmt::format("the archive entry '{}' does not load or has another key{}{}", path,
                            why ? ": " : "", why ? why : "");
        return nullptr;
    }
    model->cacheHit = true;
    return model;
}

std::unique_ptr<LoadedModel> load(const std::string& source, const CompileOptions& options,
                                  std::string& error) {
    std::string key = modelKey(source);

    auto model = std::make_unique<LoadedModel>();
    std::error_code ec;
    CacheUse cache = openCache(options);
    fs::path dir = cache.dir;
    bool load = cache.load, save = cache.save;
    fs::path entry = entryPath(dir.string(), key);

    auto tryLoad = [&](const fs::path& p) { return bindModel(*model, p, key); };

    // Read: the trailer is checked before dlopen maps the file; an entry that fails the check,
    // dlopen or the key check is rebuilt (and replaced when saving).
    if (load) {
        auto t0 = std::chrono::steady_clock::now();
        if (!fs::exists(entry, ec)) {
            if (options.log) logDecision(fmt::format("miss {}", entry.string()));
        } else {
            std::string why = checkEntry(entry);
            if (why.empty() && !tryLoad(entry)) why = "does not load or has another key";
            if (why.empty()) {
                model->cacheHit = true;
                common::touchEntry(entry); // least recently used entries go first
                if (options.log)
                    logDecision(fmt::format("hit {} (checked and loaded in {:.1f} ms)",
                                            entry.string(), msSince(t0)));
                return model;
            }
            if (options.log)
                logDecision(fmt::format("corrupt {} ({}); rebuilding", entry.string(), why));
        }
    } else if (options.log && options.useCache) {
        logDecision(fmt::format("load off; compiling {}", entry.string()));
    }

    // Compile: in the archive folder when saving (then renamed into place: concurrent writers of
    // one entry each rename a complete file), else in a temporary folder removed afterwards. A
    // folder that cannot be written falls back to a temporary one (noteArchiveProblem).
    std::string tag =
        fmt::format("{}.{}", getpid(), std::chrono::steady_clock::now().time_since_epoch().count());
    tag += fmt::format(".{:x}", std::hash<std::thread::id>{}(std::this_thread::get_id()));
    std::string stem = "cpu-" + key + "." + tag;
    TempFolder temp;
    auto useTemp = [&](const std::string& why) {
        if (!temp.create(error)) return false;
        if (!why.empty()) noteArchiveProblem(dir.string(), why, temp.path().string());
        return true;
    };
    if (!save && !useTemp(cache.problem)) return nullptr;
    CompileResult r = compileIn(save ? dir : temp.path(), stem, source, key);
    if (r.status == CompileResult::CannotWrite && save) {
        save = false;
        if (!useTemp("cannot be written (" + r.error + ")")) return nullptr;
        r = compileIn(temp.path(), stem, source, key);
    }
    model->compileMs = r.ms;
    if (r.status == CompileResult::Interrupted) {
        error = "interrupted";
        return nullptr;
    }
    if (r.status != CompileResult::Ok) {
        error = r.error;
        if (r.status == CompileResult::CompilerFailed) temp.keep(); // the failing source
        return nullptr;
    }
    fs::path so = r.object;
    if (save) {
        std::string why = addTrailer(so);
        if (why.empty()) {
            fs::rename(so, entry, ec);
            if (ec) why = ec.message();
        }
        if (why.empty()) {
            so = entry;
            if (options.log)
                logDecision(fmt::format("saved {} (compiled in {:.1f} ms)", entry.string(),
                                        model->compileMs));
            boundArchive(dir, entry, options.log);
        } else {
            // A valid object still (the loader ignores a partial trailer): run it unsaved.
            noteArchiveProblem(dir.string(), why, "");
            save = false;
        }
    } else if (options.log && options.useCache) {
        logDecision(fmt::format("save off; compiled in {:.1f} ms, not stored", model->compileMs));
    }
    bool loaded = !interruptSignal() && tryLoad(so);
    const char* why = loaded ? nullptr : dlerror();
    if (!save) fs::remove(so, ec); // the mapping stays valid
    if (interruptSignal()) {
        error = "interrupted";
        return nullptr;
    }
    if (!loaded) {
        error = fmt::format("cannot load the compiled model '{}': {}", so.string(), why ? why : "");
        return nullptr;
    }
    return model;
}

} // namespace metalfpga::backends::cpu
