// Modules (1364-2005 A.1), module items and generate constructs (A.4.2).

#include "frontend/parser.h"

#include <algorithm>

namespace metalfpga::frontend {

using namespace ast;

DescriptionPtr Parser::parseModule(Attributes attrs) {
    uint32_t kwIndex = static_cast<uint32_t>(pos_);
    const Token& kw = consume();
    auto m = std::make_unique<Module>(kw.loc);
    m->macromodule = kw.kind == TokenKind::KwMacromodule;
    m->attrs = std::move(attrs);
    m->directives = unit_.stateAt(kwIndex);
    try {
        m->name = expectIdentifier("a module name");
        if (accept(TokenKind::Hash)) parseParamPortList(*m);
        if (at(TokenKind::LParen)) parsePortList(*m);
        expect(TokenKind::Semicolon, "after module header");
    } catch (SyntaxError&) {
        skipTo({}, true);
    }
    parseItems(m->items, ItemContext::Module, {TokenKind::KwEndmodule});
    m->endLoc = peek().loc;
    if (!accept(TokenKind::KwEndmodule)) {
        error(peek().loc, m->name.empty() ? std::string("expected 'endmodule'")
                                          : fmt::format("expected 'endmodule' to close module '{}'",
                                                        m->name.text));
        return m;
    }
    if (at(TokenKind::Colon) && peek(1).kind == TokenKind::Identifier) {
        error(peek().loc, "'endmodule : name' labels are SystemVerilog, not Verilog-2005");
        consume();
        consume();
    }
    return m;
}

// After '#': ( parameter_declaration {, parameter_declaration} )
void Parser::parseParamPortList(Module& m) {
    m.hasParamPorts = true;
    expect(TokenKind::LParen, "after '#' in module header");
    if (accept(TokenKind::RParen)) return;
    while (true) {
        Attributes attrs = parseAttributes();
        ItemPtr d;
        if (atAny({TokenKind::KwParameter, TokenKind::KwLocalparam})) {
            d = parseParamDecl(true);
        } else if (at(TokenKind::Identifier)) {
            // #(A = 1): the `parameter` keyword left out (accepted as other tools do).
            auto p = std::make_unique<ParamDecl>(peek().loc, TokenKind::KwParameter);
            parseParamAssigns(*p, true);
            d = std::move(p);
        } else {
            fail("expected a parameter declaration");
        }
        d->attrs = std::move(attrs);
        m.paramPorts.push_back(std::move(d));
        if (accept(TokenKind::Comma)) continue;
        expect(TokenKind::RParen, "to close the parameter port list");
        return;
    }
}

void Parser::parsePortList(Module& m) {
    consume(); // (
    if (accept(TokenKind::RParen)) return;
    Attributes attrs = parseAttributes();
    if (atAny({TokenKind::KwInput, TokenKind::KwOutput, TokenKind::KwInout})) {
        m.ansi = true;
        while (true) {
            if (!atAny({TokenKind::KwInput, TokenKind::KwOutput, TokenKind::KwInout}))
                fail("expected port direction ('input', 'output' or 'inout') in ANSI port list");
            ItemPtr d = parseAnsiPortDecl();
            d->attrs = std::move(attrs);
            m.portDecls.push_back(std::move(d));
            if (accept(TokenKind::Comma)) {
                attrs = parseAttributes();
                continue;
            }
            expect(TokenKind::RParen, "to close the port list");
            return;
        }
    }
    if (isSystemVerilogKeyword(peek()) && peek(1).kind == TokenKind::Identifier)
        systemVerilogOnly(peek());
    while (true) {
        m.ports.push_back(parseNonAnsiPort());
        if (accept(TokenKind::Comma)) {
            parseAttributes(); // attributes on non-ANSI ports carry no meaning; skip them
            continue;
        }
        expect(TokenKind::RParen, "to close the port list");
        return;
    }
}

ExprPtr Parser::parsePortReference() {
    const Token& t = peek();
    auto n = std::make_unique<NameExpr>(t.loc);
    HierSegment seg;
    seg.name = expectIdentifier("a port name");
    n->name.segments.push_back(std::move(seg));
    return parseSelects(std::move(n));
}

Port Parser::parseNonAnsiPort() {
    Port p;
    p.loc = peek().loc;
    if (atAny({TokenKind::Comma, TokenKind::RParen})) return p; // empty port
    auto portExpr = [&]() -> ExprPtr {
        if (at(TokenKind::LBrace)) {
            const Token& open = consume();
            auto c = std::make_unique<ConcatExpr>(open.loc);
            do {
                c->items.push_back(parsePortReference());
            } while (accept(TokenKind::Comma));
            expect(TokenKind::RBrace, "to close the port concatenation");
            return c;
        }
        return parsePortReference();
    };
    if (accept(TokenKind::Dot)) {
        p.hasExplicitName = true;
        p.explicitName = expectIdentifier("a port name after '.'");
        expect(TokenKind::LParen, "after explicit port name");
        if (!at(TokenKind::RParen)) p.expr = portExpr();
        expect(TokenKind::RParen, "to close the port expression");
        return p;
    }
    p.expr = portExpr();
    return p;
}

void Parser::parseItems(std::vector<ItemPtr>& out, ItemContext ctx,
                        std::initializer_list<TokenKind> ends) {
    while (true) {
        TokenKind k = peek().kind;
        if (std::find(ends.begin(), ends.end(), k) != ends.end() || isAlwaysStop(k)) return;
        if (isCloser(k)) {
            error(peek().loc, fmt::format("unexpected '{}'", peek().text));
            consume();
            continue;
        }
        size_t start = pos_;
        try {
            parseItem(out, ctx);
        } catch (SyntaxError&) {
            skipTo(ends, true);
            if (pos_ == start) consume();
        }
    }
}

void Parser::parseItem(std::vector<ItemPtr>& out, ItemContext ctx) {
    Attributes attrs = parseAttributes();
    const Token& t = peek();
    ItemPtr item;
    TokenKind k = t.kind;
    if (isNetType(k)) {
        item = parseNetDecl();
    } else if (isGateType(k)) {
        item = parseGateInst();
    } else {
        switch (k) {
        case TokenKind::KwInput:
        case TokenKind::KwOutput:
        case TokenKind::KwInout:
            if (ctx == ItemContext::Generate)
                fail("port declarations are not allowed in a generate region");
            item = parsePortDecl({});
            break;
        case TokenKind::KwReg:
        case TokenKind::KwInteger:
        case TokenKind::KwReal:
        case TokenKind::KwRealtime:
        case TokenKind::KwTime:
        case TokenKind::KwEvent:
        case TokenKind::KwGenvar:
            item = parseVarDecl();
            break;
        case TokenKind::KwParameter:
        case TokenKind::KwLocalparam:
            item = parseParamDecl(false);
            break;
        case TokenKind::KwSpecparam:
            if (ctx == ItemContext::Generate)
                fail("specparam declarations are not allowed in a generate region");
            item = parseParamDecl(false);
            break;
        case TokenKind::KwDefparam:
            item = parseDefparam();
            break;
        case TokenKind::KwAssign:
            item = parseContinuousAssign();
            break;
        case TokenKind::KwInitial:
        case TokenKind::KwAlways: {
            auto p = std::make_unique<ProceduralBlock>(t.loc, k);
            consume();
            p->body = parseStatement();
            item = std::move(p);
            break;
        }
        case TokenKind::KwFunction:
            item = parseFunction();
            break;
        case TokenKind::KwTask:
            item = parseTask();
            break;
        case TokenKind::KwGenerate:
            if (ctx == ItemContext::Generate) fail("generate regions cannot be nested");
            item = parseGenerateRegion();
            break;
        case TokenKind::KwFor:
            item = parseGenerateFor();
            break;
        case TokenKind::KwIf:
            item = parseGenerateIf();
            break;
        case TokenKind::KwCase:
            item = parseGenerateCase();
            break;
        case TokenKind::KwBegin:
            // A bare generate block (Verilog-2001 style generate region contents).
            if (ctx != ItemContext::Generate)
                fail("'begin' is not allowed here (a generate block must follow 'if', 'for' or "
                     "'case')");
            item = parseGenerateBlock(false);
            break;
        case TokenKind::KwSpecify:
            if (ctx == ItemContext::Generate)
                fail("specify blocks are not allowed in a generate region");
            item = parseSpecifyBlock();
            break;
        case TokenKind::Semicolon:
            consume();
            return; // stray ';' (accepted, as other tools do)
        case TokenKind::Identifier:
            if (isSystemVerilogKeyword(t) && peek(1).kind != TokenKind::Hash &&
                !(peek(1).kind == TokenKind::Identifier &&
                  (peek(2).kind == TokenKind::LParen || peek(2).kind == TokenKind::LBracket)))
                systemVerilogOnly(t);
            item = parseModuleInst();
            break;
        case TokenKind::KwEndmodule:
            fail("unexpected 'endmodule'");
        default:
            if (k == TokenKind::EndOfFile) fail("unexpected end of file in module");
            if (k == TokenKind::KwCasex || k == TokenKind::KwCasez)
                fail(fmt::format("'{}' is not allowed in a generate construct", t.text));
            if (t.isKeyword()) fail(fmt::format("expected a module item, found '{}'", t.text));
            fail("expected a module item");
        }
    }
    if (!attrs.empty()) {
        for (auto& a : item->attrs) attrs.push_back(std::move(a));
        item->attrs = std::move(attrs);
    }
    out.push_back(std::move(item));
}

// ---------------------------------------------------------------------------------------------
// Generate
// ---------------------------------------------------------------------------------------------

ItemPtr Parser::parseGenerateRegion() {
    const Token& kw = consume();
    auto g = std::make_unique<GenerateRegion>(kw.loc);
    parseItems(g->items, ItemContext::Generate, {TokenKind::KwEndgenerate});
    expect(TokenKind::KwEndgenerate, "to close 'generate'");
    return g;
}

std::unique_ptr<GenerateBlock> Parser::parseGenerateBlock(bool allowNull) {
    DepthGuard guard(*this);
    if (allowNull && at(TokenKind::Semicolon)) {
        consume();
        return nullptr;
    }
    auto b = std::make_unique<GenerateBlock>(peek().loc);
    if (accept(TokenKind::KwBegin)) {
        b->hasBeginEnd = true;
        if (accept(TokenKind::Colon)) b->name = expectIdentifier("a block name after ':'");
        parseItems(b->items, ItemContext::Generate, {TokenKind::KwEnd});
        expect(TokenKind::KwEnd, "to close generate 'begin'");
        if (at(TokenKind::Colon) && peek(1).kind == TokenKind::Identifier) {
            error(peek().loc,
                  "block end labels ('end : name') are SystemVerilog, not Verilog-2005");
            consume();
            consume();
        }
        return b;
    }
    parseItem(b->items, ItemContext::Generate);
    return b;
}

ItemPtr Parser::parseGenerateFor() {
    const Token& kw = consume();
    auto g = std::make_unique<GenerateFor>(kw.loc);
    expect(TokenKind::LParen, "after 'for'");
    if (at(TokenKind::KwGenvar))
        fail("'genvar' inside a generate 'for' header is SystemVerilog, not Verilog-2005");
    g->initVar = expectIdentifier("a genvar name");
    expect(TokenKind::Assign, "in generate 'for' initialisation");
    g->initValue = parseExpr();
    expect(TokenKind::Semicolon, "after generate 'for' initialisation");
    g->cond = parseExpr();
    expect(TokenKind::Semicolon, "after generate 'for' condition");
    g->stepVar = expectIdentifier("a genvar name");
    if (at(TokenKind::Plus) && peek(1).kind == TokenKind::Plus)
        fail("'++' is SystemVerilog, not Verilog-2005");
    expect(TokenKind::Assign, "in generate 'for' step");
    g->stepValue = parseExpr();
    expect(TokenKind::RParen, "to close 'for'");
    g->body = parseGenerateBlock(false);
    return g;
}

ItemPtr Parser::parseGenerateIf() {
    const Token& kw = consume();
    auto g = std::make_unique<GenerateIf>(kw.loc);
    expect(TokenKind::LParen, "after 'if'");
    g->cond = parseExpr();
    expect(TokenKind::RParen, "to close the 'if' condition");
    g->thenBlock = parseGenerateBlock(true);
    if (accept(TokenKind::KwElse)) {
        g->hasElse = true;
        g->elseBlock = parseGenerateBlock(true);
    }
    return g;
}

ItemPtr Parser::parseGenerateCase() {
    const Token& kw = consume();
    auto g = std::make_unique<GenerateCase>(kw.loc);
    expect(TokenKind::LParen, "after 'case'");
    g->expr = parseExpr();
    expect(TokenKind::RParen, "to close the case expression");
    while (!at(TokenKind::KwEndcase)) {
        TokenKind k = peek().kind;
        if (isAlwaysStop(k) || (isCloser(k) && k != TokenKind::KwEnd)) break;
        size_t start = pos_;
        try {
            GenerateCaseItem item;
            item.loc = peek().loc;
            item.exprs = parseCaseLabels();
            item.body = parseGenerateBlock(true);
            g->items.push_back(std::move(item));
        } catch (SyntaxError&) {
            skipTo({TokenKind::KwEndcase}, false);
            if (pos_ == start) consume();
        }
    }
    expect(TokenKind::KwEndcase, "to close 'case'");
    return g;
}

} // namespace metalfpga::frontend
