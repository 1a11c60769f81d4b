// Clock runners (--sched static): the clocked blocks the plan chose (ProcessPlan::directRun,
// plan/direct_clocked.cpp) whose targets are all quiet (nba_shadows.cpp) are not woken one by
// one. Each such block has
//   body_<p>:  its statements, a function of their own;
//   proc_<p>:  the process, which only starts and arms: arm_<p> (written once the fanout is
//              known) marks the block armed (darm) and its wait group as having armed blocks
//              (gda), or, for a candidate that did not qualify, joins the group's list as any
//              waiting process does and runs body_<p> when woken;
//   a runner:  per wait group, run_clock_<r> runs the bodies of its armed blocks in model order.
// When the group's event fires, wake_group_<g> queues the runner once (grq) in the active
// region, where the event scheduler would have queued the blocks; nothing the blocks do can be
// seen before the NBA region, so running them together there gives the same results.
#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

bool Generator::directCandidate(uint32_t id) const {
    return !isCa_[id] && processPlan(id).directRun;
}

std::string Generator::genDirectClocked(uint32_t id) {
    const Process& p = *procs_[id];
    auto statements = [&] {
        std::string text;
        std::swap(out_, text);
        spans_.clear();
        stmt(*p.body->body, 1);
        std::swap(out_, text);
        return text;
    };
    std::string code = statements();
    if (const auto& known = processPlan(id).knownReads; !known.empty()) {
        // The statements for X/Z inputs, out of line; the body runs a copy that reads the
        // variables as known values when none holds X/Z.
        line(0, fmt::format("// always {} (body, X/Z inputs)", where(p.loc)));
        line(0, fmt::format("MF_HD MF_COLD u32 body_{}_xz(State& s) {{", id));
        out_ += code;
        line(1, "return 0;");
        line(0, "}");
        std::string check;
        for (SignalId k : known)
            check += fmt::format("{}get_s{}(s).xz_bits()", check.empty() ? "" : " | ", k);
        knownReads_.insert(known.begin(), known.end());
        // The copy is for the host compiler: on a GPU it ran no faster (picorv32, synth at
        // --count 65536) and cost NVRTC 20-35% more compile time, so the device compile keeps
        // the 4-state statements alone.
        code = fmt::format("#if MF_DEVICE_COMPILER\n    return body_{0}_xz(s);\n#else\n"
                           "    if ({1}) return body_{0}_xz(s);\n",
                           id, check) +
               statements() + "#endif\n";
        knownReads_.clear();
    }
    line(0, fmt::format("// always {} (body)", where(p.loc)));
    line(0, fmt::format("MF_HD MF_OUTLINE u32 body_{}(State& s) {{", id));
    out_ += code;
    line(1, "return 0;");
    line(0, "}");
    std::string bodyFn = takeOutlined() + out_;
    out_.clear();

    std::string loop;
    std::swap(out_, loop);
    line(1, "for (;;) {");
    loopGuard(2);
    armingProc_ = id;
    timing(*p.body->timing, 2);
    armingProc_ = kNone;
    line(2, fmt::format("if (u32 r = body_{}(s)) return r;", id));
    line(1, "}");
    std::swap(out_, loop);
    return bodyFn + processFunction(id, loop);
}

std::string Generator::armAt(uint32_t site) {
    armSite_[curProc_] = site;
    return fmt::format("arm_{}(s);", curProc_);
}

// Once every wait site exists: a candidate runs from its clock when its site joined a wait
// group and everything it updates or writes is quiet (no process waits on it, so no wake-up
// order depends on the order of the blocks), without intra-assignment delays.
void Generator::decideClockRunners() {
    for (auto [p, site] : armSite_) {
        uint32_t g = siteGroup_[site];
        if (g == kNone) continue;
        bool allQuiet = true;
        if (auto it = procLeaves_.find(p); it != procLeaves_.end())
            for (uint32_t l : it->second)
                allQuiet = allQuiet && !leaves_[l].delayed && quiet(leaves_[l].sig);
        for (SignalId w : processPlan(p).directEager) allQuiet = allQuiet && quiet(rep(w));
        if (!allQuiet) continue;
        auto [at, fresh] = groupRunner_.try_emplace(g, static_cast<uint32_t>(runners_.size()));
        if (fresh) runners_.push_back({g, {}});
        runners_[at->second].procs.push_back(p);
        directIndex_[p] = static_cast<uint32_t>(directIndex_.size());
    }
}

// A block arms once, when its process starts (darm: its place in the order of arming, from 1);
// the runner runs the blocks armed when the event last fired (gfire), as the event scheduler wakes
// only the processes waiting then (an edge at time 0 between two blocks' starts wakes the first).
std::string Generator::clockRunnerMembers() const {
    if (runners_.empty()) return "";
    size_t groups = std::max<size_t>(1, groupFirstSite_.size());
    return fmt::format(
        "    u32 darm[{}]; // per block run by its clock: when it armed (0: not yet)\n"
        "    u32 arm_seq; // blocks armed so far\n"
        "    u32 gfire[{}]; // per wait group: arm_seq when its event last fired\n"
        "    u8 gda[{}]; // per wait group: some block run by its clock is armed\n"
        "    u8 grq[{}]; // per clock runner: queued\n",
        directIndex_.size(), groups, groups, runners_.size());
}

std::string Generator::clockRunnerInit() const {
    if (runners_.empty()) return "";
    size_t groups = std::max<size_t>(1, groupFirstSite_.size());
    return fmt::format("    for (u32 i = 0; i < {}; ++i) s.darm[i] = 0;\n"
                       "    s.arm_seq = 0;\n"
                       "    for (u32 i = 0; i < {}; ++i) {{ s.gda[i] = 0; s.gfire[i] = 0; }}\n"
                       "    for (u32 i = 0; i < {}; ++i) s.grq[i] = 0;\n",
                       directIndex_.size(), groups, runners_.size());
}

std::string Generator::armFunctions() const {
    std::string o;
    for (auto [p, site] : armSite_) {
        auto d = directIndex_.find(p);
        if (d != directIndex_.end())
            o += fmt::format("MF_HD inline void arm_{}(State& s) {{ s.darm[{}] = ++s.arm_seq; "
                             "s.gda[{}] = 1; }}\n",
                             p, d->second, siteGroup_[site]);
        else
            o += fmt::format("MF_HD inline void arm_{}(State& s) {{ {} }}\n", p, waitOn(p, site));
    }
    return o;
}

std::string Generator::clockRunnerWake(uint32_t group) const {
    auto it = groupRunner_.find(group);
    if (it == groupRunner_.end()) return "";
    return fmt::format(
        "    if (s.gda[{0}]) {{\n"
        "        s.gfire[{0}] = s.arm_seq;\n"
        "        if (!s.grq[{1}]) {{ s.grq[{1}] = 1; activate(s.sched, kRunner0 + {1}); }}\n"
        "    }}\n",
        group, it->second);
}

std::string Generator::clockRunnerCode() const {
    std::string o;
    for (uint32_t r = 0; r < runners_.size(); ++r) {
        o += fmt::format("MF_HD MF_OUTLINE u32 run_clock_{}(State& s) {{\n", r);
        o += fmt::format("    s.grq[{}] = 0;\n", r);
        o += fmt::format("    const u32 fired = s.gfire[{}];\n", runners_[r].group);
        for (uint32_t p : runners_[r].procs)
            o += fmt::format(
                "    if (s.darm[{}] - 1u < fired) {{ if (u32 e = body_{}(s)) return e; }}\n",
                directIndex_.at(p), p);
        o += "    return 0;\n}\n";
    }
    return o;
}

std::string Generator::clockRunnerDispatch() const {
    if (runners_.empty()) return "";
    std::string o =
        "        if (p >= kRunner0 && p < kRunner0 + kRunners) switch (p - kRunner0) {\n";
    for (uint32_t r = 0; r < runners_.size(); ++r)
        o += fmt::format("        case {0}: return run_clock_{0}(s);\n", r);
    o += "        default: return 0;\n        }\n";
    return o;
}

} // namespace metalfpga::codegen::detail
