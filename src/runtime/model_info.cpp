#include "runtime/model_info.h"

#include <cstdint>
#include <cstring>

namespace metalfpga::runtime {

namespace {

constexpr char kMagic[4] = {'M', 'F', 'M', 'I'};
constexpr uint32_t kVersion = 4;

// Every field of the encoded structs is named here: a structured binding must name all of a
// struct's members, so a field added to one of them stops this file compiling until the codec
// (encodeModelInfo, decodeModelInfo) and this list have it.
[[maybe_unused]] void coversEveryField(const contract::Model& m, const contract::ServiceSite& s,
                                       const contract::SiteArg& a, const contract::ReplySlot& r,
                                       const contract::DumpVar& dv, const contract::DumpValue& dval,
                                       const contract::DumpInfo& di) {
    [[maybe_unused]] const auto& [source, sites, processWhere, routineWhere, frameDepth,
                                  maxProcSteps, precision, payloadWords, replyWords, ringCapacity,
                                  nbaEntries, dump] = m;
    [[maybe_unused]] const auto& [task, defaultConv, newline, args, scope, timeUnit, where,
                                  hasResult, result, outputOf, outputs, memMsb, memLsb, memWidth,
                                  memChunk, memCount] = s;
    [[maybe_unused]] const auto& [kind, width, isSigned, text, offset, strength, svOffset,
                                  realtimeDigits] = a;
    [[maybe_unused]] const auto& [rWidth, rIsSigned, rIsReal, rOffset] = r;
    [[maybe_unused]] const auto& [vScope, vName, vType, vWidth, vRange, vValue, vPath] = dv;
    [[maybe_unused]] const auto& [dWidth, dIsReal, dIsEvent] = dval;
    [[maybe_unused]] const auto& [vars, values, calls] = di;
}

class Writer {
  public:
    std::string bytes;
    void u64(uint64_t v) {
        for (int i = 0; i < 8; ++i) bytes += static_cast<char>((v >> (8 * i)) & 0xff);
    }
    void u32(uint32_t v) {
        for (int i = 0; i < 4; ++i) bytes += static_cast<char>((v >> (8 * i)) & 0xff);
    }
    void i64(int64_t v) { u64(static_cast<uint64_t>(v)); }
    void b(bool v) { bytes += static_cast<char>(v ? 1 : 0); }
    void str(const std::string& s) {
        u64(s.size());
        bytes += s;
    }
};

class Reader {
  public:
    Reader(const unsigned char* p, size_t n) : p_(p), n_(n) {}
    bool ok() const { return ok_; }
    bool atEnd() const { return pos_ == n_; }
    uint64_t u64() {
        if (!need(8)) return 0;
        uint64_t v = 0;
        for (int i = 7; i >= 0; --i) v = (v << 8) | p_[pos_ + static_cast<size_t>(i)];
        pos_ += 8;
        return v;
    }
    uint32_t u32() {
        if (!need(4)) return 0;
        uint32_t v = 0;
        for (int i = 3; i >= 0; --i) v = (v << 8) | p_[pos_ + static_cast<size_t>(i)];
        pos_ += 4;
        return v;
    }
    int64_t i64() { return static_cast<int64_t>(u64()); }
    int i32() { return static_cast<int>(static_cast<int32_t>(u32())); }
    bool b() {
        if (!need(1)) return false;
        return p_[pos_++] != 0;
    }
    std::string str() {
        uint64_t len = u64();
        if (!need(len)) return {};
        std::string s(reinterpret_cast<const char*>(p_ + pos_), static_cast<size_t>(len));
        pos_ += static_cast<size_t>(len);
        return s;
    }
    // A vector's element count (each element takes at least one byte, so a count larger than
    // what is left is corrupt data, not a huge allocation).
    size_t count() {
        uint64_t c = u64();
        if (c > n_ - pos_) ok_ = false;
        return ok_ ? static_cast<size_t>(c) : 0;
    }

  private:
    bool need(uint64_t k) {
        if (!ok_ || k > n_ - pos_) ok_ = false;
        return ok_;
    }
    const unsigned char* p_;
    size_t n_;
    size_t pos_ = 0;
    bool ok_ = true;
};

void putSlot(Writer& w, const contract::ReplySlot& s) {
    w.u32(s.width);
    w.b(s.isSigned);
    w.b(s.isReal);
    w.u32(s.offset);
}

contract::ReplySlot getSlot(Reader& r) {
    contract::ReplySlot s;
    s.width = r.u32();
    s.isSigned = r.b();
    s.isReal = r.b();
    s.offset = r.u32();
    return s;
}

void putStrings(Writer& w, const std::vector<std::string>& v) {
    w.u64(v.size());
    for (const auto& s : v) w.str(s);
}

std::vector<std::string> getStrings(Reader& r) {
    std::vector<std::string> v(r.count());
    for (auto& s : v) s = r.str();
    return v;
}

} // namespace

std::string encodeModelInfo(const contract::Model& m) {
    Writer w;
    w.bytes.append(kMagic, sizeof kMagic);
    w.u32(kVersion);
    w.u64(m.sites.size());
    for (const auto& s : m.sites) {
        w.str(s.task);
        w.u32(static_cast<unsigned char>(s.defaultConv));
        w.b(s.newline);
        w.u64(s.args.size());
        for (const auto& a : s.args) {
            w.u32(static_cast<uint32_t>(a.kind));
            w.u32(a.width);
            w.b(a.isSigned);
            w.str(a.text);
            w.u32(a.offset);
            w.b(a.strength);
            w.u32(a.svOffset);
            w.i64(a.realtimeDigits);
        }
        w.str(s.scope);
        w.i64(s.timeUnit);
        w.str(s.where);
        w.b(s.hasResult);
        putSlot(w, s.result);
        w.u64(s.outputOf.size());
        for (int o : s.outputOf) w.i64(o);
        w.u64(s.outputs.size());
        for (const auto& o : s.outputs) putSlot(w, o);
        w.i64(s.memMsb);
        w.i64(s.memLsb);
        w.u32(s.memWidth);
        w.u32(s.memChunk);
        w.u64(s.memCount);
    }
    putStrings(w, m.processWhere);
    putStrings(w, m.routineWhere);
    w.u32(m.frameDepth);
    w.u64(m.maxProcSteps);
    w.i64(m.precision);
    w.u32(m.payloadWords);
    w.u32(m.replyWords);
    w.u32(m.ringCapacity);
    w.u32(m.nbaEntries);
    w.u64(m.dump.vars.size());
    for (const auto& v : m.dump.vars) {
        w.u64(v.scope.size());
        for (const auto& [kind, name] : v.scope) {
            w.str(kind);
            w.str(name);
        }
        w.str(v.name);
        w.str(v.type);
        w.u32(v.width);
        w.str(v.range);
        w.u32(v.value);
        w.str(v.path);
    }
    w.u64(m.dump.values.size());
    for (const auto& v : m.dump.values) {
        w.u32(v.width);
        w.b(v.isReal);
        w.b(v.isEvent);
    }
    w.u64(m.dump.calls.size());
    for (const auto& c : m.dump.calls) {
        w.u64(c.size());
        for (uint32_t v : c) w.u32(v);
    }
    return w.bytes;
}

bool decodeModelInfo(const unsigned char* data, size_t size, contract::Model& m,
                     std::string& error) {
    if (size < 8 || std::memcmp(data, kMagic, sizeof kMagic) != 0) {
        error = "not a model description";
        return false;
    }
    Reader r(data + 4, size - 4);
    if (uint32_t v = r.u32(); v != kVersion) {
        error = "model description version " + std::to_string(v) + ", this runtime reads " +
                std::to_string(kVersion);
        return false;
    }
    m = contract::Model{};
    m.sites.resize(r.count());
    for (auto& s : m.sites) {
        s.task = r.str();
        s.defaultConv = static_cast<char>(r.u32());
        s.newline = r.b();
        s.args.resize(r.count());
        for (auto& a : s.args) {
            uint32_t kind = r.u32();
            if (kind > static_cast<uint32_t>(contract::SiteArg::Empty))
                kind = static_cast<uint32_t>(contract::SiteArg::Empty);
            a.kind = static_cast<contract::SiteArg::Kind>(kind);
            a.width = r.u32();
            a.isSigned = r.b();
            a.text = r.str();
            a.offset = r.u32();
            a.strength = r.b();
            a.svOffset = r.u32();
            a.realtimeDigits = static_cast<int>(r.i64());
        }
        s.scope = r.str();
        s.timeUnit = static_cast<int>(r.i64());
        s.where = r.str();
        s.hasResult = r.b();
        s.result = getSlot(r);
        s.outputOf.resize(r.count());
        for (int& o : s.outputOf) o = static_cast<int>(r.i64());
        s.outputs.resize(r.count());
        for (auto& o : s.outputs) o = getSlot(r);
        s.memMsb = r.i64();
        s.memLsb = r.i64();
        s.memWidth = r.u32();
        s.memChunk = r.u32();
        s.memCount = r.u64();
    }
    m.processWhere = getStrings(r);
    m.routineWhere = getStrings(r);
    m.frameDepth = r.u32();
    m.maxProcSteps = r.u64();
    m.precision = static_cast<int>(r.i64());
    m.payloadWords = r.u32();
    m.replyWords = r.u32();
    m.ringCapacity = r.u32();
    m.nbaEntries = r.u32();
    m.dump.vars.resize(r.count());
    for (auto& v : m.dump.vars) {
        v.scope.resize(r.count());
        for (auto& [kind, name] : v.scope) {
            kind = r.str();
            name = r.str();
        }
        v.name = r.str();
        v.type = r.str();
        v.width = r.u32();
        v.range = r.str();
        v.value = r.u32();
        v.path = r.str();
    }
    m.dump.values.resize(r.count());
    for (auto& v : m.dump.values) {
        v.width = r.u32();
        v.isReal = r.b();
        v.isEvent = r.b();
    }
    m.dump.calls.resize(r.count());
    for (auto& c : m.dump.calls) {
        c.resize(r.count());
        for (uint32_t& v : c) v = r.u32();
    }
    if (!r.ok() || !r.atEnd()) {
        error = "the model description is truncated or corrupt";
        return false;
    }
    return true;
}

} // namespace metalfpga::runtime
