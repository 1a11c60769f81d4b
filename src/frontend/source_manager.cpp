#include "frontend/source_manager.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace metalfpga::frontend {

SourceManager::SourceManager() {
    buffers_.push_back(std::make_unique<Buffer>()); // id 0: no buffer
    expansions_.push_back({});                      // id 0: no expansion
}

std::optional<uint32_t> SourceManager::loadFile(const std::string& path, SourceLoc includedFrom) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return addBuffer(path, ss.str(), includedFrom);
}

uint32_t SourceManager::addBuffer(std::string name, std::string text, SourceLoc includedFrom) {
    auto b = std::make_unique<Buffer>();
    b->name = std::move(name);
    b->text = std::move(text);
    b->includedFrom = includedFrom;
    b->lineStarts.push_back(0);
    for (uint32_t i = 0; i < b->text.size(); ++i)
        if (b->text[i] == '\n') b->lineStarts.push_back(i + 1);
    buffers_.push_back(std::move(b));
    return static_cast<uint32_t>(buffers_.size() - 1);
}

void SourceManager::addLineDirective(SourceLoc at, std::string file, uint32_t line) {
    if (!at.valid()) return;
    buffers_[at.buffer]->lineDirectives.push_back({at.offset, std::move(file), line});
}

LineCol SourceManager::lineCol(SourceLoc loc) const {
    if (!loc.valid() || loc.buffer >= buffers_.size()) return {};
    const auto& starts = buffers_[loc.buffer]->lineStarts;
    auto it = std::upper_bound(starts.begin(), starts.end(), loc.offset);
    uint32_t line = static_cast<uint32_t>(it - starts.begin());
    return {line, loc.offset - starts[line - 1] + 1};
}

std::string SourceManager::displayName(SourceLoc loc) const {
    if (!loc.valid() || loc.buffer >= buffers_.size()) return "<unknown>";
    const auto& b = *buffers_[loc.buffer];
    const LineDirective* best = nullptr;
    for (const auto& d : b.lineDirectives)
        if (d.offset <= loc.offset && (!best || d.offset >= best->offset)) best = &d;
    return best ? best->file : b.name;
}

LineCol SourceManager::displayLineCol(SourceLoc loc) const {
    LineCol lc = lineCol(loc);
    if (!loc.valid()) return lc;
    const auto& b = *buffers_[loc.buffer];
    const LineDirective* best = nullptr;
    for (const auto& d : b.lineDirectives)
        if (d.offset <= loc.offset && (!best || d.offset >= best->offset)) best = &d;
    if (best) {
        // The directive names the line that follows the directive's own line.
        uint32_t dirLine = lineCol({loc.buffer, best->offset, 0}).line;
        lc.line = best->line + (lc.line - dirLine - 1);
    }
    return lc;
}

std::string_view SourceManager::lineText(SourceLoc loc) const {
    if (!loc.valid() || loc.buffer >= buffers_.size()) return {};
    const auto& b = *buffers_[loc.buffer];
    LineCol lc = lineCol(loc);
    uint32_t start = b.lineStarts[lc.line - 1];
    uint32_t end = lc.line < b.lineStarts.size() ? b.lineStarts[lc.line] : b.text.size();
    std::string_view s(b.text.data() + start, end - start);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

uint32_t SourceManager::addExpansion(MacroExpansion e) {
    expansions_.push_back(std::move(e));
    return static_cast<uint32_t>(expansions_.size() - 1);
}

std::string_view SourceManager::intern(std::string s) {
    strings_.push_back(std::move(s));
    return strings_.back();
}

} // namespace metalfpga::frontend
