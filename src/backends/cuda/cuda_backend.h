#pragma once
// The CUDA backend: compiles a model source with NVRTC into a cubin for the device's
// architecture, keeps it in the pipeline cache (an entry with metadata and a checksum; a corrupt
// or mismatched entry is rebuilt, never run), and loads it with the driver API.

#include "backends/cpu/cpu_backend.h"
#include "backends/cuda/cuda_api.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace metalfpga::backends::cuda {

struct Device {
    CUdevice device = 0;
    CUcontext context = nullptr;
    int major = 0, minor = 0;
    std::string name;
    size_t totalMemory = 0;
    std::string arch() const { return "sm_" + std::to_string(major * 10 + minor); }
};

// The first CUDA device, its primary context made current; null with `why` set when there is
// none (no driver, no device).
const Device* device(std::string& why);

// NVRTC options for a model (include folder of the model-support headers and architecture).
std::vector<std::string> nvrtcOptions(const std::string& includeDir, const std::string& arch);

// Compiles a model source to a cubin (or PTX when `ptx`), without a device. On failure returns
// false with `error` holding NVRTC's log.
bool compileModel(const std::string& source, const std::string& arch, bool ptx,
                  std::vector<char>& out, std::string& error, double* ms = nullptr);

struct LoadedModel {
    CUmodule module = nullptr;
    CUfunction layout = nullptr, init = nullptr, step = nullptr; // plain layout
    CUfunction initIl = nullptr, stepIl = nullptr;                 // interleaved layout
    const Device* dev = nullptr;
    bool cacheHit = false;
    double compileMs = 0; // 0 on a cache hit
    std::string path;     // the cache entry
    ~LoadedModel();
};

// Compiles (or finds in the cache) and loads a model on the device.
std::unique_ptr<LoadedModel> load(const std::string& source, const cpu::CompileOptions& options,
                                  std::string& error);

} // namespace metalfpga::backends::cuda
