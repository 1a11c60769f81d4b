#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

uint32_t Generator::waitSite(const std::vector<WaitItem>& items, int ind) {
    uint32_t id = static_cast<uint32_t>(sites_.size());
    sites_.push_back(WaitSite{curProc_, items, currentFrames()});
    uint32_t g = waitGroup(id);
    siteGroup_.push_back(g);
    std::set<RoutineId> seen;
    for (size_t i = 0; i < items.size(); ++i) {
        std::set<SignalId> reads;
        collectReads(items[i].expr, reads, seen);
        for (SignalId r : reads) sigSites_[r].insert(id);
        if (g != kNone) continue;
        temps_.push_back(fmt::format("{} w{}_{};", cppType(items[i].type), id, i));
        line(ind, fmt::format("s.w{}_{} = {};", id, i, expr(*items[i].expr)));
    }
    if (g != kNone && !groupChangeOnly_[g]) {
        // The group's one copy of the values waited on, in its first site's order.
        const WaitSite& first = sites_[groupFirstSite_[g]];
        for (size_t i = 0; i < first.items.size(); ++i)
            line(ind, fmt::format("s.gw{}_{} = {};", g, i, expr(*first.items[i].expr)));
    }
    return id;
}

// A site whose items are all whole plain signals (or named events), read outside automatic
// frames, joins the group of the sites with the same items and edges; others stay alone. A
// group of value changes alone (no edges, no named events, no nets whose strength alone can
// change: their fanout also runs for that) needs no copies of the values: its fanout calls
// come only from changes.
uint32_t Generator::waitGroup(uint32_t site) {
    const WaitSite& ws = sites_[site];
    if (!ws.frames.empty()) return kNone;
    std::vector<std::pair<int, SignalId>> key;
    for (const WaitItem& it : ws.items) {
        if (it.expr->kind != ExprKind::Signal || d_.signals[it.expr->signal].isArray())
            return kNone;
        key.emplace_back(static_cast<int>(it.edge), rep(it.expr->signal));
    }
    std::sort(key.begin(), key.end()); // @(a or b) and @(b or a) are one event
    key.erase(std::unique(key.begin(), key.end()), key.end());
    auto [at, fresh] = groupIds_.try_emplace(key, static_cast<uint32_t>(groupFirstSite_.size()));
    if (fresh) {
        groupFirstSite_.push_back(site);
        bool changeOnly = true;
        for (const WaitItem& it : ws.items) {
            SignalId sg = rep(it.expr->signal);
            // A real's event is a numeric change (Icarus): -0.0 after 0.0 is a write but no
            // event, so real items keep their copies.
            if (it.edge != Edge::Any || d_.signals[sg].kind == SignalKind::Event ||
                svNets_.count(sg) || it.type.isReal)
                changeOnly = false;
        }
        groupChangeOnly_.push_back(changeOnly);
        if (changeOnly) return at->second;
        for (size_t i = 0; i < ws.items.size(); ++i)
            temps_.push_back(fmt::format("{} gw{}_{};", cppType(ws.items[i].type), at->second, i));
    }
    return at->second;
}

std::string Generator::waitOn(uint32_t proc, uint32_t site) const {
    uint32_t g = siteGroup_[site];
    if (g != kNone) return fmt::format("s.wait[{0}] = {1}; wait_push(s, {2}, {0});", proc, site, g);
    return fmt::format("s.wait[{0}] = {1}; if (s.wlink[{0}]) wait_unlink(s, {0});", proc, site);
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
        if (!eventItems(t, items)) return;
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
        suspend(ind, armingProc_ == curProc_ ? armAt(id) : waitOn(curProc_, id));
        return;
    }
    case Timing::Kind::Repeat:
        repeatEvent(t, ind);
        return;
    }
}

} // namespace metalfpga::codegen::detail
