// metalfpga value library: configuration shared by host and device code.
//
// This header is device-reachable: it must compile under g++ (C++17 and later), nvcc
// (host and device passes) and NVRTC (which has no standard headers). It therefore
// includes nothing and uses only built-in types.
#pragma once

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define MF_HD __host__ __device__
#define MF_DEVICE_COMPILER 1
#else
#define MF_HD
#define MF_DEVICE_COMPILER 0
#endif

// MF_OUTLINE keeps a generated function (a process, a fanout, a net resolution) out of line on
// the device. NVVM otherwise inlines every process into the step kernels and every shared
// helper into each caller; on large designs that made NVRTC and ptxas run for minutes. The
// host compiler decides for itself.
#if MF_DEVICE_COMPILER
#define MF_OUTLINE __noinline__
#else
#define MF_OUTLINE
#endif

// MF_COLD marks a generated function that rarely runs on the host (a clocked block's code for
// X/Z inputs): kept out of line, so the caller that inlines the common case stays small for the
// compiler, and laid out away from the hot code. On a device it is the only code of its caller
// (the known-value copy is host-only), so the device compiler may inline it.
#if MF_DEVICE_COMPILER
#define MF_COLD
#elif defined(__GNUC__)
#define MF_COLD __attribute__((cold, noinline))
#else
#define MF_COLD
#endif

// MF_INLINE marks the value library's small operations (a few word operations each) that the
// host compiler must inline: models are compiled at -O1 for compile speed, which inlines only
// functions called once, and a call per 1-bit `&&` cost more than the operation. Device
// compilers decide for themselves (see MF_OUTLINE).
// They cost about a quarter more C++ compile time (picorv32: 3.4 -> 4.3 s) for about 1.6x the
// simulation speed; METALFPGA_CXXFLAGS=-DMF_NO_FORCE_INLINE trades back.
#if !MF_DEVICE_COMPILER && defined(__GNUC__) && !defined(MF_NO_FORCE_INLINE)
#define MF_INLINE inline __attribute__((always_inline))
#else
#define MF_INLINE inline
#endif

// MF_ON_DEVICE is 1 only inside the device compilation pass.
#if defined(__CUDA_ARCH__)
#define MF_ON_DEVICE 1
#else
#define MF_ON_DEVICE 0
#endif

namespace metalfpga::rt {

// Own integer typedefs: NVRTC has no <cstdint>. These are exact on every platform we
// target (LP64 Linux hosts and CUDA devices).
using u8 = unsigned char;
using u32 = unsigned int;
using i32 = int;
using u64 = unsigned long long;
using i64 = long long;

static_assert(sizeof(u32) == 4 && sizeof(u64) == 8, "unexpected integer sizes");

/// One storage word of a packed value. Bit i of a value lives in word i / 64, bit i % 64.
using word = u64;
inline constexpr u32 kWordBits = 64;

/// Minimal type-level helpers (no <type_traits> under NVRTC).
template <bool C, class T, class F>
struct conditional {
    using type = T;
};
template <class T, class F>
struct conditional<false, T, F> {
    using type = F;
};
template <bool C, class T = void>
struct enable_if {};
template <class T>
struct enable_if<true, T> {
    using type = T;
};

namespace bits {

MF_HD inline u32 clz64(u64 x) { // x != 0
#if MF_ON_DEVICE
    return static_cast<u32>(__clzll(static_cast<long long>(x)));
#else
    return static_cast<u32>(__builtin_clzll(x));
#endif
}

MF_HD inline u32 ctz64(u64 x) { // x != 0
#if MF_ON_DEVICE
    return static_cast<u32>(__ffsll(static_cast<long long>(x)) - 1);
#else
    return static_cast<u32>(__builtin_ctzll(x));
#endif
}

MF_HD inline u32 popcount64(u64 x) {
#if MF_ON_DEVICE
    return static_cast<u32>(__popcll(x));
#else
    return static_cast<u32>(__builtin_popcountll(x));
#endif
}

/// High 64 bits of the 128-bit product a*b.
MF_HD inline u64 mulhi64(u64 a, u64 b) {
#if MF_ON_DEVICE
    return __umul64hi(a, b);
#elif defined(__SIZEOF_INT128__)
    __extension__ typedef unsigned __int128 u128;
    return static_cast<u64>((static_cast<u128>(a) * b) >> 64);
#else
    u64 al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
    u64 ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    u64 mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}

/// Reinterpret a double as its IEEE 754 bit pattern and back.
MF_HD inline u64 double_to_bits(double d) {
#if MF_ON_DEVICE
    return static_cast<u64>(__double_as_longlong(d));
#else
    u64 r;
    __builtin_memcpy(&r, &d, sizeof r);
    return r;
#endif
}

MF_HD inline double bits_to_double(u64 v) {
#if MF_ON_DEVICE
    return __longlong_as_double(static_cast<long long>(v));
#else
    double r;
    __builtin_memcpy(&r, &v, sizeof r);
    return r;
#endif
}

} // namespace bits
} // namespace metalfpga::rt
