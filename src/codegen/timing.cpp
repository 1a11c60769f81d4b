#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

uint32_t Generator::waitSite(const std::vector<WaitItem>& items, int ind) {
    uint32_t id = static_cast<uint32_t>(sites_.size());
    sites_.push_back(WaitSite{curProc_, items, currentFrames()});
    std::set<RoutineId> seen;
    for (size_t i = 0; i < items.size(); ++i) {
        std::set<SignalId> reads;
        collectReads(items[i].expr, reads, seen);
        for (SignalId r : reads) sigSites_[r].insert(id);
        temps_.push_back(fmt::format("{} w{}_{};", cppType(items[i].type), id, i));
        line(ind, fmt::format("s.w{}_{} = {};", id, i, expr(*items[i].expr)));
    }
    return id;
}

void Generator::timing(const Timing& t, int ind) {
    switch (t.kind) {
    case Timing::Kind::Delay: {
        if (t.delay.values.empty()) return;
        const Expr& dv = *t.delay.values[0];
        uint64_t scale = timeScale(curScope_);
        std::string ticks = dv.type.isReal
                                ? fmt::format("delay_ticks_real({}, {}ull)", expr(dv), scale)
                                : fmt::format("delay_ticks({}, {}ull)", expr(dv), scale);
        suspend(ind, fmt::format("schedule_delay(s.sched, {}, {});", curProc_, ticks));
        return;
    }
    case Timing::Kind::Event:
    case Timing::Kind::Star: {
        std::vector<WaitItem> items;
        for (const EventItem& ev : t.events) {
            if (ev.expr->type.isReal) {
                unsupported(ev.expr->loc, "an event control on a real");
                return;
            }
            items.push_back(WaitItem{ev.edge, ev.expr.get(), ev.expr->type});
        }
        if (items.empty()) {
            // @* with nothing to wait on: waits forever.
            suspend(ind, "");
            return;
        }
        uint32_t id = waitSite(items, ind);
        if (settleNext_) { // the first time through, go on without waiting
            settleNext_ = false;
            settleProcs_.push_back(curProc_);
            temps_.push_back(fmt::format("u32 settled{};", curProc_));
            line(ind, fmt::format("if (!s.settled{0}) {{ s.settled{0} = 1; goto R{1}; }}", curProc_,
                                  nextResume_ + 1));
        }
        suspend(ind, fmt::format("s.wait[{}] = {};", curProc_, id));
        return;
    }
    case Timing::Kind::Repeat:
        repeatEvent(t, ind);
        return;
    }
}

} // namespace metalfpga::codegen::detail
