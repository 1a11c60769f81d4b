// metalfpga value library: the real math functions of 1364-2005 clause 17.11, one implementation
// for the host (the CPU backend and the elaborator's constant evaluation) and the device.
//
// Device-reachable. libm and CUDA's libdevice differ in the last bits, so a design computing
// `(0.25) ** 2.0` printed different numbers on the CPU and the GPU. Each function first tries a
// quick evaluation with an error bound (realmath_fast.h) and returns it when both ends of the
// error interval round alike; else the double-double cores (realmath_explog.h, realmath_trig.h,
// about 102 correct bits) decide. So results are correctly rounded (to nearest) but for inputs
// whose exact result lies within about 2^-100 relative of a midpoint of doubles: pow rounds the
// exact and midpoint results of integer powers (and of perfect squares to half-integer powers,
// ...) exactly, and x^y near a power of two (x near 1) from three parts; left open are
// Pythagorean midpoints of hypot, for one.
// Special cases (NaN, infinities, signed zeros, domain errors, overflow, subnormals, pow's
// table) follow C99 Annex F and glibc. sqrt, floor and ceil stay the hardware's (exact).
#pragma once

#include "metalfpga/rt/realmath_explog.h"
#include "metalfpga/rt/realmath_fast.h"
#include "metalfpga/rt/realmath_trig.h"

namespace metalfpga::rt::realmath {

MF_HD MF_OUTLINE inline double exp(double x) {
    if (is_nan(x)) return quiet(x);
    if (x > 710.0) return infinity();
    if (x < -746.0) return 0.0;
    if (abs(x) < 0x1p-60) return 1.0;
    if (abs(x) <= 708.0) {
        int k;
        double err, r;
        DD v = exp_fast(dd(x), k, err);
        if (rounds_alike(v.hi, v.lo, err, r)) return scale2(r, k);
    }
    return exp_round(dd(x));
}

/// ln x as a double-double for finite x > 0.
MF_HD MF_OUTLINE inline DD ln_dd(double x) {
    if (x < 0x1p-1022) return log_core(x * 0x1p54, 0.0, 0.0, -54);
    return log_core(x, 0.0, 0.0);
}

MF_HD MF_OUTLINE inline double ln(double x) {
    if (is_nan(x)) return quiet(x);
    if (x < 0) return domain_nan();
    if (x == 0) return -infinity();
    if (is_inf(x)) return x;
    if (x >= 0x1p-1022) {
        double err, r;
        DD v = log_fast(x, 0.0, 0.0, err);
        if (rounds_alike(v.hi, v.lo, err, r)) return r;
    }
    return ln_dd(x).hi;
}

MF_HD MF_OUTLINE inline double log10(double x) {
    if (is_nan(x)) return quiet(x);
    if (x < 0) return domain_nan(true);
    if (x == 0) return -infinity();
    if (is_inf(x)) return x;
    const DD inv_ln10{kInvLn10_hi, kInvLn10_lo};
    if (x >= 0x1p-1022) {
        double err, r;
        DD v = mul(log_fast(x, 0.0, 0.0, err), inv_ln10);
        if (rounds_alike(v.hi, v.lo, err * 0.5 + 0x1p-100 * abs(v.hi), r)) return r;
    }
    return mul(ln_dd(x), inv_ln10).hi;
}

/// |x|^y for x != 0 finite, y finite, when the result is exact or could be a midpoint of
/// doubles: after exact square roots of x for y = n / 2^k, y an integer and |x|'s odd
/// significand to the y-th below 2^64, or |x| a power of two with y * log2|x| an integer.
/// Returns false otherwise.
MF_HD MF_OUTLINE inline bool pow_exact(double ax, double y, double& out) {
    // y = n / 2^k: x^y is exact (or a midpoint) only if x is a perfect 2^k-th power; take the
    // square roots while they are exact.
    for (int i = 0; i < 6 && y != ::floor(y) && ax >= 0x1p-900 && abs(y) < 0x1p50; ++i) {
        double s = ::sqrt(ax);
        DD p = two_prod(s, s);
        if (p.hi != ax || p.lo != 0) break;
        ax = s;
        y *= 2.0;
    }
    u64 b = to_bits(ax);
    int ex = int(b >> 52);
    u64 m = b & ((u64(1) << 52) - 1);
    if (ex)
        m |= u64(1) << 52;
    else
        ex = 1;
    ex -= 1075; // ax = m * 2^ex
    int tz = int(bits::ctz64(m));
    m >>= tz;
    ex += tz;
    if (m == 1) {
        if (abs(y) > 0x1p60) return false; // 0 or infinite: the general path knows
        DD p = two_prod(double(ex), y);
        if (p.lo != 0 || p.hi != ::floor(p.hi)) return false;
        if (p.hi > 2000)
            out = infinity();
        else if (p.hi < -2000)
            out = 0.0;
        else
            out = round_scaled(dd(1.0), int(p.hi));
        return true;
    }
    if (y < 2 || y > 64 || y != ::floor(y)) return false;
    int n = int(y);
    u64 acc = 1, limit = ~u64(0) / m;
    for (int i = 0; i < n; ++i) {
        if (acc > limit) return false;
        acc *= m;
    }
    double hi = double(acc);
    // acc - hi fits in a double: the rounding of a 64-bit integer is below 2^11.
    double lo = hi >= 0x1p64 ? -double(~acc + 1) : double(static_cast<i64>(acc - u64(hi)));
    double e = double(ex) * n;
    if (e > 2000)
        out = infinity();
    else if (e < -2000)
        out = 0.0;
    else
        out = round_scaled(fast_two_sum(hi, lo), int(e));
    return true;
}

/// |x|^y by the quick log and exp, for normal results; false when it cannot round for sure.
MF_HD MF_OUTLINE inline bool pow_fast(double ax, double y, double& out) {
    if (ax < 0x1p-1022) return false;
    double el;
    DD l = log_fast(ax, 0.0, 0.0, el);
    DD z = two_prod(l.hi, y);
    if (abs(z.hi) < 0x1p-60) { // e^z rounds to 1; z.lo may be a subnormal's remainder
        out = 1.0;
        return true;
    }
    z = fast_two_sum(z.hi, z.lo + l.lo * y);
    if (!(abs(z.hi) <= 708.0)) return false;
    double ez = abs(y) * el + 0x1p-100 * abs(z.hi); // absolute, in the exponent
    int k;
    double ee;
    DD v = exp_fast(z, k, ee);
    double r;
    // An error dz in the exponent is a relative error of about dz in the result.
    if (!rounds_alike(v.hi, v.lo, ee + ez * 1.01 * abs(v.hi), r)) return false;
    out = scale2(r, k);
    return true;
}

MF_HD MF_OUTLINE inline double pow(double x, double y) {
    if (y == 0 || x == 1.0) return 1.0;
    if (is_nan(x)) return quiet(x);
    if (is_nan(y)) return quiet(y);
    // Correctly rounded by IEEE arithmetic itself, and the closest to midpoints (1/x for x near
    // 1 is 2^-106 away from one); the special cases agree.
    if (y == 1.0) return x;
    if (y == -1.0) return 1.0 / x;
    if (y == 2.0) return x * x;
    double ay = abs(y), ax = abs(x);
    bool yint = ay >= 0x1p53 || y == ::floor(y);
    bool yodd = ay < 0x1p53 && yint && ::floor(y * 0.5) != y * 0.5;
    if (is_inf(y)) {
        if (ax == 1.0) return 1.0;
        return (ax < 1.0) == (y < 0) ? infinity() : 0.0;
    }
    if (x == 0) {
        if (y < 0) return yodd ? 1.0 / x : infinity();
        return yodd ? x : 0.0;
    }
    if (is_inf(x)) {
        double r = y < 0 ? 0.0 : infinity();
        return x < 0 && yodd ? -r : r;
    }
    if (x < 0 && !yint) return domain_nan();
    if (y == 0.5) return ::sqrt(x);
    bool negative = x < 0 && yodd;
    double r = 1.0; // |x| == 1
    if (ax != 1.0 && !pow_exact(ax, y, r) && !pow_fast(ax, y, r)) {
        DD l = ln_dd(ax);
        double zh = l.hi * y; // y ln|x|: |x|^y is 0 or infinite beyond exp's range
        if (abs(zh) < 0x1p-60)
            r = 1.0;
        else if (zh > 710.0)
            r = infinity();
        else if (zh < -746.0)
            r = 0.0;
        else
            r = exp_round(mul(l, y));
    }
    return negative ? -r : r;
}

/// The quick reduction and sine/cosine of |x| (see sincos_fast): sin if which == 0, cos if 1,
/// and tan if 2, signed for |x|; false when the result cannot be rounded for sure.
MF_HD MF_OUTLINE inline bool trig_fast(double ax, int which, double& out) {
    DD r;
    int q;
    double er; // the error of r
    if (ax < 0x1p20) {
        q = reduce_pi_2_fast(ax, r);
        er = 0x1p-96;
    } else {
        q = reduce_pi_2(ax, r);
        er = 0x1p-100 * abs(r.hi);
    }
    double es, ec;
    DD v;
    double e;
    if (which < 2) {
        bool cosine = (which == 1) != ((q & 1) != 0);
        v = sincos_fast(r, cosine, e);
        e += er;
        bool negate = which == 0 ? (q & 2) != 0 : (q == 1 || q == 2);
        if (negate) v = neg(v);
    } else {
        DD s = sincos_fast(r, false, es), c = sincos_fast(r, true, ec);
        if (q & 1) { // tan = -cos / sin
            DD t = s;
            s = neg(c);
            c = t;
            double te = es;
            es = ec;
            ec = te;
        }
        v = div(s, c);
        // Relative errors add; c is at least 0.7 and s at least r's size.
        e = abs(v.hi) * ((es + er) / abs(s.hi) + (ec + er) / abs(c.hi) + 0x1p-100) * 1.01;
    }
    return rounds_alike(v.hi, v.lo, e, out);
}

MF_HD MF_OUTLINE inline double sin(double x) {
    if (is_nan(x)) return quiet(x);
    if (is_inf(x)) return domain_nan();
    if (abs(x) < 0x1p-26) return x;
    double v;
    if (!trig_fast(abs(x), 0, v)) {
        DD r;
        int q = reduce_pi_2(abs(x), r);
        DD c = (q & 1) ? cos_core(r) : sin_core(r);
        v = q & 2 ? -c.hi : c.hi;
    }
    return x < 0 ? -v : v;
}

MF_HD MF_OUTLINE inline double cos(double x) {
    if (is_nan(x)) return quiet(x);
    if (is_inf(x)) return domain_nan();
    if (abs(x) < 0x1p-27) return 1.0;
    double v;
    if (trig_fast(abs(x), 1, v)) return v;
    DD r;
    int q = reduce_pi_2(abs(x), r);
    DD c = (q & 1) ? sin_core(r) : cos_core(r);
    return (q == 1 || q == 2) ? -c.hi : c.hi;
}

MF_HD MF_OUTLINE inline double tan(double x) {
    if (is_nan(x)) return quiet(x);
    if (is_inf(x)) return domain_nan();
    if (abs(x) < 0x1p-27) return x;
    double v;
    if (!trig_fast(abs(x), 2, v)) {
        DD r;
        int q = reduce_pi_2(abs(x), r);
        DD s = sin_core(r), c = cos_core(r);
        v = (q & 1) ? -div(c, s).hi : div(s, c).hi;
    }
    return x < 0 ? -v : v;
}

MF_HD MF_OUTLINE inline double atan2(double y, double x) {
    if (is_nan(y)) return quiet(y);
    if (is_nan(x)) return quiet(x);
    const DD pi{kPi_hi, kPi_lo}, pi_2{kPi_2_hi, kPi_2_lo};
    double ay = abs(y), ax = abs(x);
    bool ny = sign_bit(y), nx = sign_bit(x);
    DD a; // the angle of (ay, ax), then of (ay, x)
    if (ay == 0 || (is_inf(x) && !is_inf(y))) {
        a = nx ? pi : dd(0.0);
    } else if (is_inf(y)) {
        a = !is_inf(x) ? pi_2 : nx ? mul(pi, 0.75) : mul(pi, 0.25);
    } else if (ax == 0) {
        a = pi_2;
    } else {
        int ey = exponent_of(ay), ex = exponent_of(ax);
        if (ey - ex > 60) {
            a = sub(pi_2, dd(ax / ay)); // atan(t) = pi/2 - 1/t + ..., below the last bit
        } else if (ex - ey > 60) {
            if (!nx) return ny ? -(ay / ax) : ay / ax; // atan t = t - t^3/3: rounds as t
            a = dd(ay / ax);
        } else {
            int s = ey > ex ? ey : ex;
            DD sy = dd(scale2(ay, -s)), sx = dd(scale2(ax, -s));
            double err, r;
            a = atan2_fast(sy, sx, err);
            if (!nx && rounds_alike(a.hi, a.lo, err, r)) return ny ? -r : r;
            if (nx) {
                DD b = sub(DD{kPi_hi, kPi_lo}, a);
                if (rounds_alike(b.hi, b.lo, err + 0x1p-104, r)) return ny ? -r : r;
            }
            a = atan2_core(sy, sx);
        }
        if (nx) a = sub(pi, a);
    }
    return ny ? -a.hi : a.hi;
}

MF_HD MF_OUTLINE inline double atan(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (ax < 0x1p-27) return x;
    double v, err;
    if (ax > 0x1p60) {
        v = sub(DD{kPi_2_hi, kPi_2_lo}, dd(1.0 / ax)).hi;
    } else {
        DD a = atan2_fast(dd(ax), dd(1.0), err);
        if (!rounds_alike(a.hi, a.lo, err, v)) v = atan2_core(dd(ax), dd(1.0)).hi;
    }
    return x < 0 ? -v : v;
}

/// sqrt(1 - ax^2) for 0 <= ax <= 1, without cancellation.
MF_HD inline DD cos_of_sine(double ax) {
    DD one_minus = ax >= 0.5 ? dd(1.0 - ax) : two_sum(1.0, -ax);
    return sqrt(mul(one_minus, two_sum(1.0, ax)));
}

MF_HD MF_OUTLINE inline double asin(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (ax > 1.0) return domain_nan(true);
    if (ax < 0x1p-27) return x;
    double v = kPi_2_hi;
    if (ax != 1.0) {
        double err;
        DD c = cos_of_sine(ax), a = atan2_fast(dd(ax), c, err);
        // c's error (2^-103 relative) moves the angle by less than 2^-102.
        if (!rounds_alike(a.hi, a.lo, err + 0x1p-101 * a.hi, v)) v = atan2_core(dd(ax), c).hi;
    }
    return x < 0 ? -v : v;
}

MF_HD MF_OUTLINE inline double acos(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (ax > 1.0) return domain_nan(true);
    if (ax < 0x1p-60) return kPi_2_hi; // pi/2 - x rounds to pi/2's double
    if (x == 1.0) return 0.0;
    if (x == -1.0) return kPi_hi;
    DD c = cos_of_sine(ax);
    double err, r;
    DD a = atan2_fast(c, dd(ax), err);
    if (x < 0) a = sub(DD{kPi_hi, kPi_lo}, a);
    if (rounds_alike(a.hi, a.lo, err + 0x1p-101 * a.hi, r)) return r;
    a = atan2_core(c, dd(ax));
    if (x < 0) a = sub(DD{kPi_hi, kPi_lo}, a);
    return a.hi;
}

MF_HD MF_OUTLINE inline double hypot(double x, double y) {
    if (is_inf(x) || is_inf(y)) return infinity();
    if (is_nan(x)) return quiet(x);
    if (is_nan(y)) return quiet(y);
    double ax = abs(x), ay = abs(y);
    if (ax < ay) {
        double t = ax;
        ax = ay;
        ay = t;
    }
    if (ay == 0) return ax;
    int e = exponent_of(ax);
    if (e - exponent_of(ay) > 60) return ax;       // ax (1 + (ay/ax)^2 / 2) rounds to ax
    double X = scale2(ax, -e), Y = scale2(ay, -e); // exact: X in [1, 2), Y above 2^-62
    DD s = sqrt(add(two_prod(X, X), two_prod(Y, Y)));
    return round_scaled(s, e);
}

/// sinh x for |x| <= 1/16: x + x w P(w), w = x^2, P = sum_k w^(k-1)/(2k+1)!; k >= 5 in a double.
MF_HD inline DD sinh_series(double x) {
    DD w = two_prod(x, x);
    const DD* f = invFactTable();
    double t = f[17].hi;
    for (int k = 7; k >= 5; --k) t = t * w.hi + f[2 * k + 1].hi;
    DD p = dd(t);
    for (int k = 4; k >= 1; --k) p = add(mul(p, w), f[2 * k + 1]);
    return add(mul(mul(w, x), p), x);
}

/// e^ax as m * 2^k and e^-ax as a double-double at the same scale (zero when negligible).
MF_HD inline void exp_pair(double ax, DD& big, DD& small, int& k) {
    big = exp_core(dd(ax), k);
    small = dd(0.0);
    if (k < 60) small = div(dd(pow2(-2 * k)), big);
}

/// sinh (which 0), cosh (1) or tanh (2) of 1/16 < ax <= 708 from the quick exp: e^ax = v 2^k
/// and e^-ax = 2^-2k / v; false when the result cannot be rounded for sure.
MF_HD MF_OUTLINE inline bool hyperbolic_fast(double ax, int which, double& out) {
    int k;
    double e;
    DD v = exp_fast(dd(ax), k, e);
    double sh = 0, sl = 0, es = 0;
    if (k < 60) { // else e^-ax is below 2^-120 of e^ax
        double rh = 1.0 / v.hi;
        DD t = two_prod(rh, v.hi);
        double rl = (((1.0 - t.hi) - t.lo) - rh * v.lo) / v.hi;
        double sc = pow2(-2 * k);
        sh = rh * sc, sl = rl * sc;
        es = sh * (e / v.hi + 0x1p-100);
    }
    DD d = two_sum(v.hi, -sh), a = two_sum(v.hi, sh);
    double dlo = d.lo + v.lo - sl, alo = a.lo + v.lo + sl;
    DD dif = fast_two_sum(d.hi, dlo), sum = fast_two_sum(a.hi, alo);
    double edif = e + es + 0x1p-50 * abs(dlo), esum = e + es + 0x1p-50 * abs(alo);
    double r;
    if (which == 2) {
        DD q = div(dif, sum);
        if (!rounds_alike(q.hi, q.lo, abs(q.hi) * (edif / dif.hi + esum / sum.hi + 0x1p-100), r))
            return false;
        out = r;
        return true;
    }
    DD w = which == 0 ? dif : sum;
    if (!rounds_alike(w.hi, w.lo, which == 0 ? edif : esum, r)) return false;
    out = scale2(r, k - 1);
    return true;
}

MF_HD MF_OUTLINE inline double sinh(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (is_inf(x) || ax < 0x1p-26) return x;
    double v;
    if (ax <= 0.0625) {
        v = sinh_series(ax).hi;
    } else if (ax > 711.0) {
        v = infinity();
    } else if (!(ax <= 708.0 && hyperbolic_fast(ax, 0, v))) {
        DD big, small;
        int k;
        exp_pair(ax, big, small, k);
        v = round_scaled(sub(big, small), k - 1);
    }
    return x < 0 ? -v : v;
}

MF_HD MF_OUTLINE inline double cosh(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (is_inf(x)) return ax;
    if (ax < 0x1p-27) return 1.0;
    if (ax > 711.0) return infinity();
    if (ax <= 0.0625) {
        // 1 + w Q(w), w = x^2 (exact), Q = sum_k w^(k-1)/(2k)!; k >= 5 in a double. Rounded
        // from three parts: cosh(3 * 2^-26) is within 2^-104 of a midpoint.
        DD w = two_prod(ax, ax);
        const DD* f = invFactTable();
        double t = f[18].hi;
        for (int k = 8; k >= 5; --k) t = t * w.hi + f[2 * k].hi;
        DD q = dd(t);
        for (int k = 4; k >= 1; --k) q = add(mul(q, w), f[2 * k]);
        DD p = mul(w, q);
        return round3(1.0, p.hi, p.lo);
    }
    double v;
    if (ax <= 708.0 && hyperbolic_fast(ax, 1, v)) return v;
    DD big, small;
    int k;
    exp_pair(ax, big, small, k);
    return round_scaled(add(big, small), k - 1);
}

MF_HD MF_OUTLINE inline double tanh(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (ax < 0x1p-27) return x;
    double v;
    if (ax > 22.0) {
        v = 1.0; // 1 - 2 e^-2ax rounds to 1
    } else if (ax <= 0.0625) {
        DD s = sinh_series(ax);
        v = div(s, sqrt(add(mul(s, s), 1.0))).hi;
    } else if (!hyperbolic_fast(ax, 2, v)) {
        int k;
        DD f = exp_core(dd(2.0 * ax), k); // e^2ax = f * 2^k, k <= 64
        DD p = mul(f, pow2(k));
        v = div(add(p, -1.0), add(p, 1.0)).hi;
    }
    return x < 0 ? -v : v;
}

/// ln(2 ax) for ax > 2^54, where asinh and acosh differ from it below the last bit.
MF_HD inline double ln_twice(double ax) {
    return add(ln_dd(ax), DD{kLn2_hi, kLn2_lo}).hi;
}

/// ln(v) for a double-double v >= 1 that carries an error of 2^-103 v, rounded when the quick
/// log can; false otherwise.
MF_HD inline bool ln_fast_of(DD v, double& out) {
    double err;
    DD l = log_fast(v.hi, v.lo, 0.0, err);
    return rounds_alike(l.hi, l.lo, err + 0x1p-102, out);
}

/// sum_k c_k x^(2k+1) for the series of asinh (sign -1) or atanh (sign 1), |x| <= 1/16, rounded
/// when sure: x + x^3 P(x^2) with P in doubles (2^-62 of the result at most).
MF_HD inline bool odd_series_fast(double x, bool atanh_series, double& out) {
    double z = x * x, p;
    if (atanh_series) {
        p = 0x1.5555555555555p-2 +
            z * (0.2 + z * (0x1.2492492492492p-3 +
                            z * (0x1.c71c71c71c71cp-4 +
                                 z * (0x1.745d1745d1746p-4 +
                                      z * (0x1.3b13b13b13b14p-4 + z * 0x1.1111111111111p-4)))));
    } else {
        p = -0x1.5555555555555p-3 +
            z * (0x1.3333333333333p-4 +
                 z * (-0x1.6db6db6db6db7p-5 +
                      z * (0x1.f1c71c71c71c7p-6 +
                           z * (-0x1.6e8ba2e8ba2e9p-6 +
                                z * (0x1.1c4ec4ec4ec4fp-6 +
                                     z * (-0x1.c99999999999ap-7 + z * 0x1.7a87878787878p-7))))));
    }
    double tail = x * z * p;
    DD r = fast_two_sum(x, tail);
    // tail: 2^-50 of it; the truncation: below 2^-70 of x.
    return rounds_alike(r.hi, r.lo, 0x1p-49 * abs(tail) + 0x1p-68 * abs(x), out);
}

MF_HD MF_OUTLINE inline double asinh(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (is_inf(x) || ax < 0x1p-26) return x;
    double v;
    if (ax > 0x1p54) {
        v = ln_twice(ax);
    } else if (ax <= 0.0625 ? odd_series_fast(ax, false, v)
                            : ln_fast_of(add(sqrt(add(two_prod(ax, ax), 1.0)), ax), v)) {
        // ln(ax + sqrt(ax^2 + 1)) loses nothing above 1/16
    } else {
        // asinh ax = log1p(ax + ax^2 / (1 + sqrt(1 + ax^2)))
        DD x2 = two_prod(ax, ax);
        DD u = add(div(x2, add(sqrt(add(x2, 1.0)), 1.0)), ax);
        v = log1p_core(u).hi;
    }
    return x < 0 ? -v : v;
}

MF_HD MF_OUTLINE inline double acosh(double x) {
    if (is_nan(x)) return quiet(x);
    if (x < 1.0) return domain_nan();
    if (x == 1.0) return 0.0;
    if (is_inf(x)) return x;
    if (x > 0x1p54) return ln_twice(x);
    double r;
    if (ln_fast_of(add(sqrt(add(two_prod(x, x), -1.0)), x), r)) return r;
    if (x <= 2.0) {
        // acosh x = log1p(t + sqrt(t^2 + 2t)), t = x - 1 (exact)
        double t = x - 1.0;
        DD u = add(sqrt(add(two_prod(t, t), 2.0 * t)), t);
        return log1p_core(u).hi;
    }
    DD v = add(sqrt(add(two_prod(x, x), -1.0)), x);
    return log_core(v.hi, v.lo, 0.0).hi;
}

MF_HD MF_OUTLINE inline double atanh(double x) {
    if (is_nan(x)) return quiet(x);
    double ax = abs(x);
    if (ax > 1.0) return domain_nan();
    if (ax == 1.0) return x * infinity();
    if (ax < 0x1p-27) return x;
    double v;
    if (ax <= 0.0625) {
        if (odd_series_fast(ax, true, v)) return x < 0 ? -v : v;
    } else {
        // (ln(1 + ax) - ln(1 - ax)) / 2: the two logs have opposite signs
        DD p = two_sum(1.0, ax), m = two_sum(1.0, -ax);
        double ep, em;
        DD lp = log_fast(p.hi, p.lo, 0.0, ep), lm = log_fast(m.hi, m.lo, 0.0, em);
        DD h = two_sum(lp.hi, -lm.hi);
        double lo = h.lo + lp.lo - lm.lo;
        DD d = fast_two_sum(h.hi, lo);
        if (rounds_alike(d.hi, d.lo, ep + em + 0x1p-50 * abs(lo), v))
            return x < 0 ? -v * 0.5 : v * 0.5;
    }
    // atanh ax = log1p(2ax / (1 - ax)) / 2
    DD u = div(dd(2.0 * ax), two_sum(1.0, -ax));
    v = log1p_core(u).hi * 0.5;
    return x < 0 ? -v : v;
}

} // namespace metalfpga::rt::realmath
