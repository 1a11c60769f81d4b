// Transformations: none. Chooses, for each clocked block run from its clock (directRun) in a
// 4-state model, the variables whose X/Z planes the block checks before it runs
// (ProcessPlan::knownReads; codegen/clock_runners.cpp). When none of them holds an X or Z bit,
// the block runs a copy of its statements that reads them as known values, and the compiler
// drops the X/Z work of the expressions over them: after reset, most RTL holds no X, and a
// 4-state expression costs about twice a 2-state one.
//
// Only blocks with enough such work qualify (kMinKnownOps operators and selects over the
// checked variables): for a block that copies registers (a pipeline stage, the register half of
// a two-process design) the check costs more than it saves (pipes N=256 ran 1.7x and sha256
// 1.12x slower with it).
//
// A variable qualifies when the block's statements operate on it as a whole signal (an operand
// of an operator or select, or a condition; not a memory word, a real or an event) and the
// block does not write it at once (blocking assignments, task outputs, the functions it calls):
// its non-blocking updates land after the block, so the value checked is the value every read
// sees. The checked words are bounded (kMaxKnownWords, the most used variables first) so the
// check stays small against the work it saves.
#include "plan/model_plan.h"
#include "plan/walk.h"

#include <algorithm>
#include <functional>
#include <map>

namespace metalfpga::plan {

using namespace ir;

namespace {

uint32_t wordsOf(const Signal& s) {
    return (s.type.width + 63) / 64;
}

bool checkable(const Signal& s) {
    switch (s.kind) {
    case SignalKind::Real:
    case SignalKind::Realtime:
    case SignalKind::Event:
        return false;
    default:
        return !s.isArray() && !s.automatic && !s.type.isReal;
    }
}

// How often the block's own statements operate on each whole signal (representatives): read it
// in an operand of an operator or select, or as the condition of an if, case or while (a plain
// copy costs the same with and without the check), and how many operators and selects over
// candidates they make (a condition alone saves about what its check costs; operations on loop
// counters the block writes gain nothing).
struct BodyUses {
    std::map<SignalId, uint32_t> uses; // per candidate: the operations on it
    uint32_t ops = 0;
};

BodyUses operatedUses(const Design& d, const ModelPlan& plan, const Stmt* body,
                      const std::function<bool(SignalId)>& candidate) {
    BodyUses r;
    // Whether `e` reads a candidate; `operand`: `e` is operated on.
    std::function<bool(const Expr*, bool)> walk = [&](const Expr* e, bool operand) {
        if (!e) return false;
        bool op = e->kind == ExprKind::Select || e->kind == ExprKind::Unary ||
                  e->kind == ExprKind::Binary || e->kind == ExprKind::Conditional;
        bool any = false;
        if (e->kind == ExprKind::Signal && e->signal < d.signals.size()) {
            SignalId s = plan.repOf(e->signal);
            any = candidate(s);
            if (any && operand) ++r.uses[s];
        }
        for (const auto& o : e->operands) any = walk(o.get(), operand || op) || any;
        if (any && op) ++r.ops;
        return any;
    };
    anyStatement(body, [&](const Stmt& s) {
        if (s.kind == StmtKind::Assign || s.kind == StmtKind::ProcContinuous) {
            // The target's base is written, not read; its indices are operated on.
            walkTarget(
                s.lhs.get(), [](const Expr&) {}, [&](const Expr* i) { walk(i, true); });
            walk(s.rhs.get(), false);
            return false;
        }
        bool branches =
            s.kind == StmtKind::If || s.kind == StmtKind::Case || s.kind == StmtKind::While;
        forEachExpressionOf(s, [&](const Expr* e) {
            bool cond = branches && e == s.cond.get();
            walk(e, cond);
        });
        return false;
    });
    return r;
}

} // namespace

void chooseKnownReads(const Design& d, ModelPlan& plan, const PlanOptions& options) {
    for (ProcessPlan& pp : plan.processes) pp.knownReads.clear();
    if (options.twoState || !options.knownCopies) return;
    for (size_t i = 0; i < d.processes.size(); ++i) {
        ProcessPlan& pp = plan.processes[i];
        const Process& p = d.processes[i];
        if (!pp.directRun || !p.body || !p.body->body) continue;
        auto candidate = [&](SignalId s) {
            return checkable(d.signals[s]) &&
                   !std::binary_search(pp.directEager.begin(), pp.directEager.end(), s);
        };
        BodyUses body = operatedUses(d, plan, p.body->body.get(), candidate);
        if (body.ops < kMinKnownOps) continue;
        std::vector<std::pair<uint32_t, SignalId>> byUses; // (uses, signal)
        for (auto [s, n] : body.uses) byUses.emplace_back(n, s);
        std::stable_sort(byUses.begin(), byUses.end(),
                         [](const auto& x, const auto& y) { return x.first > y.first; });
        uint32_t words = 0;
        for (auto [n, s] : byUses) {
            uint32_t w = wordsOf(d.signals[s]);
            if (words + w > kMaxKnownWords) continue;
            words += w;
            pp.knownReads.push_back(s);
        }
        std::sort(pp.knownReads.begin(), pp.knownReads.end());
    }
}

} // namespace metalfpga::plan
