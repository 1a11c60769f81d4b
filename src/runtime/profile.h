#pragma once
// The profile collector behind --profile / METALFPGA_PROFILE=1: named stage totals (ms),
// counters, device timings and a per-dispatch hook. The CLI times its stages (parse, elaborate,
// codegen, compile or archive-load, engine-init, simulation), the host loop (runtime.cpp) feeds
// one dispatch per round of step calls, and an engine may add device-side timings (the CUDA
// engine with METALFPGA_GPU_TIMESTAMPS=1). report() prints, on the profiler's stream:
//
//   [profile] STAGE MS ms            one line per stage (totals, in the order first started)
//   [profile] COUNTER N              one line per counter (rounds)
//   [profile] gpu NAME MS ms         one line per device timing (totals)
//
// and with METALFPGA_PROFILE_EVERY_DISPATCH=1 each round prints at once
//
//   [profile] dispatch N step_ms=S drain_ms=D [gpu_NAME_ms=G ...]
//
// (N counts from 1; the gpu fields are the device timings added during that round).

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace metalfpga::runtime {

class Profiler {
  public:
    // What the environment asks for: METALFPGA_PROFILE (the same as --profile),
    // METALFPGA_PROFILE_EVERY_DISPATCH (one line per round; implies profiling) and
    // METALFPGA_GPU_TIMESTAMPS (device timings of launches and copies; implies profiling).
    // A switch is on for 1/on/yes/true (any case).
    struct Settings {
        bool enabled = false;
        bool everyDispatch = false;
        bool gpuTimestamps = false;
    };
    static Settings fromEnvironment();

    explicit Profiler(FILE* out = stderr, bool everyDispatch = false, bool gpuTimestamps = false);
    explicit Profiler(const Settings& s, FILE* out = stderr)
        : Profiler(out, s.everyDispatch, s.gpuTimestamps) {}

    // Adds `ms` to the stage's total; the first call places the stage in the report.
    void addStage(const std::string& name, double ms);
    // Adds `n` to a counter.
    void addCount(const std::string& name, uint64_t n = 1);
    // A device-side timing (for instance CUDA-event time of a launch or a copy): added to the
    // total "gpu NAME" and, with every-dispatch lines, to the current round's line.
    void addDeviceTiming(const std::string& name, double ms);
    // One round of the host loop: `stepMs` for the engine's step call on every live instance,
    // `drainMs` for draining every mailbox. Adds to the stages "step" and "drain" and the
    // counter "rounds"; with every-dispatch prints the round's line.
    void dispatch(double stepMs, double drainMs);

    bool everyDispatch() const { return everyDispatch_; }
    // Whether an engine should record device timings (METALFPGA_GPU_TIMESTAMPS=1).
    bool gpuTimestamps() const { return gpuTimestamps_; }

    // Totals so far (0 for a name never added).
    double stage(const std::string& name) const;
    uint64_t count(const std::string& name) const;
    double deviceTiming(const std::string& name) const;

    // Prints the totals (see above) once; later calls print nothing.
    void report();

    // Times a scope as one stage; `p` may be null (then it does nothing). The stage takes its
    // place in the report when the timer starts, so enclosing stages come before inner ones.
    class Timer {
      public:
        Timer(Profiler* p, std::string name);
        ~Timer() { stop(); }
        Timer(const Timer&) = delete;
        Timer& operator=(const Timer&) = delete;
        // Ends the stage now (the destructor then does nothing); returns its ms.
        double stop();

      private:
        Profiler* p_;
        std::string name_;
        std::chrono::steady_clock::time_point t0_;
        bool running_;
    };

  private:
    using Entry = std::pair<std::string, double>;
    static double* find(std::vector<Entry>& v, const std::string& name);
    static double get(const std::vector<Entry>& v, const std::string& name);

    FILE* out_;
    bool everyDispatch_;
    bool gpuTimestamps_;
    bool reported_ = false;
    mutable std::mutex mu_;
    std::vector<Entry> stages_;
    std::vector<std::pair<std::string, uint64_t>> counts_;
    std::vector<Entry> device_;
    std::vector<Entry> roundDevice_; // device timings of the current round
    uint64_t rounds_ = 0;
};

} // namespace metalfpga::runtime
