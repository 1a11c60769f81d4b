// metalfpga model support: user-defined primitives (1364-2005 clause 8).
//
// Host and device C++17, no standard headers (as config.h).
#pragma once

#include "metalfpga/rt/logic.h"

namespace metalfpga::rt::model {

// ---------------------------------------------------------------------------------------------
// UDP tables. A table is constant data made by code generation: one row is `nin + 2` bytes.
// Input field: bits 0-2 the values it matches (bit 0: 0, bit 1: 1, bit 2: x; z counts as x);
// an edge field has bit 7 set, bits 0-2 the values it matches before the change and bits 4-6
// after it. Then the current-state byte (values it matches; 7 for combinational UDPs) and the
// output: 0, 1, 2 (x) or 3 ('-': no change).

/// An input or state value as a table code: 0, 1, 2 (x or z).
MF_HD inline u32 udp_code(Bit b) {
    return b == B0 ? 0u : (b == B1 ? 1u : 2u);
}
MF_HD inline Logic<1> udp_logic(u32 code) {
    return code == 0 ? Logic<1>() : (code == 1 ? Logic<1>::ones() : Logic<1>::x());
}

/// The next output (state) for inputs `in` and current state `st`. Level rows take precedence
/// (clause 8.6); `ein` >= 0 names the input that just changed from `efrom`, for edge rows. No
/// matching row gives x.
MF_HD inline u32 udp_eval(const u8* t, u32 rows, u32 nin, const u8* in, u32 st, i32 ein,
                          u32 efrom) {
    const u32 rl = nin + 2;
    for (u32 r = 0; r < rows; ++r) {
        const u8* row = t + r * rl;
        bool ok = ((row[nin] >> st) & 1u) != 0;
        for (u32 i = 0; i < nin && ok; ++i)
            ok = (row[i] & 0x80u) == 0 && ((row[i] >> in[i]) & 1u) != 0;
        if (ok) return row[nin + 1] == 3 ? st : row[nin + 1];
    }
    if (ein < 0) return 2;
    for (u32 r = 0; r < rows; ++r) {
        const u8* row = t + r * rl;
        u8 e = row[ein];
        if (!(e & 0x80u) || !((e >> efrom) & 1u) || !((e >> (4 + in[ein])) & 1u)) continue;
        bool ok = ((row[nin] >> st) & 1u) != 0;
        for (u32 i = 0; i < nin && ok; ++i)
            if (i != static_cast<u32>(ein)) ok = ((row[i] >> in[i]) & 1u) != 0;
        if (ok) return row[nin + 1] == 3 ? st : row[nin + 1];
    }
    return 2;
}

/// A sequential UDP: applies the input changes from `prev` to `in` one input at a time (in port
/// order, as if they came one after another), updates `prev` and returns the new state.
MF_HD inline u32 udp_step(const u8* t, u32 rows, u32 nin, u8* prev, const u8* in, u32 st) {
    for (u32 i = 0; i < nin; ++i) {
        if (prev[i] == in[i]) continue;
        u32 from = prev[i];
        prev[i] = in[i];
        st = udp_eval(t, rows, nin, prev, st, static_cast<i32>(i), from);
    }
    return st;
}

} // namespace metalfpga::rt::model
