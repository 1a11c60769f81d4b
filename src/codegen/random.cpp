// $random and the $dist_* functions (IEEE 1364-2005 17.9): the generators of
// include/metalfpga/rt/dist.h, run in the model. A seed argument is a variable that the call
// reads and updates; without one, $random uses the instance's own seed.
#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

std::string Generator::randomCall(const Expr& e, Type& nat) {
    const std::string& n = e.name;
    nat = Type::integral(32, true);
    struct Dist {
        const char* name;
        size_t params; // arguments after the seed
    };
    static constexpr Dist kDists[] = {
        {"$random", 0},           {"$dist_uniform", 2}, {"$dist_normal", 2},
        {"$dist_exponential", 1}, {"$dist_poisson", 1}, {"$dist_chi_square", 1},
        {"$dist_t", 1},           {"$dist_erlang", 2},
    };
    const Dist* d = nullptr;
    for (const auto& x : kDists)
        if (n == x.name) d = &x;
    if (!d) {
        unsupported(e.loc, "the system function " + n);
        return "0";
    }
    if (n == "$random" && (e.operands.empty() || !e.operands[0]))
        return asVec("rtl_random(s.sched.random_seed)", Type::integral(32, true));
    if (e.operands.size() != d->params + 1 || !e.operands[0]) {
        diags_.error(e.loc, fmt::format("{} takes {} arguments (a seed variable{})", n,
                                        d->params + 1, d->params ? " and its parameters" : ""));
        failed_ = true;
        return "0";
    }
    const Expr& seed = *e.operands[0];
    if (seed.kind != ExprKind::Signal || storageType(rep(seed.signal)).isReal ||
        d_.signals[seed.signal].isArray()) {
        diags_.error(seed.loc, fmt::format("the seed of {} must be an integer, time or reg "
                                           "variable",
                                           n));
        failed_ = true;
        return "0";
    }
    std::string params;
    for (size_t i = 1; i < e.operands.size(); ++i) {
        if (!e.operands[i]) {
            diags_.error(e.loc, fmt::format("argument {} of {} is missing", i + 1, n));
            failed_ = true;
            return "0";
        }
        params += fmt::format(", i32(u32({}.to_u64()))",
                              exprAs(*e.operands[i], Type::integral(32, true)));
    }
    SignalId sd = rep(seed.signal);
    Type st = storageType(sd);
    std::string call = n == "$random" ? asVec("rtl_random(sd)", Type::integral(32, true))
                                      : fmt::format("{}<32, true>(u64(u32(rtl_{}(sd{}))))",
                                                    vecName(), n.substr(1), params);
    return fmt::format(
        "[&]() {{ i32 sd = i32(u32(get_s{0}(s).to_u64())); auto r = {2}; "
        "set_s{0}(s, {1}); return r; }}()",
        // The new seed is a signed 32-bit value: sign-extended into wider seeds.
        sd, convert(vecName() + "<64, true>(u64(i64(sd)))", Type::integral(64, true), st), call);
}

} // namespace metalfpga::codegen::detail
