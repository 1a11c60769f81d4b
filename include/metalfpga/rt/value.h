// metalfpga value library: run-time-width 4-state values for the compiler (constant
// evaluation, parameters of any width). Host only.
//
// Value stores its width and signedness as run-time fields and its two planes in
// std::vectors; every operator calls the same word-span kernels (kernels.h) as the
// compile-time-width Logic<W>/Bits<W>, so both compute identical results.
//
// Operator typing is the self-determined rule of 1364-2005 clause 5.5 (see logic.h); for
// context-determined expressions the caller extends operands with resized() first.
#pragma once

#include "metalfpga/rt/real.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace metalfpga::rt {

class Value {
  public:
    /// A 1-bit unsigned 0.
    Value() : Value(1, false) {}
    /// Zero of the given width (>= 1) and signedness.
    explicit Value(u32 width, bool is_signed = false)
        : w_(width ? width : 1), s_(is_signed), a_(k::nwords(w_)), b_(k::nwords(w_)) {}

    static Value from_u64(u32 width, u64 v, bool is_signed = false) {
        Value r(width, is_signed);
        k::set_u64(r.ref(), v, false);
        return r;
    }
    static Value from_i64(u32 width, i64 v, bool is_signed = true) {
        Value r(width, is_signed);
        k::set_u64(r.ref(), static_cast<u64>(v), true);
        return r;
    }
    static Value all_x(u32 width, bool is_signed = false) {
        Value r(width, is_signed);
        k::set_x(r.ref());
        return r;
    }
    static Value all_z(u32 width, bool is_signed = false) {
        Value r(width, is_signed);
        k::set_z(r.ref());
        return r;
    }
    static Value from_bit(Bit c) {
        Value r(1, false);
        k::set_bit_code(r.ref(), c);
        return r;
    }
    /// From binary digits, most significant first: 0 1 x X z Z ? (and _ ignored). The width
    /// is the number of digits.
    static Value from_binary(std::string_view digits, bool is_signed = false) {
        u32 n = 0;
        for (char c : digits) n += c != '_';
        Value r(n ? n : 1, is_signed);
        u32 i = n;
        for (char c : digits) {
            if (c == '_') continue;
            --i;
            Bit b = B0;
            switch (c) {
            case '1':
                b = B1;
                break;
            case 'x':
            case 'X':
                b = BX;
                break;
            case 'z':
            case 'Z':
            case '?':
                b = BZ;
                break;
            default:
                b = B0;
                break;
            }
            k::set_bit(r.ref(), i, b);
        }
        return r;
    }

    u32 width() const { return w_; }
    bool is_signed() const { return s_; }
    k::CRef cref() const { return k::CRef{a_.data(), b_.data(), w_}; }
    k::VRef ref() { return k::VRef{a_.data(), b_.data(), w_}; }
    const std::vector<word>& aval() const { return a_; }
    const std::vector<word>& bval() const { return b_; }

    bool has_xz() const { return k::has_xz(cref()); }
    u64 to_u64() const { return a_[0]; }
    /// Bit i (0 = least significant); out of range gives X.
    Bit bit(i64 i) const { return k::bit_at(cref(), i); }
    void set_bit(i64 i, Bit c) {
        if (i >= 0 && i < i64(w_)) k::set_bit(ref(), u32(i), c);
    }
    /// The logical value (clause 5.1.9).
    Bit truth() const { return k::truth(cref()); }

    /// Extended (per this value's signedness) or truncated to width.
    Value resized(u32 width) const {
        Value r(width, s_);
        k::resize(r.ref(), cref(), s_);
        return r;
    }
    /// Extended/truncated to width with the given signedness; extension uses this value's
    /// signedness (as an assignment does).
    Value converted(u32 width, bool is_signed) const {
        Value r = resized(width);
        r.s_ = is_signed;
        return r;
    }
    Value with_signed(bool is_signed) const {
        Value r = *this;
        r.s_ = is_signed;
        return r;
    }

    /// Binary digits, most significant first (0 1 x z).
    std::string to_binary() const {
        std::string s(w_, '0');
        for (u32 i = 0; i < w_; ++i) s[w_ - 1 - i] = "01zx"[k::get_bit(cref(), i)];
        return s;
    }

    /// Case equality of value, width and signedness.
    friend bool operator==(const Value& x, const Value& y) {
        return x.w_ == y.w_ && x.s_ == y.s_ && x.a_ == y.a_ && x.b_ == y.b_;
    }
    friend bool operator!=(const Value& x, const Value& y) { return !(x == y); }

  private:
    u32 w_;
    bool s_;
    std::vector<word> a_, b_;
};

namespace val {

/// Both operands converted to the self-determined operation type (max width, signed iff
/// both signed).
inline void common(const Value& x, const Value& y, Value& xe, Value& ye) {
    u32 w = x.width() > y.width() ? x.width() : y.width();
    bool s = x.is_signed() && y.is_signed();
    xe = Value(w, s);
    ye = Value(w, s);
    k::resize(xe.ref(), x.cref(), s);
    k::resize(ye.ref(), y.cref(), s);
}

#define MF_RT_VBINARY(name, ...)                                                                   \
    inline Value name(const Value& x, const Value& y) {                                            \
        Value xe, ye;                                                                              \
        common(x, y, xe, ye);                                                                      \
        Value r(xe.width(), xe.is_signed());                                                       \
        __VA_ARGS__;                                                                               \
        return r;                                                                                  \
    }
MF_RT_VBINARY(add, k::add(r.ref(), xe.cref(), ye.cref()))
MF_RT_VBINARY(sub, k::sub(r.ref(), xe.cref(), ye.cref()))
MF_RT_VBINARY(mul, k::mul(r.ref(), xe.cref(), ye.cref()))
MF_RT_VBINARY(bit_and, k::bit_and(r.ref(), xe.cref(), ye.cref()))
MF_RT_VBINARY(bit_or, k::bit_or(r.ref(), xe.cref(), ye.cref()))
MF_RT_VBINARY(bit_xor, k::bit_xor(r.ref(), xe.cref(), ye.cref()))
MF_RT_VBINARY(bit_xnor, k::bit_xnor(r.ref(), xe.cref(), ye.cref()))
MF_RT_VBINARY(div, std::vector<word> s(k::divmod_scratch(r.width()));
              k::divmod(r.ref(), k::VRef{nullptr, nullptr, r.width()}, xe.cref(), ye.cref(),
                        r.is_signed(), s.data()))
MF_RT_VBINARY(mod, std::vector<word> s(k::divmod_scratch(r.width()));
              k::divmod(k::VRef{nullptr, nullptr, r.width()}, r.ref(), xe.cref(), ye.cref(),
                        r.is_signed(), s.data()))
MF_RT_VBINARY(merge, k::merge(r.ref(), xe.cref(), ye.cref()))
#undef MF_RT_VBINARY

#define MF_RT_VCOMPARE(name, ...)                                                                  \
    inline Value name(const Value& x, const Value& y) {                                            \
        Value xe, ye;                                                                              \
        common(x, y, xe, ye);                                                                      \
        bool sgn = xe.is_signed();                                                                 \
        (void)sgn;                                                                                 \
        return Value::from_bit(__VA_ARGS__);                                                       \
    }
MF_RT_VCOMPARE(eq, k::eq(xe.cref(), ye.cref()))
MF_RT_VCOMPARE(ne, k::bit_not(k::eq(xe.cref(), ye.cref())))
MF_RT_VCOMPARE(case_eq, k::case_eq(xe.cref(), ye.cref()) ? B1 : B0)
MF_RT_VCOMPARE(case_ne, k::case_eq(xe.cref(), ye.cref()) ? B0 : B1)
MF_RT_VCOMPARE(lt, k::relation(k::Rel::LT, xe.cref(), ye.cref(), sgn))
MF_RT_VCOMPARE(le, k::relation(k::Rel::LE, xe.cref(), ye.cref(), sgn))
MF_RT_VCOMPARE(gt, k::relation(k::Rel::GT, xe.cref(), ye.cref(), sgn))
MF_RT_VCOMPARE(ge, k::relation(k::Rel::GE, xe.cref(), ye.cref(), sgn))
#undef MF_RT_VCOMPARE
/// casez (z_only) / casex item match (see k::case_wild); operands are extended to a common width.
inline bool case_wild(const Value& x, const Value& y, bool z_only) {
    Value xe, ye;
    common(x, y, xe, ye);
    return k::case_wild(xe.cref(), ye.cref(), z_only);
}

inline Value bit_not(const Value& x) {
    Value r(x.width(), x.is_signed());
    k::bit_not(r.ref(), x.cref());
    return r;
}
inline Value neg(const Value& x) {
    Value r(x.width(), x.is_signed());
    k::neg(r.ref(), x.cref());
    return r;
}
/// Unary plus is the identity ("same as m", table 5-5), X/Z bits included.
inline Value plus(const Value& x) {
    return x;
}
inline Value log_not(const Value& x) {
    return Value::from_bit(k::bit_not(x.truth()));
}
inline Value log_and(const Value& x, const Value& y) {
    return Value::from_bit(k::bit_and(x.truth(), y.truth()));
}
inline Value log_or(const Value& x, const Value& y) {
    return Value::from_bit(k::bit_or(x.truth(), y.truth()));
}
inline Value red_and(const Value& x) {
    return Value::from_bit(k::red_and(x.cref()));
}
inline Value red_or(const Value& x) {
    return Value::from_bit(k::red_or(x.cref()));
}
inline Value red_xor(const Value& x) {
    return Value::from_bit(k::red_xor(x.cref()));
}
inline Value red_nand(const Value& x) {
    return Value::from_bit(k::bit_not(k::red_and(x.cref())));
}
inline Value red_nor(const Value& x) {
    return Value::from_bit(k::bit_not(k::red_or(x.cref())));
}
inline Value red_xnor(const Value& x) {
    return Value::from_bit(k::bit_not(k::red_xor(x.cref())));
}

/// x ** e: x's width and signedness; e self-determined.
inline Value pow(const Value& x, const Value& e) {
    Value r(x.width(), x.is_signed());
    std::vector<word> s(k::pow_scratch(x.width()));
    k::pow(r.ref(), x.cref(), x.is_signed(), e.cref(), e.is_signed(), s.data());
    return r;
}

/// Shifts: x's type; the amount is self-determined and unsigned.
inline Value shift(k::Shift kind, const Value& x, const Value& n) {
    Value r(x.width(), x.is_signed());
    k::shift(kind, r.ref(), x.cref(), n.cref(), x.is_signed());
    return r;
}
inline Value shl(const Value& x, const Value& n) {
    return shift(k::Shift::SHL, x, n);
}
inline Value shr(const Value& x, const Value& n) {
    return shift(k::Shift::SHR, x, n);
}
inline Value ashl(const Value& x, const Value& n) {
    return shift(k::Shift::ASHL, x, n);
}
inline Value ashr(const Value& x, const Value& n) {
    return shift(k::Shift::ASHR, x, n);
}

/// c ? x : y (operands at the common type).
inline Value cond(const Value& c, const Value& x, const Value& y) {
    Value xe, ye;
    common(x, y, xe, ye);
    Value r(xe.width(), xe.is_signed());
    k::cond(r.ref(), c.truth(), xe.cref(), ye.cref());
    return r;
}

/// {parts[0], parts[1], ...}: parts[0] is the most significant; unsigned.
inline Value concat(const std::vector<Value>& parts) {
    u32 w = 0;
    for (const Value& p : parts) w += p.width();
    Value r(w ? w : 1, false);
    i64 top = w;
    for (const Value& p : parts) {
        top -= p.width();
        k::insert(r.ref(), top, p.cref());
    }
    return r;
}

/// {n{x}} (n >= 1).
inline Value replicate(u32 n, const Value& x) {
    Value r(n * x.width(), false);
    for (u32 i = 0; i < n; ++i) k::insert(r.ref(), i64(i) * x.width(), x.cref());
    return r;
}

/// Part select read [off, off+len) (offsets from bit 0); out-of-range bits are X.
inline Value extract(const Value& x, i64 off, u32 len) {
    Value r(len, false);
    k::extract(r.ref(), x.cref(), off);
    return r;
}

/// Part select write; out-of-range bits ignored.
inline void insert(Value& dst, i64 off, const Value& v) {
    k::insert(dst.ref(), off, v.cref());
}

inline double to_real(const Value& x) {
    return k::to_real(x.cref(), x.is_signed());
}
/// real -> integer (round half away from zero) of the given width.
inline Value from_real(double d, u32 width, bool is_signed = true) {
    Value r(width, is_signed);
    k::from_real(r.ref(), d);
    return r;
}
/// $rtoi
inline Value rtoi(double d) {
    Value r(32, true);
    k::from_real_trunc(r.ref(), d);
    return r;
}

} // namespace val

inline Value operator+(const Value& x, const Value& y) {
    return val::add(x, y);
}
inline Value operator-(const Value& x, const Value& y) {
    return val::sub(x, y);
}
inline Value operator*(const Value& x, const Value& y) {
    return val::mul(x, y);
}
inline Value operator/(const Value& x, const Value& y) {
    return val::div(x, y);
}
inline Value operator%(const Value& x, const Value& y) {
    return val::mod(x, y);
}
inline Value operator&(const Value& x, const Value& y) {
    return val::bit_and(x, y);
}
inline Value operator|(const Value& x, const Value& y) {
    return val::bit_or(x, y);
}
inline Value operator^(const Value& x, const Value& y) {
    return val::bit_xor(x, y);
}
inline Value operator~(const Value& x) {
    return val::bit_not(x);
}
inline Value operator-(const Value& x) {
    return val::neg(x);
}
inline Value operator<<(const Value& x, const Value& n) {
    return val::shl(x, n);
}
inline Value operator>>(const Value& x, const Value& n) {
    return val::shr(x, n);
}

} // namespace metalfpga::rt
