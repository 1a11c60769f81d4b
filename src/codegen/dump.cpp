// VCD dumping (IEEE 1364-2005 clause 18). Code generation resolves each $dumpvars call to the
// variables it selects; every dumped value (one per merged signal) gets a "last dumped" copy in
// State. At the end of each time slot the model compares the selected values with their copies
// and pushes one kSvcDump record per change; $dumpvars (at the end of its slot), $dumpon and
// $dumpall push a section of all selected values, $dumpoff one record. The host
// (src/runtime/vcd_writer.cpp) writes the file.
#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

const char* scopeKindVcd(ScopeKind k) {
    switch (k) {
    case ScopeKind::Module:
        return "module";
    case ScopeKind::Function:
        return "function";
    case ScopeKind::Task:
        return "task";
    default:
        return "begin";
    }
}

std::string varType(const Signal& sg) {
    switch (sg.kind) {
    case SignalKind::Net:
        // VCD writes plain, implicit and uwire nets as wire.
        return sg.netType == NetType::None || sg.netType == NetType::Wire ||
                       sg.netType == NetType::Uwire
                   ? "wire"
                   : netTypeName(sg.netType);
    case SignalKind::Reg:
        return "reg";
    case SignalKind::Integer:
        return "integer";
    case SignalKind::Time:
        return "time";
    case SignalKind::Real:
    case SignalKind::Realtime:
        return "real";
    case SignalKind::Event:
        return "event";
    }
    return "reg";
}

} // namespace

void Generator::dumpSignal(SignalId sg, std::vector<uint32_t>& out) {
    const Signal& s = d_.signals[sg];
    if (s.isArray() || s.automatic) return; // memories are not dumped
    auto it = dumpVarOf_.find(sg);
    if (it != dumpVarOf_.end()) {
        out.push_back(it->second);
        return;
    }
    SignalId r = rep(sg);
    uint32_t value;
    if (auto v = dumpValueOf_.find(r); v != dumpValueOf_.end()) {
        value = v->second;
    } else {
        value = static_cast<uint32_t>(dump_.values.size());
        dumpValueOf_[r] = value;
        dumpValueSig_.push_back(r);
        DumpValue dv;
        Type t = storageType(r);
        dv.isReal = t.isReal;
        dv.isEvent = d_.signals[r].kind == SignalKind::Event;
        dv.width = dv.isReal || dv.isEvent ? 1 : t.width;
        dump_.values.push_back(dv);
    }
    DumpVar v;
    for (ScopeId sc = s.scope; sc != kNone; sc = d_.scopes[sc].parent)
        v.scope.insert(v.scope.begin(), {scopeKindVcd(d_.scopes[sc].kind), d_.scopes[sc].name});
    v.name = s.name;
    v.path = s.path;
    v.type = varType(s);
    v.value = value;
    v.width = dump_.values[value].width;
    if (s.vector || s.kind == SignalKind::Integer || s.kind == SignalKind::Time)
        v.range = fmt::format("[{}:{}]", s.range.msb, s.range.lsb);
    uint32_t id = static_cast<uint32_t>(dump_.vars.size());
    dump_.vars.push_back(std::move(v));
    dumpVarOf_[sg] = id;
    out.push_back(id);
}

void Generator::dumpScope(ScopeId sc, int64_t levels, std::vector<uint32_t>& out) {
    const Scope& s = d_.scopes[sc];
    if (s.routine != kNone && d_.routines[s.routine].automatic) return;
    for (SignalId sg : s.signals) {
        if (s.kind == ScopeKind::Function && s.routine != kNone &&
            d_.routines[s.routine].result == sg)
            continue; // the function's return variable is not dumped
        dumpSignal(sg, out);
    }
    if (levels == 1) return;
    for (ScopeId c : s.children) dumpScope(c, levels == 0 ? 0 : levels - 1, out);
}

uint32_t Generator::dumpPayload() const {
    uint32_t n = 1;
    for (const DumpValue& v : dump_.values)
        n = std::max(n, v.isReal ? 1u : v.isEvent ? 1u : 2 * rt::k::nwords(v.width));
    return n;
}

bool Generator::dumpTask(const Stmt& st, int ind) {
    const std::string& n = st.name;
    if (n != "$dumpvars" && n != "$dumpfile" && n != "$dumpon" && n != "$dumpoff" &&
        n != "$dumpall" && n != "$dumplimit" && n != "$dumpflush")
        return false;
    dumpUsed_ = true;
    auto resume = [&]() {
        uint32_t k = ++nextResume_;
        line(ind, fmt::format("R{}:;", k));
        return k;
    };
    auto ringWait = [&](uint32_t k) {
        return fmt::format("if (ring_full(s.sched)) {{ s.pc[{}] = {}; return kRingFull; }}",
                           curProc_, k);
    };
    if (n == "$dumpfile" || n == "$dumplimit") {
        if (st.args.empty() || !st.args[0]) {
            diags_.error(st.loc, fmt::format("{} needs an argument", n));
            failed_ = true;
            return true;
        }
        uint32_t site = serviceSite(st, 'd', false);
        ringYield(ind);
        line(ind,
             fmt::format("{{ auto& r = ring_push(s.sched, kSvcDump, {}); r.a = {}; "
                         "pack_site(s, {}, r.payload); }}",
                         site, static_cast<unsigned>(n == "$dumpfile" ? kDumpFile : kDumpLimit),
                         site));
        return true;
    }
    if (n == "$dumpflush") {
        ringYield(ind);
        line(ind, fmt::format("ring_push(s.sched, kSvcDump, 0).a = {};",
                              static_cast<unsigned>(kDumpFlush)));
        return true;
    }
    if (n == "$dumpoff") {
        // The x section; then, as Icarus does, the changes made earlier in this time step.
        uint32_t k = resume();
        line(ind, "if (s.dump_on && s.dump_state == 2) {");
        line(ind + 1, ringWait(k));
        line(ind + 1, fmt::format("ring_push(s.sched, kSvcDump, 0).a = {};",
                                  static_cast<unsigned>(kDumpOff)));
        line(ind + 1, "s.dump_sec = 4;");
        line(ind + 1, "s.dump_pos = 0;");
        line(ind, "}");
        line(ind, "s.dump_on = 0;");
        uint32_t k2 = resume();
        line(ind, fmt::format("if (s.dump_sec == 4 && dump_changes(s) == kRingFull) {{ s.pc[{}] = "
                              "{}; return kRingFull; }}",
                              curProc_, k2));
        return true;
    }
    if (n == "$dumpon" || n == "$dumpall") {
        if (n == "$dumpon")
            line(ind, "if (!s.dump_on) { s.dump_on = 1; if (s.dump_state == 2) { s.dump_sec = 2; "
                      "s.dump_pos = 0; } }");
        else
            line(ind, "if (s.dump_on && s.dump_state == 2) { s.dump_sec = 3; s.dump_pos = 0; }");
        uint32_t k = resume();
        line(ind, fmt::format("if (s.dump_sec && dump_section(s) == kRingFull) {{ s.pc[{}] = {}; "
                              "return kRingFull; }}",
                              curProc_, k));
        return true;
    }
    // $dumpvars [(levels [, scope or variable ...])]
    int64_t levels = 0;
    if (!st.args.empty() && st.args[0]) {
        const Expr& l = *st.args[0];
        if (l.kind != ExprKind::Const || l.value.has_xz()) {
            unsupported(l.loc, "a $dumpvars level that is not a constant");
            return true;
        }
        levels = static_cast<int64_t>(l.value.to_u64());
    }
    std::vector<uint32_t> vars;
    if (st.args.size() <= 1) {
        for (ScopeId t : d_.tops) dumpScope(t, levels, vars);
    } else {
        for (size_t i = 1; i < st.args.size(); ++i) {
            const Expr* a = st.args[i].get();
            if (!a) continue;
            if (a->kind == ExprKind::Scope)
                dumpScope(a->scope, levels, vars);
            else if (a->kind == ExprKind::Signal)
                dumpSignal(a->signal, vars);
            else
                unsupported(a->loc, "this $dumpvars argument (a scope or a variable is expected)");
        }
    }
    uint32_t call = static_cast<uint32_t>(dump_.calls.size());
    dump_.calls.push_back(vars);
    ringYield(ind);
    line(ind, fmt::format("{{ auto& r = ring_push(s.sched, kSvcDump, {}); r.a = {}; }}", call,
                          static_cast<unsigned>(kDumpVars)));
    line(ind, "if (s.dump_state != 2) {");
    line(ind + 1, "s.dump_state = 1;");
    std::set<uint32_t> values;
    for (uint32_t v : vars) values.insert(dump_.vars[v].value);
    for (uint32_t v : values) line(ind + 1, fmt::format("s.dsel[{}] = 1;", v));
    line(ind, "}");
    return true;
}

std::string Generator::dumpMembers() const {
    std::string o = "    u32 dump_state; // 0: no $dumpvars yet, 1: header due, 2: dumping\n"
                    "    u32 dump_on, dump_sec, dump_pos;\n";
    o += fmt::format("    unsigned char dsel[{}];\n", std::max<size_t>(1, dump_.values.size()));
    for (uint32_t v = 0; v < dump_.values.size(); ++v)
        o += fmt::format("    {} dl{}; // last dumped {}\n", cppType(storageType(dumpValueSig_[v])),
                         v, d_.signals[dumpValueSig_[v]].path);
    return o;
}

std::string Generator::dumpInit() const {
    std::string o = "    s.dump_state = 0; s.dump_on = 1; s.dump_sec = 0; s.dump_pos = 0;\n";
    o += fmt::format("    for (u32 i = 0; i < {}; ++i) s.dsel[i] = 0;\n",
                     std::max<size_t>(1, dump_.values.size()));
    return o;
}

std::string Generator::dumpCode() const {
    size_t nv = dump_.values.size();
    std::string o;
    auto L = [&](const std::string& s) {
        o += s;
        o += '\n';
    };
    L(fmt::format("constexpr u32 kDumpValues = {};", nv));
    // Whether value v differs from its last dumped copy.
    L("MF_HD inline bool dump_changed(const State& s, u32 v) {");
    L("    switch (v) {");
    for (uint32_t v = 0; v < nv; ++v) {
        SignalId sg = dumpValueSig_[v];
        if (dump_.values[v].isReal)
            L(fmt::format("    case {0}: return bits::double_to_bits(s.s{1}) != "
                          "bits::double_to_bits(s.dl{0});",
                          v, sg));
        else
            L(fmt::format("    case {0}: return !k::case_eq(s.s{1}.cref(), s.dl{0}.cref());", v,
                          sg));
    }
    L("    default: return false;");
    L("    }");
    L("}");
    // Pushes value v (the ring has room) and makes it the last dumped copy.
    L("MF_HD inline void dump_value(State& s, u32 v) {");
    L(fmt::format("    auto& r = ring_push(s.sched, kSvcDump, v); r.a = {};",
                  static_cast<unsigned>(kDumpValue)));
    L("    (void)r;");
    L("    switch (v) {");
    for (uint32_t v = 0; v < nv; ++v) {
        SignalId sg = dumpValueSig_[v];
        if (dump_.values[v].isEvent)
            L(fmt::format("    case {0}: s.dl{0} = s.s{1}; break;", v, sg));
        else
            L(fmt::format("    case {0}: pack(r.payload, 0, s.s{1}); s.dl{0} = s.s{1}; break;", v,
                          sg));
    }
    L("    default: break;");
    L("    }");
    L("}");
    // A section (s.dump_sec: 1 $dumpvars, 2 $dumpon, 3 $dumpall) from s.dump_pos: begin,
    // every selected value, end.
    L("MF_HD inline u32 dump_section(State& s) {");
    L("    while (s.dump_pos <= kDumpValues + 1) {");
    L("        u32 p = s.dump_pos;");
    L("        if (p >= 1 && p <= kDumpValues && !s.dsel[p - 1]) { ++s.dump_pos; continue; }");
    L("        if (ring_full(s.sched)) return kRingFull;");
    L("        if (p >= 1 && p <= kDumpValues) {");
    L("            dump_value(s, p - 1);");
    L("        } else {");
    L("            auto& r = ring_push(s.sched, kSvcDump, 0);");
    L(fmt::format("            r.a = p == 0 ? {} : {};", static_cast<unsigned>(kDumpBegin),
                  static_cast<unsigned>(kDumpEnd)));
    L("            r.b = s.dump_sec;");
    L("        }");
    L("        ++s.dump_pos;");
    L("    }");
    L("    s.dump_sec = 0;");
    L("    s.dump_pos = 0;");
    L("    return 0;");
    L("}");
    // The values changed since they were last dumped, from s.dump_pos (after $dumpoff).
    L("MF_HD inline u32 dump_changes(State& s) {");
    L("    for (; s.dump_pos < kDumpValues; ++s.dump_pos) {");
    L("        u32 v = s.dump_pos;");
    L("        if (!s.dsel[v] || !dump_changed(s, v)) continue;");
    L("        if (ring_full(s.sched)) return kRingFull;");
    L("        dump_value(s, v);");
    L("    }");
    L("    s.dump_sec = 0;");
    L("    s.dump_pos = 0;");
    L("    return 0;");
    L("}");
    // End of a time slot: the header section after $dumpvars, else the changes.
    L("MF_HD inline u32 dump_slot(State& s) {");
    L("    if (s.dump_state == 1) {");
    L("        if (!s.dump_sec) { s.dump_sec = 1; s.dump_pos = 0; }");
    L("        if (dump_section(s) == kRingFull) return kRingFull;");
    L("        s.dump_state = 2;");
    L("        return 0;");
    L("    }");
    L("    if (s.dump_state != 2 || !s.dump_on) return 0;");
    L("    for (u32 v = 0; v < kDumpValues; ++v) {");
    L("        if (!s.dsel[v] || !dump_changed(s, v)) continue;");
    L("        if (ring_full(s.sched)) return kRingFull;");
    L("        dump_value(s, v);");
    L("    }");
    L("    if (s.sched.future_count == 0 && !s.sched.pending_end && !ring_full(s.sched))");
    L(fmt::format("        ring_push(s.sched, kSvcDump, 0).a = {};",
                  static_cast<unsigned>(kDumpLast)));
    L("    return 0;");
    L("}");
    return o;
}

} // namespace metalfpga::codegen::detail
