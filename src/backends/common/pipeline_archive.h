#pragma once
// The pipeline archive (the cache of compiled models) as every backend uses it: the switches,
// the folder, one log line per decision, the note when the folder cannot be written, and the
// size bound after a save. Each backend names and checks its own entries.

#include <filesystem>
#include <string>

namespace metalfpga::backends {

// How a backend uses the pipeline archive. Each backend reads an entry only when
// `useCache && load` and writes one only when `useCache && save`.
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

// $METALFPGA_PIPELINE_ARCHIVE, else $XDG_CACHE_HOME/metalfpga, else ~/.cache/metalfpga.
std::string cacheDirectory();

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
// the least recently used entries (archive_limit.h); `saved` stays. With `log`, one line says
// what was removed.
void boundArchive(const std::filesystem::path& dir, const std::filesystem::path& saved, bool log);

} // namespace metalfpga::backends
