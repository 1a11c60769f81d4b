#pragma once
// The CPU backend: compiles a model source with the host C++ compiler into a shared object,
// keeps it in the pipeline cache, and loads it with dlopen.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace metalfpga::backends::cpu {

// How a backend uses the pipeline archive (the cache of compiled models). Each backend reads an
// entry only when `useCache && load` and writes one only when `useCache && save`.
struct CompileOptions {
    bool useCache = true; // false (--no-cache): neither read nor write entries
    std::string cacheDir; // empty: the default (see cacheDirectory())
    bool load = true;     // read entries (--pipeline-load, METALFPGA_PIPELINE_ARCHIVE_LOAD)
    bool save = true;     // write entries (--pipeline-save, METALFPGA_PIPELINE_ARCHIVE_SAVE)
    bool log = false;     // one stderr line per decision (--pipeline-log, METALFPGA_PIPELINE_LOG)
    bool async = true;    // compile in a background thread (--pipeline-async)
};

// The options the environment gives: METALFPGA_PIPELINE_ARCHIVE (folder),
// METALFPGA_PIPELINE_ARCHIVE_LOAD, METALFPGA_PIPELINE_ARCHIVE_SAVE (alias
// METALFPGA_PIPELINE_HARVEST), METALFPGA_PIPELINE_LOG, METALFPGA_PIPELINE_ASYNC (alias
// METALFPGA_PIPELINE_PRECOMPILE). A switch is on for 1/on/yes/true and off for 0/off/no/false;
// an unset or empty variable keeps the default. Command-line flags are applied on top.
CompileOptions optionsFromEnvironment();

// Prints one pipeline-archive log line ("[metalfpga] pipeline archive: TEXT") on stderr.
void logDecision(const std::string& text);

// The units of the model compile that is running (a model split into translation units, CPU or
// CUDA), for the progress line.
class CompileProgress {
  public:
    void start(size_t units) {
        done_ = 0;
        units_ = units;
    }
    void unitDone() { ++done_; }
    size_t done() const { return done_; }
    size_t units() const { return units_; }

  private:
    std::atomic<size_t> done_{0}, units_{0};
};
CompileProgress& compileProgress();

// Runs work(k) for every unit k in [0, n) of a split compile on up to `jobs` threads (this one
// among them), counting the finished units in compileProgress(); after an interrupt signal no
// further unit starts.
void runUnits(size_t n, size_t jobs, const std::function<void(size_t)>& work);

// Runs `work` (a compile or cache load). With `async`, it runs in a background thread while this
// thread, when stderr is a terminal, shows "[metalfpga] compiling model (BACKEND) 3.2 s" (and
// "3/8 units" for a split compile) updated every 200 ms and erased when the work is done.
void runWithProgress(const std::string& backend, bool async, const std::function<void()>& work);

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

// The cache folder a load uses, and whether it reads and writes entries there (both off when
// the folder cannot be created; --pipeline-log says so).
struct CacheUse {
    std::filesystem::path dir;
    bool load = false, save = false;
    std::string problem; // saving was asked for but the folder "cannot be created: REASON"
};
CacheUse openCache(const CompileOptions& options);

// One stderr line when saving to the archive folder `dir` fails for `why` (the folder cannot be
// created or written, the disk is full): the compile goes to `tempFolder` instead, or (empty:
// the model is compiled and only storing it failed) the model runs without being saved.
void noteArchiveProblem(const std::string& dir, const std::string& why,
                        const std::string& tempFolder);

// After a save: keeps the archive folder within METALFPGA_PIPELINE_ARCHIVE_MAX_MB by removing
// the least recently used entries (backends/common/archive_limit.h); `saved` stays. With `log`,
// one line says what was removed.
void boundArchive(const std::filesystem::path& dir, const std::filesystem::path& saved, bool log);

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
// ("interrupted" after an interrupt: interrupts.h; the compiler children are stopped and the
// temporary files removed). An archive folder that cannot be written (read-only, not creatable,
// a full disk) does not fail the load: see noteArchiveProblem.
std::unique_ptr<LoadedModel> load(const std::string& source, const CompileOptions& options,
                                  std::string& error);

} // namespace metalfpga::backends::cpu
