#pragma once
// The contract between a generated model and its host: what code generation returns beside the
// model source (codegen::generate), and what the runtime, the standalone host and the backends
// read to run it. Header-only, so that the host side needs no code generator.
//
// One ServiceSite per $display-like call or host call: its format arguments, where each
// argument's value sits in the record payload, the scope for %m and the time unit for %t.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace metalfpga::contract {

struct SiteArg {
    enum Kind { Vector, Real, String, Empty } kind = Vector;
    uint32_t width = 1;
    bool isSigned = false;
    std::string text;    // String: the literal
    uint32_t offset = 0; // payload word offset (Vector: a-plane then b-plane; Real: one word)
    // Vector of a net with strengths: its strength bytes (rt/strength.h), eight a word, from
    // payload word `svOffset`, for %v.
    bool strength = false;
    uint32_t svOffset = 0;
    // Real from $realtime: printed without a format with this many decimals (its module's unit
    // less its precision), as Icarus does; -1: as any real (%#g).
    int realtimeDigits = -1;
};

// A value the host writes into the reply area of a host call: at word `offset`, a-plane then
// b-plane words of `width` bits, or one double word for a real.
struct ReplySlot {
    uint32_t width = 32;
    bool isSigned = true;
    bool isReal = false;
    uint32_t offset = 0;
};

struct ServiceSite {
    std::string task; // "$display", "$monitorh", "$value$plusargs", ...
    char defaultConv = 'd';
    bool newline = true;
    std::vector<SiteArg> args;
    std::string scope; // %m
    int timeUnit = 0;  // the calling module's time unit (power of ten seconds)
    std::string where; // file:line
    // Host calls only: the function's result, and per argument the reply slot of an output
    // argument (-1: an input, passed in `args`). Reply word 0 has bit i set when the host wrote
    // output i (outputs it leaves alone keep their value).
    bool hasResult = false;
    ReplySlot result;
    std::vector<int> outputOf;
    std::vector<ReplySlot> outputs;
    // $readmem*/$writemem* (src/codegen/file_tasks.cpp): the memory's declared range, its word
    // width and element count, and the words moved per host call (see docs/architecture.md).
    int64_t memMsb = 0, memLsb = 0;
    uint32_t memWidth = 0, memChunk = 0;
    uint64_t memCount = 0;
};

// VCD dumping ($dumpvars and friends, src/codegen/dump.cpp). Code generation resolves every
// $dumpvars call to variables; merged signals share one dumped value. kSvcDump records carry an
// operation (`a`, DumpOp), the value or call index (`site`) and the value's words (payload).
enum DumpOp : uint32_t {
    kDumpFile = 1,  // $dumpfile: site = service site (argument 0 is the name)
    kDumpVars = 2,  // $dumpvars called: site = DumpInfo::calls index
    kDumpBegin = 3, // a section starts: b = 1 ($dumpvars: the header), 2 ($dumpon), 3 ($dumpall)
    kDumpValue = 4, // site = value index, payload = its words (a section's value, or a change)
    kDumpEnd = 5,   // the section ends
    kDumpOff = 6,   // $dumpoff
    kDumpLimit = 7, // $dumplimit: site = service site (argument 0 is the limit)
    kDumpFlush = 8, // $dumpflush
    kDumpLast = 9,  // the last time step ran (no events remain): the file ends at its time
};

struct DumpVar {
    std::vector<std::pair<std::string, std::string>> scope; // (kind, name) from the top
    std::string name;
    std::string type; // wire, reg, integer, time, real, event, tri, ...
    uint32_t width = 1;
    std::string range;  // "[7:0]" or ""
    uint32_t value = 0; // DumpInfo::values index
    std::string path;
};
struct DumpValue {
    uint32_t width = 1;
    bool isReal = false;
    bool isEvent = false;
};
struct DumpInfo {
    std::vector<DumpVar> vars;
    std::vector<DumpValue> values;
    std::vector<std::vector<uint32_t>> calls; // per $dumpvars call: the variables it selects
};

struct Model {
    std::string source;
    std::vector<ServiceSite> sites;
    std::vector<std::string> processWhere; // per process: "file:line kind"
    std::vector<std::string> routineWhere; // per routine: "file:line function NAME"
    uint32_t frameDepth = 64;              // codegen::Options::frameDepth it was made with
    uint64_t maxProcSteps = 0;             // codegen::Options::maxProcSteps it was made with
    int precision = 0;                     // global time precision (power of ten seconds)
    uint32_t payloadWords = 1;
    uint32_t replyWords = 1;
    uint32_t ringCapacity = 256;
    uint32_t nbaEntries = 0; // non-blocking updates one time slot can queue
    DumpInfo dump;
};

} // namespace metalfpga::contract
