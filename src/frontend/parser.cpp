// The parser's token cursor, error reporting and recovery, and the top level (descriptions,
// attributes).

#include "frontend/parser.h"

#include <algorithm>
#include <array>

namespace metalfpga::frontend {

using namespace ast;

Parser::Parser(const PreprocessedUnit& unit, SourceManager& sm, Diagnostics& diags)
    : unit_(unit), sm_(sm), diags_(diags), toks_(unit.tokens) {}

// ---------------------------------------------------------------------------------------------
// Token cursor
// ---------------------------------------------------------------------------------------------

const Token& Parser::peek(size_t ahead) const {
    static const Token kEof{};
    if (toks_.empty()) return kEof;
    size_t i = pos_ + ahead;
    if (i >= toks_.size()) return toks_.back();
    return toks_[i];
}

bool Parser::atAny(std::initializer_list<TokenKind> ks) const {
    TokenKind k = peek().kind;
    return std::find(ks.begin(), ks.end(), k) != ks.end();
}

const Token& Parser::consume() {
    const Token& t = peek();
    if (!toks_.empty() && pos_ + 1 < toks_.size()) ++pos_;
    return t;
}

bool Parser::accept(TokenKind k) {
    if (!at(k)) return false;
    consume();
    return true;
}

const Token& Parser::expect(TokenKind k, const char* context) {
    if (at(k)) return consume();
    fail(fmt::format("expected '{}' {}", tokenKindName(k), context));
}

Identifier Parser::identFrom(const Token& t) const {
    return Identifier{t.text, t.loc, t.escaped};
}

bool Parser::isConfigOnlyKeyword(TokenKind k) {
    switch (k) {
    case TokenKind::KwCell:
    case TokenKind::KwDesign:
    case TokenKind::KwInstance:
    case TokenKind::KwLiblist:
    case TokenKind::KwLibrary:
    case TokenKind::KwUse:
    case TokenKind::KwIncdir:
    case TokenKind::KwInclude:
        return true;
    default:
        return false;
    }
}

bool Parser::atIdent() const {
    TokenKind k = peek().kind;
    return k == TokenKind::Identifier || (!inConfig_ && isConfigOnlyKeyword(k));
}

Identifier Parser::expectIdentifier(const char* context) {
    if (atIdent()) return identFrom(consume());
    if (peek().isKeyword())
        fail(fmt::format("expected {}, found keyword '{}'", context, peek().text));
    fail(fmt::format("expected {}", context));
}

// ---------------------------------------------------------------------------------------------
// Errors and recovery
// ---------------------------------------------------------------------------------------------

void Parser::error(SourceLoc loc, std::string message) {
    // One error per location: recovery must not produce a cascade at the same token, and a
    // token the lexer already complained about needs no second message.
    if (loc.valid() && loc == lastErrorLoc_) return;
    if (loc.valid() && !diags_.all().empty() && diags_.all().back().loc == loc &&
        diags_.all().back().severity >= Severity::Error)
        return;
    lastErrorLoc_ = loc;
    diags_.error(loc, std::move(message));
}

void Parser::fail(std::string message) {
    fail(peek().loc, std::move(message));
}

void Parser::fail(SourceLoc loc, std::string message) {
    error(loc, std::move(message));
    throw SyntaxError{};
}

void Parser::unexpected(const char* context) {
    const Token& t = peek();
    if (t.kind == TokenKind::EndOfFile) fail(fmt::format("unexpected end of file {}", context));
    if (isSystemVerilogKeyword(t)) systemVerilogOnly(t);
    if (t.kind == TokenKind::Identifier)
        fail(fmt::format("unexpected identifier '{}' {}", t.text, context));
    fail(fmt::format("unexpected '{}' {}", t.text, context));
}

void Parser::enterNesting() {
    if (++depth_ > kMaxDepth) {
        --depth_;
        error(peek().loc, fmt::format("nesting is too deep (more than {} levels)", kMaxDepth));
        throw AbortParse{};
    }
}

bool Parser::isAlwaysStop(TokenKind k) {
    switch (k) {
    case TokenKind::KwModule:
    case TokenKind::KwMacromodule:
    case TokenKind::KwEndmodule:
    case TokenKind::KwPrimitive:
    case TokenKind::KwEndprimitive:
    case TokenKind::KwConfig:
    case TokenKind::KwEndconfig:
    case TokenKind::EndOfFile:
        return true;
    default:
        return false;
    }
}

bool Parser::isOpener(TokenKind k) {
    switch (k) {
    case TokenKind::KwBegin:
    case TokenKind::KwFork:
    case TokenKind::KwCase:
    case TokenKind::KwCasex:
    case TokenKind::KwCasez:
    case TokenKind::KwFunction:
    case TokenKind::KwTask:
    case TokenKind::KwGenerate:
    case TokenKind::KwSpecify:
    case TokenKind::KwTable:
        return true;
    default:
        return false;
    }
}

bool Parser::isCloser(TokenKind k) {
    switch (k) {
    case TokenKind::KwEnd:
    case TokenKind::KwJoin:
    case TokenKind::KwEndcase:
    case TokenKind::KwEndfunction:
    case TokenKind::KwEndtask:
    case TokenKind::KwEndgenerate:
    case TokenKind::KwEndspecify:
    case TokenKind::KwEndtable:
        return true;
    default:
        return false;
    }
}

namespace {

constexpr std::array<std::string_view, 48> kSvKeywords = {
    "logic",        "bit",        "byte",     "shortint",    "int",         "longint",
    "shortreal",    "string",     "chandle",  "void",        "interface",   "endinterface",
    "package",      "endpackage", "class",    "endclass",    "program",     "endprogram",
    "typedef",      "enum",       "struct",   "union",       "always_ff",   "always_comb",
    "always_latch", "import",     "export",   "unique",      "priority",    "final",
    "assert",       "assume",     "cover",    "property",    "endproperty", "sequence",
    "endsequence",  "modport",    "clocking", "endclocking", "return",      "break",
    "continue",     "do",         "foreach",  "var",         "const",       "timeunit"};

} // namespace

bool Parser::isSystemVerilogKeyword(const Token& t) const {
    if (t.kind != TokenKind::Identifier || t.escaped) return false;
    return std::find(kSvKeywords.begin(), kSvKeywords.end(), t.text) != kSvKeywords.end();
}

void Parser::systemVerilogOnly(const Token& t) {
    fail(t.loc, fmt::format("'{}' is SystemVerilog, not Verilog-2005", t.text));
}

bool Parser::isNetType(TokenKind k) {
    switch (k) {
    case TokenKind::KwWire:
    case TokenKind::KwTri:
    case TokenKind::KwTri0:
    case TokenKind::KwTri1:
    case TokenKind::KwTriand:
    case TokenKind::KwTrior:
    case TokenKind::KwTrireg:
    case TokenKind::KwWand:
    case TokenKind::KwWor:
    case TokenKind::KwSupply0:
    case TokenKind::KwSupply1:
    case TokenKind::KwUwire:
        return true;
    default:
        return false;
    }
}

bool Parser::isGateType(TokenKind k) {
    switch (k) {
    case TokenKind::KwAnd:
    case TokenKind::KwNand:
    case TokenKind::KwOr:
    case TokenKind::KwNor:
    case TokenKind::KwXor:
    case TokenKind::KwXnor:
    case TokenKind::KwBuf:
    case TokenKind::KwNot:
    case TokenKind::KwBufif0:
    case TokenKind::KwBufif1:
    case TokenKind::KwNotif0:
    case TokenKind::KwNotif1:
    case TokenKind::KwNmos:
    case TokenKind::KwPmos:
    case TokenKind::KwRnmos:
    case TokenKind::KwRpmos:
    case TokenKind::KwCmos:
    case TokenKind::KwRcmos:
    case TokenKind::KwTran:
    case TokenKind::KwTranif0:
    case TokenKind::KwTranif1:
    case TokenKind::KwRtran:
    case TokenKind::KwRtranif0:
    case TokenKind::KwRtranif1:
    case TokenKind::KwPullup:
    case TokenKind::KwPulldown:
        return true;
    default:
        return false;
    }
}

bool Parser::isStrength0(TokenKind k) {
    return k == TokenKind::KwSupply0 || k == TokenKind::KwStrong0 || k == TokenKind::KwPull0 ||
           k == TokenKind::KwWeak0 || k == TokenKind::KwHighz0;
}

bool Parser::isStrength1(TokenKind k) {
    return k == TokenKind::KwSupply1 || k == TokenKind::KwStrong1 || k == TokenKind::KwPull1 ||
           k == TokenKind::KwWeak1 || k == TokenKind::KwHighz1;
}

// Keywords that start a module item (used to stop error recovery). `or` is left out: it is also
// the event-list separator.
bool Parser::isItemKeyword(TokenKind k) {
    if (k == TokenKind::KwOr) return false;
    if (isNetType(k) || isGateType(k)) return true;
    switch (k) {
    case TokenKind::KwInput:
    case TokenKind::KwOutput:
    case TokenKind::KwInout:
    case TokenKind::KwReg:
    case TokenKind::KwInteger:
    case TokenKind::KwReal:
    case TokenKind::KwRealtime:
    case TokenKind::KwTime:
    case TokenKind::KwEvent:
    case TokenKind::KwGenvar:
    case TokenKind::KwParameter:
    case TokenKind::KwLocalparam:
    case TokenKind::KwDefparam:
    case TokenKind::KwSpecparam:
    case TokenKind::KwAssign:
    case TokenKind::KwInitial:
    case TokenKind::KwAlways:
    case TokenKind::KwFunction:
    case TokenKind::KwTask:
    case TokenKind::KwGenerate:
    case TokenKind::KwSpecify:
        return true;
    default:
        return false;
    }
}

void Parser::skipTo(std::initializer_list<TokenKind> stops, bool stopAtItemKeyword) {
    int depth = 0;
    while (true) {
        TokenKind k = peek().kind;
        if (isAlwaysStop(k)) return;
        if (depth == 0) {
            if (k == TokenKind::Semicolon) {
                consume();
                return;
            }
            if (std::find(stops.begin(), stops.end(), k) != stops.end()) return;
            if (stopAtItemKeyword && isItemKeyword(k)) return;
        }
        if (isOpener(k))
            ++depth;
        else if (isCloser(k) && depth > 0)
            --depth;
        consume();
    }
}

// ---------------------------------------------------------------------------------------------
// Top level
// ---------------------------------------------------------------------------------------------

std::unique_ptr<CompilationUnit> Parser::parse() {
    auto cu = std::make_unique<CompilationUnit>();
    try {
        while (!at(TokenKind::EndOfFile)) {
            size_t start = pos_;
            try {
                Attributes attrs = parseAttributes();
                if (at(TokenKind::EndOfFile)) {
                    if (!attrs.empty())
                        fail("expected a module, primitive or config after attribute");
                    break;
                }
                if (auto d = parseDescription(std::move(attrs)))
                    cu->descriptions.push_back(std::move(d));
            } catch (SyntaxError&) {
                // Skip to the next description.
                while (!at(TokenKind::EndOfFile) &&
                       !atAny({TokenKind::KwModule, TokenKind::KwMacromodule,
                               TokenKind::KwPrimitive, TokenKind::KwConfig}))
                    consume();
            }
            if (pos_ == start) consume(); // guarantees progress
            if (pos_ == start) break;     // at the end
        }
    } catch (AbortParse&) {
    }
    return cu;
}

ExprPtr Parser::parseExpressionOnly() {
    try {
        ExprPtr e = parseExpr();
        if (!at(TokenKind::EndOfFile)) fail("expected the end of the expression");
        return e;
    } catch (SyntaxError&) {
    } catch (AbortParse&) {
    }
    return nullptr;
}

DescriptionPtr Parser::parseDescription(Attributes attrs) {
    switch (peek().kind) {
    case TokenKind::KwModule:
    case TokenKind::KwMacromodule:
        return parseModule(std::move(attrs));
    case TokenKind::KwPrimitive:
        return parsePrimitive(std::move(attrs));
    case TokenKind::KwConfig:
        return parseConfig(std::move(attrs));
    default:
        break;
    }
    const Token& t = peek();
    if (isSystemVerilogKeyword(t)) systemVerilogOnly(t);
    if (t.kind == TokenKind::Identifier)
        fail(fmt::format("unexpected identifier '{}' outside a module", t.text));
    if (t.isKeyword()) fail(fmt::format("'{}' is not allowed outside a module", t.text));
    fail(fmt::format("unexpected '{}' outside a module", t.text));
}

// (* name [= expr], ... *), possibly several in a row.
void Parser::parseAttributes(Attributes& out) {
    while (at(TokenKind::AttrOpen)) {
        consume();
        do {
            Attribute a;
            a.name = expectIdentifier("an attribute name");
            if (accept(TokenKind::Assign)) a.value = parseExpr();
            out.push_back(std::move(a));
        } while (accept(TokenKind::Comma));
        expect(TokenKind::AttrClose, "to close the attribute");
    }
}

Attributes Parser::parseAttributes() {
    Attributes a;
    parseAttributes(a);
    return a;
}

} // namespace metalfpga::frontend
