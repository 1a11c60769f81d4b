#pragma once
// Owns every source text the frontend reads (files, and text made by macro pasting) and turns
// compact locations back into file:line:col, the source line, and the include / macro chain.

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace metalfpga::frontend {

// A position in a source buffer. `buffer` 0 means "no location". `expansion` (0 = none) names the
// macro expansion the token came out of, so diagnostics can show where the macro was used.
struct SourceLoc {
    uint32_t buffer = 0;
    uint32_t offset = 0;
    uint32_t expansion = 0;

    bool valid() const { return buffer != 0; }
    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

struct LineCol {
    uint32_t line = 0; // 1-based
    uint32_t col = 0;  // 1-based, in bytes
};

// One use of a macro: the name, where it was used, and where it was defined.
struct MacroExpansion {
    std::string name;
    SourceLoc use;
    SourceLoc definition;
};

class SourceManager {
  public:
    SourceManager();

    // Reads a file. Returns the buffer id, or nullopt when it cannot be read.
    std::optional<uint32_t> loadFile(const std::string& path, SourceLoc includedFrom = {});
    // Adds text that has no file (tests, the command line, pasted tokens).
    uint32_t addBuffer(std::string name, std::string text, SourceLoc includedFrom = {});

    std::string_view text(uint32_t buffer) const { return buffers_[buffer]->text; }
    const std::string& name(uint32_t buffer) const { return buffers_[buffer]->name; }
    SourceLoc includedFrom(uint32_t buffer) const { return buffers_[buffer]->includedFrom; }
    // `line` directives override the reported file name and line from a point of a buffer on.
    void addLineDirective(SourceLoc at, std::string file, uint32_t line);

    LineCol lineCol(SourceLoc loc) const;
    // The name a diagnostic shows for this location (honours `line).
    std::string displayName(SourceLoc loc) const;
    LineCol displayLineCol(SourceLoc loc) const;
    std::string_view lineText(SourceLoc loc) const;

    uint32_t addExpansion(MacroExpansion e);
    const MacroExpansion& expansion(uint32_t id) const { return expansions_[id]; }

    // Stable storage for strings made during preprocessing (pasted identifiers, stringified
    // arguments); views into it stay valid as long as the SourceManager lives.
    std::string_view intern(std::string s);

  private:
    struct LineDirective {
        uint32_t offset;
        std::string file;
        uint32_t line;
    };
    struct Buffer {
        std::string name;
        std::string text;
        SourceLoc includedFrom;
        std::vector<uint32_t> lineStarts;
        std::vector<LineDirective> lineDirectives;
    };
    std::vector<std::unique_ptr<Buffer>> buffers_;
    std::vector<MacroExpansion> expansions_;
    std::deque<std::string> strings_;
};

} // namespace metalfpga::frontend
