#include "frontend/token.h"

#include <string>
#include <unordered_map>

namespace metalfpga::frontend {

namespace {
constexpr std::string_view kNames[] = {
    "end of file",
    "identifier",
    "system identifier",
    "integer literal",
    "based literal",
    "real literal",
    "string literal",
    "directive",
    "unknown character",
#define TOKEN(name, spelling) spelling,
#define KEYWORD(name, spelling) spelling,
#include "frontend/token_kinds.def"
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(TokenKind::Count_));
} // namespace

std::string_view tokenKindName(TokenKind k) { return kNames[static_cast<size_t>(k)]; }

bool Token::isKeyword() const { return kind >= TokenKind::KwAlways && kind < TokenKind::Count_; }

TokenKind keywordKind(std::string_view text) {
    static const std::unordered_map<std::string_view, TokenKind> table = [] {
        std::unordered_map<std::string_view, TokenKind> t;
#define KEYWORD(name, spelling) t.emplace(spelling, TokenKind::name);
#include "frontend/token_kinds.def"
        return t;
    }();
    auto it = table.find(text);
    return it == table.end() ? TokenKind::Identifier : it->second;
}

} // namespace metalfpga::frontend
