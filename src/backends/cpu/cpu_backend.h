#pragma once
// The CPU backend: compiles a model source with the host C++ compiler into a shared object,
// keeps it in the pipeline cache, and loads it with dlopen.

#include <cstdint>
#include <memory>
#include <string>

namespace metalfpga::backends::cpu {

struct CompileOptions {
    bool useCache = true;
    std::string cacheDir; // empty: the default (see cacheDirectory())
};

// The model's C entry points (see the end of a generated model source).
struct LoadedModel {
    void* handle = nullptr;
    unsigned long long (*stateSize)() = nullptr;
    void (*init)(void*, unsigned long long) = nullptr;
    unsigned (*step)(void*, unsigned long long) = nullptr;
    void (*ring)(void*, void*) = nullptr;
    bool cacheHit = false;
    double compileMs = 0; // 0 on a cache hit
    std::string path;     // the shared object
    ~LoadedModel();
};

// $METALFPGA_PIPELINE_ARCHIVE, else $XDG_CACHE_HOME/metalfpga, else ~/.cache/metalfpga.
std::string cacheDirectory();

// The folder holding metalfpga/rt/*.h: $METALFPGA_INCLUDE_DIR, else include/ beside or above the
// executable, else the source tree's include/ this binary was built from.
std::string includeDirectory();

// The names and text of every model-support header (part of each compiled model's cache key).
std::string runtimeHeaders(const std::string& includeDir);

// Compiles (or finds in the cache) and loads a model. On failure returns null and sets `error`.
std::unique_ptr<LoadedModel> load(const std::string& source, const CompileOptions& options,
                                  std::string& error);

} // namespace metalfpga::backends::cpu
