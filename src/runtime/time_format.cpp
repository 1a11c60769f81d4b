// $timeformat (IEEE 1364-2005 17.3.2): how %t prints times, per instance. Missing arguments
// keep their default: units = the design's finest precision, precision 0, no suffix, minimum
// width 20; $timeformat without arguments restores all of them.
#include "runtime/host_calls.h"
#include "runtime/output.h"

namespace metalfpga::runtime {

void callTimeformat(CallContext& c) {
    rt::fmt::TimeFormat tf = defaultTimeFormat(c.instance.precision);
    auto integer = [&](size_t i, int& out, int lo, int hi, const char* what) {
        if (i >= c.argCount() || c.site.args[i].kind == contract::SiteArg::Empty) return;
        rt::Value v = c.value(i);
        if (v.has_xz()) {
            c.warn(std::string("$timeformat: the ") + what + " is x or z; the default is used");
            return;
        }
        int64_t x = static_cast<int64_t>(v.converted(64, true).to_u64());
        if (x < lo || x > hi) {
            c.warn(std::string("$timeformat: the ") + what + " " + std::to_string(x) +
                   " is outside " + std::to_string(lo) + " .. " + std::to_string(hi) +
                   "; the default is used");
            return;
        }
        out = static_cast<int>(x);
    };
    integer(0, tf.units, -15, 2, "units");
    integer(1, tf.precision, 0, 100, "precision");
    if (c.argCount() > 2 && c.site.args[2].kind != contract::SiteArg::Empty) tf.suffix = c.text(2);
    integer(3, tf.min_width, 0, 1000, "minimum field width");
    c.instance.timeFormat = tf;
}

} // namespace metalfpga::runtime
