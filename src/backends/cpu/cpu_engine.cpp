// The CPU engine: instance states in one allocation, stepped by a few threads, each taking a
// contiguous range of instances.
#include "backends/cpu/cpu_engine.h"

#include "support/large_stack.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace metalfpga::backends::cpu {

namespace {

class CpuEngine final : public runtime::Engine {
  public:
    CpuEngine(const LoadedModel& m, uint32_t count, size_t stride, void* states, unsigned threads)
        : m_(m), count_(count), stride_(stride), states_(states, std::free), views_(count),
          threads_(threads) {}

    uint32_t count() const override { return count_; }
    const char* name() const override { return "cpu"; }

    void init(uint64_t slotLimit) {
        for (uint32_t i = 0; i < count_; ++i) {
            m_.init(state(i), slotLimit);
            m_.ring(state(i), &views_[i]);
        }
    }

    void step(uint64_t budget, const std::vector<char>& run,
              std::vector<uint32_t>& status) override {
        auto range = [&](uint32_t lo, uint32_t hi) {
            for (uint32_t i = lo; i < hi; ++i)
                if (run[i]) status[i] = m_.step(state(i), budget);
        };
        unsigned n = std::min<unsigned>(threads_, count_);
        if (n <= 1) {
            range(0, count_);
            return;
        }
        // Large stacks: a model's wide temporaries and recursive functions live there.
        std::vector<std::unique_ptr<support::LargeStackThread>> pool;
        uint32_t chunk = (count_ + n - 1) / n;
        for (unsigned t = 1; t < n; ++t) {
            uint32_t lo = t * chunk, hi = std::min(count_, lo + chunk);
            if (lo < hi)
                pool.push_back(std::make_unique<support::LargeStackThread>(
                    support::kModelThreadStackBytes, [&range, lo, hi] { range(lo, hi); }));
        }
        range(0, std::min(count_, chunk));
        for (auto& th : pool) th->join();
    }

    rt::model::RingView& mailbox(uint32_t i) override { return views_[i]; }

  private:
    void* state(uint32_t i) { return static_cast<char*>(states_.get()) + stride_ * i; }

    const LoadedModel& m_;
    uint32_t count_;
    size_t stride_;
    std::unique_ptr<void, void (*)(void*)> states_;
    std::vector<rt::model::RingView> views_;
    unsigned threads_;
};

} // namespace

std::unique_ptr<runtime::Engine> makeEngine(const LoadedModel& model, uint32_t count,
                                            uint64_t slotLimit, unsigned threads,
                                            std::string& error) {
    size_t size = static_cast<size_t>(model.stateSize());
    size_t stride = (size + 63) / 64 * 64;
    void* states = std::calloc(count, stride);
    if (!states) {
        error = "cannot allocate the state of " + std::to_string(count) + " instance" +
                (count == 1 ? "" : "s") + " (" + std::to_string(stride) + " bytes each)";
        return nullptr;
    }
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    auto e = std::make_unique<CpuEngine>(model, count, stride, states, threads);
    e->init(slotLimit);
    return e;
}

} // namespace metalfpga::backends::cpu
