// A deliberately simple reference model of Verilog 4-state values for testing the value
// library: a value is a string of bit characters '0' '1' 'x' 'z' (least significant first)
// plus a signedness flag, and arithmetic is done bit by bit on vectors of ints. It shares
// no code with the library.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace reftest {

struct R {
    std::string b; // b[0] is bit 0
    bool s = false;
    size_t w() const { return b.size(); }
};

using BV = std::vector<int>; // 0/1, least significant first

inline R make(const std::string& msb_first, bool s) {
    R r;
    r.b.assign(msb_first.rbegin(), msb_first.rend());
    r.s = s;
    return r;
}
inline std::string str(const R& r) {
    return std::string(r.b.rbegin(), r.b.rend());
}

inline bool has_xz(const R& r) {
    return std::any_of(r.b.begin(), r.b.end(), [](char c) { return c == 'x' || c == 'z'; });
}
inline R all(size_t w, char c, bool s = false) {
    return R{std::string(w, c), s};
}
inline R bit1(char c) {
    return R{std::string(1, c), false};
}

/// Extend (sign-extend if sext) or truncate to w bits.
inline R extend(const R& x, size_t w, bool sext, bool s) {
    R r;
    r.s = s;
    for (size_t i = 0; i < w; ++i) {
        if (i < x.w())
            r.b += x.b[i];
        else
            r.b += sext ? x.b.back() : '0';
    }
    return r;
}

/// Both operands extended to the self-determined operation type.
inline void common(const R& x, const R& y, R& xe, R& ye) {
    size_t w = std::max(x.w(), y.w());
    bool s = x.s && y.s;
    xe = extend(x, w, s, s);
    ye = extend(y, w, s, s);
}

inline BV bv(const R& r) {
    BV v;
    for (char c : r.b) v.push_back(c == '1' ? 1 : 0);
    return v;
}
inline R from_bv(const BV& v, bool s) {
    R r;
    r.s = s;
    for (int b : v) r.b += b ? '1' : '0';
    return r;
}
inline BV badd(const BV& a, const BV& b) {
    BV r(a.size());
    int c = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int t = a[i] + b[i] + c;
        r[i] = t & 1;
        c = t >> 1;
    }
    return r;
}
inline BV bnot(const BV& a) {
    BV r(a.size());
    for (size_t i = 0; i < a.size(); ++i) r[i] = !a[i];
    return r;
}
inline BV bneg(const BV& a) {
    BV one(a.size(), 0);
    one[0] = 1;
    return badd(bnot(a), one);
}
inline BV bmul(const BV& a, const BV& b) {
    size_t w = a.size();
    BV r(w, 0);
    for (size_t i = 0; i < w; ++i) {
        if (!b[i]) continue;
        BV sh(w, 0);
        for (size_t j = i; j < w; ++j) sh[j] = a[j - i];
        r = badd(r, sh);
    }
    return r;
}
inline bool bzero(const BV& a) {
    return std::all_of(a.begin(), a.end(), [](int v) { return v == 0; });
}
inline int bcmpu(const BV& a, const BV& b) {
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}
/// Restoring division on bits (b != 0).
inline void bdivu(const BV& a, const BV& b, BV& q, BV& r) {
    size_t w = a.size();
    q.assign(w, 0);
    BV rem(w + 1, 0), d(b);
    d.push_back(0);
    for (size_t i = w; i-- > 0;) {
        for (size_t j = w; j > 0; --j) rem[j] = rem[j - 1];
        rem[0] = a[i];
        if (bcmpu(rem, d) >= 0) {
            rem = badd(rem, bneg(d));
            q[i] = 1;
        }
    }
    r.assign(rem.begin(), rem.begin() + static_cast<long>(w));
}

// ---- operators (self-determined typing) ----

inline char and1(char a, char b) {
    if (a == '0' || b == '0') return '0';
    if (a == '1' && b == '1') return '1';
    return 'x';
}
inline char or1(char a, char b) {
    if (a == '1' || b == '1') return '1';
    if (a == '0' && b == '0') return '0';
    return 'x';
}
inline char xor1(char a, char b) {
    if (a == 'x' || a == 'z' || b == 'x' || b == 'z') return 'x';
    return a == b ? '0' : '1';
}
inline char not1(char a) {
    return a == '0' ? '1' : (a == '1' ? '0' : 'x');
}

template <class F>
R bitwise(const R& x, const R& y, F f) {
    R xe, ye;
    common(x, y, xe, ye);
    R r = xe;
    for (size_t i = 0; i < r.w(); ++i) r.b[i] = f(xe.b[i], ye.b[i]);
    return r;
}
inline R band(const R& x, const R& y) {
    return bitwise(x, y, and1);
}
inline R bor(const R& x, const R& y) {
    return bitwise(x, y, or1);
}
inline R bxor(const R& x, const R& y) {
    return bitwise(x, y, xor1);
}
inline R bxnor(const R& x, const R& y) {
    return bitwise(x, y, [](char a, char b) { return not1(xor1(a, b)); });
}
inline R bnotv(const R& x) {
    R r = x;
    for (char& c : r.b) c = not1(c);
    return r;
}

inline char truth(const R& x) {
    char r = '0';
    for (char c : x.b) r = or1(r, c);
    return r;
}
inline R lnot(const R& x) {
    return bit1(not1(truth(x)));
}
inline R land(const R& x, const R& y) {
    return bit1(and1(truth(x), truth(y)));
}
inline R lor(const R& x, const R& y) {
    return bit1(or1(truth(x), truth(y)));
}
inline R red_and(const R& x) {
    char r = '1';
    for (char c : x.b) r = and1(r, c);
    return bit1(r);
}
inline R red_or(const R& x) {
    return bit1(truth(x));
}
inline R red_xor(const R& x) {
    char r = '0';
    for (char c : x.b) r = xor1(r, c);
    return bit1(r);
}
inline R red_nand(const R& x) {
    return bit1(not1(red_and(x).b[0]));
}
inline R red_nor(const R& x) {
    return bit1(not1(red_or(x).b[0]));
}
inline R red_xnor(const R& x) {
    return bit1(not1(red_xor(x).b[0]));
}

template <class F>
R arith(const R& x, const R& y, F f) {
    R xe, ye;
    common(x, y, xe, ye);
    if (has_xz(xe) || has_xz(ye)) return all(xe.w(), 'x', xe.s);
    return f(xe, ye);
}
inline R add(const R& x, const R& y) {
    return arith(x, y, [](const R& a, const R& b) { return from_bv(badd(bv(a), bv(b)), a.s); });
}
inline R sub(const R& x, const R& y) {
    return arith(x, y,
                 [](const R& a, const R& b) { return from_bv(badd(bv(a), bneg(bv(b))), a.s); });
}
inline R mul(const R& x, const R& y) {
    return arith(x, y, [](const R& a, const R& b) { return from_bv(bmul(bv(a), bv(b)), a.s); });
}
inline R divmod(const R& x, const R& y, bool want_mod) {
    return arith(x, y, [want_mod](const R& a, const R& b) {
        BV av = bv(a), bw = bv(b);
        if (bzero(bw)) return all(a.w(), 'x', a.s);
        bool na = a.s && av.back(), nb = a.s && bw.back();
        if (na) av = bneg(av);
        if (nb) bw = bneg(bw);
        BV q, r;
        bdivu(av, bw, q, r);
        if (na != nb) q = bneg(q);
        if (na) r = bneg(r);
        return from_bv(want_mod ? r : q, a.s);
    });
}
inline R div(const R& x, const R& y) {
    return divmod(x, y, false);
}
inline R mod(const R& x, const R& y) {
    return divmod(x, y, true);
}
inline R neg(const R& x) {
    if (has_xz(x)) return all(x.w(), 'x', x.s);
    return from_bv(bneg(bv(x)), x.s);
}
inline R plus(const R& x) {
    return x;
}

/// Table 5-6.
inline R pow(const R& x, const R& e) {
    size_t w = x.w();
    if (has_xz(x) || has_xz(e)) return all(w, 'x', x.s);
    BV xv = bv(x), ev = bv(e);
    BV zero(w, 0), one(w, 0), mone(w, 1);
    one[0] = 1;
    bool eneg = e.s && ev.back();
    if (eneg) {
        if (bzero(xv)) return all(w, 'x', x.s);
        if (!(x.s && w == 1) && xv == one) return from_bv(one, x.s);
        if (x.s && xv == mone) return from_bv(ev[0] ? mone : one, x.s);
        return from_bv(zero, x.s);
    }
    // Plain square-and-multiply mod 2^w.
    BV r = one, base = xv;
    for (size_t i = 0; i < ev.size(); ++i) {
        if (ev[i]) r = bmul(r, base);
        base = bmul(base, base);
    }
    return from_bv(r, x.s);
}

inline R eq(const R& x, const R& y) {
    R xe, ye;
    common(x, y, xe, ye);
    bool unk = false;
    for (size_t i = 0; i < xe.w(); ++i) {
        char a = xe.b[i], b = ye.b[i];
        if (a == 'x' || a == 'z' || b == 'x' || b == 'z')
            unk = true;
        else if (a != b)
            return bit1('0');
    }
    return bit1(unk ? 'x' : '1');
}
inline R ne(const R& x, const R& y) {
    return bit1(not1(eq(x, y).b[0]));
}
inline R ceq(const R& x, const R& y) {
    R xe, ye;
    common(x, y, xe, ye);
    return bit1(xe.b == ye.b ? '1' : '0');
}
inline R cne(const R& x, const R& y) {
    return bit1(not1(ceq(x, y).b[0]));
}
/// -1/0/1 comparison of known values of the common type.
inline int cmp(const R& a, const R& b) {
    BV av = bv(a), bw = bv(b);
    if (a.s && av.back() != bw.back()) return av.back() ? -1 : 1;
    return bcmpu(av, bw);
}
template <class F>
R rel(const R& x, const R& y, F f) {
    R xe, ye;
    common(x, y, xe, ye);
    if (has_xz(xe) || has_xz(ye)) return bit1('x');
    return bit1(f(cmp(xe, ye)) ? '1' : '0');
}
inline R lt(const R& x, const R& y) {
    return rel(x, y, [](int c) { return c < 0; });
}
inline R le(const R& x, const R& y) {
    return rel(x, y, [](int c) { return c <= 0; });
}
inline R gt(const R& x, const R& y) {
    return rel(x, y, [](int c) { return c > 0; });
}
inline R ge(const R& x, const R& y) {
    return rel(x, y, [](int c) { return c >= 0; });
}

/// Shift amount as an unsigned number, saturated; -1 if X/Z.
inline long long amount(const R& n, long long limit) {
    if (has_xz(n)) return -1;
    long long v = 0;
    for (size_t i = n.w(); i-- > 0;) {
        v = v * 2 + (n.b[i] == '1');
        if (v > limit) return limit;
    }
    return v;
}
inline R shl(const R& x, const R& n) {
    long long k = amount(n, static_cast<long long>(x.w()));
    if (k < 0) return all(x.w(), 'x', x.s);
    R r = x;
    for (size_t i = 0; i < x.w(); ++i)
        r.b[i] = static_cast<long long>(i) >= k ? x.b[i - static_cast<size_t>(k)] : '0';
    return r;
}
inline R shr_(const R& x, const R& n, bool arith) {
    long long k = amount(n, static_cast<long long>(x.w()));
    if (k < 0) return all(x.w(), 'x', x.s);
    R r = x;
    char fill = arith && x.s ? x.b.back() : '0';
    for (size_t i = 0; i < x.w(); ++i) {
        size_t src = i + static_cast<size_t>(k);
        r.b[i] = src < x.w() ? x.b[src] : fill;
    }
    return r;
}
inline R shr(const R& x, const R& n) {
    return shr_(x, n, false);
}
inline R ashr(const R& x, const R& n) {
    return shr_(x, n, true);
}

inline R cond(const R& c, const R& x, const R& y) {
    R xe, ye;
    common(x, y, xe, ye);
    char t = truth(c);
    if (t == '1') return xe;
    if (t == '0') return ye;
    R r = xe;
    for (size_t i = 0; i < r.w(); ++i) {
        char a = xe.b[i], b = ye.b[i];
        r.b[i] = (a == b && (a == '0' || a == '1')) ? a : 'x';
    }
    return r;
}

inline R concat(const R& hi, const R& lo) {
    return R{lo.b + hi.b, false};
}
inline R replicate(size_t n, const R& x) {
    R r;
    for (size_t i = 0; i < n; ++i) r.b += x.b;
    return r;
}
inline R extract(const R& x, long long off, size_t len) {
    R r;
    for (size_t i = 0; i < len; ++i) {
        long long p = off + static_cast<long long>(i);
        r.b += (p >= 0 && p < static_cast<long long>(x.w())) ? x.b[static_cast<size_t>(p)] : 'x';
    }
    return r;
}
inline R insert(const R& dst, long long off, const R& v) {
    R r = dst;
    for (size_t i = 0; i < v.w(); ++i) {
        long long p = off + static_cast<long long>(i);
        if (p >= 0 && p < static_cast<long long>(r.w())) r.b[static_cast<size_t>(p)] = v.b[i];
    }
    return r;
}

/// Integer value as long double for real-conversion checks (X/Z read as 0).
inline long double to_ld(const R& x) {
    long double v = 0;
    bool neg = x.s && x.b.back() == '1';
    BV b;
    for (char c : x.b) b.push_back(c == '1');
    if (neg) b = bneg(b);
    for (size_t i = b.size(); i-- > 0;) v = v * 2 + b[i];
    return neg ? -v : v;
}

} // namespace reftest
