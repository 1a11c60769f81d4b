#pragma once
// The syntax tree of Verilog-2005 (IEEE 1364-2005 Annex A) as the parser builds it.
//
// Design:
//  - Plain structs. Four node families, each with a Kind enum and a base struct: Expr, Stmt, Item
//    (module items, block item declarations, generate constructs and specify items) and
//    Description (the top-level module / primitive / config). A node's `kind` says which derived
//    struct it is; `is<T>()` tests it and `as<T>()` casts to it (each derived struct names its kind
//    in `static constexpr ... kKind`).
//  - Every node has `loc`, the location of its first token; named things keep the location of the
//    name in their Identifier.
//  - The tree is faithful to the source: numbers keep their raw parts, identifiers their text and
//    escaped-ness, operators their TokenKind. Nothing is evaluated or resolved here.
//  - Text (string_view) points into buffers owned by the SourceManager; the tree must not outlive
//    it.
//  - Children are owned through unique_ptr. An optional child is a null pointer (or an empty
//    std::optional / vector).

#include "frontend/preprocessor.h"
#include "frontend/source_manager.h"
#include "frontend/token.h"

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace metalfpga::frontend::ast {

// Common base of the four node families.
template <typename KindT>
struct NodeBase {
    using KindType = KindT;
    KindT kind;
    SourceLoc loc;

    NodeBase(KindT k, SourceLoc l) : kind(k), loc(l) {}
    NodeBase(const NodeBase&) = delete;
    NodeBase& operator=(const NodeBase&) = delete;
    virtual ~NodeBase() = default;

    template <typename T>
    bool is() const {
        return kind == T::kKind;
    }
    template <typename T>
    T& as() {
        assert(is<T>());
        return static_cast<T&>(*this);
    }
    template <typename T>
    const T& as() const {
        assert(is<T>());
        return static_cast<const T&>(*this);
    }
    // nullptr when the node is not a T.
    template <typename T>
    const T* asPtr() const {
        return is<T>() ? static_cast<const T*>(this) : nullptr;
    }
};

struct Expr;
struct Stmt;
struct Item;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ItemPtr = std::unique_ptr<Item>;

// An identifier as written. `text` of an escaped identifier excludes the '\' and the space.
struct Identifier {
    std::string_view text;
    SourceLoc loc;
    bool escaped = false;

    bool empty() const { return text.empty(); }
};

// (* name = value, ... *); `value` is null when absent. Several attribute instances in a row are
// collected into one list.
struct Attribute {
    Identifier name;
    ExprPtr value;
};
using Attributes = std::vector<Attribute>;

// [left:right]
struct Range {
    ExprPtr left;
    ExprPtr right;
    SourceLoc loc;
};
using Dimensions = std::vector<Range>; // unpacked (array) dimensions, in source order

// a.b[2].c: one segment per name; `index` is the constant index of a scope (b[2]), null if none.
struct HierSegment {
    Identifier name;
    ExprPtr index;
};
struct HierName {
    std::vector<HierSegment> segments;

    SourceLoc loc() const { return segments.empty() ? SourceLoc{} : segments.front().name.loc; }
    bool isSimple() const { return segments.size() == 1 && !segments[0].index; }
    // The last name (the identifier a simple name refers to).
    const Identifier& last() const { return segments.back().name; }
    // "a.b[...].c" for messages and dumps (indices shown as [...]).
    std::string str() const;
};

// Drive strength (strength0, strength1), a pull gate's single strength, or a trireg charge
// strength. Absent parts are TokenKind::EndOfFile.
struct Strength {
    TokenKind strength0 = TokenKind::EndOfFile; // KwSupply0, KwStrong0, KwPull0, KwWeak0, KwHighz0
    TokenKind strength1 = TokenKind::EndOfFile; // KwSupply1, ..., KwHighz1
    TokenKind charge = TokenKind::EndOfFile;    // KwSmall, KwMedium, KwLarge
    SourceLoc loc;
};

// #5, #1.5, #PARAM, #(1:2:3, 4, 5): each value is an expression (MinTypMax when written so).
struct Delay {
    std::vector<ExprPtr> values;
    bool parenthesized = false;
    SourceLoc loc;
};

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

enum class ExprKind {
    Number,      // 42, 8'hff, 'b1, 4'sd3
    Real,        // 1.5, 2e3
    String,      // "text"
    Name,        // a, a.b[1].c
    Unary,       // -a, &a, ~^a
    Binary,      // a + b
    Conditional, // a ? b : c
    Concat,      // {a, b}
    Replication, // {n{a, b}}
    Select,      // a[i], a[h:l], a[b+:w], a[b-:w]
    Call,        // f(a, b) (function call)
    SystemCall,  // $time, $signed(x), $display(a,,b)
    MinTypMax,   // a:b:c
};

struct Expr : NodeBase<ExprKind> {
    using NodeBase::NodeBase;
};

// A number as written. `size` is the text of the size ("8" in 8'hff; empty when unsized),
// `base` is 0 for a plain decimal number (42) and one of 'b','o','d','h' (lower case) for a based
// one; `isSigned` is the 's' of a based number; `digits` is the digit text (underscores, x, z, ?
// kept as written). `text` is the based literal's full spelling (or the decimal digits).
struct NumberExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Number;
    std::string_view size;
    bool isSigned = false;
    char base = 0;
    std::string_view digits;
    std::string_view text;
    NumberExpr(SourceLoc l) : Expr(kKind, l) {}
};

struct RealExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Real;
    std::string_view text;
    RealExpr(SourceLoc l) : Expr(kKind, l) {}
};

// Text without the quotes, escapes as written.
struct StringExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::String;
    std::string_view text;
    StringExpr(SourceLoc l) : Expr(kKind, l) {}
};

struct NameExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Name;
    HierName name;
    NameExpr(SourceLoc l) : Expr(kKind, l) {}
};

struct UnaryExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Unary;
    TokenKind op;
    ExprPtr operand;
    Attributes attrs; // (* *) after the operator
    UnaryExpr(SourceLoc l, TokenKind o) : Expr(kKind, l), op(o) {}
};

struct BinaryExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Binary;
    TokenKind op;
    SourceLoc opLoc;
    ExprPtr lhs;
    ExprPtr rhs;
    Attributes attrs;
    BinaryExpr(SourceLoc l, TokenKind o) : Expr(kKind, l), op(o) {}
};

struct ConditionalExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Conditional;
    ExprPtr cond;
    ExprPtr whenTrue;
    ExprPtr whenFalse;
    Attributes attrs;
    ConditionalExpr(SourceLoc l) : Expr(kKind, l) {}
};

struct ConcatExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Concat;
    std::vector<ExprPtr> items;
    ConcatExpr(SourceLoc l) : Expr(kKind, l) {}
};

struct ReplicationExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Replication;
    ExprPtr count;
    std::unique_ptr<ConcatExpr> concat; // the inner {a, b}
    ReplicationExpr(SourceLoc l) : Expr(kKind, l) {}
};

enum class SelectKind { Bit, Part, IndexedUp, IndexedDown };

// value[index], value[left:right], value[left+:right], value[left-:right]. Selects chain:
// a[i][j][k:l] is Select(Select(Select(a, i), j), k:l).
struct SelectExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Select;
    SelectKind select = SelectKind::Bit;
    ExprPtr value;
    ExprPtr left; // the index of a bit select
    ExprPtr right;
    SourceLoc bracketLoc;
    SelectExpr(SourceLoc l) : Expr(kKind, l) {}
};

struct CallExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::Call;
    HierName name;
    Attributes attrs;
    std::vector<ExprPtr> args;
    CallExpr(SourceLoc l) : Expr(kKind, l) {}
};

// A system function call or a system task enable's arguments. `args` holds null for an empty
// argument ($display(a,,b)); `hasParens` is false for `$time`.
struct SystemCallExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::SystemCall;
    Identifier name; // with the '$'
    bool hasParens = false;
    std::vector<ExprPtr> args;
    SystemCallExpr(SourceLoc l) : Expr(kKind, l) {}
};

struct MinTypMaxExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::MinTypMax;
    ExprPtr min;
    ExprPtr typ;
    ExprPtr max;
    MinTypMaxExpr(SourceLoc l) : Expr(kKind, l) {}
};

// ---------------------------------------------------------------------------------------------
// Timing controls
// ---------------------------------------------------------------------------------------------

// One item of an event list: [posedge|negedge] expr. `edge` is EndOfFile when absent.
struct EventExpr {
    TokenKind edge = TokenKind::EndOfFile;
    ExprPtr expr;
    SourceLoc loc;
};

// #delay, @(events), @*, @ident, or (only as an intra-assignment control) repeat(n) @(events).
struct TimingControl {
    enum class Kind { Delay, Event, EventStar, Repeat };
    Kind kind = Kind::Delay;
    SourceLoc loc;
    Delay delay;                   // Kind::Delay
    std::vector<EventExpr> events; // Kind::Event and Kind::Repeat
    bool bareName = false;         // @ident (no parentheses)
    ExprPtr repeatCount;           // Kind::Repeat
};
using TimingPtr = std::unique_ptr<TimingControl>;

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

enum class StmtKind {
    Null,           // ;
    Block,          // begin ... end, fork ... join
    Assign,         // a = b; a <= #5 b;
    ProcContinuous, // assign a = b; deassign a; force a = b; release a;
    If,
    Case,
    For,
    While,
    Repeat,
    Forever,
    Wait,
    EventTrigger,   // -> ev;
    Disable,        // disable name;
    TaskCall,       // name; name(args);
    SystemTaskCall, // $display(...);
    Timed,          // #d stmt, @(...) stmt
};

struct Stmt : NodeBase<StmtKind> {
    using NodeBase::NodeBase;
    Attributes attrs;
};

struct NullStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::Null;
    NullStmt(SourceLoc l) : Stmt(kKind, l) {}
};

struct BlockStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::Block;
    bool fork = false; // fork ... join
    Identifier name;   // empty when unnamed
    std::vector<ItemPtr> decls;
    std::vector<StmtPtr> stmts;
    BlockStmt(SourceLoc l) : Stmt(kKind, l) {}
};

struct AssignStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::Assign;
    bool nonBlocking = false;
    ExprPtr lhs;
    TimingPtr timing; // intra-assignment delay or event control, or null
    ExprPtr rhs;
    AssignStmt(SourceLoc l) : Stmt(kKind, l) {}
};

// Procedural continuous assignments. `keyword` is KwAssign, KwDeassign, KwForce or KwRelease;
// `rhs` is null for deassign and release.
struct ProcContinuousStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::ProcContinuous;
    TokenKind keyword;
    ExprPtr lhs;
    ExprPtr rhs;
    ProcContinuousStmt(SourceLoc l, TokenKind k) : Stmt(kKind, l), keyword(k) {}
};

struct IfStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::If;
    ExprPtr cond;
    StmtPtr thenStmt;
    StmtPtr elseStmt; // null when there is no else
    IfStmt(SourceLoc l) : Stmt(kKind, l) {}
};

// One case item; `exprs` is empty for `default`.
struct CaseItem {
    std::vector<ExprPtr> exprs;
    StmtPtr stmt;
    SourceLoc loc;
};

struct CaseStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::Case;
    TokenKind keyword; // KwCase, KwCasex, KwCasez
    ExprPtr expr;
    std::vector<CaseItem> items;
    CaseStmt(SourceLoc l, TokenKind k) : Stmt(kKind, l), keyword(k) {}
};

struct ForStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::For;
    StmtPtr init; // an AssignStmt
    ExprPtr cond;
    StmtPtr step; // an AssignStmt
    StmtPtr body;
    ForStmt(SourceLoc l) : Stmt(kKind, l) {}
};

// while (cond) body; repeat (cond) body; wait (cond) body; forever body (cond null).
struct LoopStmt : Stmt {
    ExprPtr cond;
    StmtPtr body;
    using Stmt::Stmt;
};
struct WhileStmt : LoopStmt {
    static constexpr StmtKind kKind = StmtKind::While;
    WhileStmt(SourceLoc l) : LoopStmt(kKind, l) {}
};
struct RepeatStmt : LoopStmt {
    static constexpr StmtKind kKind = StmtKind::Repeat;
    RepeatStmt(SourceLoc l) : LoopStmt(kKind, l) {}
};
struct ForeverStmt : LoopStmt {
    static constexpr StmtKind kKind = StmtKind::Forever;
    ForeverStmt(SourceLoc l) : LoopStmt(kKind, l) {}
};
struct WaitStmt : LoopStmt {
    static constexpr StmtKind kKind = StmtKind::Wait;
    WaitStmt(SourceLoc l) : LoopStmt(kKind, l) {}
};

struct EventTriggerStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::EventTrigger;
    ExprPtr target; // the event: a name, or a select of an event array
    EventTriggerStmt(SourceLoc l) : Stmt(kKind, l) {}
};

struct DisableStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::Disable;
    HierName name;
    DisableStmt(SourceLoc l) : Stmt(kKind, l) {}
};

struct TaskCallStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::TaskCall;
    HierName name;
    std::vector<ExprPtr> args;
    TaskCallStmt(SourceLoc l) : Stmt(kKind, l) {}
};

struct SystemTaskCallStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::SystemTaskCall;
    std::unique_ptr<SystemCallExpr> call;
    SystemTaskCallStmt(SourceLoc l) : Stmt(kKind, l) {}
};

// #d stmt, @(...) stmt, @* stmt. `stmt` is a NullStmt for `#5;`.
struct TimedStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::Timed;
    TimingPtr timing;
    StmtPtr stmt;
    TimedStmt(SourceLoc l) : Stmt(kKind, l) {}
};

// ---------------------------------------------------------------------------------------------
// Items: module items, block item declarations, generate constructs, specify items
// ---------------------------------------------------------------------------------------------

enum class ItemKind {
    PortDecl,  // input/output/inout declarations (module body, ANSI header, tf ports)
    NetDecl,   // wire, tri, supply0, ..., trireg
    VarDecl,   // reg, integer, real, realtime, time, event, genvar
    ParamDecl, // parameter, localparam, specparam
    Defparam,
    ContinuousAssign, // assign ...;
    GateInst,         // and, nmos, tran, pullup, ...
    ModuleInst,       // module or UDP instances
    Procedural,       // initial, always
    Function,
    Task,
    GenerateRegion, // generate ... endgenerate
    GenerateBlock,  // begin [: name] ... end in generate context (or one item)
    GenerateFor,
    GenerateIf,
    GenerateCase,
    SpecifyBlock,
    SpecifyPath,
    TimingCheck,
    PulseStyle, // pulsestyle_onevent / pulsestyle_ondetect / showcancelled / noshowcancelled
};

struct Item : NodeBase<ItemKind> {
    using NodeBase::NodeBase;
    Attributes attrs;
};

// A declared name: name [dims] [= init].
struct Declarator {
    Identifier name;
    Dimensions dims;
    ExprPtr init;
};

// input/output/inout. `type` is EndOfFile (none), a net type keyword, or KwReg, KwInteger,
// KwTime, KwReal, KwRealtime.
struct PortDecl : Item {
    static constexpr ItemKind kKind = ItemKind::PortDecl;
    TokenKind direction; // KwInput, KwOutput, KwInout
    TokenKind type = TokenKind::EndOfFile;
    bool isSigned = false;
    std::optional<Range> range;
    // Further packed dimensions ([3:0][7:0] a): SystemVerilog, accepted as other tools do.
    Dimensions packedExtra;
    std::vector<Declarator> decls;
    PortDecl(SourceLoc l, TokenKind dir) : Item(kKind, l), direction(dir) {}
};

enum class VectorScalar { None, Vectored, Scalared };

struct NetDecl : Item {
    static constexpr ItemKind kKind = ItemKind::NetDecl;
    TokenKind netType; // KwWire, KwTri, KwTrireg, KwSupply0, ...
    std::optional<Strength> strength;
    VectorScalar vectorScalar = VectorScalar::None;
    bool isSigned = false;
    std::optional<Range> range;
    // Further packed dimensions ([3:0][7:0] a): SystemVerilog, accepted as other tools do.
    Dimensions packedExtra;
    std::optional<Delay> delay;
    std::vector<Declarator> decls; // init = implicit continuous assignment (wire a = b;)
    NetDecl(SourceLoc l, TokenKind t) : Item(kKind, l), netType(t) {}
};

struct VarDecl : Item {
    static constexpr ItemKind kKind = ItemKind::VarDecl;
    TokenKind type; // KwReg, KwInteger, KwReal, KwRealtime, KwTime, KwEvent, KwGenvar
    bool isSigned = false;
    std::optional<Range> range;
    // Further packed dimensions ([3:0][7:0] a): SystemVerilog, accepted as other tools do.
    Dimensions packedExtra;
    std::vector<Declarator> decls; // init = variable initialiser (reg a = 1;)
    VarDecl(SourceLoc l, TokenKind t) : Item(kKind, l), type(t) {}
};

struct ParamAssign {
    Identifier name;
    ExprPtr value;
    // specparam PATHPULSE$... = (reject, error): `value` is the reject limit, this the error
    // limit (null when not given).
    ExprPtr errorLimit;
};

struct ParamDecl : Item {
    static constexpr ItemKind kKind = ItemKind::ParamDecl;
    TokenKind keyword;                     // KwParameter, KwLocalparam, KwSpecparam
    TokenKind type = TokenKind::EndOfFile; // KwInteger, KwReal, KwRealtime, KwTime
    bool isSigned = false;
    std::optional<Range> range;
    std::vector<ParamAssign> assigns;
    ParamDecl(SourceLoc l, TokenKind k) : Item(kKind, l), keyword(k) {}
};

struct DefparamAssign {
    HierName target;
    ExprPtr value;
};
struct Defparam : Item {
    static constexpr ItemKind kKind = ItemKind::Defparam;
    std::vector<DefparamAssign> assigns;
    Defparam(SourceLoc l) : Item(kKind, l) {}
};

struct NetAssign {
    ExprPtr lhs;
    ExprPtr rhs;
};
struct ContinuousAssign : Item {
    static constexpr ItemKind kKind = ItemKind::ContinuousAssign;
    std::optional<Strength> strength;
    std::optional<Delay> delay;
    std::vector<NetAssign> assigns;
    ContinuousAssign(SourceLoc l) : Item(kKind, l) {}
};

struct GateInstance {
    Identifier name; // empty when unnamed
    std::optional<Range> range;
    std::vector<ExprPtr> terminals;
    SourceLoc loc;
};
struct GateInst : Item {
    static constexpr ItemKind kKind = ItemKind::GateInst;
    TokenKind gate; // KwAnd, ..., KwPullup
    std::optional<Strength> strength;
    std::optional<Delay> delay;
    std::vector<GateInstance> instances;
    GateInst(SourceLoc l, TokenKind g) : Item(kKind, l), gate(g) {}
};

// #(5, 6) or #(.W(5), .D()): `name` empty for an ordered value; `value` null for `.D()`.
struct ParamValue {
    Identifier name;
    ExprPtr value;
    SourceLoc loc;
};
// A port connection: ordered (expr, null when left empty) or named .name(expr) / .name().
struct PortConnection {
    bool named = false;
    Identifier name;
    ExprPtr expr;
    Attributes attrs;
    SourceLoc loc;
};
struct Instance {
    Identifier name; // empty when unnamed (allowed for UDPs)
    std::optional<Range> range;
    std::vector<PortConnection> connections;
    SourceLoc loc;
};
// A module or UDP instantiation. Which one it is is known only at elaboration. A UDP instance
// may carry a drive strength and a delay (`#5`, kept in `delay`); `#(...)` is kept as parameter
// values (for a UDP the elaborator reads them as delays).
struct ModuleInst : Item {
    static constexpr ItemKind kKind = ItemKind::ModuleInst;
    Identifier moduleName;
    std::optional<Strength> strength;
    std::optional<Delay> delay;
    bool hasParams = false;
    std::vector<ParamValue> params;
    std::vector<Instance> instances;
    ModuleInst(SourceLoc l) : Item(kKind, l) {}
};

struct ProceduralBlock : Item {
    static constexpr ItemKind kKind = ItemKind::Procedural;
    TokenKind keyword; // KwInitial, KwAlways
    StmtPtr body;
    ProceduralBlock(SourceLoc l, TokenKind k) : Item(kKind, l), keyword(k) {}
};

struct FunctionDecl : Item {
    static constexpr ItemKind kKind = ItemKind::Function;
    bool automatic = false;
    TokenKind returnType = TokenKind::EndOfFile; // KwInteger, KwReal, KwRealtime, KwTime
    bool isSigned = false;
    std::optional<Range> range;
    Identifier name;
    bool ansi = false;          // ports declared in parentheses after the name
    std::vector<ItemPtr> ports; // PortDecls of an ANSI header
    std::vector<ItemPtr> items; // declarations (old-style port declarations included)
    StmtPtr body;
    FunctionDecl(SourceLoc l) : Item(kKind, l) {}
};

struct TaskDecl : Item {
    static constexpr ItemKind kKind = ItemKind::Task;
    bool automatic = false;
    Identifier name;
    bool ansi = false;
    std::vector<ItemPtr> ports;
    std::vector<ItemPtr> items;
    StmtPtr body;
    TaskDecl(SourceLoc l) : Item(kKind, l) {}
};

struct GenerateRegion : Item {
    static constexpr ItemKind kKind = ItemKind::GenerateRegion;
    std::vector<ItemPtr> items;
    GenerateRegion(SourceLoc l) : Item(kKind, l) {}
};

// A generate block: `begin [: name] items end` (hasBeginEnd), or a single item.
struct GenerateBlock : Item {
    static constexpr ItemKind kKind = ItemKind::GenerateBlock;
    Identifier name;
    bool hasBeginEnd = false;
    std::vector<ItemPtr> items;
    GenerateBlock(SourceLoc l) : Item(kKind, l) {}
};

// for (var = init; cond; stepVar = step) body
struct GenerateFor : Item {
    static constexpr ItemKind kKind = ItemKind::GenerateFor;
    Identifier initVar;
    ExprPtr initValue;
    ExprPtr cond;
    Identifier stepVar;
    ExprPtr stepValue;
    std::unique_ptr<GenerateBlock> body;
    GenerateFor(SourceLoc l) : Item(kKind, l) {}
};

// if (cond) then [else else]; a branch is null when it is `;`.
struct GenerateIf : Item {
    static constexpr ItemKind kKind = ItemKind::GenerateIf;
    ExprPtr cond;
    std::unique_ptr<GenerateBlock> thenBlock;
    std::unique_ptr<GenerateBlock> elseBlock;
    bool hasElse = false;
    GenerateIf(SourceLoc l) : Item(kKind, l) {}
};

struct GenerateCaseItem {
    std::vector<ExprPtr> exprs;          // empty for default
    std::unique_ptr<GenerateBlock> body; // null for `;`
    SourceLoc loc;
};
struct GenerateCase : Item {
    static constexpr ItemKind kKind = ItemKind::GenerateCase;
    ExprPtr expr;
    std::vector<GenerateCaseItem> items;
    GenerateCase(SourceLoc l) : Item(kKind, l) {}
};

struct SpecifyBlock : Item {
    static constexpr ItemKind kKind = ItemKind::SpecifyBlock;
    std::vector<ItemPtr> items;
    SpecifyBlock(SourceLoc l) : Item(kKind, l) {}
};

// A module path declaration (simple, edge-sensitive, state-dependent).
struct SpecifyPath : Item {
    static constexpr ItemKind kKind = ItemKind::SpecifyPath;
    enum class Condition { None, If, Ifnone };
    Condition condition = Condition::None;
    ExprPtr cond;                          // Condition::If
    TokenKind edge = TokenKind::EndOfFile; // KwPosedge, KwNegedge
    std::vector<ExprPtr> inputs;
    TokenKind inputPolarity = TokenKind::EndOfFile; // Plus, Minus before => / *>
    bool full = false;                              // *> (else =>)
    std::vector<ExprPtr> outputs;
    TokenKind outputPolarity = TokenKind::EndOfFile; // +: / -: of an edge-sensitive path
    ExprPtr dataSource;                              // edge-sensitive: ( out : data )
    std::vector<ExprPtr> delays;                     // 1, 2, 3, 6 or 12 values
    SpecifyPath(SourceLoc l) : Item(kKind, l) {}
};

// One argument of a timing check: empty, or [edge] expr [&&& cond]. `edge` is KwPosedge,
// KwNegedge, KwEdge (with descriptors such as "01", "x1") or EndOfFile.
struct TimingCheckArg {
    bool empty = true;
    TokenKind edge = TokenKind::EndOfFile;
    std::vector<std::string> edgeDescriptors;
    ExprPtr expr;
    ExprPtr cond;
    SourceLoc loc;
};
struct TimingCheck : Item {
    static constexpr ItemKind kKind = ItemKind::TimingCheck;
    Identifier name; // $setup, $hold, ...
    std::vector<TimingCheckArg> args;
    TimingCheck(SourceLoc l) : Item(kKind, l) {}
};

struct PulseStyle : Item {
    static constexpr ItemKind kKind = ItemKind::PulseStyle;
    TokenKind keyword; // KwPulsestyleOnevent, KwPulsestyleOndetect, KwShowcancelled, ...
    std::vector<ExprPtr> outputs;
    PulseStyle(SourceLoc l, TokenKind k) : Item(kKind, l), keyword(k) {}
};

// ---------------------------------------------------------------------------------------------
// Descriptions (top level)
// ---------------------------------------------------------------------------------------------

enum class DescriptionKind { Module, Primitive, Config };

struct Description : NodeBase<DescriptionKind> {
    using NodeBase::NodeBase;
    Attributes attrs;
    Identifier name;
};

// A port of a non-ANSI header: `expr` is a NameExpr, a SelectExpr (part/bit select), a
// ConcatExpr of those, or null for an empty port; `.name(expr)` gives the port an explicit name.
struct Port {
    Identifier explicitName;
    bool hasExplicitName = false;
    ExprPtr expr;
    SourceLoc loc;
};

struct Module : Description {
    static constexpr DescriptionKind kKind = DescriptionKind::Module;
    bool macromodule = false;
    bool hasParamPorts = false;      // #( ... ) after the name
    std::vector<ItemPtr> paramPorts; // ParamDecls of the #( ) list
    bool ansi = false;               // header declares its ports (input a, output b)
    std::vector<Port> ports;         // non-ANSI port list
    std::vector<ItemPtr> portDecls;  // ANSI port declarations (PortDecl)
    std::vector<ItemPtr> items;
    DirectiveState directives; // in effect at the `module` keyword
    SourceLoc endLoc;
    Module(SourceLoc l) : Description(kKind, l) {}
};

// One row of a UDP table: input fields ("0", "x", "?", "r", "(01)", ...), the current state
// (sequential UDPs only; 0 when absent) and the output / next state ('0', '1', 'x', '-').
struct UdpRow {
    std::vector<std::string> inputs;
    char current = 0;
    char output = 0;
    SourceLoc loc;
};

struct Primitive : Description {
    static constexpr DescriptionKind kKind = DescriptionKind::Primitive;
    bool ansi = false;
    std::vector<Identifier> portNames; // non-ANSI header
    std::vector<ItemPtr> decls;        // PortDecl / VarDecl (reg), ANSI ones included
    Identifier initialName;            // initial q = value;
    ExprPtr initialValue;
    bool sequential = false; // rows have a current-state column
    std::vector<UdpRow> rows;
    SourceLoc endLoc;
    Primitive(SourceLoc l) : Description(kKind, l) {}
};

// [library.]cell
struct LibCell {
    Identifier library; // empty when not given
    Identifier cell;
};

struct ConfigRule {
    enum class Kind { Default, Instance, Cell };
    Kind kind = Kind::Default;
    HierName instance; // Kind::Instance
    LibCell cell;      // Kind::Cell
    bool isUse = false;
    std::vector<Identifier> liblist; // liblist lib1 lib2 (when !isUse)
    LibCell use;                     // use [lib.]cell[:config]
    bool useConfig = false;
    SourceLoc loc;
};

struct Config : Description {
    static constexpr DescriptionKind kKind = DescriptionKind::Config;
    std::vector<LibCell> design;
    std::vector<ConfigRule> rules;
    Config(SourceLoc l) : Description(kKind, l) {}
};

using DescriptionPtr = std::unique_ptr<Description>;

struct CompilationUnit {
    // Modules, macromodules, primitives and configs in source order.
    std::vector<DescriptionPtr> descriptions;

    std::vector<const Module*> modules() const;
    std::vector<const Primitive*> primitives() const;
};

// The names of the modules / UDPs a module instantiates (generate constructs included), each
// once, in order of first appearance. For the CLI's library search (-y / -v) and the elaborator.
std::vector<std::string_view> instantiatedModuleNames(const Module& module);

} // namespace metalfpga::frontend::ast
