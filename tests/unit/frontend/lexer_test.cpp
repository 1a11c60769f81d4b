#include "frontend/lexer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

using namespace metalfpga::frontend;

namespace metalfpga::frontend {
// Readable token kinds in test failures.
void PrintTo(TokenKind k, std::ostream* os) {
    *os << tokenKindName(k);
}
} // namespace metalfpga::frontend

namespace {

struct Lexed {
    SourceManager sm;
    Diagnostics diags{sm};
    uint32_t buffer = 0;
    std::vector<Token> tokens; // without the final EndOfFile

    explicit Lexed(std::string text) {
        diags.setQuiet(true);
        buffer = sm.addBuffer("test.v", std::move(text));
        Lexer lex(sm, diags, buffer);
        for (int i = 0; i < 100000; ++i) {
            Token t = lex.next();
            if (t.kind == TokenKind::EndOfFile) return;
            tokens.push_back(t);
        }
        ADD_FAILURE() << "lexer did not reach the end";
    }

    std::vector<TokenKind> kinds() const {
        std::vector<TokenKind> k;
        for (const auto& t : tokens) k.push_back(t.kind);
        return k;
    }
    std::vector<std::string> texts() const {
        std::vector<std::string> k;
        for (const auto& t : tokens) k.emplace_back(t.text);
        return k;
    }
    LineCol at(size_t i) const { return sm.lineCol(tokens.at(i).loc); }
    LineCol diagAt(size_t i) const { return sm.lineCol(diags.all().at(i).loc); }
};

using K = TokenKind;
using Kinds = std::vector<TokenKind>;
using Texts = std::vector<std::string>;

} // namespace

TEST(Lexer, Empty) {
    Lexed l("");
    EXPECT_TRUE(l.tokens.empty());
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, EndOfFileRepeats) {
    SourceManager sm;
    Diagnostics diags(sm);
    Lexer lex(sm, diags, sm.addBuffer("t.v", "a"));
    EXPECT_EQ(lex.next().kind, K::Identifier);
    EXPECT_EQ(lex.next().kind, K::EndOfFile);
    EXPECT_EQ(lex.next().kind, K::EndOfFile);
}

TEST(Lexer, IdentifiersAndKeywords) {
    Lexed l("module m_1$x _a endmodule Module wire");
    EXPECT_EQ(l.kinds(), (Kinds{K::KwModule, K::Identifier, K::Identifier, K::KwEndmodule,
                                K::Identifier, K::KwWire}));
    EXPECT_EQ(l.texts(), (Texts{"module", "m_1$x", "_a", "endmodule", "Module", "wire"}));
}

TEST(Lexer, EscapedIdentifiers) {
    Lexed l("\\bus[0] \\module \\a+b*c\n\\x");
    ASSERT_EQ(l.tokens.size(), 4u);
    EXPECT_EQ(l.kinds(), (Kinds{K::Identifier, K::Identifier, K::Identifier, K::Identifier}));
    EXPECT_EQ(l.texts(), (Texts{"bus[0]", "module", "a+b*c", "x"}));
    for (const auto& t : l.tokens) EXPECT_TRUE(t.escaped);
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, LoneBackslashIsAnError) {
    Lexed l("a \\ b");
    EXPECT_EQ(l.kinds(), (Kinds{K::Identifier, K::Unknown, K::Identifier}));
    ASSERT_EQ(l.diags.errorCount(), 1u);
    EXPECT_EQ(l.diagAt(0).col, 3u);
}

TEST(Lexer, SystemIdentifiers) {
    Lexed l("$display $time $my_task$1");
    EXPECT_EQ(l.kinds(), (Kinds{K::SystemIdentifier, K::SystemIdentifier, K::SystemIdentifier}));
    EXPECT_EQ(l.texts(), (Texts{"$display", "$time", "$my_task$1"}));
}

TEST(Lexer, DecimalNumbers) {
    Lexed l("0 42 1_000_000 007");
    EXPECT_EQ(l.kinds(),
              (Kinds{K::IntegerLiteral, K::IntegerLiteral, K::IntegerLiteral, K::IntegerLiteral}));
    EXPECT_EQ(l.texts(), (Texts{"0", "42", "1_000_000", "007"}));
}

TEST(Lexer, SizedBasedNumbers) {
    Lexed l("4'b1010 8'hFF 12'o777 16'd65535 8'sh7f 4'SB1x0z 'hdead_beef 'd10 32'HAbCd");
    EXPECT_EQ(l.texts(), (Texts{"4", "'b1010", "8", "'hFF", "12", "'o777", "16", "'d65535", "8",
                                "'sh7f", "4", "'SB1x0z", "'hdead_beef", "'d10", "32", "'HAbCd"}));
    EXPECT_EQ(l.tokens[0].kind, K::IntegerLiteral);
    EXPECT_EQ(l.tokens[1].kind, K::BasedLiteral);
    EXPECT_FALSE(l.tokens[1].spaceBefore);
    EXPECT_EQ(l.tokens[12].kind, K::BasedLiteral);
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, BasedNumbersWithXZAndQuestion) {
    Lexed l("8'bxxxx_zzzz 4'b?10? 'hx 'dz 'd? 8'hzZ 8'HxX");
    EXPECT_EQ(l.texts(), (Texts{"8", "'bxxxx_zzzz", "4", "'b?10?", "'hx", "'dz", "'d?", "8", "'hzZ",
                                "8", "'HxX"}));
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, WhitespaceInsideBasedNumbers) {
    Lexed l("8 'h ff 4'b  1010 16 'sd\t12 'o 7");
    EXPECT_EQ(l.texts(), (Texts{"8", "'h ff", "4", "'b  1010", "16", "'sd\t12", "'o 7"}));
    EXPECT_EQ(l.tokens[1].kind, K::BasedLiteral);
    EXPECT_TRUE(l.tokens[1].spaceBefore);
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, BadBasedNumbers) {
    Lexed l("4'b102 'q1 8'h\n;");
    ASSERT_EQ(l.diags.errorCount(), 3u);
    EXPECT_EQ(l.diagAt(0).col, 6u);  // the digit 2
    EXPECT_EQ(l.diagAt(1).col, 8u);  // 'q
    EXPECT_EQ(l.diagAt(2).col, 13u); // 'h with no digits
    EXPECT_EQ(l.tokens.back().kind, K::Semicolon);
}

TEST(Lexer, RealNumbers) {
    Lexed l("1.5 1e3 1.5e-3 1_0.0_1 1E+2 0.1 2.5E10 3e-0");
    for (const auto& t : l.tokens) EXPECT_EQ(t.kind, K::RealLiteral) << t.text;
    EXPECT_EQ(l.texts(),
              (Texts{"1.5", "1e3", "1.5e-3", "1_0.0_1", "1E+2", "0.1", "2.5E10", "3e-0"}));
}

TEST(Lexer, NumbersThatAreNotReals) {
    // "1." and "1e" with no digits after them are an integer followed by something else.
    Lexed l("a[1].b 2ex 3e+ x");
    EXPECT_EQ(l.kinds(), (Kinds{K::Identifier, K::LBracket, K::IntegerLiteral, K::RBracket, K::Dot,
                                K::Identifier, K::IntegerLiteral, K::Identifier, K::IntegerLiteral,
                                K::Identifier, K::Plus, K::Identifier}));
}

TEST(Lexer, Strings) {
    Lexed l(R"("hello" "" "a\"b" "tab\there\\" "%d\n")");
    EXPECT_EQ(l.kinds(), (Kinds{K::StringLiteral, K::StringLiteral, K::StringLiteral,
                                K::StringLiteral, K::StringLiteral}));
    EXPECT_EQ(l.texts(), (Texts{"hello", "", R"(a\"b)", R"(tab\there\\)", R"(%d\n)"}));
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, UnterminatedStringAtNewline) {
    Lexed l("x = \"abc\ny;");
    ASSERT_EQ(l.diags.errorCount(), 1u);
    EXPECT_EQ(l.diagAt(0).line, 1u);
    EXPECT_EQ(l.diagAt(0).col, 5u);
    EXPECT_EQ(l.kinds(),
              (Kinds{K::Identifier, K::Assign, K::StringLiteral, K::Identifier, K::Semicolon}));
    EXPECT_EQ(l.tokens[2].text, "abc");
}

TEST(Lexer, UnterminatedStringAtEnd) {
    Lexed l("\"abc\\");
    ASSERT_EQ(l.diags.errorCount(), 1u);
    EXPECT_EQ(l.diagAt(0).col, 1u);
}

TEST(Lexer, AllOperators) {
    Lexed l("( ) [ ] { } , ; : . # @ ? = + - * / % ** ! ~ & | ^ ~& ~| ~^ ^~ == != === !== < <= > "
            ">= && || &&& << >> <<< >>> +: -: -> => *> (* *)");
    EXPECT_EQ(
        l.kinds(),
        (Kinds{K::LParen,    K::RParen,    K::LBracket,  K::RBracket,   K::LBrace,     K::RBrace,
               K::Comma,     K::Semicolon, K::Colon,     K::Dot,        K::Hash,       K::At,
               K::Question,  K::Assign,    K::Plus,      K::Minus,      K::Star,       K::Slash,
               K::Percent,   K::Power,     K::Bang,      K::Tilde,      K::Amp,        K::Pipe,
               K::Caret,     K::TildeAmp,  K::TildePipe, K::TildeCaret, K::TildeCaret, K::EqEq,
               K::BangEq,    K::EqEqEq,    K::BangEqEq,  K::Less,       K::LessEq,     K::Greater,
               K::GreaterEq, K::AmpAmp,    K::PipePipe,  K::AmpAmpAmp,  K::Shl,        K::Shr,
               K::AShl,      K::AShr,      K::PlusColon, K::MinusColon, K::Arrow,      K::FatArrow,
               K::StarArrow, K::AttrOpen,  K::AttrClose}));
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, LongestMatchWithoutSpaces) {
    Lexed l("a<<<=b===c!==d&&&e~^f^~g**h>>>i");
    EXPECT_EQ(l.kinds(), (Kinds{K::Identifier, K::AShl, K::Assign, K::Identifier, K::EqEqEq,
                                K::Identifier, K::BangEqEq, K::Identifier, K::AmpAmpAmp,
                                K::Identifier, K::TildeCaret, K::Identifier, K::TildeCaret,
                                K::Identifier, K::Power, K::Identifier, K::AShr, K::Identifier}));
    EXPECT_EQ(l.tokens[12].text, "^~");
}

TEST(Lexer, EventControlStar) {
    for (const char* src : {"@(*)", "@( *)", "@(* )", "@( * )", "@(\n*\n)"}) {
        Lexed l(src);
        EXPECT_EQ(l.kinds(), (Kinds{K::At, K::LParen, K::Star, K::RParen})) << src;
        EXPECT_EQ(l.diags.errorCount(), 0u);
    }
    Lexed star("@*");
    EXPECT_EQ(star.kinds(), (Kinds{K::At, K::Star}));
}

TEST(Lexer, Attributes) {
    Lexed l("(* full_case, parallel_case *) (*x=1*) a = b * (c);");
    EXPECT_EQ(l.kinds(), (Kinds{K::AttrOpen, K::Identifier, K::Comma, K::Identifier, K::AttrClose,
                                K::AttrOpen, K::Identifier, K::Assign, K::IntegerLiteral,
                                K::AttrClose, K::Identifier, K::Assign, K::Identifier, K::Star,
                                K::LParen, K::Identifier, K::RParen, K::Semicolon}));
}

TEST(Lexer, SpecifyPaths) {
    Lexed l("(a => b) = 1; (c *> d) = 2; (posedge clk => (q +: d)) = 3;");
    auto k = l.kinds();
    EXPECT_EQ(k[2], K::FatArrow);
    EXPECT_EQ(k[10], K::StarArrow);
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, Comments) {
    Lexed l("a // line comment\nb /* block\n comment */ c /**/d/* ** / */e");
    EXPECT_EQ(l.texts(), (Texts{"a", "b", "c", "d", "e"}));
    EXPECT_TRUE(l.tokens[1].lineStart);
    EXPECT_TRUE(l.tokens[1].spaceBefore);
    EXPECT_TRUE(l.tokens[2].lineStart); // first token of line 3
    EXPECT_TRUE(l.tokens[2].spaceBefore);
    EXPECT_TRUE(l.tokens[3].spaceBefore);
    EXPECT_TRUE(l.tokens[4].spaceBefore);
}

TEST(Lexer, UnterminatedBlockComment) {
    Lexed l("a\n  /* never closed\n b c");
    EXPECT_EQ(l.texts(), (Texts{"a"}));
    ASSERT_EQ(l.diags.errorCount(), 1u);
    EXPECT_EQ(l.diagAt(0).line, 2u);
    EXPECT_EQ(l.diagAt(0).col, 3u);
}

TEST(Lexer, SpaceAndLineStartFlags) {
    Lexed l("a b(c)\n  d");
    EXPECT_TRUE(l.tokens[0].lineStart);
    EXPECT_FALSE(l.tokens[0].spaceBefore);
    EXPECT_TRUE(l.tokens[1].spaceBefore);
    EXPECT_FALSE(l.tokens[2].spaceBefore);
    EXPECT_FALSE(l.tokens[2].lineStart);
    EXPECT_TRUE(l.tokens[5].lineStart);
    EXPECT_EQ(l.at(5).line, 2u);
    EXPECT_EQ(l.at(5).col, 3u);
}

TEST(Lexer, Directives) {
    Lexed l("`define W 8\n`W `timescale a``b `\"x`\" `\\`\"");
    EXPECT_EQ(l.texts(), (Texts{"`define", "W", "8", "`W", "`timescale", "a", "``", "b", "`\"", "x",
                                "`\"", "`\\`\""}));
    EXPECT_EQ(l.tokens[0].kind, K::Directive);
    EXPECT_EQ(l.tokens[3].kind, K::Directive);
    EXPECT_EQ(l.tokens[6].kind, K::Directive);
    EXPECT_EQ(l.tokens[11].kind, K::Directive);
    EXPECT_EQ(l.diags.errorCount(), 0u);
}

TEST(Lexer, StrayBackquote) {
    Lexed l("a ` b");
    EXPECT_EQ(l.kinds(), (Kinds{K::Identifier, K::Unknown, K::Identifier}));
    EXPECT_EQ(l.diags.errorCount(), 1u);
}

TEST(Lexer, UnknownCharacters) {
    const char src[] = "a \x01 b\n  \xff c \xc3\xa9 d";
    Lexed l(std::string(src, sizeof(src) - 1));
    EXPECT_EQ(l.kinds(), (Kinds{K::Identifier, K::Unknown, K::Identifier, K::Unknown, K::Identifier,
                                K::Unknown, K::Identifier}));
    ASSERT_EQ(l.diags.errorCount(), 3u);
    EXPECT_EQ(l.diagAt(0).line, 1u);
    EXPECT_EQ(l.diagAt(0).col, 3u);
    EXPECT_EQ(l.diagAt(1).line, 2u);
    EXPECT_EQ(l.diagAt(1).col, 3u);
}

TEST(Lexer, NulBytes) {
    std::string s("a\0b", 3);
    Lexed l(s);
    EXPECT_EQ(l.kinds(), (Kinds{K::Identifier, K::Unknown, K::Identifier}));
    EXPECT_EQ(l.diags.errorCount(), 1u);
}

TEST(Lexer, DollarAlone) {
    Lexed l("$ x");
    EXPECT_EQ(l.kinds(), (Kinds{K::Unknown, K::Identifier}));
    EXPECT_EQ(l.diags.errorCount(), 1u);
}

TEST(Lexer, LocationsOfTokens) {
    Lexed l("module m;\n  wire [7:0] w;\nendmodule\n");
    EXPECT_EQ(l.at(0).line, 1u);
    EXPECT_EQ(l.at(3).line, 2u);
    EXPECT_EQ(l.at(3).col, 3u);
    EXPECT_EQ(l.at(5).col, 9u); // the 7
    EXPECT_EQ(l.tokens.back().kind, K::KwEndmodule);
    EXPECT_EQ(l.at(l.tokens.size() - 1).line, 3u);
}

TEST(Lexer, MacroBodyHelpers) {
    SourceManager sm;
    Diagnostics diags(sm);
    diags.setQuiet(true);
    Lexer lex(sm, diags, sm.addBuffer("t.v", "`define M(a) a + \\\n  1 // c\nnext"));
    EXPECT_EQ(lex.next().text, "`define");
    std::vector<std::string> body;
    while (!lex.atEndOfLine()) body.emplace_back(lex.next().text);
    EXPECT_EQ(body, (std::vector<std::string>{"M", "(", "a", ")", "a", "+", "1"}));
    Token n = lex.next();
    EXPECT_EQ(n.text, "next");
    EXPECT_TRUE(n.lineStart);

    Lexer lex2(sm, diags, sm.addBuffer("u.v", "`define X a /* c */ + \"//s\" // x\nnext"));
    lex2.next();
    lex2.next();
    SourceLoc start;
    EXPECT_EQ(lex2.readMacroBody(start), "a   + \"//s\"");
    EXPECT_EQ(sm.lineCol(start).col, 11u);
    EXPECT_EQ(lex2.next().text, "next");

    Lexer lex3(sm, diags, sm.addBuffer("v.v", "`include \"a.v\"  \nnext"));
    lex3.next();
    EXPECT_EQ(lex3.readRestOfLine(start), "\"a.v\"");
    EXPECT_EQ(lex3.next().text, "next");
}

TEST(Lexer, QuietSuppressesErrors) {
    SourceManager sm;
    Diagnostics diags(sm);
    diags.setQuiet(true);
    Lexer lex(sm, diags, sm.addBuffer("t.v", "\x01 \"abc"));
    lex.setQuiet(true);
    while (lex.next().kind != K::EndOfFile) {
    }
    EXPECT_EQ(diags.errorCount(), 0u);
}

TEST(Lexer, NeverHangsOnAnyByte) {
    std::string all;
    for (int rep = 0; rep < 3; ++rep)
        for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
    all += "'s \\ ` $ \"";
    Lexed l(all);
    EXPECT_GT(l.diags.errorCount(), 0u);
    // Pseudo-random byte soup.
    uint32_t x = 12345;
    std::string soup;
    for (int i = 0; i < 20000; ++i) {
        x = x * 1103515245u + 12345u;
        soup += "()*`'\"\\/$ \n\tab19hx_=!<>&|^~:+-"[(x >> 16) % 33];
    }
    Lexed s(soup);
    SUCCEED();
}
