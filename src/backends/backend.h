#pragma once
// The interface every backend implements (backends/cpu, backends/cuda), so that the CLI and the
// standalone host pick, load and run a model the same way on each (backends/registry).
//
// A backend compiles a model source, or finds it in the pipeline archive, into a LoadedModel, and
// makes the Engine that runs N instances of it. A new backend is one folder with an
// implementation of Backend; backends/registry lists it.

#include "backends/common/pipeline_archive.h"
#include "runtime/engine.h"

#include <cstdint>
#include <memory>
#include <string>

namespace metalfpga::backends {

// A model a backend compiled or loaded (a shared object, a device module). It stays loaded while
// this object lives, so an engine made from it must go first.
struct LoadedModel {
    LoadedModel() = default;
    LoadedModel(const LoadedModel&) = delete;
    LoadedModel& operator=(const LoadedModel&) = delete;
    virtual ~LoadedModel() = default;

    bool cacheHit = false; // found in the pipeline archive
    double compileMs = 0;  // 0 on a cache hit
    std::string path;      // the archive entry, or the compiled file
};

// What an engine is made for.
struct EngineRequest {
    uint32_t count = 1;              // instances
    uint64_t slotLimit = 10'000'000; // activations in one time slot (RunOptions::slotLimit)
    unsigned threads = 0;            // CPU: threads stepping them (0: one per hardware thread)
    uint32_t dispatchTimeoutMs = 0;  // CUDA: the longest one launch may run (0: no limit)
};

class Backend {
  public:
    virtual ~Backend() = default;

    // Its --backend name ("cpu", "cuda"), which also starts its archive entries' names.
    virtual const char* name() const = 0;
    // Its name in messages ("CPU", "CUDA").
    virtual const char* title() const = 0;

    // Whether it can run on this machine: true with `note` naming where (the CUDA device), or
    // false with `note` saying why not (no driver, no device).
    virtual bool canRun(std::string& note) const = 0;

    // Compiles `source` or finds it in the pipeline archive, and loads it. Null with `error`
    // set ("interrupted" after a signal: common/interrupts.h).
    virtual std::unique_ptr<LoadedModel>
    load(const std::string& source, const CompileOptions& options, std::string& error) const = 0;

    // The key a standalone host finds the model's entry by (--emit-host writes it into the
    // host). Empty with `why` set when this backend cannot make one here (CUDA: no NVRTC).
    virtual std::string hostKey(const std::string& source, std::string& why) const = 0;
    // The archive entry in folder `dir` of the model with host key `hostKey` for this machine,
    // and in `key` the key that entry must hold. Empty with `why` set when there is none
    // (CUDA: no device, or no host key).
    virtual std::string findEntry(const std::string& dir, const std::string& hostKey,
                                  std::string& key, std::string& why) const = 0;
    // Loads an archive entry without compiling (the standalone host): null with `error` saying
    // why (missing, corrupt, another key, does not load).
    virtual std::unique_ptr<LoadedModel> loadEntry(const std::string& path, const std::string& key,
                                                   std::string& error) const = 0;

    // Checks what the environment sets for its engines (CUDA: METALFPGA_CUDA_LAYOUT,
    // METALFPGA_CUDA_BLOCK): false with `error` set for a bad value. makeEngine reads it too.
    virtual bool checkEnvironment(std::string& error) const {
        (void)error;
        return true;
    }
    // Makes the engine of `request.count` instances of `model`, which this backend loaded. Null
    // with `error` set.
    virtual std::unique_ptr<runtime::Engine> makeEngine(const LoadedModel& model,
                                                        const EngineRequest& request,
                                                        std::string& error) const = 0;
};

} // namespace metalfpga::backends
