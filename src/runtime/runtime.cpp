#include "runtime/runtime.h"

#include "backends/common/interrupts.h"
#include "metalfpga/rt/model.h"
#include "runtime/host_calls.h"
#include "runtime/output.h"
#include "runtime/vcd_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace metalfpga::runtime {

namespace {

namespace m = rt::model;

struct RecordHeader {
    uint32_t kind, site, a, b;
    uint64_t time;
};
static_assert(sizeof(RecordHeader) == 24);

// Drains the service rings of all instances, keeping per-instance state on the host.
class Services {
  public:
    Services(const contract::Model& info, const RunOptions& o, uint32_t count)
        : info_(info), o_(o), inst_(count), batch_(count > 1) {
        for (uint32_t i = 0; i < count; ++i) {
            inst_[i].index = i;
            inst_[i].batch = batch_;
            inst_[i].precision = info.precision;
            inst_[i].timeFormat = defaultTimeFormat(info.precision);
            inst_[i].plusargs = o.plusargs;
            if (i < o.perInstance.size())
                for (const auto& p : o.perInstance[i]) inst_[i].plusargs.push_back(p);
        }
    }

    int exitCode() const { return exitCode_; }
    // The errno of the first failed write to the output stream (0: none seen).
    int outputErrno() const { return outErrno_; }
    // Flushes and closes every instance's files (files.cpp) and VCD files.
    void closeFiles() {
        for (auto& i : inst_) i.files.closeAll();
        for (auto& w : vcd_)
            if (w) w->close(); // VCD files (vcd_writer.cpp) end on the same path
    }

    // Handles instance i's records; then writes its output.
    void drain(uint32_t i, m::RingView& rv) {
        InstanceHost& inst = inst_[i];
        const char* base = static_cast<const char*>(rv.records);
        while (*rv.head != *rv.tail) {
            const char* rec = base + static_cast<size_t>(*rv.head % rv.capacity) * rv.stride;
            RecordHeader h;
            std::memcpy(&h, rec, sizeof h);
            const rt::word* payload = reinterpret_cast<const rt::word*>(rec + sizeof h);
            handle(inst, h, payload, rv);
            ++*rv.head;
        }
        flush(inst);
    }

  private:
    void emit(InstanceHost& inst, const std::string& text) { inst.emit(text); }
    void flush(InstanceHost& inst) {
        if (inst.out.empty()) return;
        if (std::fwrite(inst.out.data(), 1, inst.out.size(), o_.out) != inst.out.size() &&
            !outErrno_)
            outErrno_ = errno ? errno : EIO;
        inst.out.clear();
    }
    // Our own messages go to stderr (after the design's output so far).
    template <class... A>
    void message(InstanceHost& inst, fmt::format_string<A...> f, A&&... args) {
        flush(inst);
        std::fflush(o_.out);
        std::string prefix = batch_ ? fmt::format("instance {}: ", inst.index) : "";
        fmt::print(o_.err, "{}{}\n", prefix, fmt::format(f, std::forward<A>(args)...));
    }

    void handle(InstanceHost& inst, const RecordHeader& h, const rt::word* payload,
                m::RingView& rv) {
        const contract::ServiceSite* site =
            h.site < info_.sites.size() ? &info_.sites[h.site] : nullptr;
        switch (h.kind) {
        case m::kSvcDisplay:
        case m::kSvcWrite:
        case m::kSvcStrobe:
        case m::kSvcMonitor:
            if (!site) break;
            if (site->task.rfind("$f", 0) == 0)
                fileOutput(inst, info_, *site, payload); // files.cpp
            else
                emit(inst, formatSite(*site, payload, inst.timeFormat));
            break;
        case m::kSvcFinish:
            if (inst.index < vcd_.size() && vcd_[inst.index]) vcd_[inst.index]->finish(h.time);
            break;
        case m::kSvcDump:
            vcd(inst).record(h.a, h.site, h.b, h.time, payload);
            break;
        case m::kSvcStop:
            message(inst, "metalfpga: $stop at {}: the simulation ends (not interactive)",
                    timeString(info_, h.time));
            break;
        case m::kSvcCall: {
            if (!site) break;
            CallHandler handler = findHostCall(site->task);
            flush(inst);
            CallContext ctx(*site, payload, rv.reply, rv.reply_words, inst, h.time, o_.err);
            if (handler)
                handler(ctx);
            else
                ctx.warn(site->task + " is not answered by this runtime");
            break;
        }
        case m::kSvcError:
            error(inst, h);
            break;
        default:
            break;
        }
    }

    // The instance's VCD writer (src/runtime/vcd_writer.cpp), made on its first record.
    VcdWriter& vcd(InstanceHost& inst) {
        if (vcd_.size() <= inst.index) vcd_.resize(inst.index + 1);
        auto& w = vcd_[inst.index];
        if (!w)
            w = std::make_unique<VcdWriter>(info_, inst.index, o_.vcdDir,
                                            [this, &inst](const std::string& t) { emit(inst, t); });
        return *w;
    }

    void error(InstanceHost& inst, const RecordHeader& h) {
        std::string what;
        if (h.a == m::kErrZeroDelayLoop)
            what = fmt::format("more than {} process activations and loop iterations at time {} "
                               "(a zero-delay loop?); last process: {}",
                               o_.slotLimit, timeString(info_, h.time),
                               (h.b & 0x7fffffffu) < info_.processWhere.size()
                                   ? info_.processWhere[h.b & 0x7fffffffu]
                                   : "?");
        else if (h.a == m::kErrNbaOverflow)
            what = fmt::format("more than {} non-blocking assignments in one time slot at time "
                               "{} (raise the limit with --nba-queue N)",
                               info_.nbaEntries, timeString(info_, h.time));
        else if (h.a == m::kErrStrobeOverflow)
            what = "too many $strobe calls in one time slot";
        else if (h.a == m::kErrFrameOverflow)
            what = fmt::format("more than {} nested calls of the automatic {} (raise "
                               "--frame-depth)",
                               info_.frameDepth,
                               h.b < info_.routineWhere.size() ? info_.routineWhere[h.b] : "?");
        else if (h.a == m::kErrCallDepth)
            what = fmt::format("function calls nested too deeply (more than {} MiB of stack) at "
                               "time {} in {}",
                               m::kModelStackBudget >> 20, timeString(info_, h.time),
                               h.b < info_.routineWhere.size() ? info_.routineWhere[h.b] : "?");
        else if (h.a == m::kErrProcSteps)
            what = fmt::format("a process ran more than {} loop iterations and routine calls "
                               "without suspending (--max-proc-steps) at time {}: {}",
                               info_.maxProcSteps, timeString(info_, h.time),
                               h.b < info_.processWhere.size() ? info_.processWhere[h.b] : "?");
        else
            what = "the service ring overflowed inside a function";
        message(inst, "metalfpga_cli: error: simulation: {}", what);
        exitCode_ = 1;
    }

    const contract::Model& info_;
    const RunOptions& o_;
    std::vector<InstanceHost> inst_;
    bool batch_;
    int exitCode_ = 0;
    int outErrno_ = 0;
    std::vector<std::unique_ptr<VcdWriter>> vcd_; // per instance; closed when the run ends
};

// Why a run stops before its end: a signal (backends/common/interrupts.h) or a failed write of the
// output. Either way the instances run to the end of their current time slot (the step budget's
// kStopAtSlotEnd), so files and VCD end with whole time steps; a second SIGINT/SIGTERM/SIGHUP
// stops after the current round.
struct StopReason {
    int signal = 0;      // the signal that stopped the run
    int outputError = 0; // errno of a failed write to the output stream (not EPIPE)
    bool any() const { return signal || outputError; }
};

// `flushErrno`: errno of a failed final fflush of the output stream (0: none).
StopReason stopReason(const Services& services, FILE* out, int flushErrno = 0) {
    StopReason r;
    int err = services.outputErrno();
    if (!err) err = flushErrno;
    if (!err && std::ferror(out)) err = EIO;
    // EPIPE counts as SIGPIPE (the signal is caught, or blocked by whoever started us).
    if (err == EPIPE) backends::noteInterrupt(SIGPIPE);
    r.signal = backends::interruptSignal();
    if (!r.signal) r.outputError = err;
    return r;
}

// The exit status and the message of a run that stopped early (`early`: before its end) or
// whose output could not be written.
int finishStopped(const StopReason& why, bool early, FILE* err, int exitCode) {
    if (why.signal) {
        // SIGPIPE: the reader went away (`| head`); that needs no message.
        if (why.signal != SIGPIPE)
            fmt::print(err,
                       "metalfpga: interrupted by {}: stopped at the end of a time step; "
                       "files flushed and closed\n",
                       backends::signalName(why.signal));
        return 128 + why.signal;
    }
    if (why.outputError) {
        fmt::print(err, "metalfpga: error: cannot write the simulation's output: {}{}\n",
                   std::strerror(why.outputError),
                   early ? "; stopped at the end of a time step, files flushed and closed" : "");
        return 1;
    }
    return exitCode;
}

} // namespace

int simulate(Engine& engine, const contract::Model& info, const RunOptions& o, double* simulateMs) {
    auto t0 = std::chrono::steady_clock::now();
    backends::InterruptScope interrupts; // the CLI's scope may have started earlier
    Profiler::Timer simTimer(o.profiler, "simulation");
    if (o.profiler) engine.setProfiler(o.profiler);
    uint32_t n = engine.count();
    Services services(info, o, n);
    std::vector<char> run(n, 1);
    std::vector<uint32_t> status(n, m::kBudget);
    int exitCode = 0;
    uint32_t live = n;
    uint64_t budget = std::min<uint64_t>(o.maxSteps, m::kStopAtSlotEnd - 1);
    StopReason stop;
    using Clock = std::chrono::steady_clock;
    auto msBetween = [](Clock::time_point a, Clock::time_point b) {
        return std::chrono::duration<double, std::milli>(b - a).count();
    };
    // A signal before the first step (during the compile): the simulation does not start.
    if (backends::interruptSignal()) live = 0;
    while (live > 0) {
        stop = stopReason(services, o.out);
        if (backends::interruptCount() >= 2) break;
        Clock::time_point r0 = o.profiler ? Clock::now() : Clock::time_point{};
        engine.step(stop.any() ? budget | m::kStopAtSlotEnd : budget, run, status);
        Clock::time_point r1 = o.profiler ? Clock::now() : Clock::time_point{};
        for (uint32_t i = 0; i < n; ++i) {
            if (!run[i]) continue;
            services.drain(i, engine.mailbox(i));
            switch (status[i]) {
            case m::kBudget:
            case m::kRingFull:
            case m::kHostCall:
                break;
            case m::kFinished:
            case m::kStopped:
            case m::kIdle:
            case m::kSlotEnd:
                run[i] = 0;
                --live;
                break;
            default:
                exitCode = 1;
                run[i] = 0;
                --live;
                break;
            }
        }
        if (o.profiler) o.profiler->dispatch(msBetween(r0, r1), msBetween(r1, Clock::now()));
    }
    services.closeFiles();
    int flushErrno = std::fflush(o.out) != 0 ? (errno ? errno : EIO) : 0;
    StopReason last = stopReason(services, o.out, flushErrno);
    if (std::string f = engine.failure(); !f.empty()) {
        fmt::print(o.err, "metalfpga_cli: error: simulation on the {} backend: {}\n", engine.name(),
                   f);
        exitCode = 1;
    }
    if (services.exitCode()) exitCode = services.exitCode();
    exitCode = finishStopped(last, stop.any(), o.err, exitCode);
    if (exitCode == 0 && std::ferror(o.err)) exitCode = 1; // our own messages were lost
    simTimer.stop();
    if (simulateMs)
        *simulateMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
    return exitCode;
}

bool readInstancePlusargs(const std::string& path, std::vector<std::vector<std::string>>& out,
                          std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read the instance plusargs file '" + path + "'";
        return false;
    }
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        std::istringstream words(line);
        std::vector<std::string> args;
        std::string w;
        while (words >> w) {
            if (w[0] != '+') {
                error = fmt::format("{}:{}: '{}' is not a plusarg (+word)", path, lineNo, w);
                return false;
            }
            args.push_back(w.substr(1));
        }
        out.push_back(std::move(args));
    }
    return true;
}

} // namespace metalfpga::runtime
