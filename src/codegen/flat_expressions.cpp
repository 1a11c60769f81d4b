// Deep expressions written as flat code.
//
// Transformations: an expression tree higher than kFlatHeight (a generated operator chain of
// thousands of operands, a long conditional chain) is written as a lambda that computes its
// side-effect-free subtrees of height kFlatStep, 2*kFlatStep, ... into temporaries, bottom up:
//     [&]() { auto f0 = (a + b + ...); auto f1 = ((f0 + c) + ...); return (f1 + ...); }()
// so no C++ expression nests deeper than kFlatStep: the C++ compilers' time and stack grow with
// nesting (10,000 nested operators took g++ minutes). Subtrees with calls stay where they are
// (a function may have side effects, and a conditional runs only its selected arm).

#include "codegen/generator.h"
#include "frontend/nesting.h"

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

constexpr int kFlatHeight = 64;
constexpr int kFlatStep = 32;

bool pureSystemCall(const std::string& name) {
    static const std::set<std::string> pure = {
        "$signed", "$unsigned", "$rtoi",  "$itor",  "$clog2", "$ln",         "$log10",
        "$exp",    "$sqrt",     "$pow",   "$floor", "$ceil",  "$sin",        "$cos",
        "$tan",    "$asin",     "$acos",  "$atan",  "$atan2", "$hypot",      "$sinh",
        "$cosh",   "$tanh",     "$asinh", "$acosh", "$atanh", "$realtobits", "$bitstoreal"};
    return pure.count(name) > 0;
}

// Height of the tree under e (a leaf is 1).
int height(const Expr& e) {
    frontend::checkNesting(e.loc);
    int h = 0;
    for (const auto& o : e.operands)
        if (o) h = std::max(h, height(*o));
    return h + 1;
}

// Records the height of every side-effect-free subtree; returns e's height, negative when e
// has a side effect.
int pureHeights(const Expr& e, std::unordered_map<const Expr*, int>& out) {
    frontend::checkNesting(e.loc);
    bool pure =
        e.kind != ExprKind::Call && (e.kind != ExprKind::SystemCall || pureSystemCall(e.name));
    int h = 0;
    for (const auto& o : e.operands) {
        if (!o) continue;
        int oh = pureHeights(*o, out);
        if (oh < 0) pure = false;
        h = std::max(h, oh < 0 ? -oh : oh);
    }
    ++h;
    if (!pure) return -h;
    out[&e] = h;
    return h;
}

} // namespace

std::string Generator::exprNatural(const Expr& e, Type& nat) {
    frontend::checkNesting(e.loc);
    if (exprDepth_ == 0 && !flat_ && height(e) > kFlatHeight) return flattenDeep(e, nat);
    size_t mark = flat_ ? flat_->pending.size() : 0;
    ++exprDepth_;
    std::string code = exprNode(e, nat);
    --exprDepth_;
    if (!flat_) return code;
    auto it = flat_->height.find(&e);
    if (it == flat_->height.end() || it->second % kFlatStep != 0) return code;
    // This subtree becomes a function of the state and the temporaries it uses.
    std::string name = fmt::format("flat_{}", nextFlat_++);
    std::string type = cppType(nat);
    std::string params, args;
    for (size_t i = mark; i < flat_->pending.size(); ++i) {
        const auto& t = flat_->pending[i];
        params += fmt::format(", const {}& {}", t.type, t.name);
        args += ", " + t.name;
    }
    flat_->pending.resize(mark);
    flatFunctions_ += fmt::format("MF_HD MF_OUTLINE {} {}(const State& s{}) {{\n    (void)s;\n    "
                                  "return {};\n}}\n",
                                  type, name, params, code);
    std::string temp = fmt::format("f{}", name.substr(5));
    flat_->temps += fmt::format("auto {} = {}(s{}); ", temp, name, args);
    flat_->pending.push_back({temp, type});
    return temp;
}

std::string Generator::flattenDeep(const Expr& e, Type& nat) {
    ExprFlattening f;
    pureHeights(e, f.height);
    flat_ = &f;
    ++exprDepth_;
    std::string code;
    try {
        code = exprNode(e, nat);
    } catch (...) {
        flat_ = nullptr;
        --exprDepth_;
        throw;
    }
    --exprDepth_;
    flat_ = nullptr;
    if (f.temps.empty()) return code;
    return fmt::format("[&]() {{ {}return {}; }}()", f.temps, code);
}

} // namespace metalfpga::codegen::detail
