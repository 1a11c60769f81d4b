#pragma once
// Turns one source buffer into raw tokens (clause 3: white space, comments, operators, numbers,
// strings, identifiers, keywords, system names and compiler directives). Directives and macro
// uses come out as Directive tokens; the preprocessor acts on them.
//
// Besides `name, three spellings that only make sense in macro bodies come out as Directive
// tokens too: "``" (token pasting), "`\"" (stringification) and "`\\`\"" (a quote inside a
// stringification).

#include "frontend/diagnostics.h"
#include "frontend/token.h"

#include <string>
#include <string_view>

namespace metalfpga::frontend {

class Lexer {
  public:
    Lexer(SourceManager& sm, Diagnostics& diags, uint32_t buffer);

    // The next token; EndOfFile at the end (and on every call after it).
    Token next();

    // For `define: the raw text from the current position to the end of the logical line
    // (joining lines that end in '\'), with comments removed. Leaves the lexer at the next line.
    // `start` receives the location of the first character of the text.
    std::string readMacroBody(SourceLoc& start);
    // For `include and `line: the rest of the current line, as written. Leaves the lexer at the
    // next line.
    std::string_view readRestOfLine(SourceLoc& start);

    // Skips white space and comments up to the end of the current logical line (a '\' right
    // before the newline continues the line; a block comment may span lines) and says whether
    // the line has ended (a newline or the end of the buffer is next). The preprocessor reads
    // the tokens of a `define body with `while (!atEndOfLine()) next()`.
    bool atEndOfLine();
    // Skips to the end of the current logical line (honouring '\' continuations), leaving the
    // newline for next().
    void skipRestOfLine();

    // While quiet the lexer reports nothing (text skipped by `ifdef need not be valid tokens).
    void setQuiet(bool quiet) { quiet_ = quiet; }
    bool quiet() const { return quiet_; }

    uint32_t buffer() const { return buffer_; }
    SourceLoc here() const { return {buffer_, pos_, 0}; }

  private:
    char peek(uint32_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    bool atEnd() const { return pos_ >= text_.size(); }
    SourceLoc locAt(uint32_t offset) const { return {buffer_, offset, 0}; }
    void error(uint32_t offset, std::string message);
    // Skips white space and comments; true when something was skipped.
    bool skipTrivia();
    bool skipBlockComment(); // at "/*"; false when unterminated
    Token make(TokenKind kind, uint32_t start, uint32_t end);
    Token lexNumber(uint32_t start);
    Token lexBased(uint32_t start);
    Token lexString(uint32_t start);
    Token lexEscapedIdentifier(uint32_t start);
    Token lexDirective(uint32_t start);
    Token lexOperator(uint32_t start);
    Token lexUnknown(uint32_t start);

    SourceManager& sm_;
    Diagnostics& diags_;
    uint32_t buffer_;
    std::string_view text_;
    uint32_t pos_ = 0;
    bool atLineStart_ = true;
    bool pendingSpace_ = false;
    bool quiet_ = false;
    TokenKind prevKind_ = TokenKind::EndOfFile;
};

} // namespace metalfpga::frontend
