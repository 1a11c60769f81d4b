#pragma once
// A human-readable dump of the syntax tree (--dump-ast): one node per line, indented by depth,
// with its kind, key fields (names, operators, literal text) and line:col.

#include "frontend/ast.h"
#include "frontend/source_manager.h"

#include <ostream>

namespace metalfpga::frontend {

void dumpAst(const ast::CompilationUnit& cu, const SourceManager& sm, std::ostream& os);

// Dumps of single nodes (tests), starting at the given indentation depth.
void dumpExpr(const ast::Expr& e, const SourceManager& sm, std::ostream& os, int depth = 0);
void dumpStmt(const ast::Stmt& s, const SourceManager& sm, std::ostream& os, int depth = 0);
void dumpItem(const ast::Item& i, const SourceManager& sm, std::ostream& os, int depth = 0);

} // namespace metalfpga::frontend
