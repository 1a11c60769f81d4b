#pragma once
// Turns one source buffer into raw tokens (clause 3: white space, comments, operators, numbers,
// strings, identifiers, keywords, system names and compiler directives). Directives and macro
// uses come out as Directive tokens; the preprocessor acts on them.

#include "frontend/diagnostics.h"
#include "frontend/token.h"

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

    uint32_t buffer() const { return buffer_; }
    SourceLoc here() const { return {buffer_, pos_, 0}; }

  private:
    SourceManager& sm_;
    Diagnostics& diags_;
    uint32_t buffer_;
    std::string_view text_;
    uint32_t pos_ = 0;
    bool atLineStart_ = true;
};

} // namespace metalfpga::frontend
