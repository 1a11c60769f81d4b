#include "cli/arguments.h"

#include <fstream>
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

ExpandedArguments expandArguments(const std::vector<std::string>& argv) {
    ExpandedArguments out;
    expandInto(argv, out, 0);
    return out;
}

} // namespace metalfpga::cli
