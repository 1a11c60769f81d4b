// metalfpga value library: double-double arithmetic for the shared real math (realmath.h).
//
// Device-reachable. A double-double (DD) is an unevaluated sum hi + lo of two doubles, about
// 106 bits. Everything here uses only +, -, *, /, sqrt and fma, each rounded once to nearest
// (IEEE 754 binary64), so host and device compute the same bits provided no compiler contracts
// a*b+c on its own: g++ -std=c++17 does not, NVRTC and nvcc get -fmad=false. Values stay well
// inside the normal range (callers scale), so the error-free transformations are exact.
#pragma once

#include "metalfpga/rt/realmath_tables.h"

#if !defined(__CUDACC_RTC__)
#include <math.h>
#endif

namespace metalfpga::rt::realmath {

/// s + e == a + b exactly (Knuth).
MF_HD inline DD two_sum(double a, double b) {
    double s = a + b;
    double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}

/// As two_sum, for |a| >= |b| or a == 0 (Dekker).
MF_HD inline DD fast_two_sum(double a, double b) {
    double s = a + b;
    return {s, b - (s - a)};
}

/// p + e == a * b exactly. fma where the hardware has it, else Veltkamp/Dekker splitting (exact
/// for |a|, |b| < 2^995 and products above 2^-969): both give the same, exact, result.
MF_HD inline DD two_prod(double a, double b) {
    double p = a * b;
#if MF_ON_DEVICE || defined(__FP_FAST_FMA)
    return {p, ::fma(a, b, -p)};
#else
    const double split = 134217729.0; // 2^27 + 1
    double t = split * a;
    double ah = t - (t - a), al = a - ah;
    t = split * b;
    double bh = t - (t - b), bl = b - bh;
    return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
#endif
}

MF_HD inline DD dd(double x) {
    return {x, 0.0};
}
MF_HD inline DD neg(DD a) {
    return {-a.hi, -a.lo};
}

MF_HD inline DD add(DD a, DD b) {
    DD s = two_sum(a.hi, b.hi), t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = fast_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return fast_two_sum(s.hi, s.lo);
}
MF_HD inline DD add(DD a, double b) {
    DD s = two_sum(a.hi, b);
    s.lo += a.lo;
    return fast_two_sum(s.hi, s.lo);
}
MF_HD inline DD sub(DD a, DD b) {
    return add(a, neg(b));
}

MF_HD inline DD mul(DD a, DD b) {
    DD p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return fast_two_sum(p.hi, p.lo);
}
MF_HD inline DD mul(DD a, double b) {
    DD p = two_prod(a.hi, b);
    p.lo += a.lo * b;
    return fast_two_sum(p.hi, p.lo);
}

/// a / b: three quotient digits, about 2^-104 relative.
MF_HD inline DD div(DD a, DD b) {
    double q1 = a.hi / b.hi;
    DD r = sub(a, mul(b, q1));
    double q2 = r.hi / b.hi;
    r = sub(r, mul(b, q2));
    double q3 = r.hi / b.hi;
    return add(fast_two_sum(q1, q2), q3);
}

/// sqrt(a) for a > 0: one correction of the double square root.
MF_HD inline DD sqrt(DD a) {
    double s = ::sqrt(a.hi);
    DD p = two_prod(s, s);
    double e = (((a.hi - p.hi) - p.lo) + a.lo) / (2.0 * s);
    return fast_two_sum(s, e);
}

/// a > b for normalized double-doubles.
MF_HD inline bool greater(DD a, DD b) {
    return a.hi > b.hi || (a.hi == b.hi && a.lo > b.lo);
}

// --- bits, scaling and the final rounding ---

MF_HD inline double from_bits(u64 v) {
    return bits::bits_to_double(v);
}
MF_HD inline u64 to_bits(double d) {
    return bits::double_to_bits(d);
}
MF_HD inline double infinity() {
    return from_bits(0x7ff0000000000000ull);
}
/// The NaN of a domain error as glibc returns it: the x86-64 default NaN (negative), or a
/// positive one for log10, asin and acos.
MF_HD inline double domain_nan(bool positive = false) {
    return from_bits(positive ? 0x7ff8000000000000ull : 0xfff8000000000000ull);
}
/// A NaN argument, quieted (what glibc returns for it).
MF_HD inline double quiet(double x) {
    return from_bits(to_bits(x) | (1ull << 51));
}
MF_HD inline bool is_nan(double x) {
    return x != x;
}
MF_HD inline bool is_inf(double x) {
    return x - x != x - x && x == x;
}
MF_HD inline double abs(double x) {
    return from_bits(to_bits(x) & ~(1ull << 63));
}
MF_HD inline bool sign_bit(double x) {
    return (to_bits(x) >> 63) != 0;
}

/// 2^k for -1022 <= k <= 1023.
MF_HD inline double pow2(int k) {
    return from_bits(u64(k + 1023) << 52);
}

/// x * 2^k with one rounding, for results that are normal, zero or overflow.
MF_HD inline double scale2(double x, int k) {
    while (k > 1023) {
        x *= pow2(1023);
        k -= 1023;
        if (k > 2100) k = 2100; // x is infinite (or zero) by now
    }
    while (k < -1022) {
        x *= pow2(-1022);
        k += 1022;
        if (k < -2200) k = -2200;
    }
    return x * pow2(k);
}

/// floor(log2 |x|) for finite x != 0, subnormals included.
MF_HD inline int exponent_of(double x) {
    u64 b = to_bits(x) & ~(1ull << 63);
    int e = int(b >> 52);
    if (e) return e - 1023;
    return -1011 - int(bits::clz64(b)); // subnormal: 2^-1074 is bit 0
}

/// (v.hi + v.lo) * 2^k correctly rounded, subnormal results and overflow included. v is
/// normalized (hi is hi + lo rounded).
MF_HD inline double round_scaled(DD v, int k) {
    double r = scale2(v.hi, k);
    if (!(abs(r) < 0x1p-1022)) return r;
    // Subnormal: v * 2^(k+1022) is below 1, and 1 + that rounded to double rounds it on the grid
    // of 2^-52, which is the subnormal grid of 2^-1074 scaled: one rounding, ties to even.
    double h = scale2(v.hi, k + 1022), l = scale2(v.lo, k + 1022);
    bool negative = h < 0;
    if (negative) h = -h, l = -l;
    DD s = two_sum(1.0, h);
    double big = s.hi + (s.lo + l);
    double m = (big - 1.0) * 0x1p-1022;
    return negative ? -m : m;
}

/// a + b + c correctly rounded, for |a| >= |b + c| (Boldo and Melquiond: the low parts are
/// summed rounding to odd, so the final rounding to nearest sees a sticky bit). Needed where
/// the exact result sits within 2^-106 of a midpoint, as 1 + 2^-53 + 2^-107 does.
MF_HD inline double round3(double a, double b, double c) {
    DD u = two_sum(b, c);
    DD t = two_sum(a, u.hi);
    DD w = two_sum(t.lo, u.lo);
    double v = w.hi;
    if (w.lo != 0 && (to_bits(v) & 1u) == 0) {
        u64 vb = to_bits(v);
        v = from_bits((w.lo > 0) == (v > 0) ? vb + 1 : vb - 1);
    }
    return t.hi + v;
}

/// Nearest integer of x (ties to even), |x| < 2^51.
MF_HD inline double round_int(double x) {
    const double shift = 0x1.8p52;
    return (x + shift) - shift;
}

} // namespace metalfpga::rt::realmath
