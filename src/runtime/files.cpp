// File descriptors and file output/reads of IEEE 1364-2005 17.2 ($fopen, $fclose, $fflush,
// $fdisplay/$fwrite/$fstrobe/$fmonitor, $fgetc, $ungetc, $fgets, $fread, $ftell, $fseek,
// $rewind, $feof, $ferror). Values as Icarus returns them: $fopen without a mode gives a
// multichannel descriptor (bit 0 is stdout, bits 1..30 files), with a mode a file descriptor
// 0x80000003 and up (0x80000000..2 are stdin, stdout and stderr); errors return 0 or EOF (-1)
// and print Icarus's warning with the call's location on the design's output.
#include "runtime/files.h"

#include "runtime/host_calls.h"
#include "runtime/instance.h"
#include "runtime/output.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>

namespace metalfpga::runtime {

namespace {

constexpr uint32_t kFdBit = 0x80000000u;
constexpr uint32_t kFirstFd = 3; // 0x80000003: the first file a design opens

void icarusWarning(InstanceHost& inst, const std::string& where, const std::string& message) {
    inst.emit("WARNING: " + where + ": " + message + "\n");
}

int64_t signedOf(const rt::Value& v) {
    uint64_t u = v.to_u64();
    uint32_t w = v.width();
    if (v.is_signed() && w < 64 && ((u >> (w - 1)) & 1)) u |= ~uint64_t{0} << w;
    return static_cast<int64_t>(u);
}

uint32_t descriptorOf(const CallContext& c, size_t i) {
    rt::Value v = c.value(i);
    if (v.has_xz()) return 0;
    return static_cast<uint32_t>(v.to_u64());
}

// The open file of a file descriptor (stdin included), or null with Icarus's warning.
FILE* fileOf(CallContext& c, uint32_t fd, const char* task, OpenFile** entry = nullptr) {
    if (entry) *entry = nullptr;
    if (fd == kFdBit) return stdin;
    if ((fd & kFdBit) && fd - kFdBit >= kFirstFd) {
        size_t i = fd - kFdBit - kFirstFd;
        auto& fds = c.instance.files.fds;
        if (i < fds.size() && fds[i].f) {
            // Each operation starts with a clear error state ($ferror reports the last one).
            if (std::strcmp(task, "$ferror") != 0) fds[i].error = 0;
            if (entry) *entry = &fds[i];
            return fds[i].f;
        }
    }
    icarusWarning(c.instance, c.site.where,
                  fmt::format("invalid file descriptor (0x{:x}) given to {}.", fd, task));
    return nullptr;
}

bool validMode(const std::string& m) {
    static const char* const kModes[] = {"r",   "rb", "w",   "wb",  "a",  "ab",  "r+", "r+b",
                                         "rb+", "w+", "w+b", "wb+", "a+", "a+b", "ab+"};
    for (const char* k : kModes)
        if (m == k) return true;
    return false;
}

// The file instance `inst` opens for `mode`: writing modes use the per-instance name; "r+"
// starts from a copy of the named file.
std::string pathFor(const InstanceHost& inst, const std::string& path, const std::string& mode) {
    if (inst.index == 0 || mode[0] == 'r') {
        if (inst.index != 0 && mode.find('+') != std::string::npos) {
            std::string own = instancePath(path, inst.index);
            std::error_code ec;
            if (!std::filesystem::exists(own, ec)) std::filesystem::copy_file(path, own, ec);
            return own;
        }
        return path;
    }
    return instancePath(path, inst.index);
}

const contract::ServiceSite& withoutDescriptor(const contract::ServiceSite& site) {
    static std::map<const contract::ServiceSite*, contract::ServiceSite> cache;
    auto it = cache.find(&site);
    if (it != cache.end()) return it->second;
    contract::ServiceSite s = site;
    if (!s.args.empty()) s.args.erase(s.args.begin());
    // "$fdisplayh" formats like "$displayh".
    s.task = "$" + site.task.substr(2);
    return cache.emplace(&site, std::move(s)).first->second;
}

void writeTo(InstanceHost& inst, FILE* f, const std::string& text) {
    if (f == stdout) {
        inst.emit(text);
        return;
    }
    if (f == stderr && !inst.out.empty()) {
        std::fwrite(inst.out.data(), 1, inst.out.size(), stdout);
        inst.out.clear();
        std::fflush(stdout);
    }
    std::fwrite(text.data(), 1, text.size(), f);
}

} // namespace

FileTable::FileTable(FileTable&& o) noexcept
    : fds(std::move(o.fds)), pending(std::move(o.pending)), next(o.next),
      received(std::move(o.received)) {
    for (int i = 0; i < 31; ++i) {
        mcd[i] = o.mcd[i];
        o.mcd[i].f = nullptr;
    }
    o.fds.clear();
}

void FileTable::flushAll() {
    for (auto& m : mcd)
        if (m.f) std::fflush(m.f);
    for (auto& f : fds)
        if (f.f) std::fflush(f.f);
}

void FileTable::closeAll() {
    for (auto& m : mcd)
        if (m.f) {
            std::fclose(m.f);
            m.f = nullptr;
        }
    for (auto& f : fds)
        if (f.f) {
            std::fclose(f.f);
            f.f = nullptr;
        }
}

std::string instancePath(const std::string& path, uint32_t index) {
    if (index == 0) return path;
    size_t slash = path.find_last_of('/');
    size_t dot = path.find_last_of('.');
    std::string k = "." + std::to_string(index);
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) ||
        dot == (slash == std::string::npos ? 0 : slash + 1))
        return path + k;
    return path.substr(0, dot) + k + path.substr(dot);
}

void fileOutput(InstanceHost& inst, const contract::Model& info, const contract::ServiceSite& site,
                const rt::word* payload) {
    uint32_t d = 0;
    bool known = false;
    if (!site.args.empty() && site.args[0].kind == contract::SiteArg::Vector) {
        const contract::SiteArg& a = site.args[0];
        uint32_t nw = rt::k::nwords(a.width);
        bool xz = false;
        for (uint32_t w = 0; w < nw; ++w) xz |= payload[a.offset + nw + w] != 0;
        if (!xz) {
            d = static_cast<uint32_t>(payload[a.offset]);
            known = true;
        }
    }
    std::string task = site.task;
    for (const char* base : {"$fdisplay", "$fwrite", "$fstrobe", "$fmonitor"})
        if (task.rfind(base, 0) == 0) task = base;
    if (!known) {
        icarusWarning(inst, site.where,
                      fmt::format("invalid file descriptor given to {}().", task));
        return;
    }
    std::string text = formatSite(info, withoutDescriptor(site), payload);
    FileTable& ft = inst.files;
    if (d & kFdBit) {
        uint32_t i = d - kFdBit;
        if (i == 1 || i == 2) {
            writeTo(inst, i == 1 ? stdout : stderr, text);
            return;
        }
        if (i >= kFirstFd && i - kFirstFd < ft.fds.size() && ft.fds[i - kFirstFd].f) {
            writeTo(inst, ft.fds[i - kFirstFd].f, text);
            return;
        }
        icarusWarning(inst, site.where,
                      fmt::format("invalid file descriptor (0x{:x}) given to {}().", d, task));
        return;
    }
    bool bad = false;
    for (uint32_t b = 0; b < 31; ++b) {
        if (!((d >> b) & 1)) continue;
        if (b == 0)
            inst.emit(text);
        else if (ft.mcd[b].f)
            writeTo(inst, ft.mcd[b].f, text);
        else
            bad = true;
    }
    if (bad || d == 0)
        icarusWarning(inst, site.where,
                      fmt::format("invalid MCD (0x{:x}) given to {}().", d, task));
}

void callFopen(CallContext& c) {
    std::string path = c.text(0);
    FileTable& ft = c.instance.files;
    bool hasMode = c.argCount() > 1 && c.site.args[1].kind != contract::SiteArg::Empty;
    if (!hasMode) {
        for (uint32_t b = 1; b < 31; ++b)
            if (!ft.mcd[b].f) {
                std::string p = pathFor(c.instance, path, "w");
                FILE* f = std::fopen(p.c_str(), "w");
                if (!f) {
                    c.setResult(0);
                    return;
                }
                ft.mcd[b].f = f;
                ft.mcd[b].path = p;
                c.setResult(static_cast<int64_t>(uint64_t{1} << b));
                return;
            }
        icarusWarning(c.instance, c.site.where,
                      "$fopen: no multichannel descriptor is free (30 are open).");
        c.setResult(0);
        return;
    }
    std::string mode = c.text(1);
    if (!validMode(mode)) {
        icarusWarning(c.instance, c.site.where,
                      fmt::format("$fopen's mode argument ({}) is invalid.", mode));
        c.setResult(0);
        return;
    }
    std::string p = pathFor(c.instance, path, mode);
    FILE* f = std::fopen(p.c_str(), mode.c_str());
    if (!f) {
        c.setResult(0);
        return;
    }
    size_t i = 0;
    while (i < ft.fds.size() && ft.fds[i].f) ++i;
    if (i == ft.fds.size()) ft.fds.emplace_back();
    ft.fds[i].f = f;
    ft.fds[i].path = p;
    ft.fds[i].error = 0;
    c.setResult(static_cast<int64_t>(kFdBit + kFirstFd + i));
}

void callFclose(CallContext& c) {
    uint32_t d = descriptorOf(c, 0);
    FileTable& ft = c.instance.files;
    if (d & kFdBit) {
        OpenFile* e = nullptr;
        if (d - kFdBit < kFirstFd) return; // the standard streams stay open
        if (!fileOf(c, d, "$fclose()", &e) || !e) return;
        std::fclose(e->f);
        e->f = nullptr;
        return;
    }
    bool bad = d == 0;
    for (uint32_t b = 1; b < 31; ++b)
        if ((d >> b) & 1) {
            if (!ft.mcd[b].f) {
                bad = true;
                continue;
            }
            std::fclose(ft.mcd[b].f);
            ft.mcd[b].f = nullptr;
        }
    if (bad)
        icarusWarning(c.instance, c.site.where,
                      fmt::format("invalid MCD (0x{:x}) given to $fclose().", d));
}

void callFflush(CallContext& c) {
    FileTable& ft = c.instance.files;
    if (c.argCount() == 0 || c.site.args[0].kind == contract::SiteArg::Empty) {
        ft.flushAll();
        return;
    }
    uint32_t d = descriptorOf(c, 0);
    if (d & kFdBit) {
        if (d - kFdBit < kFirstFd) return;
        if (FILE* f = fileOf(c, d, "$fflush()")) std::fflush(f);
        return;
    }
    for (uint32_t b = 1; b < 31; ++b)
        if (((d >> b) & 1) && ft.mcd[b].f) std::fflush(ft.mcd[b].f);
}

void callFgetc(CallContext& c) {
    FILE* f = fileOf(c, descriptorOf(c, 0), "$fgetc");
    c.setResult(f ? std::fgetc(f) : -1);
}

void callUngetc(CallContext& c) {
    FILE* f = fileOf(c, descriptorOf(c, 1), "$ungetc");
    if (!f) {
        c.setResult(-1);
        return;
    }
    rt::Value v = c.value(0);
    int64_t ch = signedOf(v);
    if (v.has_xz() || ch == EOF) { // as C's ungetc(EOF): nothing pushed back, no error
        c.setResult(-1);
        return;
    }
    c.setResult(std::ungetc(static_cast<int>(ch & 0xff), f) == EOF ? -1 : 0);
}

void callFgets(CallContext& c) {
    FILE* f = fileOf(c, descriptorOf(c, 1), "$fgets");
    const contract::ReplySlot* out = c.output(0);
    if (!f || !out) {
        c.setResult(0);
        return;
    }
    size_t max = out->width / 8;
    std::string s;
    while (s.size() < max) {
        int ch = std::fgetc(f);
        if (ch == EOF) break;
        s += static_cast<char>(ch);
        if (ch == '\n') break;
    }
    if (s.empty()) {
        c.setResult(0);
        return;
    }
    rt::Value v = rt::Value::from_u64(out->width, 0);
    for (size_t k = 0; k < s.size(); ++k) {
        unsigned char ch = static_cast<unsigned char>(s[s.size() - 1 - k]);
        for (int b = 0; b < 8; ++b)
            v.set_bit(static_cast<int64_t>(k * 8 + b), (ch >> b) & 1 ? rt::B1 : rt::B0);
    }
    c.setOutput(0, v);
    c.setResult(static_cast<int64_t>(s.size()));
}

void callFread(CallContext& c) {
    FILE* f = fileOf(c, descriptorOf(c, 1), "$fread");
    const contract::ReplySlot* out = c.output(0);
    if (!f || !out) {
        c.setResult(0);
        return;
    }
    uint32_t bytes = (out->width + 7) / 8;
    std::string s;
    for (uint32_t k = 0; k < bytes; ++k) {
        int ch = std::fgetc(f);
        if (ch == EOF) break;
        s += static_cast<char>(ch);
    }
    if (s.empty()) {
        c.setResult(0);
        return;
    }
    // Big-endian: the first byte read is the most significant.
    rt::Value v = rt::Value::from_u64(bytes * 8, 0);
    for (size_t k = 0; k < s.size(); ++k) {
        unsigned char ch = static_cast<unsigned char>(s[k]);
        size_t pos = (bytes - 1 - k) * 8;
        for (int b = 0; b < 8; ++b)
            v.set_bit(static_cast<int64_t>(pos + static_cast<size_t>(b)),
                      (ch >> b) & 1 ? rt::B1 : rt::B0);
    }
    c.setOutput(0, v.resized(out->width));
    c.setResult(static_cast<int64_t>(s.size()));
}

void callFtell(CallContext& c) {
    FILE* f = fileOf(c, descriptorOf(c, 0), "$ftell");
    c.setResult(f ? static_cast<int64_t>(std::ftell(f)) : -1);
}

void callFseek(CallContext& c) {
    OpenFile* e = nullptr;
    FILE* f = fileOf(c, descriptorOf(c, 0), "$fseek", &e);
    if (!f) {
        c.setResult(-1);
        return;
    }
    int64_t off = signedOf(c.value(1));
    int64_t op = signedOf(c.value(2));
    int whence = op == 0 ? SEEK_SET : op == 1 ? SEEK_CUR : op == 2 ? SEEK_END : -1;
    if (whence < 0) {
        if (e) e->error = EINVAL;
        c.setResult(-1);
        return;
    }
    if (std::fseek(f, static_cast<long>(off), whence) != 0) {
        if (e) e->error = errno ? errno : EINVAL;
        c.setResult(-1);
        return;
    }
    c.setResult(0);
}

void callRewind(CallContext& c) {
    OpenFile* e = nullptr;
    FILE* f = fileOf(c, descriptorOf(c, 0), "$rewind", &e);
    if (!f) {
        c.setResult(-1);
        return;
    }
    c.setResult(std::fseek(f, 0, SEEK_SET) == 0 ? 0 : -1);
}

void callFeof(CallContext& c) {
    FILE* f = fileOf(c, descriptorOf(c, 0), "$feof");
    c.setResult(f ? (std::feof(f) ? 1 : 0) : 1);
}

void callFerror(CallContext& c) {
    OpenFile* e = nullptr;
    FILE* f = fileOf(c, descriptorOf(c, 0), "$ferror", &e);
    int err = !f ? EBADF : e ? e->error : 0;
    const contract::ReplySlot* out = c.output(1);
    if (out) {
        std::string msg = err ? std::strerror(err) : "";
        rt::Value v = rt::Value::from_u64(out->width, 0);
        for (size_t k = 0; k < msg.size() && (k + 1) * 8 <= out->width; ++k) {
            unsigned char ch = static_cast<unsigned char>(msg[msg.size() - 1 - k]);
            for (int b = 0; b < 8; ++b)
                v.set_bit(static_cast<int64_t>(k * 8 + b), (ch >> b) & 1 ? rt::B1 : rt::B0);
        }
        c.setOutput(1, v);
    }
    c.setResult(err);
}

} // namespace metalfpga::runtime
