// Shadows of non-blocking assignment leaves. A whole-variable leaf, or a whole memory word at a
// constant index (shadowed(), generator.h), has a shadow in State, `nv<leaf>`, and a pending flag
// `np[leaf]`, so an update is made without packing its value into the NBA pool:
//   ordered leaves:    the slot's first update waits in the shadow and queues a value-less entry
//                      (nba_mark; apply_nba takes the value from the shadow); a later one, while
//                      that is pending, is queued with its value. Updates apply in the order they
//                      were made (1364-2005 clause 11.4.2), and the processes they wake are woken
//                      in that order, as Icarus wakes them.
//   order-free leaves: the variable is quiet (below): only statically scheduled logic reads
//                      it, down to the processes that wait, so neither the order of updates of
//                      different variables nor an intermediate value can be observed: the shadow
//                      keeps the last update and M::commit_free applies all of them in one pass
//                      at the start of the NBA region, without a queue entry.
#include "codegen/generator.h"
#include "plan/walk.h"

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

bool hasNonBlocking(const Stmt* body) {
    return plan::anyStatement(
        body, [](const Stmt& s) { return s.kind == StmtKind::Assign && s.nonBlocking; });
}

} // namespace

// Quiet: nothing but statically scheduled logic reads the signal, and that logic writes only
// quiet signals, with blocking or continuous assignments. The order in which quiet signals
// change, and their values between changes, reach no process that waits and no queue.
bool Generator::quiet(SignalId sig) const {
    auto [it, added] = quiet_.try_emplace(sig, true); // a signal being decided counts as quiet
    if (!added) return it->second;
    bool q = true;
    if (listed(sigSites_, sig) || listed(sigPca_, sig)) q = false;
    if (auto f = sigCas_.find(sig); q && f != sigCas_.end())
        for (uint32_t p : f->second)
            if (!staticLevel_.count(p) || udpSample_.count(p) || !quietProcess(p)) {
                q = false;
                break;
            }
    quiet_[sig] = q;
    return q;
}

bool Generator::quietProcess(uint32_t p) const {
    if (staticAlways_.count(p) && hasNonBlocking(procs_[p]->body.get())) return false;
    for (SignalId w : processPlan(p).writes)
        if (!quiet(rep(w))) return false;
    return true;
}

std::string Generator::leafSetter(const NbaLeaf& l, const std::string& value) const {
    if (l.word >= 0) return fmt::format("set_s{}_elem(s, {}, {})", l.sig, l.word, value);
    return fmt::format("set_s{}(s, {})", l.sig, value);
}

std::string Generator::leafStorage(const NbaLeaf& l) const {
    if (l.word >= 0) return fmt::format("s.s{}[{}]", l.sig, l.word);
    return fmt::format("s.s{}", l.sig);
}

// A variable some of whose updates go through the queue (a part, a word at a run-time index, a
// delayed update) keeps every update in order: a shadow committed before the queue would undo
// a later queued update (`x[3] <= 1; x <= 0;`).
bool Generator::orderFree(const NbaLeaf& l) const {
    if (!queuedSigs_) {
        queuedSigs_.emplace();
        for (const NbaLeaf& o : leaves_)
            if ((!shadowed(o) || o.delayed) && !(o.part && !o.elem && partsMerged(o.sig)))
                queuedSigs_->insert(o.sig);
    }
    return shadowed(l) && !l.delayed && !queuedSigs_->count(l.sig) && quiet(l.sig);
}

// A mirrored leaf: an order-free leaf of a variable that only non-blocking assignments update
// (plan: lateOnly), through this leaf alone, and that no force or procedural assign holds. Its
// shadow always equals the variable outside the NBA region, so the commit copies it back
// without a pending flag: no branch per leaf on which updates the slot made.
bool Generator::mirrored(const NbaLeaf& l) const {
    if (!mirrorCount_) {
        mirrorCount_.emplace();
        for (const NbaLeaf& o : leaves_)
            if (shadowed(o)) ++(*mirrorCount_)[{o.sig, o.word}];
    }
    return orderFree(l) && mirrorable(l) && mirrorCount_->at({l.sig, l.word}) == 1;
}

// What a mirrored leaf needs of its variable and type, whatever the other leaves are.
bool Generator::mirrorable(const NbaLeaf& l) const {
    return plan_.lateOnly.count(l.sig) && !forced_.count(l.sig) && !assigned_.count(l.sig) &&
           l.type.width <= 128 && cppType(l.type) == cppType(storageType(l.sig));
}

// A variable that non-blocking assignments update whole and at constant parts (`x <= a;
// x[63:32] <= 0;`) and nothing else writes: with its whole leaf mirrored, the parts are written
// into the shadow in the order they are made, which is the order the queue would apply them in,
// so the variable commits in one pass with the order-free leaves instead of through the queue.
std::optional<uint32_t> Generator::partsMerged(SignalId sig) const {
    if (!partsMerged_) {
        partsMerged_.emplace();
        std::map<SignalId, std::vector<uint32_t>> bySig;
        for (uint32_t i = 0; i < leaves_.size(); ++i) bySig[leaves_[i].sig].push_back(i);
        for (const auto& [v, ls] : bySig) {
            std::optional<uint32_t> whole;
            bool ok = quiet(v), parts = false;
            for (uint32_t i : ls) {
                const NbaLeaf& l = leaves_[i];
                if (!l.elem && !l.part && l.word < 0 && !whole && !l.delayed && shadowed(l) &&
                    mirrorable(l))
                    whole = i;
                else if (l.part && !l.elem && l.constPart && !l.delayed)
                    parts = true;
                else
                    ok = false;
            }
            if (ok && parts && whole) (*partsMerged_)[v] = whole;
        }
    }
    auto f = partsMerged_->find(sig);
    return f == partsMerged_->end() ? std::nullopt : f->second;
}

// Copies of the variables into the shadows of their mirrored leaves (all of them, or those of
// one whole variable).
std::string Generator::mirrorCopies(SignalId only) const {
    std::string o;
    for (uint32_t i = 0; i < leaves_.size(); ++i) {
        const NbaLeaf& l = leaves_[i];
        if ((only == kNone || (l.sig == only && l.word < 0)) && mirrored(l))
            o += fmt::format("    s.nv{} = {};\n", i, leafStorage(l));
    }
    return o;
}

// Called by a variable initialiser (time 0) after it stores the variable: the initialiser runs
// before any process that updates the variable (plan: lateOnly), so no update is pending.
std::string Generator::shadowSyncs() const {
    std::string o;
    for (SignalId v : syncedShadows_)
        o += fmt::format("MF_HD inline void sync_shadow_s{}(State& s) {{\n    (void)s;\n", v) +
             mirrorCopies(v) + "}\n";
    return o;
}

std::string Generator::nbaLeafPushers() const {
    // The store of a leaf's commit group's written flag, if it has one.
    auto written = [&](uint32_t leaf) {
        auto g = freeCommit().groupOf.find(leaf);
        return g == freeCommit().groupOf.end() ? std::string()
                                               : fmt::format(" s.gw[{}] = 1;", g->second);
    };
    std::string o;
    for (uint32_t i = 0; i < leaves_.size(); ++i) {
        const NbaLeaf& l = leaves_[i];
        if (l.part && !l.elem) { // its constant-offset sites call nba_part_<N> (partsMerged)
            o +=
                fmt::format("MF_HD MF_INLINE bool nba_part_{}(State& s, i64 off, const {}& v) {{\n",
                            i, cppType(l.type));
            if (auto w = partsMerged(l.sig)) {
                o += fmt::format(
                    "    set_part_at(s.nv{}, off, v);{} s.nfree = 1;\n    return true;\n}}\n", *w,
                    written(*w));
            } else {
                o += fmt::format("    return nba_push(s.sched, {}, 0, off, v);\n}}\n", i);
            }
            continue;
        }
        if (!shadowed(l)) continue;
        std::string t = cppType(l.type);
        o += fmt::format("MF_HD MF_INLINE bool nba_leaf_{}(State& s, const {}& v) {{\n", i, t);
        if (mirrored(l)) {
            o += fmt::format("    s.nv{} = v;{} s.nfree = 1;\n    return true;\n}}\n", i,
                             written(i));
        } else if (orderFree(l)) {
            o += fmt::format(
                "    s.nv{0} = v;{1} if (!s.np[{0}]) {{ s.np[{0}] = 1; s.nfree = 1; }}\n"
                "    return true;\n}}\n",
                i, written(i));
        } else {
            o += fmt::format("    if (s.np[{0}]) return nba_push(s.sched, {0}, {1}, 0, v);\n"
                             "    s.nv{0} = v; s.np[{0}] = 1;\n"
                             "    return nba_mark(s.sched, {0});\n}}\n",
                             i, std::max<int64_t>(l.word, 0));
        }
    }
    return o;
}

const Generator::FreeCommit& Generator::freeCommit() const {
    if (freeCommit_) return *freeCommit_;
    FreeCommit& f = freeCommit_.emplace();
    std::map<std::set<uint32_t>, uint32_t> byFanout;
    for (uint32_t i = 0; i < leaves_.size(); ++i) {
        const NbaLeaf& l = leaves_[i];
        if (!orderFree(l)) continue;
        if (forced_.count(l.sig) || assigned_.count(l.sig)) { // the setter checks the hold
            f.held.push_back(i);
            continue;
        }
        if (wakesNothing_.count(l.sig)) {
            f.stored.push_back(i);
            continue;
        }
        auto cas = sigCas_.find(l.sig);
        std::set<uint32_t> key = cas == sigCas_.end() ? std::set<uint32_t>{} : cas->second;
        auto [at, fresh] = byFanout.try_emplace(key, static_cast<uint32_t>(f.groups.size()));
        if (fresh) f.groups.emplace_back();
        f.groups[at->second].push_back(i);
    }
    // A written flag pays for itself only where it saves the comparisons of several leaves: on a
    // design whose every leaf changes each clock (pipes) the flags of single leaves made the
    // commit 3x slower (a taken branch per leaf across a large function).
    for (uint32_t k = 0; k < f.groups.size(); ++k)
        if (f.groups[k].size() >= kFlaggedGroup)
            for (uint32_t i : f.groups[k]) f.groupOf[i] = k;
    for (const std::vector<uint32_t>& g : f.groups)
        f.groupBlock.push_back(g.size() >= 2 && std::all_of(g.begin(), g.end(), [&](uint32_t i) {
                                   return blockable(i);
                               }));
    return f;
}

// The fanout of an order-free leaf's variable in the commit. A continuous assignment of the
// static schedule that reads that variable alone (a clocked output port connected to a slice of
// a bus) runs at once, as its level's scan would run it: its one input is final, and it is quiet
// (nothing that waits sees when). It saves the trigger and the scan (synth LANES=64: 8% faster).
std::string Generator::commitFanout(SignalId sig) const {
    auto cas = sigCas_.find(sig);
    if (cas == sigCas_.end() || cas->second.size() != 1 || listed(sigSites_, sig) ||
        listed(sigPca_, sig))
        return fanoutCode(sig);
    uint32_t p = *cas->second.begin();
    const std::vector<SignalId>& reads = processPlan(p).reads;
    if (!staticLevel_.count(p) || udpSample_.count(p) || !levelSplit().run.count(p) ||
        familyOf_.count(p) ||
        !std::all_of(reads.begin(), reads.end(), [&](SignalId r) { return rep(r) == sig; }))
        return fanoutCode(sig);
    return fmt::format("proc_{}(s);", p);
}

// A mirrored leaf of a whole variable whose value is words only (not real, not an array).
bool Generator::blockable(uint32_t leaf) const {
    const NbaLeaf& l = leaves_[leaf];
    return mirrored(l) && !l.elem && l.word < 0 && !storageType(l.sig).isReal &&
           !d_.signals[l.sig].isArray();
}

std::vector<std::vector<uint32_t>> Generator::commitBlocks() const {
    const FreeCommit& f = freeCommit();
    std::vector<std::vector<uint32_t>> blocks;
    for (size_t k = 0; k < f.groups.size(); ++k)
        if (f.groupBlock[k]) blocks.push_back(f.groups[k]);
    return blocks;
}

// The commit of block `b`: `fast` (its words at byte offsets d, the variables, and v, their
// shadows, kBytes long) when the variables and the shadows lie as declared, one after the other;
// else `slow` (the leaves one by one). The compiler knows the offsets, so only one is left.
// Both are statement lines indented by ind + 8.
std::string Generator::blockCommit(const std::vector<uint32_t>& b, const std::string& fast,
                                   const std::string& slow, const std::string& ind) const {
    std::string sizes;
    for (uint32_t i : b) sizes += (sizes.empty() ? "" : " + ") + fmt::format("sizeof(s.nv{})", i);
    auto at = [](const std::string& m) {
        return fmt::format("u64(reinterpret_cast<const char*>(&{}) - reinterpret_cast<const "
                           "char*>(&s))",
                           m);
    };
    std::string last = leafStorage(leaves_[b.back()]), lastNv = fmt::format("s.nv{}", b.back());
    std::string o = fmt::format("{0}{{\n{0}    constexpr u64 kBytes = {1};\n", ind, sizes);
    o += fmt::format("{}    const u64 d = {}, v = {};\n", ind, at(leafStorage(leaves_[b.front()])),
                     at(fmt::format("s.nv{}", b.front())));
    o += fmt::format(
        "{}    if ({} + sizeof({}) - d == kBytes && {} + sizeof({}) - v == kBytes) {{\n", ind,
        at(last), last, at(lastNv), lastNv);
    o += fast + ind + "    } else {\n" + slow + ind + "    }\n" + ind + "}\n";
    return o;
}

// Order-free leaves commit in one pass. A variable that a force or procedural assign may hold
// goes through its setter; one nobody waits on or reads by level is only stored; the others store
// and, when the value changed, call their fanout, once per set of leaves whose fanout is the same
// (the same logic run by level: its triggers are idempotent), and only when some leaf of a
// flagged set was written in this slot (gw). Each item is the code of one leaf or set, indented
// by `ind`, with its leaf count.
std::vector<std::pair<size_t, std::string>> Generator::commitItems(const std::string& ind) const {
    std::vector<std::pair<size_t, std::string>> items;
    const FreeCommit& f = freeCommit();
    auto value = [&](uint32_t i) {
        const NbaLeaf& l = leaves_[i];
        return fmt::format("{}(s.nv{})", cppType(storageType(l.sig)), i);
    };
    auto commit = [&](uint32_t i, const std::string& what) {
        if (mirrored(leaves_[i])) return what + ";\n";
        return fmt::format("if (s.np[{0}]) {{ s.np[{0}] = 0; {1}; }}\n", i, what);
    };
    for (uint32_t i : f.held)
        items.emplace_back(1, ind + commit(i, leafSetter(leaves_[i], value(i))));
    for (uint32_t i : f.stored)
        items.emplace_back(1, ind + commit(i, leafStorage(leaves_[i]) + " = " + value(i)));
    for (uint32_t k = 0; k < f.groups.size(); ++k) {
        const std::vector<uint32_t>& g = f.groups[k];
        std::string in = ind + "    ";
        std::string o = f.groupOf.count(g[0])
                            ? fmt::format("{0}if (s.gw[{1}]) {{\n{2}s.gw[{1}] = 0;\n", ind, k, in)
                            : ind + "{\n";
        if (g.size() == 1) {
            const NbaLeaf& l = leaves_[g[0]];
            o += in +
                 commit(g[0], storageType(l.sig).isReal
                                  ? leafSetter(l, value(g[0]))
                                  : fmt::format("if (store_changed({}, {})) {{ {} }}",
                                                leafStorage(l), value(g[0]), commitFanout(l.sig)));
        } else {
            std::string body = f.groupBlock[k] ? in + "        " : in;
            std::string fanout = fanoutCode(leaves_[g[0]].sig);
            std::string slow = body + "bool ch = false;\n";
            for (uint32_t i : g)
                slow += body + commit(i, fmt::format("ch |= store_changed({}, {})",
                                                     leafStorage(leaves_[i]), value(i)));
            slow += fmt::format("{}if (ch) {{ {} }}\n", body, fanout);
            o += f.groupBlock[k]
                     ? blockCommit(g,
                                   fmt::format("{}if (copy_block_changed(s, d, v, kBytes / 8)) "
                                               "{{ {} }}\n",
                                               body, fanout),
                                   slow, in)
                     : slow;
        }
        items.emplace_back(g.size(), o + ind + "}\n");
    }
    return items;
}

// The commit of a design with more than kCommitChunk order-free leaves is cut into functions of
// about kCommitChunk leaves each, defined before `struct M` (as the other chunked functions): one
// function of 1,024 leaves made NVRTC's unit holding it take 41 s against 7-11 s for the others
// (pipes N=256). The chunks' bodies, none when the leaves fit one function.
std::vector<std::string> Generator::commitChunkBodies() const {
    std::vector<std::pair<size_t, std::string>> items = commitItems("    ");
    size_t leaves = 0;
    for (const auto& it : items) leaves += it.first;
    std::vector<std::string> chunks;
    if (leaves <= kCommitChunk) return chunks;
    size_t inChunk = kCommitChunk;
    for (const auto& [n, text] : items) {
        if (inChunk >= kCommitChunk) {
            chunks.emplace_back();
            inChunk = 0;
        }
        chunks.back() += text;
        inChunk += n;
    }
    return chunks;
}

std::string Generator::commitChunks() const {
    std::string o;
    std::vector<std::string> bodies = commitChunkBodies();
    for (size_t c = 0; c < bodies.size(); ++c)
        o += fmt::format("MF_HD MF_OUTLINE void commit_free_chunk_{}(State& s) {{\n{}}}\n", c,
                         bodies[c]);
    return o;
}

std::string Generator::commitFree() const {
    std::string o = "    MF_HD static void commit_free(State& s) {\n        s.nfree = 0;\n";
    size_t chunks = commitChunkBodies().size(), leaves = 0;
    for (const auto& [n, text] : commitItems("        ")) {
        leaves += n;
        if (!chunks) o += text;
    }
    for (size_t c = 0; c < chunks; ++c) o += fmt::format("        commit_free_chunk_{}(s);\n", c);
    o += "    }\n";
    o += fmt::format("    static constexpr u32 kFreeLeaves = {};\n", leaves);
    return o;
}

} // namespace metalfpga::codegen::detail
