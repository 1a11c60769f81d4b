// casez/casex item matching, exhaustively at widths 1-3 against a per-bit reference.

#include "metalfpga/rt/logic.h"
#include "metalfpga/rt/value.h"

#include <gtest/gtest.h>

#include <string>

using namespace metalfpga::rt;

namespace {

const char kDigits[] = {'0', '1', 'z', 'x'};

std::string digits(unsigned code, unsigned width) {
    std::string s;
    for (unsigned i = 0; i < width; ++i) s += kDigits[(code >> (2 * (width - 1 - i))) & 3];
    return s;
}

bool reference(const std::string& a, const std::string& b, bool zOnly) {
    for (size_t i = 0; i < a.size(); ++i) {
        auto dc = [&](char c) { return c == 'z' || (!zOnly && c == 'x'); };
        if (dc(a[i]) || dc(b[i])) continue;
        if (a[i] != b[i]) return false;
    }
    return true;
}

} // namespace

TEST(CaseWild, ExhaustiveSmallWidths) {
    for (unsigned w = 1; w <= 3; ++w)
        for (unsigned x = 0; x < (1u << (2 * w)); ++x)
            for (unsigned y = 0; y < (1u << (2 * w)); ++y)
                for (bool zOnly : {true, false}) {
                    std::string a = digits(x, w), b = digits(y, w);
                    bool want = reference(a, b, zOnly);
                    EXPECT_EQ(val::case_wild(Value::from_binary(a), Value::from_binary(b), zOnly),
                              want)
                        << a << " vs " << b << (zOnly ? " casez" : " casex");
                }
}

TEST(CaseWild, WideValuesAcrossWords) {
    std::string a(130, '1'), b(130, '1');
    b[3] = 'z';
    EXPECT_TRUE(val::case_wild(Value::from_binary(a), Value::from_binary(b), true));
    b[3] = 'x';
    EXPECT_FALSE(val::case_wild(Value::from_binary(a), Value::from_binary(b), true));
    EXPECT_TRUE(val::case_wild(Value::from_binary(a), Value::from_binary(b), false));
    b[3] = '0';
    EXPECT_FALSE(val::case_wild(Value::from_binary(a), Value::from_binary(b), false));
}
