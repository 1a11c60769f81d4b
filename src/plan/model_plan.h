#pragma once
// The model plan: what the planning stage decides about a design before any code is written
// (docs/architecture.md, "Planning stage"). Passes over the design IR fill it in, one pass per
// file; `--dump-plan` prints it. Code generation reads the model's processes, the signal
// aliases (`rep`), the disabled scopes and, through start_order.h, the time-0 start order. The
// static schedule that will read the classes and levels (clocked blocks run on their edge,
// combinational logic in level order, the behavioural rest on the event scheduler) is the next
// step; `--sched static` (codegen/static_comb.cpp) is its first, experimental part.

#include "ir/design.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace metalfpga::frontend {
class SourceManager;
}

namespace metalfpga::plan {

using ir::SignalId;

enum class ProcessClass {
    Combinational, // continuous assignments, gates, `always @*` without timing inside
    Clocked,       // `always @(posedge/negedge ...)` without timing inside
    Behavioural,   // everything else: stays on the event scheduler
};
const char* processClassName(ProcessClass c);

struct ProcessPlan {
    ProcessClass cls = ProcessClass::Behavioural;
    std::string reason;          // Behavioural: the first thing found that needs the events
    std::vector<SignalId> reads; // signals the process reads (sorted, whole signals)
    std::vector<SignalId> writes;
    std::vector<std::pair<ir::Edge, SignalId>> clocks; // Clocked: the edges it runs on
    int level = -1;           // Combinational: its level (0 reads no combinational output)
    bool inLoop = false;      // Combinational: part of a cycle, left to the event scheduler
    bool staticRun = false;   // run by level in the static schedule (static_schedule.cpp)
    bool directRun = false;   // Clocked: may run from its clock's runner (direct_clocked.cpp)
    std::string directReason; // Clocked, not directRun: why
    std::vector<SignalId> directEager; // directRun: what it writes at once (must be quiet)
    // directRun, 4-state: the variables it checks for X/Z before it runs a copy of its
    // statements that reads them as known values (known_reads.cpp; sorted).
    std::vector<SignalId> knownReads;
};

// The most 64-bit words of X/Z plane a block checks before its known-value copy.
inline constexpr uint32_t kMaxKnownWords = 16;
// The fewest operators and selects over the checked variables worth that check.
inline constexpr uint32_t kMinKnownOps = 4;

// A construct the model cannot simulate, for code generation to report.
struct Unsupported {
    ir::SourceLoc loc;
    std::string what;
};

struct PlanOptions {
    bool twoState = false;      // a 2-state model (--2state)
    bool staticSchedule = true; // combinational logic run by level (--sched static)
    bool knownCopies = true;    // clocked blocks get known-value copies (known_reads.cpp)
};

struct ModelPlan {
    std::vector<ProcessPlan> processes; // one per Design::processes entry
    // processes.cpp: the model's processes (Design::processes indices) in model order, and
    // which of them are continuous (assignments, port connections, gates, UDPs).
    std::vector<uint32_t> model;
    std::vector<bool> continuous;
    std::map<SignalId, int> pulls; // pullup (1) / pulldown (0) of whole nets
    std::vector<Unsupported> unsupported;
    std::vector<SignalId> rep; // each signal's representative (aliases.cpp)
    SignalId repOf(SignalId s) const { return s < rep.size() ? rep[s] : s; }
    std::set<ir::ScopeId> disabledScopes;      // scopes some `disable` names (disables.cpp)
    std::vector<std::vector<uint32_t>> levels; // combinational processes, level by level
    std::vector<std::vector<uint32_t>> loops;  // combinational cycles (process indices)
    std::set<ir::RoutineId> recursiveRoutines; // on a cycle of the call graph (recursion.cpp)
    // --sched static: the signals (representatives) that only non-blocking assignments update,
    // no process writing them at once but their variable initialiser, which runs before any of
    // the updates (direct_clocked.cpp).
    std::set<SignalId> lateOnly;
};

// accesses.cpp: what each process reads and writes (ProcessPlan::reads/writes).
void collectAccesses(const ir::Design& d, ModelPlan& plan);
// The same for one statement (nested ones and the routines it calls included), and for one
// expression; added to `reads` and `writes`.
void statementAccesses(const ir::Design& d, const ir::Stmt* s, std::set<ir::SignalId>& reads,
                       std::set<ir::SignalId>& writes);
void expressionReads(const ir::Design& d, const ir::Expr* e, std::set<ir::SignalId>& reads);
// classify.cpp: ProcessPlan::cls, reason and clocks.
void classifyProcesses(const ir::Design& d, ModelPlan& plan);
// aliases.cpp: which signals are one signal in the model (ModelPlan::rep); needs the writes.
void planAliases(const ir::Design& d, ModelPlan& plan);
// processes.cpp: ModelPlan::model, continuous, pulls and unsupported; needs the aliases.
void selectProcesses(const ir::Design& d, ModelPlan& plan, const PlanOptions& options);
// disables.cpp: ModelPlan::disabledScopes.
void findDisabledScopes(const ir::Design& d, ModelPlan& plan);
// recursion.cpp: ModelPlan::recursiveRoutines.
void findRecursion(const ir::Design& d, ModelPlan& plan);
// levelize.cpp: the dataflow graph of the combinational processes, its cycles and levels.
void levelize(const ir::Design& d, ModelPlan& plan);

// static_schedule.cpp: ProcessPlan::staticRun; needs the classes and levels.
void chooseStaticRuns(const ir::Design& d, ModelPlan& plan, const PlanOptions& options);
// direct_clocked.cpp: ProcessPlan::directRun and ModelPlan::lateOnly; needs the classes and the
// static runs.
void chooseDirectRuns(const ir::Design& d, ModelPlan& plan, const PlanOptions& options);
// known_reads.cpp: ProcessPlan::knownReads; needs the direct runs.
void chooseKnownReads(const ir::Design& d, ModelPlan& plan, const PlanOptions& options);
// split_blocks.cpp: splits combinational always blocks on cycles into parts that run by level
// (Process::splitOf); before buildPlan. Returns how many blocks were split.
size_t splitLoopBlocks(ir::Design& d, const PlanOptions& options);
// The passes in order.
ModelPlan buildPlan(const ir::Design& d, const PlanOptions& options = {});

// print_plan.cpp: the plan as text (--dump-plan).
void printPlan(const ir::Design& d, const ModelPlan& plan, std::ostream& out,
               const frontend::SourceManager* sm = nullptr);

} // namespace metalfpga::plan
