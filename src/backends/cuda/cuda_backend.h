#pragma once
// The CUDA backend: compiles a model source with NVRTC into a cubin for the device's
// architecture, keeps it in the pipeline cache (an entry with metadata and a checksum; a corrupt
// or mismatched entry is rebuilt, never run), and loads it with the driver API.

#include "backends/backend.h"
#include "backends/common/pipeline_archive.h"
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

// The compile-time level NVRTC compiles models at, unless METALFPGA_NVRTC_FLAGS sets one.
inline constexpr const char* kFastCompile = "--Ofast-compile=min";
// NVRTC options for a model (include folder of the model-support headers and architecture).
std::vector<std::string> nvrtcOptions(const std::string& includeDir, const std::string& arch);

// The options for one model source: nvrtcOptions, with --Ofast-compile=max for a model that has
// a function too large to compile with forced inlining (MF_NO_FORCE_INLINE, codegen/outline.cpp):
// NVVM's optimizer is superlinear in a function's size (ivtest comp1000: over 600 s and 18 GB,
// 31 s with it; pr2835632a: 29 s, 2.4 s).
std::vector<std::string> modelNvrtcOptions(const std::string& source, const std::string& includeDir,
                                           const std::string& arch);

// How many relocatable units a model's cubin is compiled as ($METALFPGA_CUDA_PARTS, part of the
// archive key): 0 is one whole program (NVVM and ptxas see every function at once); N >= 1 is N
// units compiled with -rdc=true side by side and linked by the driver; "auto" is one unit per
// kCudaPartBytes of source. Unset: whole for a source up to kCudaSplitAbove, auto above (on an
// H100, relocatable code ran picorv32 as fast and synth 13% slower, while pipes N=256 compiled in
// 24 s against 318 s). kBadParts with `error` set for another value.
inline constexpr size_t kCudaSplitAbove = 1u << 20;
inline constexpr size_t kCudaPartBytes = 128u << 10;
inline constexpr size_t kBadParts = ~size_t{0};
size_t cudaParts(const std::string& source, std::string& error);

// Compiles a model source as `parts` relocatable units (-rdc=true; splitSource splits it),
// in parallel on the host's cores: the cubins to link, one per unit. No device needed.
bool compileUnits(const std::string& source, const std::string& arch, size_t parts,
                  std::vector<std::vector<char>>& units, std::string& error);

// Compiles a model source to a cubin (or PTX when `ptx`: one whole program, no device needed).
// A cubin in relocatable units is linked by the driver, so it needs the device's context
// current. On failure returns false with `error` holding NVRTC's log.
bool compileModel(const std::string& source, const std::string& arch, bool ptx,
                  std::vector<char>& out, std::string& error, double* ms = nullptr);

// The model's module and kernels on the device; `path` is the cache entry.
struct LoadedModel final : backends::LoadedModel {
    CUmodule module = nullptr;
    CUfunction layout = nullptr, init = nullptr, step = nullptr; // plain layout
    CUfunction initIl = nullptr, stepIl = nullptr;               // interleaved layout
    const Device* dev = nullptr;
    ~LoadedModel() override;
};

// A model's CUDA archive key has two parts, so that a standalone host (--emit-host) can find
// the entry of whichever device it meets without the model source or NVRTC: the base key,
// XXH3-128 (hex) of the source, NVRTC version, options, tool version and rt/ headers, which
// needs NVRTC (empty with `error` set when it does not load); and the key of one architecture,
// XXH3-128 (hex) of the base key and `arch`.
std::string baseKey(const std::string& source, std::string& error);
std::string archKey(const std::string& baseKey, const std::string& arch);

// The archive entry of `key` for `arch` in folder `dir`: DIR/cuda-KEY-ARCH.mfpa.
std::string entryPath(const std::string& dir, const std::string& key, const std::string& arch);

// Loads an archive entry on the device without compiling (the standalone host): null with
// `error` saying why (no device, missing, corrupt or of another key, does not load).
std::unique_ptr<LoadedModel> loadEntry(const std::string& path, const std::string& key,
                                       std::string& error);

// Compiles (or finds in the cache) and loads a model on the device.
std::unique_ptr<LoadedModel> load(const std::string& source, const CompileOptions& options,
                                  std::string& error);

} // namespace metalfpga::backends::cuda
