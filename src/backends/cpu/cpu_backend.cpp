#include "backends/cpu/cpu_backend.h"

#include "backends/common/archive_limit.h"
#include "backends/common/interrupts.h"
#include "backends/common/model_headers.h"
#include "backends/common/split_source.h"
#include "backends/cpu/model_compile.h"

#include "metalfpga/version.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fmt/format.h>

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

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

LoadedModel::~LoadedModel() {
    if (handle) dlclose(handle);
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
                touchEntry(entry); // least recently used entries go first
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
