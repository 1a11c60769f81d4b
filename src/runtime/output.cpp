#include "runtime/output.h"

#include "metalfpga/rt/format.h"
#include "metalfpga/rt/value.h"

#include <fmt/format.h>

#include <cstring>
#include <vector>

namespace metalfpga::runtime {

rt::fmt::TimeFormat defaultTimeFormat(int precision) {
    rt::fmt::TimeFormat tf;
    tf.units = precision;
    tf.precision = 0;
    tf.suffix.clear();
    tf.min_width = 20;
    return tf;
}

std::string formatSite(const contract::Model& info, const contract::ServiceSite& site,
                       const rt::word* payload) {
    return formatSite(site, payload, defaultTimeFormat(info.precision));
}

std::string formatSite(const contract::ServiceSite& site, const rt::word* payload,
                       const rt::fmt::TimeFormat& timeFormat, size_t first, bool singleFormat) {
    std::vector<rt::fmt::Arg> args;
    for (size_t i = first; i < site.args.size(); ++i) {
        const contract::SiteArg& a = site.args[i];
        switch (a.kind) {
        case contract::SiteArg::Empty: {
            rt::fmt::Arg e;
            e.kind = rt::fmt::Arg::Empty;
            args.push_back(e);
            break;
        }
        case contract::SiteArg::String:
            args.push_back(rt::fmt::Arg::str(a.text));
            break;
        case contract::SiteArg::Real: {
            double d;
            std::memcpy(&d, &payload[a.offset], sizeof d);
            args.push_back(rt::fmt::Arg::real(d));
            args.back().realtime_digits = a.realtimeDigits;
            break;
        }
        case contract::SiteArg::Vector: {
            rt::Value v(a.width, a.isSigned);
            uint32_t nw = rt::k::nwords(a.width);
            rt::k::VRef r = v.ref();
            for (uint32_t w = 0; w < nw; ++w) {
                r.a[w] = payload[a.offset + w];
                r.b[w] = payload[a.offset + nw + w];
            }
            if (singleFormat && i == first) {
                args.push_back(rt::fmt::Arg::str(rt::fmt::value_text(v)));
            } else {
                args.push_back(rt::fmt::Arg::vec(std::move(v)));
                if (a.strength)
                    for (uint32_t b = 0; b < a.width; ++b)
                        args.back().strength.push_back(
                            static_cast<uint8_t>(payload[a.svOffset + b / 8] >> (8 * (b % 8))));
            }
            break;
        }
        }
    }
    rt::fmt::Context ctx;
    ctx.scope = site.scope;
    ctx.time_units = site.timeUnit;
    ctx.timeformat = timeFormat;
    std::string s = rt::fmt::format_display(args, ctx, site.defaultConv, singleFormat);
    if (site.newline) s += '\n';
    return s;
}

std::string timeString(const contract::Model& info, uint64_t ticks) {
    static const char* const units[] = {"s", "ms", "us", "ns", "ps", "fs"};
    int p = info.precision;
    // ticks of 10^p s: in the unit of the largest power-of-1000 at or below p.
    int u = p >= 0 ? 0 : (-p + 2) / 3;
    if (u > 5) u = 5;
    int exp = p + 3 * u; // 10^exp of unit u per tick
    std::string n = std::to_string(ticks);
    for (int i = 0; i < exp; ++i) n += '0';
    return fmt::format("{} ({})", n, units[u]);
}

} // namespace metalfpga::runtime
