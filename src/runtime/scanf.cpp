// $fscanf and $sscanf (IEEE 1364-2005 17.2.4.3): conversions %b %o %d %h %x %c %s %e %f %g
// %t %u %z %m %%, '*' (no assignment) and field widths. The result is the number of arguments
// assigned, or EOF (-1) when the input is at its end before anything is read; as in Icarus,
// input that ends later (white space before the end included) gives the count so far, 0 too,
// except that a first %u/%z item that finds too few bytes gives EOF. As in Icarus, integer
// fields accept x/z/? digits (a decimal field that starts with one is that character alone)
// and are put on the argument as VPI digit strings are (digitsValue), and %t scales by
// $timeformat.
#include "runtime/host_calls.h"
#include "runtime/instance.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace metalfpga::runtime {

namespace {

class Source {
  public:
    explicit Source(FILE* f) : f_(f) {}
    explicit Source(std::string s) : s_(std::move(s)) {}
    int get() {
        if (f_) return std::fgetc(f_);
        return pos_ < s_.size() ? static_cast<unsigned char>(s_[pos_++]) : EOF;
    }
    void unget(int c) {
        if (c == EOF) return;
        if (f_)
            std::ungetc(c, f_);
        else if (pos_ > 0)
            --pos_;
    }
    int peek() {
        int c = get();
        unget(c);
        return c;
    }
    // Skips white space; false at the end of input.
    bool skipSpace() {
        int c;
        while ((c = get()) != EOF && std::isspace(c)) {
        }
        unget(c);
        return c != EOF;
    }

  private:
    FILE* f_ = nullptr;
    std::string s_;
    size_t pos_ = 0;
};

rt::Value textValue(const std::string& s, uint32_t width) {
    rt::Value v = rt::Value::from_u64(width, 0);
    for (size_t k = 0; k < s.size() && (k + 1) * 8 <= width; ++k) {
        unsigned char ch = static_cast<unsigned char>(s[s.size() - 1 - k]);
        for (int b = 0; b < 8; ++b)
            v.set_bit(static_cast<int64_t>(k * 8 + b), (ch >> b) & 1 ? rt::B1 : rt::B0);
    }
    return v;
}

bool isXz(int c) {
    return c == 'x' || c == 'X' || c == 'z' || c == 'Z' || c == '?';
}

// One integer field in base 2/8/10/16 as Icarus matches it (white space already skipped), as
// text for digitsValue; empty when nothing matched. A field cannot start with '_'; '?' is x;
// a decimal field is one x/z/? character, or digits (and '_') after an optional sign that must
// be followed by a digit. `width` < 0: no limit.
std::string intField(Source& in, int base, int width) {
    std::string t;
    size_t limit = width < 0 ? std::string::npos : static_cast<size_t>(width);
    int c = in.get();
    if (limit == 0 || c == '_') {
        in.unget(c);
        return t;
    }
    if (base == 10) {
        if (isXz(c)) return c == 'z' || c == 'Z' ? "z" : "x";
        if (c == '+' || c == '-') {
            if (limit == 1) {
                in.unget(c);
                return t;
            }
            int sign = c;
            c = in.get();
            if (!std::isdigit(c)) {
                in.unget(c);
                return t;
            }
            // A '+' uses up one character of the width; a '-' is part of the text.
            if (sign == '-')
                t += '-';
            else if (limit != std::string::npos)
                --limit;
        }
        for (; (std::isdigit(c) || c == '_') && t.size() < limit; c = in.get())
            t += static_cast<char>(c);
        in.unget(c);
        return t == "-" ? "" : t;
    }
    for (; c != EOF && t.size() < limit; c = in.get()) {
        bool ok = isXz(c) || c == '_';
        if (!ok) {
            int d = std::isdigit(c) ? c - '0' : std::isxdigit(c) ? std::tolower(c) - 'a' + 10 : 99;
            ok = d < base;
        }
        if (!ok) break;
        t += static_cast<char>(c == '?' ? 'x' : c);
    }
    in.unget(c);
    return t;
}

// A real number field (%e %f %g %t) as Icarus matches it: [sign] digits [. digits] and an
// exponent that must have a digit; at most `width` characters (< 0: no limit). False when it
// does not match (what was read stays consumed, as in Icarus).
bool realField(Source& in, int width, double& out) {
    size_t limit = width < 0 ? std::string::npos : static_cast<size_t>(width);
    std::string t;
    int c = in.get();
    auto fail = [&] {
        in.unget(c);
        return false;
    };
    if (limit == 0) return fail();
    if (c == '+' || c == '-') {
        if (limit == 1) return fail();
        t += static_cast<char>(c);
        c = in.get();
    }
    for (; std::isdigit(c) && t.size() < limit; c = in.get()) t += static_cast<char>(c);
    if (c == '.' && t.size() < limit) {
        t += '.';
        for (c = in.get(); std::isdigit(c) && t.size() < limit; c = in.get())
            t += static_cast<char>(c);
    }
    if (t.empty() || t == "+" || t == "-") return fail();
    if ((c == 'e' || c == 'E') && t.size() < limit) {
        t += static_cast<char>(c);
        c = in.get();
        if (t.size() == limit) return fail();
        if (c == '+' || c == '-') {
            t += static_cast<char>(c);
            c = in.get();
            if (t.size() == limit) return fail();
        }
        if (!std::isdigit(c)) return fail();
        for (; std::isdigit(c) && t.size() < limit; c = in.get()) t += static_cast<char>(c);
    }
    in.unget(c);
    out = std::strtod(t.c_str(), nullptr);
    return true;
}

void scan(CallContext& c, Source& in, const std::string& format) {
    size_t arg = 2;
    int assigned = 0;
    // As Icarus: a format with an x or z bit gives EOF.
    if (in.peek() == EOF || c.value(1).has_xz()) {
        c.setResult(-1);
        return;
    }
    // binaryEof: a %u/%z item found too few bytes.
    auto done = [&](bool binaryEof) { c.setResult(binaryEof && assigned == 0 ? -1 : assigned); };
    for (size_t i = 0; i < format.size(); ++i) {
        char f = format[i];
        if (std::isspace(static_cast<unsigned char>(f))) {
            in.skipSpace();
            continue;
        }
        if (f != '%' || i + 1 >= format.size()) {
            int ch = in.get();
            if (ch == EOF) return done(false);
            if (ch != static_cast<unsigned char>(f)) {
                in.unget(ch);
                return done(false);
            }
            continue;
        }
        ++i;
        bool suppress = false;
        if (format[i] == '*') {
            suppress = true;
            ++i;
        }
        int width = -1;
        while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
            width = (width < 0 ? 0 : width * 10) + (format[i++] - '0');
        if (i >= format.size()) break;
        char conv = static_cast<char>(std::tolower(static_cast<unsigned char>(format[i])));
        if (conv == '%') {
            in.skipSpace();
            int ch = in.get();
            if (ch == EOF) return done(false);
            if (ch != '%') {
                in.unget(ch);
                return done(false);
            }
            continue;
        }
        if (conv == 'm') {
            if (!suppress) {
                c.setOutput(arg, textValue(c.site.scope, c.output(arg) ? c.output(arg)->width : 8));
                ++arg;
                ++assigned;
            }
            continue;
        }
        const contract::ReplySlot* out = suppress ? nullptr : c.output(arg);
        if (!suppress && !out) {
            c.warn(fmt::format("$fscanf/$sscanf: the format has more conversions than "
                               "arguments"));
            return done(false);
        }
        uint32_t w = out ? out->width : 64;
        if (conv == 'c') {
            int ch = in.get();
            if (ch == EOF) return done(false);
            if (!suppress) {
                c.setOutput(arg++, rt::Value::from_u64(w, static_cast<uint64_t>(ch)));
                ++assigned;
            }
            continue;
        }
        if (conv == 'u' || conv == 'z') {
            // Unformatted binary (as Icarus writes it): 32-bit little-endian words, least
            // significant first; %z gives each word's a-plane then b-plane (x: 1/1, z: 0/1).
            uint32_t words = (w + 31) / 32;
            uint32_t need = words * 4 * (conv == 'z' ? 2 : 1);
            std::string bytes;
            for (int ch; bytes.size() < need && (ch = in.get()) != EOF;)
                bytes += static_cast<char>(ch);
            if (bytes.size() < need) {
                if (!bytes.empty())
                    c.instance.emit(fmt::format("WARNING: {}: $fscanf() only found {} of {} bytes "
                                                "needed by %{} format code.\n",
                                                c.site.where, bytes.size(), need, conv));
                return done(true);
            }
            auto word = [&](size_t at) {
                uint32_t v = 0;
                for (int b = 0; b < 4; ++b)
                    v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + b]))
                         << (8 * b);
                return v;
            };
            rt::Value v = rt::Value::from_u64(w, 0);
            for (uint32_t k = 0; k < words; ++k) {
                uint32_t a = conv == 'z' ? word(k * 8) : word(k * 4);
                uint32_t bw = conv == 'z' ? word(k * 8 + 4) : 0;
                for (uint32_t bit = 0; bit < 32 && k * 32 + bit < w; ++bit) {
                    bool ab = (a >> bit) & 1, bb = (bw >> bit) & 1;
                    v.set_bit(static_cast<int64_t>(k * 32 + bit),
                              bb ? (ab ? rt::BX : rt::BZ) : (ab ? rt::B1 : rt::B0));
                }
            }
            if (!suppress) {
                c.setOutput(arg++, v);
                ++assigned;
            }
            continue;
        }
        if (!in.skipSpace()) return done(false);
        std::string t;
        switch (conv) {
        case 'b':
        case 'o':
        case 'd':
        case 'h':
        case 'x': {
            int base = conv == 'b' ? 2 : conv == 'o' ? 8 : conv == 'd' ? 10 : 16;
            t = intField(in, base, width);
            if (t.empty()) return done(false);
            if (!suppress) c.setOutputDigits(arg, t, base);
            break;
        }
        case 's': {
            int ch;
            while ((ch = in.get()) != EOF && !std::isspace(ch) &&
                   (width < 0 || static_cast<int>(t.size()) < width))
                t += static_cast<char>(ch);
            in.unget(ch);
            if (!suppress) c.setOutput(arg, textValue(t, w));
            break;
        }
        case 'e':
        case 'f':
        case 'g':
        case 't': {
            double d = 0;
            if (!realField(in, width, d)) return done(false);
            if (conv == 't') {
                // As Icarus: rounded to the $timeformat precision, then scaled from the
                // $timeformat units to the module's time unit.
                const rt::fmt::TimeFormat& tf = c.instance.timeFormat;
                double scale = std::pow(10.0, tf.precision);
                d = std::round(d * scale) / scale;
                if (tf.units >= c.site.timeUnit)
                    d *= std::pow(10.0, tf.units - c.site.timeUnit);
                else
                    d /= std::pow(10.0, c.site.timeUnit - tf.units);
            }
            if (!suppress) c.setOutputReal(arg, d);
            break;
        }
        default:
            c.warn(fmt::format("$fscanf/$sscanf: the conversion %{} is not supported", conv));
            return done(false);
        }
        if (!suppress) {
            ++arg;
            ++assigned;
        }
    }
    done(false);
}

} // namespace

void callFscanf(CallContext& c) {
    rt::Value d = c.value(0);
    uint32_t fd = d.has_xz() ? 0 : static_cast<uint32_t>(d.to_u64());
    FILE* f = nullptr;
    if (fd == 0x80000000u) {
        f = stdin;
    } else if ((fd & 0x80000000u) && fd - 0x80000000u >= 3) {
        size_t i = fd - 0x80000003u;
        auto& fds = c.instance.files.fds;
        if (i < fds.size()) f = fds[i].f;
    }
    if (!f) {
        c.instance.emit(fmt::format("WARNING: {}: invalid file descriptor (0x{:x}) given to "
                                    "$fscanf.\n",
                                    c.site.where, fd));
        c.setResult(-1);
        return;
    }
    Source in(f);
    scan(c, in, c.text(1));
}

void callSscanf(CallContext& c) {
    Source in(c.text(0));
    scan(c, in, c.text(1));
}

} // namespace metalfpga::runtime
