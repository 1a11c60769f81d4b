// metalfpga value library: compile-time-width values Logic<W, S> (4-state) and Bits<W, S>
// (2-state), for generated models on the CPU and the GPU.
//
// Both are Vec<W, S, F>: W bits (1 .. any), S = signed, F = four-state. Storage is
// nwords(W) 64-bit words per plane (see kernels.h for the encoding). All operators call the
// word-span kernels of kernels.h; for W <= 64 the loops have one iteration and compile to
// straight-line code.
//
// Operator typing follows 1364-2005 clause 5.5 for self-determined expressions: a binary
// arithmetic/bitwise operator's result has the larger operand width and is signed only if
// both operands are; operands are extended to that width first (sign-extended only if the
// result is signed). Comparisons give a 1-bit unsigned value. Shifts and ** keep the left
// operand's type. Mixing 2-state and 4-state gives 4-state. For context-determined
// expressions the code generator extends operands to the context width first (resize<>).
#pragma once

#include "metalfpga/rt/real.h"

namespace metalfpga::rt {

template <u32 W, bool S, bool F>
struct Vec;

template <u32 W, bool S = false>
using Logic = Vec<W, S, true>;
template <u32 W, bool S = false>
using Bits = Vec<W, S, false>;

namespace detail {
template <u32 NW, bool F>
struct BPlane {
    word b[NW];
    MF_HD BPlane() : b{} {}
    MF_HD word* bp() { return b; }
    MF_HD const word* bp() const { return b; }
};
template <u32 NW>
struct BPlane<NW, false> {
    MF_HD word* bp() { return nullptr; }
    MF_HD const word* bp() const { return nullptr; }
};

MF_HD constexpr u32 umax(u32 a, u32 b) {
    return a > b ? a : b;
}

template <class T>
struct is_vec {
    static constexpr bool value = false;
};
template <u32 W, bool S, bool F>
struct is_vec<Vec<W, S, F>> {
    static constexpr bool value = true;
};

/// The type of a self-determined binary arithmetic/bitwise operation.
template <class X, class Y>
using arith_t =
    Vec<umax(X::width, Y::width), X::is_signed && Y::is_signed, X::four_state || Y::four_state>;
/// 1-bit result of a comparison/logical operator.
template <class X, class Y>
using bool_t = Vec<1, false, X::four_state || Y::four_state>;
} // namespace detail

template <u32 W, bool S, bool F>
struct Vec : detail::BPlane<k::nwords(W), F> {
    static_assert(W >= 1, "a Verilog value has at least one bit");
    static constexpr u32 width = W;
    static constexpr u32 NW = k::nwords(W);
    static constexpr bool is_signed = S;
    static constexpr bool four_state = F;

    word a[NW];

    /// Zero.
    MF_HD MF_INLINE Vec() : a{} {}
    /// The 64-bit value v, zero-extended (use of_i64 to sign-extend), truncated to W bits.
    MF_HD MF_INLINE explicit Vec(u64 v) : a{} { k::set_u64(ref(), v); }

    /// Conversion from another width/signedness/state: extended according to the source's
    /// signedness, truncated, X/Z become 0 when converting to 2-state.
    template <u32 W2, bool S2, bool F2>
    MF_HD MF_INLINE explicit Vec(const Vec<W2, S2, F2>& o) : a{} {
        if constexpr (W2 == W) {
            k::copy(ref(), o.cref());
        } else {
            k::resize(ref(), o.cref(), S2);
        }
    }

    MF_HD inline static Vec of_u64(u64 v) { return Vec(v); }
    MF_HD inline static Vec of_i64(i64 v) {
        Vec r;
        k::set_u64(r.ref(), static_cast<u64>(v), true);
        return r;
    }
    MF_HD inline static Vec x() {
        Vec r;
        k::set_x(r.ref());
        return r;
    }
    MF_HD inline static Vec z() {
        Vec r;
        k::set_z(r.ref());
        return r;
    }
    MF_HD inline static Vec ones() {
        Vec r;
        k::set_ones(r.ref());
        return r;
    }
    MF_HD MF_INLINE static Vec from_bit(Bit c) {
        Vec r; // zero: only bit 0 is set
        if constexpr (F) {
            r.a[0] = c & 1u;
            r.bp()[0] = (c >> 1) & 1u;
        } else {
            r.a[0] = c == B1 ? 1u : 0u; // X/Z read as 0
        }
        return r;
    }

    MF_HD MF_INLINE k::CRef cref() const { return k::CRef{a, this->bp(), W}; }
    MF_HD MF_INLINE k::VRef ref() { return k::VRef{a, this->bp(), W}; }
    MF_HD MF_INLINE word* bplane() { return this->bp(); }
    /// Word 0 of the X/Z plane (0 for 2-state values).
    MF_HD MF_INLINE word b0() const {
        if constexpr (F) {
            return this->bp()[0];
        } else {
            return 0;
        }
    }
    MF_HD MF_INLINE const word* bplane() const { return this->bp(); }
    /// The OR of the X/Z plane's words: 0 when every bit is 0 or 1.
    MF_HD MF_INLINE word xz_bits() const {
        word r = 0;
        if constexpr (F)
            for (u32 i = 0; i < NW; ++i) r |= this->bp()[i];
        return r;
    }
    /// The value with its X/Z plane cleared, for code that checked xz_bits() == 0: a plane the
    /// compiler sees as zero lets it drop the X/Z work of the expressions over it.
    MF_HD MF_INLINE Vec known() const {
        Vec r;
        for (u32 i = 0; i < NW; ++i) r.a[i] = a[i];
        return r;
    }

    /// Views with the other signedness (same bits).
    MF_HD Vec<W, true, F> as_signed() const { return Vec<W, true, F>(*this); }
    MF_HD Vec<W, false, F> as_unsigned() const { return Vec<W, false, F>(*this); }
    MF_HD Vec<W, S, true> as_logic() const { return Vec<W, S, true>(*this); }
    MF_HD Vec<W, S, false> as_bits() const { return Vec<W, S, false>(*this); }

    MF_HD MF_INLINE bool has_xz() const { return k::has_xz(cref()); }
    MF_HD u64 to_u64() const { return a[0]; }
    /// The logical value (clause 5.1.9) as a Bit code.
    MF_HD MF_INLINE Bit truth() const {
        if constexpr (NW == 1) { // the common case, without the kernel's word loop
            word unk = b0();
            return (a[0] & ~unk) ? B1 : (unk ? BX : B0);
        } else {
            return k::truth(cref());
        }
    }
    /// True only when the logical value is 1 (for if/while: X and 0 are both false).
    MF_HD MF_INLINE bool is_true() const { return truth() == B1; }

    /// Bit select; out of range gives X (0 for 2-state).
    MF_HD inline Vec<1, false, F> bit(i64 i) const {
        return Vec<1, false, F>::from_bit(k::bit_at(cref(), i));
    }
    MF_HD Bit bit_code(i64 i) const { return k::bit_at(cref(), i); }
    /// Part select [off, off+L); out-of-range bits read X (0 for 2-state).
    template <u32 L>
    MF_HD MF_INLINE Vec<L, false, F> part(i64 off) const {
        Vec<L, false, F> r;
        if constexpr (L <= 64 && L <= W) {
            // In range and within one word (always, for a one-word value): a shift and a mask.
            if (off >= 0 && off + i64(L) <= i64(W) && (off >> 6) == ((off + i64(L) - 1) >> 6)) {
                u32 wi = u32(off >> 6), sh = u32(off & 63);
                r.a[0] = (a[wi] >> sh) & k::top_mask(L);
                if constexpr (F) r.bp()[0] = (this->bp()[wi] >> sh) & k::top_mask(L);
                return r;
            }
        }
        k::extract(r.ref(), cref(), off);
        return r;
    }
    /// Part/bit select write; bits outside the value are ignored.
    template <u32 L, bool S2, bool F2>
    MF_HD MF_INLINE void set_part(i64 off, const Vec<L, S2, F2>& v) {
        if constexpr (L <= 64 && L <= W) {
            if (off >= 0 && off + i64(L) <= i64(W)) { // in range: one or two masked words
                u32 lo = u32(off >> 6), sh = u32(off & 63);
                word m = k::top_mask(L), va = v.a[0], vb = v.b0();
                if constexpr (!F) va &= ~vb; // X/Z written as 0
                a[lo] = (a[lo] & ~(m << sh)) | (va << sh);
                if constexpr (F) this->bp()[lo] = (this->bp()[lo] & ~(m << sh)) | (vb << sh);
                if constexpr (NW > 1) {
                    if (sh + L > 64) {
                        u32 hs = 64 - sh;
                        a[lo + 1] = (a[lo + 1] & ~(m >> hs)) | (va >> hs);
                        if constexpr (F)
                            this->bp()[lo + 1] = (this->bp()[lo + 1] & ~(m >> hs)) | (vb >> hs);
                    }
                }
                return;
            }
        }
        k::insert(ref(), off, v.cref());
    }
    MF_HD void set_bit(i64 i, Bit c) {
        if (i >= 0 && i < i64(W)) k::set_bit(ref(), u32(i), c);
    }
};

/// Extension/truncation to W2 bits per the source's signedness, keeping signedness S2.
template <u32 W2, bool S2, u32 W, bool S, bool F>
MF_HD inline Vec<W2, S2, F> resize(const Vec<W, S, F>& x) {
    return Vec<W2, S2, F>(x);
}
/// Extension/truncation with explicit sign-extension choice.
template <class R, u32 W, bool S, bool F>
MF_HD MF_INLINE R extend(const Vec<W, S, F>& x, bool sext) {
    R r;
    k::resize(r.ref(), x.cref(), sext);
    return r;
}

namespace detail {
/// Operand x converted to the operation type R (extended per R's signedness).
template <class R, u32 W, bool S, bool F>
MF_HD MF_INLINE R to_op(const Vec<W, S, F>& x) {
    R r;
    if constexpr (W == R::width) {
        k::copy(r.ref(), x.cref());
    } else {
        k::resize(r.ref(), x.cref(), R::is_signed);
    }
    return r;
}
} // namespace detail

// ---------------------------------------------------------------------------------------
// Unary operators

template <u32 W, bool S, bool F>
MF_HD inline Vec<W, S, F> operator~(const Vec<W, S, F>& x) {
    Vec<W, S, F> r;
    k::bit_not(r.ref(), x.cref());
    return r;
}
template <u32 W, bool S, bool F>
MF_HD inline Vec<W, S, F> operator-(const Vec<W, S, F>& x) {
    Vec<W, S, F> r;
    k::neg(r.ref(), x.cref());
    return r;
}
/// Unary plus is the identity ("same as m", table 5-5), X/Z bits included.
template <u32 W, bool S, bool F>
MF_HD inline Vec<W, S, F> operator+(const Vec<W, S, F>& x) {
    return x;
}
template <u32 W, bool S, bool F>
MF_HD MF_INLINE Vec<1, false, F> operator!(const Vec<W, S, F>& x) {
    return Vec<1, false, F>::from_bit(k::bit_not(x.truth()));
}

#define MF_RT_REDUCTION(name, expr)                                                                \
    template <u32 W, bool S, bool F>                                                               \
    MF_HD inline Vec<1, false, F> name(const Vec<W, S, F>& x) {                                    \
        return Vec<1, false, F>::from_bit(expr);                                                   \
    }
MF_RT_REDUCTION(reduce_and, k::red_and(x.cref()))
MF_RT_REDUCTION(reduce_or, k::red_or(x.cref()))
MF_RT_REDUCTION(reduce_xor, k::red_xor(x.cref()))
MF_RT_REDUCTION(reduce_nand, k::bit_not(k::red_and(x.cref())))
MF_RT_REDUCTION(reduce_nor, k::bit_not(k::red_or(x.cref())))
MF_RT_REDUCTION(reduce_xnor, k::bit_not(k::red_xor(x.cref())))
#undef MF_RT_REDUCTION

// ---------------------------------------------------------------------------------------
// Binary operators

#define MF_RT_BINARY_AS(spec, op, ...)                                                             \
    template <u32 W1, bool S1, bool F1, u32 W2, bool S2, bool F2>                                  \
    MF_HD spec detail::arith_t<Vec<W1, S1, F1>, Vec<W2, S2, F2>> op(const Vec<W1, S1, F1>& x,      \
                                                                    const Vec<W2, S2, F2>& y) {    \
        using R = detail::arith_t<Vec<W1, S1, F1>, Vec<W2, S2, F2>>;                               \
        R xe = detail::to_op<R>(x), ye = detail::to_op<R>(y), r;                                   \
        __VA_ARGS__;                                                                               \
        return r;                                                                                  \
    }
#define MF_RT_BINARY(op, ...) MF_RT_BINARY_AS(inline, op, __VA_ARGS__)
#define MF_RT_BINARY_INLINE(op, ...) MF_RT_BINARY_AS(MF_INLINE, op, __VA_ARGS__)
// +, - and * of one-word values inline (any X/Z bit makes the whole result X); wider values
// call the kernels out of line.
namespace detail {
template <class R>
MF_HD inline R arith_any(char op, const R& x, const R& y) {
    R r;
    if (op == '+') k::add(r.ref(), x.cref(), y.cref());
    if (op == '-') k::sub(r.ref(), x.cref(), y.cref());
    if (op == '*') k::mul(r.ref(), x.cref(), y.cref());
    return r;
}
template <char Op, class R>
MF_HD MF_INLINE R arith(const R& x, const R& y) {
    if constexpr (R::NW == 1) {
        R r;
        if (x.b0() | y.b0()) {
            k::set_x(r.ref());
            return r;
        }
        word v = Op == '+' ? x.a[0] + y.a[0] : Op == '-' ? x.a[0] - y.a[0] : x.a[0] * y.a[0];
        r.a[0] = v & k::top_mask(R::width);
        return r;
    } else {
        return arith_any(Op, x, y);
    }
}
} // namespace detail
MF_RT_BINARY_INLINE(operator+, r = detail::arith<'+'>(xe, ye))
MF_RT_BINARY_INLINE(operator-, r = detail::arith<'-'>(xe, ye))
MF_RT_BINARY_INLINE(operator*, r = detail::arith<'*'>(xe, ye))
MF_RT_BINARY_INLINE(operator&, k::bit_and(r.ref(), xe.cref(), ye.cref()))
MF_RT_BINARY_INLINE(operator|, k::bit_or(r.ref(), xe.cref(), ye.cref()))
MF_RT_BINARY_INLINE(operator^, k::bit_xor(r.ref(), xe.cref(), ye.cref()))
MF_RT_BINARY(bit_xnor, k::bit_xnor(r.ref(), xe.cref(), ye.cref()))
MF_RT_BINARY(operator/, word s[k::divmod_scratch(R::width)];
             k::divmod(r.ref(), k::VRef{nullptr, nullptr, R::width}, xe.cref(), ye.cref(),
                       R::is_signed, s))
MF_RT_BINARY(operator%, word s[k::divmod_scratch(R::width)];
             k::divmod(k::VRef{nullptr, nullptr, R::width}, r.ref(), xe.cref(), ye.cref(),
                       R::is_signed, s))
#undef MF_RT_BINARY
#undef MF_RT_BINARY_INLINE
#undef MF_RT_BINARY_AS

/// $clog2 (1364-2005 17.11.1): the ceiling of log2 of the value read unsigned, 0 for 0 and 1;
/// X when it has X/Z bits (as Icarus).
template <u32 W, bool S, bool F>
MF_HD inline Vec<32, true, F> clog2_of(const Vec<W, S, F>& v) {
    if constexpr (F)
        if (v.has_xz()) return Vec<32, true, F>::x();
    i64 hi = k::msb_index(v.a, Vec<W, S, F>::NW);
    if (hi <= 0) return Vec<32, true, F>(0);
    u32 ones = 0;
    for (u32 i = 0; i < Vec<W, S, F>::NW; ++i) ones += bits::popcount64(v.a[i]);
    return Vec<32, true, F>(u64(ones == 1 ? hi : hi + 1));
}

/// x ** e: the result has x's width and signedness; e is self-determined.
template <u32 W1, bool S1, bool F1, u32 W2, bool S2, bool F2>
MF_HD inline Vec<W1, S1, F1 || F2> power(const Vec<W1, S1, F1>& x, const Vec<W2, S2, F2>& e) {
    Vec<W1, S1, F1 || F2> r;
    word s[k::pow_scratch(W1)];
    k::pow(r.ref(), x.cref(), S1, e.cref(), S2, s);
    return r;
}

namespace detail {
/// <, <=, >, >= of one-word values inline; wider values call the kernel.
template <k::Rel Rl, class R>
MF_HD MF_INLINE Bit relation(const R& x, const R& y) {
    if constexpr (R::NW == 1) {
        if (x.b0() | y.b0()) return BX;
        bool lt, eq = x.a[0] == y.a[0];
        if constexpr (R::is_signed) {
            constexpr u32 up = 64 - R::width;
            lt = (i64(x.a[0] << up) >> up) < (i64(y.a[0] << up) >> up);
        } else {
            lt = x.a[0] < y.a[0];
        }
        bool v = Rl == k::Rel::LT   ? lt
                 : Rl == k::Rel::LE ? lt || eq
                 : Rl == k::Rel::GT ? !lt && !eq
                                    : !lt;
        return v ? B1 : B0;
    } else {
        return k::relation(Rl, x.cref(), y.cref(), R::is_signed);
    }
}
} // namespace detail

// Comparisons (operands extended to the common width and signedness first).
#define MF_RT_COMPARE(op, expr)                                                                    \
    template <u32 W1, bool S1, bool F1, u32 W2, bool S2, bool F2>                                  \
    MF_HD MF_INLINE detail::bool_t<Vec<W1, S1, F1>, Vec<W2, S2, F2>> op(                           \
        const Vec<W1, S1, F1>& x, const Vec<W2, S2, F2>& y) {                                      \
        using R = detail::arith_t<Vec<W1, S1, F1>, Vec<W2, S2, F2>>;                               \
        R xe = detail::to_op<R>(x), ye = detail::to_op<R>(y);                                      \
        return detail::bool_t<Vec<W1, S1, F1>, Vec<W2, S2, F2>>::from_bit(expr);                   \
    }
MF_RT_COMPARE(operator==, k::eq(xe.cref(), ye.cref()))
MF_RT_COMPARE(operator!=, k::bit_not(k::eq(xe.cref(), ye.cref())))
MF_RT_COMPARE(case_eq, k::case_eq(xe.cref(), ye.cref()) ? B1 : B0)
MF_RT_COMPARE(case_ne, k::case_eq(xe.cref(), ye.cref()) ? B0 : B1)
MF_RT_COMPARE(operator<, detail::relation<k::Rel::LT>(xe, ye))
MF_RT_COMPARE(operator<=, detail::relation<k::Rel::LE>(xe, ye))
MF_RT_COMPARE(operator>, detail::relation<k::Rel::GT>(xe, ye))
MF_RT_COMPARE(operator>=, detail::relation<k::Rel::GE>(xe, ye))
#undef MF_RT_COMPARE

// Logical operators: operands are self-determined.
template <u32 W1, bool S1, bool F1, u32 W2, bool S2, bool F2>
MF_HD MF_INLINE Vec<1, false, F1 || F2> operator&&(const Vec<W1, S1, F1>& x,
                                                   const Vec<W2, S2, F2>& y) {
    return Vec < 1, false, F1 || F2 > ::from_bit(k::bit_and(x.truth(), y.truth()));
}
template <u32 W1, bool S1, bool F1, u32 W2, bool S2, bool F2>
MF_HD MF_INLINE Vec<1, false, F1 || F2> operator||(const Vec<W1, S1, F1>& x,
                                                   const Vec<W2, S2, F2>& y) {
    return Vec < 1, false, F1 || F2 > ::from_bit(k::bit_or(x.truth(), y.truth()));
}

// Shifts: the result has x's type; the amount is self-determined and unsigned.
namespace detail {
/// Logical shift of a one-word value by a known amount (the common case, without the kernel's
/// word loop); false when the kernel must do it (wider values, arithmetic shifts).
template <k::Shift K, u32 W1, bool S1, bool F1, bool FR>
MF_HD MF_INLINE bool shift_word(Vec<W1, S1, FR>& r, const Vec<W1, S1, F1>& x, u64 n) {
    if constexpr (Vec<W1, S1, F1>::NW == 1 && (K == k::Shift::SHL || K == k::Shift::SHR)) {
        if (n >= W1) {
            r.a[0] = 0;
            if constexpr (FR) r.bp()[0] = 0;
            return true;
        }
        word m = k::top_mask(W1);
        r.a[0] = (K == k::Shift::SHL ? x.a[0] << n : x.a[0] >> n) & m;
        if constexpr (FR) r.bp()[0] = (K == k::Shift::SHL ? x.b0() << n : x.b0() >> n) & m;
        return true;
    } else {
        (void)r, (void)x, (void)n;
        return false;
    }
}
} // namespace detail

namespace detail {
template <class R, class X, class N>
MF_HD inline R shift_any(k::Shift kind, const X& x, const N& n) {
    R r;
    k::shift(kind, r.ref(), x.cref(), n.cref(), X::is_signed);
    return r;
}
} // namespace detail
#define MF_RT_SHIFT(op, kind)                                                                      \
    template <u32 W1, bool S1, bool F1, u32 W2, bool S2, bool F2>                                  \
    MF_HD MF_INLINE Vec<W1, S1, F1 || F2> op(const Vec<W1, S1, F1>& x, const Vec<W2, S2, F2>& n) { \
        Vec<W1, S1, F1 || F2> r;                                                                   \
        if constexpr (Vec<W2, S2, F2>::NW == 1)                                                    \
            if (n.b0() == 0 && detail::shift_word<kind>(r, x, n.a[0])) return r;                   \
        return detail::shift_any<Vec<W1, S1, F1 || F2>>(kind, x, n);                               \
    }                                                                                              \
    template <u32 W1, bool S1, bool F1>                                                            \
    MF_HD MF_INLINE Vec<W1, S1, F1> op(const Vec<W1, S1, F1>& x, u64 n) {                          \
        Vec<W1, S1, F1> r;                                                                         \
        if (detail::shift_word<kind>(r, x, n)) return r;                                           \
        return detail::shift_any<Vec<W1, S1, F1>>(kind, x, Vec<64, false, false>(n));              \
    }
MF_RT_SHIFT(operator<<, k::Shift::SHL)
MF_RT_SHIFT(operator>>, k::Shift::SHR)
MF_RT_SHIFT(ashl, k::Shift::ASHL)
MF_RT_SHIFT(ashr, k::Shift::ASHR)
#undef MF_RT_SHIFT

/// c ? x : y with the X merge rule.
namespace detail {
template <class R>
MF_HD inline R merge_x(const R& x, const R& y) {
    R r;
    k::cond(r.ref(), BX, x.cref(), y.cref());
    return r;
}
} // namespace detail
template <u32 WC, bool SC, bool FC, u32 W1, bool S1, bool F1, u32 W2, bool S2, bool F2>
MF_HD MF_INLINE detail::arith_t<Vec<W1, S1, F1>, Vec<W2, S2, F2>>
select(const Vec<WC, SC, FC>& c, const Vec<W1, S1, F1>& x, const Vec<W2, S2, F2>& y) {
    using R = detail::arith_t<Vec<W1, S1, F1>, Vec<W2, S2, F2>>;
    if constexpr (R::NW == 1 && Vec<WC, SC, FC>::NW == 1) {
        // A condition without X/Z bits picks one side with a mask, not a branch: conditions on
        // data (an LFSR's low bit) are taken at random, and a mispredicted branch costs more
        // than both sides. (Testing X/Z first keeps the compiler from branching on the value.)
        if (c.b0() == 0) {
            const R xe = detail::to_op<R>(x), ye = detail::to_op<R>(y);
            const word m = word(0) - word(c.a[0] != 0);
            R r;
            r.a[0] = (xe.a[0] & m) | (ye.a[0] & ~m);
            if constexpr (R::four_state) r.bplane()[0] = (xe.b0() & m) | (ye.b0() & ~m);
            return r;
        }
    }
    Bit t = c.truth();
    if (t == B1) return detail::to_op<R>(x); // a known condition picks one side as it is
    if (t == B0) return detail::to_op<R>(y);
    return detail::merge_x(detail::to_op<R>(x), detail::to_op<R>(y));
}

// Concatenation and replication: unsigned; 4-state if any part is.
namespace detail {
template <class... T>
struct concat_info;
template <>
struct concat_info<> {
    static constexpr u32 width = 0;
    static constexpr bool four = false;
};
template <u32 W, bool S, bool F, class... T>
struct concat_info<Vec<W, S, F>, T...> {
    static constexpr u32 width = W + concat_info<T...>::width;
    static constexpr bool four = F || concat_info<T...>::four;
};
template <class R>
MF_HD MF_INLINE void concat_into(R&, i64) {}
// Every part lies inside r, whose bits start zero, and a part's bits above its width are zero:
// shifts and ors place it (the general insert is a loop over masked windows, costly in hot
// generated code).
template <class R, u32 W, bool S, bool F, class... T>
MF_HD MF_INLINE void concat_into(R& r, i64 top, const Vec<W, S, F>& x, const T&... rest) {
    i64 off = top - i64(W);
    u32 lo = u32(off >> 6), sh = u32(off & 63);
    for (u32 j = 0; j < Vec<W, S, F>::NW; ++j) {
        r.a[lo + j] |= x.a[j] << sh;
        if constexpr (F) r.bplane()[lo + j] |= x.bplane()[j] << sh;
        if (sh && lo + j + 1 < R::NW) {
            r.a[lo + j + 1] |= x.a[j] >> (64 - sh);
            if constexpr (F) r.bplane()[lo + j + 1] |= x.bplane()[j] >> (64 - sh);
        }
    }
    concat_into(r, off, rest...);
}
} // namespace detail

/// {x, y, ...}: the first operand is the most significant.
template <class... T>
MF_HD MF_INLINE Vec<detail::concat_info<T...>::width, false, detail::concat_info<T...>::four>
concat(const T&... parts) {
    using R = Vec<detail::concat_info<T...>::width, false, detail::concat_info<T...>::four>;
    R r;
    detail::concat_into(r, i64(R::width), parts...);
    return r;
}

/// {N{x}}
template <u32 N, u32 W, bool S, bool F>
MF_HD MF_INLINE Vec<N * W, false, F> replicate(const Vec<W, S, F>& x) {
    static_assert(N >= 1, "replication count must be positive here");
    Vec<N * W, false, F> r;
    if constexpr (N * W <= 64) { // one word: copies of x spaced W bits apart, by a multiply
        word m = 0;
        for (u32 i = 0; i < N; ++i) m |= word(1) << (i * W);
        r.a[0] = x.a[0] * m;
        if constexpr (F) r.bp()[0] = x.b0() * m;
    } else {
        for (u32 i = 0; i < N; ++i) k::insert(r.ref(), i64(i) * W, x.cref());
    }
    return r;
}

// ---------------------------------------------------------------------------------------
// Real conversions

template <u32 W, bool S, bool F>
MF_HD inline double to_real(const Vec<W, S, F>& x) {
    return k::to_real(x.cref(), S);
}
/// real -> integer (round half away from zero), truncated to W bits.
template <class R>
MF_HD inline R from_real(double d) {
    R r;
    k::from_real(r.ref(), d);
    return r;
}
/// $itor of a real argument: its argument is an integer expression, so the real is first
/// converted to a 64-bit integer (rounded half away from zero; NaN and infinities give x, which
/// reads as 0), as Icarus does.
MF_HD inline double itor_of_real(double d) {
    return to_real(from_real<Vec<64, true, true>>(d));
}
/// $rtoi: truncation toward zero, as a 32-bit integer.
MF_HD inline Logic<32, true> rtoi(double d) {
    Logic<32, true> r;
    k::from_real_trunc(r.ref(), d);
    return r;
}
/// $itor
template <u32 W, bool S, bool F>
MF_HD inline double itor(const Vec<W, S, F>& x) {
    return k::to_real(x.cref(), S);
}
/// $realtobits / $bitstoreal
MF_HD inline Logic<64> realtobits(double d) {
    return Logic<64>(realfn::realtobits(d));
}
template <u32 W, bool S, bool F>
MF_HD inline double bitstoreal(const Vec<W, S, F>& x) {
    Vec<64, false, F> v(x);
    Vec<64, false, false> b(v); // X/Z bits read as 0
    return realfn::bitstoreal(b.a[0]);
}

} // namespace metalfpga::rt
