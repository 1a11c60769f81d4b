#include "frontend/diagnostics.h"

#include <algorithm>

namespace metalfpga::frontend {

const char* severityName(Severity s) {
    switch (s) {
    case Severity::Note:
        return "note";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    case Severity::Fatal:
        return "fatal error";
    }
    return "error";
}

namespace {

std::string where(const SourceManager& sm, SourceLoc loc) {
    LineCol lc = sm.displayLineCol(loc);
    return fmt::format("{}:{}:{}", sm.displayName(loc), lc.line, lc.col);
}

// The source line and a caret under the column. Both lines start with "  : " so tools that
// filter compiler output (as the ivtest runner does) can tell them from simulation output. A
// long line (generated code, a macro expanded on one line) is shown as a window around the
// column, "..." marking what is cut.
std::string snippet(const SourceManager& sm, SourceLoc loc) {
    constexpr size_t kWindow = 100;
    std::string_view line = sm.lineText(loc);
    LineCol lc = sm.lineCol(loc);
    size_t col = lc.col ? lc.col - 1 : 0;
    size_t from = 0, to = line.size();
    if (line.size() > 2 * kWindow) {
        from = col > kWindow ? col - kWindow : 0;
        to = std::min(line.size(), from + 2 * kWindow);
    }
    std::string out = "    : ";
    std::string caret = "    : ";
    if (from > 0) {
        out += "...";
        caret += "   ";
    }
    for (size_t i = from; i < to; ++i) {
        char c = line[i];
        out += (c == '\t') ? ' ' : c;
        if (i < col) caret += ' ';
    }
    if (to < line.size()) out += "...";
    caret += '^';
    return out + "\n" + caret + "\n";
}

} // namespace

std::string Diagnostics::render(const Diagnostic& d) const {
    if (!d.loc.valid())
        return fmt::format("metalfpga: {}: {}\n", severityName(d.severity), d.message);
    std::string s =
        fmt::format("{}: {}: {}\n", where(sm_, d.loc), severityName(d.severity), d.message);
    s += snippet(sm_, d.loc);
    // Macro expansions, innermost first: show where each macro was used.
    for (uint32_t e = d.loc.expansion; e != 0;) {
        const MacroExpansion& x = sm_.expansion(e);
        s += fmt::format("{}: note: in expansion of macro '{}'\n", where(sm_, x.use), x.name);
        e = x.use.expansion;
    }
    // The include chain of the file the location is in (of the outermost use for macros).
    SourceLoc base = d.loc;
    while (base.expansion != 0) base = sm_.expansion(base.expansion).use;
    for (SourceLoc inc = sm_.includedFrom(base.buffer); inc.valid();
         inc = sm_.includedFrom(inc.buffer))
        s += fmt::format("{}: note: included from here\n", where(sm_, inc));
    return s;
}

void Diagnostics::report(Severity sev, SourceLoc loc, std::string message) {
    if (sev == Severity::Error || sev == Severity::Fatal) {
        if (++errors_ > errorLimit_) {
            if (errors_ == errorLimit_ + 1 && !quiet_)
                std::fprintf(out_, "metalfpga: too many errors, stopping the list here\n");
            return;
        }
    } else if (sev == Severity::Warning) {
        ++warnings_;
    }
    Diagnostic d{sev, loc, std::move(message)};
    if (!quiet_) {
        std::string text = render(d);
        std::fwrite(text.data(), 1, text.size(), out_);
        std::fflush(out_);
    }
    all_.push_back(std::move(d));
}

} // namespace metalfpga::frontend
