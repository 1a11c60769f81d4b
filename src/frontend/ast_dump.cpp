#include "frontend/ast_dump.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>

namespace metalfpga::frontend {

using namespace ast;

namespace {

std::string_view tk(TokenKind k) {
    return tokenKindName(k);
}

std::string identText(const Identifier& id) {
    if (id.escaped) return "\\" + std::string(id.text) + " ";
    return std::string(id.text);
}

class Dumper {
  public:
    Dumper(const SourceManager& sm, std::ostream& os) : sm_(sm), os_(os) {}

    void line(int depth, const std::string& text, SourceLoc loc) {
        for (int i = 0; i < depth; ++i) os_ << "  ";
        os_ << text;
        if (loc.valid()) {
            LineCol lc = sm_.lineCol(loc);
            os_ << " @" << lc.line << ':' << lc.col;
        }
        os_ << '\n';
    }

    void attrs(const Attributes& as, int d) {
        for (const auto& a : as) {
            line(d, "Attribute " + identText(a.name), a.name.loc);
            if (a.value) expr(*a.value, d + 1);
        }
    }

    void range(const Range& r, int d, const char* label = "Range") {
        line(d, label, r.loc);
        if (r.left) expr(*r.left, d + 1);
        if (r.right) expr(*r.right, d + 1);
    }
    void optRange(const std::optional<Range>& r, int d) {
        if (r) range(*r, d);
    }

    void strength(const std::optional<Strength>& s, int d) {
        if (!s) return;
        std::string t = "Strength";
        if (s->strength0 != TokenKind::EndOfFile) t += fmt::format(" {}", tk(s->strength0));
        if (s->strength1 != TokenKind::EndOfFile) t += fmt::format(" {}", tk(s->strength1));
        if (s->charge != TokenKind::EndOfFile) t += fmt::format(" {}", tk(s->charge));
        line(d, t, s->loc);
    }

    void delay(const Delay& dl, int d) {
        line(d, dl.parenthesized ? "Delay (...)" : "Delay", dl.loc);
        for (const auto& v : dl.values) expr(*v, d + 1);
    }
    void optDelay(const std::optional<Delay>& dl, int d) {
        if (dl) delay(*dl, d);
    }

    void hierIndices(const HierName& h, int d) {
        for (const auto& s : h.segments)
            if (s.index) {
                line(d, "ScopeIndex " + identText(s.name), s.name.loc);
                expr(*s.index, d + 1);
            }
    }

    void expr(const Expr& e, int d) {
        switch (e.kind) {
        case ExprKind::Number: {
            const auto& n = e.as<NumberExpr>();
            std::string t = "Number";
            if (n.base == 0) {
                t += fmt::format(" {}", n.digits);
            } else {
                t += fmt::format(" size={} base={}{} digits={}", n.size.empty() ? "-" : n.size,
                                 n.isSigned ? "s" : "", n.base, n.digits);
            }
            line(d, t, e.loc);
            break;
        }
        case ExprKind::Real:
            line(d, fmt::format("Real {}", e.as<RealExpr>().text), e.loc);
            break;
        case ExprKind::String:
            line(d, fmt::format("String \"{}\"", e.as<StringExpr>().text), e.loc);
            break;
        case ExprKind::Name: {
            const auto& n = e.as<NameExpr>();
            line(d, "Name " + n.name.str(), e.loc);
            hierIndices(n.name, d + 1);
            break;
        }
        case ExprKind::Unary: {
            const auto& u = e.as<UnaryExpr>();
            line(d, fmt::format("Unary {}", tk(u.op)), e.loc);
            attrs(u.attrs, d + 1);
            expr(*u.operand, d + 1);
            break;
        }
        case ExprKind::Binary: {
            const auto& b = e.as<BinaryExpr>();
            line(d, fmt::format("Binary {}", tk(b.op)), b.opLoc);
            attrs(b.attrs, d + 1);
            expr(*b.lhs, d + 1);
            expr(*b.rhs, d + 1);
            break;
        }
        case ExprKind::Conditional: {
            const auto& c = e.as<ConditionalExpr>();
            line(d, "Conditional", e.loc);
            attrs(c.attrs, d + 1);
            expr(*c.cond, d + 1);
            expr(*c.whenTrue, d + 1);
            expr(*c.whenFalse, d + 1);
            break;
        }
        case ExprKind::Concat:
            line(d, "Concat", e.loc);
            for (const auto& i : e.as<ConcatExpr>().items) expr(*i, d + 1);
            break;
        case ExprKind::Replication: {
            const auto& r = e.as<ReplicationExpr>();
            line(d, "Replication", e.loc);
            expr(*r.count, d + 1);
            expr(*r.concat, d + 1);
            break;
        }
        case ExprKind::Select: {
            const auto& s = e.as<SelectExpr>();
            const char* k = s.select == SelectKind::Bit         ? "Select [i]"
                            : s.select == SelectKind::Part      ? "Select [h:l]"
                            : s.select == SelectKind::IndexedUp ? "Select [b+:w]"
                                                                : "Select [b-:w]";
            line(d, k, s.bracketLoc);
            expr(*s.value, d + 1);
            expr(*s.left, d + 1);
            if (s.right) expr(*s.right, d + 1);
            break;
        }
        case ExprKind::Call: {
            const auto& c = e.as<CallExpr>();
            line(d, "Call " + c.name.str(), e.loc);
            hierIndices(c.name, d + 1);
            attrs(c.attrs, d + 1);
            for (const auto& a : c.args) expr(*a, d + 1);
            break;
        }
        case ExprKind::SystemCall: {
            const auto& c = e.as<SystemCallExpr>();
            line(d, fmt::format("SystemCall {}{}", c.name.text, c.hasParens ? "()" : ""), e.loc);
            for (const auto& a : c.args) {
                if (a)
                    expr(*a, d + 1);
                else
                    line(d + 1, "EmptyArg", {});
            }
            break;
        }
        case ExprKind::MinTypMax: {
            const auto& m = e.as<MinTypMaxExpr>();
            line(d, "MinTypMax", e.loc);
            expr(*m.min, d + 1);
            expr(*m.typ, d + 1);
            expr(*m.max, d + 1);
            break;
        }
        }
    }

    void timing(const TimingControl& t, int d) {
        switch (t.kind) {
        case TimingControl::Kind::Delay:
            delay(t.delay, d);
            return;
        case TimingControl::Kind::EventStar:
            line(d, "EventControl *", t.loc);
            return;
        case TimingControl::Kind::Repeat:
            line(d, "RepeatEventControl", t.loc);
            expr(*t.repeatCount, d + 1);
            break;
        case TimingControl::Kind::Event:
            line(d, t.bareName ? "EventControl @name" : "EventControl", t.loc);
            break;
        }
        for (const auto& ev : t.events) {
            line(d + 1,
                 ev.edge == TokenKind::EndOfFile ? std::string("Event")
                                                 : fmt::format("Event {}", tk(ev.edge)),
                 ev.loc);
            expr(*ev.expr, d + 2);
        }
    }

    void stmt(const Stmt& s, int d) {
        switch (s.kind) {
        case StmtKind::Null:
            line(d, "Null", s.loc);
            break;
        case StmtKind::Block: {
            const auto& b = s.as<BlockStmt>();
            std::string t = b.fork ? "Fork" : "Begin";
            if (!b.name.empty()) t += " " + identText(b.name);
            line(d, t, s.loc);
            attrs(s.attrs, d + 1);
            for (const auto& i : b.decls) item(*i, d + 1);
            for (const auto& st : b.stmts) stmt(*st, d + 1);
            return;
        }
        case StmtKind::Assign: {
            const auto& a = s.as<AssignStmt>();
            line(d, a.nonBlocking ? "NonBlockingAssign" : "BlockingAssign", s.loc);
            attrs(s.attrs, d + 1);
            expr(*a.lhs, d + 1);
            if (a.timing) timing(*a.timing, d + 1);
            expr(*a.rhs, d + 1);
            return;
        }
        case StmtKind::ProcContinuous: {
            const auto& a = s.as<ProcContinuousStmt>();
            line(d, fmt::format("ProcContinuous {}", tk(a.keyword)), s.loc);
            attrs(s.attrs, d + 1);
            expr(*a.lhs, d + 1);
            if (a.rhs) expr(*a.rhs, d + 1);
            return;
        }
        case StmtKind::If: {
            const auto& i = s.as<IfStmt>();
            line(d, i.elseStmt ? "If (else)" : "If", s.loc);
            attrs(s.attrs, d + 1);
            expr(*i.cond, d + 1);
            stmt(*i.thenStmt, d + 1);
            if (i.elseStmt) stmt(*i.elseStmt, d + 1);
            return;
        }
        case StmtKind::Case: {
            const auto& c = s.as<CaseStmt>();
            line(d, fmt::format("Case {}", tk(c.keyword)), s.loc);
            attrs(s.attrs, d + 1);
            expr(*c.expr, d + 1);
            for (const auto& ci : c.items) {
                line(d + 1, ci.exprs.empty() ? "CaseItem default" : "CaseItem", ci.loc);
                for (const auto& e : ci.exprs) expr(*e, d + 2);
                stmt(*ci.stmt, d + 2);
            }
            return;
        }
        case StmtKind::For: {
            const auto& f = s.as<ForStmt>();
            line(d, "For", s.loc);
            attrs(s.attrs, d + 1);
            stmt(*f.init, d + 1);
            expr(*f.cond, d + 1);
            stmt(*f.step, d + 1);
            stmt(*f.body, d + 1);
            return;
        }
        case StmtKind::While:
        case StmtKind::Repeat:
        case StmtKind::Forever:
        case StmtKind::Wait: {
            const auto& l = static_cast<const LoopStmt&>(s);
            const char* k = s.kind == StmtKind::While    ? "While"
                            : s.kind == StmtKind::Repeat ? "Repeat"
                            : s.kind == StmtKind::Wait   ? "Wait"
                                                         : "Forever";
            line(d, k, s.loc);
            attrs(s.attrs, d + 1);
            if (l.cond) expr(*l.cond, d + 1);
            stmt(*l.body, d + 1);
            return;
        }
        case StmtKind::EventTrigger:
            line(d, "EventTrigger", s.loc);
            attrs(s.attrs, d + 1);
            expr(*s.as<EventTriggerStmt>().target, d + 1);
            return;
        case StmtKind::Disable:
            line(d, "Disable " + s.as<DisableStmt>().name.str(), s.loc);
            break;
        case StmtKind::TaskCall: {
            const auto& c = s.as<TaskCallStmt>();
            line(d, "TaskCall " + c.name.str(), s.loc);
            attrs(s.attrs, d + 1);
            hierIndices(c.name, d + 1);
            for (const auto& a : c.args) expr(*a, d + 1);
            return;
        }
        case StmtKind::SystemTaskCall:
            line(d, "SystemTaskCall", s.loc);
            attrs(s.attrs, d + 1);
            expr(*s.as<SystemTaskCallStmt>().call, d + 1);
            return;
        case StmtKind::Timed: {
            const auto& t = s.as<TimedStmt>();
            line(d, "Timed", s.loc);
            attrs(s.attrs, d + 1);
            timing(*t.timing, d + 1);
            stmt(*t.stmt, d + 1);
            return;
        }
        }
        attrs(s.attrs, d + 1);
    }

    void declarators(const std::vector<Declarator>& ds, int d) {
        for (const auto& x : ds) {
            line(d, "Declarator " + identText(x.name), x.name.loc);
            for (const auto& r : x.dims) range(r, d + 1, "Dimension");
            if (x.init) {
                line(d + 1, "Init", {});
                expr(*x.init, d + 2);
            }
        }
    }

    void genBlock(const GenerateBlock* b, int d, const char* label) {
        if (!b) {
            line(d, std::string(label) + " (null)", {});
            return;
        }
        line(d, label, {});
        item(*b, d + 1);
    }

    void item(const Item& it, int d) {
        switch (it.kind) {
        case ItemKind::PortDecl: {
            const auto& p = it.as<PortDecl>();
            std::string t = fmt::format("PortDecl {}", tk(p.direction));
            if (p.type != TokenKind::EndOfFile) t += fmt::format(" {}", tk(p.type));
            if (p.isSigned) t += " signed";
            line(d, t, it.loc);
            attrs(it.attrs, d + 1);
            optRange(p.range, d + 1);
            for (const auto& r : p.packedExtra) range(r, d + 1);
            declarators(p.decls, d + 1);
            return;
        }
        case ItemKind::NetDecl: {
            const auto& n = it.as<NetDecl>();
            std::string t = fmt::format("NetDecl {}", tk(n.netType));
            if (n.vectorScalar == VectorScalar::Vectored) t += " vectored";
            if (n.vectorScalar == VectorScalar::Scalared) t += " scalared";
            if (n.isSigned) t += " signed";
            line(d, t, it.loc);
            attrs(it.attrs, d + 1);
            strength(n.strength, d + 1);
            optRange(n.range, d + 1);
            for (const auto& r : n.packedExtra) range(r, d + 1);
            optDelay(n.delay, d + 1);
            declarators(n.decls, d + 1);
            return;
        }
        case ItemKind::VarDecl: {
            const auto& v = it.as<VarDecl>();
            line(d, fmt::format("VarDecl {}{}", tk(v.type), v.isSigned ? " signed" : ""), it.loc);
            attrs(it.attrs, d + 1);
            optRange(v.range, d + 1);
            for (const auto& r : v.packedExtra) range(r, d + 1);
            declarators(v.decls, d + 1);
            return;
        }
        case ItemKind::ParamDecl: {
            const auto& p = it.as<ParamDecl>();
            std::string t = fmt::format("ParamDecl {}", tk(p.keyword));
            if (p.type != TokenKind::EndOfFile) t += fmt::format(" {}", tk(p.type));
            if (p.isSigned) t += " signed";
            line(d, t, it.loc);
            attrs(it.attrs, d + 1);
            optRange(p.range, d + 1);
            for (const auto& a : p.assigns) {
                line(d + 1, "ParamAssign " + identText(a.name), a.name.loc);
                expr(*a.value, d + 2);
                if (a.errorLimit) expr(*a.errorLimit, d + 2);
            }
            return;
        }
        case ItemKind::Defparam:
            line(d, "Defparam", it.loc);
            attrs(it.attrs, d + 1);
            for (const auto& a : it.as<Defparam>().assigns) {
                line(d + 1, "DefparamAssign " + a.target.str(), a.target.loc());
                hierIndices(a.target, d + 2);
                expr(*a.value, d + 2);
            }
            return;
        case ItemKind::ContinuousAssign: {
            const auto& a = it.as<ContinuousAssign>();
            line(d, "ContinuousAssign", it.loc);
            attrs(it.attrs, d + 1);
            strength(a.strength, d + 1);
            optDelay(a.delay, d + 1);
            for (const auto& na : a.assigns) {
                line(d + 1, "NetAssign", na.lhs->loc);
                expr(*na.lhs, d + 2);
                expr(*na.rhs, d + 2);
            }
            return;
        }
        case ItemKind::GateInst: {
            const auto& g = it.as<GateInst>();
            line(d, fmt::format("GateInst {}", tk(g.gate)), it.loc);
            attrs(it.attrs, d + 1);
            strength(g.strength, d + 1);
            optDelay(g.delay, d + 1);
            for (const auto& i : g.instances) {
                line(d + 1, i.name.empty() ? "GateInstance" : "GateInstance " + identText(i.name),
                     i.loc);
                optRange(i.range, d + 2);
                for (const auto& t : i.terminals) expr(*t, d + 2);
            }
            return;
        }
        case ItemKind::ModuleInst: {
            const auto& m = it.as<ModuleInst>();
            line(d, "ModuleInst " + identText(m.moduleName), it.loc);
            attrs(it.attrs, d + 1);
            strength(m.strength, d + 1);
            optDelay(m.delay, d + 1);
            if (m.hasParams) line(d + 1, "ParamValues", {});
            for (const auto& p : m.params) {
                line(d + 2, p.name.empty() ? "ParamValue" : "ParamValue ." + identText(p.name),
                     p.loc);
                if (p.value) expr(*p.value, d + 3);
            }
            for (const auto& i : m.instances) {
                line(d + 1, i.name.empty() ? "Instance" : "Instance " + identText(i.name), i.loc);
                optRange(i.range, d + 2);
                for (const auto& c : i.connections) {
                    std::string t = c.named ? "Connection ." + identText(c.name) : "Connection";
                    if (!c.expr) t += " (empty)";
                    line(d + 2, t, c.loc);
                    attrs(c.attrs, d + 3);
                    if (c.expr) expr(*c.expr, d + 3);
                }
            }
            return;
        }
        case ItemKind::Procedural: {
            const auto& p = it.as<ProceduralBlock>();
            line(d, tk(p.keyword) == "initial" ? "Initial" : "Always", it.loc);
            attrs(it.attrs, d + 1);
            stmt(*p.body, d + 1);
            return;
        }
        case ItemKind::Function: {
            const auto& f = it.as<FunctionDecl>();
            std::string t = "Function " + identText(f.name);
            if (f.automatic) t += " automatic";
            if (f.returnType != TokenKind::EndOfFile) t += fmt::format(" {}", tk(f.returnType));
            if (f.isSigned) t += " signed";
            if (f.ansi) t += " ansi";
            line(d, t, it.loc);
            attrs(it.attrs, d + 1);
            optRange(f.range, d + 1);
            for (const auto& p : f.ports) item(*p, d + 1);
            for (const auto& p : f.items) item(*p, d + 1);
            if (f.body) stmt(*f.body, d + 1);
            return;
        }
        case ItemKind::Task: {
            const auto& f = it.as<TaskDecl>();
            std::string t = "Task " + identText(f.name);
            if (f.automatic) t += " automatic";
            if (f.ansi) t += " ansi";
            line(d, t, it.loc);
            attrs(it.attrs, d + 1);
            for (const auto& p : f.ports) item(*p, d + 1);
            for (const auto& p : f.items) item(*p, d + 1);
            if (f.body) stmt(*f.body, d + 1);
            return;
        }
        case ItemKind::GenerateRegion:
            line(d, "GenerateRegion", it.loc);
            attrs(it.attrs, d + 1);
            for (const auto& i : it.as<GenerateRegion>().items) item(*i, d + 1);
            return;
        case ItemKind::GenerateBlock: {
            const auto& b = it.as<GenerateBlock>();
            std::string t = b.hasBeginEnd ? "GenerateBlock begin" : "GenerateBlock";
            if (!b.name.empty()) t += " " + identText(b.name);
            line(d, t, it.loc);
            attrs(it.attrs, d + 1);
            for (const auto& i : b.items) item(*i, d + 1);
            return;
        }
        case ItemKind::GenerateFor: {
            const auto& g = it.as<GenerateFor>();
            line(d, fmt::format("GenerateFor {} {}", identText(g.initVar), identText(g.stepVar)),
                 it.loc);
            attrs(it.attrs, d + 1);
            expr(*g.initValue, d + 1);
            expr(*g.cond, d + 1);
            expr(*g.stepValue, d + 1);
            item(*g.body, d + 1);
            return;
        }
        case ItemKind::GenerateIf: {
            const auto& g = it.as<GenerateIf>();
            line(d, "GenerateIf", it.loc);
            attrs(it.attrs, d + 1);
            expr(*g.cond, d + 1);
            genBlock(g.thenBlock.get(), d + 1, "Then");
            if (g.hasElse) genBlock(g.elseBlock.get(), d + 1, "Else");
            return;
        }
        case ItemKind::GenerateCase: {
            const auto& g = it.as<GenerateCase>();
            line(d, "GenerateCase", it.loc);
            attrs(it.attrs, d + 1);
            expr(*g.expr, d + 1);
            for (const auto& ci : g.items) {
                line(d + 1, ci.exprs.empty() ? "CaseItem default" : "CaseItem", ci.loc);
                for (const auto& e : ci.exprs) expr(*e, d + 2);
                genBlock(ci.body.get(), d + 2, "Body");
            }
            return;
        }
        case ItemKind::SpecifyBlock:
            line(d, "SpecifyBlock", it.loc);
            for (const auto& i : it.as<SpecifyBlock>().items) item(*i, d + 1);
            return;
        case ItemKind::SpecifyPath: {
            const auto& p = it.as<SpecifyPath>();
            std::string t = "SpecifyPath";
            if (p.condition == SpecifyPath::Condition::If) t += " if";
            if (p.condition == SpecifyPath::Condition::Ifnone) t += " ifnone";
            if (p.edge != TokenKind::EndOfFile) t += fmt::format(" {}", tk(p.edge));
            if (p.inputPolarity != TokenKind::EndOfFile)
                t += fmt::format(" {}", tk(p.inputPolarity));
            t += p.full ? " *>" : " =>";
            if (p.outputPolarity != TokenKind::EndOfFile)
                t += fmt::format(" {}:", tk(p.outputPolarity));
            line(d, t, it.loc);
            if (p.cond) {
                line(d + 1, "Condition", {});
                expr(*p.cond, d + 2);
            }
            line(d + 1, "Inputs", {});
            for (const auto& e : p.inputs) expr(*e, d + 2);
            line(d + 1, "Outputs", {});
            for (const auto& e : p.outputs) expr(*e, d + 2);
            if (p.dataSource) {
                line(d + 1, "DataSource", {});
                expr(*p.dataSource, d + 2);
            }
            line(d + 1, "Delays", {});
            for (const auto& e : p.delays) expr(*e, d + 2);
            return;
        }
        case ItemKind::TimingCheck: {
            const auto& t = it.as<TimingCheck>();
            line(d, fmt::format("TimingCheck {}", t.name.text), it.loc);
            for (const auto& a : t.args) {
                if (a.empty) {
                    line(d + 1, "Arg (empty)", a.loc);
                    continue;
                }
                std::string s = "Arg";
                if (a.edge != TokenKind::EndOfFile) s += fmt::format(" {}", tk(a.edge));
                if (!a.edgeDescriptors.empty())
                    s += fmt::format(" [{}]", fmt::join(a.edgeDescriptors, ","));
                line(d + 1, s, a.loc);
                expr(*a.expr, d + 2);
                if (a.cond) {
                    line(d + 2, "&&&", {});
                    expr(*a.cond, d + 3);
                }
            }
            return;
        }
        case ItemKind::PulseStyle: {
            const auto& p = it.as<PulseStyle>();
            line(d, fmt::format("PulseStyle {}", tk(p.keyword)), it.loc);
            for (const auto& e : p.outputs) expr(*e, d + 1);
            return;
        }
        }
    }

    void description(const Description& desc) {
        switch (desc.kind) {
        case DescriptionKind::Module: {
            const auto& m = desc.as<Module>();
            std::string t = (m.macromodule ? "Macromodule " : "Module ") + identText(m.name);
            if (m.ansi) t += " ansi";
            if (m.directives.timescale)
                t += fmt::format(" timescale={}/{}", m.directives.timescale->unit,
                                 m.directives.timescale->precision);
            if (m.directives.defaultNettype != "wire")
                t += " default_nettype=" + m.directives.defaultNettype;
            if (m.directives.celldefine) t += " celldefine";
            if (m.directives.unconnectedDrive == UnconnectedDrive::Pull0)
                t += " unconnected_drive=pull0";
            if (m.directives.unconnectedDrive == UnconnectedDrive::Pull1)
                t += " unconnected_drive=pull1";
            line(0, t, m.loc);
            attrs(m.attrs, 1);
            for (const auto& p : m.paramPorts) item(*p, 1);
            for (const auto& p : m.ports) {
                std::string s = "Port";
                if (p.hasExplicitName) s += " ." + identText(p.explicitName);
                if (!p.expr) s += " (empty)";
                line(1, s, p.loc);
                if (p.expr) expr(*p.expr, 2);
            }
            for (const auto& p : m.portDecls) item(*p, 1);
            for (const auto& i : m.items) item(*i, 1);
            return;
        }
        case DescriptionKind::Primitive: {
            const auto& p = desc.as<Primitive>();
            line(0,
                 fmt::format("Primitive {}{}{}", identText(p.name), p.ansi ? " ansi" : "",
                             p.sequential ? " sequential" : " combinational"),
                 p.loc);
            attrs(p.attrs, 1);
            for (const auto& n : p.portNames) line(1, "Port " + identText(n), n.loc);
            for (const auto& dcl : p.decls) item(*dcl, 1);
            if (p.initialValue) {
                line(1, "Initial " + identText(p.initialName), p.initialName.loc);
                expr(*p.initialValue, 2);
            }
            for (const auto& r : p.rows) {
                std::string s = "Row";
                for (const auto& in : r.inputs) s += " " + in;
                if (r.current) s += fmt::format(" : {}", r.current);
                s += fmt::format(" : {}", r.output);
                line(1, s, r.loc);
            }
            return;
        }
        case DescriptionKind::Config: {
            const auto& c = desc.as<Config>();
            line(0, "Config " + identText(c.name), c.loc);
            for (const auto& lc : c.design) line(1, "Design " + libCell(lc), lc.cell.loc);
            for (const auto& r : c.rules) {
                std::string s = r.kind == ConfigRule::Kind::Default ? "Default"
                                : r.kind == ConfigRule::Kind::Instance
                                    ? "Instance " + r.instance.str()
                                    : "Cell " + libCell(r.cell);
                if (r.isUse) {
                    s += " use " + libCell(r.use);
                    if (r.useConfig) s += ":config";
                } else {
                    s += " liblist";
                    for (const auto& l : r.liblist) s += " " + identText(l);
                }
                line(1, s, r.loc);
            }
            return;
        }
        }
    }

    static std::string libCell(const LibCell& lc) {
        if (lc.library.empty()) return identText(lc.cell);
        return identText(lc.library) + "." + identText(lc.cell);
    }

  private:
    const SourceManager& sm_;
    std::ostream& os_;
};

} // namespace

void dumpAst(const CompilationUnit& cu, const SourceManager& sm, std::ostream& os) {
    Dumper d(sm, os);
    for (const auto& desc : cu.descriptions) d.description(*desc);
}

void dumpExpr(const Expr& e, const SourceManager& sm, std::ostream& os, int depth) {
    Dumper(sm, os).expr(e, depth);
}
void dumpStmt(const Stmt& s, const SourceManager& sm, std::ostream& os, int depth) {
    Dumper(sm, os).stmt(s, depth);
}
void dumpItem(const Item& i, const SourceManager& sm, std::ostream& os, int depth) {
    Dumper(sm, os).item(i, depth);
}

} // namespace metalfpga::frontend
