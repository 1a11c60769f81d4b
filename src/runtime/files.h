#pragma once
// File I/O of IEEE 1364-2005 17.2 on the host: each instance's descriptors (multichannel
// descriptors and file descriptors), per-instance file names for --count, and the memory
// transfers of $readmem*/$writemem*. The model only sends records; see
// src/codegen/file_tasks.cpp.

#include "contract/model.h"
#include "metalfpga/rt/value.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace metalfpga::runtime {

struct InstanceHost;

struct OpenFile {
    FILE* f = nullptr;
    std::string path;
    int error = 0; // errno of the last failed operation ($ferror)
};

// The descriptors of one instance. MCD bit 0 and fds 0x80000000..2 are the standard streams.
class FileTable {
  public:
    FileTable() = default;
    FileTable(const FileTable&) = delete;
    FileTable& operator=(const FileTable&) = delete;
    FileTable(FileTable&& o) noexcept;
    FileTable& operator=(FileTable&&) = delete;
    ~FileTable() { closeAll(); }

    void flushAll();
    void closeAll();

    OpenFile mcd[31];          // bit i (1..30); [0] unused (stdout)
    std::vector<OpenFile> fds; // fd 0x80000000 + 3 + i
    // $readmem*: the words parsed from the file, by flat index (shared by the instances that
    // read the same unchanged file at the same site); `next` is the first not yet sent.
    std::shared_ptr<const std::map<uint64_t, rt::Value>> pending;
    std::map<uint64_t, rt::Value>::const_iterator next;
    bool pendingLeft() const { return pending && next != pending->end(); }
    // $writemem*: the words received so far.
    std::vector<rt::Value> received;
};

// A file name as instance `index` uses it for writing: NAME for instance 0, else NAME with
// ".k" inserted before the extension ("out.txt" -> "out.3.txt", "log" -> "log.3").
std::string instancePath(const std::string& path, uint32_t index);

// A display-like record of $fdisplay/$fwrite/$fstrobe/$fmonitor: formats arguments 1.. and
// writes them to the descriptor in argument 0.
void fileOutput(InstanceHost& inst, const contract::Model& info, const contract::ServiceSite& site,
                const rt::word* payload);

} // namespace metalfpga::runtime
