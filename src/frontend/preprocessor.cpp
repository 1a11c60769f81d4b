#include "frontend/preprocessor.h"

#include "frontend/lexer.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unordered_map>

namespace metalfpga::frontend {

namespace fs = std::filesystem;

const DirectiveState& PreprocessedUnit::stateAt(uint32_t tokenIndex) const {
    static const DirectiveState kDefault;
    auto it = std::upper_bound(states.begin(), states.end(), tokenIndex,
                               [](uint32_t i, const auto& s) { return i < s.first; });
    if (it == states.begin()) return kDefault;
    return std::prev(it)->second;
}

namespace {

constexpr unsigned kMaxMacroDepth = 200;
constexpr size_t kMaxExpandedTokens = 50'000'000;

struct Macro {
    std::string name;
    SourceLoc loc;
    bool hasParams = false;
    std::vector<std::string> params;
    std::vector<std::optional<std::vector<Token>>> defaults;
    std::vector<Token> body;
};

struct Conditional {
    SourceLoc loc;
    std::string_view directive; // "`ifdef" or "`ifndef"
    bool parentActive = true;
    bool active = true; // the current branch is kept
    bool taken = false; // some branch was kept already
    bool seenElse = false;
};

// Where tokens come from: a file (or buffer) through a lexer, or a list of tokens (a macro
// expansion, or one token pushed back).
struct Source {
    std::unique_ptr<Lexer> lexer;
    std::vector<Token> tokens;
    size_t pos = 0;
    unsigned depth = 0;  // macro nesting depth of these tokens
    size_t condBase = 0; // files: the conditional stack's size when the file began
    bool pushback = false;
    bool fromFile = false; // pushback: the token came from a lexer
    bool isFile() const { return lexer != nullptr; }
};

// clang-format off
enum class Dir {
    Define, Undef, Undefineall, Ifdef, Ifndef, Elsif, Else, Endif, Include, Timescale,
    DefaultNettype, Celldefine, Endcelldefine, Resetall, Line, UnconnectedDrive,
    NounconnectedDrive, BeginKeywords, EndKeywords, Pragma, Protect, IgnoreLine, File, LineNumber,
    Paste, Stringify, EscapedQuote
};
// clang-format on

const std::unordered_map<std::string_view, Dir>& directiveTable() {
    static const std::unordered_map<std::string_view, Dir> t = {
        {"define", Dir::Define},
        {"undef", Dir::Undef},
        {"undefineall", Dir::Undefineall},
        {"ifdef", Dir::Ifdef},
        {"ifndef", Dir::Ifndef},
        {"elsif", Dir::Elsif},
        {"else", Dir::Else},
        {"endif", Dir::Endif},
        {"include", Dir::Include},
        {"timescale", Dir::Timescale},
        {"default_nettype", Dir::DefaultNettype},
        {"celldefine", Dir::Celldefine},
        {"endcelldefine", Dir::Endcelldefine},
        {"resetall", Dir::Resetall},
        {"line", Dir::Line},
        {"unconnected_drive", Dir::UnconnectedDrive},
        {"nounconnected_drive", Dir::NounconnectedDrive},
        {"begin_keywords", Dir::BeginKeywords},
        {"end_keywords", Dir::EndKeywords},
        {"pragma", Dir::Pragma},
        {"protect", Dir::Protect},
        {"endprotect", Dir::Protect},
        {"protected", Dir::Protect},
        {"endprotected", Dir::Protect},
        // 1364-2005 Annex D and other tools' directives: accepted and ignored, as Icarus does.
        {"default_decay_time", Dir::IgnoreLine},
        {"default_trireg_strength", Dir::IgnoreLine},
        {"delay_mode_distributed", Dir::IgnoreLine},
        {"delay_mode_path", Dir::IgnoreLine},
        {"delay_mode_unit", Dir::IgnoreLine},
        {"delay_mode_zero", Dir::IgnoreLine},
        {"disable_portfaults", Dir::IgnoreLine},
        {"enable_portfaults", Dir::IgnoreLine},
        {"nosuppress_faults", Dir::IgnoreLine},
        {"suppress_faults", Dir::IgnoreLine},
        {"uselib", Dir::IgnoreLine},
        {"__FILE__", Dir::File},
        {"__LINE__", Dir::LineNumber},
        {"`", Dir::Paste},
        {"\"", Dir::Stringify},
        {"\\`\"", Dir::EscapedQuote},
    };
    return t;
}

bool isMarker(const Token& t, std::string_view text) {
    return t.kind == TokenKind::Directive && t.text == text;
}

// The text of a token as it would be written (for pasting and stringification).
std::string spelling(const Token& t) {
    if (t.kind == TokenKind::StringLiteral) return fmt::format("\"{}\"", t.text);
    if (t.kind == TokenKind::Identifier && t.escaped) return fmt::format("\\{}", t.text);
    return std::string(t.text);
}

bool isNameToken(const Token& t) {
    return t.kind == TokenKind::Identifier || t.isKeyword();
}

const char* const kNetTypes[] = {"wire", "tri",   "tri0",   "tri1",  "wand", "triand",
                                 "wor",  "trior", "trireg", "uwire", "none"};

} // namespace

struct Preprocessor::Impl {
    SourceManager& sm;
    Diagnostics& diags;
    const PreprocessorOptions& opts;
    std::unordered_map<std::string, Macro> macros;
    std::unordered_map<std::string, SourceLoc> undefined; // macros removed by `undef, and where
    DirectiveState state;
    bool predefined = false;

    // One run.
    std::vector<Source> stack;
    std::vector<Conditional> conds;
    PreprocessedUnit* unitOut = nullptr;
    unsigned lastDepth = 0;
    bool lastFromFile = false;
    size_t expandedTokens = 0;
    bool tooManyReported = false;

    Impl(SourceManager& s, Diagnostics& d, const PreprocessorOptions& o)
        : sm(s), diags(d), opts(o) {}

    bool skipping() const { return !conds.empty() && !conds.back().active; }

    // ---- token sources -------------------------------------------------------------------

    size_t fileCondBase() const {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (it->isFile()) return it->condBase;
        return 0;
    }

    const Source* topFile() const {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (it->isFile()) return &*it;
        return nullptr;
    }

    void endOfFile(size_t condBase, SourceLoc eof) {
        while (conds.size() > condBase) {
            const Conditional& c = conds.back();
            LineCol lc = sm.displayLineCol(c.loc);
            diags.error(eof,
                        "missing `endif: the {} at {}:{}:{} is still open at the end of the file",
                        c.directive, sm.displayName(c.loc), lc.line, lc.col);
            diags.note(c.loc, fmt::format("the {} opened here", c.directive));
            conds.pop_back();
        }
    }

    Token nextRaw() {
        while (true) {
            Source& s = stack.back();
            if (s.isFile()) {
                s.lexer->setQuiet(skipping());
                Token t = s.lexer->next();
                if (t.kind == TokenKind::EndOfFile) {
                    endOfFile(s.condBase, t.loc);
                    if (stack.size() == 1) {
                        lastDepth = 0;
                        lastFromFile = true;
                        return t;
                    }
                    stack.pop_back();
                    continue;
                }
                lastDepth = s.depth;
                lastFromFile = true;
                return t;
            }
            if (s.pos >= s.tokens.size()) {
                stack.pop_back();
                continue;
            }
            Token t = s.tokens[s.pos++];
            lastDepth = s.depth;
            lastFromFile = s.pushback && s.fromFile;
            if (s.pushback && s.pos >= s.tokens.size()) stack.pop_back();
            return t;
        }
    }

    void unget(const Token& t) {
        Source s;
        s.tokens.push_back(t);
        s.depth = lastDepth;
        s.pushback = true;
        s.fromFile = lastFromFile;
        stack.push_back(std::move(s));
    }

    // The tokens after a directive on the same line (a macro expansion: the rest of it).
    std::vector<Token> restOfLine() {
        std::vector<Token> v;
        Source& s = stack.back();
        if (s.isFile()) {
            while (!s.lexer->atEndOfLine()) v.push_back(s.lexer->next());
        } else {
            while (s.pos < s.tokens.size()) v.push_back(s.tokens[s.pos++]);
        }
        return v;
    }

    void skipRestOfLine() {
        Source& s = stack.back();
        if (s.isFile())
            s.lexer->skipRestOfLine();
        else
            s.pos = s.tokens.size();
    }

    // Drops what is left of the macro expansions in progress (after a runaway expansion).
    void abortExpansion() {
        while (stack.size() > 1 && !stack.back().isFile() && stack.back().depth > 0)
            stack.pop_back();
    }

    void recordState() {
        auto index = static_cast<uint32_t>(unitOut->tokens.size());
        if (!unitOut->states.empty() && unitOut->states.back().first == index)
            unitOut->states.back().second = state;
        else
            unitOut->states.emplace_back(index, state);
    }

    // ---- the main loop -------------------------------------------------------------------

    void process() {
        while (true) {
            Token t = nextRaw();
            if (t.kind == TokenKind::EndOfFile) return;
            if (t.kind == TokenKind::Directive) {
                directive(t);
                continue;
            }
            if (skipping()) continue;
            unitOut->tokens.push_back(t);
        }
    }

    void pushFile(uint32_t buffer) {
        Source s;
        s.lexer = std::make_unique<Lexer>(sm, diags, buffer);
        s.condBase = conds.size();
        stack.push_back(std::move(s));
    }

    void runOne(uint32_t buffer) {
        stack.clear();
        pushFile(buffer);
        process();
        stack.clear();
    }

    void predefine() {
        if (predefined) return;
        predefined = true;
        // The tool's own macro, as Icarus defines __ICARUS__ and Verilator VERILATOR: an
        // ordinary macro, so -D and `define may redefine it and `undef removes it.
        {
            uint32_t buf = sm.addBuffer("<predefined>", "`define __METALFPGA__ 1\n");
            Lexer lx(sm, diags, buf);
            Token d = lx.next();
            define(lx, d);
        }
        for (const auto& [name, value] : opts.defines) {
            uint32_t buf = sm.addBuffer("<command line>", fmt::format("`define {} {}\n", name,
                                                                      value.empty() ? "1" : value));
            Lexer lx(sm, diags, buf);
            Token d = lx.next();
            define(lx, d);
        }
    }

    // ---- directives ----------------------------------------------------------------------

    void directive(const Token& t) {
        std::string_view name = t.text.substr(1);
        const auto& table = directiveTable();
        auto it = table.find(name);
        if (it != table.end()) {
            switch (it->second) {
            case Dir::Ifdef:
            case Dir::Ifndef:
                ifdef(t, it->second == Dir::Ifndef);
                return;
            case Dir::Elsif:
                elsif(t);
                return;
            case Dir::Else:
                elseDirective(t);
                return;
            case Dir::Endif:
                endif(t);
                return;
            default:
                break;
            }
        }
        if (skipping()) {
            // A `define body may hold anything, `endif included: skip all of it.
            if (it != table.end() && it->second == Dir::Define && lastFromFile) skipRestOfLine();
            return;
        }
        if (it == table.end()) {
            auto m = macros.find(std::string(name));
            if (m == macros.end()) {
                auto u = undefined.find(std::string(name));
                if (u != undefined.end()) {
                    // 1364-2005 19.4: an undefined macro has no value. Icarus warns and goes on.
                    LineCol lc = sm.displayLineCol(u->second);
                    diags.warning(t.loc,
                                  "macro `{} was undefined by `undef at {}:{} and is "
                                  "replaced by nothing",
                                  name, sm.displayName(u->second), lc.line);
                    return;
                }
                diags.error(t.loc, "unknown macro or directive `{}", name);
                return;
            }
            expand(t, m->second, lastDepth + 1);
            return;
        }
        switch (it->second) {
        case Dir::Define:
            if (!lastFromFile || !stack.back().isFile()) {
                diags.error(t.loc, "`define inside a macro expansion is not supported");
                return;
            }
            define(*stack.back().lexer, t);
            return;
        case Dir::Undef: {
            Token n = nextRaw();
            if (!isNameToken(n)) {
                diags.error(n.loc.valid() ? n.loc : t.loc, "expected a macro name after `undef");
                if (n.kind != TokenKind::EndOfFile) unget(n);
                return;
            }
            if (macros.erase(std::string(n.text)) == 0)
                diags.warning(n.loc, "`undef of macro `{}, which is not defined", n.text);
            else
                undefined[std::string(n.text)] = t.loc;
            return;
        }
        case Dir::Undefineall:
            macros.clear();
            return;
        case Dir::Include:
            include(t);
            return;
        case Dir::Timescale:
            timescale(t);
            return;
        case Dir::DefaultNettype:
            defaultNettype(t);
            return;
        case Dir::Celldefine:
            state.celldefine = true;
            recordState();
            return;
        case Dir::Endcelldefine:
            state.celldefine = false;
            recordState();
            return;
        case Dir::Resetall:
            // As Icarus does: every directive back to its default, `timescale included.
            state = DirectiveState{};
            recordState();
            return;
        case Dir::Line:
            line(t);
            return;
        case Dir::UnconnectedDrive:
            unconnectedDrive(t);
            return;
        case Dir::NounconnectedDrive:
            state.unconnectedDrive = UnconnectedDrive::None;
            recordState();
            return;
        case Dir::BeginKeywords: {
            // The version string may follow on a later line, after comments (as Icarus allows).
            std::vector<Token> v;
            directiveArgs(t, v,
                          "expected a version string after `begin_keywords, as in "
                          "`begin_keywords \"1364-2005\"",
                          [](const Token& s) { return s.kind == TokenKind::StringLiteral; });
            return;
        }
        case Dir::Pragma:
        case Dir::IgnoreLine:
            restOfLine();
            return;
        case Dir::EndKeywords:
        case Dir::Protect:
            return;
        case Dir::File: {
            Token f = t;
            f.kind = TokenKind::StringLiteral;
            SourceLoc base = t.loc;
            while (base.expansion != 0) base = sm.expansion(base.expansion).use;
            f.text = sm.intern(sm.displayName(base));
            unitOut->tokens.push_back(f);
            return;
        }
        case Dir::LineNumber: {
            Token f = t;
            f.kind = TokenKind::IntegerLiteral;
            SourceLoc base = t.loc;
            while (base.expansion != 0) base = sm.expansion(base.expansion).use;
            f.text = sm.intern(std::to_string(sm.displayLineCol(base).line));
            unitOut->tokens.push_back(f);
            return;
        }
        case Dir::Paste:
        case Dir::Stringify:
        case Dir::EscapedQuote:
            diags.error(t.loc, "{} is allowed only in the body of a `define", t.text);
            return;
        default:
            return;
        }
    }

    // `define NAME[(formals)] body
    void define(Lexer& lx, const Token& dir) {
        if (lx.atEndOfLine()) {
            diags.error(dir.loc, "expected a macro name after `define");
            return;
        }
        Token name = lx.next();
        if (!isNameToken(name) || name.escaped) {
            diags.error(name.loc, "expected a macro name after `define, found '{}'", name.text);
            lx.skipRestOfLine();
            return;
        }
        if (directiveTable().count(name.text)) {
            diags.error(name.loc, "cannot define a macro named `{}: it is a compiler directive",
                        name.text);
            lx.skipRestOfLine();
            return;
        }
        Macro m;
        m.name = std::string(name.text);
        m.loc = name.loc;
        std::string_view text = sm.text(name.loc.buffer);
        size_t after = name.loc.offset + name.text.size();
        if (after < text.size() && text[after] == '(') {
            m.hasParams = true;
            if (!formals(lx, m)) {
                lx.skipRestOfLine();
                return;
            }
        }
        while (!lx.atEndOfLine()) m.body.push_back(lx.next());
        if (!m.body.empty()) m.body.front().lineStart = false;
        size_t quotes = 0;
        const Token* lastQuote = nullptr;
        for (const Token& b : m.body)
            if (isMarker(b, "`\"")) {
                ++quotes;
                lastQuote = &b;
            }
        if (quotes % 2 != 0) {
            diags.error(lastQuote->loc, "unterminated `\" in the body of macro `{}", m.name);
            return;
        }
        undefined.erase(m.name);
        std::string key = m.name;
        macros[key] = std::move(m);
    }

    bool formals(Lexer& lx, Macro& m) {
        Token open = lx.next(); // the '('
        auto fail = [&](const Token& at) {
            diags.error(at.loc.valid() ? at.loc : open.loc,
                        "malformed argument list in the definition of macro `{}", m.name);
            return false;
        };
        // As in Icarus, the formal arguments may span lines (with comments between them).
        Token t = lx.next();
        if (t.kind == TokenKind::RParen) return true;
        while (true) {
            if (t.kind != TokenKind::Identifier) return fail(t);
            if (std::find(m.params.begin(), m.params.end(), t.text) != m.params.end()) {
                diags.error(t.loc, "macro `{} has two arguments named '{}'", m.name, t.text);
                return false;
            }
            m.params.emplace_back(t.text);
            m.defaults.emplace_back();
            t = lx.next();
            if (t.kind == TokenKind::Assign) {
                // A default value (SystemVerilog): tokens up to ',' or ')' at nesting level 0.
                std::vector<Token> def;
                int nest = 0;
                while (true) {
                    t = lx.next();
                    if (t.kind == TokenKind::EndOfFile) return fail(t);
                    if (nest == 0 && (t.kind == TokenKind::Comma || t.kind == TokenKind::RParen))
                        break;
                    if (t.kind == TokenKind::LParen || t.kind == TokenKind::LBracket ||
                        t.kind == TokenKind::LBrace)
                        ++nest;
                    if (t.kind == TokenKind::RParen || t.kind == TokenKind::RBracket ||
                        t.kind == TokenKind::RBrace)
                        --nest;
                    def.push_back(t);
                }
                m.defaults.back() = std::move(def);
            }
            if (t.kind == TokenKind::RParen) return true;
            if (t.kind != TokenKind::Comma) return fail(t);
            t = lx.next();
        }
    }

    Token readName(const Token& dir) {
        Token n = nextRaw();
        if (!isNameToken(n)) {
            diags.error(n.kind == TokenKind::EndOfFile ? dir.loc : n.loc,
                        "expected a macro name after {}", dir.text);
            if (n.kind != TokenKind::EndOfFile) unget(n);
            return Token{};
        }
        return n;
    }

    void ifdef(const Token& dir, bool negate) {
        Token n = readName(dir);
        bool defined = n.kind != TokenKind::EndOfFile && macros.count(std::string(n.text));
        bool cond = negate ? !defined : defined;
        Conditional c;
        c.loc = dir.loc;
        c.directive = negate ? "`ifndef" : "`ifdef";
        c.parentActive = !skipping();
        c.active = c.parentActive && cond;
        c.taken = cond;
        conds.push_back(c);
    }

    void elsif(const Token& dir) {
        Token n = readName(dir);
        if (conds.size() <= fileCondBase()) {
            diags.error(dir.loc, "`elsif without `ifdef");
            return;
        }
        Conditional& c = conds.back();
        if (c.seenElse) diags.error(dir.loc, "`elsif after `else");
        bool defined = n.kind != TokenKind::EndOfFile && macros.count(std::string(n.text));
        if (!c.taken && defined) {
            c.active = c.parentActive;
            c.taken = true;
        } else {
            c.active = false;
        }
    }

    void elseDirective(const Token& dir) {
        if (conds.size() <= fileCondBase()) {
            diags.error(dir.loc, "`else without `ifdef");
            return;
        }
        Conditional& c = conds.back();
        if (c.seenElse) diags.error(dir.loc, "second `else for the same `ifdef");
        c.seenElse = true;
        c.active = c.parentActive && !c.taken;
        c.taken = true;
    }

    void endif(const Token& dir) {
        if (conds.size() <= fileCondBase()) {
            diags.error(dir.loc, "`endif without `ifdef");
            return;
        }
        conds.pop_back();
    }

    // A token after expanding macros (for `include `FILE).
    Token nextExpanded() {
        for (int guard = 0; guard < 1000; ++guard) {
            Token t = nextRaw();
            if (t.kind != TokenKind::Directive) return t;
            std::string_view name = t.text.substr(1);
            if (directiveTable().count(name)) return t;
            auto m = macros.find(std::string(name));
            if (m == macros.end()) return t;
            expand(t, m->second, lastDepth + 1);
        }
        return Token{};
    }

    void include(const Token& dir) {
        Token f = nextExpanded();
        if (f.kind != TokenKind::StringLiteral) {
            diags.error(f.loc.valid() && f.kind != TokenKind::EndOfFile ? f.loc : dir.loc,
                        "expected a file name in double quotes after `include");
            if (f.kind != TokenKind::EndOfFile) unget(f);
            return;
        }
        std::string name(f.text);
        size_t files = 0;
        for (const auto& s : stack) files += s.isFile();
        if (files > opts.maxIncludeDepth) {
            diags.error(dir.loc,
                        "`include nested more than {} levels deep (does \"{}\" include itself?)",
                        opts.maxIncludeDepth, name);
            return;
        }
        std::vector<std::string> searched;
        std::optional<std::string> found;
        std::error_code ec;
        auto tryPath = [&](const fs::path& p) {
            if (found) return;
            if (fs::is_regular_file(p, ec)) found = p.string();
        };
        fs::path rel(name);
        if (rel.is_absolute()) {
            searched.push_back(name);
            tryPath(rel);
        } else {
            std::vector<fs::path> dirs;
            if (const Source* file = topFile()) {
                fs::path parent = fs::path(sm.name(file->lexer->buffer())).parent_path();
                dirs.push_back(parent.empty() ? fs::path(".") : parent);
            }
            dirs.emplace_back(".");
            for (const auto& d : opts.includeDirs) dirs.emplace_back(d);
            for (const auto& d : dirs) {
                std::string ds = d.string();
                if (std::find(searched.begin(), searched.end(), ds) != searched.end()) continue;
                searched.push_back(ds);
                fs::path p = d == fs::path(".") ? rel : d / rel;
                tryPath(p);
            }
        }
        if (!found) {
            std::string where;
            for (const auto& s : searched) where += (where.empty() ? "" : ", ") + s;
            diags.error(f.loc, "cannot find include file \"{}\" (searched: {})", name, where);
            return;
        }
        auto buf = sm.loadFile(*found, dir.loc);
        if (!buf) {
            diags.error(f.loc, "cannot read include file \"{}\"", *found);
            return;
        }
        pushFile(*buf);
    }

    // "1ns": the power of ten seconds, or nullopt (with an error) when invalid.
    std::optional<int> timeValue(const Token& num, const Token& unit) {
        int mag;
        if (num.text == "1")
            mag = 0;
        else if (num.text == "10")
            mag = 1;
        else if (num.text == "100")
            mag = 2;
        else {
            diags.error(num.loc, "invalid `timescale value '{}': it must be 1, 10 or 100",
                        num.text);
            return std::nullopt;
        }
        static const std::pair<std::string_view, int> units[] = {
            {"s", 0}, {"ms", -3}, {"us", -6}, {"ns", -9}, {"ps", -12}, {"fs", -15}};
        for (const auto& [u, e] : units)
            if (unit.text == u) return e + mag;
        diags.error(unit.loc, "invalid `timescale unit '{}': it must be s, ms, us, ns, ps or fs",
                    unit.text);
        return std::nullopt;
    }

    static std::string timeText(int e) {
        static const char* units[] = {"fs", "ps", "ns", "us", "ms", "s"};
        int i = (e + 15) / 3;
        int mag = (e + 15) % 3;
        if (e < -15 || i > 5) return fmt::format("1e{}s", e);
        return fmt::format("{}{}", mag == 0 ? "1" : mag == 1 ? "10" : "100", units[i]);
    }

    // Reads the arguments of a directive one token at a time: as in Icarus they may span lines
    // and hold comments, and macros in them are expanded. Returns false, after pushing back the
    // token that does not fit and reporting `what` there, when a token fails its check.
    template <typename... Checks>
    bool directiveArgs(const Token& dir, std::vector<Token>& v, const std::string& what,
                       Checks... checks) {
        bool ok = true;
        auto one = [&](auto check) {
            if (!ok) return;
            Token t = nextExpanded();
            if (check(t)) {
                v.push_back(t);
                return;
            }
            ok = false;
            bool eof = t.kind == TokenKind::EndOfFile;
            diags.error(eof || !t.loc.valid() ? dir.loc : t.loc, what);
            if (!eof) unget(t);
        };
        (one(checks), ...);
        return ok;
    }

    static auto is(TokenKind k) {
        return [k](const Token& t) { return t.kind == k; };
    }

    void timescale(const Token& dir) {
        std::vector<Token> v;
        if (!directiveArgs(dir, v,
                           "malformed `timescale: expected a unit and a precision, as in "
                           "`timescale 1ns / 1ps",
                           is(TokenKind::IntegerLiteral), is(TokenKind::Identifier),
                           is(TokenKind::Slash), is(TokenKind::IntegerLiteral),
                           is(TokenKind::Identifier)))
            return;
        auto unit = timeValue(v[0], v[1]);
        auto prec = timeValue(v[3], v[4]);
        if (!unit || !prec) return;
        if (*prec > *unit) {
            diags.error(v[3].loc, "`timescale precision {} is coarser than the time unit {}",
                        timeText(*prec), timeText(*unit));
            return;
        }
        state.timescale = Timescale{*unit, *prec, dir.loc};
        recordState();
    }

    void defaultNettype(const Token& dir) {
        std::vector<Token> v;
        auto netType = [](const Token& t) {
            if (t.escaped) return false;
            for (const char* n : kNetTypes)
                if (t.text == n) return true;
            return false;
        };
        if (!directiveArgs(dir, v,
                           "invalid `default_nettype: expected one of wire, tri, tri0, tri1, "
                           "wand, triand, wor, trior, trireg, uwire or none",
                           netType))
            return;
        state.defaultNettype = std::string(v[0].text);
        recordState();
    }

    void unconnectedDrive(const Token& dir) {
        std::vector<Token> v;
        auto pull = [](const Token& t) {
            return t.kind == TokenKind::KwPull0 || t.kind == TokenKind::KwPull1;
        };
        if (!directiveArgs(dir, v, "invalid `unconnected_drive: expected pull0 or pull1", pull))
            return;
        state.unconnectedDrive =
            v[0].kind == TokenKind::KwPull0 ? UnconnectedDrive::Pull0 : UnconnectedDrive::Pull1;
        recordState();
    }

    void line(const Token& dir) {
        std::vector<Token> v = restOfLine();
        bool shape = v.size() == 3 && v[0].kind == TokenKind::IntegerLiteral &&
                     v[1].kind == TokenKind::StringLiteral &&
                     v[2].kind == TokenKind::IntegerLiteral;
        if (!shape) {
            diags.error(v.empty() ? dir.loc : v.front().loc,
                        "malformed `line: expected `line number \"file\" level");
            return;
        }
        unsigned long n = 0;
        for (char c : v[0].text) {
            if (c == '_') continue;
            n = n * 10 + static_cast<unsigned>(c - '0');
            if (n > 0xffffffffUL) break;
        }
        if (n == 0 || n > 0xffffffffUL) {
            diags.error(v[0].loc, "invalid line number {} in `line", v[0].text);
            return;
        }
        if (v[2].text != "0" && v[2].text != "1" && v[2].text != "2") {
            diags.error(v[2].loc, "invalid level {} in `line: it must be 0, 1 or 2", v[2].text);
            return;
        }
        if (dir.loc.expansion == 0)
            sm.addLineDirective(dir.loc, std::string(v[1].text), static_cast<uint32_t>(n));
    }

    // ---- macro expansion -----------------------------------------------------------------

    void expand(const Token& use, const Macro& m, unsigned depth) {
        if (depth > kMaxMacroDepth) {
            diags.error(use.loc,
                        "macro `{} expands recursively (macro uses nested more than {} deep)",
                        m.name, kMaxMacroDepth);
            abortExpansion();
            return;
        }
        std::vector<std::vector<Token>> args;
        if (m.hasParams) {
            Token t = nextRaw();
            if (t.kind != TokenKind::LParen) {
                diags.error(use.loc, "macro `{} needs arguments in parentheses", m.name);
                if (t.kind != TokenKind::EndOfFile) unget(t);
                return;
            }
            if (!collectArgs(use, m, args)) return;
        }
        std::vector<const std::vector<Token>*> actual(m.params.size(), nullptr);
        static const std::vector<Token> kEmpty;
        if (m.hasParams) {
            if (m.params.empty()) {
                if (args.size() > 1 || !args[0].empty()) {
                    diags.error(use.loc, "macro `{} takes no arguments", m.name);
                    return;
                }
            } else if (args.size() > m.params.size()) {
                diags.error(use.loc, "macro `{} takes {} argument{} but {} were given", m.name,
                            m.params.size(), m.params.size() == 1 ? "" : "s", args.size());
                return;
            }
            for (size_t i = 0; i < m.params.size(); ++i) {
                if (i < args.size() && !args[i].empty())
                    actual[i] = &args[i];
                else if (m.defaults[i])
                    actual[i] = &*m.defaults[i];
                else if (i < args.size())
                    actual[i] = &kEmpty;
                else {
                    diags.error(use.loc, "macro `{} needs {} arguments but {} were given", m.name,
                                m.params.size(), args.size());
                    return;
                }
            }
        }
        uint32_t exp = sm.addExpansion({m.name, use.loc, m.loc});
        std::vector<Token> result = substitute(m, actual, exp);
        expandedTokens += result.size() + 1;
        if (expandedTokens > kMaxExpandedTokens) {
            if (!tooManyReported)
                diags.error(use.loc,
                            "macro expansion makes too many tokens (more than {}); is a macro "
                            "recursive?",
                            kMaxExpandedTokens);
            tooManyReported = true;
            abortExpansion();
            return;
        }
        if (result.empty()) return;
        for (auto& r : result) r.lineStart = false;
        result.front().spaceBefore = use.spaceBefore;
        result.front().lineStart = use.lineStart;
        Source s;
        s.tokens = std::move(result);
        s.depth = depth;
        stack.push_back(std::move(s));
    }

    bool collectArgs(const Token& use, const Macro& m, std::vector<std::vector<Token>>& args) {
        args.emplace_back();
        int nest = 0;
        while (true) {
            Token t = nextRaw();
            switch (t.kind) {
            case TokenKind::EndOfFile:
                diags.error(use.loc, "unterminated argument list of macro `{}", m.name);
                return false;
            case TokenKind::LParen:
            case TokenKind::LBracket:
            case TokenKind::LBrace:
            case TokenKind::AttrOpen:
                ++nest;
                break;
            case TokenKind::RParen:
            case TokenKind::AttrClose:
                if (nest == 0) return true;
                --nest;
                break;
            case TokenKind::RBracket:
            case TokenKind::RBrace:
                if (nest > 0) --nest;
                break;
            case TokenKind::Comma:
                if (nest == 0) {
                    args.emplace_back();
                    continue;
                }
                break;
            default:
                break;
            }
            t.lineStart = false;
            args.back().push_back(t);
        }
    }

    static int paramIndex(const Macro& m, std::string_view name) {
        for (size_t i = 0; i < m.params.size(); ++i)
            if (m.params[i] == name) return static_cast<int>(i);
        return -1;
    }
    static int paramIndex(const Macro& m, const Token& t) {
        if (t.kind != TokenKind::Identifier || t.escaped) return -1;
        return paramIndex(m, t.text);
    }

    // Pastes `next` onto the last token of `out`.
    void paste(std::vector<Token>& out, const Token& next) {
        Token prev = out.back();
        out.pop_back();
        std::string text = spelling(prev) + spelling(next);
        uint32_t buf = sm.addBuffer("<macro paste>", text);
        Lexer lx(sm, diags, buf);
        lx.setQuiet(true);
        bool first = true;
        bool bad = false;
        for (int guard = 0; guard < 100000; ++guard) {
            Token t = lx.next();
            if (t.kind == TokenKind::EndOfFile) break;
            if (t.kind == TokenKind::Unknown) bad = true;
            t.loc = prev.loc;
            t.spaceBefore = first ? prev.spaceBefore : t.spaceBefore;
            t.lineStart = false;
            first = false;
            out.push_back(t);
        }
        if (bad) diags.error(prev.loc, "pasting makes '{}', which is not valid Verilog", text);
    }

    std::vector<Token>
    substitute(const Macro& m, const std::vector<const std::vector<Token>*>& actual, uint32_t exp) {
        std::vector<Token> out;
        bool pasteNext = false;
        auto add = [&](Token t, bool adjacent) {
            if (pasteNext && adjacent && !out.empty())
                paste(out, t);
            else
                out.push_back(t);
            pasteNext = false;
        };
        const auto& body = m.body;
        for (size_t i = 0; i < body.size(); ++i) {
            Token b = body[i];
            b.loc.expansion = exp;
            if (isMarker(b, "``")) {
                // Only joins tokens written right next to it: a``b, not a `` b.
                pasteNext = !b.spaceBefore;
                continue;
            }
            if (isMarker(b, "`\"")) {
                size_t j = i + 1;
                while (j < body.size() && !isMarker(body[j], "`\"")) ++j;
                Token s = b;
                s.kind = TokenKind::StringLiteral;
                s.text = sm.intern(stringify(m, actual, i + 1, j));
                add(s, !b.spaceBefore);
                i = j;
                continue;
            }
            if (b.kind == TokenKind::Directive) {
                // ```OPT``_X (Icarus): a backquote and an argument make a macro name.
                int q = paramIndex(m, b.text.substr(1));
                const auto* arg = q >= 0 ? actual[static_cast<size_t>(q)] : nullptr;
                if (arg && !arg->empty()) {
                    Token bq = b;
                    bq.text = "`";
                    std::vector<Token> joined{bq};
                    paste(joined, arg->front());
                    bool first = true;
                    for (const Token& j : joined) {
                        add(j, first && !b.spaceBefore);
                        first = false;
                    }
                    for (size_t k = 1; k < arg->size(); ++k) add((*arg)[k], false);
                    continue;
                }
            }
            int p = paramIndex(m, b);
            if (p >= 0) {
                const auto& arg = *actual[static_cast<size_t>(p)];
                bool first = true;
                for (Token a : arg) {
                    if (first) a.spaceBefore = b.spaceBefore;
                    add(a, first && !b.spaceBefore);
                    first = false;
                }
                if (arg.empty() && b.spaceBefore) pasteNext = false;
                continue;
            }
            add(b, !b.spaceBefore);
        }
        return out;
    }

    std::string stringify(const Macro& m, const std::vector<const std::vector<Token>*>& actual,
                          size_t from, size_t to) {
        std::string s;
        bool glue = true; // no space before the first piece
        auto piece = [&](const std::string& text, bool space) {
            if (space && !glue) s += ' ';
            s += text;
            glue = false;
        };
        for (size_t k = from; k < to && k < m.body.size(); ++k) {
            const Token& t = m.body[k];
            if (isMarker(t, "``")) {
                glue = true;
                continue;
            }
            if (isMarker(t, "`\\`\"")) {
                piece("\\\"", t.spaceBefore);
                continue;
            }
            int p = paramIndex(m, t);
            if (p >= 0) {
                bool first = true;
                for (const Token& a : *actual[static_cast<size_t>(p)]) {
                    piece(spelling(a), first ? t.spaceBefore : a.spaceBefore);
                    first = false;
                }
                continue;
            }
            piece(spelling(t), t.spaceBefore);
        }
        return s;
    }
};

Preprocessor::Preprocessor(SourceManager& sm, Diagnostics& diags, PreprocessorOptions options)
    : sm_(sm), diags_(diags), options_(std::move(options)),
      impl_(std::make_unique<Impl>(sm_, diags_, options_)) {}

Preprocessor::~Preprocessor() = default;

bool Preprocessor::isDefined(const std::string& name) const {
    impl_->predefine();
    return impl_->macros.count(name) != 0;
}

PreprocessedUnit Preprocessor::runBuffers(const std::vector<uint32_t>& buffers) {
    Impl& im = *impl_;
    im.predefine();
    PreprocessedUnit unit;
    im.unitOut = &unit;
    im.conds.clear();
    im.recordState();
    for (uint32_t b : buffers) im.runOne(b);
    Token eof;
    eof.kind = TokenKind::EndOfFile;
    if (!buffers.empty()) {
        uint32_t last = buffers.back();
        eof.loc = {last, static_cast<uint32_t>(sm_.text(last).size()), 0};
        eof.lineStart = true;
    }
    unit.tokens.push_back(eof);
    im.unitOut = nullptr;
    return unit;
}

PreprocessedUnit Preprocessor::run(const std::vector<std::string>& files) {
    std::vector<uint32_t> buffers;
    for (const auto& f : files) {
        std::error_code ec;
        if (fs::is_directory(f, ec)) {
            diags_.error(SourceLoc{}, "'{}' is a folder, not a source file", f);
            continue;
        }
        auto b = sm_.loadFile(f);
        if (!b) {
            diags_.error(SourceLoc{}, "cannot open source file '{}'", f);
            continue;
        }
        buffers.push_back(*b);
    }
    return runBuffers(buffers);
}

} // namespace metalfpga::frontend
