// metalfpga value library: real (IEEE 754 double) conversions and math functions.
//
// Device-reachable. Conversions follow 1364-2005 clause 4.8 and 17.8: integer -> real treats
// X/Z bits as 0 and rounds to nearest (ties to even) for any width; real -> integer rounds
// half away from zero ($rtoi truncates toward zero) and keeps the low bits (two's
// complement) of the rounded value. NaN and infinities convert to all-X (0 for 2-state).
#pragma once

#include "metalfpga/rt/kernels.h"
#include "metalfpga/rt/realmath.h"

#if !defined(__CUDACC_RTC__)
#include <math.h>
#endif

namespace metalfpga::rt {
namespace k {

/// The integer value of x (signed if sgn) as a double, X/Z bits read as 0, correctly
/// rounded (nearest, ties to even) for any width.
MF_HD inline double to_real(CRef x, bool sgn) {
    u32 n = nwords(x.w);
    // Value plane with X/Z bits cleared.
    auto plane = [&](u32 i) -> word { return x.a[i] & ~ldb(x.b, i); };
    bool negative = sgn && ((plane(n - 1) >> ((x.w - 1) & 63u)) & 1u);
    // Lowest nonzero word: needed to negate on the fly (carry propagates through zeros).
    u32 low = n;
    if (negative)
        for (u32 i = 0; i < n; ++i)
            if (plane(i)) {
                low = i;
                break;
            }
    auto mag = [&](u32 i) -> word {
        word v = plane(i);
        if (!negative) return v;
        word m = i == n - 1 ? top_mask(x.w) : ~word(0);
        if (i < low) return 0;
        if (i == low) return (~v + 1u) & m;
        return ~v & m;
    };
    i64 top = -1;
    for (u32 i = n; i-- > 0;) {
        word v = mag(i);
        if (v) {
            top = i64(i) * 64 + 63 - i64(bits::clz64(v));
            break;
        }
    }
    double r;
    if (top < 0) {
        r = 0.0;
    } else if (top < 64) {
        r = static_cast<double>(mag(0));
    } else {
        // The 64 bits [top-63, top] plus a sticky bit for everything below.
        i64 lo = top - 63;
        u32 wi = u32(lo >> 6), sh = u32(lo & 63);
        word t = mag(wi) >> sh;
        if (sh) t |= mag(wi + 1) << (64u - sh);
        word sticky = sh ? (mag(wi) & ((word(1) << sh) - 1u)) : 0;
        for (u32 i = 0; i < wi && !sticky; ++i) sticky |= mag(i);
        if (sticky) t |= 1u;
        r = ::ldexp(static_cast<double>(t), int(lo));
    }
    return negative ? -r : r;
}

/// o = the integral double d (already rounded) modulo 2^w; NaN/inf give X.
MF_HD inline void from_integral_real(VRef o, double d) {
    if (d != d || d - d != 0.0) return set_x(o); // NaN or infinity
    bool negative = d < 0;
    double m = negative ? -d : d;
    set_zero(o);
    if (m < 1.0) return;
    int e = 0;
    double f = ::frexp(m, &e); // m = f * 2^e, f in [0.5, 1)
    u64 mant = static_cast<u64>(::ldexp(f, 53));
    i64 s = i64(e) - 53;
    if (s < 0) {
        mant = s <= -64 ? 0 : (mant >> u32(-s));
        s = 0;
    }
    write_window(o.a, o.w, s, mant, ~word(0));
    if (negative) negate_plane(o.a, o.w);
}

/// Real -> integer conversion (clause 4.8.2): round half away from zero.
MF_HD inline void from_real(VRef o, double d) {
    from_integral_real(o, ::round(d));
}

/// $rtoi semantics: truncate toward zero.
MF_HD inline void from_real_trunc(VRef o, double d) {
    from_integral_real(o, ::trunc(d));
}

} // namespace k

/// The real math functions of 1364-2005 clause 17.11: the shared implementation of realmath.h
/// (the same bits on host and device); sqrt, floor and ceil are exact in hardware already.
namespace realfn {
MF_HD inline double ln(double x) {
    return realmath::ln(x);
}
MF_HD inline double log10(double x) {
    return realmath::log10(x);
}
MF_HD inline double exp(double x) {
    return realmath::exp(x);
}
MF_HD inline double sqrt(double x) {
    return ::sqrt(x);
}
MF_HD inline double pow(double x, double y) {
    return realmath::pow(x, y);
}
MF_HD inline double floor(double x) {
    return ::floor(x);
}
MF_HD inline double ceil(double x) {
    return ::ceil(x);
}
MF_HD inline double sin(double x) {
    return realmath::sin(x);
}
MF_HD inline double cos(double x) {
    return realmath::cos(x);
}
MF_HD inline double tan(double x) {
    return realmath::tan(x);
}
MF_HD inline double asin(double x) {
    return realmath::asin(x);
}
MF_HD inline double acos(double x) {
    return realmath::acos(x);
}
MF_HD inline double atan(double x) {
    return realmath::atan(x);
}
MF_HD inline double atan2(double y, double x) {
    return realmath::atan2(y, x);
}
MF_HD inline double hypot(double x, double y) {
    return realmath::hypot(x, y);
}
MF_HD inline double sinh(double x) {
    return realmath::sinh(x);
}
MF_HD inline double cosh(double x) {
    return realmath::cosh(x);
}
MF_HD inline double tanh(double x) {
    return realmath::tanh(x);
}
MF_HD inline double asinh(double x) {
    return realmath::asinh(x);
}
MF_HD inline double acosh(double x) {
    return realmath::acosh(x);
}
MF_HD inline double atanh(double x) {
    return realmath::atanh(x);
}

/// $realtobits / $bitstoreal.
MF_HD inline u64 realtobits(double d) {
    return bits::double_to_bits(d);
}
MF_HD inline double bitstoreal(u64 v) {
    return bits::bits_to_double(v);
}
} // namespace realfn

} // namespace metalfpga::rt
