// The CUDA entry points of a generated model: included at the end of the model source when it is
// compiled for a device (NVRTC). One thread runs one instance's scheduler. Two state layouts:
//
//   plain        instance i's state is one block at states + i * stride (mf_init_kernel,
//                mf_step_kernel); any state size.
//   interleaved  the state except the ring records is stored word by word across instances:
//                32-bit word k of instance i at words[k * count + i], so a warp reading the same
//                field of 32 instances reads 128 contiguous bytes. Each launch loads the
//                instance's words into a local State (CUDA interleaves local memory across the
//                threads of a warp the same way), steps it, and stores it back; ring records go
//                to a separate plain mailbox area, mail + i * mail_stride. Used when the state
//                less its ring is at most kStagedStateLimit (128 KiB) (mf_init_il, mf_step_il).
//
// Between launches the host drains each instance's service ring from its own copy: the step
// kernel leaves (ring_head, ring_tail) of every instance in `head_tail`, the host copies the
// records it needs, and before the next launch it hands back the new ring head (and, after a
// host call, the reply words) through `ack`/`replies`, which the kernel applies first.
#pragma once

#include "metalfpga/rt/device_layout.h"
#include "metalfpga/rt/model.h"

using metalfpga::rt::u32;
using metalfpga::rt::u64;
using metalfpga::rt::u8;
using metalfpga::rt::word;

namespace mf_device {

// Local memory is reserved for every thread the device can hold at once, so the staged layout
// is kept for states of moderate size (the engine falls back to the plain layout when the device
// cannot reserve it). The limit counts the interleaved words, not the ring records.
constexpr u64 kStagedStateLimit = 131072;

template <class S>
constexpr u64 stagedBytes() {
    return sizeof(S) - sizeof(decltype(S::sched)::ring);
}

template <class S, bool Fits = (stagedBytes<S>() <= kStagedStateLimit)>
struct Staged {
    static constexpr bool kFits = false;
    __device__ static void init(u32*, u32, u32, u32, u64) {}
    __device__ static u32 step(u32*, u32, u32, u32, char*, u64, u64, const u32*, const u8*,
                               const word*, u32, u32*) {
        return metalfpga::rt::model::kError;
    }
};

template <class S>
struct Staged<S, true> {
    static constexpr bool kFits = true;
    // The state is stored interleaved except for the ring records (they go to the mailbox
    // area): words [0, ring) and [ring_end, size) of the State, in that order, n in all.
    __device__ static u32 ringBegin(const S& s) {
        return static_cast<u32>(reinterpret_cast<const char*>(s.sched.ring) -
                                reinterpret_cast<const char*>(&s)) /
               4;
    }
    static constexpr u32 kRingWords = sizeof(decltype(S::sched)::ring) / 4;
    __device__ static void store(const S& s, u32* words, u32 count, u32 i, u32 n) {
        const u32* w = reinterpret_cast<const u32*>(&s);
        u32 r = ringBegin(s);
        for (u32 k = 0; k < n; ++k)
            words[static_cast<u64>(k) * count + i] = w[k < r ? k : k + kRingWords];
    }
    __device__ static void load(S& s, const u32* words, u32 count, u32 i, u32 n) {
        u32* w = reinterpret_cast<u32*>(&s);
        u32 r = ringBegin(s);
        for (u32 k = 0; k < n; ++k)
            w[k < r ? k : k + kRingWords] = words[static_cast<u64>(k) * count + i];
    }
    __device__ static void init(u32* words, u32 count, u32 i, u32 n, u64 slot_limit) {
        S s;
        // A state starts as zeros (as the plain layout's memset gives), then init() sets it.
        u32* w = reinterpret_cast<u32*>(&s);
        for (u32 k = 0; k < sizeof(S) / 4; ++k) w[k] = 0;
        mf_model::init(s, slot_limit);
        store(s, words, count, i, n);
    }
    __device__ static u32 step(u32* words, u32 count, u32 i, u32 n, char* mail, u64 mail_stride,
                               u64 budget, const u32* ack, const u8* ack_flags, const word* replies,
                               u32 reply_words, u32* head_tail) {
        S s;
        load(s, words, count, i, n);
        u8 f = ack_flags[i];
        if (f & 1) s.sched.ring_head = ack[i];
        if (f & 2)
            for (u32 r = 0; r < reply_words; ++r)
                s.sched.reply[r] = replies[static_cast<u64>(i) * reply_words + r];
        u32 tail0 = s.sched.ring_tail;
        u32 status = metalfpga::rt::model::step<mf_model::M>(s, budget);
        // The records written by this launch go to the instance's mailbox area.
        constexpr u32 cap = decltype(S::sched)::kRingCap;
        constexpr u32 rec = sizeof(s.sched.ring[0]) / 4;
        u32* out = reinterpret_cast<u32*>(mail + mail_stride * i);
        for (u32 t = tail0; t != s.sched.ring_tail; ++t) {
            u32 slot = t % cap;
            const u32* from = reinterpret_cast<const u32*>(&s.sched.ring[slot]);
            for (u32 k = 0; k < rec; ++k) out[slot * rec + k] = from[k];
        }
        store(s, words, count, i, n);
        head_tail[2 * i] = s.sched.ring_head;
        head_tail[2 * i + 1] = s.sched.ring_tail;
        return status;
    }
};

} // namespace mf_device

extern "C" __global__ void mf_layout(char* state, mf_device::Layout* out) {
    auto& s = *reinterpret_cast<mf_model::State*>(state);
    metalfpga::rt::model::RingView v;
    metalfpga::rt::model::ring_view(s.sched, &v);
    out->state_size = sizeof(mf_model::State);
    out->head = static_cast<u32>(reinterpret_cast<char*>(v.head) - state);
    out->tail = static_cast<u32>(reinterpret_cast<const char*>(v.tail) - state);
    out->reply = static_cast<u32>(reinterpret_cast<char*>(v.reply) - state);
    out->records = static_cast<u32>(static_cast<const char*>(v.records) - state);
    out->mailbox_bytes = v.mailbox_bytes;
    out->capacity = v.capacity;
    out->stride = v.stride;
    out->payload = v.payload;
    out->reply_words = v.reply_words;
    out->staged = mf_device::Staged<mf_model::State>::kFits ? 1 : 0;
}

extern "C" __global__ void mf_init_kernel(char* states, u64 stride, u32 count, u64 slot_limit) {
    u32 i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= count) return;
    mf_model::init(*reinterpret_cast<mf_model::State*>(states + stride * i), slot_limit);
}

extern "C" __global__ void mf_init_il(u32* words, u32 count, u32 n, u64 slot_limit) {
    u32 i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= count) return;
    mf_device::Staged<mf_model::State>::init(words, count, i, n, slot_limit);
}

extern "C" __global__ void mf_step_il(u32* words, u32 count, u32 n, char* mail, u64 mail_stride,
                                      u64 budget, const u8* run, u32* status, u32* head_tail,
                                      const u32* ack, const u8* ack_flags, const word* replies,
                                      u32 reply_words) {
    u32 i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= count || !run[i]) return;
    status[i] =
        mf_device::Staged<mf_model::State>::step(words, count, i, n, mail, mail_stride, budget, ack,
                                                 ack_flags, replies, reply_words, head_tail);
}

// ack_flags[i]: bit 0 = ack[i] holds a new ring head, bit 1 = replies holds the reply of a host
// call (reply_words words per instance).
extern "C" __global__ void mf_step_kernel(char* states, u64 stride, u32 count, u64 budget,
                                          const u8* run, u32* status, u32* head_tail,
                                          const u32* ack, const u8* ack_flags, const word* replies,
                                          u32 reply_words) {
    u32 i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= count || !run[i]) return;
    auto& s = *reinterpret_cast<mf_model::State*>(states + stride * i);
    u8 f = ack_flags[i];
    if (f & 1) s.sched.ring_head = ack[i];
    if (f & 2)
        for (u32 w = 0; w < reply_words; ++w)
            s.sched.reply[w] = replies[static_cast<u64>(i) * reply_words + w];
    status[i] = metalfpga::rt::model::step<mf_model::M>(s, budget);
    head_tail[2 * i] = s.sched.ring_head;
    head_tail[2 * i + 1] = s.sched.ring_tail;
}
