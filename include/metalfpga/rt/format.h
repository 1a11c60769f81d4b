// metalfpga value library: $display-family formatting (1364-2005 clause 17.1.1). Host only.
//
// format_vec / format_real / format_time format one argument for one conversion;
// format_display runs a whole $display argument list (string literals are format strings,
// other arguments use the task's default radix). Behaviour follows the standard and, where
// it is silent (field widths, %s padding, %v of vectors), Icarus Verilog; docs/values.md
// lists the choices.
#pragma once

#include "metalfpga/rt/value.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace metalfpga::rt::fmt {

/// One conversion: %[-][+][0][width][.precision]conv.
struct Spec {
    char conv = 'd';    ///< b o h x d c s t e f g m l v u z (lower case)
    int width = -1;     ///< -1: automatic (the width the value's type needs); 0: minimal
    int precision = -1; ///< %e %f %g %t; -1: default
    bool left = false;  ///< '-': left-justify
    bool zero = false;  ///< '0' flag with a width: pad numbers with zeros
    bool plus = false;  ///< '+': sign on non-negative decimals
    bool alt = false;   ///< '#' (C alternate form; used for reals printed without a format)
};

namespace detail {

/// Decimal digits of an unsigned plane (n words).
inline std::string to_decimal(std::vector<word> v) {
    std::string out;
    auto nonzero = [&] {
        for (word x : v)
            if (x) return true;
        return false;
    };
    if (!nonzero()) return "0";
    __extension__ typedef unsigned __int128 u128;
    const word chunk = 10000000000000000000ull; // 10^19
    while (nonzero()) {
        u128 rem = 0;
        for (size_t i = v.size(); i-- > 0;) {
            u128 cur = (rem << 64) | v[i];
            v[i] = static_cast<word>(cur / chunk);
            rem = cur % chunk;
        }
        word r = static_cast<word>(rem);
        bool more = nonzero();
        for (int d = 0; d < 19 && (more || r); ++d) {
            out += static_cast<char>('0' + r % 10);
            r /= 10;
        }
    }
    return std::string(out.rbegin(), out.rend());
}

/// Digits of the largest magnitude a value of this type can hold (for automatic %d width).
inline size_t auto_decimal_width(u32 w, bool sgn) {
    std::vector<word> v(k::nwords(w + 1), 0);
    // A 1-bit signed value gets width 1 as in Icarus (its 0 prints "0", its -1 "-1").
    if (sgn && w > 1) {
        v[(w - 1) / 64] = word(1) << ((w - 1) % 64); // 2^(w-1)
        return to_decimal(v).size() + 1;
    }
    Value ones = Value::all_x(w); // value plane all ones
    return to_decimal(ones.aval()).size();
}

inline std::string pad(std::string s, const Spec& sp, size_t auto_width, bool numeric) {
    size_t width = sp.width < 0 ? auto_width : static_cast<size_t>(sp.width);
    if (s.size() >= width) return s;
    size_t n = width - s.size();
    if (sp.left) return s + std::string(n, ' ');
    if (sp.zero && numeric) {
        size_t at = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
        return s.substr(0, at) + std::string(n, '0') + s.substr(at);
    }
    return std::string(n, ' ') + s;
}

/// The X/Z digit rule: all x -> x, all z -> z, some x -> X, some z -> Z.
inline char xz_digit(u32 nbits, u32 nx, u32 nz) {
    if (nx == nbits) return 'x';
    if (nz == nbits) return 'z';
    return nx ? 'X' : 'Z';
}

} // namespace detail

/// %b %o %h %x: digits with the X/Z rules, most significant first, all digits kept.
inline std::string radix_digits(k::CRef v, u32 bits_per_digit) {
    u32 nd = (v.w + bits_per_digit - 1) / bits_per_digit;
    std::string s(nd, '0');
    for (u32 d = 0; d < nd; ++d) {
        u32 lo = d * bits_per_digit;
        u32 hi = lo + bits_per_digit < v.w ? lo + bits_per_digit : v.w;
        u32 val = 0, nx = 0, nz = 0;
        for (u32 i = lo; i < hi; ++i) {
            Bit b = k::get_bit(v, i);
            if (b == BX) ++nx;
            if (b == BZ) ++nz;
            if (b == B1) val |= 1u << (i - lo);
        }
        char c = (nx || nz) ? detail::xz_digit(hi - lo, nx, nz) : "0123456789abcdef"[val];
        if (bits_per_digit == 1 && (nx || nz)) c = nx ? 'x' : 'z';
        s[nd - 1 - d] = c;
    }
    return s;
}

/// %d digits (with '-' for negative signed values), or x/X/z/Z for unknown values.
inline std::string decimal_digits(k::CRef v, bool sgn, bool plus = false) {
    u32 nx = 0, nz = 0;
    if (v.b)
        for (u32 i = 0; i < v.w; ++i) {
            Bit b = k::get_bit(v, i);
            nx += b == BX;
            nz += b == BZ;
        }
    if (nx || nz) return std::string(1, detail::xz_digit(v.w, nx, nz));
    std::vector<word> mag(v.a, v.a + k::nwords(v.w));
    bool negative = sgn && k::sign_bit(v) == B1;
    // The most negative value's magnitude 2^(w-1) still fits in w unsigned bits.
    if (negative) k::negate_plane(mag.data(), v.w);
    std::string d = detail::to_decimal(mag);
    if (negative) return "-" + d;
    return plus ? "+" + d : d;
}

/// Format one integral argument for %b %o %h %x %d %c %s %v %u %z.
inline std::string format_vec(const Spec& sp, k::CRef v, bool sgn) {
    switch (sp.conv) {
    case 'b':
    case 'o':
    case 'h':
    case 'x': {
        u32 bpd = sp.conv == 'b' ? 1 : sp.conv == 'o' ? 3 : 4;
        std::string s = radix_digits(v, bpd);
        if (sp.width == 0) {
            size_t first = s.find_first_not_of('0');
            s = first == std::string::npos ? "0" : s.substr(first);
        }
        return detail::pad(s, sp, 0, true);
    }
    case 'd': {
        std::string s = decimal_digits(v, sgn, sp.plus);
        return detail::pad(s, sp, sp.width < 0 ? detail::auto_decimal_width(v.w, sgn) : 0, true);
    }
    case 'c': {
        word a = v.a[0] & ~k::ldb(v.b, 0);
        return detail::pad(std::string(1, static_cast<char>(a & 0xff)), sp, 0, false);
    }
    case 's': {
        u32 nbytes = (v.w + 7) / 8;
        std::string s;
        bool leading = true;
        for (u32 i = nbytes; i-- > 0;) {
            u32 c = 0;
            for (u32 j = 0; j < 8 && i * 8 + j < v.w; ++j)
                if (k::get_bit(v, i * 8 + j) == B1) c |= 1u << j;
            if (c == 0 && leading && sp.width == 0) continue;
            leading = leading && c == 0;
            s += c ? static_cast<char>(c) : ' ';
        }
        return detail::pad(s, sp, 0, false);
    }
    case 'v': {
        std::string s;
        for (u32 i = v.w; i-- > 0;) {
            static const char* const names[] = {"St0", "St1", "HiZ", "StX"};
            s += names[k::get_bit(v, i)];
            if (i) s += '_';
        }
        return detail::pad(s, sp, 0, false);
    }
    case 'u':
    case 'z': {
        // Raw little-endian 32-bit words: %u the 2-state value (X/Z as 0), %z (aval, bval)
        // pairs.
        std::string s;
        u32 n32 = (v.w + 31) / 32;
        auto put32 = [&](u32 x) {
            for (int i = 0; i < 4; ++i) s += static_cast<char>((x >> (8 * i)) & 0xff);
        };
        for (u32 i = 0; i < n32; ++i) {
            word a = v.a[i / 2] >> (32 * (i % 2));
            word b = k::ldb(v.b, i / 2) >> (32 * (i % 2));
            if (sp.conv == 'u') {
                put32(static_cast<u32>(a & ~b));
            } else {
                put32(static_cast<u32>(a));
                put32(static_cast<u32>(b));
            }
        }
        return s;
    }
    default:
        return std::string();
    }
}

/// A value's characters (clause 4.2.3: 8 bits each, the most significant first), NUL bytes
/// left out.
inline std::string value_text(const Value& v) {
    std::string s;
    u32 n = (v.width() + 7) / 8;
    for (u32 c = n; c-- > 0;) {
        unsigned ch = 0;
        for (u32 b = 0; b < 8 && c * 8 + b < v.width(); ++b)
            if (v.bit(static_cast<i64>(c * 8 + b)) == B1) ch |= 1u << b;
        if (ch) s += static_cast<char>(ch);
    }
    return s;
}

inline std::string format_value(const Spec& sp, const Value& v) {
    return format_vec(sp, v.cref(), v.is_signed());
}

/// %e %f %g of a real (C printf semantics, default precision 6).
inline std::string format_real(const Spec& sp, double d) {
    if (sp.conv == 'd') { // %d of a real: rounded to an integer
        Value v = val::from_real(d, 64, true);
        Spec s2 = sp;
        if (s2.width < 0) s2.width = 0;
        // As Icarus: a negative real that rounds to zero keeps its sign.
        if (d < 0 && d > -0.5) return detail::pad("-0", s2, 0, true);
        return format_value(s2, v);
    }
    std::string f = "%";
    if (sp.left) f += '-';
    if (sp.plus) f += '+';
    if (sp.alt) f += '#';
    if (sp.zero) f += '0';
    if (sp.width > 0) f += std::to_string(sp.width);
    if (sp.precision >= 0) f += "." + std::to_string(sp.precision);
    f += (sp.conv == 'e' || sp.conv == 'f' || sp.conv == 'g') ? sp.conv : 'g';
    char buf[512];
    std::snprintf(buf, sizeof buf, f.c_str(), d);
    return buf;
}

/// $timeformat settings (clause 17.3.2). units is a power of ten (-15 .. 2).
struct TimeFormat {
    int units = -9;
    int precision = 0;
    std::string suffix;
    int min_width = 20;
};

/// %t of a time value expressed in units of 10^value_units seconds (the module's time
/// unit).
inline std::string format_time(const Spec& sp, double t, int value_units, const TimeFormat& tf) {
    double scaled = t * std::pow(10.0, value_units - tf.units);
    int prec = sp.precision >= 0 ? sp.precision : tf.precision;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", prec, scaled);
    std::string s = std::string(buf) + tf.suffix;
    Spec p = sp;
    return detail::pad(s, p, sp.width < 0 ? static_cast<size_t>(tf.min_width) : 0, false);
}

/// %t of an integer time value (exact for integer scalings).
inline std::string format_time(const Spec& sp, const Value& t, int value_units,
                               const TimeFormat& tf) {
    int k10 = value_units - tf.units;
    int prec = sp.precision >= 0 ? sp.precision : tf.precision;
    std::string s;
    if (k10 >= 0 && !t.has_xz()) {
        s = decimal_digits(t.cref(), false) + std::string(static_cast<size_t>(k10), '0');
        if (s.find_first_not_of('0') == std::string::npos) s = "0";
        if (prec > 0) s += "." + std::string(static_cast<size_t>(prec), '0');
        s += tf.suffix;
        return detail::pad(s, sp, sp.width < 0 ? static_cast<size_t>(tf.min_width) : 0, false);
    }
    if (t.has_xz()) {
        s = decimal_digits(t.cref(), false) + tf.suffix;
        return detail::pad(s, sp, sp.width < 0 ? static_cast<size_t>(tf.min_width) : 0, false);
    }
    return format_time(sp, val::to_real(t), value_units, tf);
}

/// One $display argument.
struct Arg {
    enum Kind { Vector, Real, String, Empty } kind = Vector;
    Value v;       ///< Vector
    double r = 0;  ///< Real
    std::string s; ///< String: a string literal, used as a format string
    bool is_time = false;
    int realtime_digits = -1; ///< Real from $realtime: decimals without a format (-1: %#g)
    /// Vector of a net with strengths: per bit (least significant first) its strength value,
    /// encoded as in rt/strength.h, for %v.
    std::vector<u8> strength;

    static Arg vec(Value x) {
        Arg a;
        a.v = std::move(x);
        return a;
    }
    static Arg real(double d) {
        Arg a;
        a.kind = Real;
        a.r = d;
        return a;
    }
    static Arg str(std::string s) {
        Arg a;
        a.kind = String;
        a.s = std::move(s);
        return a;
    }
};

/// What %m %l %t need to know.
struct Context {
    std::string scope;                 ///< %m: hierarchical name of the calling scope
    std::string library_cell = "work"; ///< %l: library.cell
    int time_units = -9;               ///< time unit of the calling module (power of ten)
    TimeFormat timeformat;
};

/// %v of strength values (one byte per bit, least significant first, encoded as in
/// rt/strength.h), as Icarus Verilog prints them: per bit, most significant first and joined by
/// '_', a strength name and the value (St0, Pu1, StX, HiZ, WeL, PuH), or for a range of
/// strengths the levels of its two ends as digits (650: St0 to Pu0; 56X: Pu0 to St1).
inline std::string format_strengths(const std::vector<u8>& sv) {
    static const char* const names[] = {"Hi", "Sm", "Me", "We", "La", "Pu", "St", "Su"};
    auto level = [](u32 pos) { return pos <= 7 ? 7 - pos : pos - 8; };
    std::string s;
    for (size_t i = sv.size(); i-- > 0;) {
        u32 lo = sv[i] & 15u, hi = sv[i] >> 4;
        u32 l0 = level(lo), l1 = level(hi);
        std::string t;
        if (l0 == 0 && l1 == 0) {
            t = "HiZ";
        } else if (hi <= 7 || lo >= 8) { // 0 or 1: the stronger end first
            u32 a = l0 > l1 ? l0 : l1, b = l0 > l1 ? l1 : l0;
            t = a == b ? std::string(names[a]) : std::string{char('0' + a), char('0' + b)};
            t += hi <= 7 ? '0' : '1';
        } else if (l0 == 0) {
            t = std::string(names[l1]) + "H";
        } else if (l1 == 0) {
            t = std::string(names[l0]) + "L";
        } else if (l0 == l1) {
            t = std::string(names[l0]) + "X";
        } else {
            t = std::string{char('0' + l0), char('0' + l1), 'X'};
        }
        s += t;
        if (i) s += '_';
    }
    return s;
}

/// Format one argument for one conversion.
inline std::string format_arg(const Spec& sp, const Arg& a, const Context& ctx) {
    if (sp.conv == 'v' && a.kind == Arg::Vector && !a.strength.empty())
        return detail::pad(format_strengths(a.strength), sp, 0, false);
    if (sp.conv == 't') {
        if (a.kind == Arg::Real) return format_time(sp, a.r, ctx.time_units, ctx.timeformat);
        return format_time(sp, a.v, ctx.time_units, ctx.timeformat);
    }
    if (a.kind == Arg::Real) {
        if (sp.conv == 'e' || sp.conv == 'f' || sp.conv == 'g' || sp.conv == 'd')
            return format_real(sp, a.r);
        return format_value(sp, val::from_real(a.r, 64, true));
    }
    if (a.kind == Arg::String) {
        // A string literal as an argument of a conversion: its bytes as an 8-bit-per-char
        // vector.
        Value v(static_cast<u32>(a.s.empty() ? 8 : a.s.size() * 8), false);
        for (size_t i = 0; i < a.s.size(); ++i)
            for (u32 j = 0; j < 8; ++j)
                v.set_bit(static_cast<i64>((a.s.size() - 1 - i) * 8 + j),
                          ((static_cast<unsigned char>(a.s[i]) >> j) & 1) ? B1 : B0);
        if (sp.conv == 's' && sp.width < 0) return a.s;
        return format_value(sp, v);
    }
    if (a.kind == Arg::Empty) return std::string();
    if (sp.conv == 'e' || sp.conv == 'f' || sp.conv == 'g')
        return format_real(sp, val::to_real(a.v));
    return format_value(sp, a.v);
}

/// Parse the conversion starting after '%' at fmt[i]; advances i past it. Returns false
/// for an unknown conversion.
inline bool parse_spec(std::string_view fmt, size_t& i, Spec& sp) {
    sp = Spec{};
    while (i < fmt.size() && (fmt[i] == '-' || fmt[i] == '+' || fmt[i] == '0')) {
        if (fmt[i] == '-') sp.left = true;
        if (fmt[i] == '+') sp.plus = true;
        if (fmt[i] == '0') {
            if (i + 1 < fmt.size() && fmt[i + 1] >= '0' && fmt[i + 1] <= '9')
                sp.zero = true;
            else
                sp.width = 0;
        }
        ++i;
    }
    if (i < fmt.size() && fmt[i] >= '1' && fmt[i] <= '9') {
        sp.width = 0;
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
            sp.width = sp.width * 10 + (fmt[i++] - '0');
    }
    if (i < fmt.size() && fmt[i] == '.') {
        ++i;
        sp.precision = 0;
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
            sp.precision = sp.precision * 10 + (fmt[i++] - '0');
    }
    if (i >= fmt.size()) return false;
    char c = fmt[i++];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == 'x') c = 'h';
    sp.conv = c;
    switch (c) {
    case 'b':
    case 'o':
    case 'h':
    case 'd':
    case 'c':
    case 's':
    case 't':
    case 'e':
    case 'f':
    case 'g':
    case 'm':
    case 'l':
    case 'v':
    case 'u':
    case 'z':
        return true;
    default:
        return false;
    }
}

/// Format a whole $display/$write argument list. String-literal arguments are format
/// strings and consume the arguments their conversions name; other arguments are printed
/// with default_conv ('d' for $display, 'b' 'o' 'h' for $displayb/o/h) at automatic width.
/// With single_format ($sformat), the first argument is the only format string: string
/// literals after it are values, and arguments its conversions leave unused are ignored.
inline std::string format_display(const std::vector<Arg>& args, const Context& ctx,
                                  char default_conv = 'd', bool single_format = false) {
    std::string out;
    size_t next = 0;
    while (next < args.size()) {
        if (single_format && next > 0) break;
        const Arg& a = args[next++];
        if (a.kind != Arg::String) {
            if (a.kind == Arg::Empty) { // $display(a,,b) prints a space for the empty argument
                out += ' ';
                continue;
            }
            Spec sp;
            sp.conv = a.kind == Arg::Real ? 'g' : default_conv;
            sp.alt = a.kind == Arg::Real; // Icarus prints reals without a format as %#g
            if (a.kind == Arg::Real && a.realtime_digits >= 0) { // and $realtime as %.Nf
                sp.conv = 'f';
                sp.alt = false;
                sp.precision = a.realtime_digits;
            }
            out += format_arg(sp, a, ctx);
            continue;
        }
        std::string_view f = a.s;
        for (size_t i = 0; i < f.size();) {
            char c = f[i];
            if (c != '%') {
                out += c;
                ++i;
                continue;
            }
            ++i;
            if (i < f.size() && f[i] == '%') {
                out += '%';
                ++i;
                continue;
            }
            size_t start = i - 1;
            Spec sp;
            if (!parse_spec(f, i, sp)) {
                out += std::string(f.substr(start, i - start));
                continue;
            }
            if (sp.conv == 'm') {
                out += detail::pad(ctx.scope, sp, 0, false);
                continue;
            }
            if (sp.conv == 'l') {
                out += detail::pad(ctx.library_cell, sp, 0, false);
                continue;
            }
            if (next >= args.size()) {
                // A missing argument prints the conversion as Icarus does: "<%-+0W.Pc>".
                std::string m = "<%";
                if (sp.left) m += '-';
                if (sp.plus) m += '+';
                if (sp.zero) m += '0';
                if (sp.width >= 0) m += std::to_string(sp.width);
                if (sp.precision >= 0) m += "." + std::to_string(sp.precision);
                out += m + f[i - 1] + '>';
                continue;
            }
            out += format_arg(sp, args[next++], ctx);
        }
    }
    return out;
}

} // namespace metalfpga::rt::fmt
