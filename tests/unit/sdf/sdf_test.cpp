// SDF reading (sdf_parser.cpp) and back-annotation of module paths (annotate.cpp), on designs
// whose paths elab/module_paths.cpp lowered onto the output port connections.
#include "../elab/elab_test_util.h"
#include "sdf/annotate.h"
#include "sdf/sdf_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace metalfpga;

namespace {

std::optional<sdf::File> parseText(const std::string& text, std::string& errors) {
    frontend::SourceManager sm;
    frontend::Diagnostics diags(sm);
    diags.setQuiet(true);
    uint32_t b = sm.addBuffer("t.sdf", text);
    auto f = sdf::parse(sm, b, diags);
    for (const auto& d : diags.all()) errors += d.message + "\n";
    return f;
}

const char* kCells = R"(
`timescale 1ns/10ps
module INV(output Y, input A);
  not (Y, A);
  specify
    (A => Y) = (1, 2);
  endspecify
endmodule
module FF(output reg Q, input CK, input D);
  always @(posedge CK) Q <= D;
  specify
    (posedge CK => (Q +: D)) = 3;
    (negedge CK => (Q +: D)) = 4;
  endspecify
endmodule
module top;
  reg a, c, d;
  wire y, q;
  wire [1:0] v;
  INV u1(y, a);
  INV u2(v[1], a);
  FF f(q, c, d);
endmodule
)";

// The delays of the module paths that reach the output bits of `scope`, as numbers.
std::vector<std::vector<double>> pathDelays(const ir::Design& d, const std::string& scope) {
    std::vector<std::vector<double>> out;
    ir::ScopeId s = d.findScope(scope);
    for (const ir::Process& p : d.processes) {
        if (p.scope != s) continue;
        for (const ir::ModulePath& m : p.paths) {
            std::vector<double> v;
            for (const auto& e : m.delays) // to 1e-9 of the unit: SDF units convert inexactly
                v.push_back(std::round(1e9 * (e->kind == ir::ExprKind::RealConst
                                                  ? e->real
                                                  : double(e->value.to_u64()))) /
                            1e9);
            out.push_back(v);
        }
    }
    return out;
}

struct Annotated {
    std::unique_ptr<elab::test::Elaborated> e;
    bool ok = false;
    std::string errors;
};

Annotated annotateWith(const std::string& sdfText, const std::string& scope = "top") {
    Annotated a;
    a.e = elab::test::elaborateText(kCells);
    auto path = std::filesystem::temp_directory_path() /
                ("metalfpga_sdf_test_" + std::to_string(::getpid()) + ".sdf");
    std::ofstream(path) << sdfText;
    sdf::AnnotateOptions o;
    o.requests.push_back({path.string(), scope});
    a.ok = sdf::annotate(*a.e->design, a.e->sm, *a.e->diags, o);
    for (const auto& d : a.e->diags->all()) a.errors += d.message + "\n";
    std::filesystem::remove(path);
    return a;
}

} // namespace

TEST(ModulePaths, AnOutputPortConnectionReachedByPathsIsSplitPerBitAndDelayed) {
    auto e = elab::test::elaborateText(kCells);
    ASSERT_TRUE(e->design) << e->errors;
    ir::ScopeId u2 = e->design->findScope("top.u2");
    int delayed = 0;
    for (const ir::Process& p : e->design->processes)
        if (p.kind == ir::ProcessKind::PortConnection && p.scope == u2 &&
            p.portDir == ir::PortDir::Output) {
            EXPECT_EQ(p.lhs->type.width, 1u);
            EXPECT_FALSE(p.collapsed);
            ASSERT_EQ(p.paths.size(), 1u);
            EXPECT_FALSE(p.delay.empty()); // later stages see a delayed driver
            ++delayed;
        }
    EXPECT_EQ(delayed, 1);
    auto ff = pathDelays(*e->design, "top.f");
    ASSERT_EQ(ff.size(), 2u); // the posedge and the negedge path of Q
}

TEST(ModulePaths, APathToAnInoutPortIsNamedAsNotSupported) {
    auto e = elab::test::elaborateText(R"(
module pad(inout O, input I);
  assign O = I;
  specify
    (I => O) = 2;
  endspecify
endmodule
module top; wire o; reg i; pad c(o, i); endmodule
)");
    EXPECT_FALSE(e->design);
    EXPECT_NE(e->errors.find("module paths to 'O'"), std::string::npos) << e->errors;
}

TEST(SdfParse, ReadsTheHeaderCellsAndIopathsAndListsWhatItIgnores) {
    std::string errors;
    auto f = parseText(R"((DELAYFILE (SDFVERSION "3.0") (DIVIDER /) (TIMESCALE 100 ps)
  // a comment
  (CELL (CELLTYPE "INV") (INSTANCE a/\b\/c/u1)
    (DELAY (ABSOLUTE (IOPATH A Y (1:2:3) ()) (INTERCONNECT x y (1)))
           (INCREMENT (IOPATH (posedge CK) Q[2] ((4) (1)))))
    (TIMINGCHECK (SETUP D (posedge CK) (1))))
  (CELL (CELLTYPE "FF") (INSTANCE *)))
)",
                       errors);
    ASSERT_TRUE(f) << errors;
    EXPECT_DOUBLE_EQ(f->timescale, 100e-12);
    ASSERT_EQ(f->cells.size(), 2u);
    const sdf::Cell& c = f->cells[0];
    EXPECT_EQ(c.type, "INV");
    EXPECT_EQ(c.instance, (std::vector<std::string>{"a", "b/c", "u1"}));
    ASSERT_EQ(c.paths.size(), 2u);
    EXPECT_EQ(c.paths[0].in.name, "A");
    EXPECT_EQ(*c.paths[0].values[0].min, 1);
    EXPECT_EQ(*c.paths[0].values[0].max, 3);
    EXPECT_TRUE(c.paths[0].values[1].empty());
    EXPECT_TRUE(c.paths[1].increment);
    EXPECT_EQ(c.paths[1].in.edge, sdf::Edge::Posedge);
    EXPECT_EQ(*c.paths[1].out.bit, 2);
    EXPECT_EQ(*c.paths[1].values[0].typ, 4); // the pulse limit (1) is ignored
    EXPECT_TRUE(f->cells[1].wildcard);
    std::vector<std::string> ignored;
    for (const auto& i : f->ignored) ignored.push_back(i.what);
    EXPECT_EQ(ignored, (std::vector<std::string>{"INTERCONNECT", "PULSE LIMITS", "TIMINGCHECK"}));
}

TEST(SdfParse, ASyntaxErrorNamesItsPlace) {
    std::string errors;
    EXPECT_FALSE(parseText("(DELAYFILE (CELL (CELLTYPE \"X\") (INSTANCE u)\n", errors));
    EXPECT_NE(errors.find("a ')' is missing"), std::string::npos) << errors;
    errors.clear();
    EXPECT_FALSE(parseText("(DELAYFILE (TIMESCALE 3 ns))", errors));
    EXPECT_NE(errors.find("TIMESCALE"), std::string::npos) << errors;
    errors.clear();
    EXPECT_FALSE(parseText("(DELAYFILE (CELL (CELLTYPE \"X\") (INSTANCE u) (DELAY (ABSOLUTE "
                           "(IOPATH A Y (1) (2) (3) (4))))))",
                           errors));
    EXPECT_NE(errors.find("1, 2, 3, 6 or 12"), std::string::npos) << errors;
}

TEST(SdfAnnotate, AbsoluteValuesReplaceAPathsDelaysInTheModulesUnit) {
    auto a = annotateWith(R"((DELAYFILE (TIMESCALE 100ps)
  (CELL (CELLTYPE "INV") (INSTANCE u1) (DELAY (ABSOLUTE (IOPATH A Y (10:20:30) (40)))))))");
    ASSERT_TRUE(a.ok) << a.errors;
    EXPECT_EQ(pathDelays(*a.e->design, "top.u1"), (std::vector<std::vector<double>>{{2, 4}}));
    EXPECT_EQ(pathDelays(*a.e->design, "top.u2"), (std::vector<std::vector<double>>{{1, 2}}));
}

TEST(SdfAnnotate, IncrementAndEmptyValuesKeepWhatThePathHad) {
    auto a = annotateWith(R"((DELAYFILE
  (CELL (CELLTYPE "INV") (INSTANCE *) (DELAY (INCREMENT (IOPATH A Y (0.5) ()))))))");
    ASSERT_TRUE(a.ok) << a.errors;
    EXPECT_EQ(pathDelays(*a.e->design, "top.u1"), (std::vector<std::vector<double>>{{1.5, 2}}));
    EXPECT_EQ(pathDelays(*a.e->design, "top.u2"), (std::vector<std::vector<double>>{{1.5, 2}}));
}

TEST(SdfAnnotate, AnEdgeInTheIopathPicksThePathsOfThatEdge) {
    auto a = annotateWith(R"((DELAYFILE
  (CELL (CELLTYPE "FF") (INSTANCE f) (DELAY (ABSOLUTE (IOPATH (negedge CK) Q (7)))))))");
    ASSERT_TRUE(a.ok) << a.errors;
    auto ff = pathDelays(*a.e->design, "top.f");
    ASSERT_EQ(ff.size(), 2u);
    EXPECT_TRUE((ff[0] == std::vector<double>{3} && ff[1] == std::vector<double>{7}) ||
                (ff[0] == std::vector<double>{7} && ff[1] == std::vector<double>{3}));
}

TEST(SdfAnnotate, AMissingInstanceOrCellTypeIsAWarningAndAnUnreadableFileAnError) {
    auto a = annotateWith(R"((DELAYFILE
  (CELL (CELLTYPE "INV") (INSTANCE nowhere) (DELAY (ABSOLUTE (IOPATH A Y (7)))))
  (CELL (CELLTYPE "FF") (INSTANCE u1) (DELAY (ABSOLUTE (IOPATH A Y (7)))))))");
    EXPECT_TRUE(a.ok) << a.errors;
    EXPECT_NE(a.errors.find("no instance 'nowhere'"), std::string::npos) << a.errors;
    EXPECT_NE(a.errors.find("is a 'INV', not a 'FF'"), std::string::npos) << a.errors;
    EXPECT_EQ(pathDelays(*a.e->design, "top.u1"), (std::vector<std::vector<double>>{{1, 2}}));

    auto e = elab::test::elaborateText(kCells);
    sdf::AnnotateOptions o;
    o.requests.push_back({"/nonexistent/x.sdf", ""});
    EXPECT_FALSE(sdf::annotate(*e->design, e->sm, *e->diags, o));
}

TEST(SdfAnnotate, AnAnnotateCallAfterTimeZeroIsNamedAsNotSupported) {
    auto e = elab::test::elaborateText(R"(
module top; initial begin #5 $sdf_annotate("x.sdf"); end endmodule
)");
    ASSERT_TRUE(e->design) << e->errors;
    EXPECT_FALSE(sdf::annotate(*e->design, e->sm, *e->diags, {}));
    std::string errors;
    for (const auto& d : e->diags->all()) errors += d.message + "\n";
    EXPECT_NE(errors.find("after time 0"), std::string::npos) << errors;
}
