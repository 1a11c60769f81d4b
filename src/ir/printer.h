#pragma once
// The design IR as readable text (--dump-flat, --emit-flat, golden tests).
//
// Expressions print in prefix form with their type after a colon: `(+ top.a:8u
// (zext top.b:4u):8u):8u`; a node whose self-determined type differs from its context-determined
// one prints both (`:8u/4u`). Source locations are printed as file:line when a SourceManager is
// given.

#include "ir/design.h"

#include <ostream>
#include <string>

namespace metalfpga::frontend {
class SourceManager;
}

namespace metalfpga::ir {

void printDesign(const Design& d, std::ostream& out, const frontend::SourceManager* sm = nullptr);
std::string exprString(const Design& d, const Expr& e);
std::string constString(const rt::Value& v);
// " @file:line" (the file's last path component), or "" without a SourceManager.
std::string whereText(const frontend::SourceManager* sm, SourceLoc loc);

} // namespace metalfpga::ir
