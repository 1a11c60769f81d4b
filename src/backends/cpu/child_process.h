#pragma once
// The compiler children of a model compile: each command runs under /bin/sh in a process group
// of its own, so that an interrupt can stop it with everything it started (g++ runs cc1plus,
// as and ld), and a terminal's Ctrl-C reaches only metalfpga, which decides.

#include <string>

namespace metalfpga::backends::cpu {

// Runs `command` with /bin/sh -c and waits for it. While it runs, an interrupt
// (common/interrupts.h: interruptSignal() != 0) stops its process group: SIGTERM, then SIGKILL when
// it is still there after a grace period; the call returns once no process of the group is left.
// Returns the wait status (as std::system), or -1 when it did not start or was stopped by an
// interrupt (nothing starts once an interrupt was received).
int runShell(const std::string& command);

} // namespace metalfpga::backends::cpu
