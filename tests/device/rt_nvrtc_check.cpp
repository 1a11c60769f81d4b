// NVRTC compile check of the value library: compiles tests/device/rt_device_check.cu with
// NVRTC (which has no standard headers) for sm_90, as the CUDA backend compiles models.
//   rt_nvrtc_check <file.cu> <include dir>
#include <nvrtc.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: rt_nvrtc_check <file.cu> <include dir>\n");
        return 2;
    }
    std::ifstream in(argv[1]);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string src = ss.str();
    nvrtcProgram prog;
    if (nvrtcCreateProgram(&prog, src.c_str(), argv[1], 0, nullptr, nullptr) != NVRTC_SUCCESS)
        return 2;
    std::string inc = std::string("-I") + argv[2];
    const char* opts[] = {"-std=c++17", "-arch=sm_90", "-fmad=false", "-DMF_RT_QUICK", inc.c_str()};
    nvrtcResult r = nvrtcCompileProgram(prog, 5, opts);
    size_t n = 0;
    nvrtcGetProgramLogSize(prog, &n);
    std::vector<char> log(n + 1, '\0');
    nvrtcGetProgramLog(prog, log.data());
    const char* status = nvrtcGetErrorString(r);
    std::fputs(status ? status : "?", stdout);
    std::fputc('\n', stdout);
    std::fputs(log.data(), stdout);
    std::fputc('\n', stdout);
    nvrtcDestroyProgram(&prog);
    return r == NVRTC_SUCCESS ? 0 : 1;
}
