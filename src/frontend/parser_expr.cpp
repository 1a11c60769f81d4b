// Expressions (1364-2005 A.8): precedence climbing over the binary operators of table 5-4, unary
// operators, ?:, primaries, hierarchical names and selects.

#include "frontend/parser.h"

#include <fmt/format.h>

namespace metalfpga::frontend {

using namespace ast;

namespace {

// Binary operator precedence (table 5-4); 0 = not a binary operator. All binary operators
// associate left to right in 1364-2005 (** included); ?: is right-associative and below ||.
int binaryPrecedence(TokenKind k) {
    switch (k) {
    case TokenKind::Power:
        return 11;
    case TokenKind::Star:
    case TokenKind::Slash:
    case TokenKind::Percent:
        return 10;
    case TokenKind::Plus:
    case TokenKind::Minus:
        return 9;
    case TokenKind::Shl:
    case TokenKind::Shr:
    case TokenKind::AShl:
    case TokenKind::AShr:
        return 8;
    case TokenKind::Less:
    case TokenKind::LessEq:
    case TokenKind::Greater:
    case TokenKind::GreaterEq:
        return 7;
    case TokenKind::EqEq:
    case TokenKind::BangEq:
    case TokenKind::EqEqEq:
    case TokenKind::BangEqEq:
        return 6;
    case TokenKind::Amp:
        return 5;
    case TokenKind::Caret:
    case TokenKind::TildeCaret:
        return 4;
    case TokenKind::Pipe:
        return 3;
    case TokenKind::AmpAmp:
        return 2;
    case TokenKind::PipePipe:
        return 1;
    default:
        return 0;
    }
}

bool isUnaryOperator(TokenKind k) {
    switch (k) {
    case TokenKind::Plus:
    case TokenKind::Minus:
    case TokenKind::Bang:
    case TokenKind::Tilde:
    case TokenKind::Amp:
    case TokenKind::TildeAmp:
    case TokenKind::Pipe:
    case TokenKind::TildePipe:
    case TokenKind::Caret:
    case TokenKind::TildeCaret:
        return true;
    default:
        return false;
    }
}

} // namespace

ExprPtr Parser::parseExpr() {
    DepthGuard guard(*this);
    return parseConditional();
}

ExprPtr Parser::parseMinTypMax() {
    ExprPtr e = parseExpr();
    if (!at(TokenKind::Colon)) return e;
    auto m = std::make_unique<MinTypMaxExpr>(e->loc);
    consume();
    m->min = std::move(e);
    m->typ = parseExpr();
    expect(TokenKind::Colon, "in min:typ:max expression");
    m->max = parseExpr();
    return m;
}

ExprPtr Parser::parseConditional() {
    DepthGuard guard(*this);
    ExprPtr cond = parseBinary(1);
    if (!at(TokenKind::Question)) return cond;
    auto c = std::make_unique<ConditionalExpr>(cond->loc);
    consume();
    parseAttributes(c->attrs);
    c->cond = std::move(cond);
    c->whenTrue = parseExpr();
    expect(TokenKind::Colon, "in conditional expression");
    c->whenFalse = parseConditional();
    return c;
}

ExprPtr Parser::parseBinary(int minPrec) {
    ExprPtr lhs = parseUnary();
    for (size_t chain = 1;; ++chain) {
        int prec = binaryPrecedence(peek().kind);
        if (prec == 0 || prec < minPrec) return lhs;
        if (chain > kMaxChain) {
            error(peek().loc, fmt::format("expression too long (more than {} operators in a "
                                          "chain): split it through intermediate variables",
                                          kMaxChain));
            throw AbortParse{};
        }
        const Token& op = consume();
        auto b = std::make_unique<BinaryExpr>(lhs->loc, op.kind);
        b->opLoc = op.loc;
        parseAttributes(b->attrs);
        b->lhs = std::move(lhs);
        b->rhs = parseBinary(prec + 1);
        lhs = std::move(b);
    }
}

ExprPtr Parser::parseUnary() {
    if (!isUnaryOperator(peek().kind)) return parsePrimary();
    DepthGuard guard(*this);
    const Token& op = consume();
    auto u = std::make_unique<UnaryExpr>(op.loc, op.kind);
    parseAttributes(u->attrs);
    // unary_operator {attribute_instance} primary (A.8.3): an operand that starts with another
    // unary operator needs parentheses (`~(|a)`, `-(-a)`).
    if (isUnaryOperator(peek().kind))
        error(peek().loc, fmt::format("the operand of unary '{}' must be a primary: write "
                                      "parentheses around '{}' and its operand",
                                      op.text, peek().text));
    u->operand = parseUnary();
    return u;
}

ExprPtr Parser::parsePrimary() {
    const Token& t = peek();
    switch (t.kind) {
    case TokenKind::IntegerLiteral:
    case TokenKind::BasedLiteral:
        return parseNumber();
    case TokenKind::RealLiteral: {
        auto r = std::make_unique<RealExpr>(t.loc);
        r->text = t.text;
        consume();
        return r;
    }
    case TokenKind::StringLiteral: {
        auto s = std::make_unique<StringExpr>(t.loc);
        s->text = t.text;
        consume();
        return s;
    }
    case TokenKind::Identifier:
        return parseNameOrCall(true);
    case TokenKind::SystemIdentifier:
        return parseSystemCall();
    case TokenKind::LParen: {
        consume();
        ExprPtr e = parseMinTypMax();
        expect(TokenKind::RParen, "to close the parenthesized expression");
        return e;
    }
    case TokenKind::LBrace:
        return parseConcat();
    default:
        break;
    }
    if (t.kind == TokenKind::EndOfFile) fail("expected expression, found end of file");
    fail("expected expression");
}

// IntegerLiteral = plain decimal; IntegerLiteral BasedLiteral = sized number; BasedLiteral alone
// = unsized based number. A based literal's text is 's? base, optional white space, digits.
ExprPtr Parser::parseNumber() {
    const Token& first = consume();
    auto n = std::make_unique<NumberExpr>(first.loc);
    const Token* based = nullptr;
    if (first.kind == TokenKind::IntegerLiteral) {
        if (at(TokenKind::BasedLiteral)) {
            n->size = first.text;
            based = &consume();
        } else {
            n->digits = first.text;
            n->text = first.text;
            return n;
        }
    } else {
        based = &first;
    }
    std::string_view s = based->text;
    n->text = s;
    size_t i = 0;
    if (i < s.size() && s[i] == '\'') ++i;
    if (i < s.size() && (s[i] == 's' || s[i] == 'S')) {
        n->isSigned = true;
        ++i;
    }
    if (i < s.size()) {
        char b = s[i];
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        n->base = b;
        ++i;
    }
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    n->digits = s.substr(i);
    if (n->base != 'b' && n->base != 'o' && n->base != 'd' && n->base != 'h')
        fail(based->loc, "malformed based number");
    if (n->digits.empty()) fail(based->loc, "based number has no digits");
    return n;
}

ExprPtr Parser::parseConcat() {
    DepthGuard guard(*this);
    const Token& open = expect(TokenKind::LBrace, "to start a concatenation");
    SourceLoc loc = open.loc;
    if (at(TokenKind::RBrace)) fail(loc, "empty concatenation '{}' is not allowed in Verilog-2005");
    ExprPtr first = parseExpr();
    if (at(TokenKind::LBrace)) {
        auto r = std::make_unique<ReplicationExpr>(loc);
        r->count = std::move(first);
        ExprPtr inner = parseConcat();
        if (inner->is<ConcatExpr>()) {
            r->concat.reset(static_cast<ConcatExpr*>(inner.release()));
        } else {
            // {a{b{c}}}: accept a replication inside as the only item.
            r->concat = std::make_unique<ConcatExpr>(inner->loc);
            r->concat->items.push_back(std::move(inner));
        }
        expect(TokenKind::RBrace, "to close the replication");
        return r;
    }
    auto c = std::make_unique<ConcatExpr>(loc);
    c->items.push_back(std::move(first));
    while (accept(TokenKind::Comma)) c->items.push_back(parseExpr());
    expect(TokenKind::RBrace, "to close the concatenation");
    return c;
}

std::unique_ptr<SystemCallExpr> Parser::parseSystemCall() {
    const Token& t = consume();
    auto c = std::make_unique<SystemCallExpr>(t.loc);
    c->name = identFrom(t);
    if (at(TokenKind::LParen)) {
        consume();
        c->hasParens = true;
        parseCallArgs(c->args, true);
    }
    return c;
}

// After '(': arguments up to and including ')'.
void Parser::parseCallArgs(std::vector<ExprPtr>& args, bool allowEmpty) {
    if (accept(TokenKind::RParen)) return;
    while (true) {
        if (allowEmpty && atAny({TokenKind::Comma, TokenKind::RParen}))
            args.push_back(nullptr);
        else
            args.push_back(parseExpr());
        if (accept(TokenKind::Comma)) continue;
        expect(TokenKind::RParen, "to close the argument list");
        return;
    }
}

HierName Parser::parseHierName(const char* context) {
    HierName h;
    while (true) {
        HierSegment seg;
        seg.name = expectIdentifier(context);
        if (at(TokenKind::LBracket)) {
            // a[expr].b: the index belongs to the scope name when "] ." follows it.
            size_t depth = 0, i = 0;
            for (;; ++i) {
                TokenKind k = peek(i).kind;
                if (k == TokenKind::EndOfFile || k == TokenKind::Semicolon) break;
                if (k == TokenKind::LBracket) ++depth;
                if (k == TokenKind::RBracket && --depth == 0) break;
            }
            if (peek(i).kind == TokenKind::RBracket && peek(i + 1).kind == TokenKind::Dot &&
                peek(i + 2).kind == TokenKind::Identifier) {
                consume();
                seg.index = parseExpr();
                expect(TokenKind::RBracket, "after scope index");
            }
        }
        h.segments.push_back(std::move(seg));
        if (!at(TokenKind::Dot)) break;
        consume();
    }
    return h;
}

// A bracketed select applied to `base`.
ExprPtr Parser::parseSelects(ExprPtr base) {
    while (at(TokenKind::LBracket)) {
        const Token& open = consume();
        auto s = std::make_unique<SelectExpr>(base->loc);
        s->bracketLoc = open.loc;
        s->value = std::move(base);
        s->left = parseExpr();
        if (accept(TokenKind::Colon)) {
            s->select = SelectKind::Part;
            s->right = parseExpr();
        } else if (accept(TokenKind::PlusColon)) {
            s->select = SelectKind::IndexedUp;
            s->right = parseExpr();
        } else if (accept(TokenKind::MinusColon)) {
            s->select = SelectKind::IndexedDown;
            s->right = parseExpr();
        }
        expect(TokenKind::RBracket, "to close the select");
        base = std::move(s);
    }
    return base;
}

ExprPtr Parser::parseNameWithSelects(const char* context) {
    SourceLoc loc = peek().loc;
    auto n = std::make_unique<NameExpr>(loc);
    n->name = parseHierName(context);
    return parseSelects(std::move(n));
}

ExprPtr Parser::parseNameOrCall(bool allowCall) {
    SourceLoc loc = peek().loc;
    HierName name = parseHierName("a name");
    if (allowCall &&
        (at(TokenKind::LParen) || (at(TokenKind::AttrOpen) && peek(1).kind != TokenKind::RParen))) {
        auto c = std::make_unique<CallExpr>(loc);
        c->name = std::move(name);
        parseAttributes(c->attrs);
        expect(TokenKind::LParen, "to start the function arguments");
        parseCallArgs(c->args, false);
        return c;
    }
    auto n = std::make_unique<NameExpr>(loc);
    n->name = std::move(name);
    return parseSelects(std::move(n));
}

} // namespace metalfpga::frontend
