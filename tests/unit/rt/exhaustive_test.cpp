// Exhaustive tests of the value library at widths 1..3: every operator over every 4-state
// operand pair, all signedness combinations, against the reference model (ref_model.h).
#include "test_util.h"

#include <gtest/gtest.h>

using namespace rttest;
namespace r = reftest;

namespace {

std::string describe(const char* op, const R& x, const R& y) {
    return std::string(op) + " " + (x.s ? "s" : "u") + r::str(x) + " " + (y.s ? "s" : "u") +
           r::str(y);
}

// Run-time-width Value: all binary operators, all width pairs 1..3, mixed signedness.
TEST(RtExhaustive, BinaryOperatorsValue) {
    size_t checked = 0, failures = 0;
    for (size_t w1 = 1; w1 <= 3; ++w1)
        for (size_t w2 = 1; w2 <= 3; ++w2)
            for (int s1 = 0; s1 < 2; ++s1)
                for (int s2 = 0; s2 < 2; ++s2) {
                    auto xs = all_values(w1, s1), ys = all_values(w2, s2);
                    for (const R& x : xs) {
                        Value vx = to_value(x);
                        for (const R& y : ys) {
                            Value vy = to_value(y);
                            for (const BinOp& op : binary_ops()) {
                                R want = op.ref(x, y);
                                Value got = op.lib(vx, vy);
                                ++checked;
                                if (got.to_binary() != r::str(want) || got.is_signed() != want.s) {
                                    if (++failures < 20)
                                        ADD_FAILURE()
                                            << describe(op.name, x, y) << ": want " << r::str(want)
                                            << (want.s ? "s" : "u") << " got " << got.to_binary()
                                            << (got.is_signed() ? "s" : "u");
                                }
                            }
                        }
                    }
                }
    EXPECT_EQ(failures, 0u);
    EXPECT_GT(checked, 500000u);
}

TEST(RtExhaustive, UnaryOperatorsValue) {
    for (size_t w = 1; w <= 3; ++w)
        for (int s = 0; s < 2; ++s)
            for (const R& x : all_values(w, s)) {
                Value vx = to_value(x);
                for (const UnOp& op : unary_ops()) {
                    R want = op.ref(x);
                    Value got = op.lib(vx);
                    ASSERT_EQ(got.to_binary(), r::str(want)) << op.name << " " << r::str(x);
                    ASSERT_EQ(got.is_signed(), want.s) << op.name << " " << r::str(x);
                }
            }
}

TEST(RtExhaustive, ConditionalValue) {
    std::vector<R> conds = all_values(1, false);
    for (const R& c : all_values(2, false)) conds.push_back(c);
    for (size_t w1 = 1; w1 <= 3; ++w1)
        for (size_t w2 = 1; w2 <= 3; ++w2)
            for (int s = 0; s < 4; ++s)
                for (const R& x : all_values(w1, s & 1))
                    for (const R& y : all_values(w2, s >> 1))
                        for (const R& c : conds) {
                            R want = r::cond(c, x, y);
                            Value got = rt::val::cond(to_value(c), to_value(x), to_value(y));
                            ASSERT_EQ(got.to_binary(), r::str(want))
                                << r::str(c) << " ? " << describe("", x, y);
                            ASSERT_EQ(got.is_signed(), want.s);
                        }
}

TEST(RtExhaustive, SelectsAndReplication) {
    for (size_t w = 1; w <= 3; ++w)
        for (const R& x : all_values(w, false)) {
            Value vx = to_value(x);
            for (long long off = -4; off <= 4; ++off)
                for (size_t len = 1; len <= 4; ++len) {
                    ASSERT_EQ(rt::val::extract(vx, off, static_cast<rt::u32>(len)).to_binary(),
                              r::str(r::extract(x, off, len)))
                        << r::str(x) << " [" << off << " +: " << len << "]";
                    for (const R& v : all_values(len, false)) {
                        Value d = vx;
                        rt::val::insert(d, off, to_value(v));
                        ASSERT_EQ(d.to_binary(), r::str(r::insert(x, off, v)));
                    }
                }
            for (rt::u32 n = 1; n <= 4; ++n)
                ASSERT_EQ(rt::val::replicate(n, vx).to_binary(), r::str(r::replicate(n, x)));
            for (size_t w2 = 1; w2 <= 5; ++w2) {
                ASSERT_EQ(vx.resized(static_cast<rt::u32>(w2)).to_binary(),
                          r::str(r::extend(x, w2, false, false)));
                ASSERT_EQ(vx.with_signed(true).resized(static_cast<rt::u32>(w2)).to_binary(),
                          r::str(r::extend(x, w2, true, true)));
            }
        }
}

// Compile-time-width templates: the same operators through Logic<W,S> and Bits<W,S>.
template <class V>
void expect_vec(const V& got, const R& want, const char* op, const R& x, const R& y) {
    ASSERT_EQ(vec_str(got), r::str(want)) << describe(op, x, y);
    ASSERT_EQ(V::is_signed, want.s) << describe(op, x, y);
}

/// 2-state result must equal the 4-state reference with X/Z read as 0.
template <class V>
void expect_bits(const V& got, const R& want, const char* op, const R& x, const R& y) {
    std::string w = r::str(want);
    for (char& c : w)
        if (c == 'x' || c == 'z') c = '0';
    ASSERT_EQ(vec_str(got), w) << "2-state " << describe(op, x, y);
}

template <rt::u32 W1, bool S1, rt::u32 W2, bool S2>
void template_pair() {
    using X = rt::Logic<W1, S1>;
    using Y = rt::Logic<W2, S2>;
    using XB = rt::Bits<W1, S1>;
    using YB = rt::Bits<W2, S2>;
    for (const R& x : all_values(W1, S1))
        for (const R& y : all_values(W2, S2)) {
            X vx = to_vec<X>(x);
            Y vy = to_vec<Y>(y);
#define MF_CHECK(opname, expr, reffn) expect_vec(expr(vx, vy), reffn(x, y), opname, x, y)
            MF_CHECK(
                "+", [](auto a, auto b) { return a + b; }, r::add);
            MF_CHECK(
                "-", [](auto a, auto b) { return a - b; }, r::sub);
            MF_CHECK(
                "*", [](auto a, auto b) { return a * b; }, r::mul);
            MF_CHECK(
                "/", [](auto a, auto b) { return a / b; }, r::div);
            MF_CHECK(
                "%", [](auto a, auto b) { return a % b; }, r::mod);
            MF_CHECK(
                "**", [](auto a, auto b) { return power(a, b); }, r::pow);
            MF_CHECK(
                "&", [](auto a, auto b) { return a & b; }, r::band);
            MF_CHECK(
                "|", [](auto a, auto b) { return a | b; }, r::bor);
            MF_CHECK(
                "^", [](auto a, auto b) { return a ^ b; }, r::bxor);
            MF_CHECK(
                "~^", [](auto a, auto b) { return bit_xnor(a, b); }, r::bxnor);
            MF_CHECK(
                "==", [](auto a, auto b) { return a == b; }, r::eq);
            MF_CHECK(
                "!=", [](auto a, auto b) { return a != b; }, r::ne);
            MF_CHECK(
                "===", [](auto a, auto b) { return case_eq(a, b); }, r::ceq);
            MF_CHECK(
                "!==", [](auto a, auto b) { return case_ne(a, b); }, r::cne);
            MF_CHECK(
                "<", [](auto a, auto b) { return a < b; }, r::lt);
            MF_CHECK(
                "<=", [](auto a, auto b) { return a <= b; }, r::le);
            MF_CHECK(
                ">", [](auto a, auto b) { return a > b; }, r::gt);
            MF_CHECK(
                ">=", [](auto a, auto b) { return a >= b; }, r::ge);
            MF_CHECK(
                "&&", [](auto a, auto b) { return a && b; }, r::land);
            MF_CHECK(
                "||", [](auto a, auto b) { return a || b; }, r::lor);
            MF_CHECK(
                "<<", [](auto a, auto b) { return a << b; }, r::shl);
            MF_CHECK(
                ">>", [](auto a, auto b) { return a >> b; }, r::shr);
            MF_CHECK(
                "<<<", [](auto a, auto b) { return ashl(a, b); }, r::shl);
            MF_CHECK(
                ">>>", [](auto a, auto b) { return ashr(a, b); }, r::ashr);
            MF_CHECK(
                "{,}", [](auto a, auto b) { return concat(a, b); }, r::concat);
            MF_CHECK(
                "?:", [](auto a, auto b) { return select(a, b, ~b); },
                [](const R& a, const R& b) { return r::cond(a, b, r::bnotv(b)); });
            expect_vec(~vx, r::bnotv(x), "~", x, y);
            expect_vec(-vx, r::neg(x), "neg", x, y);
            expect_vec(!vx, r::lnot(x), "!", x, y);
            expect_vec(reduce_xor(vy), r::red_xor(y), "^", x, y);
            expect_vec(replicate<2>(vx), r::replicate(2, x), "{2{}}", x, y);
#undef MF_CHECK
            if (r::has_xz(x) || r::has_xz(y)) continue;
            XB bx = to_vec<XB>(x);
            YB by = to_vec<YB>(y);
            expect_bits(bx + by, r::add(x, y), "+", x, y);
            expect_bits(bx - by, r::sub(x, y), "-", x, y);
            expect_bits(bx * by, r::mul(x, y), "*", x, y);
            expect_bits(bx / by, r::div(x, y), "/", x, y);
            expect_bits(bx % by, r::mod(x, y), "%", x, y);
            expect_bits(power(bx, by), r::pow(x, y), "**", x, y);
            expect_bits(bx < by, r::lt(x, y), "<", x, y);
            expect_bits(bx >= by, r::ge(x, y), ">=", x, y);
            expect_bits(bx == by, r::eq(x, y), "==", x, y);
            expect_bits(ashr(bx, by), r::ashr(x, y), ">>>", x, y);
            expect_bits(bx ^ by, r::bxor(x, y), "^", x, y);
        }
}

template <rt::u32 W1, rt::u32 W2>
void template_widths() {
    template_pair<W1, false, W2, false>();
    template_pair<W1, false, W2, true>();
    template_pair<W1, true, W2, false>();
    template_pair<W1, true, W2, true>();
}

TEST(RtExhaustive, Templates) {
    template_widths<1, 1>();
    template_widths<1, 2>();
    template_widths<1, 3>();
    template_widths<2, 1>();
    template_widths<2, 2>();
    template_widths<2, 3>();
    template_widths<3, 1>();
    template_widths<3, 2>();
    template_widths<3, 3>();
}

// Part selects read and written at every offset (in and out of range) and the truth value,
// against the word-span kernels they shortcut for one-word values.
template <class V, rt::u32 L>
void parts_of(const V& v, const R& x) {
    for (rt::i64 off = -4; off <= rt::i64(V::width) + 2; ++off) {
        rt::Vec<L, false, V::four_state> want;
        k::extract(want.ref(), v.cref(), off);
        auto got = v.template part<L>(off);
        ASSERT_TRUE(k::case_eq(got.cref(), want.cref()))
            << "part<" << L << ">(" << off << ") of " << r::str(x);
        for (const R& y : all_values(L, false)) {
            auto py = to_vec<rt::Vec<L, false, true>>(y);
            V a = v, b = v;
            a.set_part(off, py);
            k::insert(b.ref(), off, py.cref());
            ASSERT_TRUE(k::case_eq(a.cref(), b.cref()))
                << "set_part(" << off << ", " << r::str(y) << ") of " << r::str(x);
        }
    }
}

template <rt::u32 W, bool F>
void parts_width() {
    using V = rt::Vec<W, false, F>;
    for (const R& x : all_values(W, false)) {
        V v = to_vec<V>(x);
        ASSERT_EQ(v.truth(), k::truth(v.cref())) << r::str(x);
        parts_of<V, 1>(v, x);
        parts_of<V, 2>(v, x);
        parts_of<V, W>(v, x);
    }
}

TEST(RtExhaustive, PartSelectsAndTruth) {
    parts_width<1, true>();
    parts_width<3, true>();
    parts_width<4, true>();
    parts_width<3, false>();
    parts_width<4, false>();
}

} // namespace
