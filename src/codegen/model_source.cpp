#include "codegen/generator.h"
#include "plan/start_order.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// The NBA queue holds the updates of one time slot. Its size comes from the design: every push
// site counts once (kLoopNbaPushes times inside a loop), plus room for sites that run more than
// once per slot, within [64, 4096] entries; --nba-queue sets the entry count instead. A slot
// that needs more ends with a model error naming the limit.
std::pair<uint32_t, uint32_t> Generator::nbaQueueSize() const {
    auto pow2 = [](uint64_t v, uint64_t lo, uint64_t hi) {
        uint64_t p = lo;
        while (p < v && p < hi) p *= 2;
        return static_cast<uint32_t>(p);
    };
    if (opt_.nbaQueue) return {opt_.nbaQueue, opt_.nbaQueue * 16};
    // Loops make the bound a guess, so it is capped; but every NBA outside a loop may fire in
    // the same time slot (a wide design clocked by one edge), so the cap never goes below
    // what those need.
    // Order-free leaves never use the queue (their shadows commit in commit_free).
    NbaBound all;
    for (uint32_t i = 0; i < leaves_.size(); ++i) {
        if (orderFree(leaves_[i])) continue;
        const NbaBound& b = leafBounds_[i];
        all.pushes += b.pushes;
        all.words += b.words;
        all.sitePushes += b.sitePushes;
        all.siteWords += b.siteWords;
    }
    uint32_t entryCap = pow2(all.sitePushes + 64, 4096, 1u << 18);
    uint32_t wordCap = pow2(all.siteWords + 256, 65536, 1u << 22);
    uint32_t entries = pow2(all.pushes + 64, 64, entryCap);
    uint32_t words = pow2(all.words + 256, 512, wordCap);
    return {entries, words};
}

// Time 0: every process is activated, in the order of start_order.h. Runs of consecutive ids
// are written as loops, so a large design's init stays short.
std::string Generator::startProcesses() const {
    std::vector<uint32_t> order = plan::startOrder(d_, procs_, isCa_, !opt_.twoState);
    if (!opt_.twoState)
        order.erase(std::remove_if(order.begin(), order.end(),
                                   [&](uint32_t p) { return staticAlways_.count(p) != 0; }),
                    order.end());
    std::string o;
    for (size_t i = 0; i < order.size();) {
        size_t j = i + 1;
        int step = 0;
        if (j < order.size() && (order[j] == order[i] + 1 || order[j] + 1 == order[i])) {
            step = order[j] > order[i] ? 1 : -1;
            while (j < order.size() && int64_t(order[j]) - int64_t(order[j - 1]) == step) ++j;
        }
        if (step == 0)
            o += fmt::format("    activate(s.sched, {});\n", order[i]);
        else if (step > 0)
            o += fmt::format("    for (u32 p = {}; p <= {}; ++p) activate(s.sched, p);\n", order[i],
                             order[j - 1]);
        else
            o += fmt::format("    for (u32 p = {}; p + 1 > {}; --p) activate(s.sched, p);\n",
                             order[i], order[j - 1]);
        i = j;
    }
    return o;
}

bool Generator::hasFanout(SignalId i) const {
    return listed(sigSites_, i) || listed(sigCas_, i) || listed(sigPca_, i) || pathStamps_.count(i);
}

std::optional<Model> Generator::run() {
    setupAliases();
    // The model's processes, as the plan chose them (plan/processes.cpp).
    for (size_t k = 0; k < plan_.model.size(); ++k) {
        procs_.push_back(&d_.processes[plan_.model[k]]);
        isCa_.push_back(plan_.continuous[k]);
    }
    pulls_ = plan_.pulls;
    collectPathStamps();
    for (const plan::Unsupported& u : plan_.unsupported) unsupported(u.loc, u.what);
    if (failed_) return std::nullopt;
    if (!checkDrivers()) return std::nullopt;
    planStaticComb();

    disabled_ = plan_.disabledScopes;
    std::vector<std::string> procCode, fnCode;
    for (uint32_t i = 0; i < procs_.size(); ++i) {
        if (isCa_[i]) {
            std::set<SignalId> reads;
            std::set<RoutineId> seen;
            for (const Expr* e : sources(*procs_[i])) collectReads(e, reads, seen);
            for (const Expr* t : targets(*procs_[i])) collectTargetReads(t, reads, seen);
            for (SignalId r : reads) sigCas_[r].insert(i);
        } else if (staticAlways_.count(i)) {
            for (const EventItem& ev : procs_[i]->body->timing->events)
                sigCas_[rep(ev.expr->signal)].insert(i);
        }
        procCode.push_back(genProcess(i));
    }
    for (RoutineId r = 0; r < d_.routines.size(); ++r)
        if (d_.routines[r].isFunction) fnCode.push_back(genFunction(r));
    if (failed_) return std::nullopt;
    decideClockRunners(); // clock_runners.cpp: every wait site and NBA leaf exists

    Model m;
    m.precision = d_.globalPrecision();
    m.ringCapacity = opt_.ringCapacity;
    uint32_t payload = 1;
    for (uint32_t i = 0; i < svc_.size(); ++i) {
        uint32_t n = 0;
        for (const auto& a : svc_[i].args)
            if (a.kind == SiteArg::Vector)
                n = std::max(n, a.strength ? a.svOffset + (a.width + 7) / 8
                                           : a.offset + 2 * rt::k::nwords(a.width));
            else if (a.kind == SiteArg::Real)
                n = std::max(n, a.offset + 1);
        for (const auto& a : svc_[i].args) // %v strengths after the vector
            if (a.strength) n = std::max(n, a.svOffset + (a.width + 7) / 8);
        payload = std::max(payload, n);
    }
    payload = std::max(payload, dumpPayload());
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
    if (opt_.twoState) L("// 2-state model (--2state): X and Z read as 0.");
    size_t largest = 0;
    for (const std::string& c : procCode) largest = std::max(largest, largestFunction(c));
    for (const std::string& c : fnCode) largest = std::max(largest, largestFunction(c));
    for (const Synth& sy : synth_) largest = std::max(largest, largestFunction(sy.code));
    if (!forcedInlineAffordable(largest)) { // outline.cpp
        L("#ifndef MF_NO_FORCE_INLINE");
        L("#define MF_NO_FORCE_INLINE // a function too large to compile with forced inlining");
        L("#endif");
    }
    L("#include \"metalfpga/rt/model.h\"");
    L("#include \"metalfpga/rt/gates.h\"");
    L("#include \"metalfpga/rt/strength.h\"");
    L("#include \"metalfpga/rt/dist.h\"");
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
    if (staticLevels_)
        L("constexpr u32 kSettle = kProcs; // the static schedule's settle pass, queued like a "
          "process");
    if (!runners_.empty()) {
        L("constexpr u32 kRunner0 = kProcs + 1; // clock runners (clock_runners.cpp), queued like "
          "processes");
        L(fmt::format("constexpr u32 kRunners = {};", runners_.size()));
    }
    m.replyWords = replyWords_;
    auto [nbaEntries, nbaWords] = nbaQueueSize();
    m.nbaEntries = nbaEntries;
    L(fmt::format("using SchedT = Sched<2 * kProcs{}, {}, {}, {}, {}, 256, {}, {}>;",
                  runners_.empty() ? "" : " + kRunners", m.ringCapacity, payload, nbaEntries,
                  nbaWords, delayedNba_ ? 64 : 1, m.replyWords));
    L("");
    o += frameStructs();
    L("struct State {");
    L("    SchedT sched;");
    L("    u32 pc[kProcs];");
    L("    u32 wait[kProcs];");
    L("    u32 ca_idle[kProcs];");
    L("    u32 wnext[kProcs]; // wait groups: the next process of the list this one is in");
    L("    u32 wlink[kProcs]; // the group + 1 whose list holds this process, 0: none");
    L(fmt::format("    u32 gh[{}]; // per wait group: the process that waited last",
                  std::max<size_t>(1, groupFirstSite_.size())));
    L("    u32 mon_valid;");
    L(fmt::format("    word mon_last[{}];", payload));
    o += frameMembers();
    o += staticMembers();
    o += clockRunnerMembers();
    // Every wait site, continuous assignment and procedural continuous assignment exists by now,
    // so the signals whose writes wake nothing are known (the commit groups need them).
    for (SignalId i = 0; i < d_.signals.size(); ++i)
        if (rep(i) == i && !hasFanout(i)) wakesNothing_.insert(i);
    L("    u32 nfree; // an order-free NBA shadow holds a pending update (commit_free)");
    L(fmt::format("    u8 gw[{}]; // per commit group of order-free leaves: some leaf was written",
                  std::max<size_t>(1, freeCommit().groups.size())));
    L(fmt::format("    u8 np[{}]; // per NBA leaf: its shadow holds a pending update",
                  std::max<size_t>(1, leaves_.size())));
    // The variables of a commit block, then their shadows, in one order (nba_shadows.cpp).
    std::set<uint32_t> inBlock;
    std::set<SignalId> blockSigs;
    auto shadow = [&](uint32_t l) {
        L(fmt::format("    {} nv{}; // shadow of NBA leaf {} (s{})", cppType(leaves_[l].type), l, l,
                      leaves_[l].sig));
    };
    auto member = [&](SignalId i) {
        const Signal& sg = d_.signals[i];
        std::string arr = sg.isArray() ? fmt::format("[{}]", sg.elementCount()) : "";
        L(fmt::format("    {} s{}{}; // {} ({})", cppType(storageType(i)), i, arr, sg.path,
                      where(sg.loc)));
    };
    for (const std::vector<uint32_t>& b : commitBlocks()) {
        for (uint32_t l : b) {
            inBlock.insert(l);
            blockSigs.insert(leaves_[l].sig);
            member(leaves_[l].sig);
        }
        for (uint32_t l : b) shadow(l);
    }
    for (uint32_t l = 0; l < leaves_.size(); ++l)
        if (shadowed(leaves_[l]) && !inBlock.count(l)) shadow(l);
    for (SignalId i = 0; i < d_.signals.size(); ++i)
        if (rep(i) == i && !d_.signals[i].automatic && !blockSigs.count(i)) member(i);
    for (const std::string& t : temps_) L("    " + t);
    for (auto [i, kinds] : pathStamps_)
        for (auto [bit, name] : {std::pair{1u, "mpt"}, {2u, "mpr"}, {4u, "mpf"}})
            if (kinds & bit)
                L(fmt::format("    u64 {}{}; // when s{} last changed (module paths)", name, i, i));
    for (auto [i, kinds] : pathStamps_)
        if (kinds & 6) L(fmt::format("    u8 mpb{}; // bit 0 of s{} before its last change", i, i));
    o += dumpMembers();
    for (auto& [sg, dl] : multi_)
        for (size_t k = 0; k < dl.size(); ++k)
            L(fmt::format("    {} dv{}_{}{}; // driver {} of {}",
                          byteSlot(sg, k) ? "u8" : logicType(storageType(sg)), sg, k,
                          byteSlot(sg, k) ? fmt::format("[{}]", storageType(sg).width) : "",
                          where(procs_[dl[k]]->loc), d_.signals[sg].path));
    o += strengthMembers();
    for (SignalId i : forced_) L(fmt::format("    {} fmask_s{}; // forced bits", maskType(i), i));
    for (uint32_t i = 0; i < pcaSites_.size(); ++i)
        if (pcaSites_[i].force)
            L(fmt::format("    {} fm{}; // bits force site {} holds", maskType(pcaSites_[i].sig), i,
                          i));
    for (SignalId i : assigned_) L(fmt::format("    u32 pca_s{}; // active assign site + 1", i));
    L("};");
    L("");
    // Accessors: all signal access goes through these.
    // The triggers of the static schedule come first: small fanouts are written into setters.
    o += staticTriggers();
    L("MF_HD MF_INLINE void trigger_ca(State& s, u32 p) {");
    L("    if (s.ca_idle[p]) { s.ca_idle[p] = 0; activate(s.sched, p); }");
    L("}");
    for (SignalId i = 0; i < d_.signals.size(); ++i) {
        if (rep(i) != i) continue;
        const Signal& sg = d_.signals[i];
        if (sg.automatic) {
            o += frameAccessors(i);
            continue;
        }
        std::string t = cppType(storageType(i));
        bool real = storageType(i).isReal;
        std::string ref = fmt::format("s.s{}", i);
        L(fmt::format("MF_HD MF_OUTLINE void fanout_s{}(State& s);", i));
        if (sg.isArray()) {
            uint64_t n = sg.elementCount();
            L(fmt::format(
                "MF_HD inline {0} get_s{1}_elem(const State& s, i64 ix) {{ return ix >= 0 && "
                "ix < {2} ? s.s{1}[ix] : {3}; }}",
                t, i, n, real ? "0.0" : t + "::x()"));
            L(fmt::format("MF_HD inline void set_s{0}_elem(State& s, i64 ix, const {1}& v) {{", i,
                          t));
            L(fmt::format("    if (ix < 0 || ix >= {}) return;", n));
            o += unchangedReturn(i, ref + "[ix]");
            L(fmt::format("    s.s{}[ix] = v;", i));
            o += fanoutCall(i);
            L("}");
        } else {
            L(fmt::format("MF_HD inline const {0}& get_s{1}(const State& s) {{ return s.s{1}; }}",
                          t, i));
            bool frc = forced_.count(i) != 0, pca = assigned_.count(i) != 0;
            if (frc || pca) {
                L(fmt::format("MF_HD inline void put_s{0}(State& s, const {1}& v) {{", i, t));
                o += unchangedReturn(i, ref);
                L(fmt::format("    s.s{} = v;", i));
                o += fanoutCall(i);
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
                o += unchangedReturn(i, ref);
                L(fmt::format("    s.s{} = v;", i));
                o += fanoutCall(i);
                L("}");
            }
            if (directSetters_.count(i)) {
                L(fmt::format("MF_HD inline void setd_s{0}(State& s, const {1}& v) {{", i, t));
                if (frc || pca || wakesNothing_.count(i)) {
                    L(fmt::format("    set_s{}(s, v);", i));
                } else {
                    o += unchangedReturn(i, ref);
                    L(fmt::format("    s.s{} = v;", i));
                    L("    " + fanoutCode(i));
                }
                L("}");
            }
        }
    }
    o += nbaLeafPushers();
    L("");
    o += flatFunctions_; // flat_expressions.cpp: they read signals through the accessors above
    o += dumpCode();
    // Wait groups: a process that waits joins the front of its group's list (wait_push); a
    // process still listed from an earlier wait (it was disabled) leaves that list first.
    L("MF_HD inline MF_OUTLINE void wait_unlink(State& s, u32 p) {");
    L("    u32* at = &s.gh[s.wlink[p] - 1];");
    L("    while (*at != p && *at != kDone) at = &s.wnext[*at];");
    L("    if (*at == p) *at = s.wnext[p];");
    L("    s.wlink[p] = 0;");
    L("}");
    L("MF_HD inline void wait_push(State& s, u32 g, u32 p) {");
    L("    if (s.wlink[p]) wait_unlink(s, p);");
    L("    s.wnext[p] = s.gh[g]; s.gh[g] = p; s.wlink[p] = g + 1;");
    L("}");
    o += armFunctions();
    o += shadowSyncs();
    o += strengthCode();
    for (auto& [sg, dl] : multi_) {
        if (isSvNet(sg)) continue; // strengthCode()
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
        std::string t = logicType(storageType(sg)); // resolution is 4-state in both modes
        L(fmt::format("MF_HD inline MF_OUTLINE void resolve_s{}(State& s) {{ // {} {}", sg,
                      netTypeName(sig.netType), sig.path));
        if (dl.empty())
            L(fmt::format("    {} r = {}::z();", t, t));
        else
            L(fmt::format("    {} r = s.dv{}_0;", t, sg));
        for (size_t k = 1; k < dl.size(); ++k)
            L(fmt::format("    resolve_into(r, s.dv{}_{}, {});", sg, k, kind));
        if (sig.netType == NetType::Supply0) L(fmt::format("    r = {}();", t));
        if (sig.netType == NetType::Supply1) L(fmt::format("    r = {}::ones();", t));
        if (pull >= 0)
            L(fmt::format("    resolve_undriven(r, {}, {});", pull,
                          toSlot("s.s" + std::to_string(sg), storageType(sg))));
        L(fmt::format("    set_s{}(s, {});", sg,
                      opt_.twoState ? cppType(storageType(sg)) + "(r)" : std::string("r")));
        L("}");
    }
    L("");
    // Each item of a wait site against its snapshot (`s.<snap>_<i>`): sets `hit` on a change
    // (any edge) or the edge waited for, then takes the new value.
    auto itemChecks = [&](const WaitSite& ws, const std::string& snap) {
        for (size_t i = 0; i < ws.items.size(); ++i) {
            const WaitItem& it = ws.items[i];
            L("    {");
            curScope_ = kNone;
            L(fmt::format("        auto v = {};", expr(*it.expr)));
            if (it.edge == Edge::Any && it.type.isReal) // a numeric change, as in Icarus
                L(fmt::format("        if (v != s.{}_{}) hit = true;", snap, i));
            else if (it.edge == Edge::Any)
                L(fmt::format("        if (!k::case_eq(v.cref(), s.{}_{}.cref())) hit = true;",
                              snap, i));
            else
                L(fmt::format("        if (edge_matches({}, s.{}_{}.bit_code(0), v.bit_code(0))) "
                              "hit = true;",
                              it.edge == Edge::Posedge ? "kPosedge" : "kNegedge", snap, i));
            L(fmt::format("        s.{}_{} = v;", snap, i));
            L("    }");
        }
    };
    // A group's items are evaluated once per change; when it fires, its whole list wakes,
    // the process that waited last first.
    for (uint32_t g = 0; g < groupFirstSite_.size(); ++g) {
        const WaitSite& ws = sites_[groupFirstSite_[g]];
        L(fmt::format("MF_HD MF_OUTLINE void wake_group_{}(State& s) {{", g));
        if (!groupChangeOnly_[g]) {
            L("    bool hit = false;");
            itemChecks(ws, "gw" + std::to_string(g));
            L("    if (!hit) return;");
        }
        o += clockRunnerWake(g);
        L(fmt::format("    u32 p = s.gh[{0}]; s.gh[{0}] = kDone;", g));
        L("    while (p != kDone) {");
        L("        u32 n = s.wnext[p]; s.wlink[p] = 0;");
        L("        if (s.wait[p] != ~0u) { s.wait[p] = ~0u; activate(s.sched, p); }");
        L("        p = n;");
        L("    }");
        L("}");
    }
    for (uint32_t id = 0; id < sites_.size(); ++id) {
        const WaitSite& ws = sites_[id];
        if (siteGroup_[id] != kNone) continue; // woken by its group
        L(fmt::format("MF_HD void check_site_{}(State& s) {{", id));
        L("    bool hit = false;");
        for (const FrameRef& f : ws.frames) // the items read the frames of their activation
            L(fmt::format("    u32 fsave{0} = s.fcur{0}; s.fcur{0} = {1};", f.first, f.second));
        itemChecks(ws, "w" + std::to_string(id));
        for (const FrameRef& f : ws.frames) L(fmt::format("    s.fcur{0} = fsave{0};", f.first));
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
        if (!rt_.isFunction) continue;
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
    for (uint32_t i = 0; i < procCount(); ++i)
        L(fmt::format("MF_HD MF_OUTLINE u32 proc_{}(State& s);", i));
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
    for (auto& [p, code] : udpSample_) L(code);
    for (auto& pc : procCode) L(pc);
    o += clockRunnerCode();
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
    std::vector<uint32_t> groupLastSite(groupFirstSite_.size(), 0);
    for (uint32_t site = 0; site < siteGroup_.size(); ++site)
        if (siteGroup_[site] != kNone) groupLastSite[siteGroup_[site]] = site;
    for (SignalId i = 0; i < d_.signals.size(); ++i) {
        if (rep(i) != i) continue;
        L(fmt::format("MF_HD void fanout_s{}(State& s) {{", i));
        L("    (void)s;");
        o += pathStampCode(i);
        // In the order Icarus notifies its event objects: by the last site that waits on
        // them (a group sits where its last site was made).
        std::map<uint32_t, std::string> wakes;
        for (uint32_t site : sigSites_[i]) {
            uint32_t g = siteGroup_[site];
            if (g == kNone)
                wakes[site] = fmt::format("    if (s.wait[{}] == {}) check_site_{}(s);",
                                          sites_[site].proc, site, site);
            else
                wakes[groupLastSite[g]] =
                    groupHasRunner(g)
                        ? fmt::format(
                              "    if (s.gh[{0}] != kDone || s.gda[{0}]) wake_group_{0}(s);", g)
                        : fmt::format("    if (s.gh[{0}] != kDone) wake_group_{0}(s);", g);
        }
        if (wakesNothing_.count(i) && hasFanout(i))
            throw std::logic_error("a wait site was made after the accessors were written");
        for (auto& [at, line] : wakes) L(line);
        for (uint32_t p : sigCas_[i]) {
            if (udpSample_.count(p)) L(fmt::format("    udp_sample_{}(s);", p));
            if (staticLevel_.count(p))
                L("    " + staticTrigger(p));
            else
                L(fmt::format("    trigger_ca(s, {});", p));
        }
        for (uint32_t ps : sigPca_[i]) L(fmt::format("    pca_site_{}(s);", ps));
        L("}");
    }
    L("");
    // Nets some continuous assignment drives as a whole or in part: they start at x, not z.
    std::set<SignalId> drivenNets;
    for (uint32_t p = 0; p < procs_.size(); ++p) {
        if (!isCa_[p]) continue;
        std::vector<const Expr*> st = targets(*procs_[p]);
        while (!st.empty()) {
            const Expr* e = st.back();
            st.pop_back();
            if (e->kind == ExprKind::Signal) drivenNets.insert(rep(e->signal));
            if (e->kind == ExprKind::Select || e->kind == ExprKind::Concat)
                for (const auto& x : e->operands) st.push_back(x.get());
        }
    }
    std::vector<std::string> sigInit;
    for (SignalId i = 0; i < d_.signals.size(); ++i) {
        if (rep(i) != i || d_.signals[i].automatic) continue;
        const Signal& sg = d_.signals[i];
        Type t = storageType(i);
        std::string v;
        // A variable initialiser is an assignment at time 0 in 4-state models (its process,
        // Process::varInit), a value stored before time 0 in 2-state ones.
        if (t.isReal) {
            v = sg.initReal && opt_.twoState ? realLiteral(*sg.initReal) : "0.0";
        } else if (sg.kind == SignalKind::Event) {
            v = cppType(t) + "()";
        } else if (sg.init && opt_.twoState) {
            Expr c(ExprKind::Const, sg.loc);
            c.value = *sg.init;
            c.type = t;
            v = exprAs(c, t);
        } else if (sg.isNet()) {
            bool driven = drivenNets.count(i) != 0;
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
            sigInit.push_back(fmt::format("    for (u64 i = 0; i < {}ull; ++i) s.s{}[i] = {};",
                                          sg.elementCount(), i, v));
        else
            sigInit.push_back(fmt::format("    s.s{} = {};", i, v));
    }
    // A large design's signal initialisations and dispatch switches (by process, by NBA leaf)
    // are cut into chunk functions of bounded size, defined before `struct M` so that the
    // compiler's time stays linear and a split model (backends/cpu/split_source) compiles them
    // in parallel. `chunks` writes them when there are several and says how many there are.
    auto chunks = [&](uint32_t items, uint32_t size, const char* head, const char* open,
                      const char* close, const auto& item) {
        const uint32_t n = (items + size - 1) / size;
        if (n > 1)
            for (uint32_t c = 0; c < n; ++c) {
                L(fmt::format(fmt::runtime(head), c));
                if (*open) L(open);
                for (uint32_t i = c * size; i < std::min(items, (c + 1) * size); ++i) item(i);
                L(close);
            }
        return n;
    };
    const uint32_t initChunks = chunks(static_cast<uint32_t>(sigInit.size()), kInitChunk,
                                       "MF_HD void init_chunk_{}(State& s) {{", "", "}",
                                       [&](uint32_t i) { L(sigInit[i]); });
    auto procCase = [&](uint32_t i) { L(fmt::format("        case {0}: return proc_{0}(s);", i)); };
    const uint32_t procChunks =
        chunks(procCount(), kProcChunk, "MF_HD u32 run_chunk_{}(State& s, u32 p) {{",
               "    switch (p) {", "    default: return 0;\n    }\n}", procCase);
    auto leafCase = [&](uint32_t i) {
        const NbaLeaf& l = leaves_[i];
        if (orderFree(l)) return; // never queued: committed by commit_free
        std::string st = cppType(storageType(l.sig));
        std::string lt = cppType(l.type);
        L(fmt::format("        case {}: {{", i));
        if (shadowed(l)) // the slot's first update waits in the leaf's shadow (nba_shadows.cpp)
            L(fmt::format("            if (e.pool == kNbaInShadow) {{ s.np[{}] = 0; {}; break; }}",
                          i, leafSetter(l, fmt::format("{}(s.nv{})", st, i))));
        L(fmt::format("            {} v;", lt));
        L(l.type.isReal ? "            v = bits::bits_to_double(s.sched.pool[e.pool]);"
                        : "            unpack(v, s.sched.pool, e.pool);");
        if (!l.elem && !l.part)
            L(fmt::format("            set_s{}(s, {}(v));", l.sig, st));
        else if (l.elem && !l.part)
            L(fmt::format("            set_s{}_elem(s, e.elem, {}(v));", l.sig, st));
        else if (!l.elem && partWritableInPlace(l.sig))
            L("            " + inPlacePartWrite(l.sig, "e.off", "v"));
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
    };
    const uint32_t leafCount = static_cast<uint32_t>(leaves_.size());
    const uint32_t leafChunks = chunks(
        leafCount, kLeafChunk, "MF_HD void apply_nba_chunk_{}(State& s, const NbaEntry& e) {{",
        "    switch (e.leaf) {", "    default: break;\n    }\n}", leafCase);
    o += staticScans();
    o += commitChunks();
    L("struct M {");
    L("    using State = mf_model::State;");
    L("    MF_HD static u32 run_process(State& s, u32 p) {");
    L("        s.cur_proc = p;");
    L("        s.act_steps = 0;");
    o += clockRunnerDispatch();
    if (staticLevels_)
        L("        if (p == kSettle) { settle(s); return s.sched.status == kError ? kError : 0; }");
    auto timerCases = [&] {
        for (uint32_t t : timers_)
            L(fmt::format("        case {0}u | kTimer: return timer_{0}(s);", t));
    };
    if (procChunks > 1) {
        if (!timers_.empty()) {
            L("        if (p & kTimer) switch (p) {");
            timerCases();
            L("        default: return 0;");
            L("        }");
        }
        L(fmt::format("        switch (p / {}u) {{", kProcChunk));
        for (uint32_t c = 0; c < procChunks; ++c)
            L(fmt::format("        case {0}: return run_chunk_{0}(s, p);", c));
    } else {
        L("        switch (p) {");
        for (uint32_t i = 0; i < procCount(); ++i) procCase(i);
        timerCases();
    }
    L("        default: return 0;");
    L("        }");
    L("    }");
    L("    MF_HD static void apply_nba(State& s, const NbaEntry& e) {");
    if (leafChunks > 1) {
        L(fmt::format("        switch (e.leaf / {}u) {{", kLeafChunk));
        for (uint32_t c = 0; c < leafChunks; ++c)
            L(fmt::format("        case {0}: apply_nba_chunk_{0}(s, e); break;", c));
    } else {
        L("        switch (e.leaf) {");
        for (uint32_t i = 0; i < leafCount; ++i) leafCase(i);
    }
    L("        default: break;");
    L("        }");
    L("    }");
    o += staticSettle();
    o += commitFree();
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
    L("        return dump_slot(s);");
    L("    }");
    L("};");
    L("");
    L("MF_HD inline void init(State& s, u64 slot_limit) {");
    L("    sched_init(s.sched, slot_limit);");
    L("    s.mon_valid = 0;");
    o += staticInit();
    L(fmt::format("    for (u32 l = 0; l < {}; ++l) s.np[l] = 0;",
                  std::max<size_t>(1, leaves_.size())));
    L("    s.nfree = 0;");
    L(fmt::format("    for (u32 g = 0; g < {}; ++g) s.gw[g] = 0;",
                  std::max<size_t>(1, freeCommit().groups.size())));
    o += clockRunnerInit();
    for (const std::string& line : pathInit_) L(line);
    for (auto [i, kinds] : pathStamps_)
        if (kinds & 6) L(fmt::format("    s.mpb{} = BX;", i));
    o += frameInit();
    o += dumpInit();
    if (initChunks > 1)
        for (uint32_t c = 0; c < initChunks; ++c) L(fmt::format("    init_chunk_{}(s);", c));
    else
        for (const std::string& line : sigInit) L(line);
    o += mirrorCopies();
    L("    for (u32 p = 0; p < kProcs; ++p) { s.pc[p] = 0; s.wait[p] = ~0u; s.ca_idle[p] = 0; "
      "s.wlink[p] = 0; }");
    L(fmt::format("    for (u32 g = 0; g < {}; ++g) s.gh[g] = kDone;",
                  std::max<size_t>(1, groupFirstSite_.size())));
    L(fmt::format("    for (u32 p = {}; p < kProcs; ++p) s.pc[p] = kDone;", procs_.size()));
    for (SignalId i : forced_) L(fmt::format("    s.fmask_s{} = {}();", i, maskType(i)));
    for (uint32_t i = 0; i < pcaSites_.size(); ++i)
        if (pcaSites_[i].force) L(fmt::format("    s.fm{} = {}();", i, maskType(pcaSites_[i].sig)));
    for (auto& [sg, dl] : multi_)
        for (size_t k = 0; k < dl.size(); ++k)
            L(byteSlot(sg, k)
                  ? fmt::format("    for (u32 i = 0; i < {}; ++i) s.dv{}_{}[i] = kSvHiZ;",
                                storageType(sg).width, sg, k)
                  : fmt::format("    s.dv{}_{} = {}::z();", sg, k, logicType(storageType(sg))));
    o += undrivenInit();
    o += strengthInit();
    for (SignalId i : assigned_) L(fmt::format("    s.pca_s{} = 0;", i));
    for (uint32_t p : settleProcs_) L(fmt::format("    s.settled{} = 0;", p));
    // A statically run `always @*` starts idle: a change of an input queues it (4-state); a
    // 2-state model runs it once at time 0 (settle), as it runs event-driven ones.
    if (!opt_.twoState)
        for (uint32_t p : staticAlways_) L(fmt::format("    s.ca_idle[{}] = 1;", p));
    o += startProcesses();
    L("}");
    L("");
    L("} // namespace mf_model");
    L("");
    L("#if MF_DEVICE_COMPILER");
    L("#include \"metalfpga/rt/device_entry.h\"");
    L("#else");
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

    resolveLaterFanouts(o);
    m.source = std::move(o);
    m.sites = std::move(svc_);
    m.dump = std::move(dump_);
    for (const Process* p : procs_)
        m.processWhere.push_back(fmt::format("{} ({})", where(p->loc), processKindName(p->kind)));
    for (const Synth& sy : synth_)
        m.processWhere.push_back(
            fmt::format("{} ({})", where(sy.loc), sy.force ? "force/assign" : "fork branch"));
    m.frameDepth = opt_.frameDepth;
    m.maxProcSteps = opt_.maxProcSteps;
    for (const Routine& r : d_.routines)
        m.routineWhere.push_back(
            fmt::format("{} ({} {})", where(r.loc), r.isFunction ? "function" : "task", r.name));
    return m;
}

} // namespace metalfpga::codegen::detail
