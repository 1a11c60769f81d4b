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

// Whether `text` is a valid value for base 2/8/10/16 as Icarus checks it: only that base's
// digits, x/z and '_', no leading '_', and a '-' only first; a decimal is that, without x/z,
// or else only x and '_' or only z and '_'.
bool validDigits(const std::string& text, int base) {
    auto only = [&](std::string_view set) {
        return text.find_first_not_of(set) == std::string::npos;
    };
    if (base == 10 && (only("xX_") || only("zZ_"))) return true;
    std::string_view set = base == 2    ? "-01_xXzZ"
                           : base == 8  ? "-01234567_xXzZ"
                           : base == 10 ? "-0123456789_"
                                        : "-0123456789aAbBcCdDeEfF_xXzZ";
    size_t dash = text.rfind('-');
    return only(set) && (text.empty() || text[0] != '_') &&
           (dash == std::string::npos || dash == 0);
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
    // As Icarus, a '0' after the '%' (%0d) is allowed.
    size_t at = pct + 1 + (format[pct + 1] == '0' && pct + 2 < format.size());
    char conv = static_cast<char>(std::tolower(static_cast<unsigned char>(format[at])));
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
    case 'b':
    case 'o':
    case 'd':
    case 'h':
    case 'x': {
        int base = conv == 'b' ? 2 : conv == 'o' ? 8 : conv == 'd' ? 10 : 16;
        if (validDigits(text, base)) {
            c.setOutputDigits(1, text, base);
        } else {
            // Icarus's warning, on stdout.
            std::string head = "WARNING: " + c.site.where + ":";
            c.instance.emit(head + " Invalid " +
                            (base == 2    ? "binary"
                             : base == 8  ? "octal"
                             : base == 10 ? "decimal"
                                          : "hex") +
                            " value passed to $value$plusargs:\n" + std::string(head.size(), ' ') +
                            " \"" + text + "\".\n");
            c.setOutputDigits(1, "x", base);
        }
        c.setResult(1);
        return;
    }
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
