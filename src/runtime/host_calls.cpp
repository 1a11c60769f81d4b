#include "runtime/host_calls.h"

#include "metalfpga/rt/format.h"

#include <fmt/format.h>

#include <cctype>
#include <cstring>

namespace metalfpga::runtime {

namespace {

struct Entry {
    std::string_view name;
    CallHandler handler;
};

// Every host call the runtime answers. codegen/host_call_table.cpp lists the same names.
constexpr Entry kHandlers[] = {
    {"$test$plusargs", callTestPlusargs},
    {"$value$plusargs", callValuePlusargs},
    {"$fopen", callFopen},
    {"$fclose", callFclose},
    {"$fflush", callFflush},
    {"$fgetc", callFgetc},
    {"$ungetc", callUngetc},
    {"$fgets", callFgets},
    {"$fread", callFread},
    {"$ftell", callFtell},
    {"$fseek", callFseek},
    {"$rewind", callRewind},
    {"$feof", callFeof},
    {"$ferror", callFerror},
    {"$fscanf", callFscanf},
    {"$sscanf", callSscanf},
    {"$readmemb", callReadmem},
    {"$readmemh", callReadmem},
    {"$writememb", callWritemem},
    {"$writememh", callWritemem},
    {"$sformat", callSformat},
    {"$swrite", callSwrite},
    {"$swriteb", callSwrite},
    {"$swriteo", callSwrite},
    {"$swriteh", callSwrite},
    {"$timeformat", callTimeformat},
};

} // namespace

CallHandler findHostCall(std::string_view name) {
    for (const auto& e : kHandlers)
        if (e.name == name) return e.handler;
    return nullptr;
}

bool CallContext::isString(size_t i) const {
    return i < site.args.size() && site.args[i].kind == contract::SiteArg::String;
}

rt::Value CallContext::value(size_t i) const {
    if (i >= site.args.size()) return rt::Value::all_x(32);
    const contract::SiteArg& a = site.args[i];
    if (a.kind == contract::SiteArg::Real) {
        double d;
        std::memcpy(&d, &payload_[a.offset], sizeof d);
        return rt::val::from_real(d, 64);
    }
    if (a.kind == contract::SiteArg::String) {
        rt::Value v(static_cast<uint32_t>(a.text.empty() ? 8 : a.text.size() * 8));
        for (size_t c = 0; c < a.text.size(); ++c)
            for (int b = 0; b < 8; ++b)
                v.set_bit(static_cast<int64_t>((a.text.size() - 1 - c) * 8 + b),
                          (static_cast<unsigned char>(a.text[c]) >> b) & 1 ? rt::B1 : rt::B0);
        return v;
    }
    if (a.kind != contract::SiteArg::Vector) return rt::Value::all_x(32);
    rt::Value v(a.width, a.isSigned);
    uint32_t nw = rt::k::nwords(a.width);
    rt::k::VRef r = v.ref();
    for (uint32_t w = 0; w < nw; ++w) {
        r.a[w] = payload_[a.offset + w];
        r.b[w] = payload_[a.offset + nw + w];
    }
    return v;
}

std::string CallContext::text(size_t i) const {
    if (i >= site.args.size()) return "";
    if (site.args[i].kind == contract::SiteArg::String) return site.args[i].text;
    return rt::fmt::value_text(value(i));
}

double CallContext::real(size_t i) const {
    if (i < site.args.size() && site.args[i].kind == contract::SiteArg::Real) {
        double d;
        std::memcpy(&d, &payload_[site.args[i].offset], sizeof d);
        return d;
    }
    return rt::val::to_real(value(i));
}

void CallContext::write(const contract::ReplySlot& slot, const rt::Value& v) {
    if (slot.isReal) {
        double d = rt::val::to_real(v);
        std::memcpy(&reply_[slot.offset], &d, sizeof d);
        return;
    }
    rt::Value c = v.converted(slot.width, slot.isSigned);
    uint32_t nw = rt::k::nwords(slot.width);
    rt::k::CRef r = c.cref();
    for (uint32_t w = 0; w < nw && slot.offset + nw + w < replyWords_; ++w) {
        reply_[slot.offset + w] = r.a[w];
        reply_[slot.offset + nw + w] = r.b[w];
    }
}

void CallContext::setResult(int64_t v) {
    setResult(rt::Value::from_i64(64, v));
}

void CallContext::setResult(const rt::Value& v) {
    if (site.hasResult) write(site.result, v);
}

const contract::ReplySlot* CallContext::output(size_t i) const {
    if (i >= site.outputOf.size() || site.outputOf[i] < 0) return nullptr;
    return &site.outputs[static_cast<size_t>(site.outputOf[i])];
}

void CallContext::setOutput(size_t i, const rt::Value& v) {
    const contract::ReplySlot* s = output(i);
    if (!s) return;
    write(*s, v);
    reply_[0] |= rt::word{1} << site.outputOf[i];
}

void CallContext::setOutputReal(size_t i, double d) {
    const contract::ReplySlot* s = output(i);
    if (!s) return;
    if (s->isReal)
        std::memcpy(&reply_[s->offset], &d, sizeof d);
    else
        write(*s, rt::val::from_real(d, s->width, s->isSigned));
    reply_[0] |= rt::word{1} << site.outputOf[i];
}

void CallContext::setOutputDigits(size_t i, std::string_view digits, int base) {
    const contract::ReplySlot* s = output(i);
    if (!s) return;
    if (s->isReal) {
        // As Icarus: the text's value at 1024 bits, signed after a '-'.
        bool neg = !digits.empty() && digits[0] == '-';
        setOutputReal(i, rt::val::to_real(digitsValue(digits, base, 1024).with_signed(neg)));
        return;
    }
    setOutput(i, digitsValue(digits, base, s->width));
}

rt::Value digitsValue(std::string_view digits, int base, uint32_t width) {
    bool neg = !digits.empty() && digits[0] == '-';
    if (neg) digits.remove_prefix(1);
    if (base == 10) {
        char first = digits.empty() ? '0' : digits[0];
        if (first == 'x' || first == 'X') return rt::Value::all_x(width);
        if (first == 'z' || first == 'Z') return rt::Value::all_z(width);
        rt::Value acc = rt::Value::from_u64(width, 0);
        rt::Value ten = rt::Value::from_u64(width, 10);
        for (char ch : digits)
            if (ch >= '0' && ch <= '9')
                acc = acc * ten + rt::Value::from_u64(width, static_cast<uint64_t>(ch - '0'));
        return neg ? rt::val::neg(acc) : acc;
    }
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    std::string b;
    for (char ch : digits) {
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (l == '_') continue;
        if (l == 'x' || l == 'z' || l == '?') {
            b += std::string(static_cast<size_t>(bits), l == 'z' ? 'z' : 'x');
            continue;
        }
        int d = l >= '0' && l <= '9' ? l - '0' : l - 'a' + 10;
        for (int k = bits - 1; k >= 0; --k) b += ((d >> k) & 1) ? '1' : '0';
    }
    if (b.empty()) b = "0";
    rt::Value t = rt::Value::from_binary(b);
    if (neg) t = rt::val::neg(t);
    rt::Bit top = t.bit(t.width() - 1);
    rt::Bit pad = top == rt::BX || top == rt::BZ || (neg && top == rt::B1) ? top : rt::B0;
    rt::Value r(width);
    for (uint32_t k = 0; k < width; ++k) r.set_bit(k, k < t.width() ? t.bit(k) : pad);
    return r;
}

void CallContext::warn(const std::string& message) const {
    fmt::print(err, "{}: warning: {}\n", site.where, message);
}

} // namespace metalfpga::runtime
