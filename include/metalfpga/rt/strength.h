// metalfpga model support: strength values of nets (1364-2005 clause 7).
//
// Host and device C++17, no standard headers (as config.h).
//
// A strength value of one bit is one byte: the range of the 16-point strength scale the bit's
// value covers (clause 7). Positions: 0 Su0, 1 St0, 2 Pu0, 3 La0, 4 We0, 5 Me0, 6 Sm0,
// 7 HiZ0, 8 HiZ1, 9 Sm1, 10 Me1, 11 We1, 12 La1, 13 Pu1, 14 St1, 15 Su1. The low nibble is the
// end toward Su0, the high nibble the end toward Su1. A value is 0 when the whole range is on
// the 0 side, 1 when it is on the 1 side, x when it spans both (L: from a 0 level to HiZ1,
// H: from HiZ0 to a 1 level), and z when both ends are HiZ.
#pragma once

#include "metalfpga/rt/logic.h"

namespace metalfpga::rt::model {

constexpr u8 kSvHiZ = 0x87;

MF_HD inline u32 sv_lo(u8 v) {
    return v & 15u;
}
MF_HD inline u32 sv_hi(u8 v) {
    return v >> 4;
}
/// The strength level (0 highz .. 7 supply) of a scale position.
MF_HD inline u32 sv_level(u32 pos) {
    return pos <= 7 ? 7 - pos : pos - 8;
}
MF_HD inline u8 sv_make(u32 lo, u32 hi) {
    if (sv_level(lo) == 0 && sv_level(hi) == 0) return kSvHiZ;
    return static_cast<u8>(lo | (hi << 4));
}

/// The value a driver of drive strength (s0, s1) gives for the 4-state bit b.
MF_HD inline u8 sv_drive(Bit b, u32 s0, u32 s1) {
    switch (b) {
    case B0:
        return sv_make(7 - s0, 7 - s0);
    case B1:
        return sv_make(8 + s1, 8 + s1);
    case BX:
        return sv_make(7 - s0, 8 + s1);
    default:
        return kSvHiZ;
    }
}

/// The 4-state value of a strength value.
MF_HD inline Bit sv_bit(u8 v) {
    if (v == kSvHiZ) return BZ;
    if (sv_hi(v) <= 7) return B0;
    if (sv_lo(v) >= 8) return B1;
    return BX;
}

/// The combination of two strength values driving one net (clause 7): the stronger of two
/// unambiguous values wins (equal strengths of opposite values give x of that strength); an
/// unambiguous value takes away the weaker ends of an ambiguous one; two ambiguous values
/// give their union.
MF_HD inline u8 sv_resolve(u8 a, u8 b) {
    if (a == kSvHiZ) return b;
    if (b == kSvHiZ) return a;
    u32 alo = sv_lo(a), ahi = sv_hi(a), blo = sv_lo(b), bhi = sv_hi(b);
    bool ua = alo == ahi, ub = blo == bhi;
    if (ua && ub) {
        u32 la = sv_level(alo), lb = sv_level(blo);
        if (la > lb || a == b) return a;
        if (lb > la) return b;
        return sv_make(alo < blo ? alo : blo, ahi > bhi ? ahi : bhi);
    }
    if (ua || ub) {
        u32 ulo = ua ? alo : blo, uhi = ua ? ahi : bhi;
        u32 mlo = ua ? blo : alo, mhi = ua ? bhi : ahi;
        u32 hi = sv_level(uhi) > sv_level(mhi) ? uhi : mhi;
        u32 lo = sv_level(ulo) > sv_level(mlo) ? ulo : mlo;
        return sv_make(lo, hi);
    }
    return sv_make(alo < blo ? alo : blo, ahi > bhi ? ahi : bhi);
}

/// A value passed by a switch whose control is x or z: it may or may not pass,
/// so the range extends to HiZ (0 becomes L, 1 becomes H).
MF_HD inline u8 sv_maybe(u8 v) {
    if (v == kSvHiZ) return v;
    u32 lo = sv_lo(v), hi = sv_hi(v);
    return sv_make(lo < 7 ? lo : 7, hi > 8 ? hi : 8);
}

/// Strength reduction of a switch (clause 7): MOS switches turn supply into strong;
/// resistive devices (rnmos, rpmos, rcmos, rtran*) reduce by their table.
MF_HD inline u32 sv_reduce_level(u32 level, bool resistive) {
    if (!resistive) return level == 7 ? 6 : level;
    static constexpr u8 kR[8] = {0, 1, 1, 2, 2, 3, 5, 5};
    return kR[level & 7];
}
MF_HD inline u32 sv_reduce_pos(u32 pos, bool resistive) {
    u32 l = sv_reduce_level(sv_level(pos), resistive);
    return pos <= 7 ? 7 - l : 8 + l;
}
MF_HD inline u8 sv_reduce(u8 v, bool resistive) {
    if (v == kSvHiZ) return v;
    return sv_make(sv_reduce_pos(sv_lo(v), resistive), sv_reduce_pos(sv_hi(v), resistive));
}

/// What a bidirectional switch passes: tran* turn supply into strong, rtran* reduce as
/// resistive devices.
MF_HD inline u8 sv_tran(u8 v, bool resistive) {
    return sv_reduce(v, resistive);
}

/// r[i] = resolve(r[i], drive of v's bit i with strength (s0, s1)) for every bit.
template <u32 W, bool S_>
MF_HD inline void sv_add_logic(u8* r, const Vec<W, S_, true>& v, u32 s0, u32 s1) {
    for (u32 i = 0; i < W; ++i) r[i] = sv_resolve(r[i], sv_drive(v.bit_code(i), s0, s1));
}
MF_HD inline void sv_add_bytes(u8* r, const u8* v, u32 n) {
    for (u32 i = 0; i < n; ++i) r[i] = sv_resolve(r[i], v[i]);
}
MF_HD inline void sv_add_const(u8* r, u8 v, u32 n) {
    for (u32 i = 0; i < n; ++i) r[i] = sv_resolve(r[i], v);
}
/// A trireg net: bits no driver drives keep their value with the charge strength.
template <u32 W, bool S_, bool F>
MF_HD inline void sv_keep_charge(u8* r, const Vec<W, S_, F>& old, u32 charge) {
    for (u32 i = 0; i < W; ++i)
        if (r[i] == kSvHiZ) r[i] = sv_drive(old.bit_code(i), charge, charge);
}
/// The 4-state value (of type V, a Logic) of a strength vector.
template <class V>
MF_HD inline V sv_value(const u8* r) {
    V v;
    for (u32 i = 0; i < V::width; ++i) v.set_bit(i, sv_bit(r[i]));
    return v;
}
/// The strength value of a 4-state bit read from a net or variable without strengths.
MF_HD inline u8 sv_of_bit(Bit b) {
    return sv_drive(b, 6, 6);
}

/// A bufif0/bufif1/notif0/notif1 gate of drive strength (s0, s1): data d, control c; with an
/// x or z control the output is L, H or x (clause 7.4).
MF_HD inline u8 sv_bufif(Bit d, Bit c, bool on1, bool invert, u32 s0, u32 s1) {
    if (d == BZ) d = BX;
    if (invert && d != BX) d = d == B0 ? B1 : B0;
    u8 v = sv_drive(d, s0, s1);
    if (c == B0 || c == B1) return (c == B1) == on1 ? v : kSvHiZ;
    return sv_maybe(v);
}

/// Whether a switch with control c conducts: 1 on, 0 off, 2 unknown (x or z control).
MF_HD inline u32 sv_switch_on(Bit c, bool on1) {
    if (c == B0 || c == B1) return (c == B1) == on1 ? 1u : 0u;
    return 2u;
}

/// The output of an nmos/pmos (rnmos/rpmos) switch passing `in` under control c.
MF_HD inline u8 sv_mos(u8 in, Bit c, bool on1, bool resistive) {
    u32 on = sv_switch_on(c, on1);
    if (on == 0) return kSvHiZ;
    u8 v = sv_reduce(in, resistive);
    return on == 1 ? v : sv_maybe(v);
}

/// What a bidirectional switch (tran*, rtran*) in state `on` (sv_switch_on) passes of v.
MF_HD inline u8 sv_pass(u8 v, u32 on, bool resistive) {
    u8 x = sv_tran(v, resistive);
    return on == 2 ? sv_maybe(x) : x;
}

MF_HD inline u64 min_u64(u64 a, u64 b) {
    return a < b ? a : b;
}
/// The delay of a gate with rise/fall/turn-off delays for the output's new value b.
MF_HD inline u64 delay_pick(Bit b, u64 rise, u64 fall, u64 toz, u64 tox) {
    return b == B1 ? rise : b == B0 ? fall : b == BZ ? toz : tox;
}

/// The delay of a continuous assignment with rise/fall/turn-off delays whose value changes from
/// `from` to `to`: each changed bit's delay by its new value, as delay_pick, and the largest of
/// them for the whole vector (Icarus's rule; 1364-2005 6.1.3 leaves vectors open).
template <class V>
MF_HD inline u64 vec_delay(const V& from, const V& to, u64 rise, u64 fall, u64 toz, u64 tox) {
    word to1 = 0, to0 = 0, tz = 0, tx = 0;
    for (u32 i = 0; i < V::NW; ++i) {
        word fb = 0, tb = 0;
        if constexpr (V::four_state) {
            fb = from.bplane()[i];
            tb = to.bplane()[i];
        }
        word changed = (from.a[i] ^ to.a[i]) | (fb ^ tb);
        to1 |= changed & to.a[i] & ~tb;
        to0 |= changed & ~to.a[i] & ~tb;
        tz |= changed & ~to.a[i] & tb;
        tx |= changed & to.a[i] & tb;
    }
    u64 d = 0;
    const word present[4] = {to0, to1, tz, tx}; // indexed by Bit
    for (u32 b = B0; b <= BX; ++b)
        if (present[b]) {
            u64 t = delay_pick(Bit(b), rise, fall, toz, tox);
            d = t > d ? t : d;
        }
    return d;
}

/// Which of a module path's n = 1, 2, 3 or 6+ values serves transition p of the six (01 10 0z z1
/// 1z z0), 1364-2005 Table 14-3.
MF_HD inline u32 path_slot(u32 n, u32 p) {
    if (n >= 6) return p;
    if (n == 3) return p == 2 || p == 4 ? 2 : p == 1 || p == 5 ? 1 : 0;
    if (n == 2) return p == 1 || p == 4 || p == 5 ? 1 : 0;
    return 0;
}

/// A module path's delay for a transition of its output bit (bit codes, 1364-2005 14.3.1) from
/// its n = 1, 2, 3, 6 or 12 values v: Table 14-3 gives each of the six 0/1/z transitions its
/// value; without the six x-transition values, a transition to x takes the smaller and one from
/// x the larger of the two it lies between. No transition: 0.
MF_HD inline u64 path_delay(u32 from, u32 to, u32 n, const u64* v) {
    u64 t01 = v[path_slot(n, 0)], t10 = v[path_slot(n, 1)], t0z = v[path_slot(n, 2)],
        tz1 = v[path_slot(n, 3)], t1z = v[path_slot(n, 4)], tz0 = v[path_slot(n, 5)];
    auto mx = [](u64 a, u64 b) { return a > b ? a : b; };
    bool x12 = n == 12;
    switch (from * 4 + to) {
    case B0 * 4 + B1:
        return t01;
    case B0 * 4 + BZ:
        return t0z;
    case B0 * 4 + BX:
        return x12 ? v[6] : min_u64(t01, t0z);
    case B1 * 4 + B0:
        return t10;
    case B1 * 4 + BZ:
        return t1z;
    case B1 * 4 + BX:
        return x12 ? v[8] : min_u64(t10, t1z);
    case BZ * 4 + B0:
        return tz0;
    case BZ * 4 + B1:
        return tz1;
    case BZ * 4 + BX:
        return x12 ? v[11] : min_u64(tz1, tz0);
    case BX * 4 + B0:
        return x12 ? v[9] : mx(t10, tz0);
    case BX * 4 + B1:
        return x12 ? v[7] : mx(t01, tz1);
    case BX * 4 + BZ:
        return x12 ? v[10] : mx(t0z, t1z);
    default:
        return 0;
    }
}

/// The edge from a to b (clause 9.7.2): 1 rising (0 to 1/x/z, x/z to 1), -1 falling (1 to 0/x/z,
/// x/z to 0), 0 none.
MF_HD inline int edge_of(Bit a, Bit b) {
    if (a == b) return 0;
    if (a == B0 || b == B1) return 1;
    if (a == B1 || b == B0) return -1;
    return 0;
}

/// Packs n strength bytes into service-record words from p[off] (eight bytes a word).
MF_HD inline void pack_sv(word* p, u32 off, const u8* v, u32 n) {
    for (u32 i = 0; i < (n + 7) / 8; ++i) p[off + i] = 0;
    for (u32 i = 0; i < n; ++i) p[off + i / 8] |= static_cast<word>(v[i]) << (8 * (i % 8));
}

} // namespace metalfpga::rt::model
