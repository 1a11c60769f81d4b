#include "backends/registry/start_engine.h"

#include <fmt/format.h>

#include <cstdio>

namespace metalfpga::backends {

std::unique_ptr<runtime::Engine> startEngine(const Backend& backend, const LoadedModel& model,
                                             const EngineRequest& request,
                                             runtime::Profiler* profiler, bool verbose,
                                             const std::string& prog, std::string& error) {
    std::unique_ptr<runtime::Engine> engine;
    {
        runtime::Profiler::Timer t(profiler, "engine-init");
        engine = backend.makeEngine(model, request, error);
    }
    if (!engine) return nullptr;
    if (std::string detail = engine->detail(); verbose && !detail.empty())
        fmt::print(stderr, "{}: {} engine: {}\n", prog, backend.name(), detail);
    if (profiler) engine->setProfiler(profiler);
    return engine;
}

} // namespace metalfpga::backends
