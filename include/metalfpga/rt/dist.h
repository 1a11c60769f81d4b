// metalfpga model support: the probabilistic distribution functions of IEEE 1364-2005 clause
// 17.9.2 ($dist_uniform, $dist_normal, $dist_exponential, $dist_poisson, $dist_chi_square,
// $dist_t, $dist_erlang), following the algorithms the standard gives, with a 32-bit seed that
// each call updates (as $random(seed) does). Host and device C++17.
#pragma once

#include "metalfpga/rt/model.h"

namespace metalfpga::rt::model {

namespace dist {

/// Truncation toward minus infinity of the standard's "(long)(r - 1)" for negative r.
MF_HD inline i32 trunc_i32(double r) {
    return static_cast<i32>(static_cast<i64>(r));
}
/// Round half away from zero, as the standard's rtl_dist_* wrappers do.
MF_HD inline i32 round_i32(double r) {
    return r >= 0 ? trunc_i32(r + 0.5) : trunc_i32(r - 0.5);
}

MF_HD inline double normal(i32& seed, i32 mean, i32 deviation) {
    double v1 = 0, v2 = 0, s = 1.0;
    while (s >= 1.0 || s == 0.0) {
        v1 = rtl_uniform(seed, -1, 1);
        v2 = rtl_uniform(seed, -1, 1);
        s = v1 * v1 + v2 * v2;
    }
    s = v1 * ::sqrt((-2.0 * ::log(s)) / s);
    return s * static_cast<double>(deviation) + static_cast<double>(mean);
}

MF_HD inline double exponential(i32& seed, i32 mean) {
    double n = rtl_uniform(seed, 0, 1);
    if (n != 0) n = -::log(n) * mean;
    return n;
}

MF_HD inline i32 poisson(i32& seed, i32 mean) {
    i32 n = 0;
    double p = ::exp(-static_cast<double>(mean));
    double q = rtl_uniform(seed, 0, 1);
    while (p < q) {
        ++n;
        q = rtl_uniform(seed, 0, 1) * q;
    }
    return n;
}

MF_HD inline double chi_square(i32& seed, i32 deg_of_free) {
    double x;
    if (deg_of_free % 2) {
        x = normal(seed, 0, 1);
        x = x * x;
    } else {
        x = 0.0;
    }
    for (i32 k = 2; k <= deg_of_free; k += 2) x = x + 2 * exponential(seed, 1);
    return x;
}

MF_HD inline double t(i32& seed, i32 deg_of_free) {
    double chi2 = chi_square(seed, deg_of_free);
    double root = ::sqrt(chi2 / static_cast<double>(deg_of_free));
    return normal(seed, 0, 1) / root;
}

MF_HD inline double erlangian(i32& seed, i32 k, i32 mean) {
    double x = 1.0;
    for (i32 i = 1; i <= k; ++i) x = x * rtl_uniform(seed, 0, 1);
    return -static_cast<double>(mean) * ::log(x) / static_cast<double>(k);
}

} // namespace dist

MF_HD inline i32 rtl_dist_uniform(i32& seed, i32 start, i32 end) {
    const i32 kMax = 2147483647, kMin = -2147483647 - 1;
    if (start >= end) return start;
    double r;
    i32 i;
    if (end != kMax) {
        ++end;
        r = rtl_uniform(seed, start, end);
        i = r >= 0 ? dist::trunc_i32(r) : dist::trunc_i32(r - 1);
        if (i < start) i = start;
        if (i >= end) i = end - 1;
    } else if (start != kMin) {
        --start;
        r = rtl_uniform(seed, start, end) + 1.0;
        i = r >= 0 ? dist::trunc_i32(r) : dist::trunc_i32(r - 1);
        if (i <= start) i = start + 1;
        if (i > end) i = end;
    } else {
        r = (rtl_uniform(seed, start, end) + 2147483648.0) / 4294967295.0;
        r = r * 4294967296.0 - 2147483648.0;
        i = r >= 0 ? dist::trunc_i32(r) : dist::trunc_i32(r - 1);
    }
    return i;
}

MF_HD inline i32 rtl_dist_normal(i32& seed, i32 mean, i32 sd) {
    return dist::round_i32(dist::normal(seed, mean, sd));
}

MF_HD inline i32 rtl_dist_exponential(i32& seed, i32 mean) {
    return mean > 0 ? dist::round_i32(dist::exponential(seed, mean)) : 0;
}

MF_HD inline i32 rtl_dist_poisson(i32& seed, i32 mean) {
    return mean > 0 ? dist::poisson(seed, mean) : 0;
}

MF_HD inline i32 rtl_dist_chi_square(i32& seed, i32 deg_of_free) {
    return deg_of_free > 0 ? dist::round_i32(dist::chi_square(seed, deg_of_free)) : 0;
}

MF_HD inline i32 rtl_dist_t(i32& seed, i32 deg_of_free) {
    return deg_of_free > 0 ? dist::round_i32(dist::t(seed, deg_of_free)) : 0;
}

MF_HD inline i32 rtl_dist_erlang(i32& seed, i32 k, i32 mean) {
    return k > 0 ? dist::round_i32(dist::erlangian(seed, k, mean)) : 0;
}

} // namespace metalfpga::rt::model
