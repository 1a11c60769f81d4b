#include "codegen/codegen.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace metalfpga::codegen {

namespace {

using namespace ir;

constexpr uint32_t kMaxTaskInlineDepth = 16;

std::string cppType(const Type& t) {
    if (t.isReal) return "double";
    return fmt::format("Logic<{}, {}>", t.width, t.isSigned ? "true" : "false");
}

std::string realLiteral(double d) {
    if (std::isnan(d)) return "(0.0 / 0.0)";
    if (std::isinf(d)) return d > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)";
    std::string s = fmt::format("{:.17g}", d);
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    return s;
}

std::string stringOf(const rt::Value& v) {
    std::string s;
    uint32_t n = (v.width() + 7) / 8;
    for (uint32_t i = n; i-- > 0;) {
        unsigned c = 0;
        for (uint32_t j = 0; j < 8 && i * 8 + j < v.width(); ++j)
            if (v.bit(static_cast<int64_t>(i * 8 + j)) == rt::B1) c |= 1u << j;
        if (c) s += static_cast<char>(c);
    }
    return s;
}

// A wait site: one event control (or wait condition) of one process.
struct WaitItem {
    Edge edge = Edge::Any;
    const Expr* expr = nullptr;
    Type type;
};
struct WaitSite {
    uint32_t proc = 0;
    std::vector<WaitItem> items;
};

// A leaf of a non-blocking assignment target.
struct NbaLeaf {
    SignalId sig = kNone;
    bool elem = false; // an array element
    bool part = false; // a bit/part select at a run-time offset
    Type type;         // the leaf value's type
};

struct Unsupported {
    SourceLoc loc;
    std::string what;
};

class Generator {
  public:
    Generator(const Design& d, const frontend::SourceManager& sm, frontend::Diagnostics& diags,
              const Options& o)
        : d_(d), sm_(sm), diags_(diags), opt_(o) {}

    std::optional<Model> run();

  private:
    const Design& d_;
    const frontend::SourceManager& sm_;
    frontend::Diagnostics& diags_;
    const Options& opt_;

    std::vector<SignalId> rep_;
    std::vector<uint32_t> procIds_; // ir process index -> model process id (kNone: none)
    std::vector<const Process*> procs_;
    std::vector<bool> isCa_;
    std::vector<WaitSite> sites_;
    std::vector<NbaLeaf> leaves_;
    std::vector<ServiceSite> svc_;
    std::vector<std::string> svcPack_; // per service site: the packing code
    std::vector<uint32_t> svcCmpWords_;
    std::vector<std::string> temps_; // extra state members
    std::map<SignalId, std::set<uint32_t>> sigSites_, sigCas_;
    bool failed_ = false;

    // Per process being generated.
    uint32_t curProc_ = 0;
    uint32_t nextResume_ = 0;
    ScopeId curScope_ = kNone;
    bool inFunction_ = false;
    std::vector<RoutineId> taskStack_;
    std::string out_;

    void unsupported(SourceLoc loc, const std::string& what) {
        diags_.error(loc, fmt::format("the simulator does not support {} yet", what));
        failed_ = true;
    }
    std::string where(SourceLoc loc) const {
        return fmt::format("{}:{}", sm_.displayName(loc), sm_.displayLineCol(loc).line);
    }

    SignalId rep(SignalId s) const {
        while (rep_[s] != s) s = rep_[s];
        return s;
    }
    Type storageType(SignalId id) const {
        const Signal& sg = d_.signals[id];
        switch (sg.kind) {
        case SignalKind::Real:
        case SignalKind::Realtime:
            return Type::real();
        case SignalKind::Event:
            return Type::integral(32, false);
        default:
            return sg.type;
        }
    }
    ScopeId moduleOf(ScopeId s) const {
        while (s != kNone && d_.scopes[s].kind != ScopeKind::Module) s = d_.scopes[s].parent;
        return s;
    }
    int timeUnit(ScopeId s) const {
        ScopeId m = moduleOf(s);
        if (m == kNone || !d_.scopes[m].timescale.specified) return 0;
        return d_.scopes[m].timescale.unit;
    }
    uint64_t timeScale(ScopeId s) const {
        uint64_t k = 1;
        for (int i = d_.globalPrecision(); i < timeUnit(s); ++i) k *= 10;
        return k;
    }

    void collectReads(const Expr* e, std::set<SignalId>& out, std::set<RoutineId>& seen) const;
    void collectStmtReads(const Stmt* st, std::set<SignalId>& out, std::set<RoutineId>& seen) const;
    void setupAliases();
    bool checkDrivers();

    // Expressions
    std::string expr(const Expr& e);
    std::string exprAs(const Expr& e, const Type& t);
    std::string convert(const std::string& code, const Type& from, const Type& to);
    std::string exprNatural(const Expr& e, Type& natural);
    std::string indexOffset(const Expr& sel, std::string& base);
    std::string flatIndex(const Expr& ae);

    // Statements
    void line(int indent, const std::string& s) {
        out_ += std::string(static_cast<size_t>(indent) * 4, ' ');
        out_ += s;
        out_ += '\n';
    }
    void stmt(const Stmt& st, int ind);
    void store(const Expr& lhs, const std::string& value, int ind);
    void nbaStore(const Expr& lhs, const std::string& value, int ind);
    void suspend(int ind, const std::string& how);
    void timing(const Timing& t, int ind);
    uint32_t waitSite(const std::vector<WaitItem>& items, int ind);
    void systemTask(const Stmt& st, int ind);
    void taskCall(const Stmt& st, int ind);
    uint32_t serviceSite(const Stmt& st, char conv, bool newline);

    std::string genProcess(uint32_t id);
    void gateBody(const Process& p, int ind, bool valueOnly = false);
    std::vector<uint32_t> timers_;
    std::string nbaDelay_; // non-empty: the NBA leaves go to a future slot this many ticks ahead
    std::string nbaPush(const std::string& args) const {
        return nbaDelay_.empty()
                   ? fmt::format("nba_push(s.sched, {})", args)
                   : fmt::format("nba_push_delayed(s.sched, {}, {})", args, nbaDelay_);
    }
    // Counts a loop iteration against the time slot's activation limit (a loop without
    // delays is reported, not hung on).
    void loopGuard(int ind) {
        line(ind, fmt::format("if (++s.sched.slot_steps > s.sched.slot_limit) {{ "
                              "model_error(s.sched, kErrZeroDelayLoop, {}); return kError; }}",
                              curProc_));
    }
    std::vector<const Expr*> targets(const Process& p) const;
    std::vector<const Expr*> sources(const Process& p) const;
    static bool gateSupported(const std::string& g);
    std::vector<std::pair<ScopeId, std::string>> disableTargets_;
    std::set<std::string> usedLabels_; // labels some disable jumps to
    uint32_t nextLabel_ = 0;
    std::string genFunction(RoutineId r);

    // Processes made by code generation: fork branches and force/assign sites. Model process
    // ids: the IR processes first (procs_), then these.
    struct Synth {
        bool force = false; // a force/assign site (else a fork branch)
        uint32_t parent = kNone;
        SourceLoc loc;
        std::string code;
    };
    std::vector<Synth> synth_;
    uint32_t procCount() const { return static_cast<uint32_t>(procs_.size() + synth_.size()); }
    uint32_t spawnChild(const Stmt& body, uint32_t joinTemp);

    // `disable` of a block or task from outside it: every place the scope's code was generated
    // (its process and the range of resume points inside it, the resume point after it) and
    // the fork branches started inside it.
    struct ScopeInst {
        ScopeId scope = kNone;
        uint32_t proc = 0;
        uint32_t lo = 0, hi = 0, after = 0;
        std::vector<uint32_t> kill;
    };
    std::set<ScopeId> disabled_; // scopes some disable names
    std::vector<ScopeInst> scopeInsts_;
    std::vector<size_t> openInsts_;
    std::set<ScopeId> outsideDisables_; // scopes disabled from outside: disable_scope_<id>
    void findDisables(const Stmt* st);

    // force/release and assign/deassign of whole signals: each force or assign statement is a
    // site that, while it is the signal's active force (or assign), writes its value through
    // put_s<id> whenever something its right-hand side reads changes; set_s<id> writes nothing
    // while a force (or, for variables, an assign) is active.
    struct PcaSite {
        SignalId sig = kNone;
        bool force = false;
        const Expr* rhs = nullptr;
        Type lhsType;
        ScopeId scope = kNone;
        int64_t lo = 0, w = 0; // force: the forced bits
    };
    std::vector<PcaSite> pcaSites_;
    std::set<SignalId> forced_, assigned_;          // signals with force / assign sites
    std::map<SignalId, std::set<uint32_t>> sigPca_; // signal -> sites reading it
    void procContinuous(const Stmt& st, int ind);
    std::string maskType(SignalId sg) const { // forced bits (a flag for reals)
        return storageType(sg).isReal ? "u32" : cppType(storageType(sg));
    }

    // Nets with overlapping drivers: each driver (a continuous process) writes its own copy of
    // the net, `dv<net>_<k>`, and resolve_s<net> combines them by net type.
    std::map<SignalId, std::vector<uint32_t>> multi_; // net -> driver processes
    std::map<SignalId, int> pulls_;                   // pullup (1) / pulldown (0) nets
    std::string slotOf(SignalId sg) const {
        if (curProc_ >= procs_.size() || !isCa_[curProc_]) return "";
        auto it = multi_.find(sg);
        if (it == multi_.end()) return "";
        for (size_t k = 0; k < it->second.size(); ++k)
            if (it->second[k] == curProc_) return fmt::format("s.dv{}_{}", sg, k);
        return "";
    }
    size_t openScope(ScopeId sc);
    void closeScope(size_t inst, int ind);
};

// ---------------------------------------------------------------------------------------------
// Analysis

void Generator::collectReads(const Expr* e, std::set<SignalId>& out,
                             std::set<RoutineId>& seen) const {
    if (!e) return;
    if (e->kind == ExprKind::Signal || e->kind == ExprKind::ArrayElement)
        out.insert(rep(e->signal));
    // A call's sensitivity is its arguments (clause 6.1.2), not what the function reads inside.
    for (const auto& o : e->operands) collectReads(o.get(), out, seen);
}

void Generator::collectStmtReads(const Stmt* st, std::set<SignalId>& out,
                                 std::set<RoutineId>& seen) const {
    if (!st) return;
    collectReads(st->rhs.get(), out, seen);
    collectReads(st->cond.get(), out, seen);
    if (st->lhs) // indices of the target
        for (const auto& o : st->lhs->operands) collectReads(o.get(), out, seen);
    for (const auto& s : st->stmts) collectStmtReads(s.get(), out, seen);
    collectStmtReads(st->body.get(), out, seen);
    collectStmtReads(st->elseBody.get(), out, seen);
    collectStmtReads(st->init.get(), out, seen);
    collectStmtReads(st->step.get(), out, seen);
    for (const auto& it : st->items) {
        for (const auto& x : it.exprs) collectReads(x.get(), out, seen);
        collectStmtReads(it.body.get(), out, seen);
    }
    for (const auto& a : st->args) collectReads(a.get(), out, seen);
}

void Generator::setupAliases() {
    rep_.resize(d_.signals.size());
    for (SignalId i = 0; i < rep_.size(); ++i) rep_[i] = i;
    for (const Process& p : d_.processes) {
        if (p.kind != ProcessKind::PortConnection || !p.collapsed) continue;
        if (!p.lhs || !p.rhs || p.lhs->kind != ExprKind::Signal || p.rhs->kind != ExprKind::Signal)
            continue;
        SignalId a = rep(p.lhs->signal), b = rep(p.rhs->signal);
        if (a == b) continue;
        const Signal &sa = d_.signals[a], &sb = d_.signals[b];
        if (sa.isArray() || sb.isArray() || storageType(a).width != storageType(b).width ||
            storageType(a).isReal || storageType(b).isReal)
            continue;
        // Keep a variable (or a net with a special type) as the representative.
        if (!sa.isNet() || (sb.isNet() && sa.netType != NetType::Wire))
            rep_[b] = a;
        else
            rep_[a] = b;
    }
}

// ---------------------------------------------------------------------------------------------
// Expressions

std::string Generator::convert(const std::string& code, const Type& from, const Type& to) {
    if (from == to) return code;
    if (to.isReal && from.isReal) return code;
    if (to.isReal) return fmt::format("to_real({})", code);
    if (from.isReal) return fmt::format("from_real<{}>({})", cppType(to), code);
    return fmt::format("extend<{}>({}, {})", cppType(to), code, to.isSigned ? "true" : "false");
}

std::string Generator::exprAs(const Expr& e, const Type& t) {
    Type nat;
    std::string c = exprNatural(e, nat);
    if (nat.isReal || t.isReal) return convert(c, nat, t);
    if (nat == t) return c;
    // Same bits, other signedness or width: extend per the source's signedness (the IR has
    // already made every context extension explicit, so this only reinterprets).
    return fmt::format("{}({})", cppType(t), c);
}

std::string Generator::expr(const Expr& e) {
    return exprAs(e, e.type);
}

// Offset (from the least significant bit of the selected object) of a select: code for an i64
// expression, or "" with `base` set when the index is dynamic (then the result is in `base`
// with a bool guard). Here we use a statement-expression-free form: a helper call.
std::string Generator::indexOffset(const Expr& sel, std::string& base) {
    const Range& r = sel.declared;
    base.clear();
    if (sel.select == SelectKind::Part) {
        int64_t a = r.offsetOf(sel.msb), b = r.offsetOf(sel.lsb);
        return fmt::format("{}", std::min(a, b));
    }
    const Expr& idx = *sel.operands[1];
    std::string ic = expr(idx);
    int64_t w = sel.type.width;
    if (sel.select == SelectKind::Bit) {
        base = fmt::format("bit_offset({}, {}, {})", ic, r.msb, r.lsb);
    } else if (sel.select == SelectKind::IndexedUp) {
        base = fmt::format("indexed_offset({}, {}, {}, {}, true)", ic, w, r.msb, r.lsb);
    } else {
        base = fmt::format("indexed_offset({}, {}, {}, {}, false)", ic, w, r.msb, r.lsb);
    }
    return "";
}

std::string Generator::flatIndex(const Expr& ae) {
    const Signal& sg = d_.signals[ae.signal];
    std::string s = "flat_index(";
    uint64_t stride = sg.elementCount();
    for (size_t i = 0; i < sg.unpacked.size() && i < ae.operands.size(); ++i) {
        const Range& r = sg.unpacked[i];
        stride /= r.width();
        if (i) s += ", ";
        s += fmt::format("dim_offset({}, {}, {}), {}, {}ull", expr(*ae.operands[i]), r.msb, r.lsb,
                         r.width(), stride);
    }
    return s + ")";
}

std::string Generator::exprNatural(const Expr& e, Type& nat) {
    nat = e.type;
    switch (e.kind) {
    case ExprKind::Const: {
        const rt::Value& v = e.value;
        Type t = Type::integral(v.width(), v.is_signed());
        nat = t;
        uint32_t nw = rt::k::nwords(v.width());
        bool xz = v.has_xz();
        std::string words;
        for (uint32_t i = 0; i < nw; ++i)
            words += fmt::format("{}0x{:x}ull", i ? ", " : "", v.aval()[i]);
        if (!xz && nw == 1) return fmt::format("{}({})", cppType(t), words);
        for (uint32_t i = 0; i < nw; ++i) words += fmt::format(", 0x{:x}ull", v.bval()[i]);
        return fmt::format("lit<{}>({})", cppType(t), words);
    }
    case ExprKind::RealConst:
        nat = Type::real();
        return realLiteral(e.real);
    case ExprKind::Signal: {
        SignalId s = rep(e.signal);
        nat = storageType(s);
        if (d_.signals[s].isArray()) {
            unsupported(e.loc, "a whole array used as a value");
            return "0";
        }
        return fmt::format("get_s{}(s)", s);
    }
    case ExprKind::ArrayElement: {
        SignalId s = rep(e.signal);
        nat = storageType(s);
        return fmt::format("get_s{}_elem(s, {})", s, flatIndex(e));
    }
    case ExprKind::Select: {
        const Expr& obj = *e.operands[0];
        Type ot;
        std::string oc = exprNatural(obj, ot);
        if (ot.isReal) {
            unsupported(e.loc, "a select of a real");
            return "0";
        }
        std::string base;
        std::string off = indexOffset(e, base);
        uint32_t w = e.select == SelectKind::Bit ? 1 : e.type.width;
        if (e.select == SelectKind::Part) w = static_cast<uint32_t>(std::llabs(e.msb - e.lsb) + 1);
        nat = Type::integral(w, false);
        if (!off.empty()) return fmt::format("select_part<{}>({}, {})", w, oc, off);
        return fmt::format("select_part<{}>({}, {})", w, oc, base);
    }
    case ExprKind::Unary: {
        const Expr& a = *e.operands[0];
        if (a.type.isReal || e.type.isReal) {
            std::string ac = exprAs(a, Type::real());
            switch (e.op) {
            case Op::Plus:
                return ac;
            case Op::Neg:
                return "(-" + ac + ")";
            case Op::LogNot:
                nat = Type::integral(1, false);
                return fmt::format("bool_logic({} == 0.0)", ac);
            default:
                unsupported(e.loc, fmt::format("operator {} on a real", opName(e.op)));
                return "0";
            }
        }
        switch (e.op) {
        case Op::Plus:
        case Op::Neg:
        case Op::BitNot: {
            std::string ac = exprAs(a, e.type);
            const char* o = e.op == Op::Plus ? "+" : e.op == Op::Neg ? "-" : "~";
            return fmt::format("({}{})", o, ac);
        }
        default:
            break;
        }
        std::string ac = expr(a);
        nat = Type::integral(1, false);
        switch (e.op) {
        case Op::LogNot:
            return fmt::format("(!{})", ac);
        case Op::RedAnd:
            return fmt::format("reduce_and({})", ac);
        case Op::RedNand:
            return fmt::format("reduce_nand({})", ac);
        case Op::RedOr:
            return fmt::format("reduce_or({})", ac);
        case Op::RedNor:
            return fmt::format("reduce_nor({})", ac);
        case Op::RedXor:
            return fmt::format("reduce_xor({})", ac);
        case Op::RedXnor:
            return fmt::format("reduce_xnor({})", ac);
        default:
            unsupported(e.loc, fmt::format("unary operator {}", opName(e.op)));
            return "0";
        }
    }
    case ExprKind::Binary: {
        const Expr& a = *e.operands[0];
        const Expr& b = *e.operands[1];
        Op op = e.op;
        bool cmp = op == Op::Eq || op == Op::Ne || op == Op::CaseEq || op == Op::CaseNe ||
                   op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge;
        if (op == Op::LogAnd || op == Op::LogOr) {
            auto truth = [&](const Expr& x) {
                return x.type.isReal ? fmt::format("real_truth({})", expr(x)) : expr(x);
            };
            nat = Type::integral(1, false);
            return fmt::format("({} {} {})", truth(a), op == Op::LogAnd ? "&&" : "||", truth(b));
        }
        if (cmp) {
            nat = Type::integral(1, false);
            if (a.type.isReal || b.type.isReal) {
                const char* o = op == Op::Eq || op == Op::CaseEq   ? "=="
                                : op == Op::Ne || op == Op::CaseNe ? "!="
                                : op == Op::Lt                     ? "<"
                                : op == Op::Le                     ? "<="
                                : op == Op::Gt                     ? ">"
                                                                   : ">=";
                return fmt::format("bool_logic({} {} {})", exprAs(a, Type::real()), o,
                                   exprAs(b, Type::real()));
            }
            Type ct = a.type;
            if (b.type.width > ct.width) ct.width = b.type.width;
            ct.isSigned = a.type.isSigned && b.type.isSigned;
            std::string ac = exprAs(a, ct), bc = exprAs(b, ct);
            switch (op) {
            case Op::CaseEq:
                return fmt::format("case_eq({}, {})", ac, bc);
            case Op::CaseNe:
                return fmt::format("case_ne({}, {})", ac, bc);
            default:
                return fmt::format("({} {} {})", ac, opName(op), bc);
            }
        }
        if (op == Op::Shl || op == Op::Shr || op == Op::AShl || op == Op::AShr || op == Op::Pow) {
            if (e.type.isReal) {
                if (op != Op::Pow) {
                    unsupported(e.loc, "a shift of a real");
                    return "0";
                }
                return fmt::format("realfn::pow({}, {})", exprAs(a, Type::real()),
                                   exprAs(b, Type::real()));
            }
            std::string ac = exprAs(a, e.type), bc = expr(b);
            if (b.type.isReal) {
                unsupported(e.loc, "a real exponent or shift amount");
                return "0";
            }
            switch (op) {
            case Op::Shl:
                return fmt::format("({} << {})", ac, bc);
            case Op::Shr:
                return fmt::format("({} >> {})", ac, bc);
            case Op::AShl:
                return fmt::format("ashl({}, {})", ac, bc);
            case Op::AShr:
                return fmt::format("ashr({}, {})", ac, bc);
            default:
                return fmt::format("power({}, {})", ac, bc);
            }
        }
        if (e.type.isReal) {
            const char* o = op == Op::Add   ? "+"
                            : op == Op::Sub ? "-"
                            : op == Op::Mul ? "*"
                            : op == Op::Div ? "/"
                                            : nullptr;
            if (!o) {
                unsupported(e.loc, fmt::format("operator {} on reals", opName(op)));
                return "0";
            }
            return fmt::format("({} {} {})", exprAs(a, Type::real()), o, exprAs(b, Type::real()));
        }
        std::string ac = exprAs(a, e.type), bc = exprAs(b, e.type);
        switch (op) {
        case Op::BitXnor:
            return fmt::format("bit_xnor({}, {})", ac, bc);
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Div:
        case Op::Mod:
        case Op::BitAnd:
        case Op::BitOr:
        case Op::BitXor:
            return fmt::format("({} {} {})", ac, opName(op), bc);
        default:
            unsupported(e.loc, fmt::format("binary operator {}", opName(op)));
            return "0";
        }
    }
    case ExprKind::Conditional: {
        const Expr& c = *e.operands[0];
        std::string cc = c.type.isReal ? fmt::format("real_truth({})", expr(c)) : expr(c);
        if (e.type.isReal)
            return fmt::format("({}.is_true() ? {} : {})", cc, exprAs(*e.operands[1], e.type),
                               exprAs(*e.operands[2], e.type));
        return fmt::format("select({}, {}, {})", cc, exprAs(*e.operands[1], e.type),
                           exprAs(*e.operands[2], e.type));
    }
    case ExprKind::Concat: {
        std::string s = "concat(";
        uint32_t w = 0;
        for (size_t i = 0; i < e.operands.size(); ++i) {
            const Expr& o = *e.operands[i];
            if (o.type.isReal) {
                unsupported(o.loc, "a real in a concatenation");
                return "0";
            }
            Type t = o.type;
            w += t.width;
            s += (i ? ", " : "") + exprAs(o, t);
        }
        nat = Type::integral(w, false);
        return s + ")";
    }
    case ExprKind::Replicate: {
        uint64_t n = e.value.has_xz() ? 0 : e.value.aval()[0];
        if (n == 0) {
            unsupported(e.loc, "a zero replication");
            return "0";
        }
        const Expr& o = *e.operands[0];
        nat = Type::integral(static_cast<uint32_t>(n * o.type.width), false);
        return fmt::format("replicate<{}>({})", n, expr(o));
    }
    case ExprKind::Convert: {
        const Expr& o = *e.operands[0];
        Type ot;
        std::string oc = exprNatural(o, ot);
        if (!ot.isReal && !o.type.isReal && !(ot == o.type))
            oc = fmt::format("{}({})", cppType(o.type), oc), ot = o.type;
        return convert(oc, ot, e.type);
    }
    case ExprKind::Call: {
        const Routine& r = d_.routines[e.routine];
        if (!r.isFunction) {
            unsupported(e.loc, "a task called as a function");
            return "0";
        }
        if (r.automatic) {
            unsupported(e.loc, "automatic (recursive) functions");
            return "0";
        }
        std::string s = fmt::format("fn_{}(s", e.routine);
        size_t ai = 0;
        for (const RoutinePort& p : r.ports) {
            if (p.dir != PortDir::Input) {
                unsupported(e.loc, "function ports other than inputs");
                return "0";
            }
            if (ai < e.operands.size()) s += ", " + exprAs(*e.operands[ai], storageType(p.signal));
            ++ai;
        }
        nat = storageType(r.result);
        return s + ")";
    }
    case ExprKind::SystemCall: {
        const std::string& n = e.name;
        uint64_t scale = timeScale(curScope_);
        if (n == "$time") {
            nat = Type::integral(64, false);
            return fmt::format("Logic<64, false>(time_in_units(s.sched.now, {}ull))", scale);
        }
        if (n == "$stime") {
            nat = Type::integral(32, false);
            return fmt::format("Logic<32, false>(time_in_units(s.sched.now, {}ull))", scale);
        }
        if (n == "$realtime") {
            nat = Type::real();
            return fmt::format("(double(s.sched.now) / {}.0)", scale);
        }
        if ((n == "$signed" || n == "$unsigned") && e.operands.size() == 1 && e.operands[0]) {
            const Expr& o = *e.operands[0];
            Type t = o.type;
            t.isSigned = n == "$signed";
            nat = t;
            return fmt::format("{}({})", cppType(t), expr(o));
        }
        if (n == "$random") {
            nat = Type::integral(32, true);
            if (e.operands.empty() || !e.operands[0]) return "rtl_random(s.sched.random_seed)";
            const Expr& seed = *e.operands[0];
            if (seed.kind != ExprKind::Signal || storageType(rep(seed.signal)).isReal) {
                unsupported(e.loc, "a $random seed that is not a variable");
                return "0";
            }
            SignalId sd = rep(seed.signal);
            Type st = storageType(sd);
            return fmt::format(
                "[&]() {{ i32 sd = i32(u32(get_s{0}(s).to_u64())); auto r = "
                "rtl_random(sd); set_s{0}(s, {1}); return r; }}()",
                sd, convert("Logic<32, true>(u64(u32(sd)))", Type::integral(32, true), st));
        }
        if (n == "$itor" && e.operands.size() == 1) {
            nat = Type::real();
            return fmt::format("to_real({})", expr(*e.operands[0]));
        }
        if (n == "$rtoi" && e.operands.size() == 1) {
            nat = Type::integral(32, true);
            return fmt::format("rtoi({})", exprAs(*e.operands[0], Type::real()));
        }
        if (n == "$realtobits" && e.operands.size() == 1) {
            nat = Type::integral(64, false);
            return fmt::format("realtobits({})", exprAs(*e.operands[0], Type::real()));
        }
        if (n == "$bitstoreal" && e.operands.size() == 1) {
            nat = Type::real();
            return fmt::format("bitstoreal({})", expr(*e.operands[0]));
        }
        unsupported(e.loc, "the system function " + n);
        return "0";
    }
    case ExprKind::Scope:
        unsupported(e.loc, "a scope name as a value");
        return "0";
    }
    return "0";
}

// ---------------------------------------------------------------------------------------------
// Statements

void Generator::suspend(int ind, const std::string& how) {
    uint32_t k = ++nextResume_;
    line(ind, fmt::format("s.pc[{}] = {};", curProc_, k));
    if (!how.empty()) line(ind, how);
    line(ind, "return 0;");
    line(ind - 1 < 0 ? 0 : ind, fmt::format("R{}:;", k));
}

void Generator::store(const Expr& lhs, const std::string& v, int ind) {
    switch (lhs.kind) {
    case ExprKind::Signal: {
        SignalId s = rep(lhs.signal);
        if (std::string slot = slotOf(s); !slot.empty()) {
            line(ind, fmt::format("{} = {}; resolve_s{}(s);", slot,
                                  convert(v, lhs.type, storageType(s)), s));
            return;
        }
        line(ind, fmt::format("set_s{}(s, {});", s,
                              convert(v, lhs.type, storageType(s)) == v
                                  ? v
                                  : convert(v, lhs.type, storageType(s))));
        return;
    }
    case ExprKind::ArrayElement: {
        SignalId s = rep(lhs.signal);
        line(ind, fmt::format("set_s{}_elem(s, {}, {});", s, flatIndex(lhs), v));
        return;
    }
    case ExprKind::Select: {
        const Expr& obj = *lhs.operands[0];
        std::string base;
        std::string off = indexOffset(lhs, base);
        if (off.empty()) off = base;
        if (obj.kind == ExprKind::Signal && !slotOf(rep(obj.signal)).empty()) {
            SignalId s = rep(obj.signal);
            line(ind,
                 fmt::format("set_part_at({}, {}, {}); resolve_s{}(s);", slotOf(s), off, v, s));
        } else if (obj.kind == ExprKind::Signal) {
            SignalId s = rep(obj.signal);
            line(ind,
                 fmt::format("{{ auto t = get_s{}(s); set_part_at(t, {}, {}); set_s{}(s, t); }}", s,
                             off, v, s));
        } else if (obj.kind == ExprKind::ArrayElement) {
            SignalId s = rep(obj.signal);
            line(ind,
                 fmt::format("{{ i64 ix = {}; auto t = get_s{}_elem(s, ix); set_part_at(t, {}, "
                             "{}); set_s{}_elem(s, ix, t); }}",
                             flatIndex(obj), s, off, v, s));
        } else {
            unsupported(lhs.loc, "this assignment target");
        }
        return;
    }
    case ExprKind::Concat: {
        uint32_t total = 0;
        for (const auto& o : lhs.operands) total += o->type.width;
        line(ind, "{");
        line(ind + 1, fmt::format("auto cv = {};", v));
        uint32_t top = total;
        for (const auto& o : lhs.operands) {
            top -= o->type.width;
            store(*o, fmt::format("{}(cv.part<{}>({}))", cppType(o->type), o->type.width, top),
                  ind + 1);
        }
        line(ind, "}");
        return;
    }
    default:
        unsupported(lhs.loc, "this assignment target");
    }
}

void Generator::nbaStore(const Expr& lhs, const std::string& v, int ind) {
    auto leafId = [&](NbaLeaf l) {
        leaves_.push_back(l);
        return static_cast<uint32_t>(leaves_.size() - 1);
    };
    auto push = [&](uint32_t leaf, const std::string& elem, const std::string& off) {
        line(ind, fmt::format("if (!{}) return kError;",
                              nbaPush(fmt::format("{}, {}, {}, {}", leaf, elem, off, v))));
    };
    switch (lhs.kind) {
    case ExprKind::Signal: {
        SignalId s = rep(lhs.signal);
        push(leafId({s, false, false, lhs.type}), "0", "0");
        return;
    }
    case ExprKind::ArrayElement: {
        SignalId s = rep(lhs.signal);
        line(ind, "{");
        line(ind + 1, fmt::format("i64 ix = {};", flatIndex(lhs)));
        ind++;
        line(ind, fmt::format("if (ix >= 0 && !{}) return kError;",
                              nbaPush(fmt::format("{}, ix, 0, {}",
                                                  leafId({s, true, false, lhs.type}), v))));
        ind--;
        line(ind, "}");
        return;
    }
    case ExprKind::Select: {
        const Expr& obj = *lhs.operands[0];
        std::string base;
        std::string off = indexOffset(lhs, base);
        if (off.empty()) off = base;
        Type lt = Type::integral(lhs.type.width, false);
        if (obj.kind == ExprKind::Signal) {
            SignalId s = rep(obj.signal);
            line(ind, fmt::format(
                          "{{ i64 off = {}; if (off != kNoOffset && !{}) return kError; }}", off,
                          nbaPush(fmt::format("{}, 0, off, {}", leafId({s, false, true, lt}), v))));
        } else if (obj.kind == ExprKind::ArrayElement) {
            SignalId s = rep(obj.signal);
            line(ind, fmt::format(
                          "{{ i64 ix = {}; i64 off = {}; if (ix >= 0 && off != kNoOffset "
                          "&& !{}) return kError; }}",
                          flatIndex(obj), off,
                          nbaPush(fmt::format("{}, ix, off, {}", leafId({s, true, true, lt}), v))));
        } else {
            unsupported(lhs.loc, "this non-blocking assignment target");
        }
        return;
    }
    case ExprKind::Concat: {
        uint32_t total = 0;
        for (const auto& o : lhs.operands) total += o->type.width;
        line(ind, "{");
        line(ind + 1, fmt::format("auto cv = {};", v));
        uint32_t top = total;
        for (const auto& o : lhs.operands) {
            top -= o->type.width;
            nbaStore(*o, fmt::format("{}(cv.part<{}>({}))", cppType(o->type), o->type.width, top),
                     ind + 1);
        }
        line(ind, "}");
        return;
    }
    default:
        unsupported(lhs.loc, "this non-blocking assignment target");
    }
}

uint32_t Generator::waitSite(const std::vector<WaitItem>& items, int ind) {
    uint32_t id = static_cast<uint32_t>(sites_.size());
    sites_.push_back(WaitSite{curProc_, items});
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
        suspend(ind, fmt::format("s.wait[{}] = {};", curProc_, id));
        return;
    }
    case Timing::Kind::Repeat:
        unsupported(t.loc, "repeat event controls");
        return;
    }
}

uint32_t Generator::serviceSite(const Stmt& st, char conv, bool newline) {
    ServiceSite site;
    site.task = st.name;
    site.defaultConv = conv;
    site.newline = newline;
    site.scope = d_.scopes[curScope_].path;
    site.timeUnit = timeUnit(curScope_);
    site.where = where(st.loc);
    std::string pack;
    uint32_t off = 0;
    // Time arguments go last so that $monitor compares only the others.
    std::vector<std::pair<size_t, const Expr*>> late;
    for (size_t i = 0; i < st.args.size(); ++i) {
        const Expr* a = st.args[i].get();
        SiteArg sa;
        if (!a) {
            sa.kind = SiteArg::Empty;
        } else if (a->kind == ExprKind::Const && a->isString) {
            sa.kind = SiteArg::String;
            sa.text = stringOf(a->value);
        } else if (a->kind == ExprKind::SystemCall &&
                   (a->name == "$time" || a->name == "$stime" || a->name == "$realtime")) {
            late.push_back({i, a});
            sa.kind = a->name == "$realtime" ? SiteArg::Real : SiteArg::Vector;
            sa.width = a->name == "$stime" ? 32 : 64;
        } else if (a->type.isReal) {
            sa.kind = SiteArg::Real;
            sa.offset = off;
            pack += fmt::format("        pack(p, {}, {});\n", off, expr(*a));
            off += 1;
        } else if (a->kind == ExprKind::Scope) {
            sa.kind = SiteArg::String;
            sa.text = d_.scopes[a->scope].path;
        } else {
            sa.kind = SiteArg::Vector;
            sa.width = a->type.width;
            sa.isSigned = a->type.isSigned;
            sa.offset = off;
            pack += fmt::format("        pack(p, {}, {});\n", off, expr(*a));
            off += 2 * rt::k::nwords(a->type.width);
        }
        site.args.push_back(sa);
    }
    svcCmpWords_.push_back(off);
    for (auto& [i, a] : late) {
        site.args[i].offset = off;
        pack += fmt::format("        pack(p, {}, {});\n", off, expr(*a));
        off += a->name == "$realtime" ? 1 : 2;
    }
    svc_.push_back(site);
    svcPack_.push_back(pack);
    return static_cast<uint32_t>(svc_.size() - 1);
}

void Generator::systemTask(const Stmt& st, int ind) {
    const std::string& n = st.name;
    auto base = [&](const char* prefix) -> std::optional<char> {
        std::string p = prefix;
        if (n == p) return 'd';
        if (n.size() == p.size() + 1 && n.compare(0, p.size(), p) == 0) {
            char c = n.back();
            if (c == 'b' || c == 'o' || c == 'h') return c;
        }
        return std::nullopt;
    };
    auto yieldPoint = [&]() {
        if (inFunction_) {
            line(ind,
                 "if (ring_full(s.sched)) { model_error(s.sched, kErrRingInFunction, 0); return "
                 "{}; }");
            return;
        }
        uint32_t k = ++nextResume_;
        line(ind, fmt::format("R{}:;", k));
        line(ind, fmt::format("if (ring_full(s.sched)) {{ s.pc[{}] = {}; return kRingFull; }}",
                              curProc_, k));
    };
    if (inFunction_ && (n != "$display" && n != "$write")) {
        unsupported(st.loc, n + " in a function");
        return;
    }
    if (auto c = base("$display")) {
        uint32_t id = serviceSite(st, *c, true);
        yieldPoint();
        line(ind,
             fmt::format("pack_site(s, {}, ring_push(s.sched, kSvcDisplay, {}).payload);", id, id));
        return;
    }
    if (auto c = base("$write")) {
        uint32_t id = serviceSite(st, *c, false);
        yieldPoint();
        line(ind,
             fmt::format("pack_site(s, {}, ring_push(s.sched, kSvcWrite, {}).payload);", id, id));
        return;
    }
    if (auto c = base("$strobe")) {
        uint32_t id = serviceSite(st, *c, true);
        line(ind, fmt::format("if (!strobe_push(s.sched, {})) return kError;", id));
        return;
    }
    if (auto c = base("$monitor")) {
        uint32_t id = serviceSite(st, *c, true);
        line(ind, fmt::format("s.sched.monitor_site = {}; s.sched.monitor_fresh = 1;", id));
        return;
    }
    if (n == "$monitoron" || n == "$monitoroff") {
        line(ind, fmt::format("s.sched.monitor_on = {};", n == "$monitoron" ? 1 : 0));
        if (n == "$monitoron") line(ind, "s.sched.monitor_fresh = 1;");
        return;
    }
    if (n == "$finish" || n == "$stop") {
        std::string arg = "1";
        if (!st.args.empty() && st.args[0])
            arg = fmt::format("u32({}.to_u64())", exprAs(*st.args[0], Type::integral(32, false)));
        yieldPoint();
        line(ind, fmt::format("ring_push(s.sched, {}, 0).a = {};",
                              n == "$finish" ? "kSvcFinish" : "kSvcStop", arg));
        line(ind, fmt::format("s.pc[{}] = kDone;", curProc_));
        line(ind, fmt::format("return {};", n == "$finish" ? "kFinished" : "kStopped"));
        return;
    }
    unsupported(st.loc, "the system task " + n);
}

void Generator::taskCall(const Stmt& st, int ind) {
    const Routine& r = d_.routines[st.routine];
    if (r.automatic) {
        unsupported(st.loc, "automatic tasks");
        return;
    }
    if (std::find(taskStack_.begin(), taskStack_.end(), st.routine) != taskStack_.end() ||
        taskStack_.size() >= kMaxTaskInlineDepth) {
        unsupported(st.loc, "recursive task calls");
        return;
    }
    line(ind, fmt::format("// task {} ({})", r.name, where(r.loc)));
    for (size_t i = 0; i < r.ports.size() && i < st.args.size(); ++i) {
        const RoutinePort& p = r.ports[i];
        if ((p.dir == PortDir::Input || p.dir == PortDir::Inout) && st.args[i]) {
            SignalId sgi = rep(p.signal);
            line(ind, fmt::format("set_s{}(s, {});", sgi, exprAs(*st.args[i], storageType(sgi))));
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
}

void Generator::stmt(const Stmt& st, int ind) {
    line(ind, fmt::format("// {}", where(st.loc)));
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
            for (const auto& s : st.stmts) stmt(*s, ind);
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
        std::string c =
            st.cond->type.isReal ? fmt::format("real_truth({})", expr(*st.cond)) : expr(*st.cond);
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
        for (const auto& it : st.items)
            for (const auto& x : it.exprs) {
                if (x->type.isReal || ct.isReal) {
                    unsupported(st.loc, "a case statement on reals");
                    return;
                }
                ct.width = std::max(ct.width, x->type.width);
                ct.isSigned = ct.isSigned && x->type.isSigned;
            }
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
                std::string xc = exprAs(*x, ct);
                if (st.caseKind == CaseKind::Case)
                    c += fmt::format("case_eq(s.t{}, {}).is_true()", tid, xc);
                else
                    c += fmt::format("case_wild(s.t{}, {}, {})", tid, xc,
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
        line(ind, fmt::format("while ({}.is_true()) {{", expr(*st.cond)));
        if (!inFunction_) loopGuard(ind + 1);
        if (st.body) stmt(*st.body, ind + 1);
        if (st.step) stmt(*st.step, ind + 1);
        line(ind, "}");
        return;
    }
    case StmtKind::While: {
        std::string c =
            st.cond->type.isReal ? fmt::format("real_truth({})", expr(*st.cond)) : expr(*st.cond);
        line(ind, fmt::format("while ({}.is_true()) {{", c));
        if (!inFunction_) loopGuard(ind + 1);
        if (st.body) stmt(*st.body, ind + 1);
        line(ind, "}");
        return;
    }
    case StmtKind::Repeat: {
        uint32_t tid = static_cast<uint32_t>(temps_.size());
        temps_.push_back(fmt::format("i64 t{};", tid));
        line(ind, fmt::format("s.t{} = repeat_count({});", tid, expr(*st.cond)));
        line(ind, fmt::format("while (s.t{} > 0) {{", tid));
        line(ind + 1, fmt::format("--s.t{};", tid));
        if (st.body) stmt(*st.body, ind + 1);
        line(ind, "}");
        return;
    }
    case StmtKind::Forever:
        line(ind, "for (;;) {");
        loopGuard(ind + 1);
        if (st.body) stmt(*st.body, ind + 1);
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
             fmt::format("s.wait[{}] = {}; s.pc[{}] = {}; return 0;", curProc_, id, curProc_, k));
        line(ind, "}");
        if (st.body) stmt(*st.body, ind);
        return;
    }
    case StmtKind::EventTrigger: {
        SignalId e = rep(st.lhs->signal);
        line(ind, fmt::format("set_s{}(s, get_s{}(s) + Logic<32>(1u));", e, e));
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

// ---------------------------------------------------------------------------------------------
// fork/join and disable

void Generator::findDisables(const Stmt* st) {
    if (!st) return;
    if (st->kind == StmtKind::Disable) disabled_.insert(st->scope);
    for (const auto& x : st->stmts) findDisables(x.get());
    findDisables(st->body.get());
    findDisables(st->elseBody.get());
    findDisables(st->init.get());
    findDisables(st->step.get());
    for (const auto& it : st->items) findDisables(it.body.get());
}

size_t Generator::openScope(ScopeId sc) {
    if (!disabled_.count(sc)) return kNone;
    ScopeInst si;
    si.scope = sc;
    si.proc = curProc_;
    si.lo = nextResume_ + 1;
    scopeInsts_.push_back(si);
    openInsts_.push_back(scopeInsts_.size() - 1);
    return scopeInsts_.size() - 1;
}

void Generator::closeScope(size_t inst, int ind) {
    openInsts_.erase(std::find(openInsts_.begin(), openInsts_.end(), inst));
    scopeInsts_[inst].hi = nextResume_;
    uint32_t k = ++nextResume_;
    scopeInsts_[inst].after = k;
    line(ind, fmt::format("R{}:;", k));
}

uint32_t Generator::spawnChild(const Stmt& body, uint32_t joinTemp) {
    uint32_t id = procCount();
    uint32_t parent = curProc_;
    synth_.push_back(Synth{false, parent, body.loc, {}});
    for (size_t i : openInsts_) scopeInsts_[i].kill.push_back(id);
    std::string savedOut;
    std::swap(out_, savedOut);
    uint32_t savedResume = nextResume_;
    auto savedTargets = std::move(disableTargets_);
    disableTargets_.clear();
    curProc_ = id;
    nextResume_ = 0;
    stmt(body, 1);
    std::string code;
    std::swap(out_, code);
    line(0, fmt::format("// fork branch {} (parent process {})", where(body.loc), parent));
    line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
    line(1, fmt::format("switch (s.pc[{}]) {{", id));
    line(1, "case 0: break;");
    for (uint32_t k = 1; k <= nextResume_; ++k) line(1, fmt::format("case {}: goto R{};", k, k));
    line(1, "default: return 0;");
    line(1, "}");
    out_ += code;
    line(1, fmt::format("s.pc[{}] = kDone;", id));
    line(1, fmt::format("if (--s.t{} == 0) activate_front(s.sched, {});", joinTemp, parent));
    line(1, "return 0;");
    line(0, "}");
    synth_[id - procs_.size()].code = std::move(out_);
    out_ = std::move(savedOut);
    curProc_ = parent;
    nextResume_ = savedResume;
    disableTargets_ = std::move(savedTargets);
    return id;
}

// ---------------------------------------------------------------------------------------------
// force/release, assign/deassign

void Generator::procContinuous(const Stmt& st, int ind) {
    const Expr& l = *st.lhs;
    // force/release of a constant bit or part select of a whole signal
    const Expr* base = &l;
    int64_t lo = 0, w = -1;
    bool isForce = st.keyword == ProcKeyword::Force || st.keyword == ProcKeyword::Release;
    if (isForce && l.kind == ExprKind::Select) {
        base = l.operands[0].get();
        if (l.select == SelectKind::Part) {
            int64_t a = l.declared.offsetOf(l.msb), b = l.declared.offsetOf(l.lsb);
            lo = std::min(a, b);
            w = std::max(a, b) - lo + 1;
        } else if (l.select == SelectKind::Bit && l.operands[1]->kind == ExprKind::Const &&
                   !l.operands[1]->value.has_xz()) {
            lo = l.declared.offsetOf(static_cast<int64_t>(l.operands[1]->value.aval()[0]));
            w = 1;
        } else {
            base = nullptr;
        }
    }
    if (!base || base->kind != ExprKind::Signal || d_.signals[rep(base->signal)].isArray()) {
        unsupported(l.loc, "force/release or assign/deassign of this target (only whole signals "
                           "and constant selects of forced signals)");
        return;
    }
    SignalId sg = rep(base->signal);
    if (w < 0) w = storageType(sg).width;
    bool net = d_.signals[sg].isNet();
    switch (st.keyword) {
    case ProcKeyword::Force:
    case ProcKeyword::Assign: {
        bool force = st.keyword == ProcKeyword::Force;
        if (!st.rhs) return;
        uint32_t id = static_cast<uint32_t>(pcaSites_.size());
        pcaSites_.push_back(PcaSite{sg, force, st.rhs.get(), l.type, curScope_, lo, w});
        std::set<SignalId> reads;
        std::set<RoutineId> seen;
        collectReads(st.rhs.get(), reads, seen);
        for (SignalId r : reads) sigPca_[r].insert(id);
        (force ? forced_ : assigned_).insert(sg);
        if (force)
            line(ind, fmt::format("force_on_{}(s);", id));
        else
            line(ind, fmt::format("s.pca_s{} = {}; pca_site_{}(s);", sg, id + 1, id));
        return;
    }
    case ProcKeyword::Release:
        forced_.insert(sg);
        if (storageType(sg).isReal)
            line(ind, fmt::format("release_s{}(s, 1u);", sg));
        else
            line(ind, fmt::format("release_s{}(s, range_mask<{}>({}, {}));", sg,
                                  cppType(storageType(sg)), lo, w));
        if (net) {
            // The net's drivers decide its value again.
            for (uint32_t p = 0; p < procs_.size(); ++p) {
                if (!isCa_[p]) continue;
                bool drives = false;
                std::vector<const Expr*> st2 = targets(*procs_[p]);
                while (!st2.empty()) {
                    const Expr* e = st2.back();
                    st2.pop_back();
                    if (e->kind == ExprKind::Signal && rep(e->signal) == sg) drives = true;
                    if (e->kind == ExprKind::Select || e->kind == ExprKind::Concat)
                        for (const auto& x : e->operands) st2.push_back(x.get());
                }
                if (drives) line(ind, fmt::format("proc_{}(s);", p));
            }
        } else {
            assigned_.insert(sg);
            line(ind, fmt::format("reassign_s{}(s);", sg));
        }
        return;
    case ProcKeyword::Deassign:
        assigned_.insert(sg);
        line(ind, fmt::format("s.pca_s{} = 0;", sg));
        return;
    }
}

// ---------------------------------------------------------------------------------------------
// Processes and functions

std::string Generator::genFunction(RoutineId rid) {
    const Routine& r = d_.routines[rid];
    out_.clear();
    std::string params;
    for (const RoutinePort& p : r.ports) {
        SignalId s = rep(p.signal);
        params += fmt::format(", const {}& a_s{}", cppType(storageType(s)), s);
    }
    Type rt = storageType(rep(r.result));
    line(0, fmt::format("// function {} ({})", r.name, where(r.loc)));
    line(0, fmt::format("MF_HD {} fn_{}(State& s{}) {{", cppType(rt), rid, params));
    for (const RoutinePort& p : r.ports) {
        SignalId s = rep(p.signal);
        line(1, fmt::format("set_s{}(s, a_s{});", s, s));
    }
    inFunction_ = true;
    ScopeId saved = curScope_;
    curScope_ = r.scope;
    if (r.body) stmt(*r.body, 1);
    curScope_ = saved;
    inFunction_ = false;
    line(1, fmt::format("return get_s{}(s);", rep(r.result)));
    line(0, "}");
    // `return {};` in error paths of functions
    return out_;
}

std::string Generator::genProcess(uint32_t id) {
    const Process& p = *procs_[id];
    out_.clear();
    curProc_ = id;
    nextResume_ = 0;
    curScope_ = p.scope;
    if (isCa_[id] && !p.delay.empty()) {
        // Inertial delay: the latest value and due time wait in State; one timer per process.
        if (p.delay.values.size() != 1) {
            unsupported(p.delay.loc, "rise/fall/turn-off delays");
            return out_;
        }
        bool gate = p.kind == ProcessKind::Gate;
        Type vt = gate ? Type::integral(1, false) : p.lhs->type;
        temps_.push_back(fmt::format("{} pend{};", cppType(vt), id));
        temps_.push_back(fmt::format("u64 due{};", id));
        temps_.push_back(fmt::format("u32 inheap{};", id));
        const Expr& dv = *p.delay.values[0];
        uint64_t scale = timeScale(curScope_);
        std::string ticks = dv.type.isReal
                                ? fmt::format("delay_ticks_real({}, {}ull)", expr(dv), scale)
                                : fmt::format("delay_ticks({}, {}ull)", expr(dv), scale);
        line(0, fmt::format("// {} {} (delayed)", processKindName(p.kind), where(p.loc)));
        line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
        line(1, fmt::format("s.ca_idle[{}] = 1;", id));
        line(1, "{");
        if (gate) {
            gateBody(p, 2, true);
            line(2, fmt::format("s.pend{} = g;", id));
        } else {
            line(2, fmt::format("s.pend{} = {};", id, exprAs(*p.rhs, p.lhs->type)));
        }
        line(1, "}");
        line(1, fmt::format("u64 d = {};", ticks));
        line(1, fmt::format("s.due{} = s.sched.now + d;", id));
        line(1, fmt::format("if (!s.inheap{0}) {{ s.inheap{0} = 1; schedule_delay(s.sched, {0}u | "
                            "kTimer, d); }}",
                            id));
        line(1, "return 0;");
        line(0, "}");
        line(0, fmt::format("MF_HD u32 timer_{}(State& s) {{", id));
        line(1, fmt::format("s.inheap{} = 0;", id));
        line(1,
             fmt::format("if (s.sched.now < s.due{0}) {{ s.inheap{0} = 1; schedule_delay(s.sched, "
                         "{0}u | kTimer, s.due{0} - s.sched.now); return 0; }}",
                         id));
        line(1, "{");
        if (gate) {
            line(2, fmt::format("auto g = s.pend{};", id));
            for (const Expr* t : targets(p)) {
                std::string val =
                    t->type.width == 1 && !t->type.isSigned ? "g" : convert("g", vt, t->type);
                store(*t, val, 2);
            }
        } else {
            line(2, fmt::format("auto v = s.pend{};", id));
            store(*p.lhs, "v", 2);
        }
        line(1, "}");
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
        if (p.kind == ProcessKind::Gate) {
            gateBody(p, 2);
        } else {
            line(2, fmt::format("auto v = {};", exprAs(*p.rhs, p.lhs->type)));
            store(*p.lhs, "v", 2);
        }
        line(1, "}");
        line(1, "return 0;");
        line(0, "}");
        return out_;
    }
    std::string body;
    std::swap(out_, body);
    if (p.kind == ProcessKind::Always) {
        line(1, "for (;;) {");
        loopGuard(2);
    }
    if (p.body) stmt(*p.body, p.kind == ProcessKind::Always ? 2 : 1);
    if (p.kind == ProcessKind::Always) line(1, "}");
    std::swap(out_, body);
    line(0, fmt::format("// {} {}", processKindName(p.kind), where(p.loc)));
    line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
    line(1, fmt::format("switch (s.pc[{}]) {{", id));
    line(1, "case 0: break;");
    for (uint32_t k = 1; k <= nextResume_; ++k) line(1, fmt::format("case {}: goto R{};", k, k));
    line(1, "default: return 0;");
    line(1, "}");
    out_ += body;
    line(1, fmt::format("s.pc[{}] = kDone;", id));
    line(1, "return 0;");
    line(0, "}");
    return out_;
}

bool Generator::gateSupported(const std::string& g) {
    static const char* const kGates[] = {"and", "nand", "or",     "nor",    "xor",    "xnor",
                                         "buf", "not",  "bufif0", "bufif1", "notif0", "notif1"};
    for (const char* k : kGates)
        if (g == k) return true;
    return false;
}

// Outputs first: and-family gates have one output; buf/not have one input (the last terminal).
std::vector<const Expr*> Generator::targets(const Process& p) const {
    std::vector<const Expr*> r;
    if (p.kind == ProcessKind::Gate) {
        size_t nout = (p.gate == "buf" || p.gate == "not") ? p.terminals.size() - 1 : 1;
        for (size_t i = 0; i < nout && i < p.terminals.size(); ++i)
            if (p.terminals[i]) r.push_back(p.terminals[i].get());
        return r;
    }
    if (p.lhs) r.push_back(p.lhs.get());
    return r;
}
std::vector<const Expr*> Generator::sources(const Process& p) const {
    std::vector<const Expr*> r;
    if (p.kind == ProcessKind::Gate) {
        size_t nout = (p.gate == "buf" || p.gate == "not") ? p.terminals.size() - 1 : 1;
        for (size_t i = nout; i < p.terminals.size(); ++i)
            if (p.terminals[i]) r.push_back(p.terminals[i].get());
        return r;
    }
    if (p.rhs) r.push_back(p.rhs.get());
    return r;
}

void Generator::gateBody(const Process& p, int ind, bool valueOnly) {
    const std::string& g = p.gate;
    Type bit = Type::integral(1, false);
    std::vector<std::string> in;
    for (const Expr* e : sources(p)) in.push_back(exprAs(*e, bit));
    std::string v;
    if (g == "bufif0" || g == "bufif1" || g == "notif0" || g == "notif1") {
        v = in.size() == 2
                ? fmt::format("tri_gate({}, {}, {}, {})", in[0], in[1],
                              g.back() == '1' ? "true" : "false", g[0] == 'n' ? "true" : "false")
                : "Logic<1>::x()";
    } else if (g == "buf" || g == "not") {
        v = in.empty() ? "Logic<1>::x()" : fmt::format("({0} & {0})", in[0]);
        if (g == "not") v = "(~" + v + ")";
    } else {
        const char* op = (g == "and" || g == "nand") ? " & "
                         : (g == "or" || g == "nor") ? " | "
                                                     : " ^ ";
        for (size_t i = 0; i < in.size(); ++i) v += (i ? op : "") + in[i];
        if (in.size() == 1) v = fmt::format("({0} & {0})", in[0]);
        v = "(" + v + ")";
        if (g == "nand" || g == "nor" || g == "xnor") v = "(~" + v + ")";
    }
    line(ind, fmt::format("auto g = {};", v));
    if (valueOnly) return;
    for (const Expr* t : targets(p)) {
        std::string val =
            t->type.width == 1 && !t->type.isSigned ? "g" : convert("g", bit, t->type);
        store(*t, val, ind);
    }
}

bool Generator::checkDrivers() {
    // Nets driven by more than one process need resolution: not yet, unless the drivers write
    // disjoint constant bit ranges.
    std::map<SignalId, std::vector<std::pair<int64_t, int64_t>>> ranges;
    std::set<SignalId> overlap;
    std::map<SignalId, std::vector<uint32_t>> drivers;
    bool ok = true;
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        if (!isCa_[i]) continue;
        const Process& p = *procs_[i];
        std::vector<const Expr*> leaves = targets(p);
        while (!leaves.empty()) {
            const Expr* l = leaves.back();
            leaves.pop_back();
            if (l->kind == ExprKind::Concat) {
                for (const auto& o : l->operands) leaves.push_back(o.get());
                continue;
            }
            int64_t lo = 0, hi = 1 << 30;
            const Expr* base = l;
            if (l->kind == ExprKind::Select) {
                base = l->operands[0].get();
                if (l->select == SelectKind::Part) {
                    int64_t a = l->declared.offsetOf(l->msb), b = l->declared.offsetOf(l->lsb);
                    lo = std::min(a, b), hi = std::max(a, b);
                } else if (l->select == SelectKind::Bit &&
                           l->operands[1]->kind == ExprKind::Const &&
                           !l->operands[1]->value.has_xz()) {
                    lo = hi =
                        l->declared.offsetOf(static_cast<int64_t>(l->operands[1]->value.aval()[0]));
                }
            }
            if (base->kind != ExprKind::Signal) continue;
            SignalId s = rep(base->signal);
            if (!d_.signals[s].isNet()) continue;
            for (auto& [a, b] : ranges[s])
                if (lo <= b && a <= hi) overlap.insert(s);
            switch (d_.signals[s].netType) { // undriven bits pull (or keep their charge)
            case NetType::Tri0:
            case NetType::Tri1:
            case NetType::Trireg:
            case NetType::Supply0:
            case NetType::Supply1:
                overlap.insert(s);
                break;
            default:
                break;
            }
            ranges[s].push_back({lo, hi});
            auto& dl = drivers[s];
            if (dl.empty() || dl.back() != i) dl.push_back(i);
        }
    }
    for (SignalId s : overlap) {
        for (uint32_t p : drivers[s]) {
            const Strength& st = procs_[p]->strength;
            if (st.specified && (st.s0 != 6 || st.s1 != 6) && ok) {
                diags_.error(procs_[p]->loc,
                             fmt::format("the simulator does not support nets with several "
                                         "drivers of other than strong strength ('{}') yet",
                                         d_.signals[s].path));
                ok = false;
            }
        }
        multi_[s] = drivers[s];
    }
    for (auto& [s, v] : pulls_) multi_[s] = drivers[s];
    return ok;
}

std::optional<Model> Generator::run() {
    setupAliases();
    // Processes: continuous assignments and ports first, then initial/always, as Icarus does.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Process& p : d_.processes) {
            bool ca =
                p.kind == ProcessKind::ContinuousAssign || p.kind == ProcessKind::PortConnection;
            if (p.kind == ProcessKind::Gate && gateSupported(p.gate) && p.terminals.size() >= 2) {
                if (pass != 0) continue;
                procs_.push_back(&p);
                isCa_.push_back(true);
                continue;
            }
            if (p.kind == ProcessKind::Gate && (p.gate == "pullup" || p.gate == "pulldown")) {
                if (pass != 0) continue;
                for (const auto& t : p.terminals) {
                    if (!t || t->kind != ExprKind::Signal || !d_.signals[rep(t->signal)].isNet()) {
                        unsupported(p.loc, "pullup/pulldown of a part of a net");
                        continue;
                    }
                    pulls_[rep(t->signal)] = p.gate == "pullup" ? 1 : 0;
                }
                continue;
            }
            if (p.kind == ProcessKind::Gate || p.kind == ProcessKind::UdpInstance) {
                if (pass == 0)
                    unsupported(p.loc, p.kind == ProcessKind::Gate
                                           ? "gate primitives ('" + p.gate + "')"
                                           : "UDP instances");
                continue;
            }
            if (ca != (pass == 0)) continue;
            if (p.kind == ProcessKind::PortConnection) {
                if (p.collapsed && p.lhs && p.rhs && p.lhs->kind == ExprKind::Signal &&
                    p.rhs->kind == ExprKind::Signal && rep(p.lhs->signal) == rep(p.rhs->signal))
                    continue;
                if (p.portDir == PortDir::Inout) {
                    unsupported(p.loc, "inout ports that are not whole nets");
                    continue;
                }
                if (!p.lhs || !p.rhs) continue; // unconnected
            }
            procs_.push_back(&p);
            isCa_.push_back(ca);
        }
    }
    if (failed_) return std::nullopt;
    if (!checkDrivers()) return std::nullopt;
    for (const Signal& sg : d_.signals)
        if (sg.automatic) {
            unsupported(sg.loc, "automatic variables");
            return std::nullopt;
        }

    for (const Process* p : procs_) findDisables(p->body.get());
    for (const Routine& r : d_.routines) findDisables(r.body.get());
    std::vector<std::string> procCode, fnCode;
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        if (isCa_[i]) {
            std::set<SignalId> reads;
            std::set<RoutineId> seen;
            for (const Expr* e : sources(*procs_[i])) collectReads(e, reads, seen);
            for (const Expr* t : targets(*procs_[i]))
                for (const auto& o : t->operands) collectReads(o.get(), reads, seen);
            for (SignalId r : reads) sigCas_[r].insert(i);
        }
        procCode.push_back(genProcess(i));
    }
    for (RoutineId r = 0; r < d_.routines.size(); ++r)
        if (d_.routines[r].isFunction && !d_.routines[r].automatic)
            fnCode.push_back(genFunction(r));
    if (failed_) return std::nullopt;

    Model m;
    m.precision = d_.globalPrecision();
    m.ringCapacity = opt_.ringCapacity;
    uint32_t payload = 1;
    for (uint32_t i = 0; i < svc_.size(); ++i) {
        uint32_t n = 0;
        for (const auto& a : svc_[i].args)
            if (a.kind == SiteArg::Vector)
                n = std::max(n, a.offset + 2 * rt::k::nwords(a.width));
            else if (a.kind == SiteArg::Real)
                n = std::max(n, a.offset + 1);
        payload = std::max(payload, n);
    }
    m.payloadWords = payload;

    std::string o;
    auto L = [&](const std::string& s) {
        o += s;
        o += '\n';
    };
    std::string tops;
    for (ScopeId t : d_.tops) tops += " " + d_.scopes[t].path;
    L("// metalfpga model (generated; do not edit). Top:" + tops);
    L("// Host C++17 and CUDA device code: see include/metalfpga/rt/model.h.");
    L("#include \"metalfpga/rt/model.h\"");
    L("");
    L("namespace mf_model {");
    L("using namespace metalfpga::rt;");
    L("using namespace metalfpga::rt::model;");
    L("");
    uint32_t np = std::max<uint32_t>(1, procCount());
    L(fmt::format("constexpr u32 kProcs = {};", np));
    L("constexpr u32 kDone = ~0u;");
    L("constexpr i64 kNoOffset = kNoIndex;");
    L("constexpr u32 kTimer = 0x80000000u; // a delayed continuous assignment's timer");
    L(fmt::format("using SchedT = Sched<2 * kProcs, {}, {}, 4096, 65536, 256>;", m.ringCapacity,
                  payload));
    L("");
    L("struct State {");
    L("    SchedT sched;");
    L("    u32 pc[kProcs];");
    L("    u32 wait[kProcs];");
    L("    u32 ca_idle[kProcs];");
    L("    u32 mon_valid;");
    L(fmt::format("    word mon_last[{}];", payload));
    for (SignalId i = 0; i < d_.signals.size(); ++i) {
        if (rep(i) != i) continue;
        const Signal& sg = d_.signals[i];
        std::string arr = sg.isArray() ? fmt::format("[{}]", sg.elementCount()) : "";
        L(fmt::format("    {} s{}{}; // {} ({})", cppType(storageType(i)), i, arr, sg.path,
                      where(sg.loc)));
    }
    for (const std::string& t : temps_) L("    " + t);
    for (auto& [sg, dl] : multi_)
        for (size_t k = 0; k < dl.size(); ++k)
            L(fmt::format("    {} dv{}_{}; // driver {} of {}", cppType(storageType(sg)), sg, k,
                          where(procs_[dl[k]]->loc), d_.signals[sg].path));
    for (SignalId i : forced_) L(fmt::format("    {} fmask_s{}; // forced bits", maskType(i), i));
    for (uint32_t i = 0; i < pcaSites_.size(); ++i)
        if (pcaSites_[i].force)
            L(fmt::format("    {} fm{}; // bits force site {} holds", maskType(pcaSites_[i].sig), i,
                          i));
    for (SignalId i : assigned_) L(fmt::format("    u32 pca_s{}; // active assign site + 1", i));
    L("};");
    L("");
    // Accessors: all signal access goes through these.
    for (SignalId i = 0; i < d_.signals.size(); ++i) {
        if (rep(i) != i) continue;
        const Signal& sg = d_.signals[i];
        std::string t = cppType(storageType(i));
        bool real = storageType(i).isReal;
        std::string same = real ? "s.s{0}{1} == v" : "k::case_eq(s.s{0}{1}.cref(), v.cref())";
        L(fmt::format("MF_HD void fanout_s{}(State& s);", i));
        if (sg.isArray()) {
            uint64_t n = sg.elementCount();
            L(fmt::format(
                "MF_HD inline {0} get_s{1}_elem(const State& s, i64 ix) {{ return ix >= 0 && "
                "ix < {2} ? s.s{1}[ix] : {3}; }}",
                t, i, n, real ? "0.0" : t + "::x()"));
            L(fmt::format("MF_HD inline void set_s{0}_elem(State& s, i64 ix, const {1}& v) {{", i,
                          t));
            L(fmt::format("    if (ix < 0 || ix >= {}) return;", n));
            L(fmt::format(fmt::runtime("    if (" + same + ") return;"), i, "[ix]"));
            L(fmt::format("    s.s{}[ix] = v;", i));
            L(fmt::format("    fanout_s{}(s);", i));
            L("}");
        } else {
            L(fmt::format("MF_HD inline const {0}& get_s{1}(const State& s) {{ return s.s{1}; }}",
                          t, i));
            bool frc = forced_.count(i) != 0, pca = assigned_.count(i) != 0;
            if (frc || pca) {
                L(fmt::format("MF_HD inline void put_s{0}(State& s, const {1}& v) {{", i, t));
                L(fmt::format(fmt::runtime("    if (" + same + ") return;"), i, ""));
                L(fmt::format("    s.s{} = v;", i));
                L(fmt::format("    fanout_s{}(s);", i));
                L("}");
                L(fmt::format("MF_HD inline void set_s{0}(State& s, const {1}& v) {{", i, t));
                if (pca) L(fmt::format("    if (s.pca_s{}) return;", i));
                if (frc && real)
                    L(fmt::format("    if (!s.fmask_s{0}) put_s{0}(s, v);", i));
                else if (frc)
                    L(fmt::format("    put_s{0}(s, merge_bits(v, s.s{0}, s.fmask_s{0}));", i));
                else
                    L(fmt::format("    put_s{}(s, v);", i));
                L("}");
            } else {
                L(fmt::format("MF_HD inline void set_s{0}(State& s, const {1}& v) {{", i, t));
                L(fmt::format(fmt::runtime("    if (" + same + ") return;"), i, ""));
                L(fmt::format("    s.s{} = v;", i));
                L(fmt::format("    fanout_s{}(s);", i));
                L("}");
            }
        }
    }
    L("");
    L("MF_HD inline void trigger_ca(State& s, u32 p) {");
    L("    if (s.ca_idle[p]) { s.ca_idle[p] = 0; activate(s.sched, p); }");
    L("}");
    for (auto& [sg, dl] : multi_) {
        const Signal& sig = d_.signals[sg];
        std::string kind = "kResolveWire";
        int pull = -1;
        switch (sig.netType) {
        case NetType::Wand:
        case NetType::Triand:
            kind = "kResolveAnd";
            break;
        case NetType::Wor:
        case NetType::Trior:
            kind = "kResolveOr";
            break;
        case NetType::Tri0:
        case NetType::Supply0:
            pull = 0;
            break;
        case NetType::Tri1:
        case NetType::Supply1:
            pull = 1;
            break;
        case NetType::Trireg:
            pull = 2;
            break;
        default:
            break;
        }
        if (pulls_.count(sg)) pull = pulls_[sg];
        std::string t = cppType(storageType(sg));
        L(fmt::format("MF_HD inline void resolve_s{}(State& s) {{ // {} {}", sg,
                      netTypeName(sig.netType), sig.path));
        if (dl.empty())
            L(fmt::format("    {} r = {}::z();", t, t));
        else
            L(fmt::format("    {} r = s.dv{}_0;", t, sg));
        for (size_t k = 1; k < dl.size(); ++k)
            L(fmt::format("    resolve_into(r, s.dv{}_{}, {});", sg, k, kind));
        if (sig.netType == NetType::Supply0) L(fmt::format("    r = {}();", t));
        if (sig.netType == NetType::Supply1) L(fmt::format("    r = {}::ones();", t));
        if (pull >= 0) L(fmt::format("    resolve_undriven(r, {}, s.s{});", pull, sg));
        L(fmt::format("    set_s{}(s, r);", sg));
        L("}");
    }
    L("");
    for (uint32_t id = 0; id < sites_.size(); ++id) {
        const WaitSite& ws = sites_[id];
        L(fmt::format("MF_HD void check_site_{}(State& s) {{", id));
        L("    bool hit = false;");
        for (size_t i = 0; i < ws.items.size(); ++i) {
            const WaitItem& it = ws.items[i];
            L("    {");
            curScope_ = kNone;
            L(fmt::format("        auto v = {};", expr(*it.expr)));
            if (it.edge == Edge::Any)
                L(fmt::format("        if (!k::case_eq(v.cref(), s.w{}_{}.cref())) hit = true;", id,
                              i));
            else
                L(fmt::format(
                    "        if (edge_matches({}, s.w{}_{}.bit_code(0), v.bit_code(0))) hit = "
                    "true;",
                    it.edge == Edge::Posedge ? "kPosedge" : "kNegedge", id, i));
            L(fmt::format("        s.w{}_{} = v;", id, i));
            L("    }");
        }
        L(fmt::format("    if (hit) {{ s.wait[{0}] = ~0u; activate(s.sched, {0}); }}", ws.proc));
        L("}");
    }
    L("");
    for (auto& f : fnCode) {
        // Function prototypes first (functions may call each other).
        (void)f;
    }
    L("MF_HD void pack_site(State& s, u32 site, word* p);");
    for (RoutineId r = 0; r < d_.routines.size(); ++r) {
        const Routine& rt_ = d_.routines[r];
        if (!rt_.isFunction || rt_.automatic) continue;
        std::string params;
        for (const RoutinePort& p : rt_.ports)
            params += fmt::format(", const {}&", cppType(storageType(rep(p.signal))));
        L(fmt::format("MF_HD {} fn_{}(State& s{});", cppType(storageType(rep(rt_.result))), r,
                      params));
    }
    for (auto& f : fnCode) L(f);
    // Service sites: argument packing.
    L("MF_HD void pack_site(State& s, u32 site, word* p) {");
    L("    (void)s; (void)p;");
    L("    switch (site) {");
    for (uint32_t i = 0; i < svc_.size(); ++i) {
        L(fmt::format("    case {}: // {} {}", i, svc_[i].task, svc_[i].where));
        o += svcPack_[i];
        L("        break;");
    }
    L("    default: break;");
    L("    }");
    L("}");
    L("MF_HD u32 monitor_compare_words(u32 site) {");
    L("    switch (site) {");
    for (uint32_t i = 0; i < svc_.size(); ++i)
        L(fmt::format("    case {}: return {};", i, svcCmpWords_[i]));
    L("    default: return 0;");
    L("    }");
    L("}");
    L("");
    for (ScopeId sc : outsideDisables_)
        L(fmt::format("MF_HD bool disable_scope_{}(State& s, u32 self);", sc));
    for (uint32_t i = 0; i < procCount(); ++i) L(fmt::format("MF_HD u32 proc_{}(State& s);", i));
    for (uint32_t i = 0; i < pcaSites_.size(); ++i) {
        const PcaSite& ps = pcaSites_[i];
        curScope_ = ps.scope;
        L(fmt::format("// {} {}", ps.force ? "force" : "assign", d_.signals[ps.sig].path));
        L(fmt::format("MF_HD void pca_site_{}(State& s) {{", i));
        std::string t = cppType(storageType(ps.sig));
        if (ps.force && storageType(ps.sig).isReal) {
            L(fmt::format("    if (s.fm{}) put_s{}(s, {});", i, ps.sig,
                          convert(exprAs(*ps.rhs, ps.lhsType), ps.lhsType, storageType(ps.sig))));
        } else if (ps.force) {
            L(fmt::format("    if (!mask_any(s.fm{})) return;", i));
            L(fmt::format("    {} v;", t));
            L(fmt::format("    set_part_at(v, {}, {});", ps.lo, exprAs(*ps.rhs, ps.lhsType)));
            L(fmt::format("    put_s{0}(s, merge_bits(s.s{0}, v, s.fm{1}));", ps.sig, i));
        } else {
            std::string v = convert(exprAs(*ps.rhs, ps.lhsType), ps.lhsType, storageType(ps.sig));
            if (forced_.count(ps.sig) && storageType(ps.sig).isReal)
                v = fmt::format("(s.fmask_s{1} ? s.s{1} : {0})", v, ps.sig);
            else if (forced_.count(ps.sig))
                v = fmt::format("merge_bits({0}, s.s{1}, s.fmask_s{1})", v, ps.sig);
            L(fmt::format("    if (s.pca_s{} == {}) put_s{}(s, {});", ps.sig, i + 1, ps.sig, v));
        }
        L("}");
    }
    for (SignalId sg : forced_) {
        std::string t = maskType(sg);
        L(fmt::format("MF_HD void release_s{}(State& s, const {}& r) {{", sg, t));
        L(fmt::format("    s.fmask_s{} = {}();", sg, t));
        L("    (void)r;");
        for (uint32_t i = 0; i < pcaSites_.size(); ++i)
            if (pcaSites_[i].force && pcaSites_[i].sig == sg)
                L(fmt::format("    mask_clear(s.fm{0}, r); mask_or(s.fmask_s{1}, s.fm{0});", i,
                              sg));
        L("}");
    }
    for (uint32_t i = 0; i < pcaSites_.size(); ++i) {
        const PcaSite& ps = pcaSites_[i];
        if (!ps.force) continue;
        std::string t = maskType(ps.sig);
        L(fmt::format("MF_HD void force_on_{}(State& s) {{", i));
        if (storageType(ps.sig).isReal)
            L("    u32 r = 1;");
        else
            L(fmt::format("    {} r = range_mask<{}>({}, {});", t, t, ps.lo, ps.w));
        L(fmt::format("    release_s{}(s, r);", ps.sig));
        L(fmt::format("    s.fm{} = r; mask_or(s.fmask_s{}, r);", i, ps.sig));
        L(fmt::format("    pca_site_{}(s);", i));
        L("}");
    }
    for (SignalId sg : assigned_) {
        if (d_.signals[sg].isNet()) continue;
        L(fmt::format("MF_HD void reassign_s{}(State& s) {{", sg));
        L("    (void)s;");
        for (uint32_t i = 0; i < pcaSites_.size(); ++i)
            if (!pcaSites_[i].force && pcaSites_[i].sig == sg)
                L(fmt::format("    pca_site_{}(s);", i));
        L("}");
    }
    for (auto& pc : procCode) L(pc);
    for (auto& sy : synth_) L(sy.code);
    // disable of a block or task from outside it: processes suspended inside it continue after
    // it, fork branches started inside it end.
    for (ScopeId sc : outsideDisables_) {
        L(fmt::format("// disable {}", d_.scopes[sc].path));
        L(fmt::format("MF_HD bool disable_scope_{}(State& s, u32 self) {{", sc));
        L("    bool dead = false;");
        L("    (void)self;");
        for (const ScopeInst& si : scopeInsts_) {
            if (si.scope != sc) continue;
            for (uint32_t c : si.kill)
                L(fmt::format("    if (s.pc[{0}] != kDone) {{ cancel_process(s.sched, {0}); "
                              "s.wait[{0}] = ~0u; s.pc[{0}] = kDone; if (self == {0}) dead = "
                              "true; }}",
                              c));
            if (si.hi >= si.lo)
                L(fmt::format("    if (self != {0} && s.pc[{0}] >= {1} && s.pc[{0}] <= {2}) {{ "
                              "cancel_process(s.sched, {0}); s.wait[{0}] = ~0u; s.pc[{0}] = {3}; "
                              "activate(s.sched, {0}); }}",
                              si.proc, si.lo, si.hi, si.after));
        }
        L("    return dead;");
        L("}");
    }
    // Fanout.
    for (SignalId i = 0; i < d_.signals.size(); ++i) {
        if (rep(i) != i) continue;
        L(fmt::format("MF_HD void fanout_s{}(State& s) {{", i));
        L("    (void)s;");
        for (uint32_t site : sigSites_[i])
            L(fmt::format("    if (s.wait[{}] == {}) check_site_{}(s);", sites_[site].proc, site,
                          site));
        for (uint32_t p : sigCas_[i]) L(fmt::format("    trigger_ca(s, {});", p));
        for (uint32_t ps : sigPca_[i]) L(fmt::format("    pca_site_{}(s);", ps));
        L("}");
    }
    L("");
    L("struct M {");
    L("    using State = mf_model::State;");
    L("    MF_HD static u32 run_process(State& s, u32 p) {");
    L("        switch (p) {");
    for (uint32_t i = 0; i < procCount(); ++i)
        L(fmt::format("        case {0}: return proc_{0}(s);", i));
    for (uint32_t t : timers_)
        L(fmt::format("        case {0}u | kTimer: return timer_{0}(s);", t));
    L("        default: return 0;");
    L("        }");
    L("    }");
    L("    MF_HD static void apply_nba(State& s, const NbaEntry& e) {");
    L("        switch (e.leaf) {");
    for (uint32_t i = 0; i < leaves_.size(); ++i) {
        const NbaLeaf& l = leaves_[i];
        std::string st = cppType(storageType(l.sig));
        std::string lt = cppType(l.type);
        L(fmt::format("        case {}: {{", i));
        L(fmt::format("            {} v;", lt));
        L(l.type.isReal ? "            v = bits::bits_to_double(s.sched.pool[e.pool]);"
                        : "            unpack(v, s.sched.pool, e.pool);");
        if (!l.elem && !l.part)
            L(fmt::format("            set_s{}(s, {}(v));", l.sig, st));
        else if (l.elem && !l.part)
            L(fmt::format("            set_s{}_elem(s, e.elem, {}(v));", l.sig, st));
        else if (!l.elem)
            L(fmt::format(
                "            {{ auto t = get_s{0}(s); set_part_at(t, e.off, v); set_s{0}(s, t); }}",
                l.sig));
        else
            L(fmt::format("            {{ auto t = get_s{0}_elem(s, e.elem); set_part_at(t, e.off, "
                          "v); set_s{0}_elem(s, e.elem, t); }}",
                          l.sig));
        L("            break;");
        L("        }");
    }
    L("        default: break;");
    L("        }");
    L("    }");
    L("    MF_HD static u32 end_of_slot(State& s) {");
    L("        u32 msite = s.sched.monitor_site;");
    L("        if (msite != ~0u && s.sched.monitor_on) {");
    L("            word buf[SchedT::kPayload];");
    L("            for (u32 i = 0; i < SchedT::kPayload; ++i) buf[i] = 0;");
    L("            pack_site(s, msite, buf);");
    L("            u32 n = monitor_compare_words(msite);");
    L("            bool changed = s.sched.monitor_fresh != 0;");
    L("            for (u32 i = 0; i < n; ++i) if (buf[i] != s.mon_last[i]) changed = true;");
    L("            if (changed) {");
    L("                if (ring_full(s.sched)) return kRingFull;");
    L("                auto& r = ring_push(s.sched, kSvcMonitor, msite);");
    L("                for (u32 i = 0; i < SchedT::kPayload; ++i) { r.payload[i] = buf[i]; "
      "s.mon_last[i] = buf[i]; }");
    L("                s.sched.monitor_fresh = 0;");
    L("            }");
    L("        }");
    L("        while (s.sched.strobe_pos < s.sched.strobe_count) {");
    L("            if (ring_full(s.sched)) return kRingFull;");
    L("            u32 site = s.sched.strobe[s.sched.strobe_pos++];");
    L("            pack_site(s, site, ring_push(s.sched, kSvcStrobe, site).payload);");
    L("        }");
    L("        s.sched.strobe_count = s.sched.strobe_pos = 0;");
    L("        return 0;");
    L("    }");
    L("};");
    L("");
    L("MF_HD inline void init(State& s, u64 slot_limit) {");
    L("    sched_init(s.sched, slot_limit);");
    L("    s.mon_valid = 0;");
    for (SignalId i = 0; i < d_.signals.size(); ++i) {
        if (rep(i) != i) continue;
        const Signal& sg = d_.signals[i];
        Type t = storageType(i);
        std::string v;
        if (t.isReal) {
            v = sg.initReal ? realLiteral(*sg.initReal) : "0.0";
        } else if (sg.kind == SignalKind::Event) {
            v = cppType(t) + "()";
        } else if (sg.init) {
            Expr c(ExprKind::Const, sg.loc);
            c.value = *sg.init;
            c.type = t;
            v = exprAs(c, t);
        } else if (sg.isNet()) {
            bool driven = false;
            for (uint32_t p = 0; p < procs_.size() && !driven; ++p) {
                if (!isCa_[p]) continue;
                std::set<SignalId> w;
                std::vector<const Expr*> st = targets(*procs_[p]);
                while (!st.empty()) {
                    const Expr* e = st.back();
                    st.pop_back();
                    if (e->kind == ExprKind::Signal && rep(e->signal) == i) driven = true;
                    if (e->kind == ExprKind::Select || e->kind == ExprKind::Concat)
                        for (const auto& x : e->operands) st.push_back(x.get());
                }
            }
            auto pl = pulls_.find(i);
            switch (pl != pulls_.end() ? (pl->second ? NetType::Tri1 : NetType::Tri0)
                                       : sg.netType) {
            case NetType::Supply0:
            case NetType::Tri0:
                v = cppType(t) + "()";
                break;
            case NetType::Supply1:
            case NetType::Tri1:
                v = cppType(t) + "::ones()";
                break;
            default:
                v = cppType(t) + (driven ? "::x()" : "::z()");
            }
        } else {
            v = cppType(t) + "::x()";
        }
        if (sg.isArray())
            L(fmt::format("    for (u64 i = 0; i < {}ull; ++i) s.s{}[i] = {};", sg.elementCount(),
                          i, v));
        else
            L(fmt::format("    s.s{} = {};", i, v));
    }
    L("    for (u32 p = 0; p < kProcs; ++p) { s.pc[p] = 0; s.wait[p] = ~0u; s.ca_idle[p] = 0; }");
    L(fmt::format("    for (u32 p = {}; p < kProcs; ++p) s.pc[p] = kDone;", procs_.size()));
    for (SignalId i : forced_) L(fmt::format("    s.fmask_s{} = {}();", i, maskType(i)));
    for (uint32_t i = 0; i < pcaSites_.size(); ++i)
        if (pcaSites_[i].force) L(fmt::format("    s.fm{} = {}();", i, maskType(pcaSites_[i].sig)));
    for (auto& [sg, dl] : multi_)
        for (size_t k = 0; k < dl.size(); ++k)
            L(fmt::format("    s.dv{}_{} = {}::z();", sg, k, cppType(storageType(sg))));
    for (SignalId i : assigned_) L(fmt::format("    s.pca_s{} = 0;", i));
    L(fmt::format("    for (u32 p = 0; p < {}; ++p) activate(s.sched, p);", procs_.size()));
    L("}");
    L("");
    L("} // namespace mf_model");
    L("");
    L("#if !MF_DEVICE_COMPILER");
    L("extern \"C\" {");
    L("__attribute__((visibility(\"default\"))) unsigned long long mf_state_size() { return "
      "sizeof(mf_model::State); }");
    L("__attribute__((visibility(\"default\"))) void mf_init(void* p, unsigned long long "
      "slot_limit) { mf_model::init(*static_cast<mf_model::State*>(p), slot_limit); }");
    L("__attribute__((visibility(\"default\"))) unsigned mf_step(void* p, unsigned long long "
      "budget) { return metalfpga::rt::model::step<mf_model::M>(*static_cast<mf_model::State*>(p), "
      "budget); }");
    L("__attribute__((visibility(\"default\"))) void mf_ring(void* p, "
      "metalfpga::rt::model::RingView* v) { "
      "metalfpga::rt::model::ring_view(static_cast<mf_model::State*>(p)->sched, v); }");
    L("#ifdef MF_MODEL_KEY");
    L("__attribute__((visibility(\"default\"))) const char* mf_model_key() { return MF_MODEL_KEY; "
      "}");
    L("#endif");
    L("}");
    L("#endif");

    m.source = std::move(o);
    m.sites = std::move(svc_);
    for (const Process* p : procs_)
        m.processWhere.push_back(fmt::format("{} ({})", where(p->loc), processKindName(p->kind)));
    for (const Synth& sy : synth_)
        m.processWhere.push_back(
            fmt::format("{} ({})", where(sy.loc), sy.force ? "force/assign" : "fork branch"));
    return m;
}

} // namespace

std::optional<Model> generate(const ir::Design& design, const frontend::SourceManager& sm,
                              frontend::Diagnostics& diags, const Options& options) {
    Generator g(design, sm, diags, options);
    return g.run();
}

} // namespace metalfpga::codegen
