#include "backends/cuda/cuda_backend.h"

#include "backends/common/archive_limit.h"
#include "backends/common/compile_progress.h"
#include "backends/common/interrupts.h"
#include "backends/common/model_headers.h"
#include "backends/common/split_source.h"

#include "metalfpga/version.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string_view>
#include <thread>

namespace metalfpga::backends::cuda {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[] = "metalfpga-pipeline 2\n"; // 2: the checksum covers the metadata

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// A cache entry: the magic line, metadata lines "key: value", an empty line, the cubin. The
// last metadata line is an XXH64 checksum of all the lines before it and of the cubin, so an
// edited metadata line is caught as surely as a damaged cubin.
XXH64_hash_t entryChecksum(std::string_view meta, const std::vector<char>& cubin) {
    XXH64_state_t* st = XXH64_createState();
    XXH64_reset(st, 0);
    XXH64_update(st, meta.data(), meta.size());
    XXH64_update(st, cubin.data(), cubin.size());
    XXH64_hash_t sum = XXH64_digest(st);
    XXH64_freeState(st);
    return sum;
}

std::string entryText(const std::string& key, const Device& d, const std::vector<char>& cubin,
                      double compileMs) {
    std::string meta = kMagic;
    meta += fmt::format("key: {}\n", key);
    meta += "kernels: mf_layout mf_init_kernel mf_step_kernel mf_init_il mf_step_il\n";
    meta += fmt::format("device: {}\narch: {}\n", d.name, d.arch());
    meta += fmt::format("tool: metalfpga {}\n", METALFPGA_VERSION);
    meta += fmt::format("compile-ms: {:.1f}\n", compileMs);
    meta += fmt::format("size: {}\n", cubin.size());
    meta += fmt::format("checksum: {:016x}\n\n", entryChecksum(meta, cubin));
    return meta + std::string(cubin.begin(), cubin.end());
}

// Reads a cache entry: empty when `cubin` holds its checked cubin, else why it cannot be used
// (not an entry, another key, truncated, corrupt).
std::string readEntry(const fs::path& p, const std::string& key, std::vector<char>& cubin) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return "cannot be read";
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.compare(0, std::strlen(kMagic), kMagic) != 0) return "not a pipeline entry";
    size_t end = text.find("\n\n");
    if (end == std::string::npos) return "no end of metadata";
    std::istringstream meta(text.substr(0, end));
    std::string line, gotKey, sum;
    unsigned long long size = 0;
    while (std::getline(meta, line)) {
        if (line.rfind("key: ", 0) == 0) gotKey = line.substr(5);
        if (line.rfind("size: ", 0) == 0) size = std::strtoull(line.c_str() + 6, nullptr, 10);
        if (line.rfind("checksum: ", 0) == 0) sum = line.substr(10);
    }
    if (gotKey != key) return "another key";
    if (text.size() - (end + 2) != size) return "truncated";
    cubin.assign(text.begin() + static_cast<std::ptrdiff_t>(end + 2), text.end());
    size_t sumLine = text.rfind("\nchecksum: ", end);
    if (sumLine == std::string::npos ||
        fmt::format("{:016x}",
                    entryChecksum(std::string_view(text).substr(0, sumLine + 1), cubin)) != sum)
        return "checksum mismatch";
    return "";
}

std::string hashHex(const std::string& text) {
    XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
    return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

// Loads `cubin` on the model's device and binds its kernels.
bool loadModule(LoadedModel& model, const std::vector<char>& cubin, std::string& error) {
    const DriverApi& api = driver();
    CUresult r = api.cuModuleLoadData(&model.module, cubin.data());
    if (r != CUDA_SUCCESS) {
        error = "cannot load the compiled model on the device: " + describe(api, r);
        return false;
    }
    const std::pair<CUfunction*, const char*> kernels[] = {{&model.layout, "mf_layout"},
                                                           {&model.init, "mf_init_kernel"},
                                                           {&model.step, "mf_step_kernel"},
                                                           {&model.initIl, "mf_init_il"},
                                                           {&model.stepIl, "mf_step_il"}};
    for (auto [fn, name] : kernels) {
        if ((r = api.cuModuleGetFunction(fn, model.module, name)) != CUDA_SUCCESS) {
            error = "the compiled model lacks its kernels: " + describe(api, r);
            return false;
        }
    }
    return true;
}

} // namespace

const Device* device(std::string& why) {
    static Device d;
    static std::string error;
    static bool done = false;
    if (!done) {
        done = true;
        const DriverApi& api = driver();
        if (!api.error.empty()) {
            error = api.error;
        } else {
            int n = 0;
            CUresult r = api.cuDeviceGetCount(&n);
            if (r != CUDA_SUCCESS || n == 0) {
                error = r != CUDA_SUCCESS ? "cuDeviceGetCount: " + describe(api, r)
                                          : "no CUDA device on this machine";
            } else if ((r = api.cuDeviceGet(&d.device, 0)) != CUDA_SUCCESS ||
                       (r = api.cuDevicePrimaryCtxRetain(&d.context, d.device)) != CUDA_SUCCESS ||
                       (r = api.cuCtxSetCurrent(d.context)) != CUDA_SUCCESS) {
                error = "cannot open the CUDA device: " + describe(api, r);
            } else {
                char name[256] = {};
                api.cuDeviceGetName(name, sizeof name, d.device);
                d.name = name;
                api.cuDeviceGetAttribute(&d.major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR,
                                         d.device);
                api.cuDeviceGetAttribute(&d.minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR,
                                         d.device);
                api.cuDeviceTotalMem(&d.totalMemory, d.device);
            }
        }
    }
    why = error;
    return error.empty() ? &d : nullptr;
}

// -fmad=false: NVRTC contracts a*b+c into an FMA by default, g++ (x86-64 baseline, -std=c++17)
// never does, so real arithmetic would round differently on the GPU than on the CPU.
// --Ofast-compile=min: NVRTC compiles picorv32's model in 7 s against 26 s on the device machine
// (synth 6.5 s against 21 s, pipes N=256 in units 12 s against 22 s), and the batches ran from
// 15% slower (picorv32) to 20% faster (synth).
// METALFPGA_NVRTC_FLAGS adds options (split at white space, after the defaults; part of the key),
// as METALFPGA_CXXFLAGS does for the CPU compile: for experiments such as -maxrregcount=N. One
// that sets the compile-time level (--Ofast-compile=0 for the full optimization) replaces ours.
std::vector<std::string> nvrtcOptions(const std::string& includeDir, const std::string& arch) {
    std::vector<std::string> o = {"-std=c++17",      "-arch=" + arch, "-I" + includeDir,
                                  "-default-device", "-fmad=false",   "-diag-suppress=177,186,550"};
    std::vector<std::string> user;
    if (const char* e = std::getenv("METALFPGA_NVRTC_FLAGS")) {
        std::istringstream words(e);
        for (std::string w; words >> w;) user.push_back(w);
    }
    if (std::none_of(user.begin(), user.end(), [](const std::string& w) {
            return w.rfind("--Ofast-compile", 0) == 0 || w.rfind("-Ofc", 0) == 0;
        }))
        o.push_back(kFastCompile);
    o.insert(o.end(), user.begin(), user.end());
    return o;
}

std::vector<std::string> modelNvrtcOptions(const std::string& source, const std::string& includeDir,
                                           const std::string& arch) {
    std::vector<std::string> o = nvrtcOptions(includeDir, arch);
    if (source.find("\n#define MF_NO_FORCE_INLINE") != std::string::npos)
        for (std::string& w : o)
            if (w == kFastCompile) w = "--Ofast-compile=max";
    return o;
}

namespace {

// One NVRTC program: the source compiled with `opts` to PTX (`ptx`) or a cubin.
bool compileUnit(const std::string& source, const char* name, const std::vector<std::string>& opts,
                 bool ptx, std::vector<char>& out, std::string& error) {
    const NvrtcApi& api = nvrtc();
    nvrtcProgram prog;
    if (api.nvrtcCreateProgram(&prog, source.c_str(), name, 0, nullptr, nullptr) != NVRTC_SUCCESS) {
        error = "NVRTC could not create a program";
        return false;
    }
    std::vector<const char*> argv;
    for (const auto& o : opts) argv.push_back(o.c_str());
    nvrtcResult r = api.nvrtcCompileProgram(prog, static_cast<int>(argv.size()), argv.data());
    if (r != NVRTC_SUCCESS) {
        size_t n = 0;
        api.nvrtcGetProgramLogSize(prog, &n);
        std::string log(n, '\0');
        api.nvrtcGetProgramLog(prog, log.data());
        if (log.size() > 6000) log = log.substr(0, 6000) + "\n...";
        error = fmt::format("NVRTC failed on the model ({}):\n{}", api.nvrtcGetErrorString(r), log);
        api.nvrtcDestroyProgram(&prog);
        return false;
    }
    size_t n = 0;
    if (ptx) {
        api.nvrtcGetPTXSize(prog, &n);
        out.resize(n);
        api.nvrtcGetPTX(prog, out.data());
    } else {
        api.nvrtcGetCUBINSize(prog, &n);
        out.resize(n);
        api.nvrtcGetCUBIN(prog, out.data());
    }
    api.nvrtcDestroyProgram(&prog);
    return true;
}

// Links relocatable cubins into one loadable cubin with the driver's linker (the caller has a
// context current).
bool linkUnits(const std::vector<std::vector<char>>& units, std::vector<char>& out,
               std::string& error) {
    const DriverApi& api = driver();
    if (!api.error.empty()) {
        error = api.error;
        return false;
    }
    char log[8192] = {};
    CUjit_option opt[] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
    void* val[] = {log, reinterpret_cast<void*>(uintptr_t{sizeof log})};
    CUlinkState st = nullptr;
    CUresult r = api.cuLinkCreate(2, opt, val, &st);
    for (size_t k = 0; r == CUDA_SUCCESS && k < units.size(); ++k) {
        std::string name = fmt::format("model.part{}.cubin", k);
        r = api.cuLinkAddData(st, CU_JIT_INPUT_CUBIN, const_cast<char*>(units[k].data()),
                              units[k].size(), name.c_str(), 0, nullptr, nullptr);
    }
    void* cubin = nullptr;
    size_t n = 0;
    if (r == CUDA_SUCCESS) r = api.cuLinkComplete(st, &cubin, &n);
    if (r == CUDA_SUCCESS)
        out.assign(static_cast<char*>(cubin), static_cast<char*>(cubin) + n);
    else
        error = fmt::format("cannot link the model's units: {}{}{}", describe(api, r),
                            log[0] ? "\n" : "", log);
    if (st) api.cuLinkDestroy(st);
    return r == CUDA_SUCCESS;
}

} // namespace

size_t cudaParts(const std::string& source, std::string& error) {
    const char* e = std::getenv("METALFPGA_CUDA_PARTS");
    std::string v = e ? e : "";
    size_t bySize = std::min<size_t>(kMaxParts, source.size() / kCudaPartBytes + 1);
    if (v.empty()) return source.size() > kCudaSplitAbove ? bySize : 0;
    if (v == "auto") return bySize;
    char* end = nullptr;
    unsigned long n = std::strtoul(v.c_str(), &end, 10);
    if (*end || v[0] == '-' || n > kMaxParts) {
        error = fmt::format("METALFPGA_CUDA_PARTS must be auto or a number from 0 to {}, not '{}'",
                            kMaxParts, v);
        return kBadParts;
    }
    return n;
}

bool compileUnits(const std::string& source, const std::string& arch, size_t parts,
                  std::vector<std::vector<char>>& units, std::string& error) {
    const NvrtcApi& api = nvrtc();
    if (!api.error.empty()) {
        error = api.error;
        return false;
    }
    std::vector<std::string> opts = modelNvrtcOptions(source, includeDirectory(), arch);
    opts.push_back("-rdc=true");
    std::vector<std::string> texts = splitSource(source, parts);
    units.assign(texts.size(), {});
    std::vector<std::string> errors(texts.size());
    runUnits(texts.size(), std::max(1u, std::thread::hardware_concurrency()), [&](size_t k) {
        std::string name = fmt::format("model.part{}.cu", k);
        if (!compileUnit(texts[k], name.c_str(), opts, false, units[k], errors[k]) &&
            errors[k].empty())
            errors[k] = "NVRTC failed";
    });
    for (const std::string& e : errors)
        if (!e.empty()) {
            error = e;
            return false;
        }
    if (interruptSignal()) {
        error = "interrupted";
        return false;
    }
    return true;
}

bool compileModel(const std::string& source, const std::string& arch, bool ptx,
                  std::vector<char>& out, std::string& error, double* ms) {
    const NvrtcApi& api = nvrtc();
    if (!api.error.empty()) {
        error = api.error;
        return false;
    }
    auto t0 = std::chrono::steady_clock::now();
    size_t parts = ptx ? 0 : cudaParts(source, error);
    if (parts == kBadParts) return false;
    if (parts == 0) {
        if (!compileUnit(source, "model.cu", modelNvrtcOptions(source, includeDirectory(), arch),
                         ptx, out, error))
            return false;
    } else {
        // Relocatable units, compiled side by side and linked: NVVM and ptxas work function by
        // function, which took picorv32's compile from 38 s to 14 s in one unit (nvcc, sm_90).
        std::vector<std::vector<char>> units;
        if (!compileUnits(source, arch, parts, units, error) || !linkUnits(units, out, error))
            return false;
    }
    if (ms) *ms = msSince(t0);
    return true;
}

std::string baseKey(const std::string& source, std::string& error) {
    const NvrtcApi& rtc = nvrtc();
    if (!rtc.error.empty()) {
        error = rtc.error;
        return "";
    }
    int major = 0, minor = 0;
    rtc.nvrtcVersion(&major, &minor);
    std::string text = source + '\0' + fmt::format("nvrtc {}.{}", major, minor) + '\0' +
                       METALFPGA_VERSION + '\0' + runtimeHeaders(includeDirectory());
    for (const auto& o : nvrtcOptions("", "")) text += '\0' + o; // archKey adds the architecture
    size_t parts = cudaParts(source, error);
    if (parts == kBadParts) return "";
    text += fmt::format("{}parts {}", '\0', parts);
    return hashHex(text);
}

std::string archKey(const std::string& baseKey, const std::string& arch) {
    return hashHex(baseKey + '\0' + arch);
}

std::string entryPath(const std::string& dir, const std::string& key, const std::string& arch) {
    return (fs::path(dir) / fmt::format("cuda-{}-{}.mfpa", key, arch)).string();
}

LoadedModel::~LoadedModel() {
    if (module && !deviceHung()) driver().cuModuleUnload(module);
}

std::unique_ptr<LoadedModel> loadEntry(const std::string& path, const std::string& key,
                                       std::string& error) {
    const Device* dev = device(error);
    if (!dev) return nullptr;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        error = fmt::format("the pipeline archive has no entry '{}'", path);
        return nullptr;
    }
    std::vector<char> cubin;
    if (std::string why = readEntry(path, key, cubin); !why.empty()) {
        error = fmt::format("the archive entry '{}' is corrupt or mismatched ({})", path, why);
        return nullptr;
    }
    auto model = std::make_unique<LoadedModel>();
    model->dev = dev;
    model->cacheHit = true;
    model->path = path;
    driver().cuCtxSetCurrent(dev->context);
    if (!loadModule(*model, cubin, error)) return nullptr;
    return model;
}

std::unique_ptr<LoadedModel> load(const std::string& source, const CompileOptions& options,
                                  std::string& error) {
    const Device* dev = device(error);
    if (!dev) return nullptr;
    std::string base = baseKey(source, error);
    if (base.empty()) return nullptr;
    std::string key = archKey(base, dev->arch());

    auto model = std::make_unique<LoadedModel>();
    model->dev = dev;
    // The load may run on a background thread (--pipeline-async): make the context current here.
    driver().cuCtxSetCurrent(dev->context);
    std::error_code ec;
    CacheUse cache = openCache(options);
    fs::path dir = cache.dir;
    bool load = cache.load, save = cache.save;
    fs::path entry = entryPath(dir.string(), key, dev->arch());
    std::vector<char> cubin;
    auto t0 = std::chrono::steady_clock::now();
    bool hit = false;
    if (load) {
        bool exists = fs::exists(entry, ec);
        std::string why = exists ? readEntry(entry, key, cubin) : "";
        hit = exists && why.empty();
        if (options.log)
            logDecision(
                hit      ? fmt::format("hit {} (checked in {:.1f} ms)", entry.string(), msSince(t0))
                : exists ? fmt::format("corrupt {} ({}); rebuilding", entry.string(), why)
                         : fmt::format("miss {}", entry.string()));
    } else if (options.log && options.useCache) {
        logDecision(fmt::format("load off; compiling {}", entry.string()));
    }
    if (hit) {
        model->cacheHit = true;
        touchEntry(entry); // least recently used entries go first
    } else {
        if (!compileModel(source, dev->arch(), false, cubin, error, &model->compileMs))
            return nullptr;
        // NVRTC runs in this process: a signal during it takes effect here (common/interrupts.h).
        if (interruptSignal()) {
            error = "interrupted";
            return nullptr;
        }
        if (!save && !cache.problem.empty()) noteArchiveProblem(dir.string(), cache.problem, "");
        if (save) {
            // Write to a unique temporary name, then rename: concurrent writers of one entry
            // each rename a complete file. A folder that cannot be written (read-only, a full
            // disk) leaves the model unsaved; it still runs.
            fs::path tmp = entry;
            tmp += fmt::format(".{}.{:x}.tmp", getpid(),
                               std::hash<std::thread::id>{}(std::this_thread::get_id()));
            std::string why;
            {
                std::ofstream f(tmp, std::ios::binary);
                if (f) f << entryText(key, *dev, cubin, model->compileMs);
                f.close();
                if (!f) why = std::strerror(errno ? errno : EIO);
            }
            if (why.empty()) {
                fs::rename(tmp, entry, ec);
                if (ec) why = ec.message();
            }
            if (!why.empty()) {
                fs::remove(tmp, ec);
                noteArchiveProblem(dir.string(), why, "");
            }
            if (options.log)
                logDecision(!why.empty() ? fmt::format("cannot save {}: {}", entry.string(), why)
                                         : fmt::format("saved {} (compiled in {:.1f} ms)",
                                                       entry.string(), model->compileMs));
            if (why.empty()) boundArchive(dir, entry, options.log);
        } else if (options.log && options.useCache) {
            logDecision(
                fmt::format("save off; compiled in {:.1f} ms, not stored", model->compileMs));
        }
    }
    model->path = entry.string();
    if (!loadModule(*model, cubin, error)) return nullptr;
    return model;
}

} // namespace metalfpga::backends::cuda
