// $sformat and $swrite/$swriteb/$swriteo/$swriteh (IEEE 1364-2005 17.1.3): the arguments after
// the output variable are formatted exactly as $display/$write format them (with the
// instance's $timeformat) and the text is stored in the variable (argument 0), right-justified:
// its last character in the low 8 bits, zero bits to the left, leading characters dropped when
// the variable is narrower.
#include "runtime/host_calls.h"
#include "runtime/output.h"

namespace metalfpga::runtime {

namespace {

void store(CallContext& c, std::string text) {
    // The text ends at its first NUL byte (%u/%z of values with zero bytes), as Icarus does.
    if (size_t nul = text.find('\0'); nul != std::string::npos) {
        c.warn(c.site.task + " made text with a NUL byte (%u/%z); the text ends there");
        text.resize(nul);
    }
    const contract::ReplySlot* out = c.output(0);
    uint32_t width = out ? out->width : static_cast<uint32_t>(8 * text.size());
    rt::Value v = rt::Value::from_u64(width == 0 ? 1 : width, 0);
    for (size_t k = 0; k < text.size() && k * 8 < width; ++k) {
        unsigned char ch = static_cast<unsigned char>(text[text.size() - 1 - k]);
        for (uint32_t b = 0; b < 8 && k * 8 + b < width; ++b)
            v.set_bit(static_cast<int64_t>(k * 8 + b), (ch >> b) & 1 ? rt::B1 : rt::B0);
    }
    c.setOutput(0, v);
}

} // namespace

void callSformat(CallContext& c) {
    if (c.argCount() < 2) {
        c.warn("$sformat needs an output variable and a format");
        return;
    }
    store(c, formatSite(c.site, c.payload(), c.instance.timeFormat, 1, true));
}

void callSwrite(CallContext& c) {
    store(c, formatSite(c.site, c.payload(), c.instance.timeFormat, 1, false));
}

} // namespace metalfpga::runtime
