#include "ir/design.h"

#include <fmt/format.h>

namespace metalfpga::ir {

std::string typeString(const Type& t) {
    if (t.isReal) return "real";
    return fmt::format("{}{}", t.width, t.isSigned ? 's' : 'u');
}

const char* scopeKindName(ScopeKind k) {
    switch (k) {
    case ScopeKind::Module:
        return "module";
    case ScopeKind::Generate:
        return "generate";
    case ScopeKind::NamedBlock:
        return "block";
    case ScopeKind::Function:
        return "function";
    case ScopeKind::Task:
        return "task";
    }
    return "?";
}

const char* signalKindName(SignalKind k) {
    switch (k) {
    case SignalKind::Net:
        return "net";
    case SignalKind::Reg:
        return "reg";
    case SignalKind::Integer:
        return "integer";
    case SignalKind::Time:
        return "time";
    case SignalKind::Real:
        return "real";
    case SignalKind::Realtime:
        return "realtime";
    case SignalKind::Event:
        return "event";
    }
    return "?";
}

const char* netTypeName(NetType t) {
    switch (t) {
    case NetType::None:
        return "var";
    case NetType::Wire:
        return "wire";
    case NetType::Tri:
        return "tri";
    case NetType::Wand:
        return "wand";
    case NetType::Wor:
        return "wor";
    case NetType::Triand:
        return "triand";
    case NetType::Trior:
        return "trior";
    case NetType::Tri0:
        return "tri0";
    case NetType::Tri1:
        return "tri1";
    case NetType::Supply0:
        return "supply0";
    case NetType::Supply1:
        return "supply1";
    case NetType::Trireg:
        return "trireg";
    case NetType::Uwire:
        return "uwire";
    }
    return "?";
}

const char* portDirName(PortDir d) {
    switch (d) {
    case PortDir::None:
        return "";
    case PortDir::Input:
        return "input";
    case PortDir::Output:
        return "output";
    case PortDir::Inout:
        return "inout";
    }
    return "?";
}

std::string strengthString(const Strength& s) {
    static const char* const k0[] = {"highz0", "small0", "medium0", "weak0",
                                     "large0", "pull0",  "strong0", "supply0"};
    static const char* const k1[] = {"highz1", "small1", "medium1", "weak1",
                                     "large1", "pull1",  "strong1", "supply1"};
    return fmt::format("({}, {})", k0[s.s0 & 7], k1[s.s1 & 7]);
}

const char* opName(Op op) {
    switch (op) {
    case Op::None:
        return "?";
    case Op::Plus:
        return "+";
    case Op::Neg:
        return "-";
    case Op::BitNot:
        return "~";
    case Op::LogNot:
        return "!";
    case Op::RedAnd:
        return "&";
    case Op::RedNand:
        return "~&";
    case Op::RedOr:
        return "|";
    case Op::RedNor:
        return "~|";
    case Op::RedXor:
        return "^";
    case Op::RedXnor:
        return "~^";
    case Op::Add:
        return "+";
    case Op::Sub:
        return "-";
    case Op::Mul:
        return "*";
    case Op::Div:
        return "/";
    case Op::Mod:
        return "%";
    case Op::Pow:
        return "**";
    case Op::BitAnd:
        return "&";
    case Op::BitOr:
        return "|";
    case Op::BitXor:
        return "^";
    case Op::BitXnor:
        return "~^";
    case Op::Shl:
        return "<<";
    case Op::Shr:
        return ">>";
    case Op::AShl:
        return "<<<";
    case Op::AShr:
        return ">>>";
    case Op::LogAnd:
        return "&&";
    case Op::LogOr:
        return "||";
    case Op::Eq:
        return "==";
    case Op::Ne:
        return "!=";
    case Op::CaseEq:
        return "===";
    case Op::CaseNe:
        return "!==";
    case Op::Lt:
        return "<";
    case Op::Le:
        return "<=";
    case Op::Gt:
        return ">";
    case Op::Ge:
        return ">=";
    }
    return "?";
}

const char* processKindName(ProcessKind k) {
    switch (k) {
    case ProcessKind::Initial:
        return "initial";
    case ProcessKind::Always:
        return "always";
    case ProcessKind::ContinuousAssign:
        return "assign";
    case ProcessKind::PortConnection:
        return "port";
    case ProcessKind::Gate:
        return "gate";
    case ProcessKind::UdpInstance:
        return "udp";
    }
    return "?";
}

ExprPtr Expr::clone() const {
    auto e = std::make_unique<Expr>(kind, loc);
    e->op = op;
    e->type = type;
    e->self = self;
    e->value = value;
    e->real = real;
    e->isString = isString;
    e->unsizedXZ = unsizedXZ;
    e->signal = signal;
    e->routine = routine;
    e->scope = scope;
    e->name = name;
    e->select = select;
    e->declared = declared;
    e->msb = msb;
    e->lsb = lsb;
    for (const auto& o : operands) e->operands.push_back(o ? o->clone() : nullptr);
    return e;
}

namespace {

ExprPtr cloneOf(const ExprPtr& e) {
    return e ? e->clone() : nullptr;
}
StmtPtr cloneOf(const StmtPtr& s) {
    return s ? s->clone() : nullptr;
}

} // namespace

std::unique_ptr<Timing> Timing::clone() const {
    auto t = std::make_unique<Timing>();
    t->kind = kind;
    t->loc = loc;
    t->delay.loc = delay.loc;
    for (const auto& v : delay.values) t->delay.values.push_back(cloneOf(v));
    for (const EventItem& ev : events) t->events.push_back(EventItem{ev.edge, cloneOf(ev.expr)});
    t->repeatCount = cloneOf(repeatCount);
    return t;
}

StmtPtr Stmt::clone() const {
    auto s = std::make_unique<Stmt>(kind, loc);
    s->scope = scope;
    s->fork = fork;
    for (const auto& c : stmts) s->stmts.push_back(cloneOf(c));
    s->nonBlocking = nonBlocking;
    s->keyword = keyword;
    s->lhs = cloneOf(lhs);
    s->rhs = cloneOf(rhs);
    if (timing) s->timing = timing->clone();
    s->cond = cloneOf(cond);
    s->body = cloneOf(body);
    s->elseBody = cloneOf(elseBody);
    s->init = cloneOf(init);
    s->step = cloneOf(step);
    s->caseKind = caseKind;
    for (const CaseItem& ci : items) {
        CaseItem c;
        for (const auto& e : ci.exprs) c.exprs.push_back(cloneOf(e));
        c.body = cloneOf(ci.body);
        c.loc = ci.loc;
        s->items.push_back(std::move(c));
    }
    s->routine = routine;
    s->name = name;
    for (const auto& a : args) s->args.push_back(cloneOf(a));
    return s;
}

ScopeId Design::addScope(Scope s) {
    ScopeId id = static_cast<ScopeId>(scopes.size());
    if (s.parent != kNone) scopes[s.parent].children.push_back(id);
    scopes.push_back(std::move(s));
    return id;
}

SignalId Design::addSignal(Signal s) {
    SignalId id = static_cast<SignalId>(signals.size());
    if (s.scope != kNone) scopes[s.scope].signals.push_back(id);
    signals.push_back(std::move(s));
    return id;
}

ScopeId Design::findScope(std::string_view path) const {
    for (size_t i = 0; i < scopes.size(); ++i)
        if (scopes[i].path == path) return static_cast<ScopeId>(i);
    return kNone;
}

SignalId Design::findSignal(std::string_view path) const {
    for (size_t i = 0; i < signals.size(); ++i)
        if (signals[i].path == path) return static_cast<SignalId>(i);
    return kNone;
}

int Design::globalPrecision() const {
    int p = 0;
    for (const Scope& s : scopes)
        if (s.timescale.precision < p) p = s.timescale.precision;
    return p;
}

bool isTranGate(const std::string& g) {
    return g == "tran" || g == "rtran" || g == "tranif0" || g == "tranif1" || g == "rtranif0" ||
           g == "rtranif1";
}

size_t outputTerminals(const Process& p) {
    if (p.kind == ProcessKind::Gate && (p.gate == "buf" || p.gate == "not"))
        return p.terminals.empty() ? 0 : p.terminals.size() - 1;
    return 1;
}

} // namespace metalfpga::ir
