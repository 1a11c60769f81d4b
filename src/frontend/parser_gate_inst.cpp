// Continuous assignments (A.6.1), gate and switch instances (A.3) and module / UDP instances
// (A.4.1).

#include "frontend/parser.h"

namespace metalfpga::frontend {

using namespace ast;

ItemPtr Parser::parseContinuousAssign() {
    const Token& kw = consume();
    auto a = std::make_unique<ContinuousAssign>(kw.loc);
    a->strength = parseOptionalStrength(false);
    a->delay = parseOptionalDelay();
    do {
        NetAssign na;
        na.lhs = parseLvalue();
        expect(TokenKind::Assign, "in continuous assignment");
        na.rhs = parseExpr();
        a->assigns.push_back(std::move(na));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::Semicolon, "after continuous assignment");
    return a;
}

ItemPtr Parser::parseGateInst() {
    const Token& kw = consume();
    auto g = std::make_unique<GateInst>(kw.loc, kw.kind);
    g->strength = parseOptionalStrength(false);
    g->delay = parseOptionalDelay();
    if (!g->strength) g->strength = parseOptionalStrength(false);
    do {
        GateInstance inst;
        inst.loc = peek().loc;
        if (atIdent()) {
            inst.name = identFrom(consume());
            inst.range = parseOptionalRange();
        }
        expect(TokenKind::LParen, "to start the gate terminal list");
        if (!at(TokenKind::RParen)) {
            do {
                inst.terminals.push_back(parseExpr());
            } while (accept(TokenKind::Comma));
        }
        expect(TokenKind::RParen, "to close the gate terminal list");
        g->instances.push_back(std::move(inst));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::Semicolon, "after gate instance");
    return g;
}

ItemPtr Parser::parseModuleInst() {
    const Token& nameTok = consume();
    auto m = std::make_unique<ModuleInst>(nameTok.loc);
    m->moduleName = identFrom(nameTok);
    m->strength = parseOptionalStrength(false);
    if (at(TokenKind::Hash)) {
        if (peek(1).kind == TokenKind::LParen) {
            consume();
            consume();
            m->hasParams = true;
            if (!accept(TokenKind::RParen)) {
                while (true) {
                    ParamValue pv;
                    pv.loc = peek().loc;
                    if (accept(TokenKind::Dot)) {
                        pv.name = expectIdentifier("a parameter name after '.'");
                        expect(TokenKind::LParen, "after parameter name");
                        if (!at(TokenKind::RParen)) pv.value = parseMinTypMax();
                        expect(TokenKind::RParen, "to close the parameter value");
                    } else {
                        pv.value = parseMinTypMax();
                    }
                    m->params.push_back(std::move(pv));
                    if (accept(TokenKind::Comma)) continue;
                    expect(TokenKind::RParen, "to close the parameter value list");
                    break;
                }
            }
        } else {
            m->delay = parseDelay();
        }
    }
    do {
        Instance inst;
        inst.loc = peek().loc;
        if (atIdent()) {
            inst.name = identFrom(consume());
            inst.range = parseOptionalRange();
        }
        if (!at(TokenKind::LParen)) {
            if (inst.name.empty() && peek().isKeyword())
                fail(fmt::format("expected an instance name, found keyword '{}'", peek().text));
            fail(inst.name.empty() ? "expected an instance name or '('"
                                   : "expected '(' to start the port connections");
        }
        consume();
        parseConnections(inst);
        m->instances.push_back(std::move(inst));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::Semicolon, "after module instance");
    return m;
}

// After '(': the port connections up to and including ')'.
void Parser::parseConnections(Instance& inst) {
    if (accept(TokenKind::RParen)) return;
    while (true) {
        PortConnection c;
        parseAttributes(c.attrs);
        c.loc = peek().loc;
        if (at(TokenKind::Dot)) {
            if (peek(1).kind == TokenKind::Star || peek(1).kind == TokenKind::AttrClose)
                fail("'.*' port connections are SystemVerilog, not Verilog-2005");
            consume();
            c.named = true;
            c.name = expectIdentifier("a port name after '.'");
            if (!at(TokenKind::LParen))
                fail("'.name' port connections without '(...)' are SystemVerilog, not "
                     "Verilog-2005");
            consume();
            if (!at(TokenKind::RParen)) c.expr = parseExpr();
            expect(TokenKind::RParen, "to close the port connection");
        } else if (!atAny({TokenKind::Comma, TokenKind::RParen})) {
            c.expr = parseExpr();
        }
        inst.connections.push_back(std::move(c));
        if (accept(TokenKind::Comma)) continue;
        expect(TokenKind::RParen, "to close the port connections");
        return;
    }
}

} // namespace metalfpga::frontend
