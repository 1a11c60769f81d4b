// Transformations (--sched static): a combinational `always` block on a cycle of the dataflow
// graph is split into parts, one `always` block each, when the parts break the cycle. A block
// that feeds a shared resource and reads its result (an encipher round that drives a shared
// S-box and takes its output) is a cycle only as a whole block: the statements that drive the
// resource do not read its result. Each part keeps the conditions (if, case) that guard its
// statements and waits on what it reads.
//
// Statements are first grouped so that no variable written by the block connects two groups:
// every statement that reads or writes such a variable is in the variable's group, except for
// a definition, a variable assigned whole once, at the top level of the block, before anything
// touches it: its statement is a group of its own and the others read its value as an input
// (after the definition they see only that value). The groups that read the cycle (what the
// other processes on it write, or a definition of such a group) make one part, the others the
// other part, each in the block's statement order. The block is split only when
//   - it is made of blocking assignments, if, case, loops and blocks (no task or system task
//     calls, no disabled blocks),
//   - nothing else writes what it writes,
//   - every variable it both writes and reads is assigned whole first (a value kept from an
//     earlier run would make the outcome depend on how often the block ran), and
//   - after the split no part is on a cycle and every part is run by level.
// Otherwise the block is restored. The parts of one block start together: the first run of
// any of them runs the others (codegen/processes.cpp), as the block ran whole.
#include "plan/model_plan.h"
#include "plan/walk.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace metalfpga::plan {

using namespace ir;

namespace {

struct Atom {
    const Stmt* stmt;
    std::set<SignalId> reads, writes; // reads include the guarding conditions'
};

struct Splitter {
    const Design& d;
    const ModelPlan& plan;
    std::vector<Atom> atoms = {};
    std::map<const Stmt*, size_t> atomOf = {};
    bool ok = true;

    std::set<SignalId> repd(const std::set<SignalId>& in) const {
        std::set<SignalId> out;
        for (SignalId s : in) out.insert(plan.repOf(s));
        return out;
    }

    void atom(const Stmt* s, const std::set<SignalId>& guard) {
        Atom a{s, guard, {}};
        std::set<SignalId> rd, wr;
        statementAccesses(d, s, rd, wr);
        a.reads.merge(repd(rd));
        a.writes = repd(wr);
        atomOf[s] = atoms.size();
        atoms.push_back(std::move(a));
    }
    void collect(const Stmt* s, const std::set<SignalId>& guard) {
        if (!s || !ok) return;
        switch (s->kind) {
        case StmtKind::Null:
            return;
        case StmtKind::Block:
            if (s->fork) break;
            for (const auto& c : s->stmts) collect(c.get(), guard);
            return;
        case StmtKind::If: {
            std::set<SignalId> g = guard, rd;
            expressionReads(d, s->cond.get(), rd);
            for (SignalId x : repd(rd)) g.insert(x);
            collect(s->body.get(), g);
            collect(s->elseBody.get(), g);
            return;
        }
        case StmtKind::Case: {
            std::set<SignalId> g = guard, rd;
            expressionReads(d, s->cond.get(), rd);
            for (const CaseItem& ci : s->items)
                for (const auto& e : ci.exprs) expressionReads(d, e.get(), rd);
            for (SignalId x : repd(rd)) g.insert(x);
            for (const CaseItem& ci : s->items) collect(ci.body.get(), g);
            return;
        }
        case StmtKind::Assign:
            if (s->nonBlocking || s->timing) break;
            atom(s, guard);
            return;
        case StmtKind::For:
        case StmtKind::While:
        case StmtKind::Repeat:
            atom(s, guard);
            return;
        default:
            break;
        }
        ok = false;
    }

    // The part of `s` that belongs to group `g`, or null when none does.
    StmtPtr filter(const Stmt* s, const std::vector<size_t>& groupOf, size_t g) const {
        if (!s) return nullptr;
        if (auto a = atomOf.find(s); a != atomOf.end())
            return groupOf[a->second] == g ? s->clone() : nullptr;
        auto null = [&] { return std::make_unique<Stmt>(StmtKind::Null, s->loc); };
        switch (s->kind) {
        case StmtKind::Block: {
            auto out = std::make_unique<Stmt>(StmtKind::Block, s->loc);
            out->scope = s->scope;
            for (const auto& c : s->stmts)
                if (StmtPtr k = filter(c.get(), groupOf, g)) out->stmts.push_back(std::move(k));
            return out->stmts.empty() ? nullptr : std::move(out);
        }
        case StmtKind::If: {
            StmtPtr b = filter(s->body.get(), groupOf, g);
            StmtPtr e = filter(s->elseBody.get(), groupOf, g);
            if (!b && !e) return nullptr;
            auto out = std::make_unique<Stmt>(StmtKind::If, s->loc);
            out->cond = s->cond->clone();
            out->body = b ? std::move(b) : null();
            out->elseBody = std::move(e);
            return out;
        }
        case StmtKind::Case: {
            std::vector<StmtPtr> bodies;
            bool any = false;
            for (const CaseItem& ci : s->items) {
                bodies.push_back(filter(ci.body.get(), groupOf, g));
                any = any || bodies.back();
            }
            if (!any) return nullptr;
            auto out = std::make_unique<Stmt>(StmtKind::Case, s->loc);
            out->caseKind = s->caseKind;
            out->cond = s->cond->clone();
            for (size_t i = 0; i < s->items.size(); ++i) {
                CaseItem c;
                for (const auto& e : s->items[i].exprs) c.exprs.push_back(e->clone());
                c.body = bodies[i] ? std::move(bodies[i]) : null();
                c.loc = s->items[i].loc;
                out->items.push_back(std::move(c));
            }
            return out;
        }
        default:
            return nullptr; // Null
        }
    }
};

size_t findRoot(std::vector<size_t>& parent, size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

// The parts of process q's block (each a new body), or none when it does not split.
std::vector<StmtPtr> partsOf(const Design& d, const ModelPlan& plan, uint32_t q,
                             const std::vector<std::vector<uint32_t>>& writers,
                             const std::set<SignalId>& loopWrites) {
    const Process& p = d.processes[q];
    const Stmt* timed = p.body.get();
    if (!timed || timed->kind != StmtKind::Timed || !timed->timing) return {};
    const Stmt* body = timed->body.get();
    if (anyStatement(body, [&](const Stmt& s) {
            return s.kind == StmtKind::Block && s.scope != kNone &&
                   plan.disabledScopes.count(s.scope);
        }))
        return {};
    Splitter sp{d, plan};
    sp.collect(body, {});
    if (!sp.ok || sp.atoms.size() < 2) return {};
    // What the block writes: nobody else may write it.
    std::set<SignalId> written, read;
    for (const Atom& a : sp.atoms) {
        written.insert(a.writes.begin(), a.writes.end());
        read.insert(a.reads.begin(), a.reads.end());
    }
    for (SignalId w : written)
        for (uint32_t o : writers[w])
            if (o != q) return {};
    std::set<SignalId> first = assignedFirst(body, [&](SignalId s) { return plan.repOf(s); });
    for (SignalId w : written)
        if (read.count(w) && !first.count(w)) return {};
    // Definitions: assigned whole once, at the top level, first.
    std::map<SignalId, size_t> writes;
    for (const Atom& a : sp.atoms)
        for (SignalId w : a.writes) ++writes[w];
    std::set<SignalId> defined;
    for (const Atom& a : sp.atoms)
        if (a.stmt->kind == StmtKind::Assign && a.stmt->lhs->kind == ExprKind::Signal) {
            SignalId t = plan.repOf(a.stmt->lhs->signal);
            if (first.count(t) && writes[t] == 1) defined.insert(t);
        }
    std::vector<size_t> parent(sp.atoms.size());
    std::iota(parent.begin(), parent.end(), size_t(0));
    std::map<SignalId, size_t> owner;
    auto join = [&](SignalId v, size_t i) {
        auto [it, fresh] = owner.try_emplace(v, i);
        if (!fresh) parent[findRoot(parent, i)] = findRoot(parent, it->second);
    };
    for (size_t i = 0; i < sp.atoms.size(); ++i) {
        for (SignalId w : sp.atoms[i].writes) join(w, i);
        for (SignalId x : sp.atoms[i].reads)
            if (written.count(x) && !defined.count(x)) join(x, i);
    }
    // Two parts: the groups that read the loop (what the other processes of the cycle write,
    // or a definition of such a group) and the others, each in the block's order. More parts
    // would break no more of the cycle and cost compile time.
    std::set<size_t> feedbackRoots;
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < sp.atoms.size(); ++i) {
            size_t root = findRoot(parent, i);
            if (feedbackRoots.count(root)) continue;
            for (SignalId x : sp.atoms[i].reads) {
                bool fromLoop = loopWrites.count(x) != 0;
                if (!fromLoop && defined.count(x))
                    fromLoop = feedbackRoots.count(findRoot(parent, owner.at(x))) != 0;
                if (fromLoop) {
                    feedbackRoots.insert(root);
                    grew = true;
                    break;
                }
            }
        }
    }
    std::vector<size_t> groupOf(sp.atoms.size());
    size_t fed = 0;
    for (size_t i = 0; i < sp.atoms.size(); ++i) {
        groupOf[i] = feedbackRoots.count(findRoot(parent, i)) ? 1 : 0;
        fed += groupOf[i];
    }
    if (fed == 0 || fed == sp.atoms.size()) return {};
    // A part that calls an impure routine or waits on nothing does not run by level: the
    // check after the split restores the block.
    std::vector<StmtPtr> parts;
    for (size_t g = 0; g < 2; ++g) parts.push_back(sp.filter(body, groupOf, g));
    return parts;
}

// The timed body of a part: the block's event control, keeping the items on what the part
// reads, with the definitions of other parts that it reads added.
StmtPtr timedPart(const Design& d, const ModelPlan& plan, const Stmt& timed, StmtPtr part) {
    auto r = [&](SignalId s) { return plan.repOf(s); };
    std::set<SignalId> rd, wr;
    statementAccesses(d, part.get(), rd, wr);
    std::set<SignalId> reads;
    for (SignalId s : rd) reads.insert(r(s));
    auto out = std::make_unique<Stmt>(StmtKind::Timed, timed.loc);
    out->timing = std::make_unique<Timing>();
    out->timing->kind = timed.timing->kind;
    out->timing->loc = timed.timing->loc;
    std::set<SignalId> listed;
    for (const EventItem& ev : timed.timing->events) {
        const Expr* b = selectBase(ev.expr.get());
        if (!b || (b->kind != ExprKind::Signal && b->kind != ExprKind::ArrayElement)) continue;
        if (!reads.count(r(b->signal))) continue;
        listed.insert(r(b->signal));
        out->timing->events.push_back(EventItem{ev.edge, ev.expr->clone()});
    }
    for (SignalId s : rd) {
        if (listed.count(r(s)) || d.signals[s].isArray()) continue;
        listed.insert(r(s));
        EventItem ev;
        ev.expr = std::make_unique<Expr>(ExprKind::Signal, timed.loc);
        ev.expr->signal = s;
        ev.expr->type = ev.expr->self = d.signals[s].type;
        out->timing->events.push_back(std::move(ev));
    }
    out->body = std::move(part);
    return out;
}

struct Undo {
    uint32_t q;
    StmtPtr body;
};

} // namespace

size_t splitLoopBlocks(Design& d, const PlanOptions& options) {
    if (!options.staticSchedule) return 0;
    std::set<uint32_t> refused;
    for (int round = 0; round < 4; ++round) {
        ModelPlan plan = buildPlan(d, options);
        std::vector<std::vector<uint32_t>> writers(d.signals.size());
        for (uint32_t q : plan.model)
            for (SignalId s : plan.processes[q].writes) {
                SignalId w = plan.repOf(s);
                if (writers[w].empty() || writers[w].back() != q) writers[w].push_back(q);
            }
        const size_t before = d.processes.size();
        std::vector<Undo> undo;
        for (const std::vector<uint32_t>& loop : plan.loops)
            for (uint32_t q : loop) {
                std::set<SignalId> loopWrites; // what the other processes of the cycle write
                for (uint32_t o : loop)
                    if (o != q)
                        for (SignalId s : plan.processes[o].writes)
                            loopWrites.insert(plan.repOf(s));
                const Process& p = d.processes[q];
                if (refused.count(q) || p.kind != ProcessKind::Always || p.splitOf != kNone ||
                    plan.processes[q].cls != ProcessClass::Combinational)
                    continue;
                std::vector<StmtPtr> parts = partsOf(d, plan, q, writers, loopWrites);
                if (parts.empty()) continue;
                std::vector<StmtPtr> bodies;
                for (StmtPtr& part : parts)
                    bodies.push_back(timedPart(d, plan, *p.body, std::move(part)));
                undo.push_back(Undo{q, std::move(d.processes[q].body)});
                d.processes[q].body = std::move(bodies[0]);
                d.processes[q].splitOf = q;
                for (size_t k = 1; k < bodies.size(); ++k) {
                    Process n;
                    n.kind = ProcessKind::Always;
                    n.scope = d.processes[q].scope;
                    n.loc = d.processes[q].loc;
                    n.name = d.processes[q].name;
                    n.body = std::move(bodies[k]);
                    n.splitOf = q;
                    d.processes.push_back(std::move(n));
                }
            }
        if (undo.empty()) break;
        // Keep the splits whose parts all run by level; restore the others and try again.
        ModelPlan after = buildPlan(d, options);
        std::set<uint32_t> failed;
        for (size_t i = 0; i < d.processes.size(); ++i)
            if (d.processes[i].splitOf != kNone && !after.processes[i].staticRun)
                failed.insert(d.processes[i].splitOf);
        bool restore = false;
        for (const Undo& u : undo) restore = restore || failed.count(u.q);
        if (!restore) continue;
        d.processes.resize(before);
        for (Undo& u : undo) {
            d.processes[u.q].body = std::move(u.body);
            d.processes[u.q].splitOf = kNone;
        }
        refused.insert(failed.begin(), failed.end());
    }
    size_t split = 0;
    for (const Process& p : d.processes)
        if (p.splitOf != kNone && &p == &d.processes[p.splitOf]) ++split;
    return split;
}

} // namespace metalfpga::plan
