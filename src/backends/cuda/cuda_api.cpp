#include "backends/cuda/cuda_api.h"

#include <dlfcn.h>

#include <atomic>

namespace metalfpga::backends::cuda {

namespace {

void* openFirst(std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (void* h = dlopen(n, RTLD_NOW | RTLD_LOCAL)) return h;
    return nullptr;
}

template <class F>
bool bind(void* lib, F& f, const char* name, std::string& error) {
    f = reinterpret_cast<F>(dlsym(lib, name));
    if (!f && error.empty()) error = std::string("missing symbol ") + name;
    return f != nullptr;
}

} // namespace

const DriverApi& driver() {
    static const DriverApi api = [] {
        DriverApi a;
        void* lib = openFirst({"libcuda.so.1", "libcuda.so"});
        if (!lib) {
            a.error = "no CUDA driver (libcuda.so.1) on this machine";
            return a;
        }
#define MF_CUDA_BIND(name) bind(lib, a.name, MF_CUDA_STR(name), a.error);
        MF_CUDA_DRIVER_FUNCTIONS(MF_CUDA_BIND)
        if (!a.error.empty()) return a;
        CUresult r = a.cuInit(0);
        if (r != CUDA_SUCCESS) a.error = "cuInit: " + describe(a, r);
        return a;
    }();
    return api;
}

const NvrtcApi& nvrtc() {
    static const NvrtcApi api = [] {
        NvrtcApi a;
        void* lib = openFirst({"libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so"});
        if (!lib) {
            a.error = "no NVRTC library (libnvrtc.so) on this machine";
            return a;
        }
        MF_NVRTC_FUNCTIONS(MF_CUDA_BIND)
#undef MF_CUDA_BIND
        return a;
    }();
    return api;
}

std::string describe(const DriverApi& api, CUresult r) {
    const char* s = nullptr;
    if (api.cuGetErrorString) api.cuGetErrorString(r, &s);
    return s ? std::string(s) : "CUDA error " + std::to_string(static_cast<int>(r));
}

namespace {
std::atomic<bool> hung{false};
}
void markDeviceHung() {
    hung = true;
}
bool deviceHung() {
    return hung;
}

} // namespace metalfpga::backends::cuda
