#include "backends/cpu/cpu_backend.h"

#include "metalfpga/version.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fmt/format.h>

#include <dlfcn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace metalfpga::backends::cpu {

namespace fs = std::filesystem;

namespace {

const char* const kFlags = "-O1 -shared -fPIC -std=c++17 -w -fvisibility=hidden";

std::string envOr(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

std::string compiler() {
    return envOr("METALFPGA_CXX", envOr("CXX", "c++"));
}

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

} // namespace

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

std::unique_ptr<LoadedModel> load(const std::string& source, const CompileOptions& options,
                                  std::string& error) {
    std::string cxx = compiler();
    std::string inc = includeDirectory();
    std::string keyText = source + '\0' + cxx + '\0' + compilerVersion(cxx) + '\0' + kFlags + '\0' +
                          METALFPGA_VERSION;
    keyText += '\0' + runtimeHeaders(inc);
    XXH128_hash_t hash = XXH3_128bits(keyText.data(), keyText.size());
    std::string key = fmt::format("{:016x}{:016x}", hash.high64, hash.low64);

    auto model = std::make_unique<LoadedModel>();
    std::error_code ec;
    fs::path dir =
        options.cacheDir.empty() ? fs::path(cacheDirectory()) : fs::path(options.cacheDir);
    bool cache = options.useCache;
    if (cache) {
        fs::create_directories(dir, ec);
        if (ec) cache = false;
    }
    fs::path work = cache ? dir : fs::temp_directory_path();
    fs::path so = work / ("cpu-" + key + ".so");
    if (!cache) so = work / fmt::format("metalfpga-{}-{}.so", key, getpid());

    auto tryLoad = [&](const fs::path& p) -> bool {
        void* h = dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!h) return false;
        auto keyFn = reinterpret_cast<const char* (*)()>(dlsym(h, "mf_model_key"));
        model->stateSize = reinterpret_cast<unsigned long long (*)()>(dlsym(h, "mf_state_size"));
        model->init = reinterpret_cast<void (*)(void*, unsigned long long)>(dlsym(h, "mf_init"));
        model->step =
            reinterpret_cast<unsigned (*)(void*, unsigned long long)>(dlsym(h, "mf_step"));
        model->ring = reinterpret_cast<void (*)(void*, void*)>(dlsym(h, "mf_ring"));
        if (!keyFn || std::string(keyFn()) != key || !model->stateSize || !model->init ||
            !model->step || !model->ring) {
            dlclose(h);
            return false;
        }
        model->handle = h;
        model->path = p.string();
        return true;
    };

    if (cache && fs::exists(so, ec) && tryLoad(so)) {
        model->cacheHit = true;
        return model;
    }

    // Compile: source and object to temporary names, then rename into place.
    std::string tag =
        fmt::format("{}.{}", getpid(), std::chrono::steady_clock::now().time_since_epoch().count());
    fs::path src = work / ("cpu-" + key + "." + tag + ".cpp");
    fs::path tmp = work / ("cpu-" + key + "." + tag + ".so.tmp");
    {
        std::ofstream f(src, std::ios::binary);
        f << source;
        if (!f) {
            error = fmt::format("cannot write '{}'", src.string());
            return nullptr;
        }
    }
    fs::path log = work / ("cpu-" + key + "." + tag + ".log");
    std::string cmd = fmt::format("{} {} -I{} -DMF_MODEL_KEY='\"{}\"' -o {} {} > {} 2>&1", cxx,
                                  kFlags, shellQuote(inc), key, shellQuote(tmp.string()),
                                  shellQuote(src.string()), shellQuote(log.string()));
    auto t0 = std::chrono::steady_clock::now();
    int rc = std::system(cmd.c_str());
    model->compileMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (rc != 0) {
        std::ifstream lf(log);
        std::stringstream ss;
        ss << lf.rdbuf();
        std::string text = ss.str();
        if (text.size() > 4000) text = text.substr(0, 4000) + "\n...";
        error = fmt::format("the C++ compiler failed on the model (kept in '{}'):\n{}",
                            src.string(), text);
        fs::remove(tmp, ec);
        fs::remove(log, ec);
        return nullptr;
    }
    fs::remove(src, ec);
    fs::remove(log, ec);
    fs::rename(tmp, so, ec);
    if (ec) {
        error =
            fmt::format("cannot store the compiled model at '{}': {}", so.string(), ec.message());
        return nullptr;
    }
    if (!tryLoad(so)) {
        error = fmt::format("cannot load the compiled model '{}': {}", so.string(),
                            dlerror() ? dlerror() : "");
        return nullptr;
    }
    if (!cache) fs::remove(so, ec); // the mapping stays valid
    return model;
}

} // namespace metalfpga::backends::cpu
