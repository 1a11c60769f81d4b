#include "frontend/lexer.h"

#include <fmt/format.h>

namespace metalfpga::frontend {

namespace {

bool isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isIdentChar(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isHorizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool isSpace(char c) {
    return isHorizontalSpace(c) || c == '\n';
}

// What an unexpected byte looks like in a message.
std::string describeByte(unsigned char c) {
    if (c == 0) return "NUL byte";
    if (c >= 0x20 && c < 0x7f) return fmt::format("character '{}'", static_cast<char>(c));
    return fmt::format("byte 0x{:02X}", c);
}

bool validDigit(char base, char c) {
    if (c == '_' || c == 'x' || c == 'X' || c == 'z' || c == 'Z' || c == '?') return true;
    switch (base) {
    case 'b':
        return c == '0' || c == '1';
    case 'o':
        return c >= '0' && c <= '7';
    case 'd':
        return isDigit(c);
    default:
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

const char* baseName(char base) {
    switch (base) {
    case 'b':
        return "binary";
    case 'o':
        return "octal";
    case 'd':
        return "decimal";
    default:
        return "hexadecimal";
    }
}

} // namespace

Lexer::Lexer(SourceManager& sm, Diagnostics& diags, uint32_t buffer)
    : sm_(sm), diags_(diags), buffer_(buffer), text_(sm.text(buffer)) {}

void Lexer::error(uint32_t offset, std::string message) {
    if (!quiet_) diags_.error(locAt(offset), std::move(message));
}

bool Lexer::skipBlockComment() {
    uint32_t start = pos_;
    pos_ += 2;
    while (pos_ + 1 < text_.size()) {
        if (text_[pos_] == '*' && text_[pos_ + 1] == '/') {
            pos_ += 2;
            return true;
        }
        if (text_[pos_] == '\n') atLineStart_ = true;
        ++pos_;
    }
    pos_ = static_cast<uint32_t>(text_.size());
    error(start, "unterminated block comment");
    return false;
}

bool Lexer::skipTrivia() {
    bool skipped = false;
    while (!atEnd()) {
        char c = peek();
        if (isHorizontalSpace(c)) {
            ++pos_;
        } else if (c == '\n') {
            ++pos_;
            atLineStart_ = true;
        } else if (c == '/' && peek(1) == '/') {
            while (!atEnd() && peek() != '\n') ++pos_;
        } else if (c == '/' && peek(1) == '*') {
            skipBlockComment();
        } else {
            break;
        }
        skipped = true;
    }
    return skipped;
}

bool Lexer::atEndOfLine() {
    while (!atEnd()) {
        char c = peek();
        if (isHorizontalSpace(c)) {
            ++pos_;
        } else if (c == '\\' && peek(1) == '\n') {
            pos_ += 2;
        } else if (c == '\\' && peek(1) == '\r' && peek(2) == '\n') {
            pos_ += 3;
        } else if (c == '/' && peek(1) == '/') {
            while (!atEnd() && peek() != '\n') ++pos_;
            // As in Icarus, a '\' that ends a one-line comment still continues the line.
            uint32_t last = pos_;
            if (last > 0 && text_[last - 1] == '\r') --last;
            if (!atEnd() && last > 0 && text_[last - 1] == '\\') ++pos_;
        } else if (c == '/' && peek(1) == '*') {
            bool saved = atLineStart_;
            skipBlockComment();
            atLineStart_ = saved; // a comment inside a logical line does not start a new one
        } else {
            return c == '\n';
        }
        pendingSpace_ = true;
    }
    return true;
}

void Lexer::skipRestOfLine() {
    while (!atEnd() && peek() != '\n') {
        if (peek() == '\\' && peek(1) == '\n') {
            pos_ += 2;
        } else if (peek() == '\\' && peek(1) == '\r' && peek(2) == '\n') {
            pos_ += 3;
        } else {
            ++pos_;
        }
    }
}

std::string_view Lexer::readRestOfLine(SourceLoc& start) {
    while (!atEnd() && isHorizontalSpace(peek())) ++pos_;
    start = here();
    uint32_t begin = pos_;
    while (!atEnd() && peek() != '\n') ++pos_;
    std::string_view s = text_.substr(begin, pos_ - begin);
    while (!s.empty() && isHorizontalSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::string Lexer::readMacroBody(SourceLoc& start) {
    while (!atEnd() && isHorizontalSpace(peek())) ++pos_;
    start = here();
    std::string out;
    while (!atEnd() && peek() != '\n') {
        char c = peek();
        if (c == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
            pos_ += peek(1) == '\n' ? 2 : 3;
            out += '\n';
        } else if (c == '/' && peek(1) == '/') {
            while (!atEnd() && peek() != '\n') ++pos_;
        } else if (c == '/' && peek(1) == '*') {
            bool saved = atLineStart_;
            skipBlockComment();
            atLineStart_ = saved;
            out += ' ';
        } else if (c == '"') {
            out += c;
            ++pos_;
            while (!atEnd() && peek() != '\n' && peek() != '"') {
                if (peek() == '\\' && pos_ + 1 < text_.size() && peek(1) != '\n')
                    out += text_[pos_++];
                out += text_[pos_++];
            }
            if (peek() == '"') out += text_[pos_++];
        } else {
            out += c;
            ++pos_;
        }
    }
    while (!out.empty() && isSpace(out.back())) out.pop_back();
    return out;
}

Token Lexer::make(TokenKind kind, uint32_t start, uint32_t end) {
    Token t;
    t.kind = kind;
    t.text = text_.substr(start, end - start);
    t.loc = locAt(start);
    pos_ = end;
    return t;
}

Token Lexer::next() {
    bool space = skipTrivia() || pendingSpace_;
    pendingSpace_ = false;
    uint32_t start = pos_;
    Token t;
    if (atEnd()) {
        t = make(TokenKind::EndOfFile, start, start);
    } else {
        char c = peek();
        if (isIdentStart(c)) {
            uint32_t end = pos_ + 1;
            while (end < text_.size() && isIdentChar(text_[end])) ++end;
            t = make(TokenKind::Identifier, start, end);
            t.kind = keywordKind(t.text);
        } else if (isDigit(c)) {
            t = lexNumber(start);
        } else if (c == '\'') {
            t = lexBased(start);
        } else if (c == '"') {
            t = lexString(start);
        } else if (c == '\\') {
            t = lexEscapedIdentifier(start);
        } else if (c == '$') {
            uint32_t end = pos_ + 1;
            while (end < text_.size() && isIdentChar(text_[end])) ++end;
            if (end == pos_ + 1) {
                error(start, "'$' must be followed by the name of a system task or function");
                t = make(TokenKind::Unknown, start, end);
            } else {
                t = make(TokenKind::SystemIdentifier, start, end);
            }
        } else if (c == '`') {
            t = lexDirective(start);
        } else {
            t = lexOperator(start);
        }
    }
    t.spaceBefore = space;
    t.lineStart = atLineStart_;
    if (t.kind != TokenKind::EndOfFile) atLineStart_ = false;
    prevKind_ = t.kind;
    return t;
}

Token Lexer::lexNumber(uint32_t start) {
    uint32_t p = start;
    auto digits = [&] {
        while (p < text_.size() && (isDigit(text_[p]) || text_[p] == '_')) ++p;
    };
    digits();
    bool real = false;
    if (p + 1 < text_.size() && text_[p] == '.' && isDigit(text_[p + 1])) {
        ++p;
        digits();
        real = true;
    }
    if (p < text_.size() && (text_[p] == 'e' || text_[p] == 'E')) {
        uint32_t q = p + 1;
        if (q < text_.size() && (text_[q] == '+' || text_[q] == '-')) ++q;
        if (q < text_.size() && isDigit(text_[q])) {
            p = q;
            digits();
            real = true;
        }
    }
    return make(real ? TokenKind::RealLiteral : TokenKind::IntegerLiteral, start, p);
}

Token Lexer::lexBased(uint32_t start) {
    uint32_t p = start + 1;
    if (p < text_.size() && (text_[p] == 's' || text_[p] == 'S')) ++p;
    char base = p < text_.size() ? static_cast<char>(text_[p] | 0x20) : '\0';
    if (base != 'b' && base != 'o' && base != 'd' && base != 'h') {
        error(start, "a base (b, o, d or h) must follow ' in a number");
        return make(TokenKind::Unknown, start, start + 1);
    }
    ++p;
    uint32_t afterBase = p;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    uint32_t digitsStart = p;
    bool reported = false;
    while (p < text_.size() && (isIdentChar(text_[p]) || text_[p] == '?') && text_[p] != '$') {
        if (!reported && !validDigit(base, text_[p])) {
            error(p, fmt::format("invalid digit '{}' in a {} number", text_[p], baseName(base)));
            reported = true;
        }
        ++p;
    }
    if (p == digitsStart) {
        // No digits. Inside a macro body the digits may be pasted on: 8'h``a.
        if (!(afterBase < text_.size() && text_[afterBase] == '`'))
            error(start,
                  fmt::format("missing digits after the base of a {} number", baseName(base)));
        p = afterBase;
    }
    return make(TokenKind::BasedLiteral, start, p);
}

Token Lexer::lexString(uint32_t start) {
    uint32_t p = start + 1;
    while (p < text_.size()) {
        char c = text_[p];
        if (c == '"') {
            Token t = make(TokenKind::StringLiteral, start, p + 1);
            t.text = text_.substr(start + 1, p - start - 1);
            return t;
        }
        if (c == '\n') break;
        if (c == '\\' && p + 1 < text_.size() && text_[p + 1] != '\n') ++p;
        ++p;
    }
    error(start, "unterminated string literal (a string must end on the line it starts)");
    Token t = make(TokenKind::StringLiteral, start, p);
    t.text = text_.substr(start + 1, p - start - 1);
    return t;
}

Token Lexer::lexEscapedIdentifier(uint32_t start) {
    uint32_t p = start + 1;
    while (p < text_.size() && !isSpace(text_[p])) ++p;
    if (p == start + 1) {
        error(start, "'\\' must start an escaped identifier (white space follows it here)");
        return make(TokenKind::Unknown, start, p);
    }
    Token t = make(TokenKind::Identifier, start, p);
    t.text = text_.substr(start + 1, p - start - 1);
    t.escaped = true;
    return t;
}

Token Lexer::lexDirective(uint32_t start) {
    char c = peek(1);
    if (c == '`' || c == '"') return make(TokenKind::Directive, start, start + 2);
    if (c == '\\' && peek(2) == '`' && peek(3) == '"')
        return make(TokenKind::Directive, start, start + 4);
    if (isIdentStart(c)) {
        uint32_t end = start + 2;
        while (end < text_.size() && isIdentChar(text_[end])) ++end;
        return make(TokenKind::Directive, start, end);
    }
    error(start, "'`' must be followed by the name of a compiler directive or macro");
    return make(TokenKind::Unknown, start, start + 1);
}

Token Lexer::lexOperator(uint32_t start) {
    char c = peek();
    char c1 = peek(1);
    char c2 = peek(2);
    auto tok = [&](TokenKind k, uint32_t len) { return make(k, start, start + len); };
    switch (c) {
    case '(':
        if (c1 == '*') {
            // "(*" opens an attribute, except in @(*) where "(*" is followed by ")".
            uint32_t q = start + 2;
            while (q < text_.size() && isSpace(text_[q])) ++q;
            if (q < text_.size() && text_[q] == ')') return tok(TokenKind::LParen, 1);
            return tok(TokenKind::AttrOpen, 2);
        }
        return tok(TokenKind::LParen, 1);
    case ')':
        return tok(TokenKind::RParen, 1);
    case '[':
        return tok(TokenKind::LBracket, 1);
    case ']':
        return tok(TokenKind::RBracket, 1);
    case '{':
        return tok(TokenKind::LBrace, 1);
    case '}':
        return tok(TokenKind::RBrace, 1);
    case ',':
        return tok(TokenKind::Comma, 1);
    case ';':
        return tok(TokenKind::Semicolon, 1);
    case ':':
        return tok(TokenKind::Colon, 1);
    case '.':
        return tok(TokenKind::Dot, 1);
    case '#':
        return tok(TokenKind::Hash, 1);
    case '@':
        return tok(TokenKind::At, 1);
    case '?':
        return tok(TokenKind::Question, 1);
    case '%':
        return tok(TokenKind::Percent, 1);
    case '/':
        return tok(TokenKind::Slash, 1);
    case '=':
        if (c1 == '=') return c2 == '=' ? tok(TokenKind::EqEqEq, 3) : tok(TokenKind::EqEq, 2);
        if (c1 == '>') return tok(TokenKind::FatArrow, 2);
        return tok(TokenKind::Assign, 1);
    case '!':
        if (c1 == '=') return c2 == '=' ? tok(TokenKind::BangEqEq, 3) : tok(TokenKind::BangEq, 2);
        return tok(TokenKind::Bang, 1);
    case '+':
        if (c1 == ':') return tok(TokenKind::PlusColon, 2);
        return tok(TokenKind::Plus, 1);
    case '-':
        if (c1 == ':') return tok(TokenKind::MinusColon, 2);
        if (c1 == '>') return tok(TokenKind::Arrow, 2);
        return tok(TokenKind::Minus, 1);
    case '*':
        if (c1 == '*') return tok(TokenKind::Power, 2);
        if (c1 == '>') return tok(TokenKind::StarArrow, 2);
        // "*)" closes an attribute, except in @(*) and @( *) where the '(' came right before.
        if (c1 == ')' && prevKind_ != TokenKind::LParen) return tok(TokenKind::AttrClose, 2);
        return tok(TokenKind::Star, 1);
    case '~':
        if (c1 == '&') return tok(TokenKind::TildeAmp, 2);
        if (c1 == '|') return tok(TokenKind::TildePipe, 2);
        if (c1 == '^') return tok(TokenKind::TildeCaret, 2);
        return tok(TokenKind::Tilde, 1);
    case '^':
        if (c1 == '~') return tok(TokenKind::TildeCaret, 2);
        return tok(TokenKind::Caret, 1);
    case '&':
        if (c1 == '&') return c2 == '&' ? tok(TokenKind::AmpAmpAmp, 3) : tok(TokenKind::AmpAmp, 2);
        return tok(TokenKind::Amp, 1);
    case '|':
        if (c1 == '|') return tok(TokenKind::PipePipe, 2);
        return tok(TokenKind::Pipe, 1);
    case '<':
        if (c1 == '<') return c2 == '<' ? tok(TokenKind::AShl, 3) : tok(TokenKind::Shl, 2);
        if (c1 == '=') return tok(TokenKind::LessEq, 2);
        return tok(TokenKind::Less, 1);
    case '>':
        if (c1 == '>') return c2 == '>' ? tok(TokenKind::AShr, 3) : tok(TokenKind::Shr, 2);
        if (c1 == '=') return tok(TokenKind::GreaterEq, 2);
        return tok(TokenKind::Greater, 1);
    default:
        return lexUnknown(start);
    }
}

Token Lexer::lexUnknown(uint32_t start) {
    auto c = static_cast<unsigned char>(peek());
    uint32_t end = start + 1;
    // One error for a whole UTF-8 sequence rather than one per byte.
    if (c >= 0xC0) {
        while (end < text_.size() && end < start + 4 &&
               (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80)
            ++end;
    }
    if (c >= 0xC0 && end > start + 1)
        error(start, "unexpected non-ASCII character");
    else
        error(start, fmt::format("unexpected {}", describeByte(c)));
    return make(TokenKind::Unknown, start, end);
}

} // namespace metalfpga::frontend
