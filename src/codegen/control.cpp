#include "codegen/generator.h"

namespace metalfpga::codegen::detail {

using namespace ir;

// ---------------------------------------------------------------------------------------------
// fork/join and disable

size_t Generator::openScope(ScopeId sc) {
    if (!disabled_.count(sc)) return kNone;
    ScopeInst si;
    si.scope = sc;
    si.proc = curProc_;
    si.lo = nextResume_ + 1;
    scopeInsts_.push_back(si);
    openInsts_.push_back(scopeInsts_.size() - 1);
    return scopeInsts_.size() - 1;
}

void Generator::closeScope(size_t inst, int ind) {
    openInsts_.erase(std::find(openInsts_.begin(), openInsts_.end(), inst));
    scopeInsts_[inst].hi = nextResume_;
    uint32_t k = ++nextResume_;
    scopeInsts_[inst].after = k;
    line(ind, fmt::format("R{}:;", k));
}

uint32_t Generator::spawnChild(const Stmt& body, uint32_t joinTemp) {
    uint32_t id = procCount();
    uint32_t parent = curProc_;
    synth_.push_back(Synth{false, parent, body.loc, {}});
    for (size_t i : openInsts_) scopeInsts_[i].kill.push_back(id);
    std::string savedOut;
    std::swap(out_, savedOut);
    uint32_t savedResume = nextResume_;
    auto savedTargets = std::move(disableTargets_);
    disableTargets_.clear();
    curProc_ = id;
    nextResume_ = 0;
    // Automatic task frames open at the fork stay current in the branch.
    auto savedSpans = std::move(spans_);
    auto savedBase = baseFrames_;
    auto savedCtx = std::move(frameCtx_);
    spans_.clear();
    baseFrames_.insert(baseFrames_.end(), savedCtx.begin(), savedCtx.end());
    frameCtx_.clear();
    std::string parentParts = takeOutlined();
    stmt(body, 1);
    std::string code;
    std::swap(out_, code);
    out_ = takeOutlined(); // the branch's own parts come first
    line(0, fmt::format("// fork branch {} (parent process {})", where(body.loc), parent));
    line(0, fmt::format("MF_HD u32 proc_{}(State& s) {{", id));
    out_ += resumeSwitch(id);
    spans_ = std::move(savedSpans);
    baseFrames_ = std::move(savedBase);
    frameCtx_ = std::move(savedCtx);
    out_ += code;
    line(1, fmt::format("s.pc[{}] = kDone;", id));
    line(1, fmt::format("if (--s.t{} == 0) activate_front(s.sched, {});", joinTemp, parent));
    line(1, "return 0;");
    line(0, "}");
    synth_[id - procs_.size()].code = std::move(out_);
    out_ = std::move(savedOut);
    curProc_ = parent;
    nextResume_ = savedResume;
    outlined_ = std::move(parentParts);
    disableTargets_ = std::move(savedTargets);
    return id;
}

} // namespace metalfpga::codegen::detail
