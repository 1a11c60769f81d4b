#include "backends/common/archive_limit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace metalfpga::backends {

namespace fs = std::filesystem;

uint64_t archiveLimitBytes(std::string& error) {
    const char* v = std::getenv("METALFPGA_PIPELINE_ARCHIVE_MAX_MB");
    uint64_t mb = kDefaultArchiveMaxMb;
    if (v && *v) {
        char* end = nullptr;
        unsigned long long n = std::strtoull(v, &end, 10);
        if (*end || *v == '-' || n > (~uint64_t{0} >> 20))
            error = fmt::format("METALFPGA_PIPELINE_ARCHIVE_MAX_MB='{}' is not a size in MiB "
                                "(0 for no limit); using {}",
                                v, kDefaultArchiveMaxMb);
        else
            mb = n;
    }
    return mb << 20;
}

namespace {
bool hexKey(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}
} // namespace

bool isArchiveEntry(const std::string& name) {
    auto ends = [&](const std::string& suffix) {
        return name.size() > suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (name.rfind("cpu-", 0) == 0 && ends(".so"))
        return hexKey(name.substr(4, name.size() - 4 - 3));
    if (name.rfind("cuda-", 0) == 0 && ends(".mfpa")) {
        std::string mid = name.substr(5, name.size() - 5 - 5); // KEY-ARCH
        size_t dash = mid.find('-');
        return dash != std::string::npos && hexKey(mid.substr(0, dash)) &&
               mid.find_first_of("./") == std::string::npos && dash + 1 < mid.size();
    }
    return false;
}

void touchEntry(const fs::path& entry) {
    std::error_code ec;
    fs::last_write_time(entry, fs::file_time_type::clock::now(), ec);
}

Eviction enforceLimit(const fs::path& dir, uint64_t maxBytes, const fs::path& keep) {
    Eviction out;
    struct Entry {
        fs::path path;
        uint64_t bytes;
        fs::file_time_type used;
    };
    std::vector<Entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!isArchiveEntry(name)) continue;
        std::error_code e1, e2;
        uint64_t bytes = it->file_size(e1);
        fs::file_time_type used = it->last_write_time(e2);
        if (e1 || e2) continue; // removed meanwhile by another process
        entries.push_back({it->path(), bytes, used});
        out.keptBytes += bytes;
    }
    if (!maxBytes || out.keptBytes <= maxBytes) return out;
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.used < b.used; });
    std::error_code same;
    for (const Entry& e : entries) {
        if (out.keptBytes <= maxBytes) break;
        if (fs::equivalent(e.path, keep, same)) continue;
        std::error_code rm;
        if (fs::remove(e.path, rm) && !rm) {
            ++out.entries;
            out.bytes += e.bytes;
        }
        // Gone either way (another process may have removed it first).
        out.keptBytes -= e.bytes;
    }
    return out;
}

} // namespace metalfpga::backends
