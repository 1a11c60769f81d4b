#pragma once
// The CPU backend: compiles a model source with the host C++ compiler into a shared object,
// keeps it in the pipeline cache, and loads it with dlopen.

#include "backends/backend.h"
#include "backends/common/pipeline_archive.h"

#include <memory>
#include <string>

namespace metalfpga::backends::cpu {

// The model's C entry points (see the end of a generated model source); `path` is the shared
// object.
struct LoadedModel final : backends::LoadedModel {
    void* handle = nullptr;
    unsigned long long (*stateSize)() = nullptr;
    void (*init)(void*, unsigned long long) = nullptr;
    unsigned (*step)(void*, unsigned long long) = nullptr;
    void (*ring)(void*, void*) = nullptr;
    ~LoadedModel() override;
};

// The archive key of a model source: XXH3-128 (hex) of the source, the compiler and its
// --version, the flags, the tool version and the rt/ headers.
std::string modelKey(const std::string& source);

// The archive entry of `key` in folder `dir`: DIR/cpu-KEY.so.
std::string entryPath(const std::string& dir, const std::string& key);

// Loads an archive entry without compiling (the standalone host, --emit-host): checks the
// trailer, dlopens it and checks its key. Null with `error` saying why (missing, corrupt, does
// not load or has another key).
std::unique_ptr<LoadedModel> loadEntry(const std::string& path, const std::string& key,
                                       std::string& error);

// Compiles (or finds in the cache) and loads a model. On failure returns null and sets `error`
// ("interrupted" after an interrupt: common/interrupts.h; the compiler children are stopped and the
// temporary files removed). An archive folder that cannot be written (read-only, not creatable,
// a full disk) does not fail the load: see noteArchiveProblem.
std::unique_ptr<LoadedModel> load(const std::string& source, const CompileOptions& options,
                                  std::string& error);

} // namespace metalfpga::backends::cpu
