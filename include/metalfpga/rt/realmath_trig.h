// metalfpga value library: circular functions in double-double for the shared real math.
//
// Device-reachable. sin/cos reduce x = q*pi/2 + r (|r| <= pi/4) exactly enough for every
// double: x * 2/pi is formed as an integer product of x's 53-bit significand with a 224-bit
// window of 2/pi, so the fraction keeps 190 bits however large x is (the closest a double comes
// to a multiple of pi/2 costs about 62 of them). Then Taylor series in double-double.
// atan reduces y/x around the nearest c = j/64: atan(y/x) = atan(c) + atan((y-cx)/(x+cy)).
#pragma once

#include "metalfpga/rt/realmath_dd.h"

namespace metalfpga::rt::realmath {

/// 64 bits of the little-endian number w[0..nwords) from bit pos on (pos may be negative).
MF_HD inline u64 bits_at(const u64* w, int nwords, int pos) {
    int i = pos >= 0 ? pos / 64 : -((63 - pos) / 64);
    int sh = pos - 64 * i;
    u64 lo = (i >= 0 && i < nwords) ? w[i] : 0;
    u64 hi = (i + 1 >= 0 && i + 1 < nwords) ? w[i + 1] : 0;
    return sh ? (lo >> sh) | (hi << (64 - sh)) : lo;
}

/// Reduces ax >= 0 (finite): ax = (q + f) * pi/2, |f| <= 1/2; returns q mod 4, r = f * pi/2.
MF_HD MF_OUTLINE inline int reduce_pi_2(double ax, DD& r) {
    if (ax <= 0x1.921fb54442d18p-1) { // pi/4
        r = dd(ax);
        return 0;
    }
    u64 b = to_bits(ax);
    int ex = int(b >> 52) - 1075; // ax = m * 2^ex
    u64 m = (b & ((u64(1) << 52) - 1)) | (u64(1) << 52);
    // Words of 2/pi whose products with m are multiples of 4 (mod-4 irrelevant) are skipped.
    int i0 = ex >= 2 ? (ex - 2) / 32 : 0;
    const int n = 7;
    const u32* tw = twoOverPiWords();
    u32 p[n + 2] = {};
    u64 mw[2] = {m & 0xffffffffu, m >> 32};
    for (int o = 0; o < 2; ++o) {
        u64 carry = 0;
        for (int k = 0; k < n; ++k) {
            u64 t = u64(tw[i0 + n - 1 - k]) * mw[o] + p[k + o] + carry;
            p[k + o] = u32(t);
            carry = t >> 32;
        }
        p[n + o] = u32(carry);
    }
    // The product is p * 2^(ex - 32 (i0 + n)): fb fraction bits.
    u64 w[5] = {};
    for (int k = 0; k < n + 2; ++k) w[k >> 1] |= u64(p[k]) << (32 * (k & 1));
    int fb = 32 * (i0 + n) - ex;
    int q = int(bits_at(w, 5, fb) & 3u);
    // The top 192 fraction bits, as f[2] f[1] f[0].
    u64 f[3] = {bits_at(w, 5, fb - 192), bits_at(w, 5, fb - 128), bits_at(w, 5, fb - 64)};
    bool negative = (f[2] >> 63) != 0;
    if (negative) { // f - 1: negate the fraction, round q up
        ++q;
        u64 c = 1;
        for (int i = 0; i < 3; ++i) {
            f[i] = ~f[i] + c;
            c = (c && f[i] == 0) ? 1 : 0;
        }
    }
    int top = -1;
    for (int i = 2; i >= 0 && top < 0; --i)
        if (f[i]) top = i * 64 + 63 - int(bits::clz64(f[i]));
    if (top < 0) {
        r = dd(0.0);
        return q & 3;
    }
    // 53 + 53 bits below the leading one, value * 2^-192.
    u64 a = bits_at(f, 3, top - 52) & ((u64(1) << 53) - 1);
    u64 c = bits_at(f, 3, top - 105) & ((u64(1) << 53) - 1);
    DD fr = fast_two_sum(double(a) * pow2(top - 52 - 192), double(c) * pow2(top - 105 - 192));
    r = mul(fr, DD{kPi_2_hi, kPi_2_lo});
    if (negative) r = neg(r);
    return q & 3;
}

/// sin(r) for |r| <= pi/4 (not tiny). With w = -r^2: sin r = r + r w P(w),
/// P = sum_k w^(k-1) / (2k+1)!; from k = 8 on the terms are below 2^-54 and need a double.
MF_HD MF_OUTLINE inline DD sin_core(DD r) {
    DD w = neg(mul(r, r));
    const DD* f = invFactTable();
    double t = f[29].hi;
    for (int k = 13; k >= 8; --k) t = t * w.hi + f[2 * k + 1].hi;
    DD p = dd(t);
    for (int k = 7; k >= 1; --k) p = add(mul(p, w), f[2 * k + 1]);
    return add(r, mul(mul(r, w), p));
}

/// cos(r) for |r| <= pi/4: cos r = 1 + w Q(w), Q = sum_k w^(k-1) / (2k)!; k >= 9 in a double.
MF_HD MF_OUTLINE inline DD cos_core(DD r) {
    DD w = neg(mul(r, r));
    const DD* f = invFactTable();
    double t = f[30].hi;
    for (int k = 14; k >= 9; --k) t = t * w.hi + f[2 * k].hi;
    DD p = dd(t);
    for (int k = 8; k >= 1; --k) p = add(mul(p, w), f[2 * k]);
    return add(mul(w, p), 1.0);
}

/// The reduction of atan(y/x), 0 <= y, 0 < x: with y <= x (swapped when not: the result is then
/// pi/2 minus the angle), atan(y/x) = atan(j/64) + atan(num/den), num = y - cx, den = x + cy,
/// c = j/64; the products are kept exact so y - cx loses nothing.
struct AtanReduction {
    bool swap;
    int j;
    DD num, den;
};
MF_HD inline AtanReduction atan_reduce(DD y, DD x) {
    bool swap = greater(y, x);
    if (swap) {
        DD t = y;
        y = x;
        x = t;
    }
    int j = int(y.hi / x.hi * 64.0 + 0.5);
    double c = j * (1.0 / 64);
    DD num = sub(sub(y, two_prod(x.hi, c)), two_prod(x.lo, c));
    DD den = add(add(x, two_prod(y.hi, c)), y.lo * c);
    return {swap, j, num, den};
}

/// atan(y/x) for 0 <= y, 0 < x, both well inside the normal range; result in [0, pi/2].
MF_HD MF_OUTLINE inline DD atan2_core(DD y, DD x) {
    AtanReduction r = atan_reduce(y, x);
    bool swap = r.swap;
    int j = r.j;
    DD t = div(r.num, r.den);
    // atan t = t + t w B(w), w = -t^2, B = sum_k w^(k-1)/(2k+1); |t| < 2^-7, k >= 4 in a double.
    DD w = neg(mul(t, t));
    const DD* o = invOddTable();
    double bt = o[8].hi;
    for (int k = 7; k >= 4; --k) bt = bt * w.hi + o[k].hi;
    DD p = dd(bt);
    for (int k = 3; k >= 1; --k) p = add(mul(p, w), o[k]);
    DD at = add(mul(mul(t, w), p), t);
    DD res = add(atanTable()[j], at);
    if (swap) res = sub(DD{kPi_2_hi, kPi_2_lo}, res);
    return res;
}

} // namespace metalfpga::rt::realmath
