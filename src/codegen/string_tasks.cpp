// System tasks of text and time formats: $sformat and $swrite/$swriteb/$swriteo/$swriteh
// (17.1.3) and $timeformat (17.3.2) are host tasks (the host formats and answers, see
// src/runtime/strings.cpp and time_format.cpp); $printtimescale (17.3.1) is a display record
// whose text code generation knows.
#include "codegen/generator.h"
#include "codegen/host_call_table.h"

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

// "1ns", "100us", "10s": a power of ten seconds as Icarus prints it.
std::string timeUnitName(int p) {
    static const char* const units[] = {"s", "ms", "us", "ns", "ps", "fs"};
    if (p > 0) return "1" + std::string(static_cast<size_t>(p), '0') + "s";
    int u = (-p + 2) / 3; // 0 for s, 1 for ms (p -1 .. -3), ...
    if (u > 5) u = 5;
    int digits = p + 3 * u; // 0, 1 or 2 zeros
    return "1" + std::string(static_cast<size_t>(digits), '0') + units[u];
}

} // namespace

bool Generator::stringTask(const Stmt& st, int ind) {
    const std::string& n = st.name;
    if (n == "$sformat" || n.rfind("$swrite", 0) == 0) {
        if (!isHostTask(n)) return false;
        if (st.args.empty() || !st.args[0]) {
            diags_.error(st.loc, fmt::format("{} needs an output variable", n));
            failed_ = true;
            return true;
        }
        if (n == "$sformat" && (st.args.size() < 2 || !st.args[1])) {
            diags_.error(st.loc, "$sformat needs a format argument");
            failed_ = true;
            return true;
        }
        std::vector<const Expr*> args;
        for (const auto& a : st.args) args.push_back(a.get());
        hostCall(n, st.loc, args, nullptr, ind);
        // The default radix of $swriteb/o/h.
        char c = n != "$sformat" && n.size() == 8 ? n.back() : 'd';
        if (!svc_.empty() && svc_.back().task == n) svc_.back().defaultConv = c;
        return true;
    }
    if (n == "$timeformat") {
        if (st.args.size() > 4) {
            diags_.error(st.loc, "$timeformat takes at most 4 arguments");
            failed_ = true;
            return true;
        }
        std::vector<const Expr*> args;
        for (const auto& a : st.args) args.push_back(a.get());
        hostCall(n, st.loc, args, nullptr, ind);
        return true;
    }
    if (n == "$printtimescale") {
        ScopeId scope = curScope_;
        std::string name;
        if (!st.args.empty() && st.args[0]) {
            if (st.args.size() > 1 || !timescaleObject(*st.args[0], name, scope)) {
                diags_.error(st.loc, "$printtimescale takes one module instance or object name");
                failed_ = true;
                return true;
            }
        }
        ScopeId m = moduleOf(scope);
        if (m == kNone) m = scope;
        if (name.empty()) name = d_.scopes[m].path;
        const Timescale& ts = d_.scopes[m].timescale;
        std::string text = fmt::format("Time scale of ({}) is {} / {}", name,
                                       timeUnitName(ts.specified ? ts.unit : 0),
                                       timeUnitName(ts.specified ? ts.precision : 0));
        std::string escaped;
        for (char ch : text) escaped += ch == '%' ? std::string("%%") : std::string(1, ch);
        uint32_t id = serviceSite(n, st.loc, {}, 'd', true);
        SiteArg sa;
        sa.kind = SiteArg::String;
        sa.text = escaped;
        svc_[id].args.push_back(sa);
        ringYield(ind);
        line(ind,
             fmt::format("pack_site(s, {0}, ring_push(s.sched, kSvcDisplay, {0}).payload);", id));
        return true;
    }
    return false;
}

// The object $printtimescale names (17.3.1 names a module; as Icarus, any named object: its
// full name, a constant word or select shown as [i] and [msb:lsb], and its scope).
bool Generator::timescaleObject(const Expr& e, std::string& name, ScopeId& scope) const {
    switch (e.kind) {
    case ExprKind::Scope:
        scope = e.scope;
        name = d_.scopes[e.scope].path;
        return true;
    case ExprKind::Signal:
        scope = d_.signals[e.signal].scope;
        name = d_.signals[e.signal].path;
        return true;
    case ExprKind::ArrayElement:
        scope = d_.signals[e.signal].scope;
        name = d_.signals[e.signal].path;
        for (const auto& i : e.operands) {
            auto v = i ? constIndex(*i) : std::nullopt;
            if (!v) return false;
            name += fmt::format("[{}]", *v);
        }
        return true;
    case ExprKind::Select: {
        if (e.operands.empty() || !timescaleObject(*e.operands[0], name, scope)) return false;
        if (e.select == SelectKind::Part) {
            name += fmt::format("[{}:{}]", e.msb, e.lsb);
            return true;
        }
        auto v = e.operands.size() > 1 && e.operands[1] ? constIndex(*e.operands[1]) : std::nullopt;
        if (!v || e.select != SelectKind::Bit) return false;
        name += fmt::format("[{0}:{0}]", *v);
        return true;
    }
    case ExprKind::Const:
    case ExprKind::RealConst: { // a parameter: its scope is the path before its name
        if (e.name.empty()) return false;
        std::string owner = e.name.substr(0, e.name.rfind('.'));
        for (ScopeId s = 0; s < d_.scopes.size(); ++s)
            if (d_.scopes[s].path == owner) {
                scope = s;
                name = e.name;
                return true;
            }
        return false;
    }
    default:
        return false;
    }
}

} // namespace metalfpga::codegen::detail
