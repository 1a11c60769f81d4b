// Helpers shared by the value-library tests: the operator table (reference model vs
// library) and conversions between the library's types and bit strings.
#pragma once

#include "metalfpga/rt/logic.h"
#include "metalfpga/rt/value.h"
#include "ref_model.h"

#include <random>
#include <string>
#include <vector>

namespace rttest {

using metalfpga::rt::Value;
namespace rt = metalfpga::rt;
namespace k = metalfpga::rt::k;
using reftest::R;

inline Value to_value(const R& r) {
    return Value::from_binary(reftest::str(r), r.s);
}

template <class V>
V to_vec(const R& r) {
    V v;
    for (size_t i = 0; i < r.w() && i < V::width; ++i) {
        char c = r.b[i];
        rt::Bit b = c == '1' ? rt::B1 : c == 'x' ? rt::BX : c == 'z' ? rt::BZ : rt::B0;
        k::set_bit(v.ref(), static_cast<rt::u32>(i), b);
    }
    return v;
}
template <class V>
std::string vec_str(const V& v) {
    std::string s(V::width, '0');
    for (rt::u32 i = 0; i < V::width; ++i) s[V::width - 1 - i] = "01zx"[k::get_bit(v.cref(), i)];
    return s;
}

struct BinOp {
    const char* name;
    R (*ref)(const R&, const R&);
    Value (*lib)(const Value&, const Value&);
};
struct UnOp {
    const char* name;
    R (*ref)(const R&);
    Value (*lib)(const Value&);
};

inline Value v_concat(const Value& x, const Value& y) {
    return rt::val::concat({x, y});
}

inline const std::vector<BinOp>& binary_ops() {
    namespace r = reftest;
    namespace v = metalfpga::rt::val;
    static const std::vector<BinOp> ops = {
        {"+", r::add, v::add},         {"-", r::sub, v::sub},       {"*", r::mul, v::mul},
        {"/", r::div, v::div},         {"%", r::mod, v::mod},       {"**", r::pow, v::pow},
        {"&", r::band, v::bit_and},    {"|", r::bor, v::bit_or},    {"^", r::bxor, v::bit_xor},
        {"~^", r::bxnor, v::bit_xnor}, {"==", r::eq, v::eq},        {"!=", r::ne, v::ne},
        {"===", r::ceq, v::case_eq},   {"!==", r::cne, v::case_ne}, {"<", r::lt, v::lt},
        {"<=", r::le, v::le},          {">", r::gt, v::gt},         {">=", r::ge, v::ge},
        {"&&", r::land, v::log_and},   {"||", r::lor, v::log_or},   {"<<", r::shl, v::shl},
        {">>", r::shr, v::shr},        {"<<<", r::shl, v::ashl},    {">>>", r::ashr, v::ashr},
        {"{,}", r::concat, v_concat},
    };
    return ops;
}

inline const std::vector<UnOp>& unary_ops() {
    namespace r = reftest;
    namespace v = metalfpga::rt::val;
    static const std::vector<UnOp> ops = {
        {"~", r::bnotv, v::bit_not},    {"-", r::neg, v::neg},
        {"+", r::plus, v::plus},        {"!", r::lnot, v::log_not},
        {"&", r::red_and, v::red_and},  {"|", r::red_or, v::red_or},
        {"^", r::red_xor, v::red_xor},  {"~&", r::red_nand, v::red_nand},
        {"~|", r::red_nor, v::red_nor}, {"~^", r::red_xnor, v::red_xnor},
    };
    return ops;
}

/// All 4^w values of width w as reference values.
inline std::vector<R> all_values(size_t w, bool s) {
    std::vector<R> out;
    size_t n = size_t(1) << (2 * w);
    for (size_t code = 0; code < n; ++code) {
        R r;
        r.s = s;
        for (size_t i = 0; i < w; ++i) r.b += "01xz"[(code >> (2 * i)) & 3];
        out.push_back(r);
    }
    return out;
}

/// A random value: with some probability all known, with interesting special patterns.
inline R random_value(std::mt19937_64& rng, size_t w, bool s, int xz_permille) {
    R r;
    r.s = s;
    int kind = static_cast<int>(rng() % 10);
    char fill = "01"[rng() % 2];
    for (size_t i = 0; i < w; ++i) {
        char c;
        if (kind == 0)
            c = fill; // all zeros or all ones
        else if (kind == 1)
            c = i == 0 ? "01"[rng() % 2] : (i + 1 == w ? fill : '0'); // small / min signed
        else
            c = "01"[rng() % 2];
        if (static_cast<int>(rng() % 1000) < xz_permille) c = "xz"[rng() % 2];
        r.b += c;
    }
    return r;
}

} // namespace rttest
