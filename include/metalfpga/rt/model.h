// metalfpga model support: what a generated model needs besides the value library.
// Host and device (C++17, NVRTC-compatible: no standard headers, no heap, no exceptions).
//
// A generated model (src/codegen) defines one `State` struct per design: every signal, every
// process's resume point and wait site, and a `Sched<...>` block holding the stratified event
// queues of IEEE 1364-2005 clause 11 and the service ring. Everything an instance needs lives
// in that one plain block, so N instances are N blocks (the CUDA backend may interleave them).
//
// Scheduler regions, per time slot:
//   active    processes ready to run (each process is queued at most once: a process is
//             running, queued in exactly one region, waiting on an event, or done)
//   inactive  processes suspended by #0
//   nba       non-blocking updates (leaf site, element, bit offset, value words)
//   monitor   $strobe sites and the $monitor check, run when the slot is otherwise empty
//   future    (time, sequence, process) in a binary heap: FIFO among equal times
//
// The service ring carries everything that leaves the model (display/write/strobe/monitor
// records with a site id and packed argument values, $finish, $stop, errors). The host drains it
// between calls of the step function; a process that finds the ring full suspends at the
// service call and the step function returns kRingFull, to be called again once drained.
// A host call (a system function only the host can answer: plusargs, string formatting, file
// reads) pushes a kSvcCall record and suspends; the step function returns kHostCall, the host
// drains the ring, writes the answer into the reply area, and the next step call resumes the
// process first, which reads the answer.
#pragma once

#include "metalfpga/rt/rt.h"

namespace metalfpga::rt::model {

// ---------------------------------------------------------------------------------------------
// Service records

enum ServiceKind : u32 {
    kSvcDisplay = 1, // $display family: site, payload = argument values
    kSvcWrite = 2,   // $write family (no newline)
    kSvcStrobe = 3,  // $strobe family (printed like $display)
    kSvcMonitor = 4, // $monitor family (printed like $display)
    kSvcFinish = 5,  // $finish(n): a = n
    kSvcStop = 6,    // $stop(n): a = n
    kSvcError = 7,   // a model error: a = ErrorCode, b = process or site
    kSvcCall = 8,    // a host call ($value$plusargs, $sformat, file reads, ...): site, payload =
                     // input values; the host writes the answer into the reply area before the
                     // calling process resumes (it is the ring's last record)
    kSvcDump = 9,    // VCD dumping: a = operation (codegen::DumpOp), site, payload = a value
};

enum ErrorCode : u32 {
    kErrNbaOverflow = 1,    // the non-blocking update queue is full
    kErrStrobeOverflow = 2, // too many $strobe calls in one time slot
    kErrZeroDelayLoop = 3,  // too many process activations in one time slot (b = process)
    kErrRingInFunction = 4, // a $display in a function found the service ring full
    kErrFrameOverflow = 5,  // an automatic function ran out of frames (b = routine)
    kErrProcSteps = 6,      // a process activation ran too long (b = process)
    kErrCallDepth = 7,      // function calls used up the host stack budget (b = routine)
};

template <u32 P>
struct ServiceRecord {
    u32 kind;
    u32 site;
    u32 a;
    u32 b;
    u64 time; // in ticks of the global precision
    word payload[P > 0 ? P : 1];
};

// Step results.
enum StepStatus : u32 {
    kBudget = 0,   // the step budget ran out; call again
    kRingFull = 1, // the service ring is full; drain it and call again
    kFinished = 2, // $finish
    kStopped = 3,  // $stop
    kIdle = 4,     // no more events: the simulation ended by itself
    kError = 5,    // a model error (a kSvcError record says which)
    kHostCall = 6, // a process waits for the host to answer a kSvcCall record; drain and call
                   // again (the process resumes first and reads the reply)
    kSlotEnd = 7,  // (a budget with kStopAtSlotEnd) the current time slot is complete and time
                   // would advance: the host may stop here with whole time steps in its output
};

/// A flag in the step budget: return kSlotEnd once the current time slot is complete (the host
/// stops an interrupted run there, so no time step is half written to files or VCD).
constexpr u64 kStopAtSlotEnd = u64(1) << 63;

/// What an outlined part of a process body returns when it ran to its end (codegen/outline.cpp):
/// any other value is the process's own return value.
constexpr u32 kPartDone = ~0u;

struct FutureEvent {
    u64 time;
    u64 seq;
    u32 proc;
};

struct NbaEntry {
    u32 leaf;
    u32 pool; // offset of the value's words in the pool (a-plane then b-plane)
    i64 elem; // array element (flat), or 0
    i64 off;  // bit offset of the target within the element
};

/// A non-blocking update waiting for a future time slot (`a <= #d b`).
constexpr u32 kDelayedNbaWords = 8; // values up to 256 bits
constexpr u32 kDelayedNbaFlag = 0x40000000u;
/// NbaEntry::pool of an entry whose value waits in the leaf's shadow (nba_mark), not in the pool.
constexpr u32 kNbaInShadow = ~0u;
struct DelayedNba {
    NbaEntry e;
    u32 words;
    u32 next_free;
    word v[kDelayedNbaWords];
};

/// The scheduler and service ring of one instance. NP processes, ring of RC records with RP
/// payload words, NBA queue of NQ entries and NW pool words, NS strobe slots.
template <u32 NP, u32 RC, u32 RP, u32 NQ, u32 NW, u32 NS, u32 ND = 64, u32 RW = 1>
struct Sched {
    static constexpr u32 kReplyWords = RW;
    static constexpr u32 kDelayedNba = ND;
    static constexpr u32 kProcs = NP;
    static constexpr u32 kRingCap = RC;
    static constexpr u32 kPayload = RP;

    u64 now;
    u64 seq;
    u64 slot_steps;  // process activations in the current time slot
    u64 slot_limit;  // zero-delay loop limit
    u32 status;      // sticky end status (kFinished, kStopped, kError), else 0
    u32 pending_end; // kFinished/kStopped once the current time slot completes, else 0
    u32 initialized;

    u32 active[NP];
    u32 active_head, active_count;
    u32 inactive[NP];
    u32 inactive_count;
    FutureEvent future[NP + ND];
    u32 future_count;

    NbaEntry nba[NQ];
    u32 nba_count;
    word pool[NW];
    u32 pool_used;

    u32 strobe[NS];
    u32 strobe_count;
    u32 strobe_pos;
    u32 monitor_site; // ~0u: none
    u32 monitor_on;
    u32 monitor_fresh; // print at the end of this slot even without a change

    DelayedNba dnba[ND];
    u32 dnba_free; // free list head (~0u: none)

    u32 yielded;     // a process suspended on a full ring: resume it first (~0u: none)
    i32 random_seed; // $random without a seed argument
    // What ring_push hands out after a model error: the process that failed runs on to its next
    // suspension, and nothing it asks for (output, files, $finish) may happen.
    ServiceRecord<RP> discard;
    u64 stack_base; // host: the frame address of the running step call (0: not in a step)

    // The mailbox, last so that a backend can copy it as one range: the service ring (the
    // model writes at tail, the host reads at head) and the reply area of host calls.
    u32 ring_head;
    u32 ring_tail;
    word reply[RW];
    ServiceRecord<RP> ring[RC];
};

template <class S>
MF_HD inline void sched_init(S& s, u64 slot_limit) {
    s.now = 0;
    s.seq = 0;
    s.slot_steps = 0;
    s.slot_limit = slot_limit;
    s.status = 0;
    s.pending_end = 0;
    s.initialized = 1;
    s.active_head = s.active_count = 0;
    s.inactive_count = 0;
    s.future_count = 0;
    s.nba_count = 0;
    s.pool_used = 0;
    s.strobe_count = 0;
    s.strobe_pos = 0;
    s.monitor_site = ~0u;
    s.monitor_on = 1;
    s.monitor_fresh = 0;
    s.yielded = ~0u;
    s.random_seed = 0;
    for (u32 i = 0; i < S::kDelayedNba; ++i)
        s.dnba[i].next_free = i + 1 < S::kDelayedNba ? i + 1 : ~0u;
    s.dnba_free = 0;
    s.ring_head = s.ring_tail = 0;
    for (u32 i = 0; i < S::kReplyWords; ++i) s.reply[i] = 0;
}

template <class S>
MF_HD inline void activate(S& s, u32 p) {
    u32 i = s.active_head + s.active_count;
    if (i >= S::kProcs) i -= S::kProcs;
    s.active[i] = p;
    ++s.active_count;
}
/// Queues process p at the front of the active region (Icarus runs forked children and a
/// joined parent before what is already queued).
template <class S>
MF_HD inline void activate_front(S& s, u32 p) {
    s.active_head = s.active_head == 0 ? S::kProcs - 1 : s.active_head - 1;
    s.active[s.active_head] = p;
    ++s.active_count;
}
template <class S>
MF_HD inline u32 pop_active(S& s) {
    u32 p = s.active[s.active_head];
    if (++s.active_head == S::kProcs) s.active_head = 0;
    --s.active_count;
    return p;
}
template <class S>
MF_HD inline void schedule_inactive(S& s, u32 p) {
    s.inactive[s.inactive_count++] = p;
}

template <class S>
MF_HD inline bool future_less(const S& s, u32 i, u32 j) {
    const FutureEvent& a = s.future[i];
    const FutureEvent& b = s.future[j];
    return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}
template <class S>
MF_HD inline void future_swap(S& s, u32 i, u32 j) {
    FutureEvent t = s.future[i];
    s.future[i] = s.future[j];
    s.future[j] = t;
}
/// Suspend process p for `ticks` (0: the inactive region).
template <class S>
MF_HD inline void schedule_delay(S& s, u32 p, u64 ticks) {
    if (ticks == 0) {
        schedule_inactive(s, p);
        return;
    }
    u32 i = s.future_count++;
    u64 at = s.now + ticks;
    if (at < s.now) at = ~u64(0); // past the end of 64-bit time: the last moment, not the past
    s.future[i] = FutureEvent{at, s.seq++, p};
    while (i > 0) {
        u32 parent = (i - 1) / 2;
        if (!future_less(s, i, parent)) break;
        future_swap(s, i, parent);
        i = parent;
    }
}
template <class S>
MF_HD inline FutureEvent pop_future(S& s) {
    FutureEvent top = s.future[0];
    s.future[0] = s.future[--s.future_count];
    u32 i = 0;
    for (;;) {
        u32 l = 2 * i + 1, r = l + 1, m = i;
        if (l < s.future_count && future_less(s, l, m)) m = l;
        if (r < s.future_count && future_less(s, r, m)) m = r;
        if (m == i) break;
        future_swap(s, i, m);
        i = m;
    }
    return top;
}

/// Removes process p from the active, inactive and future regions (a disabled process).
template <class S>
MF_HD inline void cancel_process(S& s, u32 p) {
    u32 n = s.active_count, kept = 0;
    for (u32 i = 0; i < n; ++i) {
        u32 from = s.active_head + i;
        if (from >= S::kProcs) from -= S::kProcs;
        u32 q = s.active[from];
        if (q == p) continue;
        u32 to = s.active_head + kept;
        if (to >= S::kProcs) to -= S::kProcs;
        s.active[to] = q;
        ++kept;
    }
    s.active_count = kept;
    kept = 0;
    for (u32 i = 0; i < s.inactive_count; ++i)
        if (s.inactive[i] != p) s.inactive[kept++] = s.inactive[i];
    s.inactive_count = kept;
    bool removed = false;
    kept = 0;
    for (u32 i = 0; i < s.future_count; ++i) {
        if (s.future[i].proc == p) {
            removed = true;
            continue;
        }
        s.future[kept++] = s.future[i];
    }
    s.future_count = kept;
    if (removed && kept > 1) { // restore the heap order
        for (u32 start = kept / 2; start-- > 0;) {
            u32 i = start;
            for (;;) {
                u32 l = 2 * i + 1, r = l + 1, m = i;
                if (l < kept && future_less(s, l, m)) m = l;
                if (r < kept && future_less(s, r, m)) m = r;
                if (m == i) break;
                future_swap(s, i, m);
                i = m;
            }
        }
    }
    if (s.yielded == p) s.yielded = ~0u;
}

// ---------------------------------------------------------------------------------------------
// The service ring (model side)

template <class S>
MF_HD inline bool ring_full(const S& s) {
    return s.ring_tail - s.ring_head >= S::kRingCap;
}
template <class S>
MF_HD inline auto& ring_push(S& s, u32 kind, u32 site) {
    if (s.status == kError) return s.discard;
    auto& r = s.ring[s.ring_tail % S::kRingCap];
    r.kind = kind;
    r.site = site;
    r.a = 0;
    r.b = 0;
    r.time = s.now;
    ++s.ring_tail;
    return r;
}
/// Stack a step call may use on the host below its own frame before function calls are cut
/// off with kErrCallDepth (deep recursion). Every host thread that steps models has a larger
/// stack than this (the CLI, the CPU engine's threads, the standalone host).
constexpr u64 kModelStackBudget = u64(128) << 20;

/// True when a function called now would pass kModelStackBudget (host only; the device's stack
/// is sized by its engine and overflows there are launch errors).
template <class S>
MF_HD inline bool stack_exhausted(const S& s) {
#if defined(__CUDA_ARCH__)
    (void)s;
    return false;
#else
    u64 here = reinterpret_cast<u64>(__builtin_frame_address(0));
    return s.stack_base && s.stack_base - here > kModelStackBudget;
#endif
}

/// Report a model error and stop the instance.
template <class S>
MF_HD inline void model_error(S& s, u32 code, u32 detail) {
    if (!ring_full(s)) {
        auto& r = ring_push(s, kSvcError, 0);
        r.a = code;
        r.b = detail;
    }
    s.status = kError;
}

/// Packs a value into `out` (a-plane then b-plane); returns the number of words.
template <u32 W, bool S_, bool F>
MF_HD inline u32 pack_words(word* out, const Vec<W, S_, F>& v) {
    for (u32 i = 0; i < Vec<W, S_, F>::NW; ++i) {
        out[i] = v.a[i];
        out[Vec<W, S_, F>::NW + i] = F ? k::ldb(v.bplane(), i) : 0;
    }
    return 2 * Vec<W, S_, F>::NW;
}
MF_HD inline u32 pack_words(word* out, double d) {
    out[0] = bits::double_to_bits(d);
    return 1;
}

/// Packs a value's words into a payload at word offset `at` (a-plane then b-plane).
template <u32 W, bool S_, bool F>
MF_HD inline void pack(word* payload, u32 at, const Vec<W, S_, F>& v) {
    for (u32 i = 0; i < Vec<W, S_, F>::NW; ++i) {
        payload[at + i] = v.a[i];
        payload[at + Vec<W, S_, F>::NW + i] = F ? k::ldb(v.bplane(), i) : 0;
    }
}
MF_HD inline void pack(word* payload, u32 at, double d) {
    payload[at] = bits::double_to_bits(d);
}
template <class T>
MF_HD inline void unpack(T& v, const word* payload, u32 at) {
    for (u32 i = 0; i < T::NW; ++i) {
        if constexpr (T::four_state) {
            v.a[i] = payload[at + i];
            v.bplane()[i] = payload[at + T::NW + i];
        } else { // X/Z bits read as 0
            v.a[i] = payload[at + i] & ~payload[at + T::NW + i];
        }
    }
}

/// What the host needs to drain a ring and answer host calls: pointers into the instance's
/// state (or into a host copy of its mailbox), and the mailbox's place in the state.
struct RingView {
    u32* head;
    const u32* tail;
    const void* records; // ServiceRecord<payload> array
    u32 capacity;
    u32 stride;  // bytes per record
    u32 payload; // payload words per record
    word* reply; // reply area of host calls
    u32 reply_words;
    u32 mailbox_offset; // byte offset of ring_head in the state
    u32 mailbox_bytes;  // from ring_head to the end of the ring
};
template <class S>
MF_HD inline void ring_view(S& s, RingView* v) {
    v->head = &s.ring_head;
    v->tail = &s.ring_tail;
    v->records = s.ring;
    v->capacity = S::kRingCap;
    v->stride = static_cast<u32>(sizeof(s.ring[0]));
    v->payload = S::kPayload;
    v->reply = s.reply;
    v->reply_words = S::kReplyWords;
    const char* base = reinterpret_cast<const char*>(&s);
    v->mailbox_offset = static_cast<u32>(reinterpret_cast<const char*>(&s.ring_head) - base);
    v->mailbox_bytes = static_cast<u32>(reinterpret_cast<const char*>(s.ring + S::kRingCap) -
                                        reinterpret_cast<const char*>(&s.ring_head));
}

/// Queues a $strobe site for the end of the time slot.
template <class S>
MF_HD inline bool strobe_push(S& s, u32 site) {
    if (s.strobe_count >= sizeof(s.strobe) / sizeof(s.strobe[0])) {
        model_error(s, kErrStrobeOverflow, site);
        return false;
    }
    s.strobe[s.strobe_count++] = site;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Non-blocking updates

/// Takes the next NBA queue entry for `leaf` with `words` pool words at e.pool (none: pool
/// kNbaInShadow); null, with a model error, when the queue or the pool is full.
template <class S>
MF_HD inline NbaEntry* nba_entry(S& s, u32 leaf, i64 elem, i64 off, u32 words) {
    if (s.nba_count >= sizeof(s.nba) / sizeof(s.nba[0]) ||
        s.pool_used + words > sizeof(s.pool) / sizeof(s.pool[0])) {
        model_error(s, kErrNbaOverflow, leaf);
        return nullptr;
    }
    NbaEntry& e = s.nba[s.nba_count++];
    e.leaf = leaf;
    e.pool = words ? s.pool_used : kNbaInShadow;
    e.elem = elem;
    e.off = off;
    s.pool_used += words;
    return &e;
}

/// Queues a non-blocking update of `leaf` with value v; false when the queue is full.
template <class S, u32 W, bool S_, bool F>
MF_HD inline bool nba_push(S& s, u32 leaf, i64 elem, i64 off, const Vec<W, S_, F>& v) {
    NbaEntry* e = nba_entry(s, leaf, elem, off, 2 * Vec<W, S_, F>::NW);
    if (e) pack(s.pool, e->pool, v);
    return e != nullptr;
}

/// Queues the commit of a shadowed non-blocking update: the value waits in the model's shadow
/// of the leaf, so the entry holds no value words.
template <class S>
MF_HD inline bool nba_mark(S& s, u32 leaf) {
    return nba_entry(s, leaf, 0, 0, 0) != nullptr;
}

/// Queues a non-blocking update for the NBA region `ticks` from now (0: this slot).
template <class S, class V>
MF_HD inline bool nba_push_delayed(S& s, u32 leaf, i64 elem, i64 off, const V& v, u64 ticks) {
    if (ticks == 0) return nba_push(s, leaf, elem, off, v);
    if (s.dnba_free == ~0u) {
        model_error(s, kErrNbaOverflow, leaf);
        return false;
    }
    u32 slot = s.dnba_free;
    DelayedNba& d = s.dnba[slot];
    s.dnba_free = d.next_free;
    d.e.leaf = leaf;
    d.e.elem = elem;
    d.e.off = off;
    d.words = pack_words(d.v, v);
    u32 i = s.future_count++;
    s.future[i] = FutureEvent{s.now + ticks, s.seq++, kDelayedNbaFlag | slot};
    while (i > 0) {
        u32 parent = (i - 1) / 2;
        if (!future_less(s, i, parent)) break;
        future_swap(s, i, parent);
        i = parent;
    }
    return true;
}
/// Moves a due delayed update into this slot's NBA region.
template <class S>
MF_HD inline void nba_release(S& s, u32 slot) {
    DelayedNba& d = s.dnba[slot];
    if (s.nba_count < sizeof(s.nba) / sizeof(s.nba[0]) &&
        s.pool_used + d.words <= sizeof(s.pool) / sizeof(s.pool[0])) {
        NbaEntry& e = s.nba[s.nba_count++];
        e = d.e;
        e.pool = s.pool_used;
        for (u32 i = 0; i < d.words; ++i) s.pool[s.pool_used++] = d.v[i];
    } else {
        model_error(s, kErrNbaOverflow, d.e.leaf);
    }
    d.next_free = s.dnba_free;
    s.dnba_free = slot;
}

/// Queues a non-blocking update of a real.
template <class S>
MF_HD inline bool nba_push(S& s, u32 leaf, i64 elem, i64 off, double v) {
    NbaEntry* e = nba_entry(s, leaf, elem, off, 1);
    if (e) pack(s.pool, e->pool, v);
    return e != nullptr;
}

// ---------------------------------------------------------------------------------------------
// Helpers for generated expressions

/// repeat (real): rounded to an integer.
MF_HD inline i64 repeat_count(double d) {
    if (!(d > 0)) return 0;
    return static_cast<i64>(d + 0.5);
}

/// A real passed where an integral-to-real conversion was expected.
MF_HD inline double to_real(double d) {
    return d;
}

/// A constant from its words: a-plane words then b-plane words (wide values), low word first.
/// A 2-state T reads X/Z bits as 0.
template <class T, class... A>
MF_HD inline T lit(A... w) {
    T r;
    const word words[] = {static_cast<word>(w)...};
    for (u32 i = 0; i < T::NW; ++i) {
        if constexpr (T::four_state) {
            r.a[i] = words[i];
            r.bplane()[i] = words[T::NW + i];
        } else {
            r.a[i] = words[i] & ~words[T::NW + i];
        }
    }
    return r;
}

/// An index value as i64; false when it has X/Z bits (or is too wide to matter).
template <u32 W, bool S_, bool F>
MF_HD MF_INLINE bool index_of(const Vec<W, S_, F>& v, i64& out) {
    if (v.has_xz()) return false;
    for (u32 i = 1; i < Vec<W, S_, F>::NW; ++i)
        if (v.a[i] != (S_ && k::sign_bit(v.cref()) == B1 ? ~word(0) : 0)) return false;
    if constexpr (W < 64) {
        u64 x = v.a[0];
        if (S_ && ((x >> (W - 1)) & 1)) x |= ~((u64(1) << W) - 1);
        out = static_cast<i64>(x);
    } else {
        out = static_cast<i64>(v.a[0]);
    }
    return true;
}

/// Offset of index i in a range [msb:lsb] from its least significant end.
MF_HD MF_INLINE i64 range_offset(i64 i, i64 msb, i64 lsb) {
    return msb >= lsb ? i - lsb : lsb - i;
}

/// An offset that selects nothing (an X/Z index): reads give X, writes do nothing.
constexpr i64 kNoIndex = -(i64(1) << 62);

/// dst = v; true when that changed dst (the order-free NBA commit, which calls a fanout shared
/// by several variables once).
template <u32 W, bool S_, bool F>
MF_HD MF_INLINE bool store_changed(Vec<W, S_, F>& dst, const Vec<W, S_, F>& v) {
    if (k::case_eq(dst.cref(), v.cref())) return false;
    dst = v;
    return true;
}

/// A commit block (codegen/nba_shadows.cpp): the n words at byte offset `dst` of the state take
/// the n words at byte offset `src` (the shadows of variables declared in the same order); true
/// when a word changed. Addressed from the state itself, as words: a block holds Vecs only.
template <class T>
MF_HD MF_INLINE bool copy_block_changed(T& s, u64 dst, u64 src, u32 n) {
    word* d = reinterpret_cast<word*>(reinterpret_cast<char*>(&s) + dst);
    const word* v = reinterpret_cast<const word*>(reinterpret_cast<const char*>(&s) + src);
    word diff = 0;
    for (u32 i = 0; i < n; ++i) diff |= d[i] ^ v[i];
    if (!diff) return false;
#if defined(__CUDA_ARCH__)
    for (u32 i = 0; i < n; ++i) d[i] = v[i];
#else
    __builtin_memcpy(d, v, u64(n) * sizeof(word)); // a loop is not vectorized (d may alias v)
#endif
    return true;
}

/// Offset of a bit select x[i] in [msb:lsb].
template <class I>
MF_HD MF_INLINE i64 bit_offset(const I& idx, i64 msb, i64 lsb) {
    i64 i = 0;
    if (!index_of(idx, i)) return kNoIndex;
    return range_offset(i, msb, lsb);
}
/// Offset of the least significant bit of x[b +: w] (up) or x[b -: w].
template <class I>
MF_HD MF_INLINE i64 indexed_offset(const I& idx, i64 w, i64 msb, i64 lsb, bool up) {
    i64 b = 0;
    if (!index_of(idx, b)) return kNoIndex;
    i64 lo_index = up ? b : b - w + 1; // the smaller index of the selected range
    i64 hi_index = lo_index + w - 1;
    return msb >= lsb ? lo_index - lsb : lsb - hi_index;
}
/// A W-bit part of x at an offset (X outside x, all X for kNoIndex; 0 for a 2-state x).
template <u32 W, u32 W2, bool S_, bool F>
MF_HD MF_INLINE Vec<W, false, F> select_part(const Vec<W2, S_, F>& x, i64 off) {
    if (off == kNoIndex) return Vec<W, false, F>::x();
    return x.template part<W>(off);
}
/// Writes v into x at an offset (bits outside x, and kNoIndex, are ignored).
template <u32 W, bool S_, bool F, u32 W2, bool S2, bool F2>
MF_HD MF_INLINE void set_part_at(Vec<W, S_, F>& x, i64 off, const Vec<W2, S2, F2>& v) {
    if (off == kNoIndex) return;
    x.set_part(off, v);
}
/// set_part_at that says whether a bit changed; a write wholly inside x touches only the part
/// (a bus written slice by slice costs O(slice), not O(bus), per write).
namespace detail {
/// The part [off, off + W2) wholly inside x: compared and stored alone.
template <u32 W, bool S_, bool F, u32 W2, bool S2, bool F2>
MF_HD MF_INLINE bool set_inner_part_changed(Vec<W, S_, F>& x, i64 off, const Vec<W2, S2, F2>& v) {
    Vec<W2, false, F> was = x.template part<W2>(off), now;
    now.set_part(0, v); // v as x stores it (2-state: X/Z become 0)
    if (k::case_eq(was.cref(), now.cref())) return false;
    x.set_part(off, now);
    return true;
}
} // namespace detail
template <u32 W, bool S_, bool F, u32 W2, bool S2, bool F2>
MF_HD inline bool set_part_changed(Vec<W, S_, F>& x, i64 off, const Vec<W2, S2, F2>& v) {
    if (off == kNoIndex) return false;
    if (off >= 0 && off + i64(W2) <= i64(W)) return detail::set_inner_part_changed(x, off, v);
    Vec<W, S_, F> t = x;
    t.set_part(off, v);
    if (k::case_eq(t.cref(), x.cref())) return false;
    x = t;
    return true;
}
/// set_part_changed at a constant offset wholly inside x (a port on a slice of a bus).
template <i64 Off, u32 W, bool S_, bool F, u32 W2, bool S2, bool F2>
MF_HD MF_INLINE bool set_part_changed_at(Vec<W, S_, F>& x, const Vec<W2, S2, F2>& v) {
    static_assert(Off >= 0 && Off + i64(W2) <= i64(W), "the part lies inside the value");
    return detail::set_inner_part_changed(x, Off, v);
}
/// Offset of an index in one unpacked dimension, or -1 (X/Z or out of range).
template <class I>
MF_HD MF_INLINE i64 dim_offset(const I& idx, i64 msb, i64 lsb) {
    i64 i = 0;
    if (!index_of(idx, i)) return -1;
    return range_offset(i, msb, lsb);
}
/// Flat element index from (offset, size, stride) per dimension; -1 when any is out of range.
MF_HD MF_INLINE i64 flat_index() {
    return 0;
}
template <class... R>
MF_HD MF_INLINE i64 flat_index(i64 off, i64 size, u64 stride, R... rest) {
    if (off < 0 || off >= size) return -1;
    i64 r = flat_index(rest...);
    if (r < 0) return -1;
    return off * static_cast<i64>(stride) + r;
}
/// repeat (n): X/Z and negative counts run zero times.
template <u32 W, bool S_, bool F>
MF_HD inline i64 repeat_count(const Vec<W, S_, F>& v) {
    i64 n = 0;
    if (!index_of(v, n)) return 0;
    return n < 0 ? 0 : n;
}

/// casez (z_only) / casex comparison: bits that are Z (casez) or X/Z (casex) in either
/// operand are ignored.
/// In a 2-state model x is 2-state and y (a constant item) keeps its X/Z wildcard bits.
template <u32 W, bool S_, bool F, bool S2, bool F2>
MF_HD inline bool case_wild(const Vec<W, S_, F>& x, const Vec<W, S2, F2>& y, bool z_only) {
    return k::case_wild(x.cref(), y.cref(), z_only);
}

/// Edge of a change from `was` to `now` (the least significant bits), table 43.
enum EdgeKind : u32 { kAnyEdge = 0, kPosedge = 1, kNegedge = 2 };
MF_HD inline bool edge_matches(u32 edge, Bit was, Bit now) {
    if (was == now) return false;
    if (edge == kAnyEdge) return true;
    if (edge == kPosedge) return was == B0 || now == B1;
    return was == B1 || now == B0; // negedge
}

/// The uniform generator of IEEE 1364-2005 clause 17.9.2 (as Icarus runs it: 32-bit seed).
MF_HD inline double rtl_uniform(i32& seed, i32 start, i32 end) {
    const double d = 0.00000011920928955078125;
    double a, b, c;
    u32 oldseed = static_cast<u32>(seed);
    if (oldseed == 0) oldseed = 259341593u;
    if (start >= end) {
        a = 0.0;
        b = 2147483647.0;
    } else {
        a = static_cast<double>(start);
        b = static_cast<double>(end);
    }
    u32 newseed = 69069u * oldseed + 1u;
    seed = static_cast<i32>(newseed);
    c = 1.0 + (newseed >> 9) * 0.00000011920928955078125;
    c = c + (c * d);
    c = ((b - a) * (c - 1.0)) + a;
    return c;
}
/// $random: rtl_dist_uniform over the whole 32-bit range.
MF_HD inline Logic<32, true> rtl_random(i32& seed) {
    double r = (rtl_uniform(seed, -2147483647 - 1, 2147483647) + 2147483648.0) / 4294967295.0;
    r = r * 4294967296.0 - 2147483648.0;
    i64 i = r >= 0 ? static_cast<i64>(static_cast<u64>(r))
                   : -static_cast<i64>(static_cast<u64>(-(r - 1)));
    return Logic<32, true>(static_cast<u64>(static_cast<u32>(i)));
}

/// Integer <-> real for generated code.
MF_HD inline Logic<1> real_truth(double d) {
    return Logic<1>(d != 0.0 ? 1u : 0u);
}
MF_HD inline Logic<1> bool_logic(bool b) {
    return Logic<1>(b ? 1u : 0u);
}

/// Ticks of a delay of `value` time units where one unit is `scale` ticks (clause 19.8:
/// rounded to the precision); negative and X delays count as 0 here.
/// A real delay in ticks, rounded; a negative one is the two's complement of its magnitude in a
/// 64-bit time (1364-2005 9.7.1), as Icarus reads it.
MF_HD inline u64 delay_ticks_real(double value, u64 scale) {
    double t = value * static_cast<double>(scale);
    if (t >= 0) return static_cast<u64>(t + 0.5);
    if (t < 0 && t > -9.2e18) return 0 - static_cast<u64>(-t + 0.5);
    return 0; // NaN, or beyond a 64-bit time
}
template <u32 W, bool S_, bool F>
MF_HD inline u64 delay_ticks(const Vec<W, S_, F>& v, u64 scale) {
    if (v.has_xz()) return 0;
    i64 x = 0;
    if (!index_of(v, x)) x = static_cast<i64>(v.a[0]);
    if (S_ && x < 0) return 0;
    return static_cast<u64>(x) * scale;
}
/// $time in units of `scale` ticks, rounded.
MF_HD inline u64 time_in_units(u64 now, u64 scale) {
    return scale <= 1 ? now : (now + scale / 2) / scale;
}

// ---------------------------------------------------------------------------------------------
// force of parts of a signal: bit masks (1 = forced) of the signal's own type

/// Bits [lo, lo + w) set.
template <class T>
MF_HD inline T range_mask(i64 lo, i64 w) {
    T m;
    for (i64 i = lo; i < lo + w; ++i)
        if (i >= 0 && i < static_cast<i64>(T::width)) m.a[i / 64] |= word(1) << (i % 64);
    return m;
}
/// Bits of b where m is 1, else bits of a (both planes).
template <class T>
MF_HD inline T merge_bits(const T& a, const T& b, const T& m) {
    T r;
    for (u32 i = 0; i < T::NW; ++i) {
        r.a[i] = (a.a[i] & ~m.a[i]) | (b.a[i] & m.a[i]);
        if constexpr (T::four_state)
            r.bplane()[i] = (a.bplane()[i] & ~m.a[i]) | (b.bplane()[i] & m.a[i]);
    }
    return r;
}
template <class T>
MF_HD inline void mask_clear(T& m, const T& r) {
    for (u32 i = 0; i < T::NW; ++i) m.a[i] &= ~r.a[i];
}
template <class T>
MF_HD inline void mask_or(T& m, const T& r) {
    for (u32 i = 0; i < T::NW; ++i) m.a[i] |= r.a[i];
}
MF_HD inline void mask_clear(u32& m, u32 r) {
    m &= ~r;
}
MF_HD inline void mask_or(u32& m, u32 r) {
    m |= r;
}
template <class T>
MF_HD inline bool mask_any(const T& m) {
    for (u32 i = 0; i < T::NW; ++i)
        if (m.a[i]) return true;
    return false;
}

/// bufif0/bufif1/notif0/notif1 (without strengths): the (inverted) input where the control
/// enables, z where it disables, x where the control is x/z.
/// (In a 2-state model the inputs are 2-state; the result stays 4-state for net resolution.)
template <bool F1, bool F2>
MF_HD inline Logic<1> tri_gate(const Vec<1, false, F1>& in, const Vec<1, false, F2>& ctrl,
                               bool high, bool inv) {
    Bit c = ctrl.bit_code(0);
    Bit on = high ? B1 : B0, off = high ? B0 : B1;
    if (c == off) return Logic<1>::z();
    if (c != on) return Logic<1>::x();
    Logic<1> v(in & in); // z input -> x
    return inv ? Logic<1>(~v) : v;
}

// ---------------------------------------------------------------------------------------------
// Nets with several drivers (clause 7.10 without strengths): each driver's value is kept apart
// and the net is the resolution of all of them. z is 0/1 in the a/b planes, x is 1/1.

enum NetResolve : u32 { kResolveWire = 0, kResolveAnd = 1, kResolveOr = 2 };

/// acc = resolve(acc, v) for a wire/tri (kResolveWire), wand/triand, wor/trior net.
template <u32 W, bool S_>
MF_HD inline void resolve_into(Vec<W, S_, true>& acc, const Vec<W, S_, true>& v, u32 kind) {
    for (u32 i = 0; i < Vec<W, S_, true>::NW; ++i) {
        word aa = acc.a[i], ab = acc.bplane()[i], va = v.a[i], vb = v.bplane()[i];
        word az = ab & ~aa, vz = vb & ~va;
        word ra, rb;
        if (kind == kResolveWire) {
            word sel = az & ~vz; // acc undriven: v decides
            word diff = ((aa ^ va) | (ab ^ vb)) & ~az & ~vz;
            ra = (va & sel) | (aa & ~sel) | diff;
            rb = (vb & sel) | (ab & ~sel) | diff;
        } else {
            word a0 = ~aa & ~ab, a1 = aa & ~ab, ax = aa & ab;
            word v0 = ~va & ~vb, v1 = va & ~vb, vx = va & vb;
            word rz = az & vz, r1, rx;
            if (kind == kResolveAnd) {
                word r0 = a0 | v0;
                rx = (ax | vx) & ~r0;
                r1 = (a1 | v1) & ~r0 & ~rx;
            } else {
                r1 = a1 | v1;
                rx = (ax | vx) & ~r1;
            }
            ra = r1 | rx;
            rb = rx | rz;
        }
        acc.a[i] = ra;
        acc.bplane()[i] = rb;
    }
}
/// Undriven (z) bits of a tri0/tri1 net become 0/1; of a trireg net, keep `old`.
template <u32 W, bool S_>
MF_HD inline void resolve_undriven(Vec<W, S_, true>& v, int pull, const Vec<W, S_, true>& old) {
    for (u32 i = 0; i < Vec<W, S_, true>::NW; ++i) {
        word z = v.bplane()[i] & ~v.a[i];
        if (pull == 0) {
            v.bplane()[i] &= ~z;
        } else if (pull == 1) {
            v.a[i] |= z;
            v.bplane()[i] &= ~z;
        } else {
            v.a[i] = (v.a[i] & ~z) | (old.a[i] & z);
            v.bplane()[i] = (v.bplane()[i] & ~z) | (old.bplane()[i] & z);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The step loop. M supplies:
//   using State;                          with a member `sched` (a Sched<...>)
//   static u32 run_process(State&, u32 p) returns 0 (suspended/done), kRingFull, kHostCall,
//                                         kFinished, kStopped, kError
//   static void apply_nba(State&, const NbaEntry&)
//   static constexpr u32 kFreeLeaves;     order-free NBA shadows (0: none), and
//   static void commit_free(State&)       applies those pending (codegen/nba_shadows.cpp)
//   static u32 end_of_slot(State&)       strobes and monitor; 0 or kRingFull

template <class M>
MF_HD inline u32 step(typename M::State& st, u64 budget) {
    auto& s = st.sched;
    if (s.status) return s.status;
#if !defined(__CUDA_ARCH__)
    s.stack_base = reinterpret_cast<u64>(__builtin_frame_address(0));
#endif
    const bool stop_at_slot_end = (budget & kStopAtSlotEnd) != 0;
    budget &= ~kStopAtSlotEnd;
    while (budget > 0) {
        // A process that suspended on a full ring or a host call resumes first; then the
        // active region.
        u32 p;
        if (s.yielded != ~0u) {
            p = s.yielded;
            s.yielded = ~0u;
        } else if (s.active_count) {
            p = pop_active(s);
            if (++s.slot_steps > s.slot_limit) {
                model_error(s, kErrZeroDelayLoop, p);
                return kError;
            }
        } else {
            p = ~0u;
        }
        if (p != ~0u) {
            u32 r = M::run_process(st, p);
            --budget;
            if (r == kRingFull || r == kHostCall) {
                s.yielded = p;
                return r;
            }
            if (r == kFinished || r == kStopped) {
                // $finish/$stop end the thread at once; the rest of the time slot still runs
                // (as Icarus does), then the simulation ends.
                if (!s.pending_end) s.pending_end = r;
            } else if (r) {
                if (!s.status) s.status = r;
                return s.status;
            }
            continue;
        }
        if (s.inactive_count) {
            for (u32 i = 0; i < s.inactive_count; ++i) activate(s, s.inactive[i]);
            s.inactive_count = 0;
            continue;
        }
        bool free_pending = false;
        if constexpr (M::kFreeLeaves > 0) free_pending = st.nfree != 0;
        if (s.nba_count || free_pending) {
            // Order-free shadows first (no process waits on them), then the queue in order.
            if constexpr (M::kFreeLeaves > 0)
                if (free_pending) M::commit_free(st);
            for (u32 i = 0; i < s.nba_count; ++i) M::apply_nba(st, s.nba[i]);
            s.nba_count = 0;
            s.pool_used = 0;
            continue;
        }
        if (M::end_of_slot(st) == kRingFull) return kRingFull;
        if (s.status) return s.status;
        if (s.active_count || s.inactive_count || s.nba_count) continue;
        if (s.pending_end) {
            s.status = s.pending_end;
            return s.status;
        }
        if (s.future_count == 0) {
            s.status = kIdle;
            return kIdle;
        }
        if (stop_at_slot_end) return kSlotEnd;
        s.now = s.future[0].time;
        s.slot_steps = 0;
        while (s.future_count && s.future[0].time == s.now) {
            u32 id = pop_future(s).proc;
            if (id & kDelayedNbaFlag)
                nba_release(s, id & ~kDelayedNbaFlag);
            else
                activate(s, id);
        }
    }
    return kBudget;
}

} // namespace metalfpga::rt::model
