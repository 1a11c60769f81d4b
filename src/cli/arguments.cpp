#include "cli/arguments.h"

#include "frontend/diagnostics.h"
#include "frontend/parser.h"

#include <fmt/format.h>

#include <fstream>
#include <set>
#include <sstream>

namespace metalfpga::cli {

namespace {

constexpr unsigned kMaxCommandFileDepth = 16;

// "+incdir+a+b" with prefix "+incdir+" -> {"a", "b"}
std::vector<std::string> plusList(const std::string& arg, size_t prefixLen) {
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = prefixLen; i < arg.size(); ++i) {
        if (arg[i] == '+') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += arg[i];
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

bool startsWith(const std::string& s, const char* p) {
    return s.rfind(p, 0) == 0;
}

void expandInto(const std::vector<std::string>& in, ExpandedArguments& out, unsigned depth) {
    for (size_t i = 0; i < in.size(); ++i) {
        const std::string& a = in[i];
        if (a == "-f" || (startsWith(a, "-f") && a.size() > 2 && !startsWith(a, "--"))) {
            std::string path;
            if (a == "-f") {
                if (i + 1 >= in.size()) {
                    out.errors.push_back("-f needs a file name");
                    continue;
                }
                path = in[++i];
            } else {
                path = a.substr(2);
            }
            if (depth >= kMaxCommandFileDepth) {
                out.errors.push_back("command files nested too deeply at '" + path + "'");
                continue;
            }
            std::ifstream f(path);
            if (!f) {
                out.errors.push_back("cannot open command file '" + path + "'");
                continue;
            }
            std::stringstream ss;
            ss << f.rdbuf();
            expandInto(splitCommandFile(ss.str()), out, depth + 1);
        } else if (startsWith(a, "+incdir+")) {
            for (auto& d : plusList(a, 8)) out.includeDirs.push_back(d);
        } else if (startsWith(a, "+define+")) {
            for (auto& d : plusList(a, 8)) out.defines.push_back(parseDefine(d));
        } else if (startsWith(a, "+libext+")) {
            for (auto& e : plusList(a, 8)) out.libExts.push_back(e);
        } else if (startsWith(a, "+timescale+")) {
            out.timescale = a.substr(11);
        } else if (startsWith(a, "+")) {
            out.plusargs.push_back(a.substr(1));
        } else {
            out.args.push_back(a);
        }
    }
}

} // namespace

std::vector<std::string> splitCommandFile(const std::string& text) {
    std::vector<std::string> words;
    size_t i = 0, n = text.size();
    while (i < n) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else if (c == '#' || (c == '/' && i + 1 < n && text[i + 1] == '/')) {
            while (i < n && text[i] != '\n') ++i;
        } else {
            std::string w;
            while (i < n && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' &&
                   text[i] != '\n') {
                if (text[i] == '"' || text[i] == '\'') {
                    char q = text[i++];
                    while (i < n && text[i] != q) w += text[i++];
                    if (i < n) ++i;
                } else {
                    w += text[i++];
                }
            }
            words.push_back(w);
        }
    }
    return words;
}

std::pair<std::string, std::string> parseDefine(const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos) return {text, "1"};
    return {text.substr(0, eq), text.substr(eq + 1)};
}

std::optional<ParamOption> parseParamOption(char flag, const std::string& text,
                                            std::string& error) {
    const char* form = flag == 'P' ? "TOP.NAME=VALUE" : "NAME=VALUE";
    auto eq = text.find('=');
    std::string key = text.substr(0, eq);
    ParamOption p;
    p.option = fmt::format("-{} {}", flag, key);
    if (eq == std::string::npos) {
        error = fmt::format("-{} {}: expected {}", flag, text, form);
        return std::nullopt;
    }
    p.value = text.substr(eq + 1);
    if (flag == 'P') {
        auto dot = key.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == key.size() ||
            key.find('.', dot + 1) != std::string::npos) {
            error =
                fmt::format("-P {}: expected {} (a parameter of a top-level module)", text, form);
            return std::nullopt;
        }
        p.top = key.substr(0, dot);
        p.name = key.substr(dot + 1);
    } else {
        if (key.empty() || key.find('.') != std::string::npos) {
            error = fmt::format("-G {}: expected {} (a parameter of the top-level modules)", text,
                                form);
            return std::nullopt;
        }
        p.name = key;
    }
    return p;
}

std::unique_ptr<ParamValue> parseParamValue(frontend::SourceManager& sm, const ParamOption& p,
                                            std::string& error) {
    using frontend::TokenKind;
    auto bad = [&](const std::string& why) {
        error = fmt::format("{}={}: {}; VALUE is a constant such as 8, 8'hff, -3, 1.5 or "
                            "\"text\" (with its quotes)",
                            p.option, p.value, why);
        return nullptr;
    };
    // The value is parsed alone; its messages are kept, and only the first is shown.
    frontend::Diagnostics diags(sm);
    diags.setQuiet(true);
    uint32_t buf = sm.addBuffer(p.option, p.value);
    auto v = std::make_unique<ParamValue>();
    frontend::Preprocessor pp(sm, diags, {});
    v->unit = pp.runBuffers({buf});
    if (diags.hasErrors()) return bad(diags.all().front().message);
    if (v->unit.tokens.size() <= 1) return bad("the value is empty");
    for (const frontend::Token& t : v->unit.tokens)
        if (t.kind == TokenKind::Identifier)
            return bad(
                fmt::format("'{}' is not a constant (a string needs double quotes)", t.text));
    frontend::Parser parser(v->unit, sm, diags);
    v->expr = parser.parseExpressionOnly();
    if (!v->expr || diags.hasErrors()) {
        for (const auto& d : diags.all())
            if (d.severity >= frontend::Severity::Error) return bad(d.message);
        return bad("not an expression");
    }
    return v;
}

std::optional<std::pair<int, int>> parseTimescale(const std::string& text) {
    // One time literal: 1, 10 or 100 followed by s, ms, us, ns, ps or fs.
    auto one = [](std::string t) -> std::optional<int> {
        size_t i = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        std::string num = t.substr(0, i), unit = t.substr(i);
        int mag = num == "1" ? 0 : num == "10" ? 1 : num == "100" ? 2 : -1;
        if (mag < 0) return std::nullopt;
        static const std::pair<const char*, int> units[] = {{"s", 0},   {"ms", -3},  {"us", -6},
                                                            {"ns", -9}, {"ps", -12}, {"fs", -15}};
        for (auto& [name, exp] : units)
            if (unit == name) return exp + mag;
        return std::nullopt;
    };
    auto slash = text.find('/');
    if (slash == std::string::npos) return std::nullopt;
    auto unit = one(text.substr(0, slash));
    auto prec = one(text.substr(slash + 1));
    if (!unit || !prec || *prec > *unit) return std::nullopt;
    return std::pair<int, int>{*unit, *prec};
}

ExpandedArguments expandArguments(const std::vector<std::string>& argv) {
    ExpandedArguments out;
    expandInto(argv, out, 0);
    return out;
}

bool applyGenerationFlag(const std::string& value, GenerationFlags& flags, std::string& error) {
    static const std::set<std::string> verilog = {"1995", "2001", "2001-noconfig", "2005"};
    static const std::set<std::string> systemVerilog = {"2005-sv", "2009", "2012", "2017", "sv"};
    // Switches that name what this simulator always does: specify blocks are simulated, and
    // @* leaves out loop indices used only by their loops.
    static const std::set<std::string> inert = {"specify", "shared-loop-index"};
    if (verilog.count(value) || inert.count(value)) return true;
    if (systemVerilog.count(value)) {
        error =
            "-g" + value + ": SystemVerilog is not supported (metalfpga simulates Verilog-2005)";
        return false;
    }
    if (value == "io-range-error" || value == "no-io-range-error") {
        flags.ioRangeError = value == "io-range-error";
        return true;
    }
    error = "unknown -g flag '-g" + value +
            "' (accepted: 1995, 2001, 2005, io-range-error, no-io-range-error, specify, "
            "shared-loop-index)";
    return false;
}

} // namespace metalfpga::cli
