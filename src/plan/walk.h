#pragma once
// Small walks over the design IR shared by the plan's passes.

#include "ir/design.h"

#include <functional>
#include <set>
#include <string>

namespace metalfpga::plan {

// Calls `f` on every statement of every process body and routine body, nested ones included.
void forEachStatement(const ir::Design& d, const std::function<void(const ir::Stmt&)>& f);

// True when `pred` holds for `root` or a statement nested in it (routines called are not
// entered).
bool anyStatement(const ir::Stmt* root, const std::function<bool(const ir::Stmt&)>& pred);

// Calls `f` on each expression that `st` itself holds (target, value, condition, arguments,
// case labels, timing control), not on those of nested statements.
void forEachExpressionOf(const ir::Stmt& st, const std::function<void(const ir::Expr*)>& f);

// True when `pred` holds for `e` or one of its operands, at any depth.
bool anyExpression(const ir::Expr* e, const std::function<bool(const ir::Expr&)>& pred);

// System functions whose value depends only on their arguments ($signed, $clog2, $sqrt, ...):
// they read no time, file, plusarg or random state (classify.cpp).
bool pureSystemFunction(const std::string& name);

// Calls `f` on every signal or memory that `e` names, at any depth.
void forEachSignal(const ir::Expr* e, const std::function<void(ir::SignalId)>& f);

// A system function call that is not pure (pureSystemFunction).
bool impureSystemCall(const ir::Expr& e);

// Whether signal `s` is declared in `scope` or in a scope nested in it (a routine's ports,
// locals and result are declared in the routine's scope).
bool declaredWithin(const ir::Design& d, ir::SignalId s, ir::ScopeId scope);

// A call of a function or system function (the pure system functions are no calls): it may
// have side effects, suspend the process or read signals it does not name.
bool callsAnything(const ir::Expr* e);

// A function or task without side effects: it calls no system task or impure system function,
// writes nothing outside its own scope (a task's outputs are written by its caller), is not
// recursive and calls only such routines; a task also has no timing control, wait, event
// trigger, disable, fork or force/assign.
bool pureRoutine(const ir::Design& d, ir::RoutineId r);
// Whether `body` (nested statements included) calls a system task, an impure system function
// or a function or task that is not pure.
bool callsImpure(const ir::Design& d, const ir::Stmt* body);

// Walks an assignment target: `base` is called on each signal or memory word it writes (each
// part of a concatenation, without selects), `index` on each index expression (select offsets,
// memory indices) and on anything that is no target, which the assignment reads.
void walkTarget(const ir::Expr* t, const std::function<void(const ir::Expr& base)>& base,
                const std::function<void(const ir::Expr* index)>& index);

// The object a target or select reads or writes: `e` without its bit and part selects.
const ir::Expr* selectBase(const ir::Expr* e);

// The variables `body` assigns as a whole before anything reads or partly writes them, in its
// top-level statement sequence (`rep` maps a signal to its representative).
std::set<ir::SignalId> assignedFirst(const ir::Stmt* body,
                                     const std::function<ir::SignalId(ir::SignalId)>& rep);

} // namespace metalfpga::plan
