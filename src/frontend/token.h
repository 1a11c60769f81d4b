#pragma once
// Tokens of Verilog-2005 as the lexer makes them and the parser reads them.

#include "frontend/source_manager.h"

#include <cstdint>
#include <string_view>

namespace metalfpga::frontend {

enum class TokenKind : uint16_t {
    EndOfFile,
    Identifier,        // simple or escaped (text of an escaped one excludes '\' and the space)
    SystemIdentifier,  // $display, $setup, ... (text includes '$')
    IntegerLiteral,    // unsigned decimal digits: 42, 1_000 (also the size of a sized number)
    BasedLiteral,      // the base and digits of a based number: 'h ff, 'sb1x0z, 'd 10
    RealLiteral,       // 1.5, 2e-3, 1.0E+2
    StringLiteral,     // text excludes the quotes; escapes are kept as written
    Directive,         // `name (seen only inside the preprocessor; never reaches the parser)
    Unknown,           // a character that starts no token; the lexer has reported it
#define TOKEN(name, spelling) name,
#define KEYWORD(name, spelling) name,
#include "frontend/token_kinds.def"
    Count_
};

struct Token {
    TokenKind kind = TokenKind::EndOfFile;
    std::string_view text; // the token's spelling (see TokenKind for literals)
    SourceLoc loc;
    // True when whitespace or a comment came right before this token (the preprocessor and
    // UDP tables need it); tokens made by macro expansion inherit it from their use.
    bool spaceBefore = false;
    // True for the first token of a source line.
    bool lineStart = false;
    bool escaped = false; // an escaped identifier

    bool is(TokenKind k) const { return kind == k; }
    bool isKeyword() const;
};

// "module", "(", "identifier", ... for diagnostics and --dump-tokens.
std::string_view tokenKindName(TokenKind k);
// The keyword with this spelling, or Identifier when it is not a reserved word.
TokenKind keywordKind(std::string_view text);

} // namespace metalfpga::frontend
