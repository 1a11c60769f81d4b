// SDF reading in two steps: the text becomes a tree of parenthesized lists (comments, strings
// and escaped identifiers handled), then the tree is read as DELAYFILE entries. Entries that do
// not change module path delays are listed in File::ignored with their place.
#include "sdf/sdf_parser.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace metalfpga::sdf {

namespace {

struct Node {
    bool list = false;
    bool string = false;
    std::string atom; // a word (escapes kept) or a string's text
    SourceLoc loc;
    std::vector<Node> kids;
    bool isWord(std::string_view w) const { return !list && !string && upper(atom) == w; }
    static std::string upper(std::string s) {
        for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return s;
    }
    // A list's keyword (its first word, upper case), or "".
    std::string head() const {
        return list && !kids.empty() && !kids[0].list && !kids[0].string ? upper(kids[0].atom) : "";
    }
};

class Reader {
  public:
    Reader(std::string_view text, uint32_t buffer, frontend::Diagnostics& diags)
        : text_(text), buffer_(buffer), diags_(diags) {}

    bool read(Node& root) {
        skipSpace();
        if (pos_ >= text_.size() || text_[pos_] != '(') return fail("expected '(DELAYFILE'");
        if (!list(root)) return false;
        skipSpace();
        if (pos_ < text_.size()) return fail("text after the end of the DELAYFILE");
        return true;
    }

  private:
    SourceLoc here() const { return SourceLoc{buffer_, static_cast<uint32_t>(pos_), 0}; }
    bool fail(const std::string& what) {
        diags_.error(here(), "SDF: {}", what);
        return false;
    }
    void skipSpace() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++pos_;
            } else if (text_.compare(pos_, 2, "//") == 0) {
                while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
            } else if (text_.compare(pos_, 2, "/*") == 0) {
                size_t end = text_.find("*/", pos_ + 2);
                pos_ = end == std::string_view::npos ? text_.size() : end + 2;
            } else {
                return;
            }
        }
    }
    bool list(Node& n) {
        n.list = true;
        n.loc = here();
        ++pos_; // (
        if (++depth_ > 1000) return fail("lists nested too deeply");
        for (;;) {
            skipSpace();
            if (pos_ >= text_.size()) return fail("the file ends inside a list (a ')' is missing)");
            char c = text_[pos_];
            if (c == ')') {
                ++pos_;
                --depth_;
                return true;
            }
            Node k;
            if (c == '(') {
                if (!list(k)) return false;
            } else if (c == '"') {
                k.string = true;
                k.loc = here();
                size_t end = text_.find('"', pos_ + 1);
                if (end == std::string_view::npos) return fail("a string is not closed");
                k.atom = std::string(text_.substr(pos_ + 1, end - pos_ - 1));
                pos_ = end + 1;
            } else {
                k.loc = here();
                while (pos_ < text_.size()) {
                    char d = text_[pos_];
                    if (d == '\\' && pos_ + 1 < text_.size()) {
                        k.atom += text_.substr(pos_, 2);
                        pos_ += 2;
                        continue;
                    }
                    if (std::isspace(static_cast<unsigned char>(d)) || d == '(' || d == ')' ||
                        d == '"')
                        break;
                    k.atom += d;
                    ++pos_;
                }
            }
            n.kids.push_back(std::move(k));
        }
    }

    std::string_view text_;
    uint32_t buffer_;
    frontend::Diagnostics& diags_;
    size_t pos_ = 0;
    int depth_ = 0;
};

// Removes the escapes of an identifier (\[ -> [).
std::string unescape(const std::string& s) {
    std::string o;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        o += s[i];
    }
    return o;
}

// Splits a hierarchical path at unescaped dividers.
std::vector<std::string> splitPath(const std::string& s, char divider) {
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            cur += s.substr(i, 2);
            ++i;
        } else if (s[i] == divider) {
            out.push_back(unescape(cur));
            cur.clear();
        } else {
            cur += s[i];
        }
    }
    if (!cur.empty()) out.push_back(unescape(cur));
    return out;
}

class Interpreter {
  public:
    explicit Interpreter(frontend::Diagnostics& diags) : diags_(diags) {}

    bool file(const Node& root, File& out) {
        if (root.head() != "DELAYFILE") return fail(root.loc, "the file must be a (DELAYFILE ...)");
        for (size_t i = 1; i < root.kids.size(); ++i) {
            const Node& k = root.kids[i];
            std::string h = k.head();
            if (h == "TIMESCALE") {
                if (!timescale(k, out.timescale)) return false;
            } else if (h == "DIVIDER") {
                if (k.kids.size() != 2 || k.kids[1].list || k.kids[1].atom.size() != 1 ||
                    (k.kids[1].atom != "." && k.kids[1].atom != "/"))
                    return fail(k.loc, "DIVIDER is '.' or '/'");
                divider_ = k.kids[1].atom[0];
            } else if (h == "CELL") {
                Cell c;
                if (!cell(k, c, out)) return false;
                out.cells.push_back(std::move(c));
            } else if (h.empty()) {
                return fail(k.loc, "expected a header entry or a CELL");
            }
            // SDFVERSION, DESIGN, DATE, VENDOR, PROGRAM, VERSION, VOLTAGE, PROCESS and
            // TEMPERATURE describe the file; nothing to annotate.
        }
        return true;
    }

  private:
    bool fail(SourceLoc loc, const std::string& what) {
        diags_.error(loc, "SDF: {}", what);
        return false;
    }

    bool timescale(const Node& k, double& out) {
        std::string text;
        for (size_t i = 1; i < k.kids.size(); ++i) text += k.kids[i].atom;
        char* end = nullptr;
        double n = std::strtod(text.c_str(), &end);
        std::string unit = end ? std::string(end) : "";
        static const std::pair<const char*, double> units[] = {
            {"s", 1}, {"ms", 1e-3}, {"us", 1e-6}, {"ns", 1e-9}, {"ps", 1e-12}, {"fs", 1e-15}};
        for (auto [u, scale] : units)
            if (unit == u && (n == 1 || n == 10 || n == 100)) {
                out = n * scale;
                return true;
            }
        return fail(k.loc,
                    "TIMESCALE is 1, 10 or 100 of s, ms, us, ns, ps or fs, not '" + text + "'");
    }

    bool cell(const Node& k, Cell& c, File& file) {
        c.loc = k.loc;
        bool haveInstance = false;
        for (size_t i = 1; i < k.kids.size(); ++i) {
            const Node& e = k.kids[i];
            std::string h = e.head();
            if (h == "CELLTYPE") {
                if (e.kids.size() != 2 || !e.kids[1].string)
                    return fail(e.loc, "CELLTYPE takes the cell's name as a string");
                c.type = e.kids[1].atom;
            } else if (h == "INSTANCE") {
                haveInstance = true;
                if (e.kids.size() > 2) return fail(e.loc, "INSTANCE takes one path");
                if (e.kids.size() == 2) {
                    if (e.kids[1].list) return fail(e.loc, "INSTANCE takes one path");
                    if (e.kids[1].atom == "*")
                        c.wildcard = true;
                    else
                        c.instance = splitPath(e.kids[1].atom, divider_);
                }
            } else if (h == "DELAY") {
                for (size_t j = 1; j < e.kids.size(); ++j)
                    if (!delayType(e.kids[j], c, file)) return false;
            } else if (h == "TIMINGCHECK" || h == "TIMINGENV" || h == "LABEL") {
                file.ignored.push_back({h, e.loc});
            } else {
                return fail(e.loc, "expected CELLTYPE, INSTANCE, DELAY or TIMINGCHECK in a CELL");
            }
        }
        if (c.type.empty()) return fail(k.loc, "a CELL needs a CELLTYPE");
        if (!haveInstance) return fail(k.loc, "a CELL needs an INSTANCE");
        return true;
    }

    bool delayType(const Node& d, Cell& c, File& file) {
        std::string h = d.head();
        if (h == "PATHPULSE" || h == "PATHPULSEPERCENT") {
            file.ignored.push_back({h, d.loc});
            return true;
        }
        if (h != "ABSOLUTE" && h != "INCREMENT")
            return fail(d.loc, "expected ABSOLUTE or INCREMENT in a DELAY");
        for (size_t i = 1; i < d.kids.size(); ++i) {
            const Node& e = d.kids[i];
            std::string eh = e.head();
            if (eh == "IOPATH") {
                IoPath p;
                p.increment = h == "INCREMENT";
                p.loc = e.loc;
                if (!iopath(e, p, file)) return false;
                c.paths.push_back(std::move(p));
            } else if (!eh.empty()) {
                file.ignored.push_back({eh, e.loc});
            } else {
                return fail(e.loc, "expected a delay entry such as (IOPATH ...)");
            }
        }
        return true;
    }

    bool port(const Node& n, PortSpec& p) {
        const Node* w = &n;
        if (n.list) {
            std::string h = n.head();
            if ((h != "POSEDGE" && h != "NEGEDGE") || n.kids.size() != 2 || n.kids[1].list)
                return fail(n.loc, "a port is a name or (posedge NAME) / (negedge NAME)");
            p.edge = h == "POSEDGE" ? Edge::Posedge : Edge::Negedge;
            w = &n.kids[1];
        }
        std::string s = w->atom;
        // NAME[bit]: the bracket not escaped.
        size_t open = std::string::npos;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\\') {
                ++i;
                continue;
            }
            if (s[i] == '[') open = i;
        }
        if (open != std::string::npos && s.back() == ']') {
            std::string idx = s.substr(open + 1, s.size() - open - 2);
            char* end = nullptr;
            long long b = std::strtoll(idx.c_str(), &end, 10);
            if (idx.empty() || *end) return fail(w->loc, "a port's bit index must be a number");
            p.bit = b;
            s = s.substr(0, open);
        }
        std::vector<std::string> parts = splitPath(s, divider_);
        if (parts.size() != 1)
            return fail(w->loc, "the simulator does not support hierarchical IOPATH ports yet");
        p.name = parts[0];
        return true;
    }

    bool value(const Node& n, Value& v, File& file) {
        if (!n.list)
            return fail(n.loc, "a delay value is written in parentheses: (1.0) or (1:2:3)");
        if (n.kids.empty()) return true;
        if (n.kids[0].list) {
            // ((delay) (reject) [(error)]): the pulse limits are not annotated.
            if (n.kids.size() > 3) return fail(n.loc, "a delay value has at most two limits");
            file.ignored.push_back({"PULSE LIMITS", n.kids.size() > 1 ? n.kids[1].loc : n.loc});
            return value(n.kids[0], v, file);
        }
        if (n.kids.size() != 1 || n.kids[0].list || n.kids[0].string)
            return fail(n.loc, "a delay value is one number or a min:typ:max triple");
        std::string s = n.kids[0].atom;
        std::vector<std::string> parts;
        size_t start = 0;
        for (size_t i = 0; i <= s.size(); ++i)
            if (i == s.size() || s[i] == ':') {
                parts.push_back(s.substr(start, i - start));
                start = i + 1;
            }
        if (parts.size() != 1 && parts.size() != 3)
            return fail(n.loc, "a delay value is one number or a min:typ:max triple");
        std::optional<double>* slot[3] = {&v.min, &v.typ, &v.max};
        for (size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].empty()) continue;
            char* end = nullptr;
            double x = std::strtod(parts[i].c_str(), &end);
            if (*end || !std::isfinite(x)) return fail(n.loc, "'" + parts[i] + "' is not a number");
            if (parts.size() == 1)
                v.min = v.typ = v.max = x;
            else
                *slot[i] = x;
        }
        return true;
    }

    bool iopath(const Node& e, IoPath& p, File& file) {
        if (e.kids.size() < 4) return fail(e.loc, "IOPATH takes an input, an output and delays");
        if (!port(e.kids[1], p.in) || !port(e.kids[2], p.out)) return false;
        if (p.out.edge != Edge::Any) return fail(e.kids[2].loc, "an IOPATH output has no edge");
        for (size_t i = 3; i < e.kids.size(); ++i) {
            if (e.kids[i].head() == "RETAIN") continue; // SDF 3.0 RETAIN: no effect on the delay
            Value v;
            if (!value(e.kids[i], v, file)) return false;
            p.values.push_back(v);
        }
        size_t n = p.values.size();
        if (n != 1 && n != 2 && n != 3 && n != 6 && n != 12)
            return fail(e.loc,
                        "an IOPATH has 1, 2, 3, 6 or 12 delay values, not " + std::to_string(n));
        return true;
    }

    frontend::Diagnostics& diags_;
    char divider_ = '.';
};

} // namespace

std::optional<File> parse(const frontend::SourceManager& sm, uint32_t buffer,
                          frontend::Diagnostics& diags) {
    Node root;
    Reader r(sm.text(buffer), buffer, diags);
    if (!r.read(root)) return std::nullopt;
    File f;
    Interpreter in(diags);
    if (!in.file(root, f)) return std::nullopt;
    return f;
}

} // namespace metalfpga::sdf
