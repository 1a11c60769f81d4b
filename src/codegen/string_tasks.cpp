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
        if (!st.args.empty() && st.args[0]) {
            if (st.args[0]->kind != ExprKind::Scope || st.args.size() > 1) {
                diags_.error(st.loc, "$printtimescale takes one module instance name");
                failed_ = true;
                return true;
            }
            scope = st.args[0]->scope;
        }
        ScopeId m = moduleOf(scope);
        if (m == kNone) m = scope;
        const Timescale& ts = d_.scopes[m].timescale;
        std::string text = fmt::format("Time scale of ({}) is {} / {}", d_.scopes[m].path,
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

} // namespace metalfpga::codegen::detail
