// The real math functions (realfn::, the shared realmath.h) on the GPU against the host, bit
// for bit, over a fixed input set per function: special values and deterministic pseudo-random
// arguments across each function's ranges. Built with nvcc --fmad=false and run by ctest
// (tests/device/device.cmake); without a GPU it prints "skipped" and exits 0.
#include "metalfpga/rt/real.h"

#include <cstdio>
#include <cstring>
#include <vector>

using namespace metalfpga::rt;

namespace {

const char* const kNames[] = {"ln",    "log10", "exp",  "sqrt", "pow",   "floor", "ceil",
                              "sin",   "cos",   "tan",  "asin", "acos",  "atan",  "atan2",
                              "hypot", "sinh",  "cosh", "tanh", "asinh", "acosh", "atanh"};
constexpr int kFunctions = sizeof kNames / sizeof kNames[0];

__host__ __device__ double apply(int f, double x, double y) {
    switch (f) {
    case 0:
        return realfn::ln(x);
    case 1:
        return realfn::log10(x);
    case 2:
        return realfn::exp(x);
    case 3:
        return realfn::sqrt(x);
    case 4:
        return realfn::pow(x, y);
    case 5:
        return realfn::floor(x);
    case 6:
        return realfn::ceil(x);
    case 7:
        return realfn::sin(x);
    case 8:
        return realfn::cos(x);
    case 9:
        return realfn::tan(x);
    case 10:
        return realfn::asin(x);
    case 11:
        return realfn::acos(x);
    case 12:
        return realfn::atan(x);
    case 13:
        return realfn::atan2(x, y);
    case 14:
        return realfn::hypot(x, y);
    case 15:
        return realfn::sinh(x);
    case 16:
        return realfn::cosh(x);
    case 17:
        return realfn::tanh(x);
    case 18:
        return realfn::asinh(x);
    case 19:
        return realfn::acosh(x);
    default:
        return realfn::atanh(x);
    }
}

__global__ void evaluate(const int* f, const double* x, const double* y, double* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = apply(f[i], x[i], y[i]);
}

struct Rng {
    unsigned long long s;
    unsigned long long next() {
        unsigned long long z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) * 0x1p-53; }
    /// Sign, exponent in [e0, e1] and significand at random.
    double wide(int e0, int e1) {
        double m = 1.0 + unit();
        int e = e0 + int(next() % unsigned(e1 - e0 + 1));
        double v = ldexp(m, e);
        return next() & 1 ? -v : v;
    }
};

const double kSpecial[] = {0.0,
                           -0.0,
                           1.0,
                           -1.0,
                           0.5,
                           -0.5,
                           2.0,
                           -2.0,
                           1e300,
                           -1e300,
                           0x1p-1074,
                           0x1p-1022,
                           3.0,
                           10.0,
                           0.0625,
                           22.0,
                           710.0,
                           -745.5,
                           1.0 - 0x1p-53,
                           0x1p-27,
                           0x1p-53,
                           1e22,
                           6381956970095103.0 * 0x1p797};

} // namespace

int main() {
    int devices = 0;
    if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
        std::printf("no CUDA device: realmath_device_check skipped\n");
        return 0;
    }
    std::vector<int> fs;
    std::vector<double> xs, ys;
    Rng rng{12345};
    double inf = realmath::infinity(), nan = realmath::domain_nan();
    for (int f = 0; f < kFunctions; ++f) {
        std::vector<double> special(std::begin(kSpecial), std::end(kSpecial));
        special.push_back(inf);
        special.push_back(-inf);
        special.push_back(nan);
        for (double a : special)
            for (double b : special) {
                fs.push_back(f);
                xs.push_back(a);
                ys.push_back(b);
            }
        for (int i = 0; i < 3000; ++i) {
            double x, y = 0;
            switch (i % 3) {
            case 0:
                x = rng.wide(-60, 10);
                break; // the busy range
            case 1:
                x = rng.wide(-1074, 1023);
                break; // everything
            default:
                x = (rng.unit() * 2 - 1) * 1.01; // around the unit interval
            }
            y = i % 2 ? rng.wide(-8, 8) : double(int(rng.next() % 41) - 20);
            if (f == 4 && i % 4 == 0) x = -x; // negative bases with integral exponents
            fs.push_back(f);
            xs.push_back(x);
            ys.push_back(y);
        }
    }
    int n = int(fs.size());
    int* df;
    double *dx, *dy, *dout;
    cudaMalloc(&df, n * sizeof(int));
    cudaMalloc(&dx, n * sizeof(double));
    cudaMalloc(&dy, n * sizeof(double));
    cudaMalloc(&dout, n * sizeof(double));
    cudaMemcpy(df, fs.data(), n * sizeof(int), cudaMemcpyHostToDevice);
    cudaMemcpy(dx, xs.data(), n * sizeof(double), cudaMemcpyHostToDevice);
    cudaMemcpy(dy, ys.data(), n * sizeof(double), cudaMemcpyHostToDevice);
    evaluate<<<(n + 127) / 128, 128>>>(df, dx, dy, dout, n);
    std::vector<double> gpu(n);
    cudaError_t err = cudaMemcpy(gpu.data(), dout, n * sizeof(double), cudaMemcpyDeviceToHost);
    if (err != cudaSuccess) {
        std::printf("CUDA error: %s\n", cudaGetErrorString(err));
        return 1;
    }
    int bad = 0;
    std::vector<int> perFunction(kFunctions, 0);
    for (int i = 0; i < n; ++i) {
        double host = apply(fs[i], xs[i], ys[i]);
        unsigned long long hb, gb;
        std::memcpy(&hb, &host, 8);
        std::memcpy(&gb, &gpu[i], 8);
        if (hb == gb) continue;
        ++perFunction[fs[i]];
        if (bad++ < 20)
            std::printf("%s(%a, %a): host %a (%016llx), device %a (%016llx)\n", kNames[fs[i]],
                        xs[i], ys[i], host, hb, gpu[i], gb);
    }
    for (int f = 0; f < kFunctions; ++f)
        if (perFunction[f]) std::printf("%s: %d of the inputs differ\n", kNames[f], perFunction[f]);
    std::printf("%d inputs, %d differ between host and device\n", n, bad);
    cudaFree(df);
    cudaFree(dx);
    cudaFree(dy);
    cudaFree(dout);
    return bad ? 1 : 0;
}
