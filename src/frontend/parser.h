#pragma once
// The parser: hand-written recursive descent over the preprocessed tokens, with precedence
// climbing for expressions, for the whole IEEE 1364-2005 Annex A grammar (library map files
// excepted). It builds the syntax tree of ast.h.
//
// Errors are reported through Diagnostics with the location of the offending token. Internally a
// syntax error throws a private exception that is caught at the nearest recovery point (a module
// item, a statement in a block, a case item, a port, a specify item, a table row); the parser then
// skips to a synchronising token (`;` or the end keyword of the construct it is in) and goes on,
// so several errors are reported in one run. Every loop either consumes a token or exits, and
// nesting deeper than kMaxDepth stops the parse with an error, so no input can hang it or
// overflow the stack.
//
// The parser is split over several files by topic: parser.cpp (token cursor, recovery, top
// level), parser_expr.cpp, parser_stmt.cpp, parser_module.cpp, parser_decl.cpp,
// parser_gate_inst.cpp, parser_specify.cpp, parser_udp.cpp, parser_config.cpp.

#include "frontend/ast.h"
#include "frontend/diagnostics.h"
#include "frontend/preprocessor.h"
#include "frontend/source_manager.h"

#include <cstdint>
#include <initializer_list>
#include <memory>

namespace metalfpga::frontend {

class Parser {
  public:
    Parser(const PreprocessedUnit& unit, SourceManager& sm, Diagnostics& diags);

    // Parses the whole unit. Always returns a tree (possibly partial); check diags.hasErrors().
    std::unique_ptr<ast::CompilationUnit> parse();
    // Parses a unit that holds one expression and nothing else (a parameter value given on the
    // command line). Returns null after reporting an error.
    ast::ExprPtr parseExpressionOnly();

    static constexpr unsigned kMaxDepth = 1000;
    // Operators of one chain (a + b + c ...): the tree of a chain is as deep as it is long, and
    // the later passes walk it recursively on the driver's large stack, which holds this many.
    static constexpr size_t kMaxChain = 1'000'000;

  private:
    struct SyntaxError {}; // thrown after an error was reported; caught at recovery points
    struct AbortParse {};  // nesting too deep: stop the whole parse

    // Where module items are being parsed (which items are allowed).
    enum class ItemContext { Module, Generate };

    // --- token cursor (parser.cpp) ---
    const Token& peek(size_t ahead = 0) const;
    bool at(TokenKind k) const { return peek().kind == k; }
    bool atAny(std::initializer_list<TokenKind> ks) const;
    const Token& consume();
    bool accept(TokenKind k);
    // Consumes a token of kind k or reports "expected 'k' <context>" and throws.
    const Token& expect(TokenKind k, const char* context);
    ast::Identifier expectIdentifier(const char* context);
    // An identifier, or a keyword that only configurations reserve (instance, cell, use, ...)
    // outside a config block: older code uses them as names (Icarus' -g2001-noconfig).
    bool atIdent() const;
    static bool isConfigOnlyKeyword(TokenKind k);
    ast::Identifier identFrom(const Token& t) const;

    // --- errors and recovery (parser.cpp) ---
    void error(SourceLoc loc, std::string message);
    [[noreturn]] void fail(std::string message); // error at the current token, then throw
    [[noreturn]] void fail(SourceLoc loc, std::string message);
    [[noreturn]] void unexpected(const char* context);
    // Skips to just after the next `;` at nesting depth 0, or to (not past) a token of `stops`
    // at depth 0, or to a token that always stops (endmodule, module, primitive, ...).
    void skipTo(std::initializer_list<TokenKind> stops, bool stopAtItemKeyword);
    void enterNesting();
    void leaveNesting() { --depth_; }
    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser) { p.enterNesting(); }
        ~DepthGuard() { p.leaveNesting(); }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };
    static bool isItemKeyword(TokenKind k);
    static bool isAlwaysStop(TokenKind k); // module, endmodule, primitive, ..., end of file
    static bool isOpener(TokenKind k);     // begin, fork, case, function, ...
    static bool isCloser(TokenKind k);     // end, join, endcase, endfunction, ...
    static bool isNetType(TokenKind k);
    static bool isGateType(TokenKind k);
    static bool isStrength0(TokenKind k);
    static bool isStrength1(TokenKind k);
    [[noreturn]] void systemVerilogOnly(const Token& t);
    bool isSystemVerilogKeyword(const Token& t) const;

    // --- top level and modules (parser.cpp, parser_module.cpp) ---
    ast::DescriptionPtr parseDescription(ast::Attributes attrs);
    ast::DescriptionPtr parseModule(ast::Attributes attrs);
    void parseParamPortList(ast::Module& m);
    void parsePortList(ast::Module& m);
    ast::Port parseNonAnsiPort();
    ast::ExprPtr parsePortReference();
    // Parses items until one of `ends` (not consumed) or end of file.
    void parseItems(std::vector<ast::ItemPtr>& out, ItemContext ctx,
                    std::initializer_list<TokenKind> ends);
    // Parses one module (or generate) item and appends it (some items make several).
    void parseItem(std::vector<ast::ItemPtr>& out, ItemContext ctx);
    void parseAttributes(ast::Attributes& out);
    ast::Attributes parseAttributes();

    // --- generate (parser_module.cpp) ---
    ast::ItemPtr parseGenerateRegion();
    ast::ItemPtr parseGenerateFor();
    ast::ItemPtr parseGenerateIf();
    ast::ItemPtr parseGenerateCase();
    // begin [: name] items end, or one item; null for `;` when allowNull.
    std::unique_ptr<ast::GenerateBlock> parseGenerateBlock(bool allowNull);

    // --- declarations (parser_decl.cpp) ---
    ast::ItemPtr parsePortDecl(ast::Attributes attrs);
    // One ANSI port declaration (module, task/function or UDP header): a direction and the names
    // after it; a comma followed by a bare identifier continues the same declaration.
    ast::ItemPtr parseAnsiPortDecl();
    void checkPortInitialiser(const Token& direction, TokenKind type, SourceLoc at);
    ast::ItemPtr parseNetDecl();
    ast::ItemPtr parseVarDecl();
    ast::ItemPtr parseParamDecl(bool inPortList);
    ast::ItemPtr parseDefparam();
    ast::ItemPtr parseFunction();
    ast::ItemPtr parseTask();
    // A block item declaration (reg, integer, parameter, ...) if one starts here.
    bool atBlockItemDecl() const;
    ast::ItemPtr parseBlockItemDecl();
    void parseTfPortList(std::vector<ast::ItemPtr>& ports, bool isTask);
    ast::Range parseRange();
    std::optional<ast::Range> parseOptionalRange();
    ast::Dimensions parseDimensions();
    void parseDeclarators(std::vector<ast::Declarator>& out, bool allowInit, bool allowDims,
                          const char* what);
    void parseParamAssigns(ast::ParamDecl& d, bool inPortList);
    std::optional<ast::Strength> parseOptionalStrength(bool allowCharge);
    std::optional<ast::Delay> parseOptionalDelay();
    ast::Delay parseDelay(); // at '#'
    ast::ExprPtr parseDelayValue();

    // --- instances, gates, assigns (parser_gate_inst.cpp) ---
    ast::ItemPtr parseContinuousAssign();
    ast::ItemPtr parseGateInst();
    ast::ItemPtr parseModuleInst();
    void parseConnections(ast::Instance& inst);

    // --- statements (parser_stmt.cpp) ---
    ast::StmtPtr parseStatement();
    ast::StmtPtr parseStatementInner(ast::Attributes attrs);
    ast::StmtPtr parseBlock();
    ast::StmtPtr parseIf();
    ast::StmtPtr parseCase();
    std::vector<ast::ExprPtr> parseCaseLabels(); // shared with generate case
    ast::StmtPtr parseFor();
    ast::StmtPtr parseAssignmentOrCall();
    ast::StmtPtr parseProcContinuous();
    std::unique_ptr<ast::AssignStmt> parseVariableAssignment(const char* context);
    ast::TimingPtr parseTimingControl(bool allowRepeat);
    void parseEventList(std::vector<ast::EventExpr>& out);
    ast::ExprPtr parseLvalue();

    // --- expressions (parser_expr.cpp) ---
    ast::ExprPtr parseExpr();
    ast::ExprPtr parseMinTypMax();
    ast::ExprPtr parseConditional();
    ast::ExprPtr parseBinary(int minPrec);
    ast::ExprPtr parseUnary();
    ast::ExprPtr parsePrimary();
    ast::ExprPtr parseNumber();
    ast::ExprPtr parseConcat();
    std::unique_ptr<ast::SystemCallExpr> parseSystemCall();
    ast::ExprPtr parseNameOrCall(bool allowCall);
    ast::HierName parseHierName(const char* context);
    // name with trailing selects; brackets that are followed by '.' become segment indices.
    ast::ExprPtr parseNameWithSelects(const char* context);
    ast::ExprPtr parseSelects(ast::ExprPtr base);
    void parseCallArgs(std::vector<ast::ExprPtr>& args, bool allowEmpty);

    // --- specify (parser_specify.cpp) ---
    ast::ItemPtr parseSpecifyBlock();
    void parseSpecifyItem(std::vector<ast::ItemPtr>& out);
    ast::ItemPtr parseSpecifyPath(ast::Attributes attrs);
    ast::ItemPtr parseTimingCheck();
    ast::ExprPtr parseSpecifyTerminal();

    // --- UDP (parser_udp.cpp) ---
    ast::DescriptionPtr parsePrimitive(ast::Attributes attrs);
    void parseUdpTable(ast::Primitive& p);

    // --- config (parser_config.cpp) ---
    ast::DescriptionPtr parseConfig(ast::Attributes attrs);
    ast::LibCell parseLibCell(const char* context);

    const PreprocessedUnit& unit_;
    SourceManager& sm_;
    Diagnostics& diags_;
    const std::vector<Token>& toks_;
    size_t pos_ = 0;
    unsigned depth_ = 0;
    bool inConfig_ = false;
    SourceLoc lastErrorLoc_;
};

} // namespace metalfpga::frontend
