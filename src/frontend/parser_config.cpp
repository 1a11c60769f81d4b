// Configurations (1364-2005 A.1.4 and clause 13). Library map files are not parsed here.

#include "frontend/parser.h"

namespace metalfpga::frontend {

using namespace ast;

LibCell Parser::parseLibCell(const char* context) {
    LibCell lc;
    Identifier first = expectIdentifier(context);
    if (accept(TokenKind::Dot)) {
        lc.library = first;
        lc.cell = expectIdentifier("a cell name after '.'");
    } else {
        lc.cell = first;
    }
    return lc;
}

DescriptionPtr Parser::parseConfig(Attributes attrs) {
    const Token& kw = consume();
    auto c = std::make_unique<Config>(kw.loc);
    c->attrs = std::move(attrs);
    struct ConfigScope {
        bool& flag;
        explicit ConfigScope(bool& f) : flag(f) { flag = true; }
        ~ConfigScope() { flag = false; }
    } scope(inConfig_);
    try {
        c->name = expectIdentifier("a config name");
        expect(TokenKind::Semicolon, "after config name");
        expect(TokenKind::KwDesign, "to start the config ('design' statement)");
        while (at(TokenKind::Identifier)) c->design.push_back(parseLibCell("a cell name"));
        expect(TokenKind::Semicolon, "after design statement");
    } catch (SyntaxError&) {
        skipTo({TokenKind::KwEndconfig, TokenKind::KwDefault, TokenKind::KwInstance,
                TokenKind::KwCell},
               false);
    }
    while (!at(TokenKind::KwEndconfig) && !isAlwaysStop(peek().kind)) {
        size_t start = pos_;
        try {
            ConfigRule r;
            r.loc = peek().loc;
            bool needsClause = true;
            if (accept(TokenKind::KwDefault)) {
                r.kind = ConfigRule::Kind::Default;
                if (!at(TokenKind::KwLiblist)) fail("expected 'liblist' after 'default'");
            } else if (accept(TokenKind::KwInstance)) {
                r.kind = ConfigRule::Kind::Instance;
                r.instance = parseHierName("an instance name");
            } else if (accept(TokenKind::KwCell)) {
                r.kind = ConfigRule::Kind::Cell;
                r.cell = parseLibCell("a cell name");
            } else {
                fail("expected 'default', 'instance', 'cell' or 'endconfig'");
            }
            if (accept(TokenKind::KwLiblist)) {
                while (at(TokenKind::Identifier)) r.liblist.push_back(identFrom(consume()));
            } else if (accept(TokenKind::KwUse)) {
                r.isUse = true;
                r.use = parseLibCell("a cell name after 'use'");
                if (accept(TokenKind::Colon)) {
                    expect(TokenKind::KwConfig, "after ':' in use clause");
                    r.useConfig = true;
                }
            } else if (needsClause) {
                fail("expected 'liblist' or 'use'");
            }
            expect(TokenKind::Semicolon, "after config rule");
            c->rules.push_back(std::move(r));
        } catch (SyntaxError&) {
            skipTo({TokenKind::KwEndconfig}, false);
            if (pos_ == start) consume();
        }
    }
    if (!accept(TokenKind::KwEndconfig)) error(peek().loc, "expected 'endconfig'");
    return c;
}

} // namespace metalfpga::frontend
