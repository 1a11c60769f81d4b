// Declarations (1364-2005 A.2): ports, nets, variables, parameters, defparam, ranges,
// strengths, delays, functions and tasks.

#include "frontend/parser.h"

#include <fmt/format.h>

namespace metalfpga::frontend {

using namespace ast;

Range Parser::parseRange() {
    Range r;
    r.loc = expect(TokenKind::LBracket, "to start a range").loc;
    r.left = parseExpr();
    expect(TokenKind::Colon, "in range");
    r.right = parseExpr();
    expect(TokenKind::RBracket, "to close the range");
    return r;
}

std::optional<Range> Parser::parseOptionalRange() {
    if (!at(TokenKind::LBracket)) return std::nullopt;
    return parseRange();
}

Dimensions Parser::parseDimensions() {
    Dimensions d;
    while (at(TokenKind::LBracket)) d.push_back(parseRange());
    return d;
}

void Parser::parseDeclarators(std::vector<Declarator>& out, bool allowInit, bool allowDims,
                              const char* what) {
    do {
        Declarator d;
        d.name = expectIdentifier(what);
        if (allowDims) d.dims = parseDimensions();
        if (at(TokenKind::Assign)) {
            if (!allowInit) fail("an initial value is not allowed here");
            consume();
            d.init = parseExpr();
        }
        out.push_back(std::move(d));
    } while (accept(TokenKind::Comma));
}

// ( strength0 , strength1 ) in either order, ( pull0 ) for pull gates, ( small ) for trireg.
std::optional<Strength> Parser::parseOptionalStrength(bool allowCharge) {
    if (!at(TokenKind::LParen)) return std::nullopt;
    TokenKind k1 = peek(1).kind;
    bool charge = k1 == TokenKind::KwSmall || k1 == TokenKind::KwMedium || k1 == TokenKind::KwLarge;
    if (!isStrength0(k1) && !isStrength1(k1) && !charge) return std::nullopt;
    Strength s;
    s.loc = consume().loc;
    if (charge) {
        if (!allowCharge) fail("a charge strength is only allowed for trireg nets");
        s.charge = consume().kind;
        expect(TokenKind::RParen, "to close the charge strength");
        return s;
    }
    auto put = [&](const Token& t) {
        if (isStrength0(t.kind)) {
            if (s.strength0 != TokenKind::EndOfFile) fail(t.loc, "strength for 0 given twice");
            s.strength0 = t.kind;
        } else if (isStrength1(t.kind)) {
            if (s.strength1 != TokenKind::EndOfFile) fail(t.loc, "strength for 1 given twice");
            s.strength1 = t.kind;
        } else {
            fail(t.loc, "expected a drive strength (supply, strong, pull, weak or highz)");
        }
    };
    put(consume());
    if (accept(TokenKind::Comma)) put(consume());
    if (s.strength0 == TokenKind::KwHighz0 && s.strength1 == TokenKind::KwHighz1)
        fail(s.loc, "drive strength (highz0, highz1) is not allowed");
    expect(TokenKind::RParen, "to close the drive strength");
    return s;
}

std::optional<Delay> Parser::parseOptionalDelay() {
    if (!at(TokenKind::Hash)) return std::nullopt;
    return parseDelay();
}

Delay Parser::parseDelay() {
    Delay d;
    d.loc = expect(TokenKind::Hash, "to start a delay").loc;
    if (accept(TokenKind::LParen)) {
        d.parenthesized = true;
        do {
            d.values.push_back(parseMinTypMax());
        } while (accept(TokenKind::Comma));
        expect(TokenKind::RParen, "to close the delay");
        return d;
    }
    d.values.push_back(parseDelayValue());
    return d;
}

// #5, #1.5, #PARAM (no operators without parentheses).
ExprPtr Parser::parseDelayValue() {
    const Token& t = peek();
    if (t.kind == TokenKind::IntegerLiteral) {
        // "#5 'b1" is a delay and an unsized number, not 5'b1.
        if (peek(1).kind == TokenKind::BasedLiteral && peek(1).spaceBefore) {
            auto n = std::make_unique<NumberExpr>(t.loc);
            n->digits = t.text;
            n->text = t.text;
            consume();
            return n;
        }
        return parseNumber();
    }
    if (t.kind == TokenKind::BasedLiteral) return parseNumber();
    if (t.kind == TokenKind::RealLiteral) return parsePrimary();
    if (t.kind == TokenKind::Identifier) {
        auto n = std::make_unique<NameExpr>(t.loc);
        n->name = parseHierName("a delay value");
        return n;
    }
    if (t.kind == TokenKind::SystemIdentifier) return parseSystemCall();
    fail("expected a delay value after '#'");
}

// input/output/inout declarations in a module body (or a non-ANSI task / function / UDP).
ItemPtr Parser::parsePortDecl(Attributes attrs) {
    const Token& kw = consume();
    auto d = std::make_unique<PortDecl>(kw.loc, kw.kind);
    d->attrs = std::move(attrs);
    TokenKind k = peek().kind;
    if (isNetType(k) || k == TokenKind::KwReg || k == TokenKind::KwInteger ||
        k == TokenKind::KwTime || k == TokenKind::KwReal || k == TokenKind::KwRealtime)
        d->type = consume().kind;
    else if (isSystemVerilogKeyword(peek()) && peek(1).kind != TokenKind::Comma &&
             peek(1).kind != TokenKind::Semicolon)
        systemVerilogOnly(peek());
    if (accept(TokenKind::KwSigned)) d->isSigned = true;
    d->range = parseOptionalRange();
    d->packedExtra = parseDimensions();
    parseDeclarators(d->decls, true, true, "a port name");
    for (const Declarator& decl : d->decls)
        if (decl.init) checkPortInitialiser(kw, d->type, decl.init->loc);
    expect(TokenKind::Semicolon, "after port declaration");
    return d;
}

// Only `output reg|integer|time` ports take an initial value (list_of_variable_port_identifiers,
// A.2.3), in the header (ANSI) and in the body alike; input and inout ports are nets.
void Parser::checkPortInitialiser(const Token& direction, TokenKind type, SourceLoc at) {
    bool variable = type == TokenKind::KwReg || type == TokenKind::KwInteger ||
                    type == TokenKind::KwTime || type == TokenKind::KwReal ||
                    type == TokenKind::KwRealtime;
    if (direction.kind == TokenKind::KwOutput && variable) return;
    error(at, direction.kind == TokenKind::KwOutput
                  ? "only an 'output reg', 'output integer' or 'output time' port may have an "
                    "initial value"
                  : fmt::format("an {} port may not have a default value", direction.text));
}

// One ANSI port declaration: dir [type] [signed] [range] name [= init] {, name [= init]}.
// Stops before a comma that starts a new declaration.
ItemPtr Parser::parseAnsiPortDecl() {
    const Token& kw = consume();
    auto d = std::make_unique<PortDecl>(kw.loc, kw.kind);
    TokenKind k = peek().kind;
    if (isNetType(k) || k == TokenKind::KwReg || k == TokenKind::KwInteger ||
        k == TokenKind::KwTime || k == TokenKind::KwReal || k == TokenKind::KwRealtime)
        d->type = consume().kind;
    else if (isSystemVerilogKeyword(peek()) && peek(1).kind != TokenKind::Comma &&
             peek(1).kind != TokenKind::RParen)
        systemVerilogOnly(peek());
    if (accept(TokenKind::KwSigned)) d->isSigned = true;
    d->range = parseOptionalRange();
    d->packedExtra = parseDimensions();
    while (true) {
        Declarator decl;
        decl.name = expectIdentifier("a port name");
        decl.dims = parseDimensions();
        if (at(TokenKind::Assign)) {
            checkPortInitialiser(kw, d->type, peek().loc);
            consume();
            decl.init = parseExpr();
        }
        d->decls.push_back(std::move(decl));
        if (at(TokenKind::Comma) && peek(1).kind == TokenKind::Identifier) {
            consume();
            continue;
        }
        break;
    }
    return d;
}

ItemPtr Parser::parseNetDecl() {
    const Token& kw = consume();
    auto d = std::make_unique<NetDecl>(kw.loc, kw.kind);
    d->strength = parseOptionalStrength(kw.kind == TokenKind::KwTrireg);
    if (accept(TokenKind::KwVectored))
        d->vectorScalar = VectorScalar::Vectored;
    else if (accept(TokenKind::KwScalared))
        d->vectorScalar = VectorScalar::Scalared;
    if (accept(TokenKind::KwSigned)) d->isSigned = true;
    d->range = parseOptionalRange();
    d->packedExtra = parseDimensions();
    if (d->vectorScalar != VectorScalar::None && !d->range)
        fail("'vectored' and 'scalared' need a range");
    d->delay = parseOptionalDelay();
    if (isSystemVerilogKeyword(peek()) && peek(1).kind == TokenKind::Identifier)
        systemVerilogOnly(peek());
    parseDeclarators(d->decls, true, true, "a net name");
    expect(TokenKind::Semicolon, "after net declaration");
    return d;
}

ItemPtr Parser::parseVarDecl() {
    const Token& kw = consume();
    auto d = std::make_unique<VarDecl>(kw.loc, kw.kind);
    if (kw.kind == TokenKind::KwReg) {
        if (accept(TokenKind::KwSigned)) d->isSigned = true;
        d->range = parseOptionalRange();
        d->packedExtra = parseDimensions();
    }
    bool allowInit = kw.kind != TokenKind::KwEvent && kw.kind != TokenKind::KwGenvar;
    parseDeclarators(d->decls, allowInit, kw.kind != TokenKind::KwGenvar,
                     kw.kind == TokenKind::KwEvent    ? "an event name"
                     : kw.kind == TokenKind::KwGenvar ? "a genvar name"
                                                      : "a variable name");
    expect(TokenKind::Semicolon, kw.kind == TokenKind::KwGenvar  ? "after genvar declaration"
                                 : kw.kind == TokenKind::KwEvent ? "after event declaration"
                                                                 : "after variable declaration");
    return d;
}

void Parser::parseParamAssigns(ParamDecl& d, bool inPortList) {
    while (true) {
        ParamAssign a;
        a.name = expectIdentifier("a parameter name");
        expect(TokenKind::Assign, "after parameter name");
        if (d.keyword == TokenKind::KwSpecparam && a.name.text.starts_with("PATHPULSE$") &&
            at(TokenKind::LParen)) {
            consume();
            a.value = parseMinTypMax();
            if (accept(TokenKind::Comma)) a.errorLimit = parseMinTypMax();
            expect(TokenKind::RParen, "to close the pulse limits");
        } else {
            a.value = parseMinTypMax();
        }
        d.assigns.push_back(std::move(a));
        if (!at(TokenKind::Comma)) return;
        // In a #( ) list a comma followed by `parameter` starts a new declaration.
        if (inPortList && peek(1).kind != TokenKind::Identifier) return;
        consume();
    }
}

ItemPtr Parser::parseParamDecl(bool inPortList) {
    const Token& kw = consume();
    auto d = std::make_unique<ParamDecl>(kw.loc, kw.kind);
    if (kw.kind != TokenKind::KwSpecparam && atAny({TokenKind::KwInteger, TokenKind::KwReal,
                                                    TokenKind::KwRealtime, TokenKind::KwTime})) {
        d->type = consume().kind;
    } else {
        if (kw.kind != TokenKind::KwSpecparam && accept(TokenKind::KwSigned)) d->isSigned = true;
        d->range = parseOptionalRange();
    }
    if (isSystemVerilogKeyword(peek()) && peek(1).kind == TokenKind::Identifier)
        systemVerilogOnly(peek());
    parseParamAssigns(*d, inPortList);
    if (!inPortList)
        expect(TokenKind::Semicolon, kw.kind == TokenKind::KwSpecparam
                                         ? "after specparam declaration"
                                         : "after parameter declaration");
    return d;
}

ItemPtr Parser::parseDefparam() {
    const Token& kw = consume();
    auto d = std::make_unique<Defparam>(kw.loc);
    do {
        DefparamAssign a;
        a.target = parseHierName("a parameter name after 'defparam'");
        expect(TokenKind::Assign, "in defparam");
        a.value = parseMinTypMax();
        d->assigns.push_back(std::move(a));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::Semicolon, "after defparam");
    return d;
}

bool Parser::atBlockItemDecl() const {
    switch (peek().kind) {
    case TokenKind::KwReg:
    case TokenKind::KwInteger:
    case TokenKind::KwReal:
    case TokenKind::KwRealtime:
    case TokenKind::KwTime:
    case TokenKind::KwEvent:
    case TokenKind::KwParameter:
    case TokenKind::KwLocalparam:
        return true;
    default:
        return false;
    }
}

ItemPtr Parser::parseBlockItemDecl() {
    if (atAny({TokenKind::KwParameter, TokenKind::KwLocalparam})) return parseParamDecl(false);
    return parseVarDecl();
}

// After '(' of an ANSI task/function header: port declarations up to and including ')'.
void Parser::parseTfPortList(std::vector<ItemPtr>& ports, bool isTask) {
    if (accept(TokenKind::RParen)) return;
    while (true) {
        Attributes attrs = parseAttributes();
        if (!atAny({TokenKind::KwInput, TokenKind::KwOutput, TokenKind::KwInout}))
            fail("expected port direction ('input', 'output' or 'inout')");
        if (!isTask && !at(TokenKind::KwInput)) fail("function ports must be inputs");
        ItemPtr d = parseAnsiPortDecl();
        d->attrs = std::move(attrs);
        ports.push_back(std::move(d));
        if (accept(TokenKind::Comma)) continue;
        expect(TokenKind::RParen, "to close the port list");
        return;
    }
}

namespace {
bool isTfPortDirection(TokenKind k) {
    return k == TokenKind::KwInput || k == TokenKind::KwOutput || k == TokenKind::KwInout;
}
} // namespace

ItemPtr Parser::parseFunction() {
    const Token& kw = consume();
    auto f = std::make_unique<FunctionDecl>(kw.loc);
    try {
        if (accept(TokenKind::KwAutomatic)) f->automatic = true;
        if (atAny({TokenKind::KwInteger, TokenKind::KwReal, TokenKind::KwRealtime,
                   TokenKind::KwTime})) {
            f->returnType = consume().kind;
        } else {
            if (accept(TokenKind::KwSigned)) f->isSigned = true;
            f->range = parseOptionalRange();
        }
        if (isSystemVerilogKeyword(peek()) && peek(1).kind == TokenKind::Identifier)
            systemVerilogOnly(peek());
        f->name = expectIdentifier("a function name");
        if (accept(TokenKind::LParen)) {
            f->ansi = true;
            parseTfPortList(f->ports, false);
        }
        expect(TokenKind::Semicolon, "after function header");
        Attributes pending;
        while (true) {
            pending = parseAttributes();
            if (at(TokenKind::KwInput)) {
                f->items.push_back(parsePortDecl(std::move(pending)));
            } else if (atAny({TokenKind::KwOutput, TokenKind::KwInout})) {
                fail("function ports must be inputs");
            } else if (atBlockItemDecl()) {
                ItemPtr d = parseBlockItemDecl();
                d->attrs = std::move(pending);
                f->items.push_back(std::move(d));
            } else {
                break;
            }
        }
        if (at(TokenKind::KwEndfunction)) fail("expected statement in function body");
        {
            DepthGuard guard(*this);
            f->body = parseStatementInner(std::move(pending));
        }
        if (!at(TokenKind::KwEndfunction) && !isAlwaysStop(peek().kind))
            fail("a function body is a single statement in Verilog-2005 (use begin ... end)");
    } catch (SyntaxError&) {
        while (!at(TokenKind::KwEndfunction) && !isAlwaysStop(peek().kind)) consume();
    }
    if (!accept(TokenKind::KwEndfunction)) {
        error(peek().loc, "expected 'endfunction'");
        return f;
    }
    if (at(TokenKind::Colon) && peek(1).kind == TokenKind::Identifier) {
        error(peek().loc, "'endfunction : name' labels are SystemVerilog, not Verilog-2005");
        consume();
        consume();
    }
    return f;
}

ItemPtr Parser::parseTask() {
    const Token& kw = consume();
    auto t = std::make_unique<TaskDecl>(kw.loc);
    try {
        if (accept(TokenKind::KwAutomatic)) t->automatic = true;
        t->name = expectIdentifier("a task name");
        if (accept(TokenKind::LParen)) {
            t->ansi = true;
            parseTfPortList(t->ports, true);
        }
        expect(TokenKind::Semicolon, "after task header");
        Attributes pending;
        while (true) {
            pending = parseAttributes();
            if (isTfPortDirection(peek().kind)) {
                t->items.push_back(parsePortDecl(std::move(pending)));
            } else if (atBlockItemDecl()) {
                ItemPtr d = parseBlockItemDecl();
                d->attrs = std::move(pending);
                t->items.push_back(std::move(d));
            } else {
                break;
            }
        }
        if (!at(TokenKind::KwEndtask)) {
            DepthGuard guard(*this);
            t->body = parseStatementInner(std::move(pending));
        }
        if (!at(TokenKind::KwEndtask) && !isAlwaysStop(peek().kind))
            fail("a task body is a single statement in Verilog-2005 (use begin ... end)");
    } catch (SyntaxError&) {
        while (!at(TokenKind::KwEndtask) && !isAlwaysStop(peek().kind)) consume();
    }
    if (!accept(TokenKind::KwEndtask)) {
        error(peek().loc, "expected 'endtask'");
        return t;
    }
    if (at(TokenKind::Colon) && peek(1).kind == TokenKind::Identifier) {
        error(peek().loc, "'endtask : name' labels are SystemVerilog, not Verilog-2005");
        consume();
        consume();
    }
    return t;
}

} // namespace metalfpga::frontend
