#pragma once
// Internal to code generation: the Generator that turns the design IR into the model source.
// Its methods are spread over the files of this folder by topic (expressions, statements,
// timing, system tasks, control, force/assign, processes, nets, model source).

#include "codegen/codegen.h"
#include "codegen/host_call_table.h"
#include "metalfpga/rt/format.h"
#include "plan/model_plan.h"
#include "plan/nets.h"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

namespace metalfpga::codegen::detail {

using namespace ir;

inline constexpr uint32_t kMaxTaskInlineDepth = 16;

// The C++ type of a value: Logic (4-state) or Bits (2-state, --2state).
inline std::string cppType(const Type& t, bool fourState) {
    if (t.isReal) return "double";
    return fmt::format("{}<{}, {}>", fourState ? "Logic" : "Bits", t.width,
                       t.isSigned ? "true" : "false");
}

inline std::string realLiteral(double d) {
    if (std::isnan(d)) return "(0.0 / 0.0)";
    if (std::isinf(d)) return d > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)";
    std::string s = fmt::format("{:.17g}", d);
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    return s;
}

inline std::string stringOf(const rt::Value& v) {
    return rt::fmt::value_text(v);
}

// The radix variant of a display-like task name: 'd' for PREFIX itself, 'b'/'o'/'h' for
// PREFIXb/o/h; none for other names.
inline std::optional<char> radixVariant(const std::string& name, const char* prefix) {
    std::string p = prefix;
    if (name == p) return 'd';
    if (name.size() == p.size() + 1 && name.compare(0, p.size(), p) == 0) {
        char c = name.back();
        if (c == 'b' || c == 'o' || c == 'h') return c;
    }
    return std::nullopt;
}

// Something a value can be stored into (an output argument of a host call).
inline bool hasHostCall(const Expr* e) {
    if (!e) return false;
    if (e->kind == ExprKind::SystemCall && isHostCall(e->name)) return true;
    for (const auto& o : e->operands)
        if (hasHostCall(o.get())) return true;
    return false;
}

inline bool isAssignable(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Signal:
    case ExprKind::ArrayElement:
        return true;
    case ExprKind::Select:
        return e.operands[0] && isAssignable(*e.operands[0]);
    case ExprKind::Concat:
        for (const auto& o : e.operands)
            if (!o || !isAssignable(*o)) return false;
        return true;
    default:
        return false;
    }
}

// A wait site: one event control (or wait condition) of one process.
struct WaitItem {
    Edge edge = Edge::Any;
    const Expr* expr = nullptr;
    Type type;
};
// An inline activation of an automatic task: the routine and its frame.
using FrameRef = std::pair<RoutineId, uint32_t>;
struct WaitSite {
    uint32_t proc = 0;
    std::vector<WaitItem> items;
    std::vector<FrameRef> frames; // automatic task frames the items are evaluated in
};

// --sched static, per level: the processes scanned (quiet: in any order, their effects reach
// no process that waits) and how many run from the level's queue in the order they were woken
// (their writes or non-blocking updates wake processes, whose order Icarus keeps).
inline constexpr size_t kScanRun = 32; // scanned processes per run flag (LevelSplit)

struct LevelSplit {
    std::vector<std::vector<uint32_t>> scanned;
    std::vector<uint32_t> queued;
    // Scanned processes in runs of kScanRun per level, each run with a flag (lc[run]), so a
    // scan skips the runs where nothing waits (a level of constant drivers is large and idle).
    std::map<uint32_t, uint32_t> run; // scanned process -> its run
    uint32_t runs = 0;
};

// A leaf of a non-blocking assignment target.
struct NbaLeaf {
    SignalId sig = kNone;
    bool elem = false;     // an array element
    bool part = false;     // a bit/part select at a run-time offset
    Type type;             // the leaf value's type
    bool delayed = false;  // some update of it has an intra-assignment delay
    int64_t word = -1;     // an element at a constant index: its flat index
    bool constPart = true; // a part: every update of it is at a constant offset, undelayed
};

// A whole-variable leaf, or a whole element at a constant index, has a shadow in State
// (nv<leaf>, np[leaf]) that holds its first pending update of the time slot, so that update is
// queued without packing its value.
inline bool shadowed(const NbaLeaf& l) {
    return (!l.elem || l.word >= 0) && !l.part && !l.type.isReal;
}

struct Unsupported {
    SourceLoc loc;
    std::string what;
};

// tran, rtran, tranif0/1, rtranif0/1: bidirectional switches (strengths.cpp).

// outline.cpp: the size of the largest generated function in `code`, and whether a model
// whose largest function has that size compiles in reasonable time with the value library's
// operations force-inlined.
size_t largestFunction(std::string_view code);
bool forcedInlineAffordable(size_t largestFunctionBytes);

class Generator {
  public:
    Generator(const Design& d, const plan::ModelPlan& plan, const frontend::SourceManager& sm,
              frontend::Diagnostics& diags, const Options& o)
        : d_(d), plan_(plan), sm_(sm), diags_(diags), opt_(o), fourState_(!o.twoState) {}

    std::optional<Model> run();
    std::string startProcesses() const; // model_source.cpp: time-0 activation
    // static_comb.cpp (--sched static): which continuous processes settle by level.
    void planStaticComb();
    bool orderFree(const NbaLeaf& l) const;
    bool quiet(SignalId sig) const;
    bool quietProcess(uint32_t p) const; // statically run, no NBA, writes only quiet signals
    std::string staticScans() const;
    const LevelSplit& levelSplit() const;
    mutable std::optional<LevelSplit> levelSplit_; // levelSplit(): decided once
    mutable std::map<SignalId, bool> quiet_;       // quiet(): decided signals
    std::string nbaLeafPushers() const;
    std::string commitFree() const;
    std::vector<std::pair<size_t, std::string>> commitItems(const std::string& ind) const;
    std::vector<std::string> commitChunkBodies() const;
    std::string commitChunks() const; // before struct M: commit_free_chunk_<c> when many leaves
    static constexpr size_t kCommitChunk = 256;
    std::string genStaticAlways(uint32_t id);
    std::string staticMembers() const;
    std::string staticTriggers() const;
    std::string staticTrigger(uint32_t p) const;
    std::string staticSettle() const;
    std::string staticInit() const;
    // clock_runners.cpp (--sched static): clocked blocks run from their clock's runner.
    bool directCandidate(uint32_t id) const;
    // The plan of model process p.
    const plan::ProcessPlan& processPlan(uint32_t p) const {
        return plan_.processes[size_t(procs_[p] - d_.processes.data())];
    }
    std::string processFunction(uint32_t id, const std::string& body);
    std::string genDirectClocked(uint32_t id);
    std::string armAt(uint32_t site);
    void decideClockRunners();
    std::string clockRunnerMembers() const;
    std::string clockRunnerInit() const;
    std::string armFunctions() const;
    std::string clockRunnerWake(uint32_t group) const;
    std::string clockRunnerCode() const;
    std::string clockRunnerDispatch() const;
    uint32_t clockRunnerCount() const { return static_cast<uint32_t>(runners_.size()); }
    bool groupHasRunner(uint32_t g) const { return groupRunner_.count(g) != 0; }

  private:
    const Design& d_;
    const plan::ModelPlan& plan_; // what the planning stage decided (src/plan/)
    const frontend::SourceManager& sm_;
    frontend::Diagnostics& diags_;
    const Options& opt_;

    std::vector<SignalId> rep_;
    std::vector<uint32_t> procIds_; // ir process index -> model process id (kNone: none)
    std::vector<const Process*> procs_;
    std::vector<bool> isCa_;
    std::vector<WaitSite> sites_;
    // Wait groups (timing.cpp): sites that wait on the same plain signals with the same edges
    // share one list of waiting processes, woken most recent waiter first, as Icarus Verilog
    // wakes the threads of one event (docs/implementation-defined.md, "Wake order").
    std::map<std::vector<std::pair<int, SignalId>>, uint32_t> groupIds_;
    std::vector<uint32_t> groupFirstSite_; // per group: the site whose items it evaluates
    // Per group: every item is a change of a whole signal whose writes call its fanout only on
    // a change of value, so a call of the group from a fanout is itself the event and the
    // group keeps no copies of the values.
    std::vector<bool> groupChangeOnly_;
    std::vector<uint32_t> siteGroup_;          // per site: its group, or kNone
    std::map<uint32_t, uint32_t> staticLevel_; // --sched static: model process -> its level
    uint32_t staticLevels_ = 0;                // --sched static: levels with processes
    std::set<uint32_t> staticAlways_;          // --sched static: always blocks run in level order
    // Parts of one split block (plan/split_blocks.cpp) run by level: per family its processes;
    // per process its family. The first run of one part starts the others (4-state).
    std::vector<std::vector<uint32_t>> families_;
    std::map<uint32_t, uint32_t> familyOf_;
    std::vector<NbaLeaf> leaves_;
    std::map<uint32_t, std::set<uint32_t>> procLeaves_; // model process -> the NBA leaves it pushes
    // Clock runners (clock_runners.cpp): a direct candidate's wait site (its arm_<p> call),
    // the candidates made direct (process -> index into darm), and per runner its group and
    // its blocks in model order.
    uint32_t armingProc_ = kNone;
    std::map<uint32_t, uint32_t> armSite_;
    std::map<uint32_t, uint32_t> directIndex_;
    struct ClockRunner {
        uint32_t group;
        std::vector<uint32_t> procs;
    };
    std::vector<ClockRunner> runners_;
    std::map<uint32_t, uint32_t> groupRunner_; // wait group -> its runner
    // Leaves that apply the same way (target, element/part, value type) share one id, so
    // apply_nba has one case per distinct update rather than one per source site: its size
    // made NVRTC and ptxas take minutes on designs with thousands of NBA sites.
    std::map<std::tuple<SignalId, bool, bool, std::string, int64_t>, uint32_t> leafIds_;
    // The setter call (or direct store target) of a shadowed leaf (nba_shadows.cpp).
    std::string leafSetter(const NbaLeaf& l, const std::string& value) const;
    std::string leafStorage(const NbaLeaf& l) const;
    mutable std::optional<std::set<SignalId>> queuedSigs_; // orderFree(): some update is queued
    bool mirrored(const NbaLeaf& l) const;
    bool mirrorable(const NbaLeaf& l) const;
    // The variables whose updates at constant parts go into the shadow of their whole leaf
    // (nba_part_<N>), with that leaf: the variable's leaf, or none.
    std::optional<uint32_t> partsMerged(SignalId sig) const;
    mutable std::optional<std::map<SignalId, std::optional<uint32_t>>> partsMerged_;
    // Copies into mirrored shadows: all (init(): each starts as its variable) or one variable's.
    std::string mirrorCopies(SignalId only = kNone) const;
    std::set<SignalId> syncedShadows_; // variables whose initialiser copies them to their shadows
    std::string shadowSyncs() const;   // sync_shadow_s<N>: the copies (nba_shadows.cpp)
    mutable std::optional<std::map<std::pair<SignalId, int64_t>, uint32_t>> mirrorCount_;
    // How commit_free commits each order-free leaf: through its setter (a force or procedural
    // assign may hold it), a plain store (nobody waits on it), or in a group of leaves with the
    // same fanout. A group has a written flag (gw[k]) that its leaves' pushers set, so the commit
    // skips the groups no update of the slot touched.
    // A group whose leaves are all mirrored leaves of whole variables commits as a block: its
    // variables, and their shadows in the same order, are declared one after the other in
    // State, so the commit compares and copies one range of words instead of each leaf. (The
    // stored leaves as one block made synth LANES=64 2x slower on the development machine,
    // unexplained; they stay leaf by leaf.)
    struct FreeCommit {
        std::vector<uint32_t> held, stored;
        std::vector<std::vector<uint32_t>> groups;
        std::vector<bool> groupBlock;         // per group: it commits as a block
        std::map<uint32_t, uint32_t> groupOf; // leaf -> its group, where the group is flagged
    };
    bool blockable(uint32_t leaf) const;
    std::string commitFanout(SignalId sig) const; // a single leaf's fanout in the commit
    // The blocks, each a list of leaves in declaration order (nba_shadows.cpp).
    std::vector<std::vector<uint32_t>> commitBlocks() const;
    std::string blockCommit(const std::vector<uint32_t>& b, const std::string& fast,
                            const std::string& slow, const std::string& ind) const;
    static constexpr size_t kFlaggedGroup = 2; // leaves of a group with a written flag
    const FreeCommit& freeCommit() const;
    mutable std::optional<FreeCommit> freeCommit_;
    std::optional<int64_t> constFlatIndex(const Expr& ae) const;
    // Bounds for sizing the NBA queue of one time slot (see nbaQueueSize): pushes and value
    // words, a push inside a loop counted kLoopNbaPushes times.
    static constexpr uint64_t kLoopNbaPushes = 1024;
    // Cases per chunk function of the process and NBA dispatch, and signal initialisations per
    // chunk of init (model_source.cpp): bounds on the size of one generated function.
    static constexpr uint32_t kProcChunk = 2048;
    static constexpr uint32_t kLeafChunk = 1024;
    static constexpr uint32_t kInitChunk = 2048;
    uint32_t loopDepth_ = 0;
    struct NbaBound {
        uint64_t pushes = 0, words = 0;         // per slot, a site in a loop counted many times
        uint64_t sitePushes = 0, siteWords = 0; // the same, of the sites outside loops
    };
    std::vector<NbaBound> leafBounds_; // per leaf (nbaQueueSize adds those that use the queue)
    bool delayedNba_ = false;
    std::vector<ServiceSite> svc_;
    std::vector<std::string> svcPack_; // per service site: the packing code
    std::vector<uint32_t> svcCmpWords_;
    std::vector<std::string> temps_; // extra state members
    // Module paths (specify): per input signal (a representative) which change times its
    // fanout keeps (bit 0: any change, 1: rising, 2: falling); the init lines of the paths' bits.
    std::map<SignalId, unsigned> pathStamps_;
    std::vector<std::string> pathInit_;
    std::map<SignalId, std::set<uint32_t>> sigSites_, sigCas_;
    bool failed_ = false;

    // Per process being generated.
    uint32_t curProc_ = 0;
    uint32_t nextResume_ = 0;
    ScopeId curScope_ = kNone;
    bool inFunction_ = false;
    // processes.cpp: the variables of the function being written that live in C++ locals, and
    // whether something read one from outside the function's code (a deep expression's flat
    // function), so the function is written again with its frame.
    std::map<SignalId, std::string> cppLocal_;
    // Variables read as known values (X/Z checked before the code runs; clock_runners.cpp).
    std::set<SignalId> knownReads_;
    bool localEscaped_ = false;
    bool localFunction(RoutineId r) const;
    std::string genFunctionAs(RoutineId r, bool local);
    std::string outlined_;  // parts of the current process body moved into functions of their own
    uint32_t nextPart_ = 0; // parts so far (the model's: names stay unique across fork branches)
    std::vector<RoutineId> taskStack_;
    std::string out_;

    // Value types: Bits in 2-state mode, except while fourState_ is set (values that keep
    // X/Z internally: casez/casex wildcards, net resolution).
    bool fourState_ = true;
    std::string cppType(const Type& t) const { return detail::cppType(t, fourState_); }
    std::string logicType(const Type& t) const { return detail::cppType(t, true); }
    std::string vecName() const { return fourState_ ? "Logic" : "Bits"; }
    // A value `code` (4-state while fourState_ is forced on) as the stored type of t.
    std::string toStored(const std::string& code, const Type& t) const {
        if (!opt_.twoState || !fourState_ || t.isReal) return code;
        return fmt::format("{}({})", detail::cppType(t, false), code);
    }
    // A driver's own copy of a resolved net (dv<net>_<k>) keeps X/Z: Logic in both modes.
    std::string toSlot(const std::string& code, const Type& t) const {
        return opt_.twoState ? fmt::format("{}({})", logicType(t), code) : code;
    }
    // 2-state mode: a continuous driver of a net with several drivers (multi_) computes its
    // value 4-state, so z and x reach the resolution.
    bool drivesResolvedNet(const Process& p) const;
    // 2-state mode: combinational always blocks (`always @*`, `always @(a or b)`) run once at
    // time 0 without waiting, as Verilator settles them (no X -> value change wakes them).
    bool settleNext_ = false;           // the next event control is such a block's
    std::vector<uint32_t> settleProcs_; // processes with a `settled<p>` flag
    bool combinational(const Process& p) const;
    // 2-state mode: a casez/casex item keeps its X/Z bits as wildcards (statements.cpp).
    std::string caseWildItem(const Expr& x, const Type& ct);
    // real_truth(code) (a Logic<1>) as a 1-bit value.
    std::string realTruth(const std::string& code) const {
        return asVec(fmt::format("real_truth({})", code), Type::integral(1, false));
    }
    // A runtime helper's 4-state (Logic) result `code` as a value of type t.
    std::string asVec(const std::string& code, const Type& t) const {
        return fourState_ ? code : fmt::format("{}({})", cppType(t), code);
    }
    // Sets fourState_ for a scope (RAII).
    struct FourState {
        bool& flag;
        bool was;
        FourState(bool& f, bool on) : flag(f), was(f) { flag = on; }
        ~FourState() { flag = was; }
        FourState(const FourState&) = delete;
        FourState& operator=(const FourState&) = delete;
    };

    void unsupported(SourceLoc loc, const std::string& what) {
        diags_.error(loc, fmt::format("the simulator does not support {} yet", what));
        failed_ = true;
    }
    std::string where(SourceLoc loc) const {
        return fmt::format("{}:{}", sm_.displayName(loc), sm_.displayLineCol(loc).line);
    }

    SignalId rep(SignalId s) const {
        while (rep_[s] != s) s = rep_[s];
        return s;
    }
    Type storageType(SignalId id) const {
        const Signal& sg = d_.signals[id];
        switch (sg.kind) {
        case SignalKind::Real:
        case SignalKind::Realtime:
            return Type::real();
        case SignalKind::Event:
            return Type::integral(32, false);
        default:
            return sg.type;
        }
    }
    static constexpr const char* kLaterFanout = "MF_LATER_FANOUT(";
    std::string laterFanout(SignalId i) const;
    void resolveLaterFanouts(std::string& source) const;
    bool timescaleObject(const Expr& e, std::string& name, ScopeId& scope) const;
    ScopeId moduleOf(ScopeId s) const {
        while (s != kNone && d_.scopes[s].kind != ScopeKind::Module) s = d_.scopes[s].parent;
        return s;
    }
    int timeUnit(ScopeId s) const {
        ScopeId m = moduleOf(s);
        if (m == kNone || !d_.scopes[m].timescale.specified) return 0;
        return d_.scopes[m].timescale.unit;
    }
    uint64_t timeScale(ScopeId s) const {
        uint64_t k = 1;
        for (int i = d_.globalPrecision(); i < timeUnit(s); ++i) k *= 10;
        return k;
    }

    void collectReads(const Expr* e, std::set<SignalId>& out, std::set<RoutineId>& seen) const;
    bool partWritableInPlace(SignalId s) const;
    // known: the offset when it is a constant (constantOffset), and the part's width.
    std::string inPlacePartWrite(SignalId s, const std::string& off, const std::string& v,
                                 std::optional<int64_t> known = std::nullopt,
                                 uint32_t width = 0) const;
    void collectTargetReads(const Expr* t, std::set<SignalId>& out,
                            std::set<RoutineId>& seen) const;
    void setupAliases();
    bool checkDrivers();

    // Expressions
    std::string expr(const Expr& e);
    std::string exprAs(const Expr& e, const Type& t);
    std::string convert(const std::string& code, const Type& from, const Type& to);
    std::string exprNatural(const Expr& e, Type& natural);
    std::string exprNode(const Expr& e, Type& natural);
    std::string flattenDeep(const Expr& e, Type& natural);
    std::string indexOffset(const Expr& sel, std::string& base);
    static std::optional<int64_t> constIndex(const Expr& ix);
    static std::optional<int64_t> constantOffset(const Expr& sel);
    std::string flatIndex(const Expr& ae);
    static bool hasCall(const Expr& e) {
        if (e.kind == ExprKind::Call) return true;
        for (const auto& o : e.operands)
            if (o && hasCall(*o)) return true;
        return false;
    }

    // Deep expressions (flat_expressions.cpp): while one is written, the heights of its
    // side-effect-free subtrees and the temporaries hoisted out of it so far.
    struct ExprFlattening {
        struct Temp {
            std::string name, type;
        };
        std::unordered_map<const Expr*, int> height;
        std::vector<Temp> pending; // computed, not yet used by a later temporary
        std::string temps;         // the lambda's statements
    };
    ExprFlattening* flat_ = nullptr;
    int exprDepth_ = 0;
    std::string flatFunctions_; // the subtrees' functions, written after the accessors
    uint32_t nextFlat_ = 0;

    // Statements
    void line(int indent, const std::string& s) {
        out_ += std::string(static_cast<size_t>(indent) * 4, ' ');
        out_ += s;
        out_ += '\n';
    }
    void stmt(const Stmt& st, int ind);
    void stmtCode(const Stmt& st, int ind);
    bool outlineIfLarge(size_t mark, uint32_t resumeMark, int ind);
    std::string takeOutlined();
    void store(const Expr& lhs, const std::string& value, int ind);
    void nbaStore(const Expr& lhs, const std::string& value, int ind);
    void storeConcat(const Expr& lhs, const std::string& value, int ind, bool nonBlocking);
    void suspend(int ind, const std::string& how);
    void timing(const Timing& t, int ind);
    uint32_t waitSite(const std::vector<WaitItem>& items, int ind);
    uint32_t waitGroup(uint32_t site);
    // The statement that makes process `proc` wait at `site`.
    std::string waitOn(uint32_t proc, uint32_t site) const;
    void systemTask(const Stmt& st, int ind);
    void taskCall(const Stmt& st, int ind);
    // A resume point that waits there until the service ring has room; returns its number.
    uint32_t ringYield(int ind) {
        uint32_t k = ++nextResume_;
        line(ind, fmt::format("R{}:;", k));
        line(ind, fmt::format("if (ring_full(s.sched)) {{ s.pc[{}] = {}; return kRingFull; }}",
                              curProc_, k));
        return k;
    }
    uint32_t serviceSite(const Stmt& st, char conv, bool newline);
    uint32_t serviceSite(const std::string& task, SourceLoc loc,
                         const std::vector<const Expr*>& args, char conv, bool newline,
                         const std::vector<bool>& isOutput = {});

    // Host calls (host_calls.cpp): system functions and tasks only the host can answer. Before
    // a statement evaluates an expression, prepareHostCalls() emits each host call in it (a
    // resume point where the process waits for the answer) and keeps the result in State;
    // expr() then reads that member.
    std::map<const Expr*, std::string> hostResults_;
    void prepareHostCalls(const Expr* e, int ind);
    void prepareHostCalls(const Stmt& st, int ind);
    std::string hostCall(const std::string& task, SourceLoc loc,
                         const std::vector<const Expr*>& args, const Type* result, int ind);
    uint32_t replyWords_ = 1;
    // File I/O tasks (file_tasks.cpp): true when `st` is one of them (code emitted).
    bool fileTask(const Stmt& st, int ind);
    void memoryTask(const Stmt& st, int ind);
    // $sformat, $swrite*, $timeformat, $printtimescale (string_tasks.cpp): true when `st` is
    // one of them (code emitted).
    bool stringTask(const Stmt& st, int ind);
    // $random and $dist_* (random.cpp).
    std::string randomCall(const Expr& e, Type& nat);

    std::string genProcess(uint32_t id);
    // module_paths.cpp: the function mpd_<id>(s, from, to) that picks a module path's delay.
    void collectPathStamps();
    std::string modulePathDelay(uint32_t id, const ir::Process& p);
    std::string pathStampCode(SignalId i) const;
    std::pair<uint32_t, uint32_t> nbaQueueSize() const; // (entries, pool words)
    void gateBody(const Process& p, int ind, bool valueOnly = false);
    std::string gateValue(const Process& p);
    void udpBody(const Process& p, int ind);    // udp.cpp
    std::map<uint32_t, std::string> udpSample_; // sequential UDP process -> udp_sample_<n>
    std::vector<uint32_t> timers_;
    std::string nbaDelay_; // non-empty: the NBA leaves go to a future slot this many ticks ahead
    std::string nbaPush(const std::string& args) const {
        return nbaDelay_.empty()
                   ? fmt::format("nba_push(s.sched, {})", args)
                   : fmt::format("nba_push_delayed(s.sched, {}, {})", args, nbaDelay_);
    }
    // Counts a loop iteration against the time slot's activation limit (a loop without
    // delays is reported, not hung on).
    void loopGuard(int ind) {
        if (inFunction_) {
            stepGuard(ind);
            return;
        }
        line(ind, fmt::format("if (++s.sched.slot_steps > s.sched.slot_limit) {{ "
                              "model_error(s.sched, kErrZeroDelayLoop, {}); return kError; }}",
                              curProc_));
        stepGuard(ind);
    }
    // --max-proc-steps: counts a loop iteration or routine call of the running activation.
    void stepGuard(int ind);
    std::vector<const Expr*> targets(const Process& p) const;
    // targets() with concatenations taken apart: the signals and selects a process drives.
    std::vector<const Expr*> targetLeaves(const Process& p) const;
    std::vector<const Expr*> sources(const Process& p) const;
    std::vector<std::pair<ScopeId, std::string>> disableTargets_;
    std::set<std::string> usedLabels_; // labels some disable jumps to
    uint32_t nextLabel_ = 0;
    std::string genFunction(RoutineId r);

    // Processes made by code generation: fork branches and force/assign sites. Model process
    // ids: the IR processes first (procs_), then these.
    struct Synth {
        bool force = false; // a force/assign site (else a fork branch)
        uint32_t parent = kNone;
        SourceLoc loc;
        std::string code;
    };
    std::vector<Synth> synth_;
    uint32_t procCount() const { return static_cast<uint32_t>(procs_.size() + synth_.size()); }
    uint32_t spawnChild(const Stmt& body, uint32_t joinTemp);

    // `disable` of a block or task from outside it: every place the scope's code was generated
    // (its process and the range of resume points inside it, the resume point after it) and
    // the fork branches started inside it.
    struct ScopeInst {
        ScopeId scope = kNone;
        uint32_t proc = 0;
        uint32_t lo = 0, hi = 0, after = 0;
        std::vector<uint32_t> kill;
    };
    std::set<ScopeId> disabled_; // scopes some disable names (the plan's disabledScopes)
    std::vector<ScopeInst> scopeInsts_;
    std::vector<size_t> openInsts_;
    std::set<ScopeId> outsideDisables_; // scopes disabled from outside: disable_scope_<id>

    // force/release and assign/deassign of whole signals: each force or assign statement is a
    // site that, while it is the signal's active force (or assign), writes its value through
    // put_s<id> whenever something its right-hand side reads changes; set_s<id> writes nothing
    // while a force (or, for variables, an assign) is active.
    struct PcaSite {
        SignalId sig = kNone;
        bool force = false;
        const Expr* rhs = nullptr;
        Type lhsType;
        ScopeId scope = kNone;
        int64_t lo = 0, w = 0; // force: the forced bits
    };
    std::vector<PcaSite> pcaSites_;
    std::set<SignalId> forced_, assigned_;          // signals with force / assign sites
    std::map<SignalId, std::set<uint32_t>> sigPca_; // signal -> sites reading it
    void procContinuous(const Stmt& st, int ind);
    std::string maskType(SignalId sg) const { // forced bits (a flag for reals)
        return storageType(sg).isReal ? "u32" : cppType(storageType(sg));
    }

    // Nets with overlapping drivers: each driver (a continuous process) writes its own copy of
    // the net, `dv<net>_<k>`, and resolve_s<net> combines them by net type.
    std::map<SignalId, std::vector<uint32_t>> multi_; // net -> driver processes
    std::map<SignalId, int> pulls_;                   // pullup (1) / pulldown (0) nets
    std::string slotOf(SignalId sg) const {
        if (curProc_ >= procs_.size() || !isCa_[curProc_]) return "";
        auto it = multi_.find(sg);
        if (it == multi_.end()) return "";
        for (size_t k = 0; k < it->second.size(); ++k)
            if (it->second[k] == curProc_) return fmt::format("s.dv{}_{}", sg, k);
        return "";
    }
    // Strength nets (strengths.cpp): nets whose bits carry strength values (rt/strength.h),
    // `sv<net>[bit]`. Their drivers write their own copies (`dv<net>_<k>`: a value with the
    // driver's constant drive strength, or strength bytes for gates and switches); constant
    // drivers (supply, tri0/tri1, pullup/pulldown) are one byte per net. Bits joined by
    // bidirectional switches form groups: `sl<net>` holds the bits' own resolution, the group
    // combines them through its switches into `sf<net>`, and commit_s<net> stores the result.
    struct SvNet {
        std::vector<uint8_t> konst; // per bit: the constant drivers' resolution (0x87: none)
        std::vector<int> group;     // per bit: its switch group, -1 for none
        bool grouped = false;
    };
    std::map<SignalId, SvNet> svNets_;
    struct SwEdge {
        uint32_t proc = 0;     // the switch process
        uint32_t a = 0, b = 0; // node indices in the group
    };
    struct SwGroup {
        std::vector<std::pair<SignalId, uint32_t>> nodes; // (net, bit)
        std::vector<SwEdge> edges;
        std::set<SignalId> nets;
    };
    std::vector<SwGroup> swGroups_;
    std::map<uint32_t, std::set<uint32_t>> swGroupOf_; // switch (or inout port) -> groups
    bool inoutPort(const Process& p) const;            // an inout port connection joined bit by bit
    bool planStrengths(const std::map<SignalId, std::vector<uint32_t>>& drivers,
                       const std::set<SignalId>& overlap);
    bool isSvNet(SignalId s) const { return svNets_.count(s) != 0; }
    // A net bit named by e (a 1-bit net, or a constant bit-select of a net).
    bool netBit(const Expr* e, SignalId& net, uint32_t& bit) const;
    // The net bits [lo, lo + w) named by e (a net, or constant selects of one).
    bool netRange(const Expr* e, SignalId& net, uint32_t& lo, uint32_t& w) const;
    bool byteSlot(SignalId net, size_t k) const; // driver k of the net writes strength bytes
    bool byteGate(const Process& p) const;
    std::string svRead(const Expr& e);
    std::string gateByte(const Process& p);
    void gateStoreByte(const Process& p, const std::string& g, int ind);
    std::string strengthCode();
    std::string strengthInit() const;
    std::string strengthMembers() const;
    std::string undrivenInit() const; // nets.cpp
    size_t openScope(ScopeId sc);
    void closeScope(size_t inst, int ind);

    // Automatic routines (frames.cpp). Every automatic routine has an array of frames in State
    // (`fr<r>`) and a current frame (`fcur<r>`) that its variables' accessors use. A function
    // pushes a frame per call (a stack of opt_.frameDepth); an automatic task is inlined and
    // each inline site owns one frame, made current on entry and at every resume point inside.
    struct FrameSpan {
        uint32_t lo = 0, hi = 0; // resume points of the current process inside the site
        FrameRef frame;
    };
    std::vector<FrameSpan> spans_;             // of the process being generated
    std::vector<FrameRef> frameCtx_;           // inline automatic task sites open here
    std::vector<FrameRef> baseFrames_;         // a fork branch: the frames open at its fork
    std::map<RoutineId, uint32_t> taskFrames_; // automatic task -> inline sites
    RoutineId routineOf(SignalId s) const;
    std::vector<FrameRef> currentFrames() const {
        std::vector<FrameRef> f = baseFrames_;
        f.insert(f.end(), frameCtx_.begin(), frameCtx_.end());
        return f;
    }
    std::string frameStructs() const;
    std::string frameMembers() const;
    std::string frameAccessors(SignalId i) const;
    bool singleFrame(RoutineId r) const; // a function with one frame (not recursive)
    bool hasFanout(SignalId i) const;    // a write of i can wake or trigger something
    // m lists something for i (the wait sites, processes or force sites a signal wakes).
    static bool listed(const std::map<SignalId, std::set<uint32_t>>& m, SignalId i) {
        auto it = m.find(i);
        return it != m.end() && !it->second.empty();
    }
    // A setter's lines for i (frames.cpp): the return when the value is unchanged, the fanout.
    std::string unchangedReturn(SignalId i, const std::string& ref) const;
    std::string fanoutCall(SignalId i) const;
    std::string fanoutCode(SignalId i) const; // the fanout's call, or its triggers written out
    bool directSettable(SignalId s) const;
    std::set<SignalId> directSetters_; // signals some setd_s<n> call stores
    std::set<SignalId> wakesNothing_;  // no fanout: their writes store without comparing
    std::string frameInit() const;
    std::string resumeSwitch(uint32_t proc);
    size_t autoTaskEnter(RoutineId r, int ind); // returns the span
    void autoTaskLeave(size_t span);
    void autoFunctionEnter(RoutineId r);
    void autoFunctionLeave(RoutineId r);

    // Intra-assignment event controls (intra_events.cpp).
    bool eventItems(const Timing& t, std::vector<WaitItem>& items);
    void repeatEvent(const Timing& t, int ind);
    void nbaEvent(const Stmt& st, int ind);

    // VCD dumping (dump.cpp): the dumped variables and values, the State members and
    // functions of the model's dumper, and the $dump* system tasks.
    DumpInfo dump_;
    std::map<SignalId, uint32_t> dumpVarOf_;   // signal -> variable
    std::map<SignalId, uint32_t> dumpValueOf_; // merged signal -> value
    std::vector<SignalId> dumpValueSig_;
    bool dumpUsed_ = false;
    uint32_t dumpPayload() const;
    bool dumpTask(const Stmt& st, int ind);
    void dumpSignal(SignalId sg, std::vector<uint32_t>& out);
    void dumpScope(ScopeId sc, int64_t levels, std::vector<uint32_t>& out);
    std::string dumpMembers() const;
    std::string dumpCode() const;
    std::string dumpInit() const;
};

} // namespace metalfpga::codegen::detail
