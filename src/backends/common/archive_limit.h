#pragma once
// The pipeline archive stays bounded: a size limit with least-recently-used eviction, shared by
// every backend's entries in one folder.
//
// Recency is an entry's modification time: a hit sets it to now (touchEntry), and a save that
// takes the folder over the limit removes the least recently used entries first (enforceLimit).
// It is safe under concurrent processes without a lock: entries are written under temporary
// names and renamed into place, so only complete entries are ever counted or removed; a process
// that finds its entry removed between the check and the load rebuilds it, as for a corrupt one;
// and on this platform an entry removed while another process has it open or mapped stays
// readable to that process.

#include <cstdint>
#include <filesystem>
#include <string>

namespace metalfpga::backends {

// The default limit: 1024 MiB.
constexpr uint64_t kDefaultArchiveMaxMb = 1024;

// The limit in bytes: METALFPGA_PIPELINE_ARCHIVE_MAX_MB (mebibytes; 0 = no limit), else the
// default. An invalid value is an error message in `error` (and the default is returned).
uint64_t archiveLimitBytes(std::string& error);

// True for the names of complete archive entries ("cpu-KEY.so", "cuda-KEY-ARCH.mfpa"), not for
// the temporary files of a compile or save in progress.
bool isArchiveEntry(const std::string& fileName);

// Marks an entry as just used (its modification time becomes now). Errors (a read-only folder)
// are ignored: recency is a hint.
void touchEntry(const std::filesystem::path& entry);

// What enforceLimit removed.
struct Eviction {
    uint64_t entries = 0, bytes = 0; // removed
    uint64_t keptBytes = 0;          // the entries left
};

// Removes the least recently used entries of `dir` until their total size is at most `maxBytes`
// (0: no limit). `keep` (the entry just saved) is never removed.
Eviction enforceLimit(const std::filesystem::path& dir, uint64_t maxBytes,
                      const std::filesystem::path& keep);

} // namespace metalfpga::backends
