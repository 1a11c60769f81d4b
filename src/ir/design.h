#pragma once
// The flattened design IR: what elaboration produces and code generation consumes.
//
// Design:
//  - The design is flat: every scope (module instance, generate block, named block, function,
//    task) and every signal is one entry of a table in `Design`, named by index (ScopeId,
//    SignalId, ...) and carrying its hierarchical name (`path`, "top.u1.genblk1.x") for %m,
//    VCD scopes and messages. Nothing refers back to the syntax tree except source locations.
//  - Processes are what runs: initial/always bodies as statement trees, continuous assignments,
//    port connections (drivers between an instance's port and its connection), gates and UDP
//    instances. Code generation needs nothing else.
//  - Expressions are typed trees. Every node has `type` (its context-determined type, 1364-2005
//    clause 5.4/5.5, i.e. the width and signedness the node is computed at) and `self` (its
//    self-determined type). Implicit extensions, truncations and integer<->real conversions are
//    explicit Convert nodes, so the operands of every operator already have the operator's
//    type (except where the operator keeps them self-determined: shift amounts, the power
//    exponent, reduction/logical operands, comparison results, concatenation items).
//  - Constants are rt::Value (4-state, any width) or double.

#include "frontend/source_manager.h"
#include "metalfpga/rt/value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metalfpga::ir {

using frontend::SourceLoc;
using ScopeId = uint32_t;
using SignalId = uint32_t;
using RoutineId = uint32_t;
using UdpId = uint32_t;
inline constexpr uint32_t kNone = ~0u;

// The width, signedness and real-ness of a value. Real values have width 64.
struct Type {
    uint32_t width = 1;
    bool isSigned = false;
    bool isReal = false;

    static Type integral(uint32_t w, bool s) { return Type{w, s, false}; }
    static Type real() { return Type{64, true, true}; }
    friend bool operator==(const Type&, const Type&) = default;
};
std::string typeString(const Type& t); // "8u", "32s", "real"

// ---------------------------------------------------------------------------------------------
// Scopes and signals
// ---------------------------------------------------------------------------------------------

enum class ScopeKind { Module, Generate, NamedBlock, Function, Task };
const char* scopeKindName(ScopeKind k);

// `timescale: unit and precision as powers of ten seconds (1ns = -9).
struct Timescale {
    int unit = 0;
    int precision = 0;
    bool specified = false; // false: the default (1s/1s), no `timescale in effect
};

// An elaborated parameter value, for dumps and later stages (%m-style queries, $bits).
struct Param {
    std::string name;
    bool isLocal = false;
    bool isSpecparam = false;
    Type type;
    rt::Value value; // integral
    double real = 0; // real-valued
    SourceLoc loc;
};

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    std::string name; // "u1", "genblk1", "blk[3]"
    std::string path; // "top.u1.genblk1"
    ScopeId parent = kNone;
    std::string moduleName; // Module: the module's name
    Timescale timescale;
    bool celldefine = false;
    SourceLoc loc;
    std::vector<ScopeId> children;
    std::vector<SignalId> signals;
    std::vector<Param> params;
    RoutineId routine = kNone; // Function/Task scopes
};

enum class SignalKind { Net, Reg, Integer, Time, Real, Realtime, Event };
const char* signalKindName(SignalKind k);

enum class NetType {
    None, // a variable
    Wire,
    Tri,
    Wand,
    Wor,
    Triand,
    Trior,
    Tri0,
    Tri1,
    Supply0,
    Supply1,
    Trireg,
    Uwire,
};
const char* netTypeName(NetType t);

enum class PortDir { None, Input, Output, Inout };
const char* portDirName(PortDir d);

// The bidirectional switches (tran, rtran, tranif0/1, rtranif0/1).
bool isTranGate(const std::string& gate);

// [msb:lsb] as declared.
struct Range {
    int64_t msb = 0;
    int64_t lsb = 0;
    uint32_t width() const {
        return static_cast<uint32_t>((msb >= lsb ? msb - lsb : lsb - msb) + 1);
    }
    // Bit offset from the least significant bit of the index `i` (may be out of range).
    int64_t offsetOf(int64_t i) const { return msb >= lsb ? i - lsb : lsb - i; }
    bool contains(int64_t i) const {
        return msb >= lsb ? (i >= lsb && i <= msb) : (i >= msb && i <= lsb);
    }
};

// Drive strengths as 1364 table 7-7 levels: 0 highz, 1 small, 2 medium, 3 weak, 4 large,
// 5 pull, 6 strong, 7 supply.
struct Strength {
    uint8_t s0 = 6;
    uint8_t s1 = 6;
    bool specified = false;
};
std::string strengthString(const Strength& s);

struct Signal {
    std::string name;
    std::string path;
    ScopeId scope = kNone;
    SignalKind kind = SignalKind::Net;
    NetType netType = NetType::None;
    Type type;                   // width and signedness of one element
    Range range;                 // packed range ([0:0] for scalars)
    bool vector = false;         // declared with a range
    std::vector<Range> unpacked; // array (memory) dimensions, outermost first
    PortDir port = PortDir::None;
    bool implicit = false;         // an implicit net
    bool automatic = false;        // a variable of an automatic function/task
    Strength strength;             // nets declared with a drive strength (also supply0/1)
    uint8_t charge = 0;            // trireg: 1 small, 2 medium, 4 large
    std::optional<rt::Value> init; // reg a = 1; (integral variables)
    std::optional<double> initReal;
    SourceLoc loc;

    bool isNet() const { return kind == SignalKind::Net; }
    bool isArray() const { return !unpacked.empty(); }
    uint64_t elementCount() const {
        uint64_t n = 1;
        for (const Range& r : unpacked) n *= r.width();
        return n;
    }
};

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

enum class ExprKind {
    Const,        // value (integral constant, strings included)
    RealConst,    // real
    Signal,       // signal (a whole variable/net, or an event)
    ArrayElement, // signal[operands...]: one word of a memory, an index per unpacked dimension
    Select,       // operands[0][...]: bit, constant part, or indexed part select (see SelectKind)
    Unary,        // op operands[0]
    Binary,       // operands[0] op operands[1]
    Conditional,  // operands[0] ? operands[1] : operands[2]
    Concat,       // {operands...}, operands[0] most significant
    Replicate,    // {count{operands[0]}}
    // operands[0] converted to `type`: integral -> integral takes the target's signedness, then
    // extends (sign-extends iff the target is signed) or truncates; int <-> real converts.
    Convert,
    Call,       // routine(operands...)
    SystemCall, // name(operands...) ($time, $signed, $random, ...); null operand = empty
    Scope,      // a scope name as an argument ($dumpvars(0, top.u1))
};

enum class Op {
    None,
    // unary
    Plus,
    Neg,
    BitNot,
    LogNot,
    RedAnd,
    RedNand,
    RedOr,
    RedNor,
    RedXor,
    RedXnor,
    // binary
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    BitXnor,
    Shl,
    Shr,
    AShl,
    AShr,
    LogAnd,
    LogOr,
    Eq,
    Ne,
    CaseEq,
    CaseNe,
    Lt,
    Le,
    Gt,
    Ge,
};
const char* opName(Op op);

enum class SelectKind { Bit, Part, IndexedUp, IndexedDown };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
    ExprKind kind = ExprKind::Const;
    Op op = Op::None;
    Type type; // context-determined: what the node is computed at
    Type self; // self-determined
    SourceLoc loc;

    rt::Value value;           // Const; Replicate: the count
    double real = 0;           // RealConst
    bool isString = false;     // Const written as a string literal
    bool unsizedXZ = false;    // Const: an unsized number whose top digit is x or z (extends so)
    SignalId signal = kNone;   // Signal, ArrayElement
    RoutineId routine = kNone; // Call
    ScopeId scope = kNone;     // Scope
    std::string name;          // SystemCall: "$time"

    // Select: the selected object's declared range, how it is selected, and the constant bounds
    // of a part select (msb/lsb as written) or the width of an indexed part select;
    // operands[1] is the bit index or the indexed part select's base.
    SelectKind select = SelectKind::Bit;
    Range declared;
    int64_t msb = 0;
    int64_t lsb = 0;

    std::vector<ExprPtr> operands;

    Expr() = default;
    Expr(ExprKind k, SourceLoc l) : kind(k), loc(l) {}
    Expr(const Expr&) = delete;
    Expr& operator=(const Expr&) = delete;
    ExprPtr clone() const;
};

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

// A delay: one to three values (rise, fall, turn-off), already reduced to the min/typ/max
// selection, in the units of the scope's timescale.
struct Delay {
    std::vector<ExprPtr> values;
    SourceLoc loc;
    bool empty() const { return values.empty(); }
};

enum class Edge { Any, Posedge, Negedge };

struct EventItem {
    Edge edge = Edge::Any;
    ExprPtr expr; // a signal expression or a named event
};

// One module path (specify, clause 14) that reaches the output bit a port connection drives
// (elab/module_paths.cpp). The bit's delay comes from the active path whose input changed
// last (its last matching edge for an edge-sensitive path); on a tie the smaller delay wins.
struct ModulePath {
    SignalId input = kNone; // change times are kept per input signal
    Edge edge = Edge::Any;
    ExprPtr cond;                // if (cond): active unless it is 0; null: always active
    bool ifnone = false;         // active only when no conditional path to the bit is
    std::vector<ExprPtr> delays; // 1, 2, 3, 6 or 12 values, in the module's time unit
    SourceLoc loc;
};

// #delay, @(events), @*, repeat(n) @(events).
struct Timing {
    enum class Kind { Delay, Event, Star, Repeat };
    Kind kind = Kind::Delay;
    SourceLoc loc;
    Delay delay;
    std::vector<EventItem> events; // Event, Repeat; Star: the inferred sensitivity
    ExprPtr repeatCount;

    std::unique_ptr<Timing> clone() const;
};
using TimingPtr = std::unique_ptr<Timing>;

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

enum class StmtKind {
    Null,
    Block,          // scope (named or kNone), fork, stmts
    Assign,         // lhs = timing rhs, nonBlocking for <=
    ProcContinuous, // keyword assign/deassign/force/release: lhs [= rhs]
    If,             // cond, body, elseBody
    Case,           // caseKind, cond, items
    For,            // init; cond; step; body
    While,          // cond, body
    Repeat,         // cond (count), body
    Forever,        // body
    Wait,           // cond, body
    EventTrigger,   // lhs (the event)
    Disable,        // target scope
    TaskCall,       // routine(args)
    SystemTaskCall, // name(args)
    Timed,          // timing body
};

enum class CaseKind { Case, Casex, Casez };
enum class ProcKeyword { Assign, Deassign, Force, Release };

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;

struct CaseItem {
    std::vector<ExprPtr> exprs; // empty: default
    StmtPtr body;
    SourceLoc loc;
};

struct Stmt {
    StmtKind kind = StmtKind::Null;
    SourceLoc loc;

    ScopeId scope = kNone; // Block: its named scope; Disable: the target
    bool fork = false;
    std::vector<StmtPtr> stmts;

    bool nonBlocking = false;
    ProcKeyword keyword = ProcKeyword::Assign;
    ExprPtr lhs;
    ExprPtr rhs;
    TimingPtr timing; // Assign: intra-assignment control; Timed: the control

    ExprPtr cond;
    StmtPtr body;
    StmtPtr elseBody;
    StmtPtr init;
    StmtPtr step;
    CaseKind caseKind = CaseKind::Case;
    std::vector<CaseItem> items;

    RoutineId routine = kNone;
    std::string name;
    std::vector<ExprPtr> args; // null entries: empty arguments of a system task

    Stmt() = default;
    Stmt(StmtKind k, SourceLoc l) : kind(k), loc(l) {}
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    StmtPtr clone() const; // a deep copy
};

// ---------------------------------------------------------------------------------------------
// Functions and tasks
// ---------------------------------------------------------------------------------------------

struct RoutinePort {
    SignalId signal = kNone;
    PortDir dir = PortDir::Input;
};

struct Routine {
    bool isFunction = true;
    bool automatic = false;
    std::string name;
    ScopeId scope = kNone; // the function/task's own scope (ports and locals live there)
    std::vector<RoutinePort> ports;
    SignalId result = kNone; // functions: the variable named like the function
    Type returnType;
    StmtPtr body;
    SourceLoc loc;
};

// ---------------------------------------------------------------------------------------------
// UDPs
// ---------------------------------------------------------------------------------------------

struct UdpRow {
    std::vector<std::string> inputs;
    char current = 0;
    char output = 0;
};

struct Udp {
    std::string name;
    uint32_t inputs = 0;
    bool sequential = false;
    std::optional<char> initial; // '0', '1', 'x'
    std::vector<UdpRow> rows;
    SourceLoc loc;
};

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

enum class ProcessKind {
    Initial,
    Always,
    ContinuousAssign, // lhs = rhs (net declaration assignments included)
    PortConnection,   // a port of an instance and its connection, as a driver or an alias
    Gate,             // gate(terminals)
    UdpInstance,      // udp(terminals)
};
const char* processKindName(ProcessKind k);

struct Process {
    ProcessKind kind = ProcessKind::Initial;
    ScopeId scope = kNone;
    SourceLoc loc;
    std::string name; // gate/UDP instance name, "" when unnamed

    StmtPtr body; // Initial, Always
    // Initial: the variable declaration assignments of one scope (reg a = 1;), one blocking
    // assignment each in declaration order. 4-state models run it at time 0 as an initial
    // block (clause 6.2.1), so the new values are events; 2-state models store the values
    // before time 0 instead (Signal::init) and skip it.
    bool varInit = false;
    // Always: one of the parts a combinational block was split into (plan/split_blocks.cpp):
    // the index of the process the block was (the first part keeps it); kNone otherwise.
    uint32_t splitOf = kNone;

    // ContinuousAssign: lhs = rhs. PortConnection: `lhs` is driven from `rhs`: for an input
    // port lhs is the port (inside the instance) and rhs the connection; for an output port the
    // reverse; for an inout both are nets and `collapsed` is always true.
    ExprPtr lhs;
    ExprPtr rhs;
    PortDir portDir = PortDir::None;
    std::string portName;
    // Both sides are whole nets of one width: code generation may merge them into one net.
    bool collapsed = false;

    std::string gate; // "and", "nmos", "bufif0", "pullup", ...
    UdpId udp = kNone;
    std::vector<ExprPtr> terminals; // outputs first, as written
    Strength strength;
    Delay delay;
    // PortConnection of one output bit that module paths reach: the paths. `delay` then holds
    // the first path's first value, so every stage treats the connection as delayed.
    std::vector<ModulePath> paths;
};

// ---------------------------------------------------------------------------------------------
// Specify data, recorded for later stages
// ---------------------------------------------------------------------------------------------

struct SpecifyPath {
    ScopeId scope = kNone;
    SourceLoc loc;
    bool full = false; // *>
    Edge edge = Edge::Any;
    ExprPtr cond; // if (cond); null for none/ifnone
    bool ifnone = false;
    std::vector<ExprPtr> inputs;
    std::vector<ExprPtr> outputs;
    std::vector<ExprPtr> delays;
};

struct TimingCheck {
    ScopeId scope = kNone;
    SourceLoc loc;
    std::string name;          // "$setup"
    std::vector<ExprPtr> args; // null: empty argument (edges and conditions are not kept)
};

// ---------------------------------------------------------------------------------------------
// The design
// ---------------------------------------------------------------------------------------------

struct Design {
    std::vector<Scope> scopes;
    std::vector<Signal> signals;
    std::vector<Routine> routines;
    std::vector<Udp> udps;
    std::vector<Process> processes;
    std::vector<SpecifyPath> specifyPaths;
    std::vector<TimingCheck> timingChecks;
    std::vector<ScopeId> tops; // root scopes, one per top-level module

    ScopeId addScope(Scope s);
    SignalId addSignal(Signal s);
    // The scope with this hierarchical name, or kNone.
    ScopeId findScope(std::string_view path) const;
    // The signal with this hierarchical name, or kNone.
    SignalId findSignal(std::string_view path) const;
    // The smallest (finest) time precision of any scope, as a power of ten seconds.
    int globalPrecision() const;
};

// How many leading terminals of a gate or UDP are outputs: all but the last for buf/not, one
// for the others (bidirectional switches have none: see isTranGate).
size_t outputTerminals(const Process& p);

} // namespace metalfpga::ir
