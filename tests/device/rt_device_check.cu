// Device compile check for the value library: instantiates every operator of Logic<W> and
// Bits<W> at several widths inside a __global__ kernel. Built with
// `nvcc -std=c++17 -arch=sm_90 -c` by ctest (tests/device/device.cmake); it is never run.
#include "metalfpga/rt/rt.h"

using namespace metalfpga::rt;

template <class V>
__device__ void exercise(V* out, const V* in, double* rout) {
    V x = in[0], y = in[1];
    V r = x + y;
    r = r - x;
    r = r * y;
    r = r / (x | V(1u));
    r = r % (y | V(3u));
    r = V(r ^ power(x, Bits<7, true>(3u)));
    r = r & ~x;
    r = r | bit_xnor(x, y);
    r = r + (-x) + (+y);
    r = (r << 3u) ^ (r >> y) ^ ashl(r, x) ^ ashr(r, Bits<5>(2u));
    r = V(r ^ V(ashr(r.as_signed(), 1u)));
    auto c = (x == y) | (x != y) | case_eq(x, y) | case_ne(x, y) | (x < y) | (x <= y) | (x > y) |
             (x >= y) | (x && y) | (x || y) | !x;
    auto red = concat(reduce_and(x), reduce_or(x), reduce_xor(x), reduce_nand(y), reduce_nor(y),
                      reduce_xnor(y));
    r = V(select(c, r, x));
    r = V(select(red, r, y));
    auto cat = concat(x, c, y);
    auto rep = replicate<3>(x);
    r = V(r ^ V(cat.template part<V::width>(3)) ^ V(rep.template part<V::width>(-2)));
    r.set_part(5, x.template part<5>(1));
    r.set_bit(0, r.bit_code(V::width - 1));
    r = V(r ^ V(r.bit(7)));
    r = V(r ^ resize<V::width, V::is_signed>(x.template part<9>(V::width - 4)));
    rout[0] = to_real(r) + itor(x.as_signed()) + bitstoreal(y);
    r = V(r ^ from_real<V>(rout[0]) ^ V(rtoi(rout[0])) ^ V(realtobits(rout[0])));
    rout[1] = realfn::ln(rout[0]) + realfn::log10(2.0) + realfn::exp(1.0) + realfn::sqrt(2.0) +
              realfn::pow(2.0, 0.5) + realfn::floor(rout[0]) + realfn::ceil(rout[0]) +
              realfn::sin(1.0) + realfn::cos(1.0) + realfn::tan(1.0) + realfn::asin(0.5) +
              realfn::acos(0.5) + realfn::atan(0.5) + realfn::atan2(1.0, 2.0) +
              realfn::hypot(3.0, 4.0) + realfn::sinh(1.0) + realfn::cosh(1.0) + realfn::tanh(1.0) +
              realfn::asinh(1.0) + realfn::acosh(2.0) + realfn::atanh(0.5);
    out[0] = r;
}

template <class V>
__device__ void exercise_at(word* buf, double* rout) {
    exercise<V>(reinterpret_cast<V*>(buf), reinterpret_cast<const V*>(buf), rout);
}

// MF_RT_QUICK (used by the NVRTC check) instantiates half of the variants to save time.
#ifdef MF_RT_QUICK
#define MF_EXERCISE(W)                                                                             \
    exercise_at<Logic<W>>(buf, rout);                                                              \
    exercise_at<Bits<W, true>>(buf, rout);
#else
#define MF_EXERCISE(W)                                                                             \
    exercise_at<Logic<W>>(buf, rout);                                                              \
    exercise_at<Logic<W, true>>(buf, rout);                                                        \
    exercise_at<Bits<W>>(buf, rout);                                                               \
    exercise_at<Bits<W, true>>(buf, rout);
#endif

__global__ void rt_device_check(word* buf, double* rout) {
    MF_EXERCISE(1)
    MF_EXERCISE(33)
    MF_EXERCISE(64)
    MF_EXERCISE(65)
    MF_EXERCISE(128)
    MF_EXERCISE(1000)
}
