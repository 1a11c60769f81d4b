// metalfpga value library: quick first tries of exp and log for the shared real math (Ziv's
// strategy).
//
// Device-reachable. These evaluate with mostly plain doubles (about 2^-66 relative) and carry
// an error bound; the caller returns their result only when both ends of the error interval
// round to the same double, which then is the correctly rounded result, and else falls back to
// the double-double cores of realmath_explog.h (for about one input in a few hundred). The
// bounds are generous (a factor 4 or more over the worst case of each step).
#pragma once

#include "metalfpga/rt/realmath_explog.h"
#include "metalfpga/rt/realmath_trig.h"

namespace metalfpga::rt::realmath {

/// Ziv's test: hi + lo (normalized) is within err of the exact result. True, with the
/// correctly rounded result in out, when both ends of the interval round alike.
MF_HD inline bool rounds_alike(double hi, double lo, double err, double& out) {
    double a = hi + (lo + err), b = hi + (lo - err);
    if (a != b) return false;
    out = a;
    return true;
}

/// ln(h + l + l2) for normal h > 0, |l| <= ulp(h), |l2| <= ulp(l), as hi + lo with an absolute
/// error bound in err.
MF_HD MF_OUTLINE inline DD log_fast(double h, double l, double l2, double& err) {
    u64 hb = to_bits(h);
    int e = int(hb >> 52) - 1023;
    double m = from_bits((hb & ((u64(1) << 52) - 1)) | (u64(1023) << 52)); // h / 2^e in [1, 2)
    if (m > 1.4142135623730951) m *= 0.5, ++e;
    if (l != 0 || l2 != 0) {
        l = scale2(l, -e);
        l2 = scale2(l2, -e);
    }
    int j = int(m * 64.0 + 0.5);
    double c = j * (1.0 / 64);
    // s = (v - c) / (v + c), v = m + l + l2, to about 2^-100: m - c is exact.
    DD d = two_sum(m - c, l);
    d = fast_two_sum(d.hi, d.lo + l2);
    DD den = two_sum(m, c);
    den.lo += l;
    double sh = d.hi / den.hi;
    DD t = two_prod(sh, den.hi);
    double sl = ((((d.hi - t.hi) - t.lo) + d.lo) - sh * den.lo) / den.hi;
    // 2 atanh s = 2s + 2s^3 (1/3 + z/5 + z^2/7 + z^3/9), z = s^2 < 2^-14 (next term < 2^-75 s).
    double z = sh * sh;
    double tail = 2.0 * sh * z *
                  (0x1.5555555555555p-2 + z * (0.2 + z * (0x1.2492492492492p-3 + z * (1.0 / 9))));
    DD eln2 = two_prod(double(e), kLn2_hi);
    const DD lnc = logTable()[j - 45];
    DD a = two_sum(eln2.hi, lnc.hi);
    DD b = two_sum(a.hi, 2.0 * sh);
    double lo = a.lo + b.lo + (eln2.lo + double(e) * kLn2_lo) + lnc.lo + 2.0 * sl + tail;
    DD r = fast_two_sum(b.hi, lo);
    // tail: a few roundings and the truncation (2^-48 of it); lo's sum: a few roundings of
    // lo; the tables and e ln2_lo: 2^-104 of the large parts.
    // The series' truncation: 2^-76 of s.
    err = 0x1p-48 * abs(tail) + 0x1p-50 * abs(lo) + 0x1p-102 * (abs(eln2.hi) + abs(lnc.hi)) +
          0x1p-74 * abs(sh);
    return r;
}

/// exp(x.hi + x.lo) for |x.hi| <= 708 (normal results): hi + lo = exp(x) / 2^k with a relative
/// error bound in err; the result is (hi + lo) * 2^k.
MF_HD MF_OUTLINE inline DD exp_fast(DD x, int& k2, double& err) {
    double kd = round_int(x.hi * kInvLn2_64);
    int k = int(kd);
    DD p = two_prod(kd, kLn2_64_0);
    double rh0 = x.hi - p.hi; // exact (Sterbenz) whenever k != 0
    // r = rh0 + (x.lo - p.lo - kd ln2/64's second part): the sum of the small parts rounds
    // below 2^-95.
    DD r = two_sum(rh0, (x.lo - p.lo) - kd * kLn2_64_1);
    double rh = r.hi;
    // e^r - 1 = r + r^2 (1/2 + r/6 + ... + r^5/5040), |r| < 2^-7.4 (next term < 2^-76).
    double q =
        rh * rh *
        (0.5 + rh * (0x1.5555555555555p-3 +
                     rh * (0x1.5555555555555p-5 +
                           rh * (0x1.1111111111111p-7 +
                                 rh * (0x1.6c16c16c16c17p-10 + rh * 0x1.a01a01a01a01ap-13)))));
    int j = k & 63;
    k2 = (k - j) / 64;
    const DD T = exp2Table()[j];
    // T (1 + r + q) = T.hi + T.hi rh + [T.lo + T.hi (r.lo + q) + T.lo rh]
    DD a = two_prod(T.hi, rh);
    DD s = fast_two_sum(T.hi, a.hi);
    double lo = s.lo + a.lo + T.lo + T.hi * (r.lo + q) + T.lo * rh;
    // q: 2^-50 of it; the sum for lo: 2^-50 of it; the truncation 2^-75, the table and the
    // reduction 2^-95.
    err = 0x1p-49 * abs(q) + 0x1p-50 * abs(lo) + 0x1p-73;
    return fast_two_sum(s.hi, lo);
}

/// x = q pi/2 + r for 0 <= x < 2^20 (Cody and Waite, pi/2 in three parts): returns q mod 4,
/// r within 2^-96 absolute.
MF_HD MF_OUTLINE inline int reduce_pi_2_fast(double x, DD& r) {
    double q = round_int(x * kTwoOverPi);
    double r0 = x - q * kPi_2_0; // both exact: q < 2^20, the part has 33 bits; Sterbenz
    r = two_sum(r0, -q * kPi_2_1);
    r = fast_two_sum(r.hi, r.lo - q * kPi_2_2);
    return int(q) & 3;
}

/// sin r (or cos r) for |r| <= pi/4 + 2^-40, as hi + lo with an absolute error bound in err
/// (the error of r not included). r = a + t, a = j/64 from a table of sines and cosines,
/// |t| <= 1/128: sin(a + t) = sin a + sin a (cos t - 1) + cos a sin t, likewise cos.
MF_HD MF_OUTLINE inline DD sincos_fast(DD r, bool cosine, double& err) {
    bool negative = r.hi < 0;
    double ar = abs(r.hi), rl = negative ? -r.lo : r.lo;
    int j = int(ar * 64.0 + 0.5);
    double th = ar - j * (1.0 / 64); // exact (Sterbenz, or j = 0)
    double z = th * th;
    // sin th - th and cos th - 1, |th| <= 2^-7 (next terms below 2^-90).
    double st =
        th * z *
        (-0x1.5555555555555p-3 +
         z * (0x1.1111111111111p-7 + z * (-0x1.a01a01a01a01ap-13 + z * 0x1.71de3a556c734p-19)));
    double ct = z * (-0.5 + z * (0x1.5555555555555p-5 +
                                 z * (-0x1.6c16c16c16c17p-10 + z * 0x1.a01a01a01a01ap-16)));
    DD sa = sinTable()[j], ca = cosTable()[j];
    DD h, p;
    double lo;
    if (!cosine) { // sin(a + th + rl) = sin(a + th) + rl (cos a - sin a th)
        p = two_prod(ca.hi, th);
        h = two_sum(sa.hi, p.hi);
        lo = h.lo + p.lo + sa.lo + sa.hi * ct + ca.hi * (rl + st) + ca.lo * th - sa.hi * th * rl;
    } else { // cos(a + th + rl) = cos(a + th) - rl (sin a + cos a th)
        p = two_prod(sa.hi, th);
        h = two_sum(ca.hi, -p.hi);
        lo = h.lo - p.lo + ca.lo + ca.hi * ct - sa.hi * (rl + st) - sa.lo * th - ca.hi * th * rl;
    }
    // The sum for lo: 2^-50 of it; st and ct: 2^-50 of them; the neglected products of the
    // tables' low parts and rl's second order: below 2^-100.
    err = 0x1p-50 * abs(lo) + 0x1p-49 * (abs(st) + abs(ct)) + 0x1p-100;
    DD v = fast_two_sum(h.hi, lo);
    return negative && !cosine ? neg(v) : v;
}

/// atan(y/x) for 0 <= y, 0 < x well inside the normal range, as hi + lo in [0, pi/2] with an
/// absolute error bound in err (the errors of y and x not included): the reduction of
/// atan2_core, then atan t = t - t^3/3 + ... - t^11/11 in doubles (|t| <= 1/128).
MF_HD MF_OUTLINE inline DD atan2_fast(DD y, DD x, double& err) {
    AtanReduction r = atan_reduce(y, x);
    bool swap = r.swap;
    int j = r.j;
    const DD& num = r.num;
    const DD& den = r.den;
    double th = num.hi / den.hi;
    DD p = two_prod(th, den.hi);
    double tl = ((((num.hi - p.hi) - p.lo) + num.lo) - th * den.lo) / den.hi;
    double z = th * th;
    double tail =
        th * z *
        (-0x1.5555555555555p-2 +
         z * (0.2 + z * (-0x1.2492492492492p-3 + z * (0x1.c71c71c71c71cp-4 - z * (1.0 / 11)))));
    DD ac = atanTable()[j];
    DD h = two_sum(ac.hi, th);
    double lo = h.lo + ac.lo + tl + tail;
    // tail: 2^-50 of it; the sum for lo: 2^-50 of it; t, the truncation and the table: 2^-98.
    err = 0x1p-49 * abs(tail) + 0x1p-50 * abs(lo) + 0x1p-98 * (abs(th) + abs(ac.hi));
    if (swap) {
        DD g = two_sum(kPi_2_hi, -h.hi);
        lo = g.lo + kPi_2_lo - lo;
        err += 0x1p-50 * abs(lo) + 0x1p-104;
        return fast_two_sum(g.hi, lo);
    }
    return fast_two_sum(h.hi, lo);
}

} // namespace metalfpga::rt::realmath
