// $readmemb/$readmemh and $writememb/$writememh (IEEE 1364-2005 17.2.9/17.2.10). The model
// moves the memory in chunks (src/codegen/file_tasks.cpp): for $readmem*, the first call parses
// the file into FileTable::pending and every call answers up to memChunk words (reply[1] the
// flat index of the first word, reply[2] nonzero while words remain, then a mask of the words
// written and the words); for $writemem*, each record carries memChunk words from the cursor
// and the last one writes the file. Addresses, defaults and messages follow Icarus (1364-2005
// mode): without a start address words load from the lowest address upwards.
#include "metalfpga/rt/format.h"
#include "runtime/files.h"
#include "runtime/host_calls.h"
#include "runtime/instance.h"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

namespace metalfpga::runtime {

namespace {

struct Range {
    int64_t start = 0, stop = 0, incr = 1;
    int64_t lo() const { return std::min(start, stop); }
    int64_t hi() const { return std::max(start, stop); }
};

bool given(const CallContext& c, size_t i, size_t realArgs) {
    return i < realArgs && c.site.args[i].kind != contract::SiteArg::Empty;
}

int64_t intArg(const CallContext& c, size_t i) {
    rt::Value v = c.value(i);
    uint64_t u = v.to_u64();
    uint32_t w = v.width();
    if (v.is_signed() && w < 64 && ((u >> (w - 1)) & 1)) u |= ~uint64_t{0} << w;
    return static_cast<int64_t>(u);
}

// The address range of the call, or false (with Icarus's message) when out of bounds.
bool rangeOf(CallContext& c, size_t realArgs, const std::string& task, Range& r) {
    const contract::ServiceSite& s = c.site;
    int64_t lo = std::min(s.memMsb, s.memLsb), hi = std::max(s.memMsb, s.memLsb);
    // A memory declared [high:low] without a finish address: 1364-2005 loads from the low
    // address up (1364-2001 loaded from the left one); Icarus says so.
    if (s.memMsb > s.memLsb && !given(c, 3, realArgs))
        c.instance.emit(fmt::format("WARNING: {}: {}: Standard inconsistency, following "
                                    "1364-2005.\n",
                                    s.where, task));
    if (!given(c, 2, realArgs)) {
        r.start = lo;
        r.stop = hi;
        r.incr = 1;
        return true;
    }
    static const char* const kWhich[] = {"third argument (start address)",
                                         "fourth argument (finish address)"};
    for (size_t i = 2; i < 4; ++i)
        if (given(c, i, realArgs) && c.site.args[i].kind == contract::SiteArg::Real)
            c.instance.emit(fmt::format("WARNING: {}: {}'s {} is a real value.\n", s.where, task,
                                        kWhich[i - 2]));
    auto addrArg = [&](size_t i) {
        if (c.site.args[i].kind == contract::SiteArg::Real) return static_cast<int64_t>(c.real(i));
        return intArg(c, i);
    };
    r.start = addrArg(2);
    r.stop = given(c, 3, realArgs) ? addrArg(3) : (r.start <= hi ? hi : lo);
    r.incr = r.start <= r.stop ? 1 : -1;
    const std::string& mem = c.site.args[1].text;
    for (int64_t a : {r.start, r.stop})
        if (a < lo || a > hi) {
            c.instance.emit(fmt::format("ERROR: {}: {}: {} address {} is out of bounds for "
                                        "memory '{}[{}:{}]'!\n",
                                        s.where, task, a == r.start ? "Start" : "Finish", a, mem,
                                        s.memMsb, s.memLsb));
            return false;
        }
    return true;
}

uint64_t flatOf(const contract::ServiceSite& s, int64_t addr) {
    return static_cast<uint64_t>(s.memMsb >= s.memLsb ? addr - s.memLsb : s.memLsb - addr);
}

// A memory file parsed for one call site and address range: the words by flat index and the
// messages the parse printed.
struct ParsedMemFile {
    std::map<uint64_t, rt::Value> words;
    std::vector<std::string> messages;
};

// Parses a memory file into `out`. Messages as Icarus prints them.
void parseMemFile(const contract::ServiceSite& s, const std::string& task, const std::string& path,
                  const std::string& text, const Range& r, ParsedMemFile& parsed) {
    std::map<uint64_t, rt::Value>& out = parsed.words;
    bool binary = task == "$readmemb";
    auto msg = [&](const char* kind, const std::string& m) {
        parsed.messages.push_back(
            fmt::format("{}: {}: {}({}): {}\n", kind, s.where, task, path, m));
    };
    int64_t addr = r.start;
    bool past = false;      // the last word filled the range
    bool addressed = false; // the file has @address records (then a short file is no warning)
    size_t i = 0, n = text.size();
    auto isDigit = [&](char ch) {
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (l == 'x' || l == 'z' || l == '?' || l == '_') return true;
        if (binary) return l == '0' || l == '1';
        return std::isxdigit(static_cast<unsigned char>(l)) != 0;
    };
    auto digitsOf = [&](const std::string& w, int bitsPer) {
        std::string bits;
        for (char ch : w) {
            char l = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (l == '_') continue;
            if (l == 'x' || l == 'z' || l == '?') {
                bits += std::string(static_cast<size_t>(bitsPer), l == 'x' ? 'x' : 'z');
                continue;
            }
            int d = std::isdigit(static_cast<unsigned char>(l)) ? l - '0' : l - 'a' + 10;
            for (int b = bitsPer - 1; b >= 0; --b) bits += ((d >> b) & 1) ? '1' : '0';
        }
        return bits;
    };
    while (i < n) {
        char ch = text[i];
        if (std::isspace(static_cast<unsigned char>(ch))) {
            ++i;
            continue;
        }
        if (ch == '/' && i + 1 < n && text[i + 1] == '/') {
            while (i < n && text[i] != '\n') ++i;
            continue;
        }
        if (ch == '/' && i + 1 < n && text[i + 1] == '*') {
            size_t e = text.find("*/", i + 2);
            i = e == std::string::npos ? n : e + 2;
            continue;
        }
        if (ch == '@') {
            size_t j = ++i;
            while (j < n && std::isxdigit(static_cast<unsigned char>(text[j]))) ++j;
            if (j == i) {
                msg("ERROR", fmt::format("Invalid address character: {}", i < n ? text[i] : ' '));
                return;
            }
            addr = static_cast<int64_t>(std::stoull(text.substr(i, j - i), nullptr, 16));
            i = j;
            if (addr < r.lo() || addr > r.hi()) {
                msg("ERROR", fmt::format("address (0x{:x}) is out of range [0x{:x}:0x{:x}]", addr,
                                         r.start, r.stop));
                return;
            }
            past = false;
            addressed = true;
            continue;
        }
        if (!isDigit(ch)) {
            msg("ERROR", fmt::format("Invalid input character: {}", ch));
            return;
        }
        size_t j = i;
        while (j < n && isDigit(text[j])) ++j;
        std::string w = text.substr(i, j - i);
        i = j;
        if (past) {
            msg("WARNING", fmt::format("Too many words in the file for the requested range "
                                       "[{}:{}].",
                                       r.start, r.stop));
            return;
        }
        std::string bits = digitsOf(w, binary ? 1 : 4);
        if (bits.empty()) bits = "0";
        out[flatOf(s, addr)] = rt::Value::from_binary(bits).resized(s.memWidth);
        if (addr == r.stop)
            past = true;
        else
            addr += r.incr;
    }
    if (!past && !addressed)
        msg("WARNING", fmt::format("Not enough words in the file for the requested range "
                                   "[{}:{}].",
                                   r.start, r.stop));
}

// The instances of a batch read the same files: a file's text is parsed once per call site and
// range, and every later call whose file has the same text (compared byte for byte, so a file
// the simulation rewrote is parsed again) shares the words.
std::shared_ptr<const ParsedMemFile> parsedMemFile(const contract::ServiceSite& site,
                                                   const std::string& task, const std::string& path,
                                                   std::string text, const Range& r) {
    std::string key = fmt::format("{}|{}|{}|{}|{}|{}", static_cast<const void*>(&site), task, path,
                                  r.start, r.stop, r.incr);
    struct Entry {
        std::string text;
        std::shared_ptr<const ParsedMemFile> parsed;
    };
    static std::mutex lock;
    static std::map<std::string, Entry> cache;
    {
        std::lock_guard<std::mutex> g(lock);
        auto it = cache.find(key);
        if (it != cache.end() && it->second.text == text) return it->second.parsed;
    }
    auto parsed = std::make_shared<ParsedMemFile>();
    parseMemFile(site, task, path, text, r, *parsed);
    std::lock_guard<std::mutex> g(lock);
    if (cache.size() >= 64) cache.clear(); // bounded: a design reads a few files
    cache[key] = Entry{std::move(text), parsed};
    return parsed;
}

} // namespace

void callReadmem(CallContext& c) {
    const contract::ServiceSite& s = c.site;
    size_t realArgs = s.args.size() - 1; // the cursor is last
    FileTable& ft = c.instance.files;
    bool first = c.value(realArgs).to_u64() == 0;
    if (first) {
        ft.pending.reset();
        std::string task = s.task;
        std::string path = c.text(0);
        Range r;
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            c.instance.emit(fmt::format("ERROR: {}: {}: Unable to open {} for reading.\n", s.where,
                                        task, path));
        } else if (rangeOf(c, realArgs, task, r)) {
            std::stringstream ss;
            ss << in.rdbuf();
            std::shared_ptr<const ParsedMemFile> parsed = parsedMemFile(s, task, path, ss.str(), r);
            for (const std::string& m : parsed->messages) c.instance.emit(m);
            // Shares the parsed words: the pointer keeps them alive for this instance.
            ft.pending =
                std::shared_ptr<const std::map<uint64_t, rt::Value>>(parsed, &parsed->words);
            ft.next = ft.pending->begin();
        }
    }
    rt::word* reply = c.reply();
    uint32_t chunk = s.memChunk;
    uint32_t maskWords = (chunk + 63) / 64;
    uint32_t dataAt = 3 + maskWords;
    uint32_t ew = 2 * rt::k::nwords(s.memWidth);
    if (!ft.pendingLeft() || dataAt + chunk * ew > c.replyWords()) {
        reply[1] = 0;
        reply[2] = 0;
        ft.pending.reset();
        return;
    }
    uint64_t base = ft.next->first;
    reply[1] = base;
    for (; ft.next != ft.pending->end() && ft.next->first < base + chunk; ++ft.next) {
        uint64_t i = ft.next->first - base;
        const rt::Value& v = ft.next->second;
        reply[3 + i / 64] |= rt::word{1} << (i % 64);
        rt::k::CRef cr = v.cref();
        uint32_t nw = rt::k::nwords(s.memWidth);
        for (uint32_t w = 0; w < nw; ++w) {
            reply[dataAt + i * ew + w] = cr.a[w];
            reply[dataAt + i * ew + nw + w] = cr.b[w];
        }
    }
    reply[2] = ft.pendingLeft() ? 1 : 0;
}

void callWritemem(CallContext& c) {
    const contract::ServiceSite& s = c.site;
    size_t realArgs = s.args.size() - 2; // cursor, data
    FileTable& ft = c.instance.files;
    uint64_t cursor = c.value(realArgs).to_u64();
    if (cursor == 0) ft.received.assign(s.memCount, rt::Value::all_x(s.memWidth));
    uint32_t nw = rt::k::nwords(s.memWidth);
    uint32_t ew = 2 * nw;
    const rt::word* data = c.raw(realArgs + 1);
    for (uint64_t i = 0; i < s.memChunk && cursor + i < s.memCount; ++i) {
        rt::Value v(s.memWidth);
        rt::k::VRef r = v.ref();
        for (uint32_t w = 0; w < nw; ++w) {
            r.a[w] = data[i * ew + w];
            r.b[w] = data[i * ew + nw + w];
        }
        if (cursor + i < ft.received.size()) ft.received[cursor + i] = std::move(v);
    }
    if (cursor + s.memChunk < s.memCount) return;
    std::string task = s.task;
    Range r;
    if (!rangeOf(c, realArgs, task, r)) return;
    std::string path = instancePath(c.text(0), c.instance.index);
    FILE* f = std::fopen(path.c_str(), "w");
    if (!f) {
        c.instance.emit(
            fmt::format("ERROR: {}: {}: Unable to open {} for writing.\n", s.where, task, path));
        return;
    }
    rt::fmt::Spec sp;
    sp.conv = task == "$writememb" ? 'b' : 'h';
    uint64_t cnt = 0;
    for (int64_t a = r.start;; a += r.incr, ++cnt) {
        if (cnt % 16 == 0) std::fprintf(f, "// 0x%08llx\n", static_cast<unsigned long long>(cnt));
        uint64_t fi = flatOf(s, a);
        std::string t = fi < ft.received.size() ? rt::fmt::format_value(sp, ft.received[fi]) : "";
        std::fprintf(f, "%s\n", t.c_str());
        if (a == r.stop) break;
    }
    std::fclose(f);
    ft.received.clear();
}

} // namespace metalfpga::runtime
