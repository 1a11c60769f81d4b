#pragma once
// Diagnostics for people: `file:line:col: error: message`, the source line, a caret under the
// column, then notes for the include chain and macro expansions that led there.

#include "frontend/source_manager.h"

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

namespace metalfpga::frontend {

enum class Severity { Note, Warning, Error, Fatal };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string message;
};

class Diagnostics {
  public:
    explicit Diagnostics(const SourceManager& sm, std::FILE* out = stderr) : sm_(sm), out_(out) {}

    void report(Severity sev, SourceLoc loc, std::string message);
    void error(SourceLoc loc, std::string message) { report(Severity::Error, loc, std::move(message)); }
    void warning(SourceLoc loc, std::string message) {
        report(Severity::Warning, loc, std::move(message));
    }
    void note(SourceLoc loc, std::string message) { report(Severity::Note, loc, std::move(message)); }

    template <typename... Args>
    void error(SourceLoc loc, fmt::format_string<Args...> f, Args&&... args) {
        error(loc, fmt::format(f, std::forward<Args>(args)...));
    }
    template <typename... Args>
    void warning(SourceLoc loc, fmt::format_string<Args...> f, Args&&... args) {
        warning(loc, fmt::format(f, std::forward<Args>(args)...));
    }

    size_t errorCount() const { return errors_; }
    size_t warningCount() const { return warnings_; }
    bool hasErrors() const { return errors_ > 0; }

    // Every diagnostic reported so far (tests read these instead of the printed text).
    const std::vector<Diagnostic>& all() const { return all_; }
    // Renders one diagnostic the way it is printed.
    std::string render(const Diagnostic& d) const;

    // Stop printing (tests, fuzzing); diagnostics are still recorded and counted.
    void setQuiet(bool quiet) { quiet_ = quiet; }
    // After this many errors further errors are counted but not printed or stored.
    void setErrorLimit(size_t limit) { errorLimit_ = limit; }

  private:
    const SourceManager& sm_;
    std::FILE* out_;
    std::vector<Diagnostic> all_;
    size_t errors_ = 0;
    size_t warnings_ = 0;
    size_t errorLimit_ = 50;
    bool quiet_ = false;
};

const char* severityName(Severity s);

} // namespace metalfpga::frontend
