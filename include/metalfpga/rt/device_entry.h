// The CUDA entry points of a generated model: included at the end of the model source when it is
// compiled for a device (NVRTC). One thread runs one instance's scheduler; instance i's state is
// at states + i * stride.
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
}

extern "C" __global__ void mf_init_kernel(char* states, u64 stride, u32 count, u64 slot_limit) {
    u32 i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= count) return;
    mf_model::init(*reinterpret_cast<mf_model::State*>(states + stride * i), slot_limit);
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
