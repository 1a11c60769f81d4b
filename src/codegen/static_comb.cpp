// Static evaluation of combinational continuous logic (--sched static): continuous
// assignments, gates, UDPs and port connections that the plan classifies combinational, outside
// loops and without calls, are not queued as processes when an input changes. They are put on
// the queue of their level (plan/levelize.cpp), and M::settle evaluates the queues in level
// order before the scheduler runs the next process (rt/model.h, step). A level only wakes
// higher levels, so one pass settles the logic; behavioural processes woken on the way are
// queued as usual.
#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

// Calls (functions may have side effects; system functions may read the time or files).
bool callsAnything(const Expr* e) {
    if (!e) return false;
    if (e->kind == ExprKind::Call || e->kind == ExprKind::SystemCall) return true;
    for (const auto& o : e->operands)
        if (callsAnything(o.get())) return true;
    return false;
}

} // namespace

void Generator::planStaticComb() {
    if (!opt_.staticComb) return;
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        if (!isCa_[i]) continue;
        const Process& p = *procs_[i];
        const plan::ProcessPlan& pp = plan_.processes[size_t(&p - d_.processes.data())];
        if (pp.cls != plan::ProcessClass::Combinational || pp.inLoop || pp.level < 0) continue;
        bool calls = false;
        for (const Expr* e : sources(p)) calls = calls || callsAnything(e);
        for (const Expr* e : targets(p)) calls = calls || callsAnything(e);
        if (calls) continue;
        uint32_t level = static_cast<uint32_t>(pp.level);
        staticLevel_[i] = level;
        if (staticCount_.size() <= level) staticCount_.resize(level + 1, 0);
        ++staticCount_[level];
    }
}

std::string Generator::staticMembers() const {
    std::string o;
    if (staticCount_.empty()) return o;
    o += "    u32 comb_dirty; // --sched static: some level queue holds a process\n";
    for (size_t l = 0; l < staticCount_.size(); ++l)
        o += fmt::format("    u32 lq{0}[{1}]; u32 ln{0}; // level {0} queue\n", l,
                         std::max<uint32_t>(1, staticCount_[l]));
    return o;
}

std::string Generator::staticTriggers() const {
    std::string o;
    for (size_t l = 0; l < staticCount_.size(); ++l)
        o += fmt::format("MF_HD inline void trigger_level_{0}(State& s, u32 p) {{\n"
                         "    if (s.ca_idle[p]) {{ s.ca_idle[p] = 0; s.lq{0}[s.ln{0}++] = p; "
                         "s.comb_dirty = 1; }}\n}}\n",
                         l);
    return o;
}

std::string Generator::staticSettle() const {
    std::string o =
        fmt::format("    static constexpr u32 kStaticLevels = {};\n", staticCount_.size());
    o += "    MF_HD static void settle(State& s) {\n";
    if (!staticCount_.empty()) {
        o += "        while (s.comb_dirty) {\n";
        o += "            s.comb_dirty = 0;\n";
        for (size_t l = 0; l < staticCount_.size(); ++l)
            o += fmt::format("            for (u32 i = 0; i < s.ln{0}; ++i) run_process(s, "
                             "s.lq{0}[i]);\n            s.ln{0} = 0;\n",
                             l);
        o += "        }\n";
    } else {
        o += "        (void)s;\n";
    }
    o += "    }\n";
    return o;
}

std::string Generator::staticInit() const {
    std::string o;
    if (staticCount_.empty()) return o;
    o += "    s.comb_dirty = 0;\n";
    for (size_t l = 0; l < staticCount_.size(); ++l) o += fmt::format("    s.ln{} = 0;\n", l);
    return o;
}

} // namespace metalfpga::codegen::detail
