#include "frontend/token.h"

#include <gtest/gtest.h>

using namespace metalfpga::frontend;

TEST(Token, KeywordsAreRecognised) {
    EXPECT_EQ(keywordKind("module"), TokenKind::KwModule);
    EXPECT_EQ(keywordKind("pulsestyle_ondetect"), TokenKind::KwPulsestyleOndetect);
    EXPECT_EQ(keywordKind("modules"), TokenKind::Identifier);
    EXPECT_EQ(keywordKind("Module"), TokenKind::Identifier); // Verilog is case-sensitive
}

TEST(Token, KindNames) {
    EXPECT_EQ(tokenKindName(TokenKind::AShr), ">>>");
    EXPECT_EQ(tokenKindName(TokenKind::KwEndmodule), "endmodule");
    EXPECT_EQ(tokenKindName(TokenKind::Identifier), "identifier");
}
