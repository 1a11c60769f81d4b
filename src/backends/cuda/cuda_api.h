#pragma once
// The CUDA driver API and NVRTC, loaded at run time with dlopen: the simulator runs on machines
// without a GPU driver (it then says so when --backend cuda is asked for), and one binary works
// with whichever libnvrtc.so of CUDA 12 or 13 is installed.

#include <cuda.h>
#include <nvrtc.h>

#include <string>

namespace metalfpga::backends::cuda {

#define MF_CUDA_STR2(x) #x
#define MF_CUDA_STR(x) MF_CUDA_STR2(x)

// Each entry: a pointer named like the API function (the cuda.h macros map names such as
// cuMemAlloc to their current versions, e.g. cuMemAlloc_v2, which is also the symbol looked up).
#define MF_CUDA_DRIVER_FUNCTIONS(X)                                                                \
    X(cuInit)                                                                                      \
    X(cuDriverGetVersion)                                                                          \
    X(cuDeviceGetCount)                                                                            \
    X(cuDeviceGet)                                                                                 \
    X(cuDeviceGetName)                                                                             \
    X(cuDeviceGetAttribute)                                                                        \
    X(cuDeviceTotalMem)                                                                            \
    X(cuDevicePrimaryCtxRetain)                                                                    \
    X(cuDevicePrimaryCtxRelease)                                                                   \
    X(cuCtxSetCurrent)                                                                             \
    X(cuCtxSetLimit)                                                                               \
    X(cuCtxSynchronize)                                                                            \
    X(cuMemGetInfo)                                                                                \
    X(cuModuleLoadData)                                                                            \
    X(cuLinkCreate)                                                                                \
    X(cuLinkAddData)                                                                               \
    X(cuLinkComplete)                                                                              \
    X(cuLinkDestroy)                                                                               \
    X(cuModuleUnload)                                                                              \
    X(cuModuleGetFunction)                                                                         \
    X(cuFuncGetAttribute)                                                                          \
    X(cuMemAlloc)                                                                                  \
    X(cuMemFree)                                                                                   \
    X(cuMemAllocHost)                                                                              \
    X(cuMemFreeHost)                                                                               \
    X(cuMemcpyHtoD)                                                                                \
    X(cuMemcpyDtoH)                                                                                \
    X(cuMemcpyHtoDAsync)                                                                           \
    X(cuMemcpyDtoHAsync)                                                                           \
    X(cuStreamCreate)                                                                              \
    X(cuStreamDestroy)                                                                             \
    X(cuStreamQuery)                                                                               \
    X(cuStreamSynchronize)                                                                         \
    X(cuMemcpy2D)                                                                                  \
    X(cuMemsetD8)                                                                                  \
    X(cuLaunchKernel)                                                                              \
    X(cuGetErrorString)                                                                            \
    X(cuEventCreate)                                                                               \
    X(cuEventRecord)                                                                               \
    X(cuEventSynchronize)                                                                          \
    X(cuEventElapsedTime)                                                                          \
    X(cuEventDestroy)

#define MF_NVRTC_FUNCTIONS(X)                                                                      \
    X(nvrtcVersion)                                                                                \
    X(nvrtcGetErrorString)                                                                         \
    X(nvrtcCreateProgram)                                                                          \
    X(nvrtcCompileProgram)                                                                         \
    X(nvrtcGetProgramLogSize)                                                                      \
    X(nvrtcGetProgramLog)                                                                          \
    X(nvrtcGetCUBINSize)                                                                           \
    X(nvrtcGetCUBIN)                                                                               \
    X(nvrtcGetPTXSize)                                                                             \
    X(nvrtcGetPTX)                                                                                 \
    X(nvrtcDestroyProgram)

struct DriverApi {
#define MF_CUDA_MEMBER(name) decltype(&::name) name = nullptr;
    MF_CUDA_DRIVER_FUNCTIONS(MF_CUDA_MEMBER)
    std::string error; // why loading failed (empty: loaded)
};

struct NvrtcApi {
    MF_NVRTC_FUNCTIONS(MF_CUDA_MEMBER)
#undef MF_CUDA_MEMBER
    std::string error;
};

// Loaded once per process; check `error` before use.
const DriverApi& driver();
const NvrtcApi& nvrtc();

// Set when a kernel outlived --dispatch-timeout-ms: the device is still busy, so nothing may
// wait for it (module unload, frees) before the process exits.
void markDeviceHung();
bool deviceHung();

// "call failed: CUDA_ERROR_...: message".
std::string describe(const DriverApi& api, CUresult r);

} // namespace metalfpga::backends::cuda
