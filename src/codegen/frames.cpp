#include "codegen/generator.h"

#include <algorithm>

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// Automatic routines: frames in State.
//
// Each automatic routine r has `F<r> fr<r>[N]` (one member per variable of the routine and its
// named blocks) and `fcur<r>`, the frame its variables' accessors read and write. A function
// pushes a frame per call (`fsp<r>` is the stack pointer, N = Options::frameDepth; running out
// is the model error kErrFrameOverflow). An automatic task is inlined; each inline site owns
// one frame (N = the number of sites), made current at the call and at every resume point
// inside the site, so its variables survive suspension and concurrent activations (other
// processes, fork branches) each have their own. A function that is not recursive (the plan's
// recursiveRoutines) is active at most once at a time: it has one frame, `fr<r>[0]`, and no
// stack pointer to move.

RoutineId Generator::routineOf(SignalId s) const {
    ScopeId sc = d_.signals[s].scope;
    while (sc != kNone && d_.scopes[sc].routine == kNone) sc = d_.scopes[sc].parent;
    return sc == kNone ? kNone : d_.scopes[sc].routine;
}

// A setter's first lines: none for a signal whose writes wake nothing (it need not look at the
// old value); else the return when the value is unchanged. Reals compare by bits: -0.0 after
// 0.0 is a new value (Icarus propagates it).
std::string Generator::unchangedReturn(SignalId i, const std::string& ref) const {
    if (wakesNothing_.count(i)) return "";
    if (storageType(i).isReal)
        return fmt::format("    if (bits::double_to_bits({}) == bits::double_to_bits(v)) return;\n",
                           ref);
    return fmt::format("    if (k::case_eq({}.cref(), v.cref())) return;\n", ref);
}
std::string Generator::fanoutCall(SignalId i) const {
    return wakesNothing_.count(i) ? "" : fmt::format("    fanout_s{}(s);\n", i);
}

// A fanout that only queues one or two processes of the static schedule is written out where the
// signal changes, at the sites that change it once per evaluation (a continuous assignment of
// the static schedule, the NBA commit): a call per changed signal cost more than the trigger
// itself in pipelines of continuous assignments. Setters keep the call: written out in every
// setter, the triggers made aes's model compile a fifth longer.
std::string Generator::fanoutCode(SignalId i) const {
    constexpr size_t kInlineTriggers = 2;
    auto cas = sigCas_.find(i);
    if (!listed(sigSites_, i) && !listed(sigPca_, i) && !pathStamps_.count(i) &&
        cas != sigCas_.end() && cas->second.size() <= kInlineTriggers &&
        std::all_of(cas->second.begin(), cas->second.end(),
                    [&](uint32_t p) { return staticLevel_.count(p) && !udpSample_.count(p); })) {
        std::string o;
        for (uint32_t p : cas->second) o += (o.empty() ? "" : " ") + staticTrigger(p);
        return o;
    }
    return fmt::format("fanout_s{}(s);", i);
}

// While processes are still being generated, a signal's readers are not all known (a process
// generated later may read it or wait on it), so its fanout is written as a marker that
// resolveLaterFanouts replaces once every process exists.
std::string Generator::laterFanout(SignalId i) const {
    return fmt::format("{}{})", kLaterFanout, i);
}
void Generator::resolveLaterFanouts(std::string& source) const {
    std::string out;
    out.reserve(source.size());
    size_t at = 0;
    for (size_t m; (m = source.find(kLaterFanout, at)) != std::string::npos;) {
        out.append(source, at, m - at);
        size_t num = m + std::string_view(kLaterFanout).size();
        size_t end = source.find(')', num);
        out += fanoutCode(static_cast<SignalId>(std::stoul(source.substr(num, end - num))));
        at = end + 1;
    }
    out.append(source, at, std::string::npos);
    source = std::move(out);
}

bool Generator::singleFrame(RoutineId r) const {
    return d_.routines[r].isFunction && !plan_.recursiveRoutines.count(r);
}

namespace {
std::string frameCount(const Routine& r, uint32_t depth, const std::map<RoutineId, uint32_t>& tf,
                       RoutineId id, bool single) {
    if (single) return "1";
    if (r.isFunction) return fmt::format("{}", depth);
    auto it = tf.find(id);
    return fmt::format("{}", it == tf.end() ? 1u : std::max(1u, it->second));
}
} // namespace

std::string Generator::frameStructs() const {
    std::string o;
    for (RoutineId r = 0; r < d_.routines.size(); ++r) {
        const Routine& rt_ = d_.routines[r];
        if (!rt_.automatic) continue;
        o += fmt::format("struct F{} {{ // automatic {} {} ({})\n", r,
                         rt_.isFunction ? "function" : "task", rt_.name, where(rt_.loc));
        o += "    u32 unused;\n";
        for (SignalId i = 0; i < d_.signals.size(); ++i) {
            if (rep(i) != i || !d_.signals[i].automatic || routineOf(i) != r) continue;
            const Signal& sg = d_.signals[i];
            std::string arr = sg.isArray() ? fmt::format("[{}]", sg.elementCount()) : "";
            o += fmt::format("    {} s{}{}; // {} ({})\n", cppType(storageType(i)), i, arr, sg.path,
                             where(sg.loc));
        }
        o += "};\n";
    }
    return o;
}

std::string Generator::frameMembers() const {
    std::string o = "    u32 cur_proc;  // the running process\n"
                    "    u64 act_steps; // loop iterations and calls of its activation\n";
    for (RoutineId r = 0; r < d_.routines.size(); ++r) {
        const Routine& rt_ = d_.routines[r];
        if (!rt_.automatic) continue;
        o += fmt::format("    F{0} fr{0}[{1}];\n    u32 fcur{0}, fsp{0};\n", r,
                         frameCount(rt_, opt_.frameDepth, taskFrames_, r, singleFrame(r)));
    }
    return o;
}

std::string Generator::frameAccessors(SignalId i) const {
    const Signal& sg = d_.signals[i];
    RoutineId r = routineOf(i);
    std::string t = cppType(storageType(i));
    bool real = storageType(i).isReal;
    std::string ref = singleFrame(r) ? fmt::format("s.fr{0}[0].s{1}", r, i)
                                     : fmt::format("s.fr{0}[s.fcur{0}].s{1}", r, i);
    std::string o = fmt::format("MF_HD MF_OUTLINE void fanout_s{}(State& s);\n", i);
    if (sg.isArray()) {
        uint64_t n = sg.elementCount();
        o += fmt::format("MF_HD inline {0} get_s{1}_elem(const State& s, i64 ix) {{ return ix >= "
                         "0 && ix < {2} ? {3}[ix] : {4}; }}\n",
                         t, i, n, ref, real ? "0.0" : t + "::x()");
        o += fmt::format("MF_HD inline void set_s{0}_elem(State& s, i64 ix, const {1}& v) {{\n"
                         "    if (ix < 0 || ix >= {2}) return;\n"
                         "{3}"
                         "    {4}[ix] = v;\n"
                         "{5}}}\n",
                         i, t, n, unchangedReturn(i, ref + "[ix]"), ref, fanoutCall(i));
    } else {
        o += fmt::format("MF_HD inline const {0}& get_s{1}(const State& s) {{ return {2}; }}\n", t,
                         i, ref);
        o += fmt::format("MF_HD inline void set_s{0}(State& s, const {1}& v) {{\n"
                         "{2}"
                         "    {3} = v;\n"
                         "{4}}}\n",
                         i, t, unchangedReturn(i, ref), ref, fanoutCall(i));
    }
    return o;
}

std::string Generator::frameInit() const {
    std::string o;
    for (RoutineId r = 0; r < d_.routines.size(); ++r)
        if (d_.routines[r].automatic) o += fmt::format("    s.fcur{0} = 0; s.fsp{0} = 0;\n", r);
    return o;
}

// A fresh frame: variables start as x (reals 0.0, events 0) on every activation.
static void clearFrame(const Design& d, const std::vector<SignalId>& vars,
                       const std::function<Type(SignalId)>& type, bool fourState, RoutineId r,
                       const std::string& frame, std::string& out, int ind) {
    std::string pad(static_cast<size_t>(ind) * 4, ' ');
    for (SignalId i : vars) {
        const Signal& sg = d.signals[i];
        Type t = type(i);
        std::string v = t.isReal                       ? "0.0"
                        : sg.kind == SignalKind::Event ? cppType(t, fourState) + "()"
                                                       : cppType(t, fourState) + "::x()";
        std::string ref = fmt::format("s.fr{}[{}].s{}", r, frame, i);
        if (sg.isArray())
            out += fmt::format("{}for (u64 i = 0; i < {}ull; ++i) {}[i] = {};\n", pad,
                               sg.elementCount(), ref, v);
        else
            out += fmt::format("{}{} = {};\n", pad, ref, v);
    }
}

size_t Generator::autoTaskEnter(RoutineId r, int ind) {
    uint32_t k = taskFrames_[r]++;
    line(ind, fmt::format("s.fcur{} = {}; // frame {} of task {}", r, k, k, d_.routines[r].name));
    std::vector<SignalId> vars;
    for (SignalId i = 0; i < d_.signals.size(); ++i)
        if (rep(i) == i && d_.signals[i].automatic && routineOf(i) == r) vars.push_back(i);
    clearFrame(
        d_, vars, [this](SignalId s) { return storageType(s); }, fourState_, r,
        fmt::format("{}", k), out_, ind);
    frameCtx_.push_back({r, k});
    spans_.push_back(FrameSpan{nextResume_ + 1, ~0u, {r, k}});
    return spans_.size() - 1;
}

void Generator::autoTaskLeave(size_t span) {
    spans_[span].hi = nextResume_;
    frameCtx_.pop_back();
}

void Generator::autoFunctionEnter(RoutineId r) {
    stepGuard(1);
    bool single = singleFrame(r);
    if (!single) {
        line(1, fmt::format("if (s.fsp{} >= {}u) {{ model_error(s.sched, kErrFrameOverflow, {}); "
                            "return {{}}; }}",
                            r, opt_.frameDepth, r));
        line(1, fmt::format("u32 fsave = s.fcur{0}; s.fcur{0} = s.fsp{0}++;", r));
    }
    // The inputs are set from the arguments next; every other variable starts fresh.
    std::set<SignalId> inputs;
    for (const RoutinePort& p : d_.routines[r].ports)
        if (p.dir == PortDir::Input) inputs.insert(rep(p.signal));
    std::vector<SignalId> vars;
    for (SignalId i = 0; i < d_.signals.size(); ++i)
        if (rep(i) == i && d_.signals[i].automatic && routineOf(i) == r && !inputs.count(i))
            vars.push_back(i);
    clearFrame(
        d_, vars, [this](SignalId s) { return storageType(s); }, fourState_, r,
        single ? std::string("0") : fmt::format("s.fcur{}", r), out_, 1);
}

void Generator::autoFunctionLeave(RoutineId r) {
    if (singleFrame(r)) {
        line(1, fmt::format("return get_s{}(s);", rep(d_.routines[r].result)));
        return;
    }
    line(1, fmt::format("auto res = get_s{}(s);", rep(d_.routines[r].result)));
    line(1, fmt::format("--s.fsp{0}; s.fcur{0} = fsave;", r));
    line(1, "return res;");
}

void Generator::stepGuard(int ind) {
    if (inFunction_) line(ind, "if (s.sched.status) return {};");
    if (!opt_.maxProcSteps) return;
    if (inFunction_)
        line(ind, fmt::format("if (++s.act_steps > {}ull) {{ model_error(s.sched, kErrProcSteps, "
                              "s.cur_proc); return {{}}; }}",
                              opt_.maxProcSteps));
    else
        line(ind, fmt::format("if (++s.act_steps > {}ull) {{ model_error(s.sched, kErrProcSteps, "
                              "{}); return kError; }}",
                              opt_.maxProcSteps, curProc_));
}

std::string Generator::resumeSwitch(uint32_t proc) {
    auto restores = [&](uint32_t k) {
        std::string r;
        for (const FrameRef& f : baseFrames_)
            r += fmt::format("s.fcur{} = {}; ", f.first, f.second);
        if (k)
            for (const FrameSpan& sp : spans_)
                if (k >= sp.lo && k <= sp.hi)
                    r += fmt::format("s.fcur{} = {}; ", sp.frame.first, sp.frame.second);
        return r;
    };
    std::string o;
    o += fmt::format("    switch (s.pc[{}]) {{\n", proc);
    o += fmt::format("    case 0: {}break;\n", restores(0));
    for (uint32_t k = 1; k <= nextResume_; ++k)
        o += fmt::format("    case {0}: {1}goto R{0};\n", k, restores(k));
    o += "    default: return 0;\n    }\n";
    return o;
}

} // namespace metalfpga::codegen::detail
