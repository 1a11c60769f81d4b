#pragma once
// An engine runs N instances of one compiled model; each backend makes its own
// (backends/cpu/cpu_engine.cpp, backends/cuda/cuda_engine.cpp). The host loop (runtime.cpp)
// steps all instances together and then drains each instance's mailbox (service ring and
// host-call reply area) in instance order, so the output of a batch is the same on every backend.
// Header-only: a backend implements it without linking the runtime.

#include "metalfpga/rt/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace metalfpga::runtime {

class Profiler;

class Engine {
  public:
    virtual ~Engine() = default;
    virtual uint32_t count() const = 0;
    // One call of the model's step function (at most `budget` activations) on every instance i
    // with run[i] != 0; status[i] receives its result (rt::model::StepStatus).
    virtual void step(uint64_t budget, const std::vector<char>& run,
                      std::vector<uint32_t>& status) = 0;
    // The host's view of instance i's mailbox, valid from the end of step() until the next
    // step(); what the host changes there (ring head, replies) reaches the model by then.
    virtual rt::model::RingView& mailbox(uint32_t i) = 0;
    virtual const char* name() const = 0;
    // How the engine holds the instances (for --run-verbose), e.g. the CUDA state layout.
    virtual std::string detail() const { return ""; }
    // Why the engine stopped every instance (a device fault, a timeout); empty if it did not.
    virtual std::string failure() const { return ""; }
    // Profiling (runtime/profile.h): an engine may add its own timings through `profiler_`
    // (device timings: profiler_->addDeviceTiming(name, ms) when profiler_->gpuTimestamps()).
    // Null when not profiling. The host loop times each round's step() and drain itself.
    virtual void setProfiler(Profiler* p) { profiler_ = p; }

  protected:
    Profiler* profiler_ = nullptr;
};

} // namespace metalfpga::runtime
