#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// Intra-assignment event controls: `a = repeat (n) @(ev) b;` and the non-blocking forms
// `a <= @(ev) b;`, `a <= repeat (n) @(ev) b;`.

bool Generator::eventItems(const Timing& t, std::vector<WaitItem>& items) {
    for (const EventItem& ev : t.events) {
        if (ev.expr->type.isReal && ev.edge != Edge::Any) {
            unsupported(ev.expr->loc, "an edge of a real in an event control");
            return false;
        }
        items.push_back(WaitItem{ev.edge, ev.expr.get(), ev.expr->type});
    }
    return true;
}

// Blocking `repeat (n) @(ev)`: waits for n occurrences (none when n <= 0, x or z).
void Generator::repeatEvent(const Timing& t, int ind) {
    std::vector<WaitItem> items;
    if (!eventItems(t, items)) return;
    uint32_t tid = static_cast<uint32_t>(temps_.size());
    temps_.push_back(fmt::format("i64 t{};", tid));
    line(ind, fmt::format("s.t{} = repeat_count({});", tid, expr(*t.repeatCount)));
    line(ind, fmt::format("while (s.t{} > 0) {{", tid));
    line(ind + 1, fmt::format("--s.t{};", tid));
    if (items.empty()) {
        suspend(ind + 1, "");
    } else {
        uint32_t id = waitSite(items, ind + 1);
        suspend(ind + 1, waitOn(curProc_, id));
    }
    line(ind, "}");
}

// A non-blocking assignment with an event control: the value is taken now and the process goes
// on; one of kNbaWaiters waiter processes of the statement waits for the event(s) and then
// schedules the update. Each waiter holds one pending assignment, so overlapping ones (the
// statement runs again before its event) each keep their value.
void Generator::nbaEvent(const Stmt& st, int ind) {
    const Timing& t = *st.timing;
    std::vector<WaitItem> items;
    if (!eventItems(t, items)) return;
    if (items.empty()) { // @* reading nothing: the assignment never happens
        line(ind, fmt::format("(void)({});", exprAs(*st.rhs, st.lhs->type)));
        return;
    }
    constexpr uint32_t kNbaWaiters = 8;
    line(ind, "{");
    line(ind + 1, fmt::format("auto v = {};", exprAs(*st.rhs, st.lhs->type)));
    line(ind + 1,
         fmt::format("i64 n = {};", t.kind == Timing::Kind::Repeat
                                        ? fmt::format("repeat_count({})", expr(*t.repeatCount))
                                        : std::string("1")));
    line(ind + 1, "if (n <= 0) {");
    nbaStore(*st.lhs, "v", ind + 2);
    uint32_t parent = curProc_;
    std::vector<FrameRef> frames = currentFrames();
    for (uint32_t w = 0; w < kNbaWaiters; ++w) {
        uint32_t c = procCount();
        synth_.push_back(Synth{false, parent, st.loc, {}});
        temps_.push_back(
            fmt::format("{} nwv{}; // pending value of waiter {}", cppType(st.lhs->type), c, c));
        temps_.push_back(fmt::format("i64 nwc{};", c));
        line(ind + 1, fmt::format("}} else if (s.pc[{}] == kDone) {{", c));
        line(ind + 2, fmt::format("s.nwv{0} = v; s.nwc{0} = n;", c));
        curProc_ = c;
        uint32_t site = waitSite(items, ind + 2);
        curProc_ = parent;
        line(ind + 2, waitOn(c, site) + fmt::format(" s.pc[{}] = 1;", c));
        // The waiter.
        std::string saved;
        std::swap(out_, saved);
        line(0, fmt::format("// non-blocking intra-assignment event {} (process {})", where(st.loc),
                            parent));
        line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", c));
        line(1, fmt::format("if (s.pc[{}] != 1) return 0;", c));
        for (const FrameRef& f : frames) line(1, fmt::format("s.fcur{} = {};", f.first, f.second));
        line(1, fmt::format("if (--s.nwc{0} > 0) {{ {1} return 0; }}", c, waitOn(c, site)));
        line(1, fmt::format("s.pc[{}] = kDone;", c));
        line(1, "{");
        line(2, fmt::format("auto v = s.nwv{};", c));
        curProc_ = c;
        nbaStore(*st.lhs, "v", 2);
        curProc_ = parent;
        line(1, "}");
        line(1, "return 0;");
        line(0, "}");
        synth_[c - procs_.size()].code = std::move(out_);
        out_ = std::move(saved);
    }
    line(ind + 1, "} else {");
    line(ind + 2, fmt::format("model_error(s.sched, kErrNbaOverflow, {}); return kError;", parent));
    line(ind + 1, "}");
    line(ind, "}");
}

} // namespace metalfpga::codegen::detail
