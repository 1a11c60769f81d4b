#include "runtime/vcd_writer.h"

#include "metalfpga/rt/kernels.h"
#include "metalfpga/version.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>

namespace metalfpga::runtime {

std::string vcdInstancePath(const std::string& path, uint32_t index) {
    if (index == 0) return path;
    size_t slash = path.find_last_of('/');
    size_t dot = path.find_last_of('.');
    std::string k = "." + std::to_string(index);
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == 0 ||
        dot == slash + 1)
        return path + k;
    return path.substr(0, dot) + k + path.substr(dot);
}

namespace {

// "1ps", "10ns", "100s": the design's precision as a VCD $timescale.
std::string timescaleText(int p) {
    static const char* units[] = {"s", "ms", "us", "ns", "ps", "fs"};
    int e = -p; // 0..15
    int u = (e + 2) / 3;
    if (u > 5) u = 5;
    if (u < 0) u = 0;
    int mult = 3 * u - e; // 10^mult of the unit (0..2)
    int n = 1;
    for (int i = 0; i < mult; ++i) n *= 10;
    return fmt::format("{}{}", n, units[u]);
}

// Identifier codes as Icarus makes them: printable characters '!'..'~', least significant
// first.
std::string idCode(uint32_t n) {
    std::string s;
    do {
        s += static_cast<char>('!' + n % 94);
        n /= 94;
    } while (n);
    return s;
}

// The bits of a value, most significant first, shortened as VCD allows (leading 0s, and
// leading x or z repeated).
std::string vectorBits(uint32_t width, const rt::word* p) {
    uint32_t nw = rt::k::nwords(width);
    std::string s(width, '0');
    for (uint32_t i = 0; i < width; ++i) {
        bool a = (p[i / 64] >> (i % 64)) & 1, b = (p[nw + i / 64] >> (i % 64)) & 1;
        s[width - 1 - i] = b ? (a ? 'x' : 'z') : (a ? '1' : '0');
    }
    size_t k = 0;
    if (s[0] == '0') {
        while (k + 1 < s.size() && s[k] == '0' && s[k + 1] == '0') ++k;
        if (k + 1 < s.size() && s[k] == '0' && s[k + 1] == '1') ++k;
    } else if (s[0] == 'x' || s[0] == 'z') {
        while (k + 1 < s.size() && s[k + 1] == s[0]) ++k;
    }
    return s.substr(k);
}

std::string realText(double d) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.16g", d);
    std::string s = buf;
    if (s == "nan" || s == "-nan") return "NaN";
    if (s == "inf") return "Inf";
    if (s == "-inf") return "-Inf";
    return s;
}

} // namespace

VcdWriter::VcdWriter(const contract::Model& info, uint32_t instance, std::string dir,
                     std::function<void(const std::string&)> say)
    : info_(info), instance_(instance), dir_(std::move(dir)), say_(std::move(say)),
      codes_(info.dump.values.size(), ~0u) {}

VcdWriter::~VcdWriter() {
    close();
}

void VcdWriter::open() {
    if (f_ || failed_) return;
    std::string p = vcdInstancePath(name_, instance_);
    if (!dir_.empty() && (p.empty() || p[0] != '/')) p = dir_ + "/" + p;
    path_ = p;
    f_ = std::fopen(p.c_str(), "w");
    if (!f_) {
        failed_ = true;
        say_(fmt::format("VCD Error: unable to open {} for output.\n", p));
        return;
    }
    say_(fmt::format("VCD info: dumpfile {} opened for output.\n", p));
}

void VcdWriter::flush() {
    if (f_) std::fflush(f_);
}

void VcdWriter::close() {
    if (!f_) return;
    // The time the run ended at (Icarus writes it too), after the last time step's changes.
    if (ended_ && headerDone_ && !full_ && (!timeWritten_ || endTime_ > lastTime_))
        timeLine(endTime_);
    std::fclose(f_);
    f_ = nullptr;
}

void VcdWriter::finish(uint64_t time) {
    ended_ = true;
    endTime_ = time;
}

std::string VcdWriter::code(uint32_t v) const {
    return idCode(codes_[v]);
}

void VcdWriter::timeLine(uint64_t t) {
    if (timeWritten_ && t == lastTime_) return;
    std::fprintf(f_, "#%llu\n", static_cast<unsigned long long>(t));
    timeWritten_ = true;
    lastTime_ = t;
}

void VcdWriter::header() {
    const contract::DumpInfo& d = info_.dump;
    std::time_t now = std::time(nullptr);
    char date[64];
    std::strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", std::localtime(&now));
    std::fprintf(f_, "$date\n\t%s\n$end\n", date);
    std::fprintf(f_, "$version\n\tmetalfpga %s\n$end\n", METALFPGA_VERSION);
    std::fprintf(f_, "$timescale\n\t%s\n$end\n", timescaleText(info_.precision).c_str());
    // The scopes of the selected variables as a tree, in the order they were first selected.
    struct Node {
        std::string kind, name;
        std::vector<std::unique_ptr<Node>> kids;
        std::vector<uint32_t> vars;
    };
    Node root;
    for (uint32_t v : selected_) {
        Node* n = &root;
        for (const auto& [kind, name] : d.vars[v].scope) {
            Node* next = nullptr;
            for (auto& k : n->kids)
                if (k->name == name) next = k.get();
            if (!next) {
                n->kids.push_back(std::make_unique<Node>());
                next = n->kids.back().get();
                next->kind = kind;
                next->name = name;
            }
            n = next;
        }
        n->vars.push_back(v);
        uint32_t val = d.vars[v].value;
        if (codes_[val] == ~0u) {
            codes_[val] = static_cast<uint32_t>(dumped_.size());
            dumped_.push_back(val);
        }
    }
    std::function<void(const Node&)> write = [&](const Node& n) {
        std::fprintf(f_, "$scope %s %s $end\n", n.kind.c_str(), n.name.c_str());
        for (uint32_t v : n.vars) {
            const contract::DumpVar& dv = d.vars[v];
            std::fprintf(f_, "$var %s %u %s %s%s%s $end\n", dv.type.c_str(), dv.width,
                         code(dv.value).c_str(), dv.name.c_str(), dv.range.empty() ? "" : " ",
                         dv.range.c_str());
        }
        for (const auto& k : n.kids) write(*k);
        std::fprintf(f_, "$upscope $end\n");
    };
    for (const auto& k : root.kids) write(*k);
    std::fprintf(f_, "$enddefinitions $end\n");
    headerDone_ = true;
}

void VcdWriter::value(uint32_t v, const rt::word* payload) {
    if (v >= codes_.size() || codes_[v] == ~0u) return;
    const contract::DumpValue& dv = info_.dump.values[v];
    std::string c = code(v);
    if (dv.isEvent) {
        std::fprintf(f_, "1%s\n", c.c_str());
    } else if (dv.isReal) {
        double d;
        std::memcpy(&d, payload, sizeof d);
        std::fprintf(f_, "r%s %s\n", realText(d).c_str(), c.c_str());
    } else if (dv.width == 1) {
        std::fprintf(f_, "%s%s\n", vectorBits(1, payload).c_str(), c.c_str());
    } else {
        std::fprintf(f_, "b%s %s\n", vectorBits(dv.width, payload).c_str(), c.c_str());
    }
}

void VcdWriter::record(uint32_t op, uint32_t site, uint32_t b, uint64_t time,
                       const rt::word* payload) {
    const contract::DumpInfo& d = info_.dump;
    switch (op) {
    case contract::kDumpFile: {
        if (site >= info_.sites.size()) return;
        const contract::ServiceSite& s = info_.sites[site];
        std::string name;
        if (!s.args.empty() && s.args[0].kind == contract::SiteArg::String) {
            name = s.args[0].text;
        } else if (!s.args.empty() && s.args[0].kind == contract::SiteArg::Vector) {
            const contract::SiteArg& a = s.args[0];
            uint32_t nw = rt::k::nwords(a.width);
            for (uint32_t i = (a.width + 7) / 8; i-- > 0;) {
                unsigned c = 0;
                for (uint32_t j = 0; j < 8 && i * 8 + j < a.width; ++j) {
                    uint32_t bit = i * 8 + j;
                    if ((payload[a.offset + bit / 64] >> (bit % 64)) & 1 &&
                        !((payload[a.offset + nw + bit / 64] >> (bit % 64)) & 1))
                        c |= 1u << j;
                }
                if (c) name += static_cast<char>(c);
            }
        }
        if (f_ || headerDone_) {
            say_(fmt::format("VCD warning: $dumpfile called after $dumpvars started,\n"
                             "             using existing file ({}).\n",
                             path_));
            return;
        }
        if (!name.empty()) name_ = name;
        return;
    }
    case contract::kDumpVars: {
        if (headerDone_) {
            say_(fmt::format("VCD warning: $dumpvars ignored, previously called at simtime {}\n",
                             headerTime_));
            return;
        }
        open();
        if (site < d.calls.size())
            for (uint32_t v : d.calls[site])
                if (isSelected_.insert(v).second) selected_.push_back(v);
        return;
    }
    case contract::kDumpBegin:
        if (!f_) return;
        section_ = b;
        if (b == 1) {
            header();
            headerTime_ = time;
            timeLine(time);
            std::fprintf(f_, "$dumpvars\n");
        } else {
            if (full_) return;
            timeLine(time);
            std::fprintf(f_, b == 2 ? "$dumpon\n" : "$dumpall\n");
        }
        return;
    case contract::kDumpEnd:
        if (!f_) return;
        if (section_ == 1 || !full_) std::fprintf(f_, "$end\n");
        section_ = 0;
        return;
    case contract::kDumpValue:
        if (!f_ || !headerDone_) return;
        if (section_) {
            if (section_ == 1 || !full_) value(site, payload);
            return;
        }
        if (full_) return;
        if (!checked_ || !timeWritten_ || time != lastTime_) {
            // $dumplimit: checked at the first change of a time slot, against the size
            // written before it.
            checked_ = true;
            if (limit_ > 0 && static_cast<uint64_t>(std::ftell(f_)) > limit_) {
                full_ = true;
                std::fprintf(f_, "$comment Dump file limit (%llu bytes) exceeded. $end\n",
                             static_cast<unsigned long long>(limit_));
                say_(fmt::format("WARNING: Dump file limit ({} bytes) exceeded.\n", limit_));
                return;
            }
        }
        timeLine(time);
        value(site, payload);
        return;
    case contract::kDumpOff:
        if (!f_ || !headerDone_ || full_) return;
        timeLine(time);
        std::fprintf(f_, "$dumpoff\n");
        for (uint32_t v : dumped_) {
            const contract::DumpValue& dv = d.values[v];
            if (dv.isEvent) continue;
            if (dv.isReal)
                std::fprintf(f_, "rNaN %s\n", code(v).c_str());
            else if (dv.width == 1)
                std::fprintf(f_, "x%s\n", code(v).c_str());
            else
                std::fprintf(f_, "bx %s\n", code(v).c_str());
        }
        std::fprintf(f_, "$end\n");
        return;
    case contract::kDumpLimit: {
        if (site >= info_.sites.size()) return;
        const contract::ServiceSite& s = info_.sites[site];
        if (s.args.empty() || s.args[0].kind != contract::SiteArg::Vector) return;
        const contract::SiteArg& a = s.args[0];
        uint32_t nw = rt::k::nwords(a.width);
        if (payload[a.offset + nw]) return; // x/z bits in the low word
        uint64_t v = payload[a.offset];
        if (a.width < 64) v &= (uint64_t(1) << a.width) - 1;
        limit_ = v;
        return;
    }
    case contract::kDumpFlush:
        flush();
        return;
    case contract::kDumpLast:
        finish(time);
        return;
    default:
        return;
    }
}

} // namespace metalfpga::runtime
