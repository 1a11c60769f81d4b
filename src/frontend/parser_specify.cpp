// Specify blocks (1364-2005 A.7): specparams, module paths, pulse style and timing checks.

#include "frontend/parser.h"

#include <algorithm>
#include <array>

namespace metalfpga::frontend {

using namespace ast;

ItemPtr Parser::parseSpecifyBlock() {
    const Token& kw = consume();
    auto s = std::make_unique<SpecifyBlock>(kw.loc);
    while (!at(TokenKind::KwEndspecify)) {
        TokenKind k = peek().kind;
        if (isAlwaysStop(k)) break;
        size_t start = pos_;
        try {
            parseSpecifyItem(s->items);
        } catch (SyntaxError&) {
            skipTo({TokenKind::KwEndspecify}, false);
            if (pos_ == start) consume();
        }
    }
    expect(TokenKind::KwEndspecify, "to close 'specify'");
    return s;
}

void Parser::parseSpecifyItem(std::vector<ItemPtr>& out) {
    Attributes attrs = parseAttributes();
    const Token& t = peek();
    switch (t.kind) {
    case TokenKind::KwSpecparam:
        out.push_back(parseParamDecl(false));
        return;
    case TokenKind::KwPulsestyleOnevent:
    case TokenKind::KwPulsestyleOndetect:
    case TokenKind::KwShowcancelled:
    case TokenKind::KwNoshowcancelled: {
        auto p = std::make_unique<PulseStyle>(t.loc, t.kind);
        consume();
        do {
            p->outputs.push_back(parseSpecifyTerminal());
        } while (accept(TokenKind::Comma));
        expect(TokenKind::Semicolon, "after pulse style declaration");
        out.push_back(std::move(p));
        return;
    }
    case TokenKind::LParen:
        out.push_back(parseSpecifyPath(std::move(attrs)));
        return;
    case TokenKind::KwIf: {
        consume();
        expect(TokenKind::LParen, "after 'if'");
        ExprPtr cond = parseExpr();
        expect(TokenKind::RParen, "to close the path condition");
        if (!at(TokenKind::LParen)) fail("expected a module path after 'if (...)'");
        ItemPtr p = parseSpecifyPath(std::move(attrs));
        auto& sp = p->as<SpecifyPath>();
        sp.loc = t.loc;
        sp.condition = SpecifyPath::Condition::If;
        sp.cond = std::move(cond);
        out.push_back(std::move(p));
        return;
    }
    case TokenKind::KwIfnone: {
        consume();
        if (!at(TokenKind::LParen)) fail("expected a module path after 'ifnone'");
        ItemPtr p = parseSpecifyPath(std::move(attrs));
        auto& sp = p->as<SpecifyPath>();
        sp.loc = t.loc;
        sp.condition = SpecifyPath::Condition::Ifnone;
        out.push_back(std::move(p));
        return;
    }
    case TokenKind::SystemIdentifier:
        out.push_back(parseTimingCheck());
        return;
    default:
        break;
    }
    if (t.kind == TokenKind::EndOfFile) fail("unexpected end of file in specify block");
    fail("expected a specify item (specparam, module path or timing check)");
}

ExprPtr Parser::parseSpecifyTerminal() {
    return parseNameWithSelects("a port name");
}

// ( [edge] inputs [polarity] =>|*> outputs ) = delays ;
// ( [edge] inputs =>|*> ( outputs [polarity] : data_source ) ) = delays ;
ItemPtr Parser::parseSpecifyPath(Attributes attrs) {
    const Token& open = expect(TokenKind::LParen, "to start a module path");
    auto p = std::make_unique<SpecifyPath>(open.loc);
    p->attrs = std::move(attrs);
    if (atAny({TokenKind::KwPosedge, TokenKind::KwNegedge})) p->edge = consume().kind;
    do {
        p->inputs.push_back(parseSpecifyTerminal());
    } while (accept(TokenKind::Comma));
    if (atAny({TokenKind::Plus, TokenKind::Minus}) &&
        (peek(1).kind == TokenKind::FatArrow || peek(1).kind == TokenKind::StarArrow))
        p->inputPolarity = consume().kind;
    if (accept(TokenKind::FatArrow)) {
        p->full = false;
    } else if (accept(TokenKind::StarArrow)) {
        p->full = true;
    } else {
        fail("expected '=>' or '*>' in module path");
    }
    if (accept(TokenKind::LParen)) {
        do {
            p->outputs.push_back(parseSpecifyTerminal());
        } while (accept(TokenKind::Comma));
        if (accept(TokenKind::PlusColon)) {
            p->outputPolarity = TokenKind::Plus;
        } else if (accept(TokenKind::MinusColon)) {
            p->outputPolarity = TokenKind::Minus;
        } else {
            if (atAny({TokenKind::Plus, TokenKind::Minus}) && peek(1).kind == TokenKind::Colon)
                p->outputPolarity = consume().kind;
            expect(TokenKind::Colon, "before the data source expression");
        }
        p->dataSource = parseExpr();
        expect(TokenKind::RParen, "to close the path outputs");
    } else {
        do {
            p->outputs.push_back(parseSpecifyTerminal());
        } while (accept(TokenKind::Comma));
    }
    expect(TokenKind::RParen, "to close the module path");
    expect(TokenKind::Assign, "after module path");
    if (accept(TokenKind::LParen)) {
        do {
            p->delays.push_back(parseMinTypMax());
        } while (accept(TokenKind::Comma));
        expect(TokenKind::RParen, "to close the path delays");
    } else {
        p->delays.push_back(parseMinTypMax());
    }
    size_t n = p->delays.size();
    if (n != 1 && n != 2 && n != 3 && n != 6 && n != 12)
        error(p->delays.front()->loc,
              fmt::format("a path delay has 1, 2, 3, 6 or 12 values, not {}", n));
    expect(TokenKind::Semicolon, "after module path declaration");
    return p;
}

namespace {
constexpr std::array<std::string_view, 12> kTimingChecks = {
    "$setup", "$hold",     "$setuphold", "$recovery", "$removal", "$recrem",
    "$skew",  "$timeskew", "$fullskew",  "$period",   "$width",   "$nochange"};
} // namespace

ItemPtr Parser::parseTimingCheck() {
    const Token& nameTok = consume();
    auto tc = std::make_unique<TimingCheck>(nameTok.loc);
    tc->name = identFrom(nameTok);
    if (std::find(kTimingChecks.begin(), kTimingChecks.end(), nameTok.text) == kTimingChecks.end())
        fail(nameTok.loc, fmt::format("unknown timing check '{}'", nameTok.text));
    expect(TokenKind::LParen, "after timing check name");
    while (true) {
        TimingCheckArg a;
        a.loc = peek().loc;
        if (!atAny({TokenKind::Comma, TokenKind::RParen})) {
            a.empty = false;
            if (atAny({TokenKind::KwPosedge, TokenKind::KwNegedge})) {
                a.edge = consume().kind;
            } else if (accept(TokenKind::KwEdge)) {
                a.edge = TokenKind::KwEdge;
                expect(TokenKind::LBracket, "after 'edge'");
                while (true) {
                    std::string d;
                    while (!atAny({TokenKind::Comma, TokenKind::RBracket, TokenKind::EndOfFile,
                                   TokenKind::Semicolon}))
                        d += consume().text;
                    if (d.size() != 2) fail("expected an edge descriptor such as 01 or x1");
                    a.edgeDescriptors.push_back(std::move(d));
                    if (!accept(TokenKind::Comma)) break;
                }
                expect(TokenKind::RBracket, "to close the edge descriptors");
            }
            a.expr = parseMinTypMax();
            if (accept(TokenKind::AmpAmpAmp)) a.cond = parseExpr();
        }
        tc->args.push_back(std::move(a));
        if (accept(TokenKind::Comma)) continue;
        expect(TokenKind::RParen, "to close the timing check");
        break;
    }
    expect(TokenKind::Semicolon, "after timing check");
    return tc;
}

} // namespace metalfpga::frontend
