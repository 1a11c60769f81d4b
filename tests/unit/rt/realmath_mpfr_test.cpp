// The shared real math (metalfpga/rt/realmath.h) against MPFR: every function over its special
// values and thousands of deterministic random inputs per range, each result required to be
// the correctly rounded (nearest) one, bit for bit. Also counts, for information, how often
// glibc's libm differs.
#include "metalfpga/rt/realmath.h"

#include <gtest/gtest.h>
#include <math.h>
#include <mpfr.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace {

namespace rm = metalfpga::rt::realmath;

using Mpfr1 = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);
using Mpfr2 = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t);

uint64_t bitsOf(double d) {
    uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

/// Distance in units in the last place between two doubles of the same sign (0 if equal).
uint64_t ulpDistance(double a, double b) {
    auto key = [](double d) {
        int64_t k = static_cast<int64_t>(bitsOf(d));
        return k < 0 ? INT64_MIN - k : k; // monotone in d
    };
    int64_t ka = key(a), kb = key(b);
    return ka > kb ? uint64_t(ka - kb) : uint64_t(kb - ka);
}

bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || bitsOf(a) == bitsOf(b);
}

/// Correctly rounded (nearest) double of an MPFR function, with IEEE subnormals.
class Reference {
  public:
    Reference() {
        mpfr_set_emin(-1073);
        mpfr_set_emax(1024);
        mpfr_inits2(53, x_, y_, r_, static_cast<mpfr_ptr>(nullptr));
    }
    ~Reference() { mpfr_clears(x_, y_, r_, static_cast<mpfr_ptr>(nullptr)); }
    double one(Mpfr1 f, double x) {
        mpfr_set_d(x_, x, MPFR_RNDN);
        int t = f(r_, x_, MPFR_RNDN);
        return finish(t);
    }
    double two(Mpfr2 f, double x, double y) {
        mpfr_set_d(x_, x, MPFR_RNDN);
        mpfr_set_d(y_, y, MPFR_RNDN);
        int t = f(r_, x_, y_, MPFR_RNDN);
        return finish(t);
    }

  private:
    double finish(int t) {
        t = mpfr_check_range(r_, t, MPFR_RNDN);
        mpfr_subnormalize(r_, t, MPFR_RNDN);
        return mpfr_get_d(r_, MPFR_RNDN);
    }
    mpfr_t x_, y_, r_;
};

/// Deterministic inputs (splitmix64).
class Gen {
  public:
    explicit Gen(uint64_t seed) : s_(seed) {}
    uint64_t next() {
        uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) * 0x1p-53; }
    double uniform(double a, double b) { return a + (b - a) * unit(); }
    /// |x| = 2^e * (1 + f), e uniform in [e0, e1], random sign if signed_.
    double logUniform(int e0, int e1, bool signed_ = false) {
        int e = e0 + int(next() % uint64_t(e1 - e0 + 1));
        double m = 1.0 + unit();
        double x = std::ldexp(m, e);
        return signed_ && (next() & 1) ? -x : x;
    }

  private:
    uint64_t s_;
};

struct Tally {
    long inputs = 0, wrong = 0, glibcDiffers = 0;
    uint64_t maxUlp = 0;
    std::string firstWrong;
};

/// Checks mine against the reference on each input; the report goes to stdout.
template <class Mine, class Ref, class Libm>
Tally check(const char* name, const std::vector<std::pair<double, double>>& in, Mine mine, Ref ref,
            Libm libm) {
    Tally t;
    for (auto [x, y] : in) {
        double m = mine(x, y), r = ref(x, y), g = libm(x, y);
        ++t.inputs;
        if (!same(g, r)) ++t.glibcDiffers;
        if (same(m, r)) continue;
        ++t.wrong;
        uint64_t u = std::isnan(m) || std::isnan(r) ? UINT64_MAX : ulpDistance(m, r);
        if (u > t.maxUlp) t.maxUlp = u;
        if (t.firstWrong.empty()) {
            char buf[200];
            std::snprintf(buf, sizeof buf, "%s(%a, %a) = %a, correctly rounded %a", name, x, y, m,
                          r);
            t.firstWrong = buf;
        }
    }
    std::printf(
        "%-6s %7ld inputs, %ld not correctly rounded (max %llu ulp), glibc differs on %ld\n", name,
        t.inputs, t.wrong, static_cast<unsigned long long>(t.maxUlp), t.glibcDiffers);
    return t;
}

const double kInf = INFINITY;

/// Special values every function sees.
std::vector<double> specials() {
    std::vector<double> v = {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             0.5,
                             -0.5,
                             2.0,
                             -2.0,
                             kInf,
                             -kInf,
                             NAN,
                             0x1p-1074,
                             -0x1p-1074,
                             0x1p-1022,
                             0x1.fffffffffffffp-1023,
                             0x1.fffffffffffffp+1023,
                             -0x1.fffffffffffffp+1023,
                             0x1p-27,
                             0x1p-26,
                             0x1p-60,
                             0x1p-54,
                             1.0 - 0x1p-53,
                             1.0 + 0x1p-52,
                             M_PI,
                             M_PI_2,
                             M_PI_4,
                             3.0,
                             10.0,
                             100.0,
                             1e22,
                             709.782712893384,
                             709.7827128933841,
                             -745.1332191019411,
                             -745.1332191019412,
                             710.4758600739439,
                             22.0,
                             0.0625,
                             1e300,
                             6381956970095103.0 * 0x1p797,
                             0x1p-53,
                             3 * 0x1p-53,
                             0x1p-52,
                             3 * 0x1p-26,
                             5 * 0x1p-26,
                             1.0 - 3 * 0x1p-53,
                             1.0 + 3 * 0x1p-52,
                             2.0 - 0x1p-52,
                             0.5 + 0x1p-53,
                             1.5,
                             -1.5,
                             0.25,
                             4.0};
    size_t n = v.size();
    for (size_t i = 0; i < n; ++i) v.push_back(-v[i]);
    return v;
}

using Inputs = std::vector<std::pair<double, double>>;

Inputs unary(std::initializer_list<std::function<double(Gen&)>> ranges, int perRange,
             uint64_t seed) {
    Inputs in;
    for (double s : specials()) in.push_back({s, 0.0});
    Gen g(seed);
    for (auto& r : ranges)
        for (int i = 0; i < perRange; ++i) in.push_back({r(g), 0.0});
    return in;
}

constexpr int kPer = 4000;

void expectAllRounded(const Tally& t) {
    EXPECT_EQ(t.wrong, 0) << t.firstWrong;
}

#define UNARY(NAME, MINE, MPFR, LIBM, ...)                                                         \
    TEST(RealMathMpfr, NAME) {                                                                     \
        Reference ref;                                                                             \
        Inputs in = unary({__VA_ARGS__}, kPer, 0x5eed0000u + __LINE__);                            \
        expectAllRounded(check(                                                                    \
            #NAME, in, [](double x, double) { return MINE(x); },                                   \
            [&](double x, double) { return ref.one(MPFR, x); },                                    \
            [](double x, double) { return LIBM(x); }));                                            \
    }

using G = Gen&;

UNARY(
    exp, rm::exp, mpfr_exp, ::exp, [](G g) { return g.uniform(-750, 712); },
    [](G g) { return g.logUniform(-60, 9, true); }, [](G g) { return g.uniform(700, 710); },
    [](G g) { return g.uniform(-746, -700); })
UNARY(
    ln, rm::ln, mpfr_log, ::log, [](G g) { return g.logUniform(-1074, 1023); },
    [](G g) { return 1.0 + g.uniform(-0x1p-5, 0x1p-5); },
    [](G g) { return 1.0 + g.logUniform(-52, -6, true); }, [](G g) { return g.uniform(0, 3); })
UNARY(
    log10, rm::log10, mpfr_log10, ::log10, [](G g) { return g.logUniform(-1074, 1023); },
    [](G g) { return 1.0 + g.uniform(-0x1p-5, 0x1p-5); },
    [](G g) { return std::pow(10.0, double(g.next() % 23)); },
    [](G g) { return g.uniform(0, 1000); })
UNARY(
    sin, rm::sin, mpfr_sin, ::sin, [](G g) { return g.uniform(-10, 10); },
    [](G g) { return g.logUniform(-30, 1023, true); },
    [](G g) { return std::nearbyint(double(g.next() % (1u << 20)) * M_PI_2); },
    [](G g) { return g.logUniform(-30, 30, true); })
UNARY(
    cos, rm::cos, mpfr_cos, ::cos, [](G g) { return g.uniform(-10, 10); },
    [](G g) { return g.logUniform(-30, 1023, true); },
    [](G g) { return std::nearbyint(double(g.next() % (1u << 20)) * M_PI_2); },
    [](G g) { return g.logUniform(-30, 30, true); })
UNARY(
    tan, rm::tan, mpfr_tan, ::tan, [](G g) { return g.uniform(-10, 10); },
    [](G g) { return g.logUniform(-30, 1023, true); },
    [](G g) { return std::nearbyint(double(g.next() % (1u << 20)) * M_PI_2); },
    [](G g) { return g.logUniform(-30, 30, true); })
UNARY(
    asin, rm::asin, mpfr_asin, ::asin, [](G g) { return g.uniform(-1, 1); },
    [](G g) { return 1.0 - g.logUniform(-53, -2); },
    [](G g) { return g.logUniform(-40, -1, true); })
UNARY(
    acos, rm::acos, mpfr_acos, ::acos, [](G g) { return g.uniform(-1, 1); },
    [](G g) { return (g.next() & 1 ? 1.0 : -1.0) * (1.0 - g.logUniform(-53, -2)); },
    [](G g) { return g.logUniform(-70, -1, true); })
UNARY(
    atan, rm::atan, mpfr_atan, ::atan, [](G g) { return g.logUniform(-30, 70, true); },
    [](G g) { return g.uniform(-4, 4); }, [](G g) { return g.logUniform(-1074, 1023, true); })
UNARY(
    sinh, rm::sinh, mpfr_sinh, ::sinh, [](G g) { return g.uniform(-711, 711); },
    [](G g) { return g.logUniform(-30, 4, true); }, [](G g) { return g.uniform(-1, 1); })
UNARY(
    cosh, rm::cosh, mpfr_cosh, ::cosh, [](G g) { return g.uniform(-711, 711); },
    [](G g) { return g.logUniform(-30, 4, true); }, [](G g) { return g.uniform(-1, 1); })
UNARY(
    tanh, rm::tanh, mpfr_tanh, ::tanh, [](G g) { return g.uniform(-25, 25); },
    [](G g) { return g.logUniform(-30, 4, true); }, [](G g) { return g.uniform(-1, 1); })
UNARY(
    asinh, rm::asinh, mpfr_asinh, ::asinh, [](G g) { return g.logUniform(-30, 1023, true); },
    [](G g) { return g.uniform(-3, 3); }, [](G g) { return g.logUniform(-30, 60, true); })
UNARY(
    acosh, rm::acosh, mpfr_acosh, ::acosh, [](G g) { return 1.0 + g.logUniform(-52, 4); },
    [](G g) { return g.logUniform(0, 1023); }, [](G g) { return g.uniform(1, 3); })
UNARY(
    atanh, rm::atanh, mpfr_atanh, ::atanh, [](G g) { return g.uniform(-1, 1); },
    [](G g) { return (g.next() & 1 ? 1.0 : -1.0) * (1.0 - g.logUniform(-53, -2)); },
    [](G g) { return g.logUniform(-40, -1, true); })

Inputs binary(std::initializer_list<std::function<std::pair<double, double>(Gen&)>> ranges,
              uint64_t seed) {
    Inputs in;
    std::vector<double> s = specials();
    for (double x : s)
        for (double y : s) in.push_back({x, y});
    Gen g(seed);
    for (auto& r : ranges)
        for (int i = 0; i < kPer; ++i) in.push_back(r(g));
    return in;
}

using P = std::pair<double, double>;

TEST(RealMathMpfr, pow) {
    Reference ref;
    Inputs in =
        binary({[](G g) {
                    return P{g.logUniform(-20, 20), g.uniform(-50, 50)};
                },
                [](G g) {
                    return P{g.logUniform(-1074, 1023), g.uniform(-2, 2)};
                },
                [](G g) { // near overflow and underflow
                    double x = g.logUniform(1, 40), l = std::log(x);
                    return P{x, (g.next() & 1 ? g.uniform(700, 710) : g.uniform(-746, -700)) / l};
                },
                [](G g) { // integer exponents, negative bases
                    return P{g.logUniform(-30, 30, true), double(int(g.next() % 81) - 40)};
                },
                [](G g) {
                    return P{1.0 + g.logUniform(-52, -10, true), g.logUniform(10, 60, true)};
                },
                [](G g) { // odd squares and cubes with 53 or 54 bits: exact results and midpoints
                    uint64_t m = (g.next() >> 37) | 1u | (1u << 26);
                    int e = int(g.next() % 200) - 100;
                    return P{std::ldexp(double(m), e), 2.0};
                },
                [](G g) {
                    uint64_t m = (g.next() >> 46) | 1u | (1u << 17);
                    return P{std::ldexp(double(m), -int(g.next() % 400)), 3.0};
                },
                [](G g) { // a few ulps from 1 or 2, small rational exponents: near midpoints
                    double x = (g.next() & 1 ? 1.0 : 2.0) +
                               double(int(g.next() % 64) - 32) * 0x1p-53 * (g.next() & 1 ? 1 : 2);
                    return P{x, double(int(g.next() % 33) - 16) / double(1 << (g.next() % 3))};
                },
                [](G g) { // perfect squares and fourth powers to n/2 and n/4: exact, midpoints
                    double w = double((g.next() >> 46) | 1u | (1u << 17));
                    double x = std::ldexp(w * w, 2 * (int(g.next() % 20) - 10));
                    if (g.next() & 1) return P{x, double(2 * int(g.next() % 3) + 3) / 2};
                    uint64_t v = (g.next() >> 51) | 1u | (1u << 12);
                    double v2 = double(v) * double(v);
                    return P{v2 * v2, double(2 * int(g.next() % 4) + 5) / 4};
                },
                [](G g) { // tiny and huge exponents
                    return P{g.logUniform(-10, 10), g.next() & 1 ? g.logUniform(-1074, -40, true)
                                                                 : g.logUniform(40, 1023, true)};
                },
                [](G g) { // powers of two into the subnormal range
                    return P{std::ldexp(1.0, -int(g.next() % 40)), -g.uniform(20, 1200) / 16 * 16};
                }},
               0x5eedbeefu);
    expectAllRounded(check(
        "pow", in, [](double x, double y) { return rm::pow(x, y); },
        [&](double x, double y) { return ref.two(mpfr_pow, x, y); },
        [](double x, double y) { return ::pow(x, y); }));
}

TEST(RealMathMpfr, atan2) {
    Reference ref;
    Inputs in =
        binary({[](G g) {
                    return P{g.uniform(-4, 4), g.uniform(-4, 4)};
                },
                [](G g) {
                    return P{g.logUniform(-1074, 1023, true), g.logUniform(-1074, 1023, true)};
                },
                [](G g) {
                    double x = g.logUniform(-30, 30, true);
                    return P{x * g.uniform(0.9, 1.1), (g.next() & 1 ? x : -x)};
                }},
               0x5eed2222u);
    expectAllRounded(check(
        "atan2", in, [](double y, double x) { return rm::atan2(y, x); },
        [&](double y, double x) { return ref.two(mpfr_atan2, y, x); },
        [](double y, double x) { return ::atan2(y, x); }));
}

TEST(RealMathMpfr, hypot) {
    Reference ref;
    Inputs in =
        binary({[](G g) {
                    return P{g.uniform(-4, 4), g.uniform(-4, 4)};
                },
                [](G g) {
                    return P{g.logUniform(-1074, 1023, true), g.logUniform(-1074, 1023, true)};
                },
                [](G g) {
                    int e = int(g.next() % 2000) - 1000;
                    return P{g.logUniform(e, e + 30), g.logUniform(e, e + 30)};
                }},
               0x5eed3333u);
    expectAllRounded(check(
        "hypot", in, [](double x, double y) { return rm::hypot(x, y); },
        [&](double x, double y) { return ref.two(mpfr_hypot, x, y); },
        [](double x, double y) { return ::hypot(x, y); }));
}

/// The special-value table of C99 Annex F for pow (a zero, infinite or NaN operand, x = +-1),
/// bit for bit as glibc (signed zeros; NaNs as NaN).
TEST(RealMathMpfr, powSpecialCasesAsGlibc) {
    std::vector<double> s = specials();
    for (double y : {0.5, 1.5, 3.0, -3.0, 4.0, -4.0, 0x1p53, 0x1p60, -0x1p60, 1e308})
        s.push_back(y);
    auto special = [](double v) { return v == 0 || !std::isfinite(v); };
    for (double x : s)
        for (double y : s)
            if (special(x) || special(y) || std::fabs(x) == 1) {
                EXPECT_TRUE(same(rm::pow(x, y), ::pow(x, y))) << x << " ** " << y;
            }
}

/// Domain errors give glibc's NaN, sign included (printed as "nan" or "-nan").
TEST(RealMathMpfr, domainErrorsAsGlibc) {
    const double inf = kInf;
    for (double x : {-1.0, -3.0, -inf, 2.0, -2.0, inf, 0.5, -0x1p-1074}) {
        auto check = [&](const char* f, double mine, double libm) {
            if (!std::isnan(libm)) return;
            EXPECT_TRUE(std::isnan(mine) && std::signbit(mine) == std::signbit(libm))
                << f << "(" << x << ")";
        };
        check("ln", rm::ln(x), ::log(x));
        check("log10", rm::log10(x), ::log10(x));
        check("sin", rm::sin(x), ::sin(x));
        check("cos", rm::cos(x), ::cos(x));
        check("tan", rm::tan(x), ::tan(x));
        check("asin", rm::asin(x), ::asin(x));
        check("acos", rm::acos(x), ::acos(x));
        check("acosh", rm::acosh(x), ::acosh(x));
        check("atanh", rm::atanh(x), ::atanh(x));
        check("pow", rm::pow(x, 0.5), ::pow(x, 0.5));
    }
}

} // namespace
