#pragma once
// Helpers for the parser tests: parse a string, dump the tree, list the errors, and print
// expressions as compact S-expressions.

#include "frontend/ast_dump.h"
#include "frontend/parser.h"
#include "frontend/preprocessor.h"

#include <fmt/format.h>

#include <sstream>
#include <string>
#include <vector>

namespace parser_test {

using namespace metalfpga::frontend;

class Parsed {
  public:
    explicit Parsed(std::string text, std::string name = "test.v") {
        diags.setQuiet(true);
        diags.setErrorLimit(1000);
        uint32_t b = sm.addBuffer(std::move(name), std::move(text));
        Preprocessor pp(sm, diags, {});
        unit = pp.runBuffers({b});
        Parser p(unit, sm, diags);
        cu = p.parse();
    }
    Parsed(const Parsed&) = delete;
    Parsed& operator=(const Parsed&) = delete;

    std::string dump() const {
        std::ostringstream os;
        dumpAst(*cu, sm, os);
        return os.str();
    }
    // "line:col: message" for each error.
    std::vector<std::string> errors() const {
        std::vector<std::string> out;
        for (const auto& d : diags.all()) {
            if (d.severity < Severity::Error) continue;
            LineCol lc = sm.lineCol(d.loc);
            out.push_back(fmt::format("{}:{}: {}", lc.line, lc.col, d.message));
        }
        return out;
    }
    bool ok() const { return !diags.hasErrors(); }
    const ast::Module& module(size_t i = 0) const {
        return cu->descriptions.at(i)->as<ast::Module>();
    }
    const ast::Item& item(size_t i, size_t m = 0) const { return *module(m).items.at(i); }

    SourceManager sm;
    Diagnostics diags{sm};
    PreprocessedUnit unit;
    std::unique_ptr<ast::CompilationUnit> cu;
};

inline std::string sexpr(const ast::Expr& e);

inline std::string sexprOrEmpty(const ast::ExprPtr& e) {
    return e ? sexpr(*e) : "";
}

inline std::string sexpr(const ast::Expr& e) {
    using namespace ast;
    switch (e.kind) {
    case ExprKind::Number: {
        const auto& n = e.as<NumberExpr>();
        if (n.base == 0) return std::string(n.digits);
        return fmt::format("{}'{}{}{}", n.size, n.isSigned ? "s" : "", n.base, n.digits);
    }
    case ExprKind::Real:
        return std::string(e.as<RealExpr>().text);
    case ExprKind::String:
        return fmt::format("\"{}\"", e.as<StringExpr>().text);
    case ExprKind::Name:
        return e.as<NameExpr>().name.str();
    case ExprKind::Unary: {
        const auto& u = e.as<UnaryExpr>();
        return fmt::format("({} {})", tokenKindName(u.op), sexpr(*u.operand));
    }
    case ExprKind::Binary: {
        const auto& b = e.as<BinaryExpr>();
        return fmt::format("({} {} {})", tokenKindName(b.op), sexpr(*b.lhs), sexpr(*b.rhs));
    }
    case ExprKind::Conditional: {
        const auto& c = e.as<ConditionalExpr>();
        return fmt::format("(? {} {} {})", sexpr(*c.cond), sexpr(*c.whenTrue), sexpr(*c.whenFalse));
    }
    case ExprKind::Concat: {
        std::string s = "{";
        for (const auto& i : e.as<ConcatExpr>().items) s += (s.size() > 1 ? " " : "") + sexpr(*i);
        return s + "}";
    }
    case ExprKind::Replication: {
        const auto& r = e.as<ReplicationExpr>();
        return fmt::format("{{{} {}}}", sexpr(*r.count), sexpr(*r.concat));
    }
    case ExprKind::Select: {
        const auto& s = e.as<SelectExpr>();
        const char* sep = s.select == SelectKind::Part          ? ":"
                          : s.select == SelectKind::IndexedUp   ? "+:"
                          : s.select == SelectKind::IndexedDown ? "-:"
                                                                : "";
        return fmt::format("{}[{}{}{}]", sexpr(*s.value), sexpr(*s.left), sep,
                           sexprOrEmpty(s.right));
    }
    case ExprKind::Call: {
        const auto& c = e.as<CallExpr>();
        std::string s = c.name.str() + "(";
        for (size_t i = 0; i < c.args.size(); ++i) s += (i ? "," : "") + sexpr(*c.args[i]);
        return s + ")";
    }
    case ExprKind::SystemCall: {
        const auto& c = e.as<SystemCallExpr>();
        std::string s(c.name.text);
        if (!c.hasParens) return s;
        s += "(";
        for (size_t i = 0; i < c.args.size(); ++i) s += (i ? "," : "") + sexprOrEmpty(c.args[i]);
        return s + ")";
    }
    case ExprKind::MinTypMax: {
        const auto& m = e.as<MinTypMaxExpr>();
        return fmt::format("({}:{}:{})", sexpr(*m.min), sexpr(*m.typ), sexpr(*m.max));
    }
    }
    return "?";
}

} // namespace parser_test
