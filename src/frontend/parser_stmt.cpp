// Statements and timing controls (1364-2005 A.6).

#include "frontend/parser.h"

namespace metalfpga::frontend {

using namespace ast;

StmtPtr Parser::parseStatement() {
    DepthGuard guard(*this);
    Attributes attrs = parseAttributes();
    return parseStatementInner(std::move(attrs));
}

StmtPtr Parser::parseStatementInner(Attributes attrs) {
    const Token& t = peek();
    StmtPtr s;
    switch (t.kind) {
    case TokenKind::Semicolon:
        s = std::make_unique<NullStmt>(t.loc);
        consume();
        break;
    case TokenKind::KwBegin:
    case TokenKind::KwFork:
        s = parseBlock();
        break;
    case TokenKind::KwIf:
        s = parseIf();
        break;
    case TokenKind::KwCase:
    case TokenKind::KwCasex:
    case TokenKind::KwCasez:
        s = parseCase();
        break;
    case TokenKind::KwFor:
        s = parseFor();
        break;
    case TokenKind::KwWhile:
    case TokenKind::KwRepeat:
    case TokenKind::KwWait: {
        std::unique_ptr<LoopStmt> l;
        const char* what = "after 'while'";
        if (t.kind == TokenKind::KwWhile) {
            l = std::make_unique<WhileStmt>(t.loc);
        } else if (t.kind == TokenKind::KwRepeat) {
            l = std::make_unique<RepeatStmt>(t.loc);
            what = "after 'repeat'";
        } else {
            l = std::make_unique<WaitStmt>(t.loc);
            what = "after 'wait'";
        }
        consume();
        expect(TokenKind::LParen, what);
        l->cond = parseExpr();
        expect(TokenKind::RParen, "to close the condition");
        l->body = parseStatement();
        s = std::move(l);
        break;
    }
    case TokenKind::KwForever: {
        auto l = std::make_unique<ForeverStmt>(t.loc);
        consume();
        l->body = parseStatement();
        s = std::move(l);
        break;
    }
    case TokenKind::Arrow: {
        auto e = std::make_unique<EventTriggerStmt>(t.loc);
        consume();
        e->target = parseNameWithSelects("an event name after '->'");
        expect(TokenKind::Semicolon, "after event trigger");
        s = std::move(e);
        break;
    }
    case TokenKind::KwDisable: {
        auto d = std::make_unique<DisableStmt>(t.loc);
        consume();
        d->name = parseHierName("a block or task name after 'disable'");
        expect(TokenKind::Semicolon, "after disable statement");
        s = std::move(d);
        break;
    }
    case TokenKind::Hash:
    case TokenKind::At: {
        auto ts = std::make_unique<TimedStmt>(t.loc);
        ts->timing = parseTimingControl(false);
        ts->stmt = parseStatement();
        s = std::move(ts);
        break;
    }
    case TokenKind::KwAssign:
    case TokenKind::KwDeassign:
    case TokenKind::KwForce:
    case TokenKind::KwRelease:
        s = parseProcContinuous();
        break;
    case TokenKind::SystemIdentifier: {
        auto st = std::make_unique<SystemTaskCallStmt>(t.loc);
        st->call = parseSystemCall();
        expect(TokenKind::Semicolon, "after system task call");
        s = std::move(st);
        break;
    }
    case TokenKind::Identifier:
        if (isSystemVerilogKeyword(t) &&
            (peek(1).kind == TokenKind::Identifier || peek(1).kind == TokenKind::KwCase ||
             peek(1).kind == TokenKind::KwIf || peek(1).kind == TokenKind::LBracket ||
             peek(1).kind == TokenKind::KwBegin || peek(1).kind == TokenKind::IntegerLiteral))
            systemVerilogOnly(t);
        s = parseAssignmentOrCall();
        break;
    case TokenKind::LBrace:
        s = parseAssignmentOrCall();
        break;
    default:
        if (t.kind == TokenKind::EndOfFile) fail("expected statement, found end of file");
        if (t.isKeyword()) fail(fmt::format("expected statement, found '{}'", t.text));
        fail("expected statement");
    }
    if (!attrs.empty()) {
        for (auto& a : s->attrs) attrs.push_back(std::move(a));
        s->attrs = std::move(attrs);
    }
    return s;
}

StmtPtr Parser::parseBlock() {
    const Token& kw = consume();
    bool fork = kw.kind == TokenKind::KwFork;
    auto b = std::make_unique<BlockStmt>(kw.loc);
    b->fork = fork;
    TokenKind endKw = fork ? TokenKind::KwJoin : TokenKind::KwEnd;
    if (accept(TokenKind::Colon)) b->name = expectIdentifier("a block name after ':'");
    Attributes pending;
    // Block item declarations come first.
    while (true) {
        size_t start = pos_;
        try {
            pending = parseAttributes();
            if (!atBlockItemDecl()) break;
            if (b->name.empty())
                error(peek().loc, "declarations in an unnamed block are SystemVerilog; name the "
                                  "block (begin : name)");
            ItemPtr d = parseBlockItemDecl();
            d->attrs = std::move(pending);
            b->decls.push_back(std::move(d));
        } catch (SyntaxError&) {
            pending.clear();
            skipTo({TokenKind::KwEnd, TokenKind::KwJoin}, false);
            if (pos_ == start) consume();
        }
    }
    bool first = true;
    while (!at(endKw)) {
        TokenKind k = peek().kind;
        if (isAlwaysStop(k) || (isCloser(k) && k != endKw)) break;
        size_t start = pos_;
        try {
            if (first && !pending.empty()) {
                DepthGuard guard(*this);
                b->stmts.push_back(parseStatementInner(std::move(pending)));
            } else {
                b->stmts.push_back(parseStatement());
            }
        } catch (SyntaxError&) {
            skipTo({TokenKind::KwEnd, TokenKind::KwJoin, TokenKind::KwEndcase,
                    TokenKind::KwEndfunction, TokenKind::KwEndtask},
                   false);
            if (pos_ == start) consume();
        }
        first = false;
    }
    expect(endKw, fork ? "to close 'fork'" : "to close 'begin'");
    if (at(TokenKind::Colon) && peek(1).kind == TokenKind::Identifier) {
        error(peek().loc, "block end labels ('end : name') are SystemVerilog, not Verilog-2005");
        consume();
        consume();
    }
    return b;
}

StmtPtr Parser::parseIf() {
    const Token& kw = consume();
    auto s = std::make_unique<IfStmt>(kw.loc);
    expect(TokenKind::LParen, "after 'if'");
    s->cond = parseExpr();
    expect(TokenKind::RParen, "to close the 'if' condition");
    s->thenStmt = parseStatement();
    if (accept(TokenKind::KwElse)) s->elseStmt = parseStatement();
    return s;
}

// The labels of a case item (statement or generate): `default [:]` gives none, otherwise one or
// more expressions separated by commas, then ':'.
std::vector<ExprPtr> Parser::parseCaseLabels() {
    std::vector<ExprPtr> exprs;
    if (accept(TokenKind::KwDefault)) {
        accept(TokenKind::Colon);
        return exprs;
    }
    do {
        exprs.push_back(parseExpr());
    } while (accept(TokenKind::Comma));
    expect(TokenKind::Colon, "after case item expression");
    return exprs;
}

StmtPtr Parser::parseCase() {
    const Token& kw = consume();
    auto s = std::make_unique<CaseStmt>(kw.loc, kw.kind);
    expect(TokenKind::LParen, "after 'case'");
    s->expr = parseExpr();
    expect(TokenKind::RParen, "to close the case expression");
    while (!at(TokenKind::KwEndcase)) {
        TokenKind k = peek().kind;
        if (isAlwaysStop(k) || isCloser(k)) break;
        size_t start = pos_;
        try {
            CaseItem item;
            item.loc = peek().loc;
            item.exprs = parseCaseLabels();
            item.stmt = parseStatement();
            s->items.push_back(std::move(item));
        } catch (SyntaxError&) {
            skipTo({TokenKind::KwEndcase, TokenKind::KwEnd, TokenKind::KwJoin}, false);
            if (pos_ == start) consume();
        }
    }
    expect(TokenKind::KwEndcase, "to close 'case'");
    return s;
}

std::unique_ptr<AssignStmt> Parser::parseVariableAssignment(const char* context) {
    SourceLoc loc = peek().loc;
    auto a = std::make_unique<AssignStmt>(loc);
    a->lhs = parseLvalue();
    if (at(TokenKind::Plus) && peek(1).kind == TokenKind::Plus)
        fail("'++' is SystemVerilog, not Verilog-2005");
    if (at(TokenKind::Minus) && peek(1).kind == TokenKind::Minus)
        fail("'--' is SystemVerilog, not Verilog-2005");
    expect(TokenKind::Assign, context);
    a->rhs = parseExpr();
    return a;
}

StmtPtr Parser::parseFor() {
    const Token& kw = consume();
    auto s = std::make_unique<ForStmt>(kw.loc);
    expect(TokenKind::LParen, "after 'for'");
    if (isSystemVerilogKeyword(peek())) systemVerilogOnly(peek());
    s->init = parseVariableAssignment("in 'for' initialisation");
    expect(TokenKind::Semicolon, "after 'for' initialisation");
    s->cond = parseExpr();
    expect(TokenKind::Semicolon, "after 'for' condition");
    s->step = parseVariableAssignment("in 'for' step");
    expect(TokenKind::RParen, "to close 'for'");
    s->body = parseStatement();
    return s;
}

StmtPtr Parser::parseProcContinuous() {
    const Token& kw = consume();
    auto s = std::make_unique<ProcContinuousStmt>(kw.loc, kw.kind);
    s->lhs = parseLvalue();
    if (kw.kind == TokenKind::KwAssign || kw.kind == TokenKind::KwForce) {
        expect(TokenKind::Assign, kw.kind == TokenKind::KwAssign
                                      ? "in procedural continuous assignment"
                                      : "in force statement");
        s->rhs = parseExpr();
    }
    expect(TokenKind::Semicolon, kw.kind == TokenKind::KwAssign    ? "after procedural assignment"
                                 : kw.kind == TokenKind::KwForce   ? "after force statement"
                                 : kw.kind == TokenKind::KwRelease ? "after release statement"
                                                                   : "after deassign statement");
    return s;
}

// lvalue (= | <=) [timing] expr ;  or a task enable: name [(args)] ;
StmtPtr Parser::parseAssignmentOrCall() {
    SourceLoc loc = peek().loc;
    ExprPtr lhs;
    if (at(TokenKind::LBrace)) {
        lhs = parseLvalue();
    } else {
        HierName name = parseHierName("a name");
        if (at(TokenKind::LParen) || at(TokenKind::Semicolon)) {
            auto c = std::make_unique<TaskCallStmt>(loc);
            c->name = std::move(name);
            if (accept(TokenKind::LParen)) parseCallArgs(c->args, false);
            expect(TokenKind::Semicolon, "after task call");
            return c;
        }
        auto n = std::make_unique<NameExpr>(loc);
        n->name = std::move(name);
        lhs = parseSelects(std::move(n));
    }
    auto a = std::make_unique<AssignStmt>(loc);
    a->lhs = std::move(lhs);
    if (accept(TokenKind::LessEq)) {
        a->nonBlocking = true;
    } else if (!accept(TokenKind::Assign)) {
        if (at(TokenKind::Plus) && peek(1).kind == TokenKind::Plus)
            fail("'++' is SystemVerilog, not Verilog-2005");
        if (at(TokenKind::Minus) && peek(1).kind == TokenKind::Minus)
            fail("'--' is SystemVerilog, not Verilog-2005");
        if (atAny({TokenKind::Plus, TokenKind::Minus, TokenKind::Star, TokenKind::Slash,
                   TokenKind::Pipe, TokenKind::Amp, TokenKind::Caret}) &&
            peek(1).kind == TokenKind::Assign)
            fail(fmt::format("'{}=' is SystemVerilog, not Verilog-2005", peek().text));
        fail("expected '=' or '<=' in assignment");
    }
    if (atAny({TokenKind::Hash, TokenKind::At, TokenKind::KwRepeat}))
        a->timing = parseTimingControl(true);
    a->rhs = parseExpr();
    expect(TokenKind::Semicolon, "after assignment");
    return a;
}

ExprPtr Parser::parseLvalue() {
    if (at(TokenKind::LBrace)) {
        DepthGuard guard(*this);
        const Token& open = consume();
        auto c = std::make_unique<ConcatExpr>(open.loc);
        do {
            c->items.push_back(parseLvalue());
        } while (accept(TokenKind::Comma));
        expect(TokenKind::RBrace, "to close the concatenation");
        return c;
    }
    if (atIdent()) return parseNameWithSelects("a variable or net name");
    fail("expected a variable or net name");
}

// #delay | @(...) | @* | @(*) | @name | repeat (n) @(...)
TimingPtr Parser::parseTimingControl(bool allowRepeat) {
    auto tc = std::make_unique<TimingControl>();
    tc->loc = peek().loc;
    if (at(TokenKind::Hash)) {
        tc->kind = TimingControl::Kind::Delay;
        tc->delay = parseDelay();
        return tc;
    }
    if (allowRepeat && at(TokenKind::KwRepeat)) {
        consume();
        tc->kind = TimingControl::Kind::Repeat;
        expect(TokenKind::LParen, "after 'repeat'");
        tc->repeatCount = parseExpr();
        expect(TokenKind::RParen, "to close the repeat count");
        if (!at(TokenKind::At)) fail("expected '@' event control after 'repeat (...)'");
        TimingPtr ev = parseTimingControl(false);
        tc->events = std::move(ev->events);
        tc->bareName = ev->bareName;
        if (ev->kind == TimingControl::Kind::EventStar)
            fail(ev->loc, "'@*' is not allowed after 'repeat' in an assignment");
        return tc;
    }
    expect(TokenKind::At, "to start an event control");
    tc->kind = TimingControl::Kind::Event;
    // @*, @(*): the lexer may see "(*" or "*)" as attribute brackets.
    if (accept(TokenKind::Star)) {
        tc->kind = TimingControl::Kind::EventStar;
        return tc;
    }
    if (at(TokenKind::AttrOpen) && peek(1).kind == TokenKind::RParen) {
        consume();
        consume();
        tc->kind = TimingControl::Kind::EventStar;
        return tc;
    }
    if (at(TokenKind::LParen) && peek(1).kind == TokenKind::AttrClose) {
        consume();
        consume();
        tc->kind = TimingControl::Kind::EventStar;
        return tc;
    }
    if (at(TokenKind::LParen) && peek(1).kind == TokenKind::Star &&
        peek(2).kind == TokenKind::RParen) {
        consume();
        consume();
        consume();
        tc->kind = TimingControl::Kind::EventStar;
        return tc;
    }
    if (at(TokenKind::AttrOpen) && peek(1).kind == TokenKind::AttrClose) { // @(**)
        fail("expected event expression");
    }
    if (accept(TokenKind::LParen)) {
        parseEventList(tc->events);
        expect(TokenKind::RParen, "to close the event control");
        return tc;
    }
    if (at(TokenKind::Identifier)) {
        tc->bareName = true;
        EventExpr e;
        e.loc = peek().loc;
        auto n = std::make_unique<NameExpr>(e.loc);
        n->name = parseHierName("an event name");
        e.expr = std::move(n);
        tc->events.push_back(std::move(e));
        return tc;
    }
    fail("expected '(', '*' or a name after '@'");
}

void Parser::parseEventList(std::vector<EventExpr>& out) {
    while (true) {
        EventExpr e;
        e.loc = peek().loc;
        if (atAny({TokenKind::KwPosedge, TokenKind::KwNegedge})) e.edge = consume().kind;
        e.expr = parseExpr();
        out.push_back(std::move(e));
        if (accept(TokenKind::KwOr) || accept(TokenKind::Comma)) continue;
        return;
    }
}

} // namespace metalfpga::frontend
