#include "runtime/runtime.h"

#include "metalfpga/rt/format.h"
#include "metalfpga/rt/model.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace metalfpga::runtime {

namespace {

namespace m = rt::model;

struct RecordHeader {
    uint32_t kind, site, a, b;
    uint64_t time;
};
static_assert(sizeof(RecordHeader) == 24);

std::string formatSite(const codegen::Model& info, const codegen::ServiceSite& site,
                       const rt::word* payload) {
    std::vector<rt::fmt::Arg> args;
    for (const auto& a : site.args) {
        switch (a.kind) {
        case codegen::SiteArg::Empty: {
            rt::fmt::Arg e;
            e.kind = rt::fmt::Arg::Empty;
            args.push_back(e);
            break;
        }
        case codegen::SiteArg::String:
            args.push_back(rt::fmt::Arg::str(a.text));
            break;
        case codegen::SiteArg::Real: {
            double d;
            std::memcpy(&d, &payload[a.offset], sizeof d);
            args.push_back(rt::fmt::Arg::real(d));
            break;
        }
        case codegen::SiteArg::Vector: {
            rt::Value v(a.width, a.isSigned);
            uint32_t nw = rt::k::nwords(a.width);
            rt::k::VRef r = v.ref();
            for (uint32_t i = 0; i < nw; ++i) {
                r.a[i] = payload[a.offset + i];
                r.b[i] = payload[a.offset + nw + i];
            }
            args.push_back(rt::fmt::Arg::vec(std::move(v)));
            break;
        }
        }
    }
    rt::fmt::Context ctx;
    ctx.scope = site.scope;
    ctx.time_units = site.timeUnit;
    ctx.timeformat.units = info.precision;
    ctx.timeformat.precision = 0;
    ctx.timeformat.min_width = 20;
    std::string s = rt::fmt::format_display(args, ctx, site.defaultConv);
    if (site.newline) s += '\n';
    return s;
}

std::string timeString(const codegen::Model& info, uint64_t ticks) {
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

} // namespace

int simulate(const backends::cpu::LoadedModel& model, const codegen::Model& info,
             const RunOptions& o, double* simulateMs) {
    auto t0 = std::chrono::steady_clock::now();
    size_t size = static_cast<size_t>(model.stateSize());
    void* state = std::calloc(1, size);
    if (!state) {
        fmt::print(o.err, "metalfpga_cli: error: cannot allocate the model state ({} bytes)\n",
                   size);
        return 1;
    }
    std::unique_ptr<void, void (*)(void*)> guard(state, std::free);
    model.init(state, o.slotLimit);
    m::RingView rv{};
    model.ring(state, &rv);

    int exitCode = 0;
    bool done = false;
    auto drain = [&] {
        const char* base = static_cast<const char*>(rv.records);
        while (*rv.head != *rv.tail) {
            const char* rec = base + static_cast<size_t>(*rv.head % rv.capacity) * rv.stride;
            RecordHeader h;
            std::memcpy(&h, rec, sizeof h);
            const rt::word* payload = reinterpret_cast<const rt::word*>(rec + sizeof h);
            switch (h.kind) {
            case m::kSvcDisplay:
            case m::kSvcWrite:
            case m::kSvcStrobe:
            case m::kSvcMonitor:
                if (h.site < info.sites.size()) {
                    std::string s = formatSite(info, info.sites[h.site], payload);
                    std::fwrite(s.data(), 1, s.size(), o.out);
                }
                break;
            case m::kSvcFinish:
                break;
            case m::kSvcStop:
                std::fflush(o.out);
                fmt::print(o.err, "metalfpga: $stop at {}: the simulation ends (not interactive)\n",
                           timeString(info, h.time));
                break;
            case m::kSvcError: {
                std::fflush(o.out);
                std::string what;
                if (h.a == m::kErrZeroDelayLoop)
                    what =
                        fmt::format("more than {} process activations and loop iterations at time "
                                    "{} (a zero-delay "
                                    "loop?); last process: {}",
                                    o.slotLimit, timeString(info, h.time),
                                    (h.b & 0x7fffffffu) < info.processWhere.size()
                                        ? info.processWhere[h.b & 0x7fffffffu]
                                        : "?");
                else if (h.a == m::kErrNbaOverflow)
                    what = "the non-blocking assignment queue is full";
                else if (h.a == m::kErrStrobeOverflow)
                    what = "too many $strobe calls in one time slot";
                else
                    what = "the service ring overflowed inside a function";
                fmt::print(o.err, "metalfpga_cli: error: simulation: {}\n", what);
                exitCode = 1;
                break;
            }
            default:
                break;
            }
            ++*rv.head;
        }
    };
    while (!done) {
        unsigned st = model.step(state, o.maxSteps);
        drain();
        switch (st) {
        case m::kBudget:
        case m::kRingFull:
            break;
        case m::kFinished:
        case m::kStopped:
        case m::kIdle:
            done = true;
            break;
        default:
            exitCode = 1;
            done = true;
            break;
        }
    }
    std::fflush(o.out);
    if (simulateMs)
        *simulateMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
    return exitCode;
}

} // namespace metalfpga::runtime
