#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

uint32_t Generator::serviceSite(const Stmt& st, char conv, bool newline) {
    std::vector<const Expr*> args;
    for (const auto& a : st.args) args.push_back(a.get());
    return serviceSite(st.name, st.loc, args, conv, newline);
}

uint32_t Generator::serviceSite(const std::string& task, SourceLoc loc,
                                const std::vector<const Expr*>& args, char conv, bool newline,
                                const std::vector<bool>& isOutput) {
    ServiceSite site;
    site.task = task;
    site.defaultConv = conv;
    site.newline = newline;
    site.scope = d_.scopes[curScope_].path;
    site.timeUnit = timeUnit(curScope_);
    site.where = where(loc);
    std::string pack;
    uint32_t off = 0;
    // Time arguments go last so that $monitor compares only the others.
    std::vector<std::pair<size_t, const Expr*>> late;
    for (size_t i = 0; i < args.size(); ++i) {
        const Expr* a = args[i];
        SiteArg sa;
        if (!a || (i < isOutput.size() && isOutput[i])) {
            sa.kind = SiteArg::Empty;
        } else if (a->kind == ExprKind::Const && a->isString) {
            sa.kind = SiteArg::String;
            sa.text = stringOf(a->value);
        } else if (a->kind == ExprKind::SystemCall &&
                   (a->name == "$time" || a->name == "$stime" || a->name == "$realtime")) {
            late.push_back({i, a});
            sa.kind = a->name == "$realtime" ? SiteArg::Real : SiteArg::Vector;
            if (a->name == "$realtime") {
                ScopeId m = curScope_;
                while (m != kNone && d_.scopes[m].kind != ScopeKind::Module)
                    m = d_.scopes[m].parent;
                const Timescale* ts = m == kNone ? nullptr : &d_.scopes[m].timescale;
                sa.realtimeDigits = ts && ts->specified ? ts->unit - ts->precision : 0;
            }
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
            SignalId n = kNone;
            uint32_t b = 0, w = 1;
            if (a->kind == ExprKind::Signal && isSvNet(rep(a->signal)))
                n = rep(a->signal), w = storageType(n).width;
            else if (!netBit(a, n, b) || !isSvNet(n))
                n = kNone;
            if (n != kNone && w == a->type.width) { // strengths for %v
                sa.strength = true;
                sa.svOffset = off;
                pack += fmt::format("        pack_sv(p, {}, s.sv{} + {}, {});\n", off, n, b, w);
                off += (w + 7) / 8;
            }
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
    auto base = [&](const char* prefix) { return radixVariant(n, prefix); };
    auto yieldPoint = [&]() {
        if (inFunction_) {
            line(ind,
                 "if (ring_full(s.sched)) { model_error(s.sched, kErrRingInFunction, 0); return "
                 "{}; }");
            return;
        }
        ringYield(ind);
    };
    if (inFunction_ && (n != "$display" && n != "$write")) {
        unsupported(st.loc, n + " in a function");
        return;
    }
    if (fileTask(st, ind)) return;
    if (stringTask(st, ind)) return;
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
    if (dumpTask(st, ind)) return;
    if (n == "$sdf_annotate") return; // applied while compiling (sdf/annotate.cpp)
    unsupported(st.loc, "the system task " + n);
}

} // namespace metalfpga::codegen::detail
