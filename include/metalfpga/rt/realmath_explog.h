// metalfpga value library: exp and log in double-double, the cores of the shared real math.
//
// Device-reachable. exp reduces x = k*ln2/64 + r (|r| <= ln2/128, ln2/64 carried in three
// parts), takes 2^(k/64) from a table and exp(r) from its Taylor series; log reduces x = 2^e * m
// (m in [0.7, 1.42]) and m around the nearest c = j/64, ln m = ln c + 2 atanh((m-c)/(m+c)).
// Both are good to about 2^-102 relative, which rounds correctly but for inputs whose result
// lies that close to a midpoint of doubles.
#pragma once

#include "metalfpga/rt/realmath_dd.h"

namespace metalfpga::rt::realmath {

/// exp(x) = 2^k * 2^(j/64) * (1 + p).
struct ExpSplit {
    DD p;
    int j, k;
};

/// exp's reduction and series for |x.hi| <= 750.
MF_HD MF_OUTLINE inline ExpSplit exp_split(DD x) {
    double kd = round_int(x.hi * kInvLn2_64);
    int k = int(kd);
    // r = x - kd * ln2/64. x.hi - p.hi is exact (Sterbenz) whenever k != 0.
    DD p = two_prod(kd, kLn2_64_0);
    DD r = two_sum(x.hi - p.hi, -p.lo);
    r = add(r, x.lo);
    r = sub(r, two_prod(kd, kLn2_64_1));
    r = add(r, -kd * kLn2_64_2);
    // exp(r) - 1 = r sum r^n/(n+1)!: terms n >= 5 are below 2^-54 and need only a double.
    const DD* f = invFactTable();
    double t = f[12].hi;
    for (int n = 11; n >= 6; --n) t = t * r.hi + f[n].hi;
    DD q = dd(t);
    for (int n = 5; n >= 1; --n) q = add(mul(q, r), f[n]);
    int j = k & 63;
    return {mul(q, r), j, (k - j) / 64};
}

/// exp(x) = m * 2^k for |x.hi| <= 750; m in [0.7, 1.5].
MF_HD MF_OUTLINE inline DD exp_core(DD x, int& k) {
    ExpSplit s = exp_split(x);
    k = s.k;
    DD t = exp2Table()[s.j];
    return add(mul(t, s.p), t);
}

/// exp(x) correctly rounded for |x.hi| <= 750. Near powers of two (j == 0) the result is
/// 2^k (1 + p) and is rounded from its three parts: x^y with x near 1 lands near midpoints.
MF_HD MF_OUTLINE inline double exp_round(DD x) {
    ExpSplit s = exp_split(x);
    if (s.j == 0) {
        double r = scale2(round3(1.0, s.p.hi, s.p.lo), s.k);
        if (!(abs(r) < 0x1p-1022)) return r;
        return round_scaled(add(s.p, 1.0), s.k);
    }
    DD t = exp2Table()[s.j];
    return round_scaled(add(mul(t, s.p), t), s.k);
}

/// ln(h + l + l2) for h > 0 normal, |l| <= ulp(h), |l2| small; e0 is added to the exponent
/// (callers scale subnormals up).
MF_HD MF_OUTLINE inline DD log_core(double h, double l, double l2, int e0 = 0) {
    int e = exponent_of(h);
    double m = scale2(h, -e);
    if (m > 1.4142135623730951) m *= 0.5, ++e;
    l = scale2(l, -e);
    l2 = scale2(l2, -e);
    int j = int(m * 64.0 + 0.5);
    double c = j * (1.0 / 64);
    // s = (v - c) / (v + c) with v = m + l + l2; m - c is exact.
    DD d = add(two_sum(m - c, l), l2);
    DD den = add(add(two_sum(m, c), l), l2);
    DD s = div(d, den);
    DD z = mul(s, s);
    // 2 atanh(s) = 2s (1 + z/3 + z^2/5 + ...), z < 2^-14: terms from z^4 on need a double.
    const DD* o = invOddTable();
    double t = o[8].hi;
    for (int n = 7; n >= 4; --n) t = t * z.hi + o[n].hi;
    DD q = dd(t);
    for (int n = 3; n >= 0; --n) q = add(mul(q, z), o[n]);
    DD r = mul(mul(s, 2.0), q);
    DD lnc = logTable()[j - 45];
    DD eln2 = mul(DD{kLn2_hi, kLn2_lo}, double(e + e0));
    return add(add(eln2, lnc), r);
}

/// ln(1 + u) for a double-double u > -1 (no loss of accuracy for small u).
MF_HD MF_OUTLINE inline DD log1p_core(DD u) {
    DD v = two_sum(1.0, u.hi);
    return log_core(v.hi, v.lo, u.lo);
}

} // namespace metalfpga::rt::realmath
