// Where the mailbox lies inside a model state, as the device reports it (see device_entry.h).
// Host and device code.
#pragma once

#include "metalfpga/rt/config.h"

namespace mf_device {

using metalfpga::rt::u32;
using metalfpga::rt::u64;

// Where the mailbox lies inside a state (byte offsets from the state's start).
struct Layout {
    u64 state_size;
    u32 head;    // ring_head (the mailbox starts here)
    u32 tail;    // ring_tail
    u32 reply;   // reply area
    u32 records; // ring records
    u32 mailbox_bytes;
    u32 capacity;
    u32 stride; // bytes per record
    u32 payload;
    u32 reply_words;
    u32 staged; // 1: the interleaved kernels (mf_init_il, mf_step_il) can run this state
};

} // namespace mf_device
