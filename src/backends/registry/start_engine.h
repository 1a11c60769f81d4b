#pragma once
// The last step of preparing a run, the same for the CLI and the standalone host: the engine of
// a loaded model, timed and announced.

#include "backends/backend.h"
#include "runtime/profile.h"

#include <memory>
#include <string>

namespace metalfpga::backends {

// Makes the engine of `model` on `backend`, timed as the profile stage "engine-init" (when
// `profiler` is not null; the engine then gets it too). With `verbose`, an engine that says how
// it holds the instances (Engine::detail, the CUDA layout) gets the line
// "PROG: NAME engine: DETAIL" on stderr. Null with `error` set.
std::unique_ptr<runtime::Engine> startEngine(const Backend& backend, const LoadedModel& model,
                                             const EngineRequest& request,
                                             runtime::Profiler* profiler, bool verbose,
                                             const std::string& prog, std::string& error);

} // namespace metalfpga::backends
