#pragma once
// Interrupts of a run (model compile and simulation): SIGINT, SIGTERM, SIGHUP and SIGPIPE are
// caught while an InterruptScope lives; the handler only records the signal. The CPU compile
// driver (backends/cpu/child_process.h) polls it to stop its compiler children, the split compiles
// (compile_progress.h) start no unit after it, and the host loop (runtime/runtime.cpp) polls it to
// stop at the end of a time slot with every file flushed.

namespace metalfpga::backends {

// Installs the handlers (process-wide) for its lifetime; scopes nest (the outermost restores the
// previous dispositions). A signal the process ignores when the first scope starts (nohup,
// a background job of a non-interactive shell) stays ignored.
class InterruptScope {
  public:
    InterruptScope();
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
};

// The first signal received (0: none). SIGPIPE is recorded only when no other signal came first.
int interruptSignal();
// How many SIGINT/SIGTERM/SIGHUP arrived (a second one stops a run at once).
int interruptCount();
// Records `sig` as if it had arrived (EPIPE on a write: SIGPIPE while SIGPIPE is ignored).
void noteInterrupt(int sig);
// Forgets received signals (tests; a process runs once).
void clearInterrupts();

// "SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE", else "a signal".
const char* signalName(int sig);

} // namespace metalfpga::backends
