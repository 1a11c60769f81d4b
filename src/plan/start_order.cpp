#include "plan/start_order.h"

#include <algorithm>
#include <tuple>

namespace metalfpga::plan {

using namespace ir;

bool waitsBeforeStart(const Process& p) {
    if (p.kind != ProcessKind::Always || !p.body || p.body->kind != StmtKind::Timed ||
        !p.body->timing)
        return false;
    const Timing& t = *p.body->timing;
    if (t.kind == Timing::Kind::Star) return true;
    if (t.kind != Timing::Kind::Event || t.events.empty()) return false;
    return std::all_of(t.events.begin(), t.events.end(),
                       [](const EventItem& e) { return e.edge == Edge::Any; });
}

std::vector<uint32_t> scopeStartRank(const Design& d) {
    std::vector<uint32_t> rank(d.scopes.size(), UINT32_MAX);
    uint32_t next = 0;
    // An explicit stack (hierarchies can be deep): each entry is a scope and how far its visit
    // has got (0: children before itself, 1: rank itself, 2: children after, 3: done).
    struct Visit {
        ScopeId scope;
        int stage;
    };
    std::vector<Visit> stack;
    auto pushKids = [&](ScopeId s, ScopeKind k) {
        const auto& kids = d.scopes[s].children;
        for (auto it = kids.rbegin(); it != kids.rend(); ++it)
            if (d.scopes[*it].kind == k) stack.push_back({*it, 0});
    };
    for (auto it = d.tops.rbegin(); it != d.tops.rend(); ++it) stack.push_back({*it, 0});
    while (!stack.empty()) {
        Visit& v = stack.back();
        ScopeId s = v.scope;
        bool module = d.scopes[s].kind == ScopeKind::Module;
        switch (v.stage++) {
        case 0:
            // A module: its instances, then its generate blocks, pushed so that the generate
            // blocks come out first. A generate block: its instances.
            pushKids(s, ScopeKind::Module);
            if (module) pushKids(s, ScopeKind::Generate);
            break;
        case 1:
            rank[s] = next++;
            break;
        case 2:
            if (!module) pushKids(s, ScopeKind::Generate);
            break;
        default:
            stack.pop_back();
            break;
        }
    }
    return rank;
}

std::vector<uint32_t> startOrder(const Design& d, const std::vector<const Process*>& procs,
                                 const std::vector<bool>& isCa, bool pushFirst) {
    std::vector<uint32_t> rank = scopeStartRank(d);
    auto key = [&](uint32_t i) {
        const Process& p = *procs[i];
        uint32_t r = p.scope < rank.size() ? rank[p.scope] : UINT32_MAX;
        return std::make_tuple(r, p.varInit ? 0 : 1, i);
    };
    std::vector<uint32_t> early, cas, rest;
    for (uint32_t i = 0; i < procs.size(); ++i) {
        if (isCa[i])
            cas.push_back(i);
        else if (pushFirst && waitsBeforeStart(*procs[i]))
            early.push_back(i);
        else
            rest.push_back(i);
    }
    auto byKey = [&](uint32_t a, uint32_t b) { return key(a) < key(b); };
    std::stable_sort(early.begin(), early.end(), byKey);
    std::reverse(early.begin(), early.end());
    std::stable_sort(rest.begin(), rest.end(), byKey);
    std::vector<uint32_t> out = std::move(early);
    out.insert(out.end(), cas.begin(), cas.end());
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

} // namespace metalfpga::plan
