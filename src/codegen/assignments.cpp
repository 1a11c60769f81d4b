#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// Statements

void Generator::suspend(int ind, const std::string& how) {
    uint32_t k = ++nextResume_;
    line(ind, fmt::format("s.pc[{}] = {};", curProc_, k));
    if (!how.empty()) line(ind, how);
    line(ind, "return 0;");
    line(ind - 1 < 0 ? 0 : ind, fmt::format("R{}:;", k));
}

// {a, b} = v: each part gets its slice of v, most significant first.
void Generator::storeConcat(const Expr& lhs, const std::string& v, int ind, bool nonBlocking) {
    uint32_t top = 0;
    for (const auto& o : lhs.operands) top += o->type.width;
    line(ind, "{");
    line(ind + 1, fmt::format("auto cv = {};", v));
    for (const auto& o : lhs.operands) {
        top -= o->type.width;
        std::string part = fmt::format("{}(cv.part<{}>({}))", cppType(o->type), o->type.width, top);
        if (nonBlocking)
            nbaStore(*o, part, ind + 1);
        else
            store(*o, part, ind + 1);
    }
    line(ind, "}");
}

// A continuous assignment of the static schedule stores its value through setd_s<n>, a setter
// with the fanout written out (fanoutCode): it is the only caller, so nothing is copied twice.
bool Generator::directSettable(SignalId s) const {
    const Signal& sg = d_.signals[s];
    return curProc_ < isCa_.size() && isCa_[curProc_] && staticLevel_.count(curProc_) &&
           !sg.automatic && !sg.isArray() && !storageType(s).isReal && slotOf(s).empty();
}

// A part of s is written in place (set_part_changed, then the fanout) when s is a plain
// variable or net: not forced, not under a procedural continuous assignment, not an automatic,
// not real, not an array, not a net of several drivers.
bool Generator::partWritableInPlace(SignalId s) const {
    const Signal& sg = d_.signals[s];
    return !sg.automatic && !sg.isArray() && !storageType(s).isReal && !forced_.count(s) &&
           !assigned_.count(s) && slotOf(s).empty();
}
std::string Generator::inPlacePartWrite(SignalId s, const std::string& off, const std::string& v,
                                        std::optional<int64_t> known, uint32_t width) const {
    // A constant offset inside the signal (a port connected to a slice of a bus): the part is
    // written at a compile-time offset.
    if (known && *known >= 0 && *known + int64_t(width) <= int64_t(storageType(s).width))
        return fmt::format("if (set_part_changed_at<{}>(s.s{}, {})) {{ {} }}", *known, s, v,
                           laterFanout(s));
    return fmt::format("if (set_part_changed(s.s{}, {}, {})) {{ {} }}", s, off, v, laterFanout(s));
}

void Generator::store(const Expr& lhs, const std::string& v, int ind) {
    switch (lhs.kind) {
    case ExprKind::Signal: {
        SignalId s = rep(lhs.signal);
        if (std::string slot = slotOf(s); !slot.empty()) {
            line(ind, fmt::format("{} = {}; resolve_s{}(s);", slot,
                                  toSlot(convert(v, lhs.type, storageType(s)), storageType(s)), s));
            return;
        }
        std::string stored = toStored(convert(v, lhs.type, storageType(s)), storageType(s));
        if (auto l = cppLocal_.find(s); l != cppLocal_.end()) {
            line(ind, fmt::format("{} = {};", l->second, stored));
        } else if (directSettable(s)) {
            directSetters_.insert(s);
            line(ind, fmt::format("setd_s{}(s, {});", s, stored));
        } else {
            line(ind, fmt::format("set_s{}(s, {});", s, stored));
        }
        return;
    }
    case ExprKind::ArrayElement: {
        SignalId s = rep(lhs.signal);
        line(ind, fmt::format("set_s{}_elem(s, {}, {});", s, flatIndex(lhs),
                              toStored(v, storageType(s))));
        return;
    }
    case ExprKind::Select: {
        const Expr& obj = *lhs.operands[0];
        std::string base;
        std::string off = indexOffset(lhs, base);
        if (off.empty()) off = base;
        if (obj.kind == ExprKind::Signal && !slotOf(rep(obj.signal)).empty()) {
            SignalId s = rep(obj.signal);
            line(ind,
                 fmt::format("set_part_at({}, {}, {}); resolve_s{}(s);", slotOf(s), off, v, s));
        } else if (obj.kind == ExprKind::Signal && cppLocal_.count(rep(obj.signal))) {
            line(ind,
                 fmt::format("set_part_at({}, {}, {});", cppLocal_.at(rep(obj.signal)), off, v));
        } else if (obj.kind == ExprKind::Signal && partWritableInPlace(rep(obj.signal))) {
            line(ind,
                 inPlacePartWrite(rep(obj.signal), off, v, constantOffset(lhs), lhs.type.width));
        } else if (obj.kind == ExprKind::Signal) {
            SignalId s = rep(obj.signal);
            line(ind,
                 fmt::format("{{ auto t = get_s{}(s); set_part_at(t, {}, {}); set_s{}(s, t); }}", s,
                             off, v, s));
        } else if (obj.kind == ExprKind::ArrayElement) {
            SignalId s = rep(obj.signal);
            line(ind,
                 fmt::format("{{ i64 ix = {}; auto t = get_s{}_elem(s, ix); set_part_at(t, {}, "
                             "{}); set_s{}_elem(s, ix, t); }}",
                             flatIndex(obj), s, off, v, s));
        } else {
            unsupported(lhs.loc, "this assignment target");
        }
        return;
    }
    case ExprKind::Concat:
        storeConcat(lhs, v, ind, false);
        return;
    default:
        unsupported(lhs.loc, "this assignment target");
    }
}

void Generator::nbaStore(const Expr& lhs, const std::string& v, int ind) {
    auto leafId = [&](NbaLeaf l) {
        uint64_t times = loopDepth_ ? kLoopNbaPushes : 1;
        uint64_t words = l.type.isReal ? 1 : 2 * rt::k::nwords(l.type.width);
        if (!nbaDelay_.empty()) delayedNba_ = true;
        auto [it, added] =
            leafIds_.try_emplace(std::make_tuple(l.sig, l.elem, l.part, cppType(l.type), l.word),
                                 static_cast<uint32_t>(leaves_.size()));
        if (added) {
            leaves_.push_back(l);
            leafBounds_.emplace_back();
        }
        NbaBound& b = leafBounds_[it->second]; // what this leaf's sites may queue in one slot
        b.pushes += times;
        b.words += times * words;
        if (!loopDepth_) {
            b.sitePushes += 1;
            b.siteWords += words;
        }
        procLeaves_[curProc_].insert(it->second);
        return it->second;
    };
    auto push = [&](uint32_t leaf, const std::string& elem, const std::string& off) {
        line(ind, fmt::format("if (!{}) return kError;",
                              nbaPush(fmt::format("{}, {}, {}, {}", leaf, elem, off, v))));
    };
    switch (lhs.kind) {
    case ExprKind::Signal: {
        SignalId s = rep(lhs.signal);
        uint32_t leaf = leafId({s, false, false, lhs.type});
        if (!nbaDelay_.empty()) leaves_[leaf].delayed = true;
        if (!nbaDelay_.empty() || !shadowed(leaves_[leaf])) {
            push(leaf, "0", "0");
            return;
        }
        line(ind, fmt::format("if (!nba_leaf_{}(s, {})) return kError;", leaf, v));
        return;
    }
    case ExprKind::ArrayElement: {
        SignalId s = rep(lhs.signal);
        if (auto k = constFlatIndex(lhs); k && nbaDelay_.empty() && !lhs.type.isReal) {
            NbaLeaf l{s, true, false, lhs.type};
            l.word = *k;
            uint32_t leaf = leafId(l);
            if (shadowed(leaves_[leaf])) {
                line(ind, fmt::format("if (!nba_leaf_{}(s, {})) return kError;", leaf, v));
                return;
            }
        }
        line(ind, "{");
        line(ind + 1, fmt::format("i64 ix = {};", flatIndex(lhs)));
        ind++;
        line(ind, fmt::format("if (ix >= 0 && !{}) return kError;",
                              nbaPush(fmt::format("{}, ix, 0, {}",
                                                  leafId({s, true, false, lhs.type}), v))));
        ind--;
        line(ind, "}");
        return;
    }
    case ExprKind::Select: {
        const Expr& obj = *lhs.operands[0];
        std::string base;
        std::string off = indexOffset(lhs, base);
        if (off.empty()) off = base;
        Type lt = Type::integral(lhs.type.width, false);
        if (obj.kind == ExprKind::Signal) {
            SignalId s = rep(obj.signal);
            uint32_t pl = leafId({s, false, true, lt});
            if (auto c = constantOffset(lhs); c && nbaDelay_.empty() && !storageType(s).isReal) {
                // The variable's whole shadow may take it (partsMerged), else the queue.
                leafId({s, false, false, storageType(s)});
                line(ind, fmt::format("if (!nba_part_{}(s, {}, {})) return kError;", pl, *c, v));
                return;
            }
            leaves_[pl].constPart = false;
            line(ind, fmt::format("{{ i64 off = {}; if (off != kNoOffset && !{}) return kError; }}",
                                  off, nbaPush(fmt::format("{}, 0, off, {}", pl, v))));
        } else if (obj.kind == ExprKind::ArrayElement) {
            SignalId s = rep(obj.signal);
            line(ind, fmt::format(
                          "{{ i64 ix = {}; i64 off = {}; if (ix >= 0 && off != kNoOffset "
                          "&& !{}) return kError; }}",
                          flatIndex(obj), off,
                          nbaPush(fmt::format("{}, ix, off, {}", leafId({s, true, true, lt}), v))));
        } else {
            unsupported(lhs.loc, "this non-blocking assignment target");
        }
        return;
    }
    case ExprKind::Concat:
        storeConcat(lhs, v, ind, true);
        return;
    default:
        unsupported(lhs.loc, "this non-blocking assignment target");
    }
}

} // namespace metalfpga::codegen::detail
