// $test$plusargs and $value$plusargs (IEEE 1364-2005 17.10): the plusargs are the command
// line's (+word arguments that are not options) followed by the instance's own
// (--instance-plusargs).
#include "runtime/host_calls.h"

#include <cctype>
#include <cstdlib>

namespace metalfpga::runtime {

namespace {

const std::string* findPlusarg(const InstanceHost& inst, const std::string& prefix) {
    for (const auto& p : inst.plusargs)
        if (p.compare(0, prefix.size(), prefix) == 0) return &p;
    return nullptr;
}

// Digits of `text` in base 2/8/16 (x, z, ? and _ allowed) as a value of `width` bits; false when
// a character is not a digit.
bool parseBased(const std::string& text, int bitsPerDigit, uint32_t width, rt::Value& out) {
    std::string bits;
    for (char ch : text) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (c == '_') continue;
        if (c == 'x' || c == 'z' || c == '?') {
            bits += std::string(static_cast<size_t>(bitsPerDigit), c == 'x' ? 'x' : 'z');
            continue;
        }
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                                                            : 99;
        if (d >= (1 << bitsPerDigit)) return false;
        for (int b = bitsPerDigit - 1; b >= 0; --b) bits += ((d >> b) & 1) ? '1' : '0';
    }
    if (bits.empty()) return false;
    out = rt::Value::from_binary(bits).resized(width);
    return true;
}

} // namespace

void callTestPlusargs(CallContext& c) {
    c.setResult(findPlusarg(c.instance, c.text(0)) ? 1 : 0);
}

void callValuePlusargs(CallContext& c) {
    std::string format = c.text(0);
    size_t pct = format.find('%');
    if (pct == std::string::npos || pct + 1 >= format.size()) {
        c.warn("$value$plusargs: the format '" + format + "' has no conversion (%d, %s, ...)");
        c.setResult(0);
        return;
    }
    std::string prefix = format.substr(0, pct);
    char conv = static_cast<char>(std::tolower(static_cast<unsigned char>(format[pct + 1])));
    const std::string* arg = findPlusarg(c.instance, prefix);
    if (!arg) {
        c.setResult(0);
        return;
    }
    std::string text = arg->substr(prefix.size());
    const contract::ReplySlot* out = c.output(1);
    uint32_t width = out ? out->width : 32;
    rt::Value v;
    switch (conv) {
    case 'd': {
        // Decimal, with an optional sign; conversion stops at the first non-digit.
        size_t i = 0;
        bool neg = false;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
        rt::Value acc = rt::Value::from_u64(width, 0);
        rt::Value ten = rt::Value::from_u64(width, 10);
        bool any = false;
        for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
            acc = acc * ten + rt::Value::from_u64(width, static_cast<uint64_t>(text[i] - '0'));
            any = true;
        }
        if (!any) {
            c.warn("$value$plusargs: '+" + *arg + "' has no decimal value");
            v = rt::Value::all_x(width);
        } else {
            v = neg ? rt::val::neg(acc) : acc;
        }
        break;
    }
    case 'b':
    case 'o':
    case 'h':
    case 'x':
        if (!parseBased(text, conv == 'b' ? 1 : conv == 'o' ? 3 : 4, width, v)) {
            c.warn("$value$plusargs: '+" + *arg + "' has no valid %" + conv + " value");
            v = rt::Value::all_x(width);
        }
        break;
    case 'e':
    case 'f':
    case 'g':
        c.setOutputReal(1, std::strtod(text.c_str(), nullptr));
        c.setResult(1);
        return;
    case 's': {
        v = rt::Value(width);
        for (size_t k = 0; k < text.size() && (k + 1) * 8 <= width; ++k) {
            unsigned char ch = static_cast<unsigned char>(text[text.size() - 1 - k]);
            for (int b = 0; b < 8; ++b)
                v.set_bit(static_cast<int64_t>(k * 8 + b), (ch >> b) & 1 ? rt::B1 : rt::B0);
        }
        break;
    }
    default:
        c.warn(std::string("$value$plusargs: unknown conversion %") + conv);
        c.setResult(0);
        return;
    }
    c.setOutput(1, v);
    c.setResult(1);
}

} // namespace metalfpga::runtime
