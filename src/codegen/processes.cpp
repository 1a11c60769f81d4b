#include "codegen/generator.h"
#include "plan/walk.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// Processes and functions

// A non-recursive automatic function whose body calls no system task and no impure system
// function keeps its variables in C++ locals (l<signal>) instead of its frame in State: nothing
// outside the call can see them (no hierarchical names, no dumps, no service site packing them),
// and the compilers keep locals in registers (AES's round functions ran 40% of its time on
// frame loads and stores).
bool Generator::localFunction(RoutineId rid) const {
    const Routine& r = d_.routines[rid];
    if (!r.automatic || !singleFrame(rid)) return false;
    for (SignalId i = 0; i < d_.signals.size(); ++i)
        if (rep(i) == i && d_.signals[i].automatic && routineOf(i) == rid &&
            (d_.signals[i].isArray() || d_.signals[i].kind == SignalKind::Event))
            return false;
    return !plan::anyStatement(r.body.get(), [](const Stmt& st) {
        if (st.kind == StmtKind::SystemTaskCall) return true;
        bool impure = false;
        plan::forEachExpressionOf(st, [&](const Expr* e) {
            impure = impure || plan::anyExpression(e, plan::impureSystemCall);
        });
        return impure;
    });
}

std::string Generator::genFunction(RoutineId rid) {
    if (!localFunction(rid)) return genFunctionAs(rid, false);
    size_t flat = flatFunctions_.size();
    std::string code = genFunctionAs(rid, true);
    if (!localEscaped_) return code;
    flatFunctions_.resize(flat); // a deep expression reads signals outside the function
    return genFunctionAs(rid, false);
}

std::string Generator::genFunctionAs(RoutineId rid, bool local) {
    const Routine& r = d_.routines[rid];
    out_.clear();
    localEscaped_ = false;
    std::string params;
    for (const RoutinePort& p : r.ports) {
        SignalId s = rep(p.signal);
        params += fmt::format(", const {}& a_s{}", cppType(storageType(s)), s);
    }
    Type rt = storageType(rep(r.result));
    line(0, fmt::format("// function {} ({})", r.name, where(r.loc)));
    line(0, fmt::format("MF_HD {} fn_{}(State& s{}) {{", cppType(rt), rid, params));
    inFunction_ = true;
    if (plan_.recursiveRoutines.count(rid)) // only recursion can run out of stack
        line(1, fmt::format("if (stack_exhausted(s.sched)) {{ model_error(s.sched, "
                            "kErrCallDepth, {}); return {{}}; }}",
                            rid));
    if (local) {
        stepGuard(1);
        std::set<SignalId> inputs;
        for (const RoutinePort& p : r.ports)
            if (p.dir == PortDir::Input) inputs.insert(rep(p.signal));
        std::set<SignalId> first =
            plan::assignedFirst(r.body.get(), [this](SignalId x) { return rep(x); });
        for (SignalId i = 0; i < d_.signals.size(); ++i) {
            if (rep(i) != i || !d_.signals[i].automatic || routineOf(i) != rid) continue;
            Type t = storageType(i);
            std::string init = inputs.count(i)  ? fmt::format(" = a_s{}", i)
                               : first.count(i) ? std::string()
                               : t.isReal       ? std::string(" = 0.0")
                                                : " = " + cppType(t) + "::x()";
            line(1, fmt::format("{} l{}{};", cppType(t), i, init));
            cppLocal_[i] = fmt::format("l{}", i);
        }
    } else if (r.automatic) {
        autoFunctionEnter(rid);
    } else {
        stepGuard(1);
    }
    if (!local)
        for (const RoutinePort& p : r.ports) {
            SignalId s = rep(p.signal);
            line(1, fmt::format("set_s{}(s, a_s{});", s, s));
        }
    ScopeId saved = curScope_;
    curScope_ = r.scope;
    if (r.body) stmt(*r.body, 1);
    curScope_ = saved;
    if (local)
        line(1, fmt::format("return l{};", rep(r.result)));
    else if (r.automatic)
        autoFunctionLeave(rid);
    else
        line(1, fmt::format("return get_s{}(s);", rep(r.result)));
    cppLocal_.clear();
    inFunction_ = false;
    line(0, "}");
    // `return {};` in error paths of functions
    return out_;
}

// An `always` block of the static schedule (static_comb.cpp): its body, run once each time
// the level queues reach it; it is idle again (can be queued) only once the body has run, so its
// own writes do not queue it again, as a process that has not yet waited again is not woken.
std::string Generator::genStaticAlways(uint32_t id) {
    const Process& p = *procs_[id];
    line(0, fmt::format("// {} {} (static, level {})", processKindName(p.kind), where(p.loc),
                        staticLevel_.at(id)));
    line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
    if (auto f = familyOf_.find(id); f != familyOf_.end())
        line(1, fmt::format("if (!s.fam[{0}]) start_family_{0}(s);", f->second));
    stmt(*p.body->body, 1);
    line(1, fmt::format("s.ca_idle[{}] = 1;", id));
    line(1, "return 0;");
    line(0, "}");
    return takeOutlined() + out_;
}

bool Generator::combinational(const Process& p) const {
    if (p.kind != ProcessKind::Always || !p.body || p.body->kind != StmtKind::Timed) return false;
    const Timing& t = *p.body->timing;
    if (t.kind == Timing::Kind::Star) return true;
    if (t.kind != Timing::Kind::Event || t.events.empty()) return false;
    for (const EventItem& ev : t.events) {
        if (ev.edge != Edge::Any) return false;
        const Expr& e = *ev.expr; // a named event is not a combinational input
        if (e.kind == ExprKind::Signal && d_.signals[e.signal].kind == SignalKind::Event)
            return false;
    }
    return true;
}

bool Generator::drivesResolvedNet(const Process& p) const {
    for (const Expr* l : targetLeaves(p)) {
        while (l->kind == ExprKind::Select) l = l->operands[0].get();
        if (l->kind == ExprKind::Signal && multi_.count(rep(l->signal))) return true;
    }
    return false;
}

std::string Generator::genProcess(uint32_t id) {
    const Process& p = *procs_[id];
    FourState four(fourState_, fourState_ || (isCa_[id] && drivesResolvedNet(p)));
    out_.clear();
    curProc_ = id;
    nextResume_ = 0;
    curScope_ = p.scope;
    if (isCa_[id] && !p.delay.empty()) {
        // Inertial delay: the latest value and due time wait in State; one timer per process.
        bool gate = p.kind == ProcessKind::Gate || p.kind == ProcessKind::UdpInstance;
        Type vt = gate ? Type::integral(1, false) : p.lhs->type;
        bool bytes = byteGate(p); // the pending value is a strength byte
        // An assignment with rise/fall/turn-off delays: its delay depends on the change
        // from the value it last drove (cur, X at first) to the new one.
        bool riseFall = !gate && p.delay.values.size() > 1 && p.paths.empty();
        temps_.push_back(fmt::format("{} pend{};", bytes ? "u8" : cppType(vt), id));
        temps_.push_back(fmt::format("u64 due{};", id));
        temps_.push_back(fmt::format("u32 inheap{};", id));
        // The time of the timer entry that counts: a change with a shorter delay than the
        // pending one's schedules an earlier entry, and the later one is then stale.
        temps_.push_back(fmt::format("u64 at{};", id));
        if (riseFall) {
            temps_.push_back(fmt::format("{} cur{}; // the value last driven", cppType(vt), id));
            if (!vt.isReal)
                pathInit_.push_back(fmt::format("    s.cur{0} = decltype(s.cur{0})::x();", id));
        }
        uint64_t scale = timeScale(curScope_);
        std::vector<std::string> dl;
        for (const auto& dv : p.delay.values)
            dl.push_back(dv->type.isReal
                             ? fmt::format("delay_ticks_real({}, {}ull)", expr(*dv), scale)
                             : fmt::format("delay_ticks({}, {}ull)", expr(*dv), scale));
        std::string ticks = dl[0];
        if (!p.paths.empty()) {
            // A module path's output bit: the delay of the path chosen for this transition.
            out_ += modulePathDelay(id, p);
            temps_.push_back(fmt::format("u8 mpo{}; // the bit's value as last driven", id));
            pathInit_.push_back(fmt::format("    s.mpo{} = BX;", id));
            ticks = fmt::format("mpd_{0}(s, s.mpo{0}, s.pend{0}.bit_code(0))", id);
        } else if (dl.size() > 1) {
            // Rise, fall and turn-off delays (1364-2005 clause 7): by the output's new value; to x
            // the smallest, to z the turn-off delay (the smaller of two when none is given).
            std::string bitv = bytes ? "sv_bit(s.pend{})" : "s.pend{}.bit_code(0)";
            bitv = fmt::format(fmt::runtime(bitv), id);
            std::string toz = dl.size() > 2 ? dl[2] : fmt::format("min_u64({}, {})", dl[0], dl[1]);
            std::string tox = fmt::format("min_u64(min_u64({}, {}), {})", dl[0], dl[1], toz);
            if (!riseFall)
                ticks = fmt::format("delay_pick({}, {}, {}, {}, {})", bitv, dl[0], dl[1], toz, tox);
            else if (vt.isReal) // a real has no bits to rise or fall: the smallest (as Icarus)
                ticks = tox;
            else // a vector: the largest of its changed bits' delays (as Icarus)
                ticks = fmt::format("vec_delay(s.cur{}, nv, {}, {}, {}, {})", id, dl[0], dl[1], toz,
                                    tox);
        }
        line(0, fmt::format("// {} {} (delayed)", processKindName(p.kind), where(p.loc)));
        line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
        line(1, fmt::format("s.ca_idle[{}] = 1;", id));
        line(1, "{");
        bool sw = p.kind == ProcessKind::Gate && plan::isTranGate(p.gate);
        if (sw) { // a delayed tranif: its control reaches the switch group after the delay
            line(2, fmt::format("s.pend{} = {};", id,
                                p.terminals.size() > 2 && p.terminals[2]
                                    ? exprAs(*p.terminals[2], Type::integral(1, false))
                                    : vecName() + "<1>::x()"));
            for (uint32_t g : swGroupOf_[id]) line(2, fmt::format("group_{}(s);", g));
        } else if (gate) {
            gateBody(p, 2, true);
            line(2, fmt::format("s.pend{} = g;", id));
        } else if (riseFall) {
            // As Icarus's delay node: the delay runs from the value last driven (cur) to the new
            // one; the new value replaces a pending one, and a zero delay drives it at once.
            line(2, fmt::format("auto nv = {};", exprAs(*p.rhs, p.lhs->type)));
            if (vt.isReal) line(2, fmt::format("if (nv == s.cur{}) return 0;", id));
            line(2, fmt::format("s.due{} = s.sched.now + {};", id, ticks));
            line(2, fmt::format("s.pend{} = nv;", id));
            line(2, fmt::format("if (s.due{0} == s.sched.now) {{ s.inheap{0} = 0; s.cur{0} = nv; "
                                "auto v = nv;",
                                id));
            store(*p.lhs, "v", 3);
            line(3, "return 0;");
            line(2, "}");
        } else {
            line(2, fmt::format("s.pend{} = {};", id, exprAs(*p.rhs, p.lhs->type)));
        }
        line(1, "}");
        if (riseFall)
            line(1, fmt::format("u64 d = s.due{} - s.sched.now;", id));
        else
            line(1, fmt::format("u64 d = {};", ticks));
        if (!riseFall) line(1, fmt::format("s.due{} = s.sched.now + d;", id));
        line(1, fmt::format("if (!s.inheap{0} || s.due{0} < s.at{0}) {{ s.inheap{0} = 1; s.at{0} = "
                            "s.due{0}; schedule_delay(s.sched, {0}u | kTimer, d); }}",
                            id));
        line(1, "return 0;");
        line(0, "}");
        line(0, fmt::format("MF_HD MF_OUTLINE u32 timer_{}(State& s) {{", id));
        line(1, fmt::format("if (!s.inheap{0} || s.sched.now != s.at{0}) return 0; // superseded",
                            id));
        line(1, fmt::format("s.inheap{} = 0;", id));
        line(1, fmt::format("if (s.sched.now < s.due{0}) {{ s.inheap{0} = 1; s.at{0} = s.due{0}; "
                            "schedule_delay(s.sched, {0}u | kTimer, s.due{0} - s.sched.now); "
                            "return 0; }}",
                            id));
        line(1, "{");
        if (sw) {
            line(2, fmt::format("s.swc{0} = s.pend{0};", id));
            for (uint32_t g : swGroupOf_[id]) line(2, fmt::format("group_{}(s);", g));
        } else if (bytes) {
            line(2, fmt::format("u8 g = s.pend{};", id));
            gateStoreByte(p, "g", 2);
        } else if (gate) {
            line(2, fmt::format("auto g = s.pend{};", id));
            for (const Expr* t : targets(p)) {
                std::string val =
                    t->type.width == 1 && !t->type.isSigned ? "g" : convert("g", vt, t->type);
                store(*t, val, 2);
            }
        } else {
            line(2, fmt::format("auto v = s.pend{};", id));
            if (riseFall) line(2, fmt::format("s.cur{} = v;", id));
            store(*p.lhs, "v", 2);
        }
        line(1, "}");
        if (!p.paths.empty()) line(1, fmt::format("s.mpo{0} = s.pend{0}.bit_code(0);", id));
        line(1, "return 0;");
        line(0, "}");
        timers_.push_back(id);
        return out_;
    }
    if (isCa_[id]) {
        line(0, fmt::format("// {} {}", processKindName(p.kind), where(p.loc)));
        line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
        line(1, fmt::format("s.ca_idle[{}] = 1;", id));
        line(1, "{");
        if (p.kind == ProcessKind::Gate || p.kind == ProcessKind::UdpInstance) {
            gateBody(p, 2);
        } else if (inoutPort(p)) {
            for (uint32_t g : swGroupOf_[id]) line(2, fmt::format("group_{}(s);", g));
        } else {
            line(2, fmt::format("auto v = {};", exprAs(*p.rhs, p.lhs->type)));
            store(*p.lhs, "v", 2);
        }
        line(1, "}");
        line(1, "return 0;");
        line(0, "}");
        return out_;
    }
    if (staticAlways_.count(id)) return genStaticAlways(id);
    if (directCandidate(id)) return genDirectClocked(id);
    std::string body;
    std::swap(out_, body);
    spans_.clear();
    settleNext_ = opt_.twoState && combinational(p);
    if (p.kind == ProcessKind::Always) {
        line(1, "for (;;) {");
        loopGuard(2);
    }
    if (p.body) stmt(*p.body, p.kind == ProcessKind::Always ? 2 : 1);
    if (p.kind == ProcessKind::Always) line(1, "}");
    std::swap(out_, body);
    return takeOutlined() + processFunction(id, body);
}

// The process function around its body: the resume switch first, done at the end.
std::string Generator::processFunction(uint32_t id, const std::string& body) {
    const Process& p = *procs_[id];
    line(0, fmt::format("// {} {}", processKindName(p.kind), where(p.loc)));
    line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
    out_ += resumeSwitch(id);
    out_ += body;
    line(1, fmt::format("s.pc[{}] = kDone;", id));
    line(1, "return 0;");
    line(0, "}");
    return out_;
}

} // namespace metalfpga::codegen::detail
