// Static evaluation of combinational logic (--sched static). The processes the plan runs by
// level (ProcessPlan::staticRun, plan/static_schedule.cpp: continuous assignments, gates and
// `always @*` blocks without calls) are not event-driven processes. A change of an input marks
// one for its plan level (trigger_scan_<L> / trigger_level_<L>, once until it has run), and the
// first such change queues the settle pass (kSettle) in the active region, where the event
// scheduler would have queued the first of them. M::settle runs the levels in order; a level
// wakes only higher levels, so one pass settles the logic, and what changes while it runs joins
// it. In a level, quiet processes (nba_shadows.cpp: their effects reach no process that waits)
// are scanned in a fixed order without a queue or dispatch; the others run from the level's
// queue in the order they were woken, since their writes wake processes in that order.
// Behavioural and clocked processes woken on the way are queued as usual, so a clocked block
// that runs before the settle pass still reads the values from before (as with blocking
// assignments in clocked blocks, whose results Icarus gives to the processes already woken).
#include "codegen/generator.h"

#include <algorithm>

namespace metalfpga::codegen::detail {

using namespace ir;

void Generator::planStaticComb() {
    if (!opt_.staticComb) return;
    std::map<uint32_t, uint32_t> byOrigin; // a split block's process -> its family
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        const Process& p = *procs_[i];
        const plan::ProcessPlan& pp = plan_.processes[size_t(&p - d_.processes.data())];
        if (!pp.staticRun) continue; // plan/static_schedule.cpp
        if (!isCa_[i]) staticAlways_.insert(i);
        if (!isCa_[i] && p.splitOf != kNone && !opt_.twoState) {
            auto [it, fresh] = byOrigin.try_emplace(p.splitOf, uint32_t(families_.size()));
            if (fresh) families_.emplace_back();
            families_[it->second].push_back(i);
            familyOf_[i] = it->second;
        }
        uint32_t level = static_cast<uint32_t>(pp.level);
        staticLevel_[i] = level;
        staticLevels_ = std::max(staticLevels_, level + 1);
    }
}

// Decided once the fanout is known (quietProcess reads the wait sites), when the model source
// is written.
const LevelSplit& Generator::levelSplit() const {
    if (!levelSplit_) {
        LevelSplit& s = levelSplit_.emplace();
        s.scanned.resize(staticLevels_);
        s.queued.assign(staticLevels_, 0);
        for (auto [p, l] : staticLevel_) {
            if (quietProcess(p))
                s.scanned[l].push_back(p);
            else
                ++s.queued[l];
        }
        for (const std::vector<uint32_t>& level : s.scanned)
            for (size_t k = 0; k < level.size(); ++k) {
                if (k % kScanRun == 0) ++s.runs;
                s.run[level[k]] = s.runs - 1;
            }
    }
    return *levelSplit_;
}

namespace {
constexpr size_t kScanChunk = 256; // processes per scan function
static_assert(kScanChunk % kScanRun == 0);
} // namespace

std::string Generator::staticMembers() const {
    std::string o;
    if (!staticLevels_) return o;
    const LevelSplit& sp = levelSplit();
    o += "    u32 comb_dirty; // --sched static: some level holds a process to run\n";
    o += "    u32 settling;   // M::settle is running the levels\n";
    o += "    u8 lqf[kProcs]; // a scanned process waits for its level\n";
    o += fmt::format("    u8 ld[{}]; // the level's scan has a process to run\n", staticLevels_);
    if (sp.runs)
        o += fmt::format("    u8 lc[{}]; // a run of scanned processes has one to run\n", sp.runs);
    for (size_t l = 0; l < staticLevels_; ++l)
        if (sp.queued[l])
            o +=
                fmt::format("    u32 lq{0}[{1}]; u32 ln{0}; // level {0} queue\n", l, sp.queued[l]);
    if (!families_.empty())
        o += fmt::format("    u8 fam[{}]; // a part of this split block has run\n",
                         families_.size());
    return o;
}

// The call that marks static process p to run (from its inputs' fanout).
std::string Generator::staticTrigger(uint32_t p) const {
    uint32_t l = staticLevel_.at(p);
    const LevelSplit& sp = levelSplit();
    if (auto r = sp.run.find(p); r != sp.run.end())
        return fmt::format("trigger_scan_{}(s, {}, {});", l, p, r->second);
    return fmt::format("trigger_level_{}(s, {});", l, p);
}

std::string Generator::staticTriggers() const {
    std::string o;
    auto head = [&](const char* kind, size_t l, const char* params) {
        return fmt::format("MF_HD MF_INLINE void trigger_{}_{}(State& s, {}) {{\n"
                           "    if (!s.ca_idle[p]) return;\n"
                           "    s.ca_idle[p] = 0;\n",
                           kind, l, params);
    };
    const std::string tail = "    if (!s.comb_dirty) {\n"
                             "        s.comb_dirty = 1;\n"
                             "        if (!s.settling) activate(s.sched, kSettle);\n"
                             "    }\n}\n";
    const LevelSplit& sp = levelSplit();
    for (size_t l = 0; l < staticLevels_; ++l) {
        if (sp.queued[l])
            o += head("level", l, "u32 p") + fmt::format("    s.lq{0}[s.ln{0}++] = p;\n", l) + tail;
        if (!sp.scanned[l].empty())
            o += head("scan", l, "u32 p, u32 c") +
                 fmt::format("    s.lqf[p] = 1;\n    s.lc[c] = 1;\n    s.ld[{}] = 1;\n", l) + tail;
    }
    // The parts of a split block start together: a block ran whole on its first change.
    for (uint32_t f = 0; f < families_.size(); ++f) {
        o += fmt::format("MF_HD inline void start_family_{}(State& s) {{\n    s.fam[{}] = 1;\n", f,
                         f);
        for (uint32_t p : families_[f]) o += "    " + staticTrigger(p) + "\n";
        o += "}\n";
    }
    return o;
}

std::string Generator::staticScans() const {
    std::string o;
    const LevelSplit& sp = levelSplit();
    for (size_t l = 0; l < sp.scanned.size(); ++l)
        for (size_t c = 0; c * kScanChunk < sp.scanned[l].size(); ++c) {
            o += fmt::format("MF_HD void scan_level_{}_{}(State& s) {{\n", l, c);
            const size_t end = std::min(sp.scanned[l].size(), (c + 1) * kScanChunk);
            // A chunk holds whole runs (kScanChunk is a multiple of kScanRun).
            for (size_t k = c * kScanChunk; k < end; ++k) {
                uint32_t p = sp.scanned[l][k];
                if (k % kScanRun == 0)
                    o += fmt::format("    if (s.lc[{0}]) {{\n        s.lc[{0}] = 0;\n",
                                     sp.run.at(p));
                o += fmt::format("        if (s.lqf[{0}]) {{ s.lqf[{0}] = 0; proc_{0}(s); }}\n", p);
                if ((k + 1) % kScanRun == 0 || k + 1 == end) o += "    }\n";
            }
            o += "}\n";
        }
    return o;
}

std::string Generator::staticSettle() const {
    // The settle pass (--sched static), queued and run like a process (kSettle).
    std::string o;
    o += "    MF_HD static void settle(State& s) {\n";
    if (staticLevels_ > 0) {
        const LevelSplit& sp = levelSplit();
        o += "        s.settling = 1;\n";
        o += "        while (s.comb_dirty) {\n";
        o += "            s.comb_dirty = 0;\n";
        for (size_t l = 0; l < staticLevels_; ++l) {
            if (!sp.scanned[l].empty()) {
                o += fmt::format("            if (s.ld[{0}]) {{\n                s.ld[{0}] = 0;\n",
                                 l);
                for (size_t c = 0; c * kScanChunk < sp.scanned[l].size(); ++c)
                    o += fmt::format("                scan_level_{}_{}(s);\n", l, c);
                o += "            }\n";
            }
            if (sp.queued[l])
                o += fmt::format("            for (u32 i = 0; i < s.ln{0}; ++i) run_process(s, "
                                 "s.lq{0}[i]);\n            s.ln{0} = 0;\n",
                                 l);
        }
        o += "        }\n";
        o += "        s.settling = 0;\n";
    } else {
        o += "        (void)s;\n";
    }
    o += "    }\n";
    return o;
}

std::string Generator::staticInit() const {
    std::string o;
    if (!staticLevels_) return o;
    const LevelSplit& sp = levelSplit();
    o += "    s.comb_dirty = 0;\n    s.settling = 0;\n";
    o += "    for (u32 p = 0; p < kProcs; ++p) s.lqf[p] = 0;\n";
    o += fmt::format("    for (u32 l = 0; l < {}; ++l) s.ld[l] = 0;\n", staticLevels_);
    for (size_t l = 0; l < staticLevels_; ++l)
        if (sp.queued[l]) o += fmt::format("    s.ln{} = 0;\n", l);
    if (sp.runs) o += fmt::format("    for (u32 c = 0; c < {}; ++c) s.lc[c] = 0;\n", sp.runs);
    if (!families_.empty())
        o += fmt::format("    for (u32 f = 0; f < {}; ++f) s.fam[f] = 0;\n", families_.size());
    return o;
}

} // namespace metalfpga::codegen::detail
