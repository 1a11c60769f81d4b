#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

void Generator::taskCall(const Stmt& st, int ind) {
    const Routine& r = d_.routines[st.routine];
    if (std::find(taskStack_.begin(), taskStack_.end(), st.routine) != taskStack_.end() ||
        taskStack_.size() >= kMaxTaskInlineDepth) {
        unsupported(st.loc, "recursive task calls");
        return;
    }
    line(ind, fmt::format("// task {} ({})", r.name, where(r.loc)));
    // An automatic task: the inputs are evaluated in the caller's frames, then this site's
    // frame becomes current.
    std::vector<std::string> inputs(r.ports.size());
    if (r.automatic)
        for (size_t i = 0; i < r.ports.size() && i < st.args.size(); ++i) {
            const RoutinePort& p = r.ports[i];
            if ((p.dir == PortDir::Input || p.dir == PortDir::Inout) && st.args[i]) {
                uint32_t tid = static_cast<uint32_t>(temps_.size());
                temps_.push_back(fmt::format("{} t{};", cppType(storageType(rep(p.signal))), tid));
                line(ind, fmt::format("s.t{} = {};", tid,
                                      exprAs(*st.args[i], storageType(rep(p.signal)))));
                inputs[i] = fmt::format("s.t{}", tid);
            }
        }
    size_t span = r.automatic ? autoTaskEnter(st.routine, ind) : 0;
    for (size_t i = 0; i < r.ports.size() && i < st.args.size(); ++i) {
        const RoutinePort& p = r.ports[i];
        if ((p.dir == PortDir::Input || p.dir == PortDir::Inout) && st.args[i]) {
            SignalId sgi = rep(p.signal);
            line(ind, fmt::format("set_s{}(s, {});", sgi,
                                  r.automatic ? inputs[i] : exprAs(*st.args[i], storageType(sgi))));
        }
    }
    taskStack_.push_back(st.routine);
    ScopeId saved = curScope_;
    curScope_ = r.scope;
    std::string label = fmt::format("D{}", ++nextLabel_);
    disableTargets_.push_back({r.scope, label});
    size_t inst = openScope(r.scope);
    if (r.body) stmt(*r.body, ind);
    if (inst != kNone) closeScope(inst, ind);
    disableTargets_.pop_back();
    if (usedLabels_.count(label)) line(ind, label + ":;");
    curScope_ = saved;
    taskStack_.pop_back();
    for (size_t i = 0; i < r.ports.size() && i < st.args.size(); ++i) {
        const RoutinePort& p = r.ports[i];
        if ((p.dir == PortDir::Output || p.dir == PortDir::Inout) && st.args[i]) {
            SignalId sgi = rep(p.signal);
            Expr tmp(ExprKind::Signal, st.loc);
            store(*st.args[i],
                  convert(fmt::format("get_s{}(s)", sgi), storageType(sgi), st.args[i]->type), ind);
        }
    }
    if (r.automatic) autoTaskLeave(span);
}

namespace {
bool hasXzConst(const Expr& e) {
    if (e.kind == ExprKind::Const && e.value.has_xz()) return true;
    for (const auto& o : e.operands)
        if (o && hasXzConst(*o)) return true;
    return false;
}
} // namespace

std::string Generator::caseWildItem(const Expr& x, const Type& ct) {
    if (x.kind == ExprKind::Const) { // its X/Z bits are the wildcards: keep them (Logic)
        FourState four(fourState_, true);
        return exprAs(x, ct);
    }
    if (hasXzConst(x)) { // wildcard bits inside a computed item: never silently 0
        diags_.error(x.loc, "--2state: a casez/casex item that mixes x/z constant bits with "
                            "variables needs 4-state values (use a constant item, or simulate "
                            "without --2state)");
        failed_ = true;
    }
    return exprAs(x, ct);
}

void Generator::stmtCode(const Stmt& st, int ind) {
    line(ind, fmt::format("// {}", where(st.loc)));
    switch (st.kind) {
    case StmtKind::Assign:
    case StmtKind::If:
    case StmtKind::Case:
    case StmtKind::Repeat:
    case StmtKind::TaskCall:
    case StmtKind::SystemTaskCall:
        prepareHostCalls(st, ind);
        break;
    default:
        break;
    }
    switch (st.kind) {
    case StmtKind::Null:
        return;
    case StmtKind::Block: {
        if (st.fork && inFunction_) {
            unsupported(st.loc, "fork/join in a function");
            return;
        }
        ScopeId saved = curScope_;
        if (st.scope != kNone) curScope_ = st.scope;
        std::string label;
        size_t inst = kNone;
        if (st.scope != kNone) {
            label = fmt::format("D{}", ++nextLabel_);
            disableTargets_.push_back({st.scope, label});
            if (!inFunction_) inst = openScope(st.scope);
        }
        if (st.fork) {
            // Each branch is a child process; the parent waits until the last one ends.
            std::vector<const Stmt*> branches;
            for (const auto& s : st.stmts)
                if (s) branches.push_back(s.get());
            if (!branches.empty()) {
                uint32_t tid = static_cast<uint32_t>(temps_.size());
                temps_.push_back(fmt::format("u32 t{};", tid));
                line(ind, fmt::format("s.t{} = {};", tid, branches.size()));
                for (const Stmt* b : branches) {
                    uint32_t c = spawnChild(*b, tid);
                    line(ind, fmt::format("s.pc[{0}] = 0; s.wait[{0}] = ~0u; "
                                          "activate_front(s.sched, {0});",
                                          c));
                }
                suspend(ind, "");
            }
        } else {
            // Consecutive statements are outlined in groups of about kOutlineLines.
            size_t mark = out_.size();
            uint32_t resumeMark = nextResume_;
            for (const auto& s : st.stmts) {
                stmt(*s, ind);
                if (!inFunction_ && outlineIfLarge(mark, resumeMark, ind)) {
                    mark = out_.size();
                    resumeMark = nextResume_;
                }
            }
        }
        if (inst != kNone) closeScope(inst, ind);
        if (!label.empty()) {
            disableTargets_.pop_back();
            if (usedLabels_.count(label)) line(ind, label + ":;");
        }
        curScope_ = saved;
        return;
    }
    case StmtKind::Assign: {
        if (st.timing) {
            if (st.nonBlocking && st.timing->kind == Timing::Kind::Delay && !inFunction_ &&
                (st.lhs->type.isReal || 2 * rt::k::nwords(st.lhs->type.width) <= 8)) {
                const Expr& dv = *st.timing->delay.values[0];
                uint64_t scale = timeScale(curScope_);
                line(ind, "{");
                line(ind + 1, fmt::format("auto v = {};", exprAs(*st.rhs, st.lhs->type)));
                line(ind + 1,
                     fmt::format("u64 dl = {};",
                                 dv.type.isReal
                                     ? fmt::format("delay_ticks_real({}, {}ull)", expr(dv), scale)
                                     : fmt::format("delay_ticks({}, {}ull)", expr(dv), scale)));
                nbaDelay_ = "dl";
                nbaStore(*st.lhs, "v", ind + 1);
                nbaDelay_.clear();
                line(ind, "}");
                return;
            }
            if (st.nonBlocking && !inFunction_ && st.timing->kind != Timing::Kind::Delay) {
                nbaEvent(st, ind);
                return;
            }
            if (st.nonBlocking || inFunction_) {
                unsupported(st.loc, st.nonBlocking ? "this intra-assignment timing control on a "
                                                     "non-blocking assignment"
                                                   : "timing controls in functions");
                return;
            }
            // a = #d b: b now, the assignment after the control (the value waits in State).
            uint32_t tid = static_cast<uint32_t>(temps_.size());
            temps_.push_back(fmt::format("{} t{};", cppType(st.lhs->type), tid));
            line(ind, fmt::format("s.t{} = {};", tid, exprAs(*st.rhs, st.lhs->type)));
            timing(*st.timing, ind);
            line(ind, "{");
            line(ind + 1, fmt::format("auto v = s.t{};", tid));
            store(*st.lhs, "v", ind + 1);
            line(ind, "}");
            return;
        }
        if (st.nonBlocking) {
            if (inFunction_) {
                unsupported(st.loc, "non-blocking assignments in functions");
                return;
            }
            line(ind, "{");
            line(ind + 1, fmt::format("auto v = {};", exprAs(*st.rhs, st.lhs->type)));
            nbaStore(*st.lhs, "v", ind + 1);
            line(ind, "}");
            return;
        }
        line(ind, "{");
        line(ind + 1, fmt::format("auto v = {};", exprAs(*st.rhs, st.lhs->type)));
        store(*st.lhs, "v", ind + 1);
        // A variable initialiser of a variable that non-blocking assignments update after it:
        // its shadow starts with the value (nba_shadows.cpp, mirrored leaves).
        if (curProc_ < procs_.size() && procs_[curProc_]->varInit &&
            st.lhs->kind == ExprKind::Signal && plan_.lateOnly.count(rep(st.lhs->signal))) {
            line(ind + 1, fmt::format("sync_shadow_s{}(s);", rep(st.lhs->signal)));
            syncedShadows_.insert(rep(st.lhs->signal));
        }
        line(ind, "}");
        return;
    }
    case StmtKind::ProcContinuous:
        if (inFunction_) {
            unsupported(st.loc, "procedural continuous assignments in functions");
            return;
        }
        procContinuous(st, ind);
        return;
    case StmtKind::If: {
        std::string c = st.cond->type.isReal ? realTruth(expr(*st.cond)) : expr(*st.cond);
        line(ind, fmt::format("if ({}.is_true()) {{", c));
        if (st.body) stmt(*st.body, ind + 1);
        if (st.elseBody) {
            line(ind, "} else {");
            stmt(*st.elseBody, ind + 1);
        }
        line(ind, "}");
        return;
    }
    case StmtKind::Case: {
        // The selector is kept in the state: the items may contain resume points.
        Type ct = st.cond->type;
        bool real = ct.isReal; // a real selector or item: every comparison is of reals
        for (const auto& it : st.items)
            for (const auto& x : it.exprs) {
                real = real || x->type.isReal;
                ct.width = std::max(ct.width, x->type.width);
                ct.isSigned = ct.isSigned && x->type.isSigned;
            }
        if (real) ct = Type::real(); // casex/casez too: reals have no x/z bits to ignore
        uint32_t tid = static_cast<uint32_t>(temps_.size());
        temps_.push_back(fmt::format("{} t{};", cppType(ct), tid));
        line(ind, fmt::format("s.t{} = {};", tid, exprAs(*st.cond, ct)));
        const CaseItem* def = nullptr;
        bool first = true;
        for (const auto& it : st.items) {
            if (it.exprs.empty()) {
                def = &it;
                continue;
            }
            std::string c;
            for (const auto& x : it.exprs) {
                if (!c.empty()) c += " || ";
                std::string xc =
                    opt_.twoState && st.caseKind != CaseKind::Case ? "" : exprAs(*x, ct);
                if (real)
                    c += fmt::format("s.t{} == {}", tid, xc);
                else if (st.caseKind == CaseKind::Case)
                    c += fmt::format("case_eq(s.t{}, {}).is_true()", tid, xc);
                else
                    c += fmt::format("case_wild(s.t{}, {}, {})", tid,
                                     opt_.twoState ? caseWildItem(*x, ct) : xc,
                                     st.caseKind == CaseKind::Casez ? "true" : "false");
            }
            line(ind, fmt::format("{}if ({}) {{", first ? "" : "} else ", c));
            first = false;
            if (it.body) stmt(*it.body, ind + 1);
        }
        if (def) {
            line(ind, first ? "{" : "} else {");
            if (def->body) stmt(*def->body, ind + 1);
            first = false;
        }
        if (!first) line(ind, "}");
        return;
    }
    case StmtKind::For: {
        if (st.init) stmt(*st.init, ind);
        if (hasHostCall(st.cond.get())) {
            // The condition's host calls run before each test.
            line(ind, "for (;;) {");
            prepareHostCalls(st.cond.get(), ind + 1);
            line(ind + 1, fmt::format("if (!{}.is_true()) break;", expr(*st.cond)));
        } else {
            line(ind, fmt::format("while ({}.is_true()) {{", expr(*st.cond)));
        }
        if (!inFunction_) loopGuard(ind + 1);
        ++loopDepth_;
        if (st.body) stmt(*st.body, ind + 1);
        if (st.step) stmt(*st.step, ind + 1);
        --loopDepth_;
        line(ind, "}");
        return;
    }
    case StmtKind::While: {
        bool host = hasHostCall(st.cond.get());
        if (host) {
            line(ind, "for (;;) {");
            prepareHostCalls(st.cond.get(), ind + 1);
        }
        std::string c = st.cond->type.isReal ? realTruth(expr(*st.cond)) : expr(*st.cond);
        if (host)
            line(ind + 1, fmt::format("if (!{}.is_true()) break;", c));
        else
            line(ind, fmt::format("while ({}.is_true()) {{", c));
        if (!inFunction_) loopGuard(ind + 1);
        ++loopDepth_;
        if (st.body) stmt(*st.body, ind + 1);
        --loopDepth_;
        line(ind, "}");
        return;
    }
    case StmtKind::Repeat: {
        uint32_t tid = static_cast<uint32_t>(temps_.size());
        temps_.push_back(fmt::format("i64 t{};", tid));
        line(ind, fmt::format("s.t{} = repeat_count({});", tid, expr(*st.cond)));
        line(ind, fmt::format("while (s.t{} > 0) {{", tid));
        line(ind + 1, fmt::format("--s.t{};", tid));
        ++loopDepth_;
        if (st.body) stmt(*st.body, ind + 1);
        --loopDepth_;
        line(ind, "}");
        return;
    }
    case StmtKind::Forever:
        line(ind, "for (;;) {");
        loopGuard(ind + 1);
        ++loopDepth_;
        if (st.body) stmt(*st.body, ind + 1);
        --loopDepth_;
        line(ind, "}");
        return;
    case StmtKind::Wait: {
        if (inFunction_) {
            unsupported(st.loc, "wait in a function");
            return;
        }
        uint32_t k = ++nextResume_;
        line(ind, fmt::format("R{}:;", k));
        line(ind, fmt::format("if (!{}.is_true()) {{", expr(*st.cond)));
        std::vector<WaitItem> items{WaitItem{Edge::Any, st.cond.get(), st.cond->type}};
        uint32_t id = waitSite(items, ind + 1);
        line(ind + 1,
             fmt::format("{} s.pc[{}] = {}; return 0;", waitOn(curProc_, id), curProc_, k));
        line(ind, "}");
        if (st.body) stmt(*st.body, ind);
        return;
    }
    case StmtKind::EventTrigger: {
        SignalId e = rep(st.lhs->signal);
        line(ind, fmt::format("set_s{}(s, get_s{}(s) + {}<32>(1u));", e, e, vecName()));
        return;
    }
    case StmtKind::Disable: {
        for (auto it = disableTargets_.rbegin(); it != disableTargets_.rend(); ++it)
            if (it->first == st.scope) {
                line(ind, fmt::format("goto {};", it->second));
                usedLabels_.insert(it->second);
                return;
            }
        if (inFunction_) {
            unsupported(st.loc, "disable of a block or task outside the function");
            return;
        }
        outsideDisables_.insert(st.scope);
        line(ind, fmt::format("if (disable_scope_{}(s, {})) return 0;", st.scope, curProc_));
        return;
    }
    case StmtKind::TaskCall:
        if (inFunction_) {
            unsupported(st.loc, "task calls in functions");
            return;
        }
        taskCall(st, ind);
        return;
    case StmtKind::SystemTaskCall:
        if (st.name.rfind("$strobe", 0) == 0 || st.name.rfind("$monitor", 0) == 0) {
            // Their arguments are read later, outside the activation's frame.
            std::set<SignalId> reads;
            std::set<RoutineId> seen;
            for (const auto& a : st.args)
                if (a) collectReads(a.get(), reads, seen);
            for (SignalId r : reads)
                if (d_.signals[r].automatic) {
                    unsupported(st.loc, "automatic variables in " + st.name + " arguments");
                    return;
                }
        }
        systemTask(st, ind);
        return;
    case StmtKind::Timed:
        if (inFunction_) {
            unsupported(st.loc, "timing controls in functions");
            return;
        }
        timing(*st.timing, ind);
        if (st.body) stmt(*st.body, ind);
        return;
    }
}

} // namespace metalfpga::codegen::detail
