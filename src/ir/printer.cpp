#include "ir/printer.h"

#include "metalfpga/rt/format.h"

#include "frontend/source_manager.h"

#include <fmt/format.h>

#include <sstream>

namespace metalfpga::ir {

namespace {

std::string rangeString(const Range& r) {
    return fmt::format("[{}:{}]", r.msb, r.lsb);
}

std::string scaleString(int p) {
    static const char* const units[] = {"s", "ms", "us", "ns", "ps", "fs"};
    int e = -p;
    if (e < 0) return fmt::format("1e{}s", p);
    int idx = (e + 2) / 3;
    if (idx > 5) return fmt::format("1e{}s", p);
    int mult = idx * 3 - e; // 0, 1 or 2 -> 1, 10, 100
    return fmt::format("{}{}", mult == 0 ? 1 : mult == 1 ? 10 : 100, units[idx]);
}

class Printer {
  public:
    Printer(const Design& d, std::ostream& out, const frontend::SourceManager* sm)
        : d_(d), out_(out), sm_(sm) {}

    void design() {
        out_ << fmt::format("design: {} scopes, {} signals, {} processes, {} routines\n",
                            d_.scopes.size(), d_.signals.size(), d_.processes.size(),
                            d_.routines.size());
        for (ScopeId t : d_.tops) scope(t, 0);
        for (size_t i = 0; i < d_.routines.size(); ++i) routine(d_.routines[i]);
        for (size_t i = 0; i < d_.processes.size(); ++i) process(i, d_.processes[i]);
        for (const auto& p : d_.specifyPaths) specifyPath(p);
        for (const auto& c : d_.timingChecks) {
            out_ << fmt::format("timing check {} in {}{} (", c.name, d_.scopes[c.scope].path,
                                where(c.loc));
            args(c.args);
            out_ << ")\n";
        }
        for (const auto& u : d_.udps)
            out_ << fmt::format("udp {}: {} inputs, {}, {} rows{}\n", u.name, u.inputs,
                                u.sequential ? "sequential" : "combinational", u.rows.size(),
                                u.initial ? fmt::format(", initial {}", *u.initial) : "");
    }

    std::string expr(const Expr& e) {
        std::string s;
        switch (e.kind) {
        case ExprKind::Const:
            s = e.isString ? fmt::format("\"{}\"", stringOf(e.value)) : constString(e.value);
            break;
        case ExprKind::RealConst:
            s = fmt::format("{}", e.real);
            break;
        case ExprKind::Signal:
            s = d_.signals[e.signal].path;
            break;
        case ExprKind::Scope:
            s = "scope " + d_.scopes[e.scope].path;
            break;
        case ExprKind::ArrayElement:
            s = d_.signals[e.signal].path;
            for (const auto& o : e.operands) s += "[" + expr(*o) + "]";
            break;
        case ExprKind::Select:
            switch (e.select) {
            case SelectKind::Bit:
                s = fmt::format("{}[{}]", expr(*e.operands[0]), expr(*e.operands[1]));
                break;
            case SelectKind::Part:
                s = fmt::format("{}[{}:{}]", expr(*e.operands[0]), e.msb, e.lsb);
                break;
            case SelectKind::IndexedUp:
            case SelectKind::IndexedDown:
                s = fmt::format("{}[{}{}{}]", expr(*e.operands[0]), expr(*e.operands[1]),
                                e.select == SelectKind::IndexedUp ? "+:" : "-:", e.type.width);
                break;
            }
            s += "@" + rangeString(e.declared);
            break;
        case ExprKind::Unary:
            s = fmt::format("({} {})", opName(e.op), expr(*e.operands[0]));
            break;
        case ExprKind::Binary:
            s = fmt::format("({} {} {})", opName(e.op), expr(*e.operands[0]), expr(*e.operands[1]));
            break;
        case ExprKind::Conditional:
            s = fmt::format("(?: {} {} {})", expr(*e.operands[0]), expr(*e.operands[1]),
                            expr(*e.operands[2]));
            break;
        case ExprKind::Concat: {
            s = "{";
            for (size_t i = 0; i < e.operands.size(); ++i)
                s += (i ? ", " : "") + expr(*e.operands[i]);
            s += "}";
            break;
        }
        case ExprKind::Replicate:
            s = fmt::format("{{{}{{{}}}}}", e.value.to_u64(), expr(*e.operands[0]));
            break;
        case ExprKind::Convert: {
            const Type& from = e.operands[0]->type;
            const char* what = e.type.isReal                ? "itor"
                               : from.isReal                ? "rtoi"
                               : e.type.width < from.width  ? "trunc"
                               : e.type.width == from.width ? "cast"
                               : e.type.isSigned            ? "sext"
                                                            : "zext";
            s = fmt::format("({} {})", what, expr(*e.operands[0]));
            break;
        }
        case ExprKind::Call:
            s = d_.routines[e.routine].name + "(";
            s += argList(e.operands) + ")";
            break;
        case ExprKind::SystemCall:
            s = e.name;
            if (!e.operands.empty()) s += "(" + argList(e.operands) + ")";
            break;
        }
        s += ":" + typeString(e.type);
        if (!(e.self == e.type) && e.kind != ExprKind::Convert) s += "/" + typeString(e.self);
        return s;
    }

  private:
    const Design& d_;
    std::ostream& out_;
    const frontend::SourceManager* sm_;

    static std::string stringOf(const rt::Value& v) { return rt::fmt::value_text(v); }

    std::string where(SourceLoc loc) const { return whereText(sm_, loc); }

    std::string argList(const std::vector<ExprPtr>& v) {
        std::string s;
        for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + (v[i] ? expr(*v[i]) : "");
        return s;
    }
    void args(const std::vector<ExprPtr>& v) { out_ << argList(v); }

    void indent(int n) {
        for (int i = 0; i < n; ++i) out_ << "  ";
    }

    void scope(ScopeId id, int depth) {
        const Scope& s = d_.scopes[id];
        indent(depth);
        out_ << fmt::format("scope {} ({}", s.path, scopeKindName(s.kind));
        if (s.kind == ScopeKind::Module) out_ << " " << s.moduleName;
        out_ << ")";
        if (s.kind == ScopeKind::Module && s.timescale.specified)
            out_ << fmt::format(" timescale {}/{}", scaleString(s.timescale.unit),
                                scaleString(s.timescale.precision));
        out_ << where(s.loc) << "\n";
        for (const Param& p : s.params) {
            indent(depth + 1);
            out_ << fmt::format("{} {} = {}:{}\n",
                                p.isSpecparam ? "specparam"
                                : p.isLocal   ? "localparam"
                                              : "parameter",
                                p.name,
                                p.type.isReal ? fmt::format("{}", p.real) : constString(p.value),
                                typeString(p.type));
        }
        for (SignalId sid : s.signals) signal(d_.signals[sid], depth + 1);
        for (ScopeId c : s.children) scope(c, depth + 1);
    }

    void signal(const Signal& g, int depth) {
        indent(depth);
        if (g.port != PortDir::None) out_ << portDirName(g.port) << " ";
        if (g.kind == SignalKind::Net) {
            out_ << netTypeName(g.netType);
            if (g.implicit) out_ << " (implicit)";
        } else {
            out_ << signalKindName(g.kind);
        }
        if (g.automatic) out_ << " automatic";
        if (g.vector) out_ << " " << rangeString(g.range);
        out_ << " " << g.name;
        for (const Range& r : g.unpacked) out_ << rangeString(r);
        out_ << " : " << typeString(g.type);
        if (g.strength.specified) out_ << " strength " << strengthString(g.strength);
        if (g.charge) out_ << " charge " << int(g.charge);
        if (g.init) out_ << " = " << constString(*g.init);
        if (g.initReal) out_ << " = " << *g.initReal;
        out_ << "\n";
    }

    void routine(const Routine& r) {
        out_ << fmt::format("{} {}{} in {}{}\n", r.isFunction ? "function" : "task",
                            r.automatic ? "automatic " : "", d_.scopes[r.scope].path,
                            d_.scopes[d_.scopes[r.scope].parent].path, where(r.loc));
        if (r.isFunction) out_ << "  returns " << typeString(r.returnType) << "\n";
        for (const RoutinePort& p : r.ports)
            out_ << fmt::format("  {} {}\n", portDirName(p.dir), d_.signals[p.signal].path);
        if (r.body) stmt(*r.body, 1);
    }

    void delay(const Delay& dl) {
        if (dl.empty()) return;
        out_ << " #(" << argList(dl.values) << ")";
    }

    void process(size_t i, const Process& p) {
        out_ << fmt::format("process {} {} in {}{}", i, processKindName(p.kind),
                            d_.scopes[p.scope].path, where(p.loc));
        switch (p.kind) {
        case ProcessKind::Initial:
        case ProcessKind::Always:
            out_ << "\n";
            stmt(*p.body, 1);
            break;
        case ProcessKind::ContinuousAssign:
            if (p.strength.specified) out_ << " strength " << strengthString(p.strength);
            delay(p.delay);
            out_ << "\n  " << expr(*p.lhs) << " = " << expr(*p.rhs) << "\n";
            break;
        case ProcessKind::PortConnection:
            out_ << fmt::format(" {} {}{}\n  ", portDirName(p.portDir), p.portName,
                                p.collapsed ? " (collapsed)" : "");
            out_ << (p.lhs ? expr(*p.lhs) : "<unconnected>")
                 << (p.portDir == PortDir::Inout ? " <-> " : " = ")
                 << (p.rhs ? expr(*p.rhs) : "<unconnected>") << "\n";
            break;
        case ProcessKind::Gate:
        case ProcessKind::UdpInstance:
            out_ << " " << (p.kind == ProcessKind::Gate ? p.gate : d_.udps[p.udp].name);
            if (!p.name.empty()) out_ << " " << p.name;
            if (p.strength.specified) out_ << " strength " << strengthString(p.strength);
            delay(p.delay);
            out_ << "\n  (" << argList(p.terminals) << ")\n";
            break;
        }
    }

    void timing(const Timing& t) {
        switch (t.kind) {
        case Timing::Kind::Delay:
            out_ << "#(" << argList(t.delay.values) << ")";
            break;
        case Timing::Kind::Star:
        case Timing::Kind::Event:
        case Timing::Kind::Repeat: {
            if (t.kind == Timing::Kind::Repeat) out_ << "repeat(" << expr(*t.repeatCount) << ") ";
            out_ << (t.kind == Timing::Kind::Star ? "@*(" : "@(");
            for (size_t i = 0; i < t.events.size(); ++i) {
                const EventItem& ev = t.events[i];
                out_ << (i ? " or " : "")
                     << (ev.edge == Edge::Posedge   ? "posedge "
                         : ev.edge == Edge::Negedge ? "negedge "
                                                    : "")
                     << expr(*ev.expr);
            }
            out_ << ")";
            break;
        }
        }
    }

    void stmt(const Stmt& s, int depth) {
        indent(depth);
        switch (s.kind) {
        case StmtKind::Null:
            out_ << ";\n";
            break;
        case StmtKind::Block:
            out_ << (s.fork ? "fork" : "begin");
            if (s.scope != kNone) out_ << " : " << d_.scopes[s.scope].path;
            out_ << "\n";
            for (const auto& c : s.stmts) stmt(*c, depth + 1);
            indent(depth);
            out_ << (s.fork ? "join\n" : "end\n");
            break;
        case StmtKind::Assign:
            out_ << expr(*s.lhs) << (s.nonBlocking ? " <= " : " = ");
            if (s.timing) {
                timing(*s.timing);
                out_ << " ";
            }
            out_ << expr(*s.rhs) << "\n";
            break;
        case StmtKind::ProcContinuous: {
            static const char* const kw[] = {"assign", "deassign", "force", "release"};
            out_ << kw[static_cast<int>(s.keyword)] << " " << expr(*s.lhs);
            if (s.rhs) out_ << " = " << expr(*s.rhs);
            out_ << "\n";
            break;
        }
        case StmtKind::If:
            out_ << "if " << expr(*s.cond) << "\n";
            stmt(*s.body, depth + 1);
            if (s.elseBody) {
                indent(depth);
                out_ << "else\n";
                stmt(*s.elseBody, depth + 1);
            }
            break;
        case StmtKind::Case:
            out_ << (s.caseKind == CaseKind::Casex   ? "casex "
                     : s.caseKind == CaseKind::Casez ? "casez "
                                                     : "case ")
                 << expr(*s.cond) << "\n";
            for (const CaseItem& it : s.items) {
                indent(depth + 1);
                out_ << (it.exprs.empty() ? "default" : argList(it.exprs)) << ":\n";
                stmt(*it.body, depth + 2);
            }
            break;
        case StmtKind::For:
            out_ << "for\n";
            stmt(*s.init, depth + 1);
            indent(depth + 1);
            out_ << "while " << expr(*s.cond) << "\n";
            stmt(*s.step, depth + 1);
            stmt(*s.body, depth + 1);
            break;
        case StmtKind::While:
        case StmtKind::Repeat:
        case StmtKind::Wait:
            out_ << (s.kind == StmtKind::While    ? "while "
                     : s.kind == StmtKind::Repeat ? "repeat "
                                                  : "wait ")
                 << expr(*s.cond) << "\n";
            stmt(*s.body, depth + 1);
            break;
        case StmtKind::Forever:
            out_ << "forever\n";
            stmt(*s.body, depth + 1);
            break;
        case StmtKind::EventTrigger:
            out_ << "-> " << expr(*s.lhs) << "\n";
            break;
        case StmtKind::Disable:
            out_ << "disable " << d_.scopes[s.scope].path << "\n";
            break;
        case StmtKind::TaskCall:
            out_ << "call " << d_.scopes[d_.routines[s.routine].scope].path << "("
                 << argList(s.args) << ")\n";
            break;
        case StmtKind::SystemTaskCall:
            out_ << s.name;
            if (!s.args.empty()) out_ << "(" << argList(s.args) << ")";
            out_ << "\n";
            break;
        case StmtKind::Timed:
            timing(*s.timing);
            out_ << "\n";
            stmt(*s.body, depth + 1);
            break;
        }
    }

    void specifyPath(const SpecifyPath& p) {
        out_ << fmt::format("specify path in {}{}: (", d_.scopes[p.scope].path, where(p.loc));
        args(p.inputs);
        out_ << (p.full ? " *> " : " => ");
        args(p.outputs);
        out_ << ") = (";
        args(p.delays);
        out_ << ")";
        if (p.cond) out_ << " if " << expr(*p.cond);
        if (p.ifnone) out_ << " ifnone";
        out_ << "\n";
    }
};

} // namespace

std::string constString(const rt::Value& v) {
    if (!v.has_xz() && v.width() <= 64) {
        uint64_t u = v.to_u64();
        if (v.width() < 64) u &= (uint64_t(1) << v.width()) - 1;
        return fmt::format("{}'{}d{}", v.width(), v.is_signed() ? "s" : "", u);
    }
    return fmt::format("{}'{}b{}", v.width(), v.is_signed() ? "s" : "", v.to_binary());
}

std::string exprString(const Design& d, const Expr& e) {
    std::ostringstream unused;
    Printer p(d, unused, nullptr);
    return p.expr(e);
}

void printDesign(const Design& d, std::ostream& out, const frontend::SourceManager* sm) {
    Printer(d, out, sm).design();
}

std::string whereText(const frontend::SourceManager* sm, SourceLoc loc) {
    if (!sm || !loc.valid()) return "";
    auto lc = sm->displayLineCol(loc);
    std::string name = sm->displayName(loc);
    auto slash = name.rfind('/');
    if (slash != std::string::npos) name = name.substr(slash + 1);
    return fmt::format(" @{}:{}", name, lc.line);
}

} // namespace metalfpga::ir
