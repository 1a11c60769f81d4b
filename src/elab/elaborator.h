#pragma once
// The elaborator's internal state, shared by the files of src/elab/ (one file per concern:
// hierarchy, parameters, generate, declarations, lookup, expression typing, constant
// evaluation, statements, routines, processes, ports, specify).
//
// Elaboration runs in two phases:
//  1. The hierarchy: for every module instance and generate block, a scope with its
//     parameters (evaluated lazily, on first use, so forward references and constant
//     functions declared later work), its signals and its child scopes. Module instances and
//     generate constructs are expanded here because they need parameter values.
//  2. The behaviour: every process, continuous assignment, port connection, gate, function and
//     task of every scope, as typed IR. Hierarchical references resolve against the complete
//     scope tree of phase 1.
// Defparams are evaluated after phase 1; when one changes a parameter, the whole hierarchy is
// elaborated again with the new values (a few rounds at most), since parameters can change
// generate constructs and so the scopes a defparam names.

#include "elab/elaborate.h"
#include "frontend/ast.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace metalfpga::elab {

namespace ast = frontend::ast;
using frontend::SourceLoc;
using frontend::TokenKind;
using ir::kNone;
using ir::ScopeId;
using ir::SignalId;

// A constant: integral (rt::Value) or real.
struct Const {
    rt::Value v;
    double r = 0;
    bool isReal = false;

    ir::Type type() const {
        return isReal ? ir::Type::real() : ir::Type::integral(v.width(), v.is_signed());
    }
    static Const ofReal(double d) {
        Const c;
        c.isReal = true;
        c.r = d;
        return c;
    }
    static Const ofValue(rt::Value v) {
        Const c;
        c.v = std::move(v);
        return c;
    }
    // The value as a 64-bit integer (reals rounded); nullopt when it has X/Z bits.
    std::optional<int64_t> toInt() const;
};

struct Symbol {
    enum class Kind { Signal, Param, Scope, Routine };
    Kind kind = Kind::Signal;
    uint32_t id = 0; // SignalId; index into ScopeInfo::params; ScopeId; index into routineDecls_
};

struct ParamSlot {
    std::string name;
    const ast::ParamDecl* decl = nullptr; // null for genvars
    bool isGenvar = false;                // a genvar: has a value only while its generate loop runs
    bool failed = false;                  // evaluation failed (reported once)
    const ast::Expr* expr = nullptr;      // the default value
    SourceLoc loc;
    bool isLocal = false;
    // An override from an instantiation (evaluated in overrideScope) or a defparam (value).
    const ast::Expr* overrideExpr = nullptr;
    ScopeId overrideScope = kNone;
    std::optional<Const> overrideValue;
    enum class State { Pending, Busy, Done } state = State::Pending;
    Const value;
    size_t irIndex = 0; // index in ir::Scope::params
};

// Per-scope elaboration state, parallel to Design::scopes.
struct ScopeInfo {
    ScopeId module = kNone;        // the enclosing module instance (itself for a module scope)
    ScopeId lexicalParent = kNone; // where simple names are looked up next (kNone at a module)
    const ast::Module* moduleDef = nullptr;
    std::map<std::string, Symbol, std::less<>> symbols;
    std::vector<ParamSlot> params;
    std::vector<SignalId> portOnly; // declared by a port declaration without a type so far
    std::string defaultNettype = "wire";
    unsigned generateCount = 0; // generate constructs seen so far (genblkN numbering)
    unsigned depth = 0;         // instance nesting depth
};

// A function or task declaration. Its scope, ports, locals and named blocks are created in
// phase 1 (so hierarchical names such as `f.local` resolve from anywhere); its body is
// elaborated on first use.
struct RoutineDecl {
    const ast::Item* item = nullptr; // FunctionDecl or TaskDecl
    ScopeId scope = kNone;           // the scope that declares it
    ir::RoutineId id = kNone;        // once its scope is created
    bool busy = false;
    bool bodyStarted = false; // its body is being or has been elaborated
};

// Items whose elaboration waits for phase 2.
struct Deferred {
    const ast::Item* item = nullptr;
    ScopeId scope = kNone;
    // Module instances: the child scope of each instance (instance arrays: one per element).
    const ast::Instance* instance = nullptr;
    std::vector<ScopeId> children;
};

// Where an expression is being elaborated.
struct ExprContext {
    ScopeId scope = kNone;
    bool constant = false;           // a constant expression is required
    bool inConstFunction = false;    // a constant function's body: its own variables are allowed
    const char* what = "expression"; // what the constant is for, in messages
    bool allowArrays = false;        // whole arrays ($readmemh, $dumpvars arguments)
    bool allowEvents = false;        // named events (event controls, ->)
    bool allowScopes = false;        // scope names (system task arguments)
};

class Elaborator {
  public:
    Elaborator(const frontend::SourceSet& sources, const ElabOptions& options,
               frontend::Diagnostics& diags);
    std::unique_ptr<ir::Design> run();

    // ---- shared state
    const frontend::SourceSet& sources_;
    const ElabOptions& opts_;
    frontend::Diagnostics& diags_;
    std::unique_ptr<ir::Design> design_;
    std::vector<ScopeInfo> info_;
    std::vector<RoutineDecl> routineDecls_;
    std::vector<Deferred> deferred_;
    // The variable-initialiser process of each scope (an index into design_->processes).
    std::map<ScopeId, size_t> varInitProcess_;
    std::map<std::pair<const ast::BlockStmt*, ScopeId>, ScopeId> blockScopes_;
    std::map<std::string, Const> defparamValues_; // "top.u1.P" -> value, from earlier rounds
    struct DefparamUse {
        const ast::DefparamAssign* assign;
        ScopeId scope;
    };
    std::vector<DefparamUse> defparams_;
    std::vector<bool> paramOverrideUsed_; // per ElabOptions::paramOverrides: a top took it
    std::map<std::string, ir::UdpId, std::less<>> udpIds_;
    std::vector<std::string> userStack_; // module names being instantiated (recursion)
    // The variables of the constant function being evaluated (arrays: one entry per word).
    struct Frame {
        std::map<SignalId, std::vector<Const>> vars;
    };
    Frame* frame_ = nullptr;
    uint64_t constSteps_ = 0;
    unsigned callDepth_ = 0;

    ScopeInfo& info(ScopeId s) { return info_[s]; }
    ir::Scope& scope(ScopeId s) { return design_->scopes[s]; }
    ScopeId newScope(ir::Scope s, ScopeId lexicalParent);
    void addSymbol(ScopeId s, std::string_view name, Symbol sym, SourceLoc loc);

    // ---- hierarchy.cpp
    std::vector<const ast::Module*> selectTops();
    ScopeId elaborateModule(const ast::Module& m, std::string name, ScopeId parent,
                            const ast::ModuleInst* inst, ScopeId instScope, SourceLoc loc);
    void elaborateItems(const std::vector<ast::ItemPtr>& items, ScopeId s);
    void elaborateInstances(const ast::ModuleInst& mi, ScopeId s);
    const ast::Module* findModule(std::string_view name) const;
    const ast::Primitive* findPrimitive(std::string_view name) const;

    // ---- parameters.cpp
    void declareParams(const ast::ParamDecl& pd, ScopeId s, bool forceLocal);
    void applyOverrides(const ast::ModuleInst& mi, ScopeId child, ScopeId parent);
    // The command line's parameter values (-P, -G) for a top-level module instance.
    void applyParamOverrides(ScopeId top);
    // Reports -P options naming no top-level module (before the tops are elaborated) and -G
    // options that no top-level module took (after); false when it reported one.
    bool checkParamOverrideTops(const std::vector<const ast::Module*>& tops);
    bool checkParamOverridesUsed(const std::vector<const ast::Module*>& tops);
    std::optional<Const> paramValue(ScopeId s, uint32_t index, SourceLoc useLoc);
    void evaluateAllParams(ScopeId s);
    void addGenvarParam(ScopeId s, std::string_view name, const Const& v, SourceLoc loc);
    bool applyDefparams(); // true when a value changed (another round is needed)

    // ---- generate.cpp
    void elaborateGenerate(const ast::Item& item, ScopeId s);
    void elaborateGenerateBlock(const ast::GenerateBlock* b, ScopeId s, unsigned number,
                                const ast::Item& construct);

    // ---- declarations.cpp
    bool portRangeAccepted(const ir::Signal& port, const ir::Signal& decl, SourceLoc at);
    void declareItem(const ast::Item& item, ScopeId s);
    void declarePorts(const ast::Module& m, ScopeId s);
    std::optional<ir::Range> evalRange(const ast::Range& r, ScopeId s);
    SignalId implicitNet(const ast::Identifier& id, ScopeId s, uint32_t width = 1);
    ir::Signal makeSignal(ScopeId s, const ast::Identifier& name);

    // ---- lookup.cpp
    struct Resolved {
        Symbol sym;
        ScopeId scope = kNone; // where it was found
        bool found = false;
        size_t segmentsUsed = 0;
    };
    // A name as written (simple or hierarchical), from scope `s`.
    Resolved lookup(const ast::HierName& name, ScopeId s, bool reportErrors = true);
    std::optional<Symbol> lookupLocal(ScopeId s, std::string_view name) const;
    std::optional<Symbol> lookupSimple(ScopeId s, std::string_view name) const;
    std::optional<std::string> segmentName(const ast::HierSegment& seg, ScopeId s);

    // ---- literals.cpp
    std::optional<rt::Value> parseNumber(const ast::NumberExpr& n);
    double parseReal(const ast::RealExpr& r);
    rt::Value parseString(std::string_view text);

    // ---- expr_typing.cpp
    ir::ExprPtr buildExpr(const ast::Expr& e, const ExprContext& ctx);
    // Sets the context-determined type of a self-typed tree (clause 5.4/5.5).
    void applyContext(ir::ExprPtr& e, ir::Type ctx);
    // A self-determined operand: its context is its own type.
    ir::ExprPtr selfDetermined(const ast::Expr& e, const ExprContext& ctx);
    // An expression assigned to something of type `target` (assignment rules of 5.4.1).
    ir::ExprPtr assignedExpr(const ast::Expr& e, ir::Type target, const ExprContext& ctx);
    ir::ExprPtr convertTo(ir::ExprPtr e, ir::Type t);
    // An lvalue; `procedural` says which kind of assignment writes it (checks net/var).
    enum class LvalueUse { Continuous, Procedural, Force, ProcAssign, Port, FunctionOutput };
    ir::ExprPtr buildLvalue(const ast::Expr& e, ScopeId s, LvalueUse use);
    ir::ExprPtr buildSystemCall(const ast::SystemCallExpr& e, const ExprContext& ctx);
    ir::ExprPtr buildCall(const ast::CallExpr& e, const ExprContext& ctx);
    ir::ExprPtr buildSelect(const ast::SelectExpr& e, const ExprContext& ctx);
    ir::ExprPtr foldIndex(ir::ExprPtr idx);
    ir::ExprPtr applySelect(ir::ExprPtr base, const ast::SelectExpr& sel, const ir::Range& declared,
                            std::string_view what, const ExprContext& ctx);

    // ---- const_eval.cpp
    std::optional<Const> evalExpr(const ir::Expr& e);
    std::optional<Const> evalConst(const ast::Expr& e, ScopeId s, const char* what,
                                   const ir::Type* target = nullptr);
    std::optional<int64_t> evalInt(const ast::Expr& e, ScopeId s, const char* what);
    Const convertConst(const Const& c, ir::Type t);

    // ---- const_function.cpp
    std::optional<Const> callConstFunction(const ir::Expr& call);
    enum class Flow { Next, Disable, Error };
    Flow execConst(const ir::Stmt& st, ScopeId& disabled);
    bool assignConst(const ir::Expr& lhs, const Const& value);
    std::optional<int64_t> arrayOffset(const ir::Expr& e);

    // ---- statements.cpp
    ir::StmtPtr buildStmt(const ast::Stmt& st, ScopeId s);
    // Phase 1: the scopes of the named blocks in a statement, with their declarations.
    void declareBlocks(const ast::Stmt& st, ScopeId s);
    // The scope of a named block in scope `s`, created (with its declarations) on first use.
    ScopeId blockScope(const ast::BlockStmt& b, ScopeId s);
    ir::TimingPtr buildTiming(const ast::TimingControl& t, ScopeId s);
    ir::Delay buildDelay(const ast::Delay& d, ScopeId s);
    ir::ExprPtr roundToPrecision(ir::ExprPtr e, ScopeId s);

    // ---- routines.cpp
    void declareRoutine(const ast::Item& item, ScopeId s);
    // Creates the routine, its scope and its declarations (phase 1); idempotent.
    ir::RoutineId declareRoutineScope(uint32_t declIndex);
    // The routine, with its body elaborated.
    ir::RoutineId routineId(uint32_t declIndex, SourceLoc useLoc);
    // The scope a symbol names (a scope, or a function or task), kNone otherwise.
    ScopeId scopeOfSymbol(const Symbol& sym);

    // ---- processes.cpp
    // The implicit nets an item declares (1364-2005 4.5), before any item is elaborated, so a
    // hierarchical name may reach one that an item elaborated later declares.
    void declareImplicitNets(const Deferred& d);
    void elaborateDeferred(const Deferred& d);
    void deferInitialisers(const ast::Item& item, ScopeId s);
    void elaborateVarInit(const ast::Declarator& decl, ScopeId s);
    void elaborateContinuousAssign(const ast::ContinuousAssign& ca, ScopeId s);
    void elaborateGate(const ast::GateInst& g, ScopeId s);
    void elaborateUdpInstances(const ast::ModuleInst& mi, const ast::Primitive& p, ScopeId s);
    ir::Strength buildStrength(const ast::Strength& st);
    ir::UdpId udpId(const ast::Primitive& p);
    // An array of gate or UDP instances (1364-2005 clause 7.1.5): how many elements, and the
    // declared index of each. Checks that every terminal is 1 or `count` bits wide.
    struct InstanceArray {
        int64_t count = 1, first = 0, step = 1;
        int64_t index(int64_t k) const { return first + k * step; }
    };
    std::optional<InstanceArray> instanceArray(const std::optional<ast::Range>& range,
                                               const std::vector<ir::ExprPtr>& terms,
                                               std::string_view name, const char* what, ScopeId s);
    // 1364-2005 clause 4.6.5: a uwire net has at most one driver.
    void checkUwireDrivers();

    // ---- ports.cpp
    void connectPorts(const ast::ModuleInst& mi, const ast::Instance& inst, ScopeId parent,
                      const std::vector<ScopeId>& children);
    // `unconnected_drive: an unconnected input port of each of `children` is pulled up or down.
    void pullUnconnected(const ast::Expr* portExpr, const std::string& name, SourceLoc loc, bool up,
                         const std::vector<ScopeId>& children);
    // Input ports driven inside their module, and output ports not driven there, connected
    // to nets: bidirectional, as inout ports (Icarus "coerced to inout").
    void coercePorts();

    // ---- specify.cpp
    void elaborateSpecify(const ast::SpecifyBlock& sb, ScopeId s);

    // ---- helpers
    std::string text(const ast::Identifier& id) const { return std::string(id.text); }
};

// Net type keyword -> IR net type.
ir::NetType netTypeOf(TokenKind k);

} // namespace metalfpga::elab
