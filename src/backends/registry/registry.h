#pragma once
// The backends built into this program and the choice among them (--backend NAME|auto), for the
// CLI (cli/backend_select.cpp) and the standalone host (standalone/standalone.cpp) alike.

#include "backends/backend.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace metalfpga::backends {

// The built-in backends in the order --backend auto prefers them: CUDA (in a build with the CUDA
// toolkit), then the CPU, which is last and runs everywhere.
const std::vector<const Backend*>& builtIn();

// The built-in backend called `name`, or null (an unknown name, or a backend this build lacks).
const Backend* find(std::string_view name);

// The values --backend takes in every build ("cpu", "cuda", "auto"), whether or not this build
// has the backend; asking for a missing one is an error at run time, not a usage error.
const std::vector<std::string>& backendChoices();

// What --backend auto chose, and why: where the chosen backend runs (the CUDA device), or, when
// it fell back to the CPU, why the backend before it was not usable.
struct AutoChoice {
    const Backend* backend = nullptr;
    std::string reason;
};

// Whether `backend` is usable for the run; `note` says where it runs, or why not.
using Usable = std::function<bool(const Backend& backend, std::string& note)>;

// --backend auto: the first built-in backend that is `usable` (default: that can run here),
// else the CPU. `none` is the reason when no other backend is built in.
AutoChoice chooseAuto(const std::string& none, const Usable& usable = {});

// The --run-verbose line of a choice: "PROG: backend auto: TITLE (REASON)" on stderr.
void printAutoChoice(const std::string& prog, const AutoChoice& choice);

} // namespace metalfpga::backends
