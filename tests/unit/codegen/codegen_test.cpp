// Code generation, the CPU backend's pipeline cache and the runtime loop, end to end.

#include "../elab/elab_test_util.h"
#include "backends/cpu/cpu_engine.h"
#include "codegen/codegen.h"
#include "runtime/runtime.h"

#include <gtest/gtest.h>

#if METALFPGA_HAS_CUDA
#include "backends/cuda/cuda_backend.h"
#endif

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace metalfpga::codegen::test {
namespace {

namespace fs = std::filesystem;
using elab::test::elaborateText;

struct Generated {
    std::unique_ptr<elab::test::Elaborated> elab;
    std::optional<Model> model;
    std::string errors;
};

Generated gen(const std::string& text, const Options& options = {}) {
    Generated g;
    g.elab = elaborateText(text);
    if (!g.elab->design) {
        g.errors = g.elab->errors;
        return g;
    }
    g.model = generate(*g.elab->design, g.elab->sm, *g.elab->diags, options);
    for (const auto& d : g.elab->diags->all()) g.errors += d.message + "\n";
    return g;
}

const char* const kHello = R"(
module top;
  reg [7:0] a;
  initial begin
    a = 5;
    #3 $display("a=%0d t=%0t", a, $time);
    $finish;
  end
endmodule
)";

fs::path tempDir(const std::string& name) {
    fs::path p = fs::temp_directory_path() /
                 ("metalfpga_codegen_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

std::string runModel(const backends::cpu::LoadedModel& m, const Model& info) {
    FILE* out = std::tmpfile();
    runtime::RunOptions ro;
    ro.out = out;
    std::string error;
    auto engine = backends::cpu::makeEngine(m, 1, ro.slotLimit, 1, error);
    EXPECT_TRUE(engine) << error;
    if (engine) {
        EXPECT_EQ(runtime::simulate(*engine, info, ro), 0);
    }
    std::rewind(out);
    std::string s;
    char buf[256];
    while (size_t n = std::fread(buf, 1, sizeof buf, out)) s.append(buf, n);
    std::fclose(out);
    return s;
}

// Compiles a generated model with the CPU backend in a fresh cache folder and runs it: its output,
// or "" with a test failure when it does not compile.
std::string compileAndRun(const Generated& g, const std::string& name) {
    fs::path dir = tempDir(name);
    backends::CompileOptions co;
    co.cacheDir = dir.string();
    std::string error, out;
    auto m = backends::cpu::load(g.model->source, co, error);
    if (m)
        out = runModel(*m, *g.model);
    else
        ADD_FAILURE() << error;
    fs::remove_all(dir);
    return out;
}

TEST(Codegen, ModelSourceNamesProcessesAndLines) {
    auto g = gen(kHello);
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    EXPECT_NE(src.find("#include \"metalfpga/rt/model.h\""), std::string::npos);
    EXPECT_NE(src.find("MF_HD u32 proc_0(State& s)"), std::string::npos);
    EXPECT_NE(src.find("// initial "), std::string::npos);
    EXPECT_NE(src.find(".v:4"), std::string::npos); // the process's source line
    EXPECT_NE(src.find("top.a"), std::string::npos);
    ASSERT_EQ(g.model->sites.size(), 1u);
    EXPECT_EQ(g.model->sites[0].task, "$display");
    EXPECT_EQ(g.model->sites[0].scope, "top");
}

// A clocked block of many statements: they move into part functions (outline.cpp) in groups,
// each called where its statements were; the $display (a resume point) stays in the process.
TEST(Codegen, LargeStatementsAreOutlinedIntoParts) {
    std::string text = "module top(input clk, input [5:0] sel, output reg [31:0] q);\n"
                       "  always @(posedge clk) begin\n";
    for (int i = 0; i < 200; ++i)
        text += fmt::format("    if (sel == {}) q <= q + {};\n", i % 64, i);
    text += "    $display(\"q=%0d\", q);\n  end\nendmodule\n";
    auto g = gen(text);
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    EXPECT_NE(src.find("MF_HD MF_OUTLINE u32 part_0_0(State& s) {"), std::string::npos);
    EXPECT_NE(src.find("MF_HD MF_OUTLINE u32 part_0_1(State& s) {"), std::string::npos);
    EXPECT_NE(src.find("if (u32 r = part_0_0(s); r != kPartDone) return r;"), std::string::npos);
    EXPECT_EQ(src.find("MF_NO_FORCE_INLINE"), std::string::npos); // every function stays small
}

// The text of the generated function whose comment line starts with `head`.
std::string functionText(const std::string& src, const std::string& head) {
    size_t at = src.find(head);
    if (at == std::string::npos) return {};
    return src.substr(at, src.find("\n}\n", at) - at);
}

// The pieces of `text` from each occurrence of `head` up to the next `end` after it.
std::vector<std::string> piecesFrom(const std::string& text, const std::string& head,
                                    const std::string& end) {
    std::vector<std::string> out;
    for (size_t at = text.find(head); at != std::string::npos; at = text.find(head, at + 1))
        out.push_back(text.substr(at, text.find(end, at) - at));
    return out;
}

// A recursive automatic function pushes a frame per call and checks the stack; one that is
// not recursive has a single frame. A variable nothing waits on is stored without a compare.
TEST(Codegen, OnlyRecursiveFunctionsHaveFrameStacks) {
    auto g = gen(R"(
module top;
  reg [7:0] quiet, watched;
  function automatic integer fact(input integer n);
    fact = n > 1 ? n * fact(n - 1) : 1;
  endfunction
  function automatic [7:0] gm2(input [7:0] op);
    gm2 = {op[6:0], 1'b0} ^ (8'h1b & {8{op[7]}});
  endfunction
  always @(watched) $display("watched=%0d", watched);
  initial begin
    quiet = gm2(8'h80); watched = quiet;
    $display("%0d %0d", fact(5), quiet);
  end
endmodule
)");
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    std::string fact = functionText(src, "// function fact");
    std::string gm2 = functionText(src, "// function gm2");
    ASSERT_FALSE(fact.empty());
    ASSERT_FALSE(gm2.empty());
    EXPECT_NE(fact.find("s.fcur"), std::string::npos) << fact;
    EXPECT_NE(fact.find("stack_exhausted"), std::string::npos) << fact;
    EXPECT_EQ(gm2.find("s.fcur"), std::string::npos) << gm2;
    EXPECT_EQ(gm2.find("stack_exhausted"), std::string::npos) << gm2;
    EXPECT_EQ(gm2.find("kErrFrameOverflow"), std::string::npos) << gm2;
    // The setters: `quiet` wakes nothing, `watched` wakes the always block.
    auto setter = [&](const std::string& path) {
        size_t decl = src.find(" // " + path + " (");
        size_t start = src.rfind(" s", decl);
        std::string id = src.substr(start + 2, decl - start - 3);
        return functionText(src, "MF_HD inline void set_s" + id + "(");
    };
    std::string q = setter("top.quiet"), w = setter("top.watched");
    ASSERT_FALSE(q.empty());
    ASSERT_FALSE(w.empty());
    EXPECT_EQ(q.find("case_eq"), std::string::npos) << q;
    EXPECT_EQ(q.find("fanout_s"), std::string::npos) << q;
    EXPECT_NE(w.find("case_eq"), std::string::npos) << w;
    EXPECT_NE(w.find("fanout_s"), std::string::npos) << w;
}

// A non-recursive automatic function keeps its variables in C++ locals; one that prints keeps
// its frame (a service site reads the frame), and so does a recursive one. A variable written
// whole before anything reads it starts without an x.
TEST(Codegen, AutomaticFunctionVariablesAreCppLocals) {
    auto g = gen(R"(
module top;
  function automatic [7:0] mix(input [7:0] a);
    reg [7:0] t, u;
    begin
      t = a ^ 8'h1b;
      mix = t + u;
    end
  endfunction
  function automatic [7:0] loud(input [7:0] a);
    reg [7:0] k;
    begin
      k = a;
      $display("%0d", k);
      loud = k;
    end
  endfunction
  initial $display("%0d %0d", mix(8'd3), loud(8'd4));
endmodule
)");
    ASSERT_TRUE(g.model) << g.errors;
    std::string mix = functionText(g.model->source, "// function mix");
    std::string loud = functionText(g.model->source, "// function loud");
    ASSERT_FALSE(mix.empty());
    ASSERT_FALSE(loud.empty());
    EXPECT_EQ(mix.find("s.fr"), std::string::npos) << mix;
    EXPECT_EQ(mix.find("get_s"), std::string::npos) << mix;
    EXPECT_EQ(mix.find("set_s"), std::string::npos) << mix;
    // t and the result are written whole first; u is read first, so it starts at x.
    EXPECT_EQ(piecesFrom(mix, "::x()", "\n").size(), 1u) << mix;
    EXPECT_NE(loud.find("s.fr"), std::string::npos) << loud;
}

// A function is never outlined: one this large makes the model compile without forced
// inlining.
TEST(Codegen, AModelWithAHugeFunctionIsNotForceInlined) {
    std::string body;
    for (int i = 0; i < 600; ++i)
        body += fmt::format("    if (x == 10'd{}) f = f + 8'd{};\n", i, i % 256);
    auto g = gen("module top;\n  function [7:0] f(input [9:0] x);\n  begin\n    f = 0;\n" + body +
                 "  end\n  endfunction\n  initial $display(\"%0d\", f(10'd7));\nendmodule\n");
    ASSERT_TRUE(g.model) << g.errors;
    EXPECT_NE(g.model->source.find("#define MF_NO_FORCE_INLINE"), std::string::npos);
    auto small = gen(kHello);
    ASSERT_TRUE(small.model) << small.errors;
    EXPECT_EQ(small.model->source.find("MF_NO_FORCE_INLINE"), std::string::npos);
}

TEST(Codegen, UnsupportedConstructsAreNamedErrors) {
    auto g = gen(R"(
module top;
  reg [7:0] a [0:3];
  integer fd, r;
  initial r = $fread(a, fd);
endmodule
)");
    EXPECT_FALSE(g.model);
    EXPECT_NE(g.errors.find("the simulator does not support $fread into a whole memory yet"),
              std::string::npos)
        << g.errors;
}

TEST(Codegen, ReadmemIsAChunkedHostCall) {
    auto g = gen(R"(
module top;
  reg [7:0] a [0:3000];
  initial $readmemh("m.hex", a);
endmodule
)");
    ASSERT_TRUE(g.model) << g.errors;
    ASSERT_EQ(g.model->sites.size(), 1u);
    const auto& s = g.model->sites[0];
    EXPECT_EQ(s.task, "$readmemh");
    EXPECT_EQ(s.memCount, 3001u);
    EXPECT_EQ(s.memChunk, 512u); // 1024 reply words, 2 words per 8-bit element
    EXPECT_GE(g.model->replyWords, 3u + 8u + 1024u);
}

Options twoState() {
    Options o;
    o.twoState = true;
    return o;
}

TEST(Codegen, TwoStateModelsUseBitsAndHaveTheirOwnCacheKey) {
    auto four = gen(kHello);
    auto two = gen(kHello, twoState());
    ASSERT_TRUE(four.model && two.model) << four.errors << two.errors;
    EXPECT_NE(four.model->source.find("Logic<8, false> s"), std::string::npos);
    EXPECT_EQ(four.model->source.find("Bits<"), std::string::npos);
    EXPECT_NE(two.model->source.find("Bits<8, false> s"), std::string::npos);
    EXPECT_NE(two.model->source.find("// 2-state model"), std::string::npos);
    EXPECT_NE(backends::cpu::modelKey(four.model->source),
              backends::cpu::modelKey(two.model->source));
}

TEST(Codegen, TwoStateResolvesNetsWithSeveralDrivers4State) {
    auto g = gen(R"(
module top;
  reg en0, en1;
  reg [3:0] a, b;
  wire [3:0] bus;
  assign bus = en0 ? a : 4'bz;
  assign bus = en1 ? b : 4'bz;
endmodule
)",
                 twoState());
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    EXPECT_NE(src.find("Logic<4, false> dv"), std::string::npos); // the drivers' copies keep z
    EXPECT_NE(src.find("Bits<4, false> s"), std::string::npos);   // the net itself is 2-state
}

TEST(Codegen, TwoStateRejectsComputedCasezItemsWithWildcards) {
    auto g = gen(R"(
module top;
  reg [3:0] s;
  reg [1:0] a;
  initial casez (s)
    {a, 2'b?1}: $display("hit");
  endcase
endmodule
)",
                 twoState());
    EXPECT_FALSE(g.model);
    EXPECT_NE(g.errors.find("--2state: a casez/casex item"), std::string::npos) << g.errors;
    EXPECT_TRUE(gen(R"(
module top;
  reg [3:0] s;
  initial casez (s)
    4'b1?z1: $display("hit");
  endcase
endmodule
)",
                    twoState())
                    .model);
}

TEST(CpuBackend, TwoStateModelRuns) {
    auto g = gen(R"(
module top;
  reg [7:0] r;
  wire [3:0] w;
  initial begin
    $display("%b %b %h", r, w, 8'bx1x0_10x1);
    r = r + 8'd3;
    $display("%0d", r);
  end
endmodule
)",
                 twoState());
    ASSERT_TRUE(g.model) << g.errors;
    EXPECT_EQ(compileAndRun(g, "two_state"), "00000000 0000 49\n3\n");
}

TEST(CpuBackend, CompilesRunsAndCaches) {
    auto g = gen(kHello);
    ASSERT_TRUE(g.model) << g.errors;
    fs::path dir = tempDir("cache");
    backends::CompileOptions co;
    co.cacheDir = dir.string();
    std::string error;
    {
        auto m = backends::cpu::load(g.model->source, co, error);
        ASSERT_TRUE(m) << error;
        EXPECT_FALSE(m->cacheHit);
        EXPECT_EQ(runModel(*m, *g.model), "a=5 t=3\n");
    }
    size_t entries = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        ++entries;
        EXPECT_EQ(e.path().extension(), ".so") << e.path(); // no temporaries left behind
    }
    EXPECT_EQ(entries, 1u);
    {
        auto m = backends::cpu::load(g.model->source, co, error);
        ASSERT_TRUE(m) << error;
        EXPECT_TRUE(m->cacheHit);
        EXPECT_EQ(runModel(*m, *g.model), "a=5 t=3\n");
    }
    // A corrupt entry is rebuilt, never run.
    for (const auto& e : fs::directory_iterator(dir)) std::ofstream(e.path()) << "garbage";
    {
        auto m = backends::cpu::load(g.model->source, co, error);
        ASSERT_TRUE(m) << error;
        EXPECT_FALSE(m->cacheHit);
        EXPECT_EQ(runModel(*m, *g.model), "a=5 t=3\n");
    }
    fs::remove_all(dir);
}

Options staticSchedule() {
    Options o;
    o.staticComb = true;
    return o;
}

// A variable that non-blocking assignments update whole and at constant parts, read only by
// statically scheduled logic, takes the parts into its whole shadow in the order they are made
// (nba_part_<N> writes the shadow) and commits with the order-free leaves; one that a process
// waits on (z) keeps the queue. The values are Icarus's.
TEST(Codegen, ConstantPartUpdatesMergeIntoTheWholeShadow) {
    auto g = gen(R"(
module top;
  reg clk = 0;
  reg [15:0] x = 0, y = 0, z = 0;
  wire [15:0] xs = x + 1;
  reg [3:0] n = 0;
  always @(posedge clk) begin
    n <= n + 1;
    x <= {12'h0, n};
    x[15:12] <= n;
    if (n[0]) x[3:0] <= 4'hf;
    z[7:0] <= n;
  end
  always @(posedge clk) begin
    y[7:0] <= {n, n};
    y[15:8] <= {~n, n};
    z <= 16'h1234;
  end
  always @(z) $display("z=%h", z);
  initial begin
    repeat (4) begin #1 clk = 1; #1 clk = 0; $display("%h %h %h", x, xs, y); end
    $finish;
  end
endmodule
)",
                 staticSchedule());
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    size_t merged = 0, queued = 0;
    for (const std::string& body : piecesFrom(src, "bool nba_part_", "\n}\n")) {
        merged += body.find("set_part_at(s.nv") != std::string::npos;
        queued += body.find("nba_push(") != std::string::npos;
    }
    EXPECT_EQ(merged, 2u) << src; // x's 4-bit parts, y's 8-bit halves (a leaf per width)
    EXPECT_EQ(queued, 1u) << src; // z[7:0]
    EXPECT_EQ(compileAndRun(g, "merged_parts"), "z=0000\nz=1200\n0000 0001 f000\nz=1234\n100f 1010 "
                                                "e111\nz=1202\n2002 2003 d222\nz=1234\n300f "
                                                "3010 c333\n");
}

// A clocked block checks the variables it reads for X/Z and runs a copy of its statements
// that reads them as known values when none holds one; with an X it runs the 4-state code.
TEST(Codegen, AClockedBlockRunsAKnownValueCopyWhenNothingItReadsIsX) {
    auto g = gen(R"(
module top;
  reg clk = 0, rst;
  reg [7:0] a, q, p;
  always @(posedge clk) if (rst) begin q <= 0; p <= 8'hff; end else begin q <= q + a; p <= {p[6:0], p[7]} ^ a; end
  initial begin
    repeat (6) begin
      #1 clk = 1; #1 clk = 0; $display("%b %b", q, p);
      rst = q === 8'bx || q === 1; a = q === 0 ? 3 : q === 3 ? 8'b1z : 1;
    end
    $finish;
  end
endmodule
)",
                 staticSchedule());
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    EXPECT_NE(src.find("MF_COLD u32 body_"), std::string::npos);        // the 4-state code
    std::string body = functionText(src, "MF_HD MF_OUTLINE u32 body_"); // the known-value copy
    EXPECT_NE(body.find(".xz_bits()) return body_"), std::string::npos) << body;
    EXPECT_NE(body.find(".known()"), std::string::npos) << body;
    EXPECT_EQ(compileAndRun(g, "known_copy"), "xxxxxxxx xxxxxxxx\n00000000 11111111\n"
                                              "00000011 11111100\nxxxxxxxx 1111101x\n"
                                              "00000000 11111111\n00000011 11111100\n");
}

// A clocked output connected to a slice of a bus: the continuous assignment that copies it into
// the bus reads it alone, so the commit runs it at once (proc_<N>) instead of triggering its
// level's scan; `both` reads two signals and keeps its trigger. The values are Icarus's.
TEST(Codegen, CommitRunsACopyOfItsVariableAtOnce) {
    auto g = gen(R"(
module acc4(input clk, input [3:0] d, output reg [3:0] q = 0);
  always @(posedge clk) q <= q + d;
endmodule
module top;
  reg clk = 0;
  wire [7:0] bus;
  reg [3:0] k = 0;
  wire [3:0] both = bus[3:0] ^ k;
  acc4 c0(.clk(clk), .d(4'd1), .q(bus[3:0]));
  acc4 c1(.clk(clk), .d(4'd3), .q(bus[7:4]));
  always @(posedge clk) k <= k + 2;
  initial begin
    repeat (5) begin #1 clk = 1; #1 clk = 0; $display("%h %h", bus, both); end
    $finish;
  end
endmodule
)",
                 staticSchedule());
    ASSERT_TRUE(g.model) << g.errors;
    std::string commit = functionText(g.model->source, "static void commit_free(");
    size_t direct = 0, triggered = 0;
    for (const std::string& line : piecesFrom(commit, "store_changed(", "\n")) {
        direct += line.find("{ proc_") != std::string::npos;
        triggered += line.find("trigger_") != std::string::npos;
    }
    EXPECT_EQ(direct, 2u) << commit;    // c0.q, c1.q
    EXPECT_EQ(triggered, 1u) << commit; // k
    EXPECT_EQ(compileAndRun(g, "commit_copy"), "31 3\n62 6\n93 5\nc4 c\nf5 f\n");
}

// Order-free NBA leaves with the same fanout commit as a group behind a written flag (gw), so
// a clock that writes none of them skips their comparisons; a leaf alone keeps no flag. The
// clock below writes the group {a, b} on odd cycles and c on even ones: the sums show that
// each commit still happens when it should.
TEST(Codegen, CommitGroupsOfSeveralLeavesHaveWrittenFlags) {
    auto g = gen(R"(
module top;
  reg clk = 0;
  reg [7:0] a = 0, b = 0, c = 0, n = 0;
  wire [7:0] ab = a + b;
  wire [7:0] nc = ~c;
  always @(posedge clk) begin
    n <= n + 1;
    if (n[0]) begin a <= n; b <= n + 1; end
    else c <= n;
  end
  initial begin
    repeat (5) begin #1 clk = 1; #1 clk = 0; $display("%0d %0d %0d", n, ab, nc); end
    $finish;
  end
endmodule
)",
                 staticSchedule());
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    std::string commit = functionText(src, "static void commit_free(");
    ASSERT_FALSE(commit.empty());
    EXPECT_EQ(piecesFrom(commit, "if (s.gw[", "\n").size(), 1u) << commit; // {a, b}; c, n alone
    // a and b lie together, and their shadows: the group compares and copies one range.
    EXPECT_NE(commit.find("copy_block_changed(s, d, v, kBytes / 8)"), std::string::npos) << commit;
    EXPECT_EQ(compileAndRun(g, "commit_groups"), "1 0 255\n2 3 255\n3 3 253\n4 7 253\n5 7 251\n");
}

// A design with more order-free NBA leaves than kCommitChunk commits them in chunk functions
// defined before `struct M`, which a split model compiles in parallel; the results stay right.
TEST(Codegen, ManyNbaLeavesCommitInChunks) {
    std::string text = "module top;\n  reg clk = 0;\n  reg [15:0] sum;\n  integer k;\n";
    const int n = 300;
    for (int i = 0; i < n; ++i)
        text += fmt::format("  reg [7:0] r{0} = 0;\n  wire [7:0] w{0} = r{0} ^ 8'h{1:02x};\n"
                            "  always @(posedge clk) r{0} <= r{0} + {2};\n",
                            i, i & 0xff, i % 7 + 1);
    text += "  initial begin\n    repeat (3) begin #1 clk = 1; #1 clk = 0; end\n    sum = 0";
    for (int i = 0; i < n; ++i) text += fmt::format(" + w{}", i);
    text += ";\n    $display(\"%0d\", sum);\n  end\nendmodule\n";
    auto g = gen(text, staticSchedule());
    ASSERT_TRUE(g.model) << g.errors;
    const std::string& src = g.model->source;
    EXPECT_NE(src.find("MF_HD MF_OUTLINE void commit_free_chunk_1(State& s)"), std::string::npos);
    EXPECT_NE(src.find("        commit_free_chunk_1(s);"), std::string::npos);
    EXPECT_LT(src.find("commit_free_chunk_1(State& s)"), src.find("struct M {"));
    int want = 0;
    for (int i = 0; i < n; ++i) want += ((3 * (i % 7 + 1)) & 0xff) ^ (i & 0xff);
    EXPECT_EQ(compileAndRun(g, "commit_chunks"), fmt::format("{}\n", want & 0xffff));
}

#if METALFPGA_HAS_CUDA
// A CUDA model compiles as relocatable units side by side (split like the CPU's parts), each a
// cubin object for the driver's linker; no GPU needed. METALFPGA_CUDA_PARTS chooses the count.
TEST(CudaBackend, ModelCompilesAsRelocatableUnits) {
    std::string text = "module top;\n  reg [7:0] a;\n";
    for (int i = 0; i < 6; ++i)
        text += fmt::format("  initial begin #{} a = a + {}; $display(\"{} %0d\", a); end\n", i + 1,
                            i, i);
    text += "  initial a = 1;\nendmodule\n";
    auto g = gen(text);
    ASSERT_TRUE(g.model) << g.errors;
    std::string error;
    if (!backends::cuda::nvrtc().error.empty()) GTEST_SKIP() << backends::cuda::nvrtc().error;
    std::vector<std::vector<char>> units;
    ASSERT_TRUE(backends::cuda::compileUnits(g.model->source, "sm_90", 2, units, error)) << error;
    ASSERT_EQ(units.size(), 2u);
    for (const auto& u : units) {
        ASSERT_GT(u.size(), 4u);
        EXPECT_EQ(std::string(u.data(), 4), "\x7f"
                                            "ELF");
    }
    ::setenv("METALFPGA_CUDA_PARTS", "3", 1);
    EXPECT_EQ(backends::cuda::cudaParts(g.model->source, error), 3u);
    ::setenv("METALFPGA_CUDA_PARTS", "0", 1);
    EXPECT_EQ(backends::cuda::cudaParts(g.model->source, error), 0u);
    std::string whole = backends::cuda::baseKey(g.model->source, error);
    ::setenv("METALFPGA_CUDA_PARTS", "two", 1);
    EXPECT_EQ(backends::cuda::cudaParts(g.model->source, error), backends::cuda::kBadParts);
    EXPECT_NE(error.find("two"), std::string::npos);
    ::setenv("METALFPGA_CUDA_PARTS", "auto", 1);
    EXPECT_EQ(backends::cuda::cudaParts(g.model->source, error), 1u); // a small model: one unit
    EXPECT_NE(backends::cuda::baseKey(g.model->source, error), whole);
    ::unsetenv("METALFPGA_CUDA_PARTS");
    EXPECT_EQ(backends::cuda::cudaParts(g.model->source, error), 0u); // whole program
    EXPECT_EQ(backends::cuda::baseKey(g.model->source, error), whole);
}
#endif

} // namespace
} // namespace metalfpga::codegen::test
