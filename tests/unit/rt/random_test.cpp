// Randomised tests of the value library at widths 1..300 and at word boundaries, against
// the reference model (ref_model.h); real conversions against a bit-level reference.
#include "test_util.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

using namespace rttest;
namespace r = reftest;

namespace {

const size_t kBoundaries[] = {31, 32, 33, 63, 64, 65, 127, 128, 129};

size_t random_width(std::mt19937_64& rng) {
    if (rng() % 2) return kBoundaries[rng() % 9];
    return 1 + rng() % 300;
}

std::string describe(const char* op, const R& x, const R& y) {
    return std::string(op) + " " + (x.s ? "s" : "u") + std::to_string(x.w()) + "'" + r::str(x) +
           " " + (y.s ? "s" : "u") + std::to_string(y.w()) + "'" + r::str(y);
}

TEST(RtRandom, BinaryOperatorsValue) {
    std::mt19937_64 rng(12345);
    int failures = 0;
    for (int iter = 0; iter < 1500; ++iter) {
        size_t w1 = random_width(rng);
        size_t w2 = rng() % 3 == 0 ? w1 : random_width(rng);
        int xz = rng() % 3 == 0 ? 5 : 0; // per mille
        R x = random_value(rng, w1, rng() % 2, xz);
        R y = random_value(rng, w2, rng() % 2, xz);
        Value vx = to_value(x), vy = to_value(y);
        for (const BinOp& op : binary_ops()) {
            R yy = y;
            if (std::string(op.name) == "**" && y.w() > 12) yy = r::extend(y, 12, false, y.s);
            R want = op.ref(x, yy);
            Value got = op.lib(vx, to_value(yy));
            if (got.to_binary() != r::str(want) || got.is_signed() != want.s) {
                if (++failures < 10)
                    ADD_FAILURE() << describe(op.name, x, yy) << "\nwant " << r::str(want)
                                  << "\ngot  " << got.to_binary();
            }
        }
        // Shifts by small amounts (random amounts are nearly always >= the width).
        R n = r::make(std::string(9, '0'), false);
        size_t amt = rng() % (w1 + 2);
        for (size_t i = 0; i < 9; ++i) n.b[i] = ((amt >> i) & 1) ? '1' : '0';
        for (const char* name : {"<<", ">>", ">>>"}) {
            for (const BinOp& op : binary_ops())
                if (std::string(op.name) == name) {
                    R want = op.ref(x, n);
                    Value got = op.lib(vx, to_value(n));
                    EXPECT_EQ(got.to_binary(), r::str(want)) << describe(name, x, n);
                }
        }
        // Division by a small divisor exercises long quotients.
        R d = r::make(std::string(w1, '0'), x.s);
        d.b[0] = '1';
        d.b[std::min<size_t>(w1 - 1, 1 + rng() % 5)] = '1';
        EXPECT_EQ(rt::val::div(vx, to_value(d)).to_binary(), r::str(r::div(x, d)))
            << describe("/", x, d);
        EXPECT_EQ(rt::val::mod(vx, to_value(d)).to_binary(), r::str(r::mod(x, d)))
            << describe("%", x, d);
    }
    EXPECT_EQ(failures, 0);
}

TEST(RtRandom, UnaryConditionalSelects) {
    std::mt19937_64 rng(777);
    for (int iter = 0; iter < 2000; ++iter) {
        size_t w = random_width(rng);
        R x = random_value(rng, w, rng() % 2, rng() % 2 ? 10 : 0);
        R y = random_value(rng, random_width(rng), rng() % 2, rng() % 2 ? 10 : 0);
        Value vx = to_value(x), vy = to_value(y);
        for (const UnOp& op : unary_ops())
            ASSERT_EQ(op.lib(vx).to_binary(), r::str(op.ref(x))) << op.name << " " << r::str(x);
        R c = random_value(rng, 1 + rng() % 3, false, 200);
        ASSERT_EQ(rt::val::cond(to_value(c), vx, vy).to_binary(), r::str(r::cond(c, x, y)));
        long long off = static_cast<long long>(rng() % (w + 80)) - 40;
        size_t len = 1 + rng() % 140;
        ASSERT_EQ(rt::val::extract(vx, off, static_cast<rt::u32>(len)).to_binary(),
                  r::str(r::extract(x, off, len)))
            << r::str(x) << " [" << off << " +: " << len << "]";
        Value d = vx;
        rt::val::insert(d, off, vy);
        ASSERT_EQ(d.to_binary(), r::str(r::insert(x, off, y)));
        size_t w2 = random_width(rng);
        ASSERT_EQ(vx.resized(static_cast<rt::u32>(w2)).to_binary(),
                  r::str(r::extend(x, w2, x.s, x.s)));
        ASSERT_EQ(rt::val::concat({vx, vy}).to_binary(), r::str(r::concat(x, y)));
    }
}

// Compile-time widths at the word boundaries, through the templates.
template <rt::u32 W, bool S>
void boundary_templates(std::mt19937_64& rng) {
    using L = rt::Logic<W, S>;
    using B = rt::Bits<W, S>;
    for (int iter = 0; iter < 60; ++iter) {
        int xz = iter % 4 == 0 ? 10 : 0;
        R x = random_value(rng, W, S, xz), y = random_value(rng, W, S, xz);
        R sh = r::make(std::string(8, '0'), false);
        size_t amt = rng() % (W + 3);
        for (size_t i = 0; i < 8; ++i) sh.b[i] = ((amt >> i) & 1) ? '1' : '0';
        L lx = to_vec<L>(x), ly = to_vec<L>(y);
        rt::Logic<8> lsh = to_vec<rt::Logic<8>>(sh);
        EXPECT_EQ(vec_str(lx + ly), r::str(r::add(x, y)));
        EXPECT_EQ(vec_str(lx - ly), r::str(r::sub(x, y)));
        EXPECT_EQ(vec_str(lx * ly), r::str(r::mul(x, y)));
        EXPECT_EQ(vec_str(lx / ly), r::str(r::div(x, y)));
        EXPECT_EQ(vec_str(lx % ly), r::str(r::mod(x, y)));
        EXPECT_EQ(vec_str(lx << lsh), r::str(r::shl(x, sh)));
        EXPECT_EQ(vec_str(lx >> lsh), r::str(r::shr(x, sh)));
        EXPECT_EQ(vec_str(ashr(lx, lsh)), r::str(r::ashr(x, sh)));
        EXPECT_EQ(vec_str(lx < ly), r::str(r::lt(x, y)));
        EXPECT_EQ(vec_str(lx == ly), r::str(r::eq(x, y)));
        EXPECT_EQ(vec_str(lx & ly), r::str(r::band(x, y)));
        EXPECT_EQ(vec_str(power(lx, lsh)), r::str(r::pow(x, sh)));
        if (xz) continue;
        B bx = to_vec<B>(x), by = to_vec<B>(y);
        EXPECT_EQ(vec_str(bx + by), r::str(r::add(x, y)));
        EXPECT_EQ(vec_str(bx * by), r::str(r::mul(x, y)));
        EXPECT_EQ(vec_str(bx >= by), r::str(r::ge(x, y)));
        EXPECT_EQ(vec_str(ashr(bx, lsh)), r::str(r::ashr(x, sh)));
        if (!r::bzero(r::bv(y))) {
            EXPECT_EQ(vec_str(bx / by), r::str(r::div(x, y)));
        }
    }
}

template <rt::u32 W>
void boundary_both(std::mt19937_64& rng) {
    boundary_templates<W, false>(rng);
    boundary_templates<W, true>(rng);
}

TEST(RtRandom, BoundaryWidthTemplates) {
    std::mt19937_64 rng(99);
    boundary_both<31>(rng);
    boundary_both<32>(rng);
    boundary_both<33>(rng);
    boundary_both<63>(rng);
    boundary_both<64>(rng);
    boundary_both<65>(rng);
    boundary_both<127>(rng);
    boundary_both<128>(rng);
    boundary_both<129>(rng);
}

// ---- wide part writes and concatenations: the word-level shortcuts against the kernels ----

// set_part of an L-bit value into a W-bit one at every offset, in and out of range, against
// k::insert (4-state and 2-state destinations; 4-state sources, so X/Z are written as 0 into
// 2-state ones).
template <rt::u32 W, rt::u32 L, bool F>
void wide_set_part(std::mt19937_64& rng) {
    using V = rt::Vec<W, false, F>;
    for (int iter = 0; iter < 4; ++iter) {
        V v = to_vec<V>(random_value(rng, W, false, F ? 100 : 0));
        auto p = to_vec<rt::Vec<L, false, true>>(random_value(rng, L, false, 100));
        for (rt::i64 off = -rt::i64(L) - 1; off <= rt::i64(W) + 1; ++off) {
            V a = v, b = v;
            a.set_part(off, p);
            k::insert(b.ref(), off, p.cref());
            ASSERT_TRUE(k::case_eq(a.cref(), b.cref()))
                << "W=" << W << " L=" << L << " off=" << off;
        }
    }
}

// A concatenation of parts of mixed widths and states against insert of each part in turn.
template <rt::u32 A, rt::u32 B, rt::u32 C>
void wide_concat(std::mt19937_64& rng) {
    for (int iter = 0; iter < 20; ++iter) {
        auto a = to_vec<rt::Vec<A, false, true>>(random_value(rng, A, false, 100));
        auto b = to_vec<rt::Vec<B, true, false>>(random_value(rng, B, true, 0));
        auto c = to_vec<rt::Vec<C, false, true>>(random_value(rng, C, false, 100));
        auto got = rt::concat(a, b, c);
        rt::Vec<A + B + C, false, true> want;
        k::insert(want.ref(), B + C, a.cref());
        k::insert(want.ref(), C, b.cref());
        k::insert(want.ref(), 0, c.cref());
        ASSERT_TRUE(k::case_eq(got.cref(), want.cref())) << A << "," << B << "," << C;
        auto two = rt::concat(b, b); // 2-state parts only
        rt::Vec<2 * B, false, false> want2;
        k::insert(want2.ref(), B, b.cref());
        k::insert(want2.ref(), 0, b.cref());
        ASSERT_TRUE(k::case_eq(two.cref(), want2.cref())) << B;
    }
}

TEST(RtWide, PartWritesAndConcatenations) {
    std::mt19937_64 rng(7);
    wide_set_part<65, 1, true>(rng);
    wide_set_part<65, 64, true>(rng);
    wide_set_part<128, 32, true>(rng);
    wide_set_part<128, 32, false>(rng);
    wide_set_part<200, 63, true>(rng);
    wide_set_part<200, 17, false>(rng);
    wide_concat<32, 32, 64>(rng);
    wide_concat<1, 127, 8>(rng);
    wide_concat<70, 3, 65>(rng);
    wide_concat<64, 64, 64>(rng);
    wide_concat<5, 60, 1>(rng);
}

// ---- real conversions ----

/// Correctly rounded (nearest, ties even) double of a reference value, built from bits.
double ref_to_real(const R& x) {
    r::BV b;
    for (char c : x.b) b.push_back(c == '1');
    bool neg = x.s && b.back();
    if (neg) b = r::bneg(b);
    long top = -1;
    for (size_t i = b.size(); i-- > 0;)
        if (b[i]) {
            top = static_cast<long>(i);
            break;
        }
    if (top < 0) return 0.0;
    long lo = top - 52; // 53 significant bits
    unsigned long long m = 0;
    for (long i = top; i >= std::max(lo, 0L); --i) m = m * 2 + static_cast<unsigned>(b[i]);
    if (lo > 0) {
        bool guard = b[lo - 1];
        bool sticky = false;
        for (long i = 0; i < lo - 1; ++i) sticky |= b[i] != 0;
        if (guard && (sticky || (m & 1))) ++m;
    } else {
        lo = 0;
    }
    double v = std::ldexp(static_cast<double>(m), static_cast<int>(lo));
    return neg ? -v : v;
}

/// Integer of width w from an integral double, bit by bit.
R ref_from_integral(double d, size_t w, bool s) {
    bool neg = d < 0;
    double m = std::fabs(d);
    r::BV b(w, 0);
    for (size_t i = 0; i < w && m != 0; ++i) {
        b[i] = std::fmod(m, 2.0) != 0;
        m = std::floor(m / 2);
    }
    if (neg) b = r::bneg(b);
    return r::from_bv(b, s);
}

TEST(RtReal, IntegerToReal) {
    std::mt19937_64 rng(4242);
    for (int iter = 0; iter < 4000; ++iter) {
        size_t w = iter < 1000 ? 1 + rng() % 64 : 1 + rng() % 1100;
        R x = random_value(rng, w, rng() % 2, iter % 5 == 0 ? 20 : 0);
        R known = x;
        for (char& c : known.b)
            if (c == 'x' || c == 'z') c = '0';
        double want = ref_to_real(known);
        double got = rt::val::to_real(to_value(x));
        ASSERT_EQ(std::memcmp(&want, &got, sizeof want), 0)
            << w << "'" << r::str(x) << " want " << want << " got " << got;
    }
    EXPECT_EQ(rt::to_real(rt::Logic<8, true>::of_i64(-128)), -128.0);
    EXPECT_EQ(rt::to_real(rt::Logic<8>::of_i64(-128)), 128.0);
    EXPECT_EQ(rt::val::to_real(Value::from_binary("1x0z1", false)), 17.0);
    EXPECT_EQ(rt::val::to_real(Value::from_u64(2000, 0).with_signed(true)), 0.0);
}

TEST(RtReal, RealToInteger) {
    std::mt19937_64 rng(31337);
    const double specials[] = {0.0,   -0.0,   0.5,  -0.5,  1.5,    -1.5,  2.5,    -2.5,
                               0.499, -0.499, 1e18, -1e18, 3.7e19, 1e300, -1e300, 4.5e15};
    for (int iter = 0; iter < 4000; ++iter) {
        double d;
        if (iter < 16) {
            d = specials[iter];
        } else {
            std::uniform_real_distribution<double> u(-1, 1);
            d = std::ldexp(u(rng), static_cast<int>(rng() % 400) - 20);
        }
        size_t w = 1 + rng() % 300;
        bool s = rng() % 2;
        double rounded = std::round(d); // half away from zero
        R want = ref_from_integral(rounded, w, s);
        ASSERT_EQ(rt::val::from_real(d, static_cast<rt::u32>(w), s).to_binary(), r::str(want))
            << d << " w=" << w;
        R want_t = ref_from_integral(std::trunc(d), 32, true);
        ASSERT_EQ(rt::val::rtoi(d).to_binary(), r::str(want_t)) << d;
    }
    using I32 = rt::Logic<32, true>;
    EXPECT_EQ(rt::from_real<I32>(-2.5).to_u64(), 0xfffffffdull);
    EXPECT_EQ(rt::rtoi(-2.7).to_u64(), 0xfffffffeull);
    EXPECT_TRUE(rt::from_real<rt::Logic<8>>(NAN).has_xz());
    EXPECT_EQ(rt::from_real<rt::Bits<8>>(INFINITY).to_u64(), 0u);
}

TEST(RtReal, BitsAndMath) {
    EXPECT_EQ(rt::realtobits(1.0).to_u64(), 0x3ff0000000000000ull);
    EXPECT_EQ(rt::bitstoreal(rt::Logic<64>(0x4000000000000000ull)), 2.0);
    EXPECT_EQ(rt::itor(rt::Logic<4, true>(0xfu)), -1.0);
    EXPECT_DOUBLE_EQ(rt::realfn::ln(std::exp(2.0)), 2.0);
    EXPECT_DOUBLE_EQ(rt::realfn::log10(1000.0), 3.0);
    EXPECT_DOUBLE_EQ(rt::realfn::pow(2.0, 10.0), 1024.0);
    EXPECT_DOUBLE_EQ(rt::realfn::hypot(3.0, 4.0), 5.0);
    EXPECT_DOUBLE_EQ(rt::realfn::atan2(1.0, 1.0), std::atan(1.0));
    EXPECT_EQ(rt::realfn::floor(-1.5), -2.0);
    EXPECT_EQ(rt::realfn::ceil(-1.5), -1.0);
    EXPECT_TRUE(std::isnan(rt::realfn::sqrt(-1.0)));
}

} // namespace

namespace {

// Very wide compile-time values (65,536 bits): spot checks against Value and identities.
TEST(RtWide, Width65536) {
    using L = rt::Logic<65536>;
    std::mt19937_64 rng(5);
    static L x, y; // static: keep 16 KiB objects off the test's stack
    for (rt::u32 i = 0; i < L::NW; ++i) {
        x.a[i] = rng();
        y.a[i] = rng() >> 1;
    }
    y.a[0] |= 1;
    Value vx(65536), vy(65536);
    for (rt::u32 i = 0; i < 65536; ++i) {
        vx.set_bit(i, k::get_bit(x.cref(), i));
        vy.set_bit(i, k::get_bit(y.cref(), i));
    }
    EXPECT_EQ(vec_str(x + y), rt::val::add(vx, vy).to_binary());
    EXPECT_EQ(vec_str(x * y), rt::val::mul(vx, vy).to_binary());
    EXPECT_EQ(vec_str((x + y) - y), vec_str(x));
    L q = x / L(12345u), m = x % L(12345u);
    EXPECT_EQ(vec_str(q * L(12345u) + m), vec_str(x));
    EXPECT_EQ(vec_str((x << 40000u) >> 40000u), vec_str(x & (L::ones() >> 40000u)));
    EXPECT_EQ((x < y).to_u64(), rt::val::lt(vx, vy).to_u64());
    EXPECT_TRUE(std::isinf(rt::to_real(x)));
}

} // namespace
