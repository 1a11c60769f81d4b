// Host calls: system functions and tasks whose answer only the host has (plusargs, string
// formatting, file reads). The model pushes a kSvcCall record with the input arguments and
// suspends; the host writes the result and the output arguments into the reply area; the
// process resumes, stores the outputs and keeps the result in State for the expression that
// uses it.
#include "codegen/generator.h"
#include "codegen/host_call_table.h"

#include <algorithm>

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

ReplySlot replySlot(const Type& t, uint32_t& off) {
    ReplySlot r;
    r.isReal = t.isReal;
    r.width = t.isReal ? 64 : t.width;
    r.isSigned = t.isSigned;
    r.offset = off;
    off += t.isReal ? 1 : 2 * rt::k::nwords(t.width);
    return r;
}

} // namespace

std::string Generator::hostCall(const std::string& task, SourceLoc loc,
                                const std::vector<const Expr*>& args, const Type* result, int ind) {
    if (inFunction_) {
        unsupported(loc, task + " in a function");
        return "0";
    }
    std::vector<bool> out = hostCallOutputs(task, args.size());
    if (std::count(out.begin(), out.end(), true) > 64) {
        unsupported(loc, task + " with more than 64 output arguments");
        return "0";
    }
    for (size_t i = 0; i < args.size(); ++i)
        if (out[i] && args[i] && args[i]->kind == ExprKind::Signal &&
            d_.signals[args[i]->signal].isArray()) {
            unsupported(args[i]->loc, task + " into a whole memory");
            return "0";
        }
    for (size_t i = 0; i < args.size(); ++i)
        if (out[i] && args[i] && !isAssignable(*args[i])) {
            diags_.error(args[i]->loc, fmt::format("argument {} of {} must be a variable (it "
                                                   "receives a value)",
                                                   i + 1, task));
            failed_ = true;
            return "0";
        }
    uint32_t site = serviceSite(task, loc, args, 'd', false, out);
    uint32_t off = 1; // reply[0]: bit i set when the host wrote output i
    {
        ServiceSite& ss = svc_[site];
        if (result) {
            ss.hasResult = true;
            ss.result = replySlot(*result, off);
        }
        ss.outputOf.assign(args.size(), -1);
        for (size_t i = 0; i < args.size(); ++i)
            if (out[i] && args[i]) {
                ss.outputOf[i] = static_cast<int>(ss.outputs.size());
                ss.outputs.push_back(replySlot(args[i]->type, off));
            }
    }
    replyWords_ = std::max(replyWords_, off);

    uint32_t k = ringYield(ind);
    line(ind, fmt::format("pack_site(s, {0}, ring_push(s.sched, kSvcCall, {0}).payload);", site));
    line(ind, fmt::format("s.pc[{}] = {}; return kHostCall;", curProc_, k + 1));
    ++nextResume_;
    line(ind, fmt::format("R{}:;", k + 1));
    const ServiceSite& ss = svc_[site];
    auto unpackCode = [this](const ReplySlot& r, const Type& t) {
        if (r.isReal) return fmt::format("bits::bits_to_double(s.sched.reply[{}])", r.offset);
        return fmt::format("[&]() {{ {0} v; unpack(v, s.sched.reply, {1}); return v; }}()",
                           cppType(t), r.offset);
    };
    for (size_t i = 0; i < args.size(); ++i)
        if (ss.outputOf[i] >= 0) {
            const ReplySlot& r = ss.outputs[static_cast<size_t>(ss.outputOf[i])];
            line(ind, fmt::format("if ((s.sched.reply[0] >> {}) & 1) {{", ss.outputOf[i]));
            line(ind + 1, fmt::format("auto v = {};", unpackCode(r, args[i]->type)));
            store(*args[i], "v", ind + 1);
            line(ind, "}");
        }
    if (!result) return "";
    uint32_t tid = static_cast<uint32_t>(temps_.size());
    temps_.push_back(fmt::format("{} t{};", cppType(*result), tid));
    line(ind, fmt::format("s.t{} = {};", tid, unpackCode(ss.result, *result)));
    return fmt::format("s.t{}", tid);
}

void Generator::prepareHostCalls(const Expr* e, int ind) {
    if (!e) return;
    // Operands first: their host calls happen before the call that uses them.
    for (const auto& o : e->operands) prepareHostCalls(o.get(), ind);
    if (e->kind == ExprKind::SystemCall && isHostCall(e->name)) {
        std::vector<const Expr*> args;
        for (const auto& o : e->operands) args.push_back(o.get());
        hostResults_[e] = hostCall(e->name, e->loc, args, &e->type, ind);
    }
}

void Generator::prepareHostCalls(const Stmt& st, int ind) {
    prepareHostCalls(st.lhs.get(), ind);
    prepareHostCalls(st.rhs.get(), ind);
    prepareHostCalls(st.cond.get(), ind);
    for (const auto& a : st.args) prepareHostCalls(a.get(), ind);
}

} // namespace metalfpga::codegen::detail
