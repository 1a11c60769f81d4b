#include "frontend/diagnostics.h"

#include <gtest/gtest.h>

using namespace metalfpga::frontend;

TEST(SourceManager, LineAndColumn) {
    SourceManager sm;
    uint32_t b = sm.addBuffer("a.v", "module m;\n  wire x;\nendmodule\n");
    EXPECT_EQ(sm.lineCol({b, 0, 0}).line, 1u);
    EXPECT_EQ(sm.lineCol({b, 12, 0}).line, 2u);
    EXPECT_EQ(sm.lineCol({b, 12, 0}).col, 3u);
    EXPECT_EQ(sm.lineText({b, 12, 0}), "  wire x;");
}

TEST(SourceManager, LineDirectiveRenamesAndRenumbers) {
    SourceManager sm;
    uint32_t b = sm.addBuffer("a.v", "`line 100 \"orig.v\" 0\nwire x;\n");
    sm.addLineDirective({b, 0, 0}, "orig.v", 100);
    SourceLoc wire{b, 22, 0};
    EXPECT_EQ(sm.displayName(wire), "orig.v");
    EXPECT_EQ(sm.displayLineCol(wire).line, 100u);
}

TEST(Diagnostics, RendersLocationLineAndCaret) {
    SourceManager sm;
    uint32_t b = sm.addBuffer("top.v", "module m;\n  wire = 1;\nendmodule\n");
    Diagnostics d(sm);
    d.setQuiet(true);
    d.error(SourceLoc{b, 17, 0}, "expected {}", "an identifier");
    ASSERT_EQ(d.all().size(), 1u);
    EXPECT_EQ(d.render(d.all()[0]), "top.v:2:8: error: expected an identifier\n"
                                     "    :   wire = 1;\n"
                                     "    :        ^\n");
    EXPECT_EQ(d.errorCount(), 1u);
}

TEST(Diagnostics, ShowsIncludeChainAndMacroExpansion) {
    SourceManager sm;
    uint32_t top = sm.addBuffer("top.v", "`include \"inc.vh\"\n");
    uint32_t inc = sm.addBuffer("inc.vh", "`FOO\n", SourceLoc{top, 0, 0});
    uint32_t e = sm.addExpansion({"FOO", SourceLoc{inc, 0, 0}, SourceLoc{top, 0, 0}});
    Diagnostics d(sm);
    d.setQuiet(true);
    d.error(SourceLoc{inc, 1, e}, "bad");
    std::string text = d.render(d.all()[0]);
    EXPECT_NE(text.find("inc.vh:1:1: note: in expansion of macro 'FOO'"), std::string::npos);
    EXPECT_NE(text.find("top.v:1:1: note: included from here"), std::string::npos);
}

TEST(Diagnostics, ErrorLimitStopsStoring) {
    SourceManager sm;
    Diagnostics d(sm);
    d.setQuiet(true);
    d.setErrorLimit(2);
    for (int i = 0; i < 5; ++i) d.error(SourceLoc{}, "e");
    EXPECT_EQ(d.errorCount(), 5u);
    EXPECT_EQ(d.all().size(), 2u);
}
