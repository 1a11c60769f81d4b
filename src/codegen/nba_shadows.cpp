// Shadows of non-blocking assignment leaves. A whole-variable leaf (shadowed(), generator.h) has
// a shadow in State, `nv<leaf>`, and a pending flag `np[leaf]`, so an update is made without
// packing its value into the NBA pool:
//   ordered leaves:    the slot's first update waits in the shadow and queues a value-less entry
//                      (nba_mark); a later one, while that is pending, is queued with its value.
//                      Updates apply in the order they were made (1364-2005 clause 11.4.2), and
//                      the processes they wake are woken in that order, as Icarus wakes them.
//   order-free leaves: nothing but combinational logic of the static schedule reads the
//                      variable (no process waits on it), so neither the order of updates of
//                      different variables nor an intermediate value can be observed: the shadow
//                      keeps the last update and M::commit_free applies all of them in one pass
//                      at the start of the NBA region, without a queue entry.
#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

bool Generator::orderFree(const NbaLeaf& l) const {
    if (!shadowed(l) || l.delayed) return false;
    auto has = [&](const auto& m) {
        auto it = m.find(l.sig);
        return it != m.end() && !it->second.empty();
    };
    if (has(sigSites_) || has(sigPca_)) return false;
    if (auto it = sigCas_.find(l.sig); it != sigCas_.end())
        for (uint32_t p : it->second)
            if (!staticLevel_.count(p) || udpSample_.count(p)) return false;
    return true;
}

std::string Generator::nbaLeafPushers() const {
    std::string o;
    for (uint32_t i = 0; i < leaves_.size(); ++i) {
        const NbaLeaf& l = leaves_[i];
        if (!shadowed(l)) continue;
        std::string t = cppType(l.type);
        o += fmt::format("MF_HD inline bool nba_leaf_{}(State& s, const {}& v) {{\n", i, t);
        if (orderFree(l)) {
            o += fmt::format("    s.nv{0} = v; if (!s.np[{0}]) {{ s.np[{0}] = 1; s.nfree = 1; }}\n"
                             "    return true;\n}}\n",
                             i);
        } else {
            o += fmt::format("    if (s.np[{0}]) return nba_push(s.sched, {0}, 0, 0, v);\n"
                             "    s.nv{0} = v; s.np[{0}] = 1;\n"
                             "    return nba_mark(s.sched, kNbaShadow | {0}u);\n}}\n",
                             i);
        }
    }
    return o;
}

std::string Generator::commitFree() const {
    std::string o = "    MF_HD static void commit_free(State& s) {\n        s.nfree = 0;\n";
    uint32_t n = 0;
    for (uint32_t i = 0; i < leaves_.size(); ++i) {
        const NbaLeaf& l = leaves_[i];
        if (!orderFree(l)) continue;
        ++n;
        o += fmt::format("        if (s.np[{0}]) {{ s.np[{0}] = 0; set_s{1}(s, {2}(s.nv{0})); }}\n",
                         i, l.sig, cppType(storageType(l.sig)));
    }
    o += "    }\n";
    o += fmt::format("    static constexpr u32 kFreeLeaves = {};\n", n);
    return o;
}

} // namespace metalfpga::codegen::detail
