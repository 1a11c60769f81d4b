#include "backends/common/split_source.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace metalfpga::backends {

std::vector<std::string> splitSource(const std::string& source, size_t parts) {
    // Items of the model: a top-level function (definition or declaration) starts with a
    // column-0 line "MF_HD ..." and, unless it is one line, ends at the next line that is exactly
    // "}"; the generator writes every function that way (src/codegen). Every other line is kept
    // in every part. `struct M` and what follows (the step entry points, init, the extern "C"
    // functions) are used only by the host's entry points and go to part 0 alone.
    std::vector<std::string_view> lines;
    for (size_t pos = 0; pos < source.size();) {
        size_t nl = source.find('\n', pos);
        size_t end = nl == std::string::npos ? source.size() : nl + 1;
        lines.emplace_back(source.data() + pos, end - pos);
        pos = end;
    }
    struct Item {
        size_t first, last; // lines
        std::string name;   // the function's name ("" for other lines)
        bool movable;       // an out-of-line definition: owned by one part
        std::string proto;  // its declaration, for the other parts
    };
    std::vector<Item> items;
    size_t tail = lines.size(), movableBytes = 0, tailBytes = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view l = lines[i];
        if (l.rfind("struct M {", 0) == 0) {
            tail = i;
            for (size_t j = i; j < lines.size(); ++j) tailBytes += lines[j].size();
            break;
        }
        size_t paren = l.find('(');
        if (l.rfind("MF_HD ", 0) != 0 || paren == std::string_view::npos) {
            items.push_back({i, i, "", false, ""});
            continue;
        }
        size_t n = paren;
        while (n > 0 && (std::isalnum(static_cast<unsigned char>(l[n - 1])) || l[n - 1] == '_'))
            --n;
        std::string name(l.substr(n, paren - n));
        size_t brace = l.find('{');
        size_t j = i;
        size_t bytes = l.size();
        if (brace != std::string_view::npos &&
            std::count(l.begin(), l.end(), '{') != std::count(l.begin(), l.end(), '}')) {
            ++j;
            while (j < lines.size() && lines[j] != "}\n") bytes += lines[j++].size();
            if (j == lines.size()) return {source}; // not the expected shape: one part
        }
        bool movable = brace != std::string_view::npos &&
                       l.find(" inline ") == std::string_view::npos &&
                       l.find(" MF_INLINE ") == std::string_view::npos;
        std::string proto;
        if (movable) {
            proto = std::string(l.substr(0, brace));
            while (!proto.empty() && proto.back() == ' ') proto.pop_back();
            proto += ";\n";
            movableBytes += bytes;
        }
        items.push_back({i, j, name, movable, proto});
        i = j;
    }
    if (parts == 0)
        parts =
            source.size() <= kSplitAbove ? 1 : std::max<size_t>(2, movableBytes / kPartBytes + 1);
    parts = std::min(parts, kMaxParts);
    if (parts <= 1 || movableBytes == 0) return {source};

    // Each out-of-line definition goes to the part with the fewest bytes so far (part 0 starts
    // with the tail); the other parts see its declaration in its place.
    std::vector<size_t> load(parts, 0), owner(items.size(), 0);
    load[0] = tailBytes;
    for (size_t d = 0; d < items.size(); ++d) {
        if (!items[d].movable) continue;
        size_t best = 0;
        for (size_t k = 1; k < parts; ++k)
            if (load[k] < load[best]) best = k;
        owner[d] = best;
        for (size_t j = items[d].first; j <= items[d].last; ++j) load[best] += lines[j].size();
    }
    auto text = [&](size_t d, size_t k) {
        const Item& it = items[d];
        if (it.movable && owner[d] != k) return std::string_view(it.proto);
        return std::string_view(lines[it.first].data(), lines[it.last].data() +
                                                            lines[it.last].size() -
                                                            lines[it.first].data());
    };
    std::unordered_map<std::string_view, std::vector<size_t>> byName;
    for (size_t d = 0; d < items.size(); ++d)
        if (!items[d].name.empty()) byName[items[d].name].push_back(d);
    std::vector<std::string> out(parts);
    for (size_t k = 0; k < parts; ++k) {
        // A part keeps the other lines, its own definitions, the tail (part 0) and, transitively,
        // the functions (declarations and inline definitions) whose names these mention.
        std::vector<char> keep(items.size(), 0);
        std::unordered_set<std::string_view> seen;
        std::vector<size_t> work;
        auto scan = [&](std::string_view t) {
            for (size_t p = 0; p < t.size();) {
                unsigned char c = static_cast<unsigned char>(t[p]);
                if (!(std::isalpha(c) || c == '_')) {
                    ++p;
                    continue;
                }
                size_t q = p;
                while (q < t.size() &&
                       (std::isalnum(static_cast<unsigned char>(t[q])) || t[q] == '_'))
                    ++q;
                std::string_view id = t.substr(p, q - p);
                p = q;
                if (!seen.insert(id).second) continue;
                auto f = byName.find(id);
                if (f == byName.end()) continue;
                for (size_t d : f->second)
                    if (!keep[d]) keep[d] = 1, work.push_back(d);
            }
        };
        for (size_t d = 0; d < items.size(); ++d)
            if (items[d].name.empty() || (items[d].movable && owner[d] == k))
                keep[d] = 1, work.push_back(d);
        if (k == 0)
            for (size_t j = tail; j < lines.size(); ++j) scan(lines[j]);
        while (!work.empty()) {
            size_t d = work.back();
            work.pop_back();
            scan(text(d, k));
        }
        std::string& o = out[k];
        o.reserve(source.size() / parts * 2);
        for (size_t d = 0; d < items.size(); ++d)
            if (keep[d]) o += text(d, k);
        if (k == 0)
            for (size_t j = tail; j < lines.size(); ++j) o += lines[j];
        else
            o += "} // namespace mf_model\n"; // which the tail closed
    }
    return out;
}

} // namespace metalfpga::backends
