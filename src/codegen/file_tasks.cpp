// File I/O system tasks (IEEE 1364-2005 17.2). The host owns every file; the model only sends
// records and reads replies:
// - $fdisplay/$fwrite/$fstrobe/$fmonitor (+b/o/h) are display records whose site task names
//   the descriptor form; the host formats arguments 1.. and writes to the descriptor (arg 0).
// - $fclose/$fflush and $writemem* chunks are kSvcCall records the model does not wait for.
// - $readmem* is a loop of host calls: each reply carries up to memChunk words (a mask of the
//   words it sets and the flat index of the first); the loop ends when the host says so.
// - $writemem* is a loop of records, each carrying memChunk words from a cursor in State.
// The read functions ($fgetc, $fgets, $fscanf, ...) are ordinary host calls (host_calls.cpp);
// called as tasks, their result is dropped.
#include "codegen/generator.h"

#include <algorithm>

namespace metalfpga::codegen::detail {

using namespace ir;

namespace {

// Words of one memory element in a payload or reply (a-plane then b-plane).
uint32_t elemWords(uint32_t width) {
    return 2 * rt::k::nwords(width);
}

// Elements moved per host call: at most `words` words of data, at least one element. Reads use
// the reply area (one per instance: 1024 words); writes use ring records, whose payload size
// every record of the ring gets (128 words).
uint32_t chunkOf(uint32_t width, uint64_t count, uint32_t words) {
    uint64_t k = std::max<uint64_t>(1, words / elemWords(width));
    return static_cast<uint32_t>(std::min<uint64_t>(k, std::max<uint64_t>(1, count)));
}

} // namespace

bool Generator::fileTask(const Stmt& st, int ind) {
    const std::string& n = st.name;
    auto variant = [&](const char* prefix) { return radixVariant(n, prefix); };
    auto yieldPoint = [&]() { ringYield(ind); };
    auto needDescriptor = [&]() {
        if (st.args.empty() || !st.args[0]) {
            diags_.error(st.loc, fmt::format("{} needs a file descriptor argument", n));
            failed_ = true;
            return false;
        }
        return true;
    };
    if (auto c = variant("$fdisplay")) {
        if (!needDescriptor()) return true;
        uint32_t id = serviceSite(st, *c, true);
        yieldPoint();
        line(ind,
             fmt::format("pack_site(s, {0}, ring_push(s.sched, kSvcDisplay, {0}).payload);", id));
        return true;
    }
    if (auto c = variant("$fwrite")) {
        if (!needDescriptor()) return true;
        uint32_t id = serviceSite(st, *c, false);
        yieldPoint();
        line(ind,
             fmt::format("pack_site(s, {0}, ring_push(s.sched, kSvcWrite, {0}).payload);", id));
        return true;
    }
    if (auto c = variant("$fstrobe")) {
        if (!needDescriptor()) return true;
        uint32_t id = serviceSite(st, *c, true);
        line(ind, fmt::format("if (!strobe_push(s.sched, {})) return kError;", id));
        return true;
    }
    if (auto c = variant("$fmonitor")) {
        if (!needDescriptor()) return true;
        uint32_t id = serviceSite(st, *c, true);
        line(ind, fmt::format("s.sched.monitor_site = {}; s.sched.monitor_fresh = 1;", id));
        return true;
    }
    if (n == "$fclose" || n == "$fflush") {
        if (n == "$fclose" && !needDescriptor()) return true;
        uint32_t id = serviceSite(st, 'd', false);
        yieldPoint();
        line(ind, fmt::format("pack_site(s, {0}, ring_push(s.sched, kSvcCall, {0}).payload);", id));
        return true;
    }
    if (n == "$readmemb" || n == "$readmemh" || n == "$writememb" || n == "$writememh") {
        memoryTask(st, ind);
        return true;
    }
    if (isHostCall(n)) {
        std::vector<const Expr*> args;
        for (const auto& a : st.args) args.push_back(a.get());
        hostCall(n, st.loc, args, nullptr, ind);
        return true;
    }
    return false;
}

void Generator::memoryTask(const Stmt& st, int ind) {
    const std::string& n = st.name;
    bool read = n.rfind("$readmem", 0) == 0;
    if (st.args.size() < 2 || st.args.size() > 4 || !st.args[0] || !st.args[1]) {
        diags_.error(st.loc, fmt::format("{} takes a file name, a memory and optionally a start "
                                         "and an end address",
                                         n));
        failed_ = true;
        return;
    }
    const Expr& m = *st.args[1];
    if (m.kind != ExprKind::Signal || !d_.signals[m.signal].isArray()) {
        diags_.error(m.loc, fmt::format("the second argument of {} must be a memory", n));
        failed_ = true;
        return;
    }
    const Signal& sg = d_.signals[m.signal];
    if (sg.unpacked.size() != 1) {
        unsupported(m.loc, n + " of a memory with several dimensions");
        return;
    }
    if (sg.automatic || storageType(m.signal).isReal) {
        unsupported(m.loc, n + " of an automatic or real memory");
        return;
    }
    SignalId id = rep(m.signal);
    Type et = storageType(id);
    uint64_t count = sg.elementCount();
    uint32_t chunk = chunkOf(et.width, count, read ? 1024 : 128);
    uint32_t ew = elemWords(et.width);

    std::vector<const Expr*> args;
    for (const auto& a : st.args) args.push_back(a.get());
    std::vector<bool> skip(args.size(), false);
    skip[1] = true; // the memory travels in chunks
    uint32_t site = serviceSite(n, st.loc, args, 'd', false, skip);
    uint32_t cursor = static_cast<uint32_t>(temps_.size());
    temps_.push_back(fmt::format("u64 t{};", cursor));
    {
        ServiceSite& ss = svc_[site];
        ss.memMsb = sg.unpacked[0].msb;
        ss.memLsb = sg.unpacked[0].lsb;
        ss.memWidth = et.width;
        ss.memCount = count;
        ss.memChunk = chunk;
        ss.args[1].text = sg.path; // for messages
        // The cursor goes after the arguments (the last argument of the site).
        uint32_t off = svcCmpWords_[site];
        for (const auto& a : ss.args)
            if (a.kind == SiteArg::Vector)
                off = std::max(off, a.offset + elemWords(a.width));
            else if (a.kind == SiteArg::Real)
                off = std::max(off, a.offset + 1);
        SiteArg cur;
        cur.kind = SiteArg::Vector;
        cur.width = 64;
        cur.offset = off;
        ss.args.push_back(cur);
        svcPack_[site] +=
            fmt::format("        pack(p, {}, Logic<64, false>(s.t{}));\n", off, cursor);
        off += 2;
        if (!read) {
            // The data: `chunk` elements from the cursor, as one wide argument.
            SiteArg data;
            data.kind = SiteArg::Vector;
            data.width = chunk * ew * 32;
            data.offset = off;
            ss.args.push_back(data);
            svcPack_[site] += fmt::format("        for (u32 i = 0; i < {}; ++i) pack(p, {} + i * "
                                          "{}, get_s{}_elem(s, (i64)(s.t{} + i)));\n",
                                          chunk, off, ew, id, cursor);
        }
    }
    line(ind, fmt::format("s.t{} = 0;", cursor));
    uint32_t k = ringYield(ind);
    line(ind, fmt::format("pack_site(s, {0}, ring_push(s.sched, kSvcCall, {0}).payload);", site));
    if (!read) {
        line(ind, fmt::format("s.t{} += {};", cursor, chunk));
        line(ind, fmt::format("if (s.t{} < {}ull) goto R{};", cursor, count, k));
        return;
    }
    // Reply: [1] flat index of the first word, [2] nonzero: call again, [3..) mask, then words.
    uint32_t maskWords = (chunk + 63) / 64;
    uint32_t dataAt = 3 + maskWords;
    replyWords_ = std::max(replyWords_, dataAt + chunk * ew);
    line(ind, fmt::format("s.pc[{}] = {}; return kHostCall;", curProc_, k + 1));
    ++nextResume_;
    line(ind, fmt::format("R{}:;", k + 1));
    line(ind, "{");
    line(ind + 1, "u64 base = s.sched.reply[1];");
    line(ind + 1, fmt::format("for (u32 i = 0; i < {}; ++i)", chunk));
    line(ind + 2, "if ((s.sched.reply[3 + i / 64] >> (i % 64)) & 1) {");
    line(ind + 3, fmt::format("{} v;", cppType(et)));
    line(ind + 3, fmt::format("unpack(v, s.sched.reply, {} + i * {});", dataAt, ew));
    line(ind + 3, fmt::format("set_s{}_elem(s, (i64)(base + i), v);", id));
    line(ind + 2, "}");
    line(ind + 1, fmt::format("s.t{} = s.sched.reply[2];", cursor));
    line(ind, "}");
    line(ind, fmt::format("if (s.t{}) goto R{};", cursor, k));
}

} // namespace metalfpga::codegen::detail
