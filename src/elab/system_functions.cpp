// System function calls in expressions: their result types and argument typing. System tasks
// ($display, ...) are statements (statements.cpp) and share the argument rules.

#include "elab/elaborator.h"

#include <map>

namespace metalfpga::elab {

using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;

namespace {

enum class Result { Int32s, Int32u, Time64, Real, Bit1, SameAsArg, Signed, Unsigned };

const std::map<std::string_view, Result>& systemFunctions() {
    static const std::map<std::string_view, Result> table = {
        {"$signed", Result::Signed},
        {"$unsigned", Result::Unsigned},
        {"$time", Result::Time64},
        {"$stime", Result::Int32u},
        {"$realtime", Result::Real},
        {"$simtime", Result::Time64},
        {"$random", Result::Int32s},
        {"$urandom", Result::Int32u},
        {"$urandom_range", Result::Int32u},
        {"$dist_uniform", Result::Int32s},
        {"$dist_normal", Result::Int32s},
        {"$dist_exponential", Result::Int32s},
        {"$dist_poisson", Result::Int32s},
        {"$dist_chi_square", Result::Int32s},
        {"$dist_t", Result::Int32s},
        {"$dist_erlang", Result::Int32s},
        {"$clog2", Result::Int32s},
        {"$bits", Result::Int32s},
        {"$rtoi", Result::Int32s},
        {"$itor", Result::Real},
        {"$realtobits", Result::Time64},
        {"$bitstoreal", Result::Real},
        {"$ln", Result::Real},
        {"$log10", Result::Real},
        {"$exp", Result::Real},
        {"$sqrt", Result::Real},
        {"$pow", Result::Real},
        {"$floor", Result::Real},
        {"$ceil", Result::Real},
        {"$sin", Result::Real},
        {"$cos", Result::Real},
        {"$tan", Result::Real},
        {"$asin", Result::Real},
        {"$acos", Result::Real},
        {"$atan", Result::Real},
        {"$atan2", Result::Real},
        {"$hypot", Result::Real},
        {"$sinh", Result::Real},
        {"$cosh", Result::Real},
        {"$tanh", Result::Real},
        {"$asinh", Result::Real},
        {"$acosh", Result::Real},
        {"$atanh", Result::Real},
        {"$abs", Result::SameAsArg},
        {"$min", Result::SameAsArg},
        {"$max", Result::SameAsArg},
        {"$fopen", Result::Int32u},
        {"$feof", Result::Int32s},
        {"$fgetc", Result::Int32s},
        {"$ungetc", Result::Int32s},
        {"$fgets", Result::Int32s},
        {"$fscanf", Result::Int32s},
        {"$sscanf", Result::Int32s},
        {"$fread", Result::Int32s},
        {"$ftell", Result::Int32s},
        {"$fseek", Result::Int32s},
        {"$rewind", Result::Int32s},
        {"$ferror", Result::Int32s},
        {"$test$plusargs", Result::Int32s},
        {"$value$plusargs", Result::Int32s},
        {"$countdrivers", Result::Int32s},
        {"$q_full", Result::Int32s},
        {"$isunknown", Result::Bit1},
        {"$onehot", Result::Bit1},
        {"$onehot0", Result::Bit1},
        {"$countones", Result::Int32s},
        {"$sformatf", Result::Int32u},
    };
    return table;
}

} // namespace

bool isSystemFunction(std::string_view name) {
    return systemFunctions().count(name) != 0;
}

ExprPtr Elaborator::buildSystemCall(const ast::SystemCallExpr& c, const ExprContext& ctx) {
    // Icarus's $fopenr(name), $fopenw(name) and $fopena(name) are $fopen(name, "r"), ... : they
    // become that call, so everything after elaboration sees a plain $fopen.
    std::string_view fopenMode;
    if (c.name.text == "$fopenr") fopenMode = "r";
    if (c.name.text == "$fopenw") fopenMode = "w";
    if (c.name.text == "$fopena") fopenMode = "a";
    if (!fopenMode.empty() && (c.args.size() != 1 || !c.args[0])) {
        diags_.error(c.loc, "'{}' takes exactly one argument (the file name)", c.name.text);
        return nullptr;
    }
    auto it = systemFunctions().find(fopenMode.empty() ? c.name.text : "$fopen");
    if (it == systemFunctions().end()) {
        diags_.error(c.loc, "unknown system function '{}'", c.name.text);
        return nullptr;
    }
    auto e = std::make_unique<ir::Expr>(ExprKind::SystemCall, c.loc);
    e->name = std::string(it->first);
    ExprContext ac = ctx;
    ac.allowArrays = ac.allowScopes = true;
    ac.allowEvents = false;
    for (const auto& arg : c.args) {
        if (!arg) {
            e->operands.push_back(nullptr);
            continue;
        }
        ExprPtr x;
        if (c.name.text == "$bits") {
            // $bits only needs the argument's width; its value is never read.
            ExprContext bc = ac;
            bc.constant = false;
            x = selfDetermined(*arg, bc);
        } else {
            x = selfDetermined(*arg, ac);
        }
        if (!x) return nullptr;
        e->operands.push_back(std::move(x));
    }
    if (!fopenMode.empty()) {
        auto mode = std::make_unique<ir::Expr>(ExprKind::Const, c.loc);
        mode->value = parseString(fopenMode);
        mode->type = mode->self = Type::integral(mode->value.width(), false);
        mode->isString = true;
        e->operands.push_back(std::move(mode));
    }
    auto argType = [&]() -> Type {
        return !e->operands.empty() && e->operands[0] ? e->operands[0]->type
                                                      : Type::integral(32, true);
    };
    size_t need = 0;
    Type t;
    switch (it->second) {
    case Result::Int32s:
        t = Type::integral(32, true);
        break;
    case Result::Int32u:
        t = Type::integral(32, false);
        break;
    case Result::Time64:
        t = Type::integral(64, false);
        break;
    case Result::Real:
        t = Type::real();
        break;
    case Result::Bit1:
        t = Type::integral(1, false);
        break;
    case Result::SameAsArg:
        need = 1;
        t = argType();
        break;
    case Result::Signed:
    case Result::Unsigned:
        need = 1;
        t = argType();
        if (t.isReal) {
            // 5.5.1: $signed and $unsigned cast integral values; a real has no signedness.
            diags_.error(c.loc, "'{}' cannot take a real argument", c.name.text);
            return nullptr;
        }
        t.isSigned = it->second == Result::Signed;
        break;
    }
    if (need && (e->operands.size() < need || !e->operands[0])) {
        diags_.error(c.loc, "'{}' needs an argument", c.name.text);
        return nullptr;
    }
    if ((c.name.text == "$clog2" || c.name.text == "$bits" || c.name.text == "$rtoi" ||
         c.name.text == "$itor" || c.name.text == "$realtobits" || c.name.text == "$bitstoreal") &&
        (e->operands.size() != 1 || !e->operands[0])) {
        diags_.error(c.loc, "'{}' takes exactly one argument", c.name.text);
        return nullptr;
    }
    if (ctx.constant) {
        static const std::string_view constant[] = {
            "$signed",     "$unsigned", "$clog2", "$bits", "$rtoi", "$itor",  "$realtobits",
            "$bitstoreal", "$ln",       "$log10", "$exp",  "$sqrt", "$pow",   "$floor",
            "$ceil",       "$sin",      "$cos",   "$tan",  "$asin", "$acos",  "$atan",
            "$atan2",      "$hypot",    "$sinh",  "$cosh", "$tanh", "$asinh", "$acosh",
            "$atanh",      "$abs",      "$min",   "$max"};
        bool ok = false;
        for (auto n : constant) ok = ok || n == c.name.text;
        if (!ok) {
            diags_.error(c.loc,
                         "'{}' is not a constant function: a {} needs a constant "
                         "expression",
                         c.name.text, ctx.what);
            return nullptr;
        }
    }
    e->type = e->self = t;
    return e;
}

} // namespace metalfpga::elab
