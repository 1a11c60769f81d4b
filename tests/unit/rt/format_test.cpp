// $display formatting; expected strings are what Icarus Verilog 11 prints for the same
// arguments.
#include "metalfpga/rt/format.h"

#include <gtest/gtest.h>

namespace rt = metalfpga::rt;
namespace f = metalfpga::rt::fmt;
using rt::Value;

namespace {

Value bin(const char* s, bool sgn = false) {
    return Value::from_binary(s, sgn);
}
Value u(rt::u32 w, rt::u64 v) {
    return Value::from_u64(w, v);
}
Value s(rt::u32 w, rt::i64 v) {
    return Value::from_i64(w, v, true);
}

std::string fmt1(const char* format, Value v) {
    return f::format_display({f::Arg::str(format), f::Arg::vec(std::move(v))}, f::Context{});
}

TEST(RtFormat, AutomaticWidths) {
    EXPECT_EQ(fmt1("[%d]", u(8, 5)), "[  5]");
    EXPECT_EQ(fmt1("[%0d]", u(8, 5)), "[5]");
    EXPECT_EQ(fmt1("[%5d]", u(8, 5)), "[    5]");
    EXPECT_EQ(fmt1("[%2d]", u(8, 5)), "[ 5]");
    EXPECT_EQ(fmt1("[%d]", s(8, -5)), "[  -5]");
    EXPECT_EQ(fmt1("[%0d]", s(8, -5)), "[-5]");
    EXPECT_EQ(fmt1("[%b]", u(8, 5)), "[00000101]");
    EXPECT_EQ(fmt1("[%0b]", u(8, 5)), "[101]");
    EXPECT_EQ(fmt1("[%h]", u(8, 5)), "[05]");
    EXPECT_EQ(fmt1("[%0h]", u(8, 5)), "[5]");
    EXPECT_EQ(fmt1("[%o]", u(8, 5)), "[005]");
    EXPECT_EQ(fmt1("[%x]", u(8, 5)), "[05]");
    EXPECT_EQ(fmt1("[%d]", s(32, -7)), "[         -7]");
    EXPECT_EQ(fmt1("[%h]", s(32, -7)), "[fffffff9]");
    EXPECT_EQ(fmt1("[%05d]", s(32, -7)), "[-0007]");
    EXPECT_EQ(fmt1("[%-5d|]", s(32, -7)), "[-7   |]");
    EXPECT_EQ(fmt1("[%-4h|]", u(8, 5)), "[05  |]");
    EXPECT_EQ(fmt1("[%04h]", u(8, 5)), "[0005]");
    EXPECT_EQ(fmt1("[%3b]", u(8, 200)), "[11001000]");
    EXPECT_EQ(fmt1("[%10b]", u(8, 200)), "[  11001000]");
    EXPECT_EQ(fmt1("[%1h]", u(8, 200)), "[c8]");
    EXPECT_EQ(fmt1("[%2o]", u(8, 200)), "[310]");
    EXPECT_EQ(fmt1("[%d]", s(8, -128)), "[-128]");
    EXPECT_EQ(fmt1("[%10d]", s(8, -128)), "[      -128]");
    EXPECT_EQ(fmt1("[%010d]", s(8, -128)), "[-000000128]");
    EXPECT_EQ(fmt1("[%d]", bin("1111111111111111111111111111111111111111111111111111111111111111")),
              "[18446744073709551615]");
    EXPECT_EQ(fmt1("[%o]", bin("1111111111111111111111111111111111111111111111111111111111111111")),
              "[1777777777777777777777]");
    EXPECT_EQ(fmt1("[%d]", Value::all_x(72).with_signed(false).resized(72)).size(), 24u);
    Value big = Value::from_i64(72, -1, false);
    EXPECT_EQ(fmt1("[%h]", big), "[ffffffffffffffffff]");
    EXPECT_EQ(fmt1("[%d]", big), "[4722366482869645213695]");
    Value minv(70, true);
    minv.set_bit(69, rt::B1);
    EXPECT_EQ(fmt1("[%d]", minv), "[-590295810358705651712]");
    EXPECT_EQ(fmt1("[%d]", u(1, 1)), "[1]");
    EXPECT_EQ(fmt1("[%0b]", u(8, 0)), "[0]");
    EXPECT_EQ(fmt1("[%0o]", u(8, 0)), "[0]");
    EXPECT_EQ(fmt1("[%0d]", u(8, 0)), "[0]");
    EXPECT_EQ(fmt1("[%d]", u(8, 0)), "[  0]");
}

TEST(RtFormat, UnknownDigits) {
    EXPECT_EQ(fmt1("[%h]", bin("0001xxxx0010zzzz")), "[1x2z]");
    EXPECT_EQ(fmt1("[%o]", bin("00001xzzz111")), "[0Xz7]");
    EXPECT_EQ(fmt1("[%d]", bin("0001xxxx0010zzzz")), "[    X]");
    EXPECT_EQ(fmt1("[%d]", bin("xxxxxxxx")), "[  x]");
    EXPECT_EQ(fmt1("[%h]", bin("xxxxxxxx")), "[xx]");
    EXPECT_EQ(fmt1("[%o]", bin("xxxxxxxx")), "[xxx]");
    EXPECT_EQ(fmt1("[%0d]", bin("xxxxxxxx")), "[x]");
    EXPECT_EQ(fmt1("[%d]", bin("zzzzzzzz")), "[  z]");
    EXPECT_EQ(fmt1("[%h]", bin("zzzzzzzz")), "[zz]");
    EXPECT_EQ(fmt1("[%o]", bin("zzzzzzzz")), "[zzz]");
    EXPECT_EQ(fmt1("[%d] [%h] [%o]", bin("0000xxxx")).substr(0, 5), "[  X]");
    EXPECT_EQ(fmt1("[%h]", bin("0000xxxx")), "[0x]");
    EXPECT_EQ(fmt1("[%o]", bin("0000xxxx")), "[0Xx]");
    EXPECT_EQ(fmt1("[%d]", bin("0000zzzz")), "[  Z]");
    EXPECT_EQ(fmt1("[%h]", bin("0000zzzz")), "[0z]");
    EXPECT_EQ(fmt1("[%o]", bin("0000zzzz")), "[0Zz]");
    EXPECT_EQ(fmt1("[%d]", bin("00x0zzzz")), "[  X]");
    EXPECT_EQ(fmt1("[%h]", bin("00x0zzzz")), "[Xz]");
    EXPECT_EQ(fmt1("[%o]", bin("00x0zzzz")), "[0Xz]");
    EXPECT_EQ(fmt1("[%d]", bin("1xxxxxxx", true)), "[   X]");
    EXPECT_EQ(fmt1("[%0b]", bin("0000000x")), "[x]");
    EXPECT_EQ(fmt1("[%0o]", bin("0000000x")), "[X]");
    EXPECT_EQ(fmt1("[%0h]", bin("0000000x")), "[X]");
    EXPECT_EQ(fmt1("[%0d]", bin("0000000x")), "[X]");
    EXPECT_EQ(fmt1("[%0b]", bin("0zzzzzzz")), "[zzzzzzz]");
    EXPECT_EQ(fmt1("[%0o]", bin("0zzzzzzz")), "[Zzz]");
    EXPECT_EQ(fmt1("[%0h]", bin("0zzzzzzz")), "[Zz]");
    EXPECT_EQ(fmt1("[%d]", bin("1zx0")), "[ X]");
    EXPECT_EQ(fmt1("[%h]", bin("1zx0")), "[X]");
    EXPECT_EQ(fmt1("[%o]", bin("1zx0")), "[1X]");
    EXPECT_EQ(fmt1("[%d]", bin("x")), "[x]");
    EXPECT_EQ(fmt1("[%d]", bin("z")), "[z]");
    EXPECT_EQ(fmt1("[%5d] [%0d] [%-5d|]", bin("xxxxxxxx")), "[    x] [<%0d>] [<%-5d>|]");
}

TEST(RtFormat, StringsAndChars) {
    EXPECT_EQ(fmt1("[%s]", u(32, 0x6162)), "[  ab]");
    EXPECT_EQ(fmt1("[%0s]", u(32, 0x6162)), "[ab]");
    EXPECT_EQ(fmt1("[%5s]", u(32, 0x6162)), "[   ab]");
    EXPECT_EQ(fmt1("[%c]", u(32, 0x6162)), "[b]");
    EXPECT_EQ(fmt1("[%s]", u(32, 0x41004200)), "[A B ]");
    EXPECT_EQ(fmt1("[%s]", u(24, 0x004100)), "[ A ]");
    EXPECT_EQ(fmt1("[%0s]", u(24, 0x004100)), "[A ]");
    EXPECT_EQ(fmt1("[%s]", u(32, 0x41)), "[   A]");
    EXPECT_EQ(fmt1("[%s]", u(32, 0)), "[    ]");
    EXPECT_EQ(fmt1("[%0s]", u(32, 0)), "[]");
    EXPECT_EQ(fmt1("[%s]", u(9, 0x141)), "[\x01"
                                         "A]");
    EXPECT_EQ(fmt1("[%s] [%10s] [%-10s|]", u(16, 0x4142)).substr(0, 4), "[AB]");
    EXPECT_EQ(fmt1("[%10s]", u(16, 0x4142)), "[        AB]");
    EXPECT_EQ(fmt1("[%-10s|]", u(16, 0x4142)), "[AB        |]");
    EXPECT_EQ(fmt1("[%s]", bin("010000x1")), "[A]");
    EXPECT_EQ(fmt1("[%c]", bin("xxxxxxxx")), std::string("[\0]", 3));
}

TEST(RtFormat, StrengthRawAndReal) {
    EXPECT_EQ(fmt1("[%v]", bin("1")), "[St1]");
    EXPECT_EQ(fmt1("[%v]", bin("z")), "[HiZ]");
    EXPECT_EQ(fmt1("[%v]", bin("x")), "[StX]");
    EXPECT_EQ(fmt1("[%v]", bin("1x")), "[St1_StX]");
    EXPECT_EQ(fmt1("[%v]", bin("1010")), "[St1_St0_St1_St0]");
    EXPECT_EQ(fmt1("[%u]", u(8, 200)), std::string("[\xc8\0\0\0]", 6));
    EXPECT_EQ(fmt1("[%z]", u(8, 200)), std::string("[\xc8\0\0\0\0\0\0\0]", 10));
    f::Context ctx;
    auto fr = [&](const char* format, double d) {
        return f::format_display({f::Arg::str(format), f::Arg::real(d)}, ctx);
    };
    EXPECT_EQ(fr("[%e]", 3.14159), "[3.141590e+00]");
    EXPECT_EQ(fr("[%f]", 3.14159), "[3.141590]");
    EXPECT_EQ(fr("[%g]", 3.14159), "[3.14159]");
    EXPECT_EQ(fr("[%10.3f]", 3.14159), "[     3.142]");
    EXPECT_EQ(fr("[%-10.2f|]", 3.14159), "[3.14      |]");
    EXPECT_EQ(fr("[%d]", 3.14159), "[3]");
    EXPECT_EQ(fr("[%10.4g]", 12345.678), "[ 1.235e+04]");
    EXPECT_EQ(fr("%5.2e", 0.0001234), "1.23e-04");
    EXPECT_EQ(fmt1("[%e] [%f] [%g]", u(8, 200)).substr(0, 15), "[2.000000e+02] ");
    EXPECT_EQ(
        f::format_display({f::Arg::real(3.14159), f::Arg::vec(u(8, 5)), f::Arg::str("x")}, ctx),
        "3.14159  5x");
    EXPECT_EQ(f::format_display({f::Arg::real(1e20), f::Arg::str(" "), f::Arg::real(1.5)}, ctx),
              "1.00000e+20 1.50000");
    EXPECT_EQ(f::format_display({f::Arg::vec(u(8, 5)), f::Arg::str(" "), f::Arg::real(3.14159)},
                                ctx, 'h'),
              "05 3.14159");
    EXPECT_EQ(
        f::format_display({f::Arg::str("%d"), f::Arg::vec(u(8, 5)), f::Arg::vec(u(8, 5))}, ctx),
        "  5  5");
    f::Arg empty;
    empty.kind = f::Arg::Empty;
    EXPECT_EQ(f::format_display({f::Arg::str("a"), empty, f::Arg::str("b")}, ctx), "a b");
    // A conversion without an argument prints itself, as Icarus does.
    EXPECT_EQ(fmt1("%d, %d|%-5h|%05b|%+3d|%8.3f|%t|%D", u(8, 5)),
              "  5, <%d>|<%-5h>|<%05b>|<%+3d>|<%8.3f>|<%t>|<%D>");
}

TEST(RtFormat, TimeScopeLibrary) {
    f::Context ctx;
    ctx.scope = "top.u1";
    ctx.library_cell = "work.top";
    ctx.time_units = -9;
    ctx.timeformat.units = -12; // simulation precision 1ps
    auto ft = [&](const char* format, f::Arg a) {
        return f::format_display({f::Arg::str(format), std::move(a)}, ctx);
    };
    EXPECT_EQ(ft("[%t]", f::Arg::real(5.5)), "[                5500]");
    EXPECT_EQ(ft("[%0t]", f::Arg::real(5.5)), "[5500]");
    EXPECT_EQ(ft("[%t]", f::Arg::vec(u(64, 123))), "[              123000]");
    ctx.timeformat = f::TimeFormat{-9, 2, " ns", 12};
    EXPECT_EQ(ft("[%t]", f::Arg::real(5.5)), "[     5.50 ns]");
    EXPECT_EQ(ft("[%0t]", f::Arg::real(5.5)), "[5.50 ns]");
    EXPECT_EQ(ft("[%t]", f::Arg::vec(u(64, 7))), "[     7.00 ns]");
    ctx.timeformat = f::TimeFormat{-9, 0, "", 20};
    EXPECT_EQ(ft("[%t]", f::Arg::vec(u(64, 0))), "[                   0]");
    EXPECT_EQ(ft("[%0t]", f::Arg::vec(u(64, 0))), "[0]");
    EXPECT_EQ(f::format_display({f::Arg::str("[%m] [%l] [%%]")}, ctx), "[top.u1] [work.top] [%]");
}

} // namespace
