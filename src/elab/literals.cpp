// Literals: numbers (1364-2005 clause 3.5), reals and strings as constants.

#include "elab/elaborator.h"

#include <cctype>
#include <cstdlib>
#include <string>

namespace metalfpga::elab {

namespace {

constexpr uint64_t kMaxLiteralWidth = uint64_t(1) << 20;

bool isXZ(char c) {
    return c == 'x' || c == 'X' || c == 'z' || c == 'Z' || c == '?';
}

// Decimal digits to a value of `width` bits, with the value library's arithmetic.
rt::Value decimalValue(std::string_view digits, uint32_t width) {
    rt::Value r(width, false);
    rt::Value ten = rt::Value::from_u64(width, 10);
    for (char c : digits) {
        if (c < '0' || c > '9') continue;
        r = rt::val::add(rt::val::mul(r, ten), rt::Value::from_u64(width, uint64_t(c - '0')));
    }
    return r;
}

// The smallest width that holds the unsigned value v (at least 1).
uint32_t usedWidth(const rt::Value& v) {
    for (uint32_t i = v.width(); i-- > 0;)
        if (v.bit(i) != rt::B0) return i + 1;
    return 1;
}

} // namespace

std::optional<rt::Value> Elaborator::parseNumber(const ast::NumberExpr& n) {
    std::string digits;
    for (char c : n.digits)
        if (c != '_') digits += c;
    uint64_t size = 0;
    bool sized = !n.size.empty();
    if (sized) {
        for (char c : n.size) {
            if (c == '_') continue;
            size = size * 10 + uint64_t(c - '0');
            if (size > kMaxLiteralWidth) break;
        }
        if (size == 0) {
            diags_.error(n.loc, "a number cannot have a size of zero");
            return std::nullopt;
        }
        if (size > kMaxLiteralWidth) {
            diags_.error(n.loc, "number size {} is too large", std::string(n.size));
            return std::nullopt;
        }
    }
    if (n.base == 0) {
        // A plain decimal number: signed, at least 32 bits.
        uint32_t w = static_cast<uint32_t>(digits.size() * 4 + 4);
        rt::Value v = decimalValue(digits, w);
        uint32_t need = usedWidth(v) + 1;
        return v.resized(need > 32 ? need : 32).with_signed(true);
    }
    if (digits.empty()) {
        diags_.error(n.loc, "number '{}' has no digits", n.text);
        return std::nullopt;
    }
    rt::Value v;
    if (n.base == 'd') {
        if (isXZ(digits[0])) {
            if (digits.size() != 1) {
                diags_.error(n.loc, "a decimal number with x or z must have a single digit");
                return std::nullopt;
            }
            uint32_t w = sized ? uint32_t(size) : 32;
            bool x = digits[0] == 'x' || digits[0] == 'X';
            v = x ? rt::Value::all_x(w) : rt::Value::all_z(w);
            return v.with_signed(n.isSigned);
        }
        for (char c : digits)
            if (c < '0' || c > '9') {
                diags_.error(n.loc, "'{}' is not a decimal digit in '{}'", c, n.text);
                return std::nullopt;
            }
        uint32_t w = static_cast<uint32_t>(digits.size() * 4 + 4);
        v = decimalValue(digits, w);
        uint32_t need = usedWidth(v);
        if (!sized) v = v.resized(need > 32 ? need : 32);
    } else {
        unsigned bpd = n.base == 'b' ? 1 : n.base == 'o' ? 3 : 4;
        std::string bits;
        for (char c : digits) {
            char lc = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (isXZ(lc)) {
                char b = lc == 'x' ? 'x' : 'z';
                bits.append(bpd, b);
                continue;
            }
            int d = -1;
            if (lc >= '0' && lc <= '9') d = lc - '0';
            if (lc >= 'a' && lc <= 'f') d = lc - 'a' + 10;
            if (d < 0 || d >= (1 << bpd)) {
                diags_.error(n.loc, "'{}' is not a valid digit in '{}'", c, n.text);
                return std::nullopt;
            }
            for (unsigned i = bpd; i-- > 0;) bits += ((d >> i) & 1) ? '1' : '0';
        }
        v = rt::Value::from_binary(bits);
        if (!sized && v.width() < 32) {
            // Unsized: at least 32 bits; a leading x/z digit extends as x/z.
            char top = bits[0];
            uint32_t w = 32;
            rt::Value ext = v.resized(w);
            if (top == 'x' || top == 'z')
                for (uint32_t i = v.width(); i < w; ++i)
                    ext.set_bit(i, top == 'x' ? rt::BX : rt::BZ);
            v = ext;
        }
    }
    if (sized && v.width() != size) {
        uint32_t w = static_cast<uint32_t>(size);
        rt::Value r = v.resized(w);
        if (w > v.width()) {
            rt::Bit top = v.bit(v.width() - 1);
            if (top == rt::BX || top == rt::BZ)
                for (uint32_t i = v.width(); i < w; ++i) r.set_bit(i, top);
        }
        v = r;
    }
    return v.with_signed(n.isSigned);
}

double Elaborator::parseReal(const ast::RealExpr& r) {
    std::string t;
    for (char c : r.text)
        if (c != '_') t += c;
    return std::strtod(t.c_str(), nullptr);
}

rt::Value Elaborator::parseString(std::string_view s) {
    std::string bytes;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c != '\\' || i + 1 >= s.size()) {
            bytes += c;
            continue;
        }
        char e = s[++i];
        switch (e) {
        case 'n':
            bytes += '\n';
            break;
        case 't':
            bytes += '\t';
            break;
        case '\\':
            bytes += '\\';
            break;
        case '"':
            bytes += '"';
            break;
        case 'a':
            bytes += '\a';
            break;
        case 'f':
            bytes += '\f';
            break;
        case 'v':
            bytes += '\v';
            break;
        default:
            if (e >= '0' && e <= '7') {
                int v = e - '0';
                for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7';
                     ++k)
                    v = v * 8 + (s[++i] - '0');
                bytes += static_cast<char>(v & 0xff);
            } else {
                bytes += e;
            }
        }
    }
    if (bytes.empty()) return rt::Value(8, false);
    rt::Value v(static_cast<uint32_t>(bytes.size() * 8), false);
    for (size_t i = 0; i < bytes.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(bytes[bytes.size() - 1 - i]);
        for (unsigned b = 0; b < 8; ++b) v.set_bit(i * 8 + b, (c >> b) & 1 ? rt::B1 : rt::B0);
    }
    return v;
}

} // namespace metalfpga::elab
