#pragma once
// Threads with large stacks. The compiler's passes recurse as deep as the design nests, and a
// model's temporaries of very wide vectors (up to 2^24 bits: 4 MiB a value) and its recursive
// functions live on the stack of the thread that steps it, so both run on threads whose stack is
// reserved large (only the pages touched are ever backed by memory).

#include <cstddef>
#include <exception>
#include <functional>

namespace metalfpga::support {

// The compiler driver's stack (the CLI and the standalone host run everything on it).
constexpr std::size_t kDriverStackBytes = std::size_t(1) << 30;
// The stack of a thread that steps models (more than the model's own budget,
// rt::model::kModelStackBudget, plus the host's frames).
constexpr std::size_t kModelThreadStackBytes = std::size_t(256) << 20;

// Runs body on a thread with a stack of `bytes`; joins it on destruction. If no such thread can
// be started, body runs in the constructor, on the caller's thread.
class LargeStackThread {
  public:
    LargeStackThread(std::size_t bytes, std::function<void()> body);
    ~LargeStackThread();
    LargeStackThread(const LargeStackThread&) = delete;
    LargeStackThread& operator=(const LargeStackThread&) = delete;

    // Waits for body; rethrows what it threw.
    void join();

  private:
    static void* start(void* self);
    std::function<void()> body_;
    std::exception_ptr error_;
    unsigned long thread_ = 0;
    bool running_ = false;
};

// Runs body on a thread with a stack of `bytes` and returns its result (or rethrows).
int runWithLargeStack(std::size_t bytes, const std::function<int()>& body);

} // namespace metalfpga::support
