// metalfpga value library: word-span kernels.
//
// Every Verilog operator is implemented exactly once here, as a function over spans of
// 64-bit words. Both the compile-time-width templates (logic.h: Logic<W>, Bits<W>) and the
// run-time-width class used by the compiler's constant evaluator (value.h: Value) call these
// kernels, so there is one definition of each operator's semantics.
//
// Encoding (the same as VPI's aval/bval): a value of width w is two bit planes, `a` (value)
// and `b` (unknown). Per bit (a,b): (0,0)=0, (1,0)=1, (0,1)=z, (1,1)=x. A 2-state value has
// no `b` plane (b == nullptr) and is read as if b were all zero. Writing an X or Z bit to a
// 2-state destination stores 0 (the 1364 rule for converting 4-state to 2-state).
//
// Bit i lives in word i/64 at bit i%64. Bits above w in the top word are always zero in
// both planes ("canonical"); every kernel expects canonical inputs and leaves canonical
// outputs.
//
// Unless a kernel says otherwise, binary operands and the output have the same width (the
// caller has already extended/truncated them as 1364 clause 5 says); outputs may alias
// inputs only where the kernel says so. Kernels never allocate: where one needs temporary
// storage the caller passes a scratch buffer of the stated size.
//
// Results of 1-bit operators (comparisons, reductions, logical operators) are returned as a
// Bit code: a | (b << 1), i.e. 0, 1, 2 (z) or 3 (x).
#pragma once

#include "metalfpga/rt/config.h"

namespace metalfpga::rt {

/// A 4-state scalar as (a | b << 1).
enum Bit : u32 { B0 = 0, B1 = 1, BZ = 2, BX = 3 };

namespace k {

/// Read-only view of a value: planes and width. b == nullptr for 2-state values.
struct CRef {
    const word* a;
    const word* b;
    u32 w;
};

/// Writable view of a value. b == nullptr for 2-state values.
struct VRef {
    word* a;
    word* b;
    u32 w;
};

MF_HD constexpr u32 nwords(u32 w) {
    return (w + 63u) / 64u;
}
MF_HD constexpr word top_mask(u32 w) {
    return (w & 63u) ? ((word(1) << (w & 63u)) - 1u) : ~word(0);
}
MF_HD MF_INLINE CRef cref(VRef v) {
    return CRef{v.a, v.b, v.w};
}
MF_HD MF_INLINE word ldb(const word* b, u32 i) {
    return b ? b[i] : word(0);
}

/// Store word i of planes (a,b); a 2-state destination receives 0 for X/Z bits.
MF_HD MF_INLINE void st(VRef o, u32 i, word a, word b) {
    if (o.b) {
        o.a[i] = a;
        o.b[i] = b;
    } else {
        o.a[i] = a & ~b;
    }
}

/// Clear the bits above the width in the top word.
MF_HD MF_INLINE void canon(VRef o) {
    u32 n = nwords(o.w);
    word m = top_mask(o.w);
    o.a[n - 1] &= m;
    if (o.b) o.b[n - 1] &= m;
}

MF_HD MF_INLINE Bit bit_not(Bit c) {
    return c == B0 ? B1 : (c == B1 ? B0 : BX);
}
MF_HD MF_INLINE Bit bit_and(Bit x, Bit y) {
    if (x == B0 || y == B0) return B0;
    return (x == B1 && y == B1) ? B1 : BX;
}
MF_HD MF_INLINE Bit bit_or(Bit x, Bit y) {
    if (x == B1 || y == B1) return B1;
    return (x == B0 && y == B0) ? B0 : BX;
}
/// A Bit code as it reads from a 2-state destination.
MF_HD MF_INLINE Bit bit_2state(Bit c) {
    return c == B1 ? B1 : B0;
}

// ---------------------------------------------------------------------------------------
// Filling, copying, queries

MF_HD MF_INLINE void fill(VRef o, word a, word b) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) st(o, i, a, b);
    canon(o);
}
MF_HD MF_INLINE void set_zero(VRef o) {
    fill(o, 0, 0);
}
MF_HD MF_INLINE void set_x(VRef o) {
    fill(o, ~word(0), ~word(0));
}
MF_HD MF_INLINE void set_z(VRef o) {
    fill(o, 0, ~word(0));
}
MF_HD MF_INLINE void set_ones(VRef o) {
    fill(o, ~word(0), 0);
}

/// Set o to the 64-bit value v, zero-extended (or sign-extended from bit 63 if sext).
MF_HD MF_INLINE void set_u64(VRef o, u64 v, bool sext = false) {
    u32 n = nwords(o.w);
    word f = (sext && (v >> 63)) ? ~word(0) : word(0);
    st(o, 0, v, 0);
    for (u32 i = 1; i < n; ++i) st(o, i, f, 0);
    canon(o);
}

/// Set o to a single Bit code in bit 0, the other bits 0.
MF_HD MF_INLINE void set_bit_code(VRef o, Bit c) {
    set_zero(o);
    st(o, 0, c & 1u, (c >> 1) & 1u);
}

/// o = x; same width; o may alias x.
MF_HD MF_INLINE void copy(VRef o, CRef x) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) st(o, i, x.a[i], ldb(x.b, i));
}

MF_HD MF_INLINE bool has_xz(CRef x) {
    if (!x.b) return false;
    u32 n = nwords(x.w);
    word acc = 0;
    for (u32 i = 0; i < n; ++i) acc |= x.b[i];
    return acc != 0;
}

/// True if the value plane is zero (X/Z bits are not looked at).
MF_HD MF_INLINE bool is_zero_a(const word* a, u32 n) {
    word acc = 0;
    for (u32 i = 0; i < n; ++i) acc |= a[i];
    return acc == 0;
}

MF_HD MF_INLINE Bit get_bit(CRef x, u32 i) {
    word a = (x.a[i >> 6] >> (i & 63u)) & 1u;
    word b = x.b ? (x.b[i >> 6] >> (i & 63u)) & 1u : 0u;
    return static_cast<Bit>(a | (b << 1));
}

MF_HD inline void set_bit(VRef o, u32 i, Bit c) {
    word m = word(1) << (i & 63u);
    u32 wi = i >> 6;
    word a = (c & 1u) ? m : 0;
    word b = (c & 2u) ? m : 0;
    if (o.b) {
        o.a[wi] = (o.a[wi] & ~m) | a;
        o.b[wi] = (o.b[wi] & ~m) | b;
    } else {
        o.a[wi] = (o.a[wi] & ~m) | (a & ~b);
    }
}

MF_HD MF_INLINE Bit sign_bit(CRef x) {
    return get_bit(x, x.w - 1);
}

/// Low 64 bits of the value plane.
MF_HD inline u64 low_u64(CRef x) {
    return x.a[0];
}

/// Value of x as an unsigned amount, saturated at `limit` (x must have no X/Z).
MF_HD inline u64 amount(CRef x, u64 limit) {
    u32 n = nwords(x.w);
    for (u32 i = 1; i < n; ++i)
        if (x.a[i]) return limit;
    return x.a[0] < limit ? x.a[0] : limit;
}

/// Index of the most significant set bit of the value plane, or -1 if zero.
MF_HD inline i64 msb_index(const word* a, u32 n) {
    for (u32 i = n; i-- > 0;)
        if (a[i]) return i64(i) * 64 + (63 - i64(bits::clz64(a[i])));
    return -1;
}

// ---------------------------------------------------------------------------------------
// Windows: 64 bits starting at an arbitrary (possibly negative) bit position

/// Mask of the window bits k (0..63) for which 0 <= pos+k < w.
MF_HD inline word in_range_mask(i64 pos, u32 w) {
    i64 lo = pos < 0 ? -pos : 0;
    i64 hi = i64(w) - pos;
    if (hi > 64) hi = 64;
    if (lo >= 64 || hi <= lo) return 0;
    word hm = hi == 64 ? ~word(0) : ((word(1) << hi) - 1u);
    word lm = (word(1) << lo) - 1u;
    return hm & ~lm;
}

/// Bits [pos, pos+64) of an n-word plane; bits outside the plane read as 0.
MF_HD inline word window(const word* p, u32 n, i64 pos) {
    if (!p || pos <= -64 || pos >= i64(n) * 64) return 0;
    if (pos < 0) return p[0] << u32(-pos);
    u32 wi = u32(pos >> 6), sh = u32(pos & 63);
    word v = p[wi] >> sh;
    if (sh && wi + 1 < n) v |= p[wi + 1] << (64u - sh);
    return v;
}

/// Write the window bits selected by mask (bit k goes to plane bit pos+k); bits that fall
/// outside [0, w) are dropped.
MF_HD inline void write_window(word* p, u32 w, i64 pos, word val, word mask) {
    mask &= in_range_mask(pos, w);
    if (!mask) return;
    val &= mask;
    if (pos < 0) {
        u32 s = u32(-pos);
        p[0] = (p[0] & ~(mask >> s)) | (val >> s);
        return;
    }
    u32 wi = u32(pos >> 6), sh = u32(pos & 63);
    p[wi] = (p[wi] & ~(mask << sh)) | (val << sh);
    if (sh && (mask >> (64u - sh)))
        p[wi + 1] = (p[wi + 1] & ~(mask >> (64u - sh))) | (val >> (64u - sh));
}

// ---------------------------------------------------------------------------------------
// Width changes (clause 5.4/5.5): extension and truncation

/// o = x extended or truncated to o.w; sign-extended if sext (an X or Z sign bit extends as
/// X or Z), else zero-extended. o must not alias x unless o.w == x.w.
MF_HD MF_INLINE void resize(VRef o, CRef x, bool sext) {
    u32 no = nwords(o.w), nx = nwords(x.w);
    word fa = 0, fb = 0;
    if (sext) {
        Bit s = sign_bit(x);
        fa = (s & 1u) ? ~word(0) : 0;
        fb = (s & 2u) ? ~word(0) : 0;
    }
    word hm = ~top_mask(x.w);
    for (u32 i = 0; i < no; ++i) {
        if (i < nx) {
            word a = x.a[i], b = ldb(x.b, i);
            if (i == nx - 1) {
                a |= fa & hm;
                b |= fb & hm;
            }
            st(o, i, a, b);
        } else {
            st(o, i, fa, fb);
        }
    }
    canon(o);
}

// ---------------------------------------------------------------------------------------
// Bitwise operators (per-bit 4-state tables of clause 5.1.10); o may alias x or y

MF_HD MF_INLINE void bit_not(VRef o, CRef x) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) {
        word b = ldb(x.b, i);
        st(o, i, ~x.a[i] | b, b);
    }
    canon(o);
}

MF_HD MF_INLINE void bit_and(VRef o, CRef x, CRef y) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) {
        word xa = x.a[i], xb = ldb(x.b, i), ya = y.a[i], yb = ldb(y.b, i);
        word zero = (~xa & ~xb) | (~ya & ~yb);
        word one = (xa & ~xb) & (ya & ~yb);
        word unk = ~zero & ~one;
        st(o, i, one | unk, unk);
    }
    canon(o);
}

MF_HD MF_INLINE void bit_or(VRef o, CRef x, CRef y) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) {
        word xa = x.a[i], xb = ldb(x.b, i), ya = y.a[i], yb = ldb(y.b, i);
        word one = (xa & ~xb) | (ya & ~yb);
        word zero = (~xa & ~xb) & (~ya & ~yb);
        word unk = ~zero & ~one;
        st(o, i, one | unk, unk);
    }
    canon(o);
}

MF_HD MF_INLINE void bit_xor(VRef o, CRef x, CRef y) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) {
        word unk = ldb(x.b, i) | ldb(y.b, i);
        st(o, i, (x.a[i] ^ y.a[i]) | unk, unk);
    }
    canon(o);
}

MF_HD MF_INLINE void bit_xnor(VRef o, CRef x, CRef y) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) {
        word unk = ldb(x.b, i) | ldb(y.b, i);
        st(o, i, ~(x.a[i] ^ y.a[i]) | unk, unk);
    }
    canon(o);
}

// ---------------------------------------------------------------------------------------
// Reductions, logical value, equality, relations (1-bit results)

MF_HD MF_INLINE Bit red_and(CRef x) {
    u32 n = nwords(x.w);
    word zero = 0, unk = 0;
    for (u32 i = 0; i < n; ++i) {
        word m = i == n - 1 ? top_mask(x.w) : ~word(0);
        word b = ldb(x.b, i);
        zero |= ~x.a[i] & ~b & m;
        unk |= b;
    }
    return zero ? B0 : (unk ? BX : B1);
}

MF_HD MF_INLINE Bit red_or(CRef x) {
    u32 n = nwords(x.w);
    word one = 0, unk = 0;
    for (u32 i = 0; i < n; ++i) {
        word b = ldb(x.b, i);
        one |= x.a[i] & ~b;
        unk |= b;
    }
    return one ? B1 : (unk ? BX : B0);
}

MF_HD MF_INLINE Bit red_xor(CRef x) {
    if (has_xz(x)) return BX;
    u32 n = nwords(x.w);
    u32 p = 0;
    for (u32 i = 0; i < n; ++i) p ^= bits::popcount64(x.a[i]);
    return static_cast<Bit>(p & 1u);
}

/// The logical value of an operand (clause 5.1.9): 1 if any bit is 1, 0 if all bits are 0,
/// else x.
MF_HD MF_INLINE Bit truth(CRef x) {
    return red_or(x);
}

/// Logical equality ==: 0 if some bit pair is a known 0/1 mismatch, else x if any bit is
/// X/Z, else 1.
MF_HD MF_INLINE Bit eq(CRef x, CRef y) {
    u32 n = nwords(x.w);
    word diff = 0, unk = 0;
    for (u32 i = 0; i < n; ++i) {
        word u = ldb(x.b, i) | ldb(y.b, i);
        diff |= (x.a[i] ^ y.a[i]) & ~u;
        unk |= u;
    }
    return diff ? B0 : (unk ? BX : B1);
}

/// Case equality ===: both planes identical.
MF_HD MF_INLINE bool case_eq(CRef x, CRef y) {
    u32 n = nwords(x.w);
    word diff = 0;
    for (u32 i = 0; i < n; ++i) diff |= (x.a[i] ^ y.a[i]) | (ldb(x.b, i) ^ ldb(y.b, i));
    return diff == 0;
}

/// casez (z_only) / casex item match of equal-width operands: bits that are Z (casez) or X/Z
/// (casex) in either operand are ignored, the others must be identical.
MF_HD inline bool case_wild(CRef x, CRef y, bool z_only) {
    u32 n = nwords(x.w);
    for (u32 i = 0; i < n; ++i) {
        word xa = x.a[i], ya = y.a[i], xb = ldb(x.b, i), yb = ldb(y.b, i);
        word dc = z_only ? ((xb & ~xa) | (yb & ~ya)) : (xb | yb);
        word mask = (i + 1 == n) ? top_mask(x.w) : ~word(0);
        if ((((xa ^ ya) | (xb ^ yb)) & ~dc & mask) != 0) return false;
    }
    return true;
}

/// Three-way comparison of the value planes (no X/Z): -1, 0 or 1.
MF_HD inline int compare(CRef x, CRef y, bool sgn) {
    if (sgn) {
        Bit sx = sign_bit(x), sy = sign_bit(y);
        if (sx != sy) return sx == B1 ? -1 : 1;
    }
    for (u32 i = nwords(x.w); i-- > 0;)
        if (x.a[i] != y.a[i]) return x.a[i] < y.a[i] ? -1 : 1;
    return 0;
}

enum class Rel { LT, LE, GT, GE };

/// Relational operators (clause 5.1.7): x if any operand bit is X/Z.
MF_HD inline Bit relation(Rel r, CRef x, CRef y, bool sgn) {
    if (has_xz(x) || has_xz(y)) return BX;
    int c = compare(x, y, sgn);
    bool v = false;
    switch (r) {
    case Rel::LT:
        v = c < 0;
        break;
    case Rel::LE:
        v = c <= 0;
        break;
    case Rel::GT:
        v = c > 0;
        break;
    case Rel::GE:
        v = c >= 0;
        break;
    }
    return v ? B1 : B0;
}

// ---------------------------------------------------------------------------------------
// Arithmetic (clause 5.1.5): any X/Z operand bit makes the whole result X

/// o = x + y (mod 2^w); o may alias x or y.
MF_HD MF_INLINE void add(VRef o, CRef x, CRef y) {
    if (has_xz(x) || has_xz(y)) return set_x(o);
    u32 n = nwords(o.w);
    word c = 0;
    for (u32 i = 0; i < n; ++i) {
        word s = x.a[i] + y.a[i];
        word c1 = s < x.a[i];
        word s2 = s + c;
        c = c1 | (s2 < s);
        st(o, i, s2, 0);
    }
    canon(o);
}

/// o = x - y (mod 2^w); o may alias x or y.
MF_HD MF_INLINE void sub(VRef o, CRef x, CRef y) {
    if (has_xz(x) || has_xz(y)) return set_x(o);
    u32 n = nwords(o.w);
    word br = 0;
    for (u32 i = 0; i < n; ++i) {
        word xa = x.a[i], ya = y.a[i];
        word t = xa - ya;
        word b1 = xa < ya;
        word d = t - br;
        br = b1 | (t < br);
        st(o, i, d, 0);
    }
    canon(o);
}

/// Two's complement negation of a bare value plane in place (mod 2^w).
MF_HD inline void negate_plane(word* p, u32 w) {
    u32 n = nwords(w);
    word c = 1;
    for (u32 i = 0; i < n; ++i) {
        word v = ~p[i] + c;
        c = (c && v == 0) ? 1 : 0;
        p[i] = v;
    }
    p[n - 1] &= top_mask(w);
}

/// o = -x; o may alias x.
MF_HD inline void neg(VRef o, CRef x) {
    if (has_xz(x)) return set_x(o);
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) st(o, i, x.a[i], 0);
    negate_plane(o.a, o.w);
}

/// Bare-plane product o = x * y (mod 2^w); o must not alias x or y.
MF_HD inline void mul_plane(word* o, const word* x, const word* y, u32 w) {
    u32 n = nwords(w);
    if (n == 1) {
        o[0] = (x[0] * y[0]) & top_mask(w);
        return;
    }
    for (u32 i = 0; i < n; ++i) o[i] = 0;
    for (u32 i = 0; i < n; ++i) {
        word xi = x[i];
        if (!xi) continue;
        word carry = 0;
        for (u32 j = 0; j + i < n; ++j) {
            word lo = xi * y[j];
            word hi = bits::mulhi64(xi, y[j]);
            word t = o[i + j] + lo;
            hi += t < lo;
            word t2 = t + carry;
            hi += t2 < t;
            o[i + j] = t2;
            carry = hi;
        }
    }
    o[n - 1] &= top_mask(w);
}

/// o = x * y (mod 2^w); o must not alias x or y.
MF_HD inline void mul(VRef o, CRef x, CRef y) {
    if (has_xz(x) || has_xz(y)) return set_x(o);
    mul_plane(o.a, x.a, y.a, o.w);
    if (o.b)
        for (u32 i = 0; i < nwords(o.w); ++i) o.b[i] = 0;
}

/// Scratch words needed by divmod for width w.
MF_HD constexpr u32 divmod_scratch(u32 w) {
    return 4 * nwords(w);
}

/// Unsigned division of bare planes: q = x / y, r = x % y (y != 0). q, r must not alias.
MF_HD inline void udivmod_plane(word* q, word* r, const word* x, const word* y, u32 w) {
    u32 n = nwords(w);
    if (n == 1) {
        q[0] = x[0] / y[0];
        r[0] = x[0] % y[0];
        return;
    }
    for (u32 i = 0; i < n; ++i) q[i] = r[i] = 0;
    i64 top = msb_index(x, n);
    for (i64 bi = top; bi >= 0; --bi) {
        // r = (r << 1) | bit; r < y before the shift, so one carry bit is enough.
        word carry = r[n - 1] >> 63;
        for (u32 i = n - 1; i > 0; --i) r[i] = (r[i] << 1) | (r[i - 1] >> 63);
        r[0] = (r[0] << 1) | ((x[bi >> 6] >> (bi & 63)) & 1u);
        bool ge = carry != 0;
        if (!ge) {
            ge = true;
            for (u32 i = n; i-- > 0;)
                if (r[i] != y[i]) {
                    ge = r[i] > y[i];
                    break;
                }
        }
        if (ge) {
            word br = 0;
            for (u32 i = 0; i < n; ++i) {
                word t = r[i] - y[i];
                word b1 = r[i] < y[i];
                word d = t - br;
                br = b1 | (t < br);
                r[i] = d;
            }
            q[bi >> 6] |= word(1) << (bi & 63);
        }
    }
}

/// Division and modulus (clause 5.1.5): quotient truncates toward zero, the remainder takes
/// the sign of the dividend; X/Z operands or a zero divisor give all-X. Either output may be
/// null (q.a == nullptr / r.a == nullptr). scratch holds divmod_scratch(w) words. Outputs
/// may alias the inputs.
MF_HD inline void divmod(VRef q, VRef r, CRef x, CRef y, bool sgn, word* scratch) {
    u32 w = x.w, n = nwords(w);
    if (has_xz(x) || has_xz(y) || is_zero_a(y.a, n)) {
        if (q.a) set_x(q);
        if (r.a) set_x(r);
        return;
    }
    word* ax = scratch;
    word* ay = scratch + n;
    word* qq = scratch + 2 * n;
    word* rr = scratch + 3 * n;
    for (u32 i = 0; i < n; ++i) {
        ax[i] = x.a[i];
        ay[i] = y.a[i];
    }
    bool nx = sgn && sign_bit(x) == B1;
    bool ny = sgn && sign_bit(y) == B1;
    if (nx) negate_plane(ax, w);
    if (ny) negate_plane(ay, w);
    udivmod_plane(qq, rr, ax, ay, w);
    if (nx != ny) negate_plane(qq, w);
    if (nx) negate_plane(rr, w);
    if (q.a) {
        for (u32 i = 0; i < n; ++i) st(q, i, qq[i], 0);
        canon(q);
    }
    if (r.a) {
        for (u32 i = 0; i < n; ++i) st(r, i, rr[i], 0);
        canon(r);
    }
}

/// Scratch words needed by pow for a result of width w.
MF_HD constexpr u32 pow_scratch(u32 w) {
    return 3 * nwords(w);
}

/// Power x ** e (clause 5.1.5, table 5-6). The result has x's width; the exponent e has its
/// own (self-determined) width and signedness. X/Z operands give all-X; 0 ** negative gives
/// X; other negative exponents give 0, except for bases 1 (gives 1) and -1 (gives -1 or 1).
/// o must not alias x or e. scratch holds pow_scratch(w) words.
MF_HD inline void pow(VRef o, CRef x, bool xs, CRef e, bool es, word* scratch) {
    if (has_xz(x) || has_xz(e)) return set_x(o);
    u32 w = x.w, n = nwords(w), ne = nwords(e.w);
    bool eneg = es && sign_bit(e) == B1;
    if (eneg) {
        if (is_zero_a(x.a, n)) return set_x(o);
        bool one = x.a[0] == 1;
        for (u32 i = 1; i < n; ++i) one = one && x.a[i] == 0;
        if (w == 1 && xs) one = false; // a 1-bit signed 1 is -1
        if (one) return set_u64(o, 1);
        bool minus_one = xs;
        for (u32 i = 0; i < n && minus_one; ++i)
            minus_one = x.a[i] == (i == n - 1 ? top_mask(w) : ~word(0));
        if (minus_one) {
            if (e.a[0] & 1u) return set_ones(o);
            return set_u64(o, 1);
        }
        return set_zero(o);
    }
    i64 top = msb_index(e.a, ne);
    word* res = scratch;
    word* base = scratch + n;
    word* tmp = scratch + 2 * n;
    for (u32 i = 0; i < n; ++i) {
        res[i] = 0;
        base[i] = x.a[i];
    }
    res[0] = 1;
    res[n - 1] &= top_mask(w);
    for (i64 bi = 0; bi <= top; ++bi) {
        if ((e.a[bi >> 6] >> (bi & 63)) & 1u) {
            mul_plane(tmp, res, base, w);
            for (u32 i = 0; i < n; ++i) res[i] = tmp[i];
        }
        if (bi == top) break;
        mul_plane(tmp, base, base, w);
        bool zero = true;
        for (u32 i = 0; i < n; ++i) {
            base[i] = tmp[i];
            zero = zero && tmp[i] == 0;
        }
        if (zero) { // every further factor is 0
            bool more = false;
            for (i64 bj = bi + 1; bj <= top && !more; ++bj) more = (e.a[bj >> 6] >> (bj & 63)) & 1u;
            if (more)
                for (u32 i = 0; i < n; ++i) res[i] = 0;
            break;
        }
    }
    for (u32 i = 0; i < n; ++i) st(o, i, res[i], 0);
    canon(o);
}

// ---------------------------------------------------------------------------------------
// Shifts (clause 5.1.12): the amount is unsigned; an X/Z amount gives all-X

/// Shift left by n bits (n may exceed the width); o may alias x.
MF_HD inline void shl_n(VRef o, CRef x, u64 n) {
    u32 nw = nwords(o.w);
    if (n >= o.w) return set_zero(o);
    u32 ws = u32(n >> 6), bs = u32(n & 63);
    for (u32 k = nw; k-- > 0;) {
        word a = 0, b = 0;
        if (k >= ws) {
            a = x.a[k - ws] << bs;
            b = ldb(x.b, k - ws) << bs;
            if (bs && k >= ws + 1) {
                a |= x.a[k - ws - 1] >> (64u - bs);
                b |= ldb(x.b, k - ws - 1) >> (64u - bs);
            }
        }
        st(o, k, a, b);
    }
    canon(o);
}

/// Shift right by n bits, filling with zeros, or with the sign bit (X/Z sign fills X/Z) if
/// arith; o may alias x.
MF_HD inline void shr_n(VRef o, CRef x, u64 n, bool arith) {
    u32 nw = nwords(o.w), w = o.w;
    Bit s = arith ? sign_bit(x) : B0;
    if (n >= w) {
        word fa = (s & 1u) ? ~word(0) : 0, fb = (s & 2u) ? ~word(0) : 0;
        return fill(o, fa, fb);
    }
    u32 ws = u32(n >> 6), bs = u32(n & 63);
    for (u32 k = 0; k < nw; ++k) {
        word a = 0, b = 0;
        if (k + ws < nw) {
            a = x.a[k + ws] >> bs;
            b = ldb(x.b, k + ws) >> bs;
            if (bs && k + ws + 1 < nw) {
                a |= x.a[k + ws + 1] << (64u - bs);
                b |= ldb(x.b, k + ws + 1) << (64u - bs);
            }
        }
        st(o, k, a, b);
    }
    if (s != B0 && n > 0) {
        // Fill bits [w-n, w) with the sign.
        i64 lo = i64(w) - i64(n);
        for (i64 pos = lo - (lo & 63); pos < i64(w); pos += 64) {
            word m = in_range_mask(pos, w);
            if (pos < lo) m &= ~((word(1) << (lo - pos)) - 1u);
            u32 wi = u32(pos >> 6);
            if (s & 1u) o.a[wi] |= m;
            if (o.b) {
                if (s & 2u) o.b[wi] |= m;
            } else if (s & 2u) {
                o.a[wi] &= ~m;
            }
        }
    }
    canon(o);
}

enum class Shift { SHL, SHR, ASHL, ASHR };

/// x << amt, x >> amt, x <<< amt, x >>> amt. The result has x's width; amt has any width
/// and is read as unsigned. >>> fills with the sign bit only if sgn (x is signed).
MF_HD inline void shift(Shift kind, VRef o, CRef x, CRef amt, bool sgn) {
    if (has_xz(amt)) return set_x(o);
    u64 n = amount(amt, u64(o.w));
    switch (kind) {
    case Shift::SHL:
    case Shift::ASHL:
        return shl_n(o, x, n);
    case Shift::SHR:
        return shr_n(o, x, n, false);
    case Shift::ASHR:
        return shr_n(o, x, n, sgn);
    }
}

// ---------------------------------------------------------------------------------------
// Selects, concatenation, conditional

/// Part select read: o (width L) = bits [off, off+L) of x; bits outside [0, x.w) read as X
/// (0 for a 2-state destination). o must not alias x.
MF_HD inline void extract(VRef o, CRef x, i64 off) {
    u32 n = nwords(o.w), nx = nwords(x.w);
    for (u32 k = 0; k < n; ++k) {
        i64 pos = off + i64(k) * 64;
        word m = in_range_mask(pos, x.w);
        word a = window(x.a, nx, pos) & m, b = window(x.b, nx, pos) & m;
        st(o, k, a | ~m, b | ~m);
    }
    canon(o);
}

/// Part select write: bits [off, off+x.w) of o = x; bits that fall outside o are ignored.
/// o must not alias x.
MF_HD inline void insert(VRef o, i64 off, CRef x) {
    u32 nx = nwords(x.w);
    for (u32 j = 0; j < nx; ++j) {
        i64 pos = off + i64(j) * 64;
        word m = j == nx - 1 ? top_mask(x.w) : ~word(0);
        word a = x.a[j], b = ldb(x.b, j);
        if (o.b) {
            write_window(o.a, o.w, pos, a, m);
            write_window(o.b, o.w, pos, b, m);
        } else {
            write_window(o.a, o.w, pos, a & ~b, m);
        }
    }
}

/// Bit select read with an index that may be out of range: X (4-state) outside [0, w).
MF_HD MF_INLINE Bit bit_at(CRef x, i64 i) {
    if (i < 0 || i >= i64(x.w)) return x.b ? BX : B0;
    return get_bit(x, u32(i));
}

/// ?: with an X/Z condition (clause 5.1.13): bits equal and known in both arms are kept,
/// all others become X. o may alias x or y.
MF_HD inline void merge(VRef o, CRef x, CRef y) {
    u32 n = nwords(o.w);
    for (u32 i = 0; i < n; ++i) {
        word unk = ldb(x.b, i) | ldb(y.b, i) | (x.a[i] ^ y.a[i]);
        st(o, i, x.a[i] | unk, unk);
    }
    canon(o);
}

/// o = c ? x : y with the 4-state condition rules (c is the condition's logical value).
MF_HD inline void cond(VRef o, Bit c, CRef x, CRef y) {
    if (c == B1) return copy(o, x);
    if (c == B0) return copy(o, y);
    merge(o, x, y);
}

} // namespace k
} // namespace metalfpga::rt
