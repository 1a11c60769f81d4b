// User-defined primitives (1364-2005 A.5).

#include "frontend/parser.h"

#include <string_view>

namespace metalfpga::frontend {

using namespace ast;

DescriptionPtr Parser::parsePrimitive(Attributes attrs) {
    const Token& kw = consume();
    auto p = std::make_unique<Primitive>(kw.loc);
    p->attrs = std::move(attrs);
    try {
        p->name = expectIdentifier("a primitive name");
        expect(TokenKind::LParen, "after primitive name");
        Attributes a = parseAttributes();
        if (atAny({TokenKind::KwOutput, TokenKind::KwInput, TokenKind::KwInout})) {
            p->ansi = true;
            while (true) {
                if (at(TokenKind::KwInout)) fail("a primitive has no inout ports");
                if (!atAny({TokenKind::KwInput, TokenKind::KwOutput}))
                    fail("expected 'input' or 'output' in primitive port list");
                ItemPtr d = parseAnsiPortDecl();
                d->attrs = std::move(a);
                p->decls.push_back(std::move(d));
                if (!accept(TokenKind::Comma)) break;
                a = parseAttributes();
            }
        } else {
            do {
                p->portNames.push_back(expectIdentifier("a port name"));
            } while (accept(TokenKind::Comma));
        }
        expect(TokenKind::RParen, "to close the primitive port list");
        expect(TokenKind::Semicolon, "after primitive header");
    } catch (SyntaxError&) {
        skipTo({TokenKind::KwTable, TokenKind::KwEndprimitive}, false);
    }
    // Declarations and the initial statement.
    while (!atAny({TokenKind::KwTable, TokenKind::KwEndprimitive}) && !isAlwaysStop(peek().kind)) {
        size_t start = pos_;
        try {
            Attributes a = parseAttributes();
            if (atAny({TokenKind::KwOutput, TokenKind::KwInput})) {
                p->decls.push_back(parsePortDecl(std::move(a)));
            } else if (at(TokenKind::KwReg)) {
                ItemPtr d = parseVarDecl();
                d->attrs = std::move(a);
                p->decls.push_back(std::move(d));
            } else if (accept(TokenKind::KwInitial)) {
                if (p->initialValue) fail("a primitive has at most one initial statement");
                p->initialName = expectIdentifier("the output name after 'initial'");
                expect(TokenKind::Assign, "in primitive initial statement");
                p->initialValue = parseExpr();
                expect(TokenKind::Semicolon, "after primitive initial statement");
            } else {
                fail("expected a primitive port declaration, 'initial' or 'table'");
            }
        } catch (SyntaxError&) {
            skipTo({TokenKind::KwTable, TokenKind::KwEndprimitive}, false);
            if (pos_ == start) consume();
        }
    }
    if (accept(TokenKind::KwTable)) {
        parseUdpTable(*p);
        if (!accept(TokenKind::KwEndtable)) error(peek().loc, "expected 'endtable'");
    } else {
        error(peek().loc, "expected 'table' in primitive");
    }
    p->endLoc = peek().loc;
    if (!accept(TokenKind::KwEndprimitive)) {
        error(peek().loc, "expected 'endprimitive'");
        // Resynchronise at the next description.
        while (!isAlwaysStop(peek().kind)) consume();
        accept(TokenKind::KwEndprimitive);
    }
    return p;
}

namespace {

bool isLevelSymbol(char c) {
    switch (c) {
    case '0':
    case '1':
    case 'x':
    case 'X':
    case '?':
    case 'b':
    case 'B':
        return true;
    default:
        return false;
    }
}

bool isEdgeSymbol(char c) {
    switch (c) {
    case 'r':
    case 'R':
    case 'f':
    case 'F':
    case 'p':
    case 'P':
    case 'n':
    case 'N':
    case '*':
        return true;
    default:
        return false;
    }
}

} // namespace

// Rows up to `endtable`. The lexer makes ordinary tokens of the symbols ("01" an integer, "x1" an
// identifier, "?" and "*" operators), so the texts are split into single characters.
void Parser::parseUdpTable(Primitive& p) {
    bool first = true;
    while (!at(TokenKind::KwEndtable) && !isAlwaysStop(peek().kind)) {
        size_t start = pos_;
        try {
            UdpRow row;
            row.loc = peek().loc;
            std::vector<std::string> fields[3];
            int part = 0;
            int edges = 0;
            while (!at(TokenKind::Semicolon)) {
                const Token& t = peek();
                if (t.kind == TokenKind::KwEndtable || isAlwaysStop(t.kind))
                    fail("expected ';' after table row");
                if (t.kind == TokenKind::Colon) {
                    if (++part > 2) fail("too many ':' in table row");
                    consume();
                    continue;
                }
                if (t.kind == TokenKind::LParen) {
                    consume();
                    std::string e = "(";
                    while (!at(TokenKind::RParen)) {
                        const Token& s = peek();
                        if (s.kind == TokenKind::Semicolon || s.kind == TokenKind::Colon ||
                            s.kind == TokenKind::KwEndtable || isAlwaysStop(s.kind))
                            fail("expected ')' to close the edge");
                        for (char c : s.text) {
                            if (!isLevelSymbol(c))
                                fail(s.loc, fmt::format("'{}' is not a level symbol", c));
                            e += c;
                        }
                        consume();
                    }
                    consume();
                    e += ')';
                    if (e.size() != 4) fail(t.loc, "an edge is two level symbols in parentheses");
                    ++edges;
                    fields[part].push_back(std::move(e));
                    continue;
                }
                if (t.kind == TokenKind::AttrOpen || t.kind == TokenKind::AttrClose)
                    fail("unexpected '" + std::string(t.text) + "' in table row");
                if (t.kind == TokenKind::StringLiteral || t.kind == TokenKind::RealLiteral ||
                    t.kind == TokenKind::BasedLiteral)
                    fail(fmt::format("unexpected '{}' in table row", t.text));
                for (char c : t.text) {
                    if (isLevelSymbol(c) || c == '-') {
                        fields[part].push_back(std::string(1, c));
                    } else if (isEdgeSymbol(c)) {
                        ++edges;
                        fields[part].push_back(std::string(1, c));
                    } else {
                        fail(t.loc, fmt::format("'{}' is not a table symbol", c));
                    }
                }
                consume();
            }
            bool sequential = part == 2;
            if (part == 0) fail(row.loc, "expected ':' in table row");
            if (first) {
                p.sequential = sequential;
                first = false;
            } else if (sequential != p.sequential) {
                fail(row.loc, sequential ? "sequential table row in a combinational primitive"
                                         : "combinational table row in a sequential primitive");
            }
            if (fields[0].empty()) fail(row.loc, "table row has no inputs");
            for (auto& f : fields[0])
                if (f == "-") fail(row.loc, "'-' is only allowed as the next state");
            if (edges > 1) fail(row.loc, "a table row may have at most one edge");
            if (edges == 1 && !sequential)
                fail(row.loc, "edges are only allowed in sequential primitives");
            row.inputs = std::move(fields[0]);
            auto single = [&](std::vector<std::string>& f, const char* what) {
                if (f.size() != 1 || f[0].size() != 1)
                    fail(row.loc, fmt::format("expected one symbol for the {}", what));
                return f[0][0];
            };
            if (sequential) {
                row.current = single(fields[1], "current state");
                row.output = single(fields[2], "next state");
                if (!isLevelSymbol(row.current))
                    fail(row.loc, "the current state must be a level symbol");
            } else {
                row.output = single(fields[1], "output");
            }
            char o = row.output;
            if (!(o == '0' || o == '1' || o == 'x' || o == 'X' || (sequential && o == '-')))
                fail(row.loc, fmt::format("'{}' is not a valid output symbol", o));
            consume(); // ;
            p.rows.push_back(std::move(row));
        } catch (SyntaxError&) {
            while (!atAny({TokenKind::Semicolon, TokenKind::KwEndtable}) &&
                   !isAlwaysStop(peek().kind))
                consume();
            accept(TokenKind::Semicolon);
            if (pos_ == start) consume();
        }
    }
}

} // namespace metalfpga::frontend
