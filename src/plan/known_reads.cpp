// Transformations: none. Chooses, for each clocked block run from its clock (directRun) in a
// 4-state model, the variables whose X/Z planes the block checks before it runs
// (ProcessPlan::knownReads; codegen/clock_runners.cpp). When none of them holds an X or Z bit,
// the block runs a copy of its statements that reads them as known values, and the compiler
// drops the X/Z work of the expressions over them: after reset, most RTL holds no X, and a
// 4-state expression costs about twice a 2-state one.
//
// Only blocks with enough such work qualify (kMinKnownOps operators, conditions and case items):
// for a block that copies or adds once (a pipeline register), the check and the call of the
// 4-state copy cost more than they save (pipes N=256 ran 1.7x slower with them).
//
// A variable qualifies when the block's statements read it as a whole signal (not a memory
// word, a real or an event) and the block does not write it at once (blocking assignments,
// task outputs, the functions it calls): its non-blocking updates land after the block, so
// the value checked is the value every read sees. The checked words are bounded
// (kMaxKnownWords, the most read variables first) so the check stays small against the work
// it saves.
#include "plan/model_plan.h"
#include "plan/walk.h"

#include <algorithm>
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

// How often the block's own statements read each whole signal (representatives), and how many
// 4-state operations they make (operators, selects, conditions and case items).
struct BodyReads {
    std::map<SignalId, uint32_t> reads;
    uint32_t ops = 0;
};

BodyReads wholeReads(const Design& d, const ModelPlan& plan, const Stmt* body) {
    BodyReads r;
    auto& n = r.reads;
    auto count = [&](const Expr* e) {
        anyExpression(e, [&](const Expr& x) {
            switch (x.kind) {
            case ExprKind::Signal:
                if (x.signal < d.signals.size()) ++n[plan.repOf(x.signal)];
                break;
            case ExprKind::Select:
            case ExprKind::Unary:
            case ExprKind::Binary:
            case ExprKind::Conditional:
                ++r.ops;
                break;
            default:
                break;
            }
            return false;
        });
    };
    anyStatement(body, [&](const Stmt& s) {
        if (s.kind == StmtKind::If || s.kind == StmtKind::Case || s.kind == StmtKind::While ||
            s.kind == StmtKind::For)
            ++r.ops;
        if (s.kind == StmtKind::Case) r.ops += static_cast<uint32_t>(s.items.size());
        if (s.kind == StmtKind::Assign || s.kind == StmtKind::ProcContinuous) {
            // The target's base is written, not read; its indices are read.
            walkTarget(
                s.lhs.get(), [](const Expr&) {}, count);
            count(s.rhs.get());
        } else {
            forEachExpressionOf(s, count);
        }
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
        BodyReads body = wholeReads(d, plan, p.body->body.get());
        if (body.ops < kMinKnownOps) continue;
        std::vector<std::pair<uint32_t, SignalId>> byReads; // (reads, signal)
        for (auto [s, n] : body.reads)
            if (checkable(d.signals[s]) &&
                !std::binary_search(pp.directEager.begin(), pp.directEager.end(), s))
                byReads.emplace_back(n, s);
        std::stable_sort(byReads.begin(), byReads.end(),
                         [](const auto& x, const auto& y) { return x.first > y.first; });
        uint32_t words = 0;
        for (auto [n, s] : byReads) {
            uint32_t w = wordsOf(d.signals[s]);
            if (words + w > kMaxKnownWords) continue;
            words += w;
            pp.knownReads.push_back(s);
        }
        std::sort(pp.knownReads.begin(), pp.knownReads.end());
    }
}

} // namespace metalfpga::plan
