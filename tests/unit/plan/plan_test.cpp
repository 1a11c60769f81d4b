// The planning stage's passes, checked on the plan they build (not on printed text).

#include "../elab/elab_test_util.h"
#include "plan/model_plan.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace metalfpga::plan::test {
namespace {

using elab::test::elaborateText;

struct Planned {
    std::unique_ptr<elab::test::Elaborated> e;
    ModelPlan plan;
    const ir::Design& d() const { return *e->design; }
    // The plan of the first process of this kind whose location's line is `line`.
    const ProcessPlan& at(int line) const {
        for (size_t i = 0; i < d().processes.size(); ++i)
            if (e->sm.displayLineCol(d().processes[i].loc).line == uint32_t(line))
                return plan.processes[i];
        ADD_FAILURE() << "no process on line " << line;
        static ProcessPlan none;
        return none;
    }
    uint32_t index(int line) const {
        for (size_t i = 0; i < d().processes.size(); ++i)
            if (e->sm.displayLineCol(d().processes[i].loc).line == uint32_t(line)) return i;
        ADD_FAILURE() << "no process on line " << line;
        return ~0u;
    }
};

Planned planOf(const std::string& text) {
    Planned p;
    p.e = elaborateText(text);
    EXPECT_TRUE(p.e->design) << p.e->errors;
    if (p.e->design) p.plan = buildPlan(*p.e->design);
    return p;
}

TEST(PlanClassify, ProcessesAreCombinationalClockedOrBehavioural) {
    // Lines count from the first line of the text (the empty one).
    auto p = planOf(R"(
module top(input clk, input [3:0] a, b, output [3:0] y);
  wire [3:0] s = a + b;
  assign #1 y = s;
  reg [3:0] q, c, l;
  always @(posedge clk) q <= s;
  always @* c = a & b;
  always @(a) l = a | b;
  always @(posedge clk or a) l = 0;
  always @* begin #1 c = a; end
  initial q = 0;
  always @* $display("%d", a);
endmodule
)");
    EXPECT_EQ(p.at(3).cls, ProcessClass::Combinational);
    EXPECT_EQ(p.at(4).cls, ProcessClass::Behavioural);
    EXPECT_EQ(p.at(4).reason, "a delay");
    EXPECT_EQ(p.at(6).cls, ProcessClass::Clocked);
    ASSERT_EQ(p.at(6).clocks.size(), 1u);
    EXPECT_EQ(p.at(6).clocks[0].first, ir::Edge::Posedge);
    EXPECT_EQ(p.d().signals[p.at(6).clocks[0].second].path, "top.clk");
    EXPECT_EQ(p.at(7).cls, ProcessClass::Combinational);
    EXPECT_EQ(p.at(8).cls, ProcessClass::Behavioural);
    EXPECT_EQ(p.at(8).reason, "an incomplete sensitivity list (it reads top.b)");
    EXPECT_EQ(p.at(9).reason, "an event control mixing edges and levels");
    EXPECT_EQ(p.at(10).reason, "a timing control inside");
    EXPECT_EQ(p.at(11).reason, "an initial block");
    EXPECT_EQ(p.at(12).reason, "system task $display in a combinational block");
}

TEST(PlanAccesses, ReadsAndWritesAreWholeSignals) {
    auto p = planOf(R"(
module top;
  reg [7:0] m [0:3];
  reg [1:0] i;
  reg [7:0] v, w;
  always @* begin w[i] = m[i][0]; v = w; end
endmodule
)");
    auto names = [&](const std::vector<SignalId>& v) {
        std::vector<std::string> r;
        for (SignalId s : v) r.push_back(p.d().signals[s].path);
        return r;
    };
    EXPECT_EQ(names(p.at(6).reads), (std::vector<std::string>{"top.m", "top.i", "top.w"}));
    EXPECT_EQ(names(p.at(6).writes), (std::vector<std::string>{"top.v", "top.w"}));
}

TEST(PlanLevelize, LevelsFollowTheDataflowAndLoopsAreFound) {
    auto p = planOf(R"(
module top(input [3:0] a);
  wire [3:0] x = a + 1;
  wire [3:0] y = x ^ a;
  reg [3:0] z;
  always @* z = y & x;
  wire [3:0] p, q;
  assign p = q | a;
  assign q = p & a;
  wire [3:0] r = q + 1;
endmodule
)");
    EXPECT_EQ(p.at(3).level, 0);
    EXPECT_EQ(p.at(4).level, 1);
    EXPECT_EQ(p.at(6).level, 2);
    EXPECT_TRUE(p.at(8).inLoop);
    EXPECT_TRUE(p.at(9).inLoop);
    ASSERT_EQ(p.plan.loops.size(), 1u);
    EXPECT_EQ(p.plan.loops[0], (std::vector<uint32_t>{p.index(8), p.index(9)}));
    EXPECT_FALSE(p.at(10).inLoop);
    EXPECT_EQ(p.at(10).level, 0); // after a loop: the events settle its input
    EXPECT_EQ(p.plan.levels.size(), 3u);
}

TEST(PlanLevelize, AContinuousDriverReadingItsOwnTargetIsALoop) {
    auto p = planOf(R"(
module top(input d, input g);
  wire q;
  assign (pull0, pull1) q = q;
  bufif1 b(q, d, g);
endmodule
)");
    EXPECT_TRUE(p.at(4).inLoop);
    EXPECT_FALSE(p.at(5).inLoop);
}

TEST(PlanLevelize, ALinkMergedIntoOneSignalIsNotALoop) {
    auto p = planOf(R"(
module dut(input clk); endmodule
module top;
  reg clk;
  dut d(clk);
endmodule
)");
    for (const ProcessPlan& pp : p.plan.processes) EXPECT_FALSE(pp.inLoop);
    EXPECT_TRUE(p.plan.loops.empty());
}

TEST(PlanStaticSchedule, CombinationalProcessesRunByLevel) {
    const char* text = R"(
module top(input [3:0] a, b);
  function [3:0] inc(input [3:0] v); inc = v + 1; endfunction
  wire [3:0] x = a + b;
  wire [3:0] y = inc(a);
  reg [3:0] c, d, e, f;
  always @* c = x & b;
  always @(a or b) d = a | b;
  always @(a[0] or b) e = a[0] ? b : 0;
  always @* f = inc(c);
  wire [3:0] p, q;
  assign p = q | a;
  assign q = p & a;
endmodule
)";
    auto p = planOf(text);
    EXPECT_TRUE(p.at(4).staticRun);  // a continuous assignment
    EXPECT_FALSE(p.at(5).staticRun); // a continuous assignment that calls a function
    EXPECT_TRUE(p.at(7).staticRun);  // @*
    EXPECT_TRUE(p.at(8).staticRun);  // whole signals
    EXPECT_EQ(p.at(9).cls, ProcessClass::Combinational);
    EXPECT_FALSE(p.at(9).staticRun); // woken by a part of a signal
    EXPECT_TRUE(p.at(10).staticRun); // calls a function without side effects
    EXPECT_TRUE(p.at(12).inLoop);
    EXPECT_FALSE(p.at(12).staticRun); // a combinational loop stays event-driven
    // --sched event: nothing runs by level.
    PlanOptions event;
    event.staticSchedule = false;
    ModelPlan ev = buildPlan(p.d(), event);
    for (const ProcessPlan& pp : ev.processes) EXPECT_FALSE(pp.staticRun);
}

// `always @*` may read memory words (its list holds all it reads); an explicit list naming a word
// is woken by that word alone, so it stays event-driven.
TEST(PlanStaticSchedule, StarBlocksReadingMemoryWordsRunByLevel) {
    auto p = planOf(R"(
module top(input [1:0] i);
  reg [3:0] mem [0:3];
  reg [3:0] c, d, e;
  always @* c = mem[1] + mem[i];
  always @(mem[1]) d = mem[1];
  always @* e = mem[0];
endmodule
)");
    EXPECT_TRUE(p.at(5).staticRun);
    EXPECT_FALSE(p.at(6).staticRun);
    EXPECT_TRUE(p.at(7).staticRun);
}

// Clocked blocks run from their clock when no order of theirs can be seen: no calls of tasks,
// system tasks or impure system functions, late updates nobody else makes, eager writes nobody
// else reads or writes, and nothing read that a waiter of the same event control writes eagerly.
TEST(PlanDirectClocked, BlocksWhoseOrderCannotBeSeenRunFromTheirClock) {
    auto p = planOf(R"(
module top(input clk, input [3:0] a);
  reg [3:0] q1, q2, q3, q4, q5, q6, q7, q8, q9, t, m [0:1];
  reg [3:0] d6, d7;
  always @(posedge clk) q1 <= a;
  always @(posedge clk) begin q2 = a; q3 <= q2; end
  always @(posedge clk) begin q4 <= a; $display(q4); end
  always @(posedge clk) m[a[0]] <= a;
  always @(posedge clk) q5 <= a;
  always @(negedge clk) q5 <= ~a;
  always @(posedge clk) q6 <= d6;
  initial begin @(posedge clk); d6 = 1; end
  always @(posedge clk) q7 <= d7;
  initial begin #3 d7 = 1; end
  always @(posedge clk) begin t = a; q8 <= t; end
  always @(posedge clk) q9 <= t;
  reg rst, q10, d10;
  always @(posedge clk or negedge rst) q10 <= d10;
  initial begin @(posedge clk); d10 = 1; end
endmodule
)");
    EXPECT_TRUE(p.at(5).directRun);
    EXPECT_TRUE(p.at(6).directRun);  // q2 is its own
    EXPECT_FALSE(p.at(7).directRun); // a system task
    EXPECT_NE(p.at(7).directReason.find("system task"), std::string::npos);
    EXPECT_TRUE(p.at(8).directRun);  // a memory word nobody else updates
    EXPECT_FALSE(p.at(9).directRun); // q5 has two writers
    EXPECT_FALSE(p.at(10).directRun);
    EXPECT_FALSE(p.at(11).directRun); // d6 is written by a waiter of posedge clk
    EXPECT_NE(p.at(11).directReason.find("top.d6"), std::string::npos);
    EXPECT_TRUE(p.at(13).directRun);  // d7 is written after a delay
    EXPECT_FALSE(p.at(15).directRun); // the block on line 16 reads t, which it writes at once
    EXPECT_NE(p.at(15).directReason.find("reads top.t"), std::string::npos);
    EXPECT_FALSE(p.at(16).directRun); // and t is written at once by a waiter of posedge clk
    // d10 is written by a process waiting on another event control: it is queued before or
    // after the whole list of the block's event, in both schedules.
    EXPECT_TRUE(p.at(18).directRun);
    PlanOptions event;
    event.staticSchedule = false;
    ModelPlan ev = buildPlan(p.d(), event);
    for (const ProcessPlan& pp : ev.processes) EXPECT_FALSE(pp.directRun);
}

// Pure system functions ($signed, $clog2, ...) are no calls; $random and $time are.
TEST(PlanStaticSchedule, PureSystemFunctionsRunByLevel) {
    auto p = planOf(R"(
module top(input [3:0] a, b);
  reg c;
  reg [31:0] d, e;
  always @* c = $signed(a) < $signed(b);
  always @* d = $random + a;
  always @* e = $time + b;
endmodule
)");
    EXPECT_TRUE(p.at(5).staticRun);
    EXPECT_FALSE(p.at(6).staticRun);
    EXPECT_FALSE(p.at(7).staticRun);
}

// Calls of functions without side effects do not keep a block from running by level.
TEST(PlanStaticSchedule, PureFunctionCallsRunByLevel) {
    auto p = planOf(R"(
module top(input [3:0] a, b);
  reg [3:0] c, d, g;
  function [3:0] inc(input [3:0] x); inc = x + 1; endfunction
  function [3:0] noisy(input [3:0] x); begin $display(x); noisy = x; end endfunction
  function [3:0] bump(input [3:0] x); begin g = x; bump = x; end endfunction
  always @* c = inc(a);
  always @* d = noisy(b);
  always @* g = bump(b);
endmodule
)");
    EXPECT_TRUE(p.at(7).staticRun);
    EXPECT_FALSE(p.at(8).staticRun); // a system task inside
    EXPECT_FALSE(p.at(9).staticRun); // writes a signal outside the function
}

// A block that drives a shared resource and reads its result is split into parts that run
// by level; a block that keeps a value from its last run is not.
TEST(PlanSplitBlocks, ABlockOnALoopSplitsIntoPartsRunByLevel) {
    const std::string text = R"(
module top(input [7:0] a, input sel);
  reg [7:0] req, y, k, old_k, req2, y2;
  wire [7:0] res = ~req;
  wire [7:0] res2 = ~req2;
  always @* begin : blk
    reg [7:0] t;
    t = a + 1;
    req = 0;
    y = 0;
    if (sel) req = t; else y = res;
  end
  always @* begin
    old_k = k;
    k = a;
    req2 = a;
    y2 = res2 + old_k;
  end
endmodule
)";
    auto p = planOf(text);
    ASSERT_EQ(p.plan.loops.size(), 2u);
    ir::Design& d = *p.e->design;
    const size_t before = d.processes.size();
    EXPECT_EQ(splitLoopBlocks(d, PlanOptions{}), 1u);
    ModelPlan after = buildPlan(d);
    ASSERT_EQ(after.loops.size(), 1u); // the second block stays whole, in its loop
    uint32_t first = p.index(6);
    std::vector<uint32_t> parts;
    for (uint32_t i = 0; i < d.processes.size(); ++i)
        if (d.processes[i].splitOf == first) parts.push_back(i);
    ASSERT_EQ(parts.size(), 2u); // t and req; y, which reads the loop
    EXPECT_EQ(d.processes.size(), before + 1);
    for (uint32_t i : parts) {
        EXPECT_TRUE(after.processes[i].staticRun) << i;
        EXPECT_FALSE(after.processes[i].inLoop) << i;
    }
    EXPECT_EQ(d.processes[p.index(13)].splitOf, ir::kNone);
    EXPECT_TRUE(after.processes[p.index(13)].inLoop);

    // The event schedule keeps every block whole.
    auto q = planOf(text);
    PlanOptions event;
    event.staticSchedule = false;
    EXPECT_EQ(splitLoopBlocks(*q.e->design, event), 0u);
}

TEST(PlanAliases, PlainLinksAreOneSignal) {
    auto p = planOf(R"(
module dut(input clk, input [1:0] sel, output reg q = 1'b0, output [3:0] w);
  wire sc = clk;
  assign w = {sel, sel};
endmodule
module tb;
  reg clk;
  reg [1:0] sel;
  wire q;
  wire [3:0] w;
  wire a, b, c;
  assign a = clk;
  assign #1 b = clk;
  assign (weak0, weak1) c = clk;
  wire f = q;
  dut d(clk, sel, q, w);
  initial force f = 1'b1;
endmodule
)");
    auto rep = [&](const char* path) {
        return p.d().signals[p.plan.rep[p.d().findSignal(path)]].path;
    };
    EXPECT_EQ(rep("tb.d.clk"), "tb.clk"); // input port from a reg
    EXPECT_EQ(rep("tb.d.sc"), "tb.clk");  // wire sc = clk (a net from a net)
    EXPECT_EQ(rep("tb.q"), "tb.d.q");     // output reg to a wire
    EXPECT_EQ(rep("tb.d.sel"), "tb.sel"); // whole vectors too
    EXPECT_EQ(rep("tb.w"), "tb.d.w");     // collapsed port of two nets
    EXPECT_EQ(rep("tb.a"), "tb.clk");     // assign a = clk;
    EXPECT_EQ(rep("tb.b"), "tb.b");       // a delay: a process
    EXPECT_EQ(rep("tb.c"), "tb.c");       // a strength: a process
    EXPECT_EQ(rep("tb.f"), "tb.f");       // forced: kept apart
}

// A clocked block run from its clock checks, before it runs, the X/Z planes of the whole
// variables its statements operate on and do not write at once; its non-blocking targets
// qualify (their updates land later); memories, reals, the clock, its blocking targets and
// variables it only copies do not.
TEST(PlanKnownReads, ABlockChecksWhatItOperatesOnAndDoesNotWriteAtOnce) {
    auto p = planOf(R"(
module top(input clk, input rst, input [3:0] a, input [99:0] w);
  reg [3:0] q, r, t, u, t2, c, m [0:1];
  reg [99:0] wide;
  reg [3:0] u2;
  real x;
  always @(posedge clk) if (rst) q <= 0; else begin t = a + q; q <= (t ^ m[a[0]]) + (a >> 1); r <= x; u <= c; end
  always @(posedge clk) wide <= wide + w - (wide >> 2) ^ (w << 1);
  always @(posedge clk) begin u2 <= a; #1 u2 <= a; end
  always @(posedge clk) t2 <= a + r;
endmodule
)");
    auto names = [&](const ProcessPlan& pp) {
        std::set<std::string> n;
        for (SignalId s : pp.knownReads) n.insert(p.d().signals[s].path);
        return n;
    };
    EXPECT_TRUE(p.at(7).directRun) << p.at(7).directReason;
    EXPECT_EQ(names(p.at(7)), (std::set<std::string>{"top.a", "top.q", "top.rst"}));
    EXPECT_EQ(names(p.at(8)), (std::set<std::string>{"top.w", "top.wide"}));
    EXPECT_TRUE(p.at(9).knownReads.empty());  // not run from its clock
    EXPECT_TRUE(p.at(10).knownReads.empty()); // too little 4-state work to pay for the check
    std::ostringstream out;
    printPlan(p.d(), p.plan, out, &p.e->sm);
    EXPECT_NE(out.str().find("a known-value copy checking top.w top.wide"), std::string::npos)
        << out.str();
    PlanOptions two;
    two.twoState = true;
    for (const ProcessPlan& pp : buildPlan(p.d(), two).processes)
        EXPECT_TRUE(pp.knownReads.empty());
}

// The checked words are bounded: the most read variables first, the others read as they are.
TEST(PlanKnownReads, TheCheckedWordsAreBounded) {
    auto p = planOf(R"(
module top(input clk, input [1023:0] big, input [7:0] a);
  reg [1023:0] q;
  reg [7:0] r;
  always @(posedge clk) begin q <= ~big; r <= (a + a) ^ (a >> 1) | (a & 3); end
endmodule
)");
    std::set<std::string> n;
    for (SignalId s : p.at(5).knownReads) n.insert(p.d().signals[s].path);
    EXPECT_EQ(n, (std::set<std::string>{"top.a"}));
}

TEST(PlanAliases, ANetWithAnotherDriverIsNotALink) {
    auto p = planOf(R"(
module top;
  reg r, s;
  wire n = r;
  assign n = s;
  wire [1:0] v;
  wire m = r;
  tran t(m, v[0]);
endmodule
)");
    auto self = [&](const char* path) {
        SignalId id = p.d().findSignal(path);
        return p.plan.rep[id] == id;
    };
    EXPECT_TRUE(self("top.n")); // two continuous drivers
    EXPECT_TRUE(self("top.m")); // a bidirectional switch touches it
}

TEST(PlanDisables, ScopesNamedByADisableAnywhere) {
    auto p = planOf(R"(
module top;
  task t; begin : inner #1; end endtask
  initial begin : a #5; end
  initial begin : b #5; end
  initial begin #1 disable a; end
  task k; disable top.t.inner; endtask
endmodule
)");
    std::set<std::string> got;
    for (ir::ScopeId s : p.plan.disabledScopes) got.insert(p.d().scopes[s].path);
    EXPECT_EQ(got, (std::set<std::string>{"top.a", "top.t.inner"}));
}

TEST(PlanProcesses, ContinuousFirstMergedLinksLeftOutPullsAndUnsupportedListed) {
    const char* src = R"(
module top;
  reg r = 1'b0;
  wire a = r;
  wire [1:0] b;
  assign b = {r, r};
  initial $display("x");
  wire p;
  pullup (p);
  wire [3:0] q;
  pullup (q[1]);
endmodule
)";
    auto p = planOf(src);
    // Model order: the continuous {r, r} first (`wire a = r` is a link, merged), then the
    // variable initialiser and the initial block.
    std::vector<std::string> kinds;
    for (size_t k = 0; k < p.plan.model.size(); ++k) {
        const ir::Process& pr = p.d().processes[p.plan.model[k]];
        kinds.push_back(std::string(p.plan.continuous[k] ? "ca " : "") +
                        (pr.varInit ? "varinit" : ir::processKindName(pr.kind)));
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"ca assign", "varinit", "initial"}));
    ASSERT_EQ(p.plan.pulls.size(), 1u);
    EXPECT_EQ(p.d().signals[p.plan.pulls.begin()->first].path, "top.p");
    EXPECT_EQ(p.plan.pulls.begin()->second, 1);
    EXPECT_TRUE(p.plan.unsupported.empty()); // q[1]: a constant driver of its bit
    // 2-state models store variable initialisers before time 0: no process for them.
    auto e = elaborateText(src);
    ASSERT_TRUE(e->design);
    PlanOptions two;
    two.twoState = true;
    ModelPlan p2 = buildPlan(*e->design, two);
    for (uint32_t i : p2.model) EXPECT_FALSE(e->design->processes[i].varInit);
    EXPECT_EQ(p2.model.size(), 2u);
}

TEST(PlanPrint, SaysWhyAProcessStaysBehavioural) {
    auto p = planOf(R"(
module top;
  reg clk = 0;
  always #5 clk = ~clk;
endmodule
)");
    std::ostringstream out;
    printPlan(p.d(), p.plan, out, &p.e->sm);
    EXPECT_NE(out.str().find("behavioural: does not begin with an event control"),
              std::string::npos)
        << out.str();
    EXPECT_NE(out.str().find("plan: 2 processes: 0 combinational"), std::string::npos) << out.str();
}

TEST(PlanRecursion, RoutinesOnACallCycleAreRecursive) {
    auto p = planOf(R"(
module top;
  function automatic integer even(input integer n);
    even = n == 0 ? 1 : odd(n - 1);
  endfunction
  function automatic integer odd(input integer n);
    odd = n == 0 ? 0 : even(n - 1);
  endfunction
  function automatic integer fact(input integer n);
    begin
      if (n > 1) fact = n * fact(n - 1); else fact = 1;
    end
  endfunction
  function automatic integer twice(input integer n);
    twice = fact(n) + fact(n);
  endfunction
  function integer leaf(input integer n);
    leaf = n + 1;
  endfunction
  task automatic count(input integer n);
    if (n > 0) count(n - 1);
  endtask
  task run;
    count(leaf(2));
  endtask
  initial begin run; $display("%0d %0d", even(4), twice(3)); end
endmodule
)");
    std::set<std::string> names;
    for (ir::RoutineId r : p.plan.recursiveRoutines) names.insert(p.d().routines[r].name);
    EXPECT_EQ(names, (std::set<std::string>{"even", "odd", "fact", "count"}));
    std::ostringstream out;
    printPlan(p.d(), p.plan, out, &p.e->sm);
    EXPECT_NE(out.str().find("recursive function fact"), std::string::npos) << out.str();
    EXPECT_EQ(out.str().find("recursive function twice"), std::string::npos) << out.str();
}

} // namespace
} // namespace metalfpga::plan::test
