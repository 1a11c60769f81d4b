#include "backends/cuda/cuda_engine.h"

#include "metalfpga/rt/device_layout.h"
#include "runtime/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

namespace metalfpga::backends::cuda {

namespace {

namespace m = rt::model;
using u64 = unsigned long long;
using rt::u32;

// A page-locked host buffer: copies from and to it run asynchronously on the engine's stream.
template <class T>
class Pinned {
  public:
    Pinned() = default;
    Pinned(const Pinned&) = delete;
    Pinned& operator=(const Pinned&) = delete;
    ~Pinned() {
        if (p_) driver().cuMemFreeHost(p_);
    }
    bool alloc(size_t n) {
        void* p = nullptr;
        if (driver().cuMemAllocHost(&p, n ? n * sizeof(T) : 1) != CUDA_SUCCESS) return false;
        p_ = static_cast<T*>(p);
        n_ = n;
        std::memset(p_, 0, n * sizeof(T));
        return true;
    }
    T* data() { return p_; }
    T& operator[](size_t i) { return p_[i]; }
    const T& operator[](size_t i) const { return p_[i]; }
    size_t bytes() const { return n_ * sizeof(T); }

  private:
    T* p_ = nullptr;
    size_t n_ = 0;
};

class CudaEngine final : public runtime::Engine {
  public:
    CudaEngine(const LoadedModel& model, uint32_t count, const EngineOptions& o)
        : m_(model), api_(driver()), count_(count), opt_(o) {}
    ~CudaEngine() override {
        if (deviceHung()) return; // freeing would wait for the kernel that never ended
        for (CUdeviceptr p : {states_, mail_, run_, status_, headTail_, ack_, ackFlags_, replies_})
            if (p) api_.cuMemFree(p);
        for (CUevent e : events_)
            if (e) api_.cuEventDestroy(e);
        if (stream_) api_.cuStreamDestroy(stream_);
    }

    uint32_t count() const override { return count_; }
    const char* name() const override { return "cuda"; }
    std::string detail() const override {
        return fmt::format("{} layout, {} bytes of state per instance",
                           interleaved_ ? "interleaved" : "plain", static_cast<u64>(L_.state_size));
    }

    bool init(uint64_t slotLimit, std::string& error) {
        if (!check(api_.cuStreamCreate(&stream_, CU_STREAM_DEFAULT), "stream", error) ||
            !measureLayout(error))
            return false;
        interleaved_ = L_.staged && opt_.layout != Layout::Plain;
        if (opt_.layout == Layout::Interleaved && !L_.staged) {
            error = fmt::format("METALFPGA_CUDA_LAYOUT=interleaved: the model state ({} bytes) "
                                "is too large for the interleaved layout",
                                static_cast<u64>(L_.state_size));
            return false;
        }
        if (!alloc(run_, count_, error) || !alloc(status_, 4ull * count_, error) ||
            !alloc(headTail_, 8ull * count_, error) || !alloc(ack_, 4ull * count_, error) ||
            !alloc(ackFlags_, count_, error) ||
            !alloc(replies_, 8ull * count_ * L_.reply_words, error))
            return false;
        if (!runH_.alloc(count_) || !statusH_.alloc(count_) || !headTailH_.alloc(2ull * count_) ||
            !ackH_.alloc(count_) || !ackFlagsH_.alloc(count_) ||
            !repliesH_.alloc(size_t{count_} * L_.reply_words)) {
            error = "CUDA: page-locked host memory for the mailbox arrays is not available";
            return false;
        }
        for (CUevent& e : events_)
            if (!check(api_.cuEventCreate(&e, CU_EVENT_DEFAULT), "event", error)) return false;
        if (!check(api_.cuMemsetD8(ackFlags_, 0, count_), "memset", error)) return false;
        if (!setStack(interleaved_, error) || !placeStates(slotLimit, error)) {
            // The interleaved kernels need local memory for every thread the device holds; when
            // the device cannot reserve it, the plain layout runs the same model.
            if (!interleaved_ || opt_.layout == Layout::Interleaved) return false;
            interleaved_ = false;
            error.clear();
            if (!setStack(false, error) || !placeStates(slotLimit, error)) return false;
        }
        mirrors_.resize(count_);
        views_.resize(count_);
        lastStatus_.assign(count_, m::kBudget);
        return true;
    }

    // Sets the per-thread stack for the kernels of a layout. The driver sizes the stack itself
    // only where it can bound the calls; a recursive model (automatic recursive functions,
    // fanouts that call each other) runs on the limit alone, and that limit must hold the
    // kernel's own frame (the whole local State in the interleaved layout) as well as the calls.
    bool setStack(bool interleaved, std::string& error) {
        int frame = 0;
        for (CUfunction f :
             {interleaved ? m_.initIl : m_.init, interleaved ? m_.stepIl : m_.step}) {
            int bytes = 0;
            if (!check(api_.cuFuncGetAttribute(&bytes, CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES, f),
                       "function attribute", error))
                return false;
            frame = std::max(frame, bytes);
        }
        size_t bytes = opt_.stackBytes + size_t(frame);
        CUresult r = api_.cuCtxSetLimit(CU_LIMIT_STACK_SIZE, bytes);
        if (r == CUDA_ERROR_OUT_OF_MEMORY) {
            // The driver reserves the stack for every thread the device can hold at once.
            error = fmt::format("CUDA: a per-thread stack of {} KiB for every resident thread "
                                "does not fit in the free device memory (other processes may "
                                "hold it)",
                                bytes / 1024);
            return false;
        }
        return check(r, "stack size", error);
    }

    // Allocates and initialises the states in the chosen layout. Interleaved: the state words
    // except the ring records, and a plain area per instance for the records. Plain: one block
    // per instance.
    bool placeStates(uint64_t slotLimit, std::string& error) {
        for (CUdeviceptr* p : {&states_, &mail_})
            if (*p) {
                api_.cuMemFree(*p);
                *p = 0;
            }
        words_ = static_cast<uint32_t>((L_.state_size - size_t{L_.capacity} * L_.stride) / 4);
        stride_ = interleaved_ ? 0 : (L_.state_size + 255) / 256 * 256;
        mailStride_ = interleaved_ ? (size_t{L_.capacity} * L_.stride + 255) / 256 * 256 : 0;
        size_t stateBytes = interleaved_ ? size_t{words_} * 4 * count_ : stride_ * count_;
        size_t need = stateBytes + mailStride_ * count_;
        size_t freeMem = 0, total = 0;
        api_.cuMemGetInfo(&freeMem, &total);
        if (need > freeMem) {
            error = fmt::format("{} instance{} of this design need {:.1f} MiB of device memory; "
                                "{:.1f} MiB are free on {}",
                                count_, count_ == 1 ? "" : "s", need / 1048576.0,
                                freeMem / 1048576.0, m_.dev->name);
            return false;
        }
        if (!alloc(states_, stateBytes, error) || !alloc(mail_, mailStride_ * count_, error))
            return false;
        // The memset runs on the legacy stream; the engine's stream is a blocking one (it waits
        // for legacy-stream work), and the synchronisation makes the order explicit.
        if (!check(api_.cuMemsetD8(states_, 0, stateBytes), "memset", error) ||
            !check(api_.cuCtxSynchronize(), "memset", error))
            return false;
        uint32_t n = count_, words = words_;
        u64 stride = stride_, limit = slotLimit;
        void* plainArgs[] = {&states_, &stride, &n, &limit};
        void* ilArgs[] = {&states_, &n, &words, &limit};
        return launch(interleaved_ ? m_.initIl : m_.init, interleaved_ ? ilArgs : plainArgs,
                      error) &&
               wait(error);
    }

    void step(uint64_t budget, const std::vector<char>& run,
              std::vector<uint32_t>& status) override {
        // Hand back what the host did since the last step: new ring heads, host-call replies.
        bool anyReply = false;
        for (uint32_t i = 0; i < count_; ++i) {
            runH_[i] = run[i] ? 1 : 0;
            ackFlagsH_[i] = 0;
            if (!run[i] || !mirrors_[i]) continue;
            ackH_[i] = *views_[i].head;
            ackFlagsH_[i] = 1;
            if (lastStatus_[i] == m::kHostCall) {
                std::memcpy(&repliesH_[static_cast<size_t>(i) * L_.reply_words], views_[i].reply,
                            8ull * L_.reply_words);
                ackFlagsH_[i] |= 2;
                anyReply = true;
            }
        }
        std::string error;
        bool stamps = profiler_ && profiler_->gpuTimestamps();
        bool ok = (!stamps || record(0, error)) && copyIn(run_, runH_, error) &&
                  copyIn(ack_, ackH_, error) && copyIn(ackFlags_, ackFlagsH_, error) &&
                  (!anyReply || copyIn(replies_, repliesH_, error)) &&
                  (!stamps || record(1, error));
        uint32_t n = count_, rw = L_.reply_words, words = words_;
        u64 stride = stride_, b = budget, mailStride = mailStride_;
        void* plainArgs[] = {&states_,   &stride, &n,         &b,        &run_, &status_,
                             &headTail_, &ack_,   &ackFlags_, &replies_, &rw};
        void* ilArgs[] = {&states_, &n,         &words, &mail_,     &mailStride, &b, &run_,
                          &status_, &headTail_, &ack_,  &ackFlags_, &replies_,   &rw};
        ok = ok &&
             launch(interleaved_ ? m_.stepIl : m_.step, interleaved_ ? ilArgs : plainArgs, error) &&
             (!stamps || record(2, error)) && copyOut(statusH_, status_, error) &&
             copyOut(headTailH_, headTail_, error) && (!stamps || record(3, error)) && wait(error);
        if (ok && stamps) reportTimings();
        auto t0 = std::chrono::steady_clock::now();
        ok = ok && fetchRings(run, error);
        if (ok && stamps)
            profiler_->addDeviceTiming("ring-fetch", std::chrono::duration<double, std::milli>(
                                                         std::chrono::steady_clock::now() - t0)
                                                         .count());
        if (!ok) {
            fail(run, status, error);
            return;
        }
        for (uint32_t i = 0; i < count_; ++i)
            if (run[i]) status[i] = lastStatus_[i] = statusH_[i];
    }

    m::RingView& mailbox(uint32_t i) override {
        if (!mirrors_[i]) {
            // Nothing to drain: an empty ring.
            emptyHead_ = emptyTail_ = 0;
            views_[i].head = &emptyHead_;
            views_[i].tail = &emptyTail_;
        }
        return views_[i];
    }
    std::string failure() const override { return failed_; }

  private:
    bool check(CUresult r, const char* what, std::string& error) {
        if (r == CUDA_SUCCESS) return true;
        error = fmt::format("CUDA {}: {}", what, describe(api_, r));
        return false;
    }
    bool alloc(CUdeviceptr& p, size_t bytes, std::string& error) {
        return check(api_.cuMemAlloc(&p, bytes ? bytes : 1), "device allocation", error);
    }
    template <class T>
    bool copyIn(CUdeviceptr dst, Pinned<T>& src, std::string& error) {
        return check(api_.cuMemcpyHtoDAsync(dst, src.data(), src.bytes(), stream_), "copy", error);
    }
    template <class T>
    bool copyOut(Pinned<T>& dst, CUdeviceptr src, std::string& error) {
        return check(api_.cuMemcpyDtoHAsync(dst.data(), src, dst.bytes(), stream_), "copy", error);
    }
    bool record(int k, std::string& error) {
        return check(api_.cuEventRecord(events_[k], stream_), "event", error);
    }
    unsigned blocks() const { return (count_ + opt_.blockSize - 1) / opt_.blockSize; }
    bool launch(CUfunction f, void** args, std::string& error) {
        return check(
            api_.cuLaunchKernel(f, blocks(), 1, 1, opt_.blockSize, 1, 1, 0, stream_, args, nullptr),
            "launch", error);
    }
    // Waits for the stream; with --dispatch-timeout-ms, at most that long.
    bool wait(std::string& error) {
        if (!opt_.dispatchTimeoutMs)
            return check(api_.cuStreamSynchronize(stream_), "kernel", error);
        auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(opt_.dispatchTimeoutMs);
        for (auto pause = std::chrono::microseconds(20);;) {
            CUresult r = api_.cuStreamQuery(stream_);
            if (r != CUDA_ERROR_NOT_READY) return check(r, "kernel", error);
            if (std::chrono::steady_clock::now() > deadline) {
                markDeviceHung();
                error = fmt::format("a kernel launch ran longer than --dispatch-timeout-ms ({} "
                                    "ms); the simulation was stopped",
                                    opt_.dispatchTimeoutMs);
                return false;
            }
            std::this_thread::sleep_for(pause);
            pause = std::min(pause * 2, std::chrono::microseconds(1000));
        }
    }
    void reportTimings() {
        static const char* names[] = {"copy-in", "kernel", "copy-out"};
        for (int k = 0; k < 3; ++k) {
            float ms = 0;
            if (api_.cuEventElapsedTime(&ms, events_[k], events_[k + 1]) == CUDA_SUCCESS)
                profiler_->addDeviceTiming(names[k], ms);
        }
    }
    // The layout of the mailbox, from a scratch state.
    bool measureLayout(std::string& error) {
        CUdeviceptr layoutBuf = 0, scratch = 0;
        // The state's size is not known yet: measure on a generous scratch block.
        const size_t guess = 64u << 20;
        if (!alloc(layoutBuf, sizeof(mf_device::Layout), error)) return false;
        if (!alloc(scratch, guess, error)) {
            api_.cuMemFree(layoutBuf);
            return false;
        }
        void* args[] = {&scratch, &layoutBuf};
        bool ok = check(api_.cuLaunchKernel(m_.layout, 1, 1, 1, 1, 1, 1, 0, stream_, args, nullptr),
                        "launch", error) &&
                  wait(error) && check(api_.cuMemcpyDtoH(&L_, layoutBuf, sizeof L_), "copy", error);
        api_.cuMemFree(scratch);
        api_.cuMemFree(layoutBuf);
        if (ok && L_.state_size > guess) {
            error = fmt::format("the model state ({} bytes) is too large for the CUDA engine",
                                static_cast<u64>(L_.state_size));
            return false;
        }
        return ok;
    }
    // A device failure ends every instance with an error record of our own.
    void fail(const std::vector<char>& run, std::vector<uint32_t>& status,
              const std::string& error) {
        if (failed_.empty()) failed_ = error;
        for (uint32_t i = 0; i < count_; ++i)
            if (run[i]) status[i] = m::kError;
    }

    // Where instance i's ring records lie on the device.
    CUdeviceptr recordsOf(uint32_t i) const {
        return interleaved_ ? mail_ + mailStride_ * i : states_ + stride_ * i + L_.records;
    }
    bool needsFetch(uint32_t i) const {
        return headTailH_[2ull * i] != headTailH_[2ull * i + 1] || statusH_[i] == m::kHostCall;
    }
    // Copies the unread ring records of every instance that ran into its host mirror. With many
    // such instances, one strided copy replaces a copy per instance: it takes, from every
    // instance between the first and the last that need it, only the ring slots that some
    // instance filled (a batch that printed a line each copies one slot per instance, not the
    // whole ring).
    bool fetchRings(const std::vector<char>& run, std::string& error) {
        uint32_t first = count_, last = 0, needy = 0;
        uint32_t lo = L_.capacity, hi = 0; // the slots to copy: [lo, hi)
        for (uint32_t i = 0; i < count_; ++i) {
            if (!run[i] || !needsFetch(i)) continue;
            first = std::min(first, i);
            last = i;
            ++needy;
            uint32_t head = headTailH_[2ull * i], tail = headTailH_[2ull * i + 1];
            uint32_t from = head % L_.capacity, to = from + (tail - head);
            if (tail - head >= L_.capacity || to > L_.capacity) from = 0, to = L_.capacity;
            lo = std::min(lo, from);
            hi = std::max(hi, to);
        }
        if (!needy) return true;
        uint32_t rows = last - first + 1;
        if (needy <= 16 || rows > 4ull * needy || hi <= lo) {
            for (uint32_t i = first; i <= last; ++i)
                if (run[i] && needsFetch(i) && !fetchRing(i, nullptr, 0, error)) return false;
            return true;
        }
        size_t offset = size_t{lo} * L_.stride, width = size_t{hi - lo} * L_.stride;
        if (!bulk_ || bulk_->bytes() < width * rows) {
            bulk_ = std::make_unique<Pinned<char>>();
            if (!bulk_->alloc(width * rows)) {
                bulk_.reset();
                error = "CUDA: page-locked host memory for the ring records is not available";
                return false;
            }
        }
        CUDA_MEMCPY2D c{};
        c.srcMemoryType = CU_MEMORYTYPE_DEVICE;
        c.srcDevice = recordsOf(first) + offset;
        c.srcPitch = interleaved_ ? mailStride_ : stride_;
        c.dstMemoryType = CU_MEMORYTYPE_HOST;
        c.dstHost = bulk_->data();
        c.dstPitch = width;
        c.WidthInBytes = width;
        c.Height = rows;
        if (!check(api_.cuMemcpy2D(&c), "copy", error)) return false;
        for (uint32_t i = first; i <= last; ++i) {
            if (!run[i] || !needsFetch(i)) continue;
            if (!fetchRing(i, bulk_->data() + width * (i - first), offset, error)) return false;
        }
        return true;
    }
    // Copies instance i's unread ring records into its host mirror (from `bulk`, a host copy of
    // its records from byte `offset` on, when given).
    bool fetchRing(uint32_t i, const char* bulk, size_t offset, std::string& error) {
        uint32_t head = headTailH_[2ull * i], tail = headTailH_[2ull * i + 1];
        if (!mirrors_[i]) {
            // Not zero-filled: the host reads only the slots copied in, so a large batch commits
            // the pages its records use, not whole rings.
            mirrors_[i].reset(new char[L_.mailbox_bytes]);
            char* b = mirrors_[i].get();
            m::RingView& v = views_[i];
            v.head = reinterpret_cast<u32*>(b);
            v.tail = reinterpret_cast<const u32*>(b + (L_.tail - L_.head));
            v.reply = reinterpret_cast<rt::word*>(b + (L_.reply - L_.head));
            v.records = b + (L_.records - L_.head);
            v.capacity = L_.capacity;
            v.stride = L_.stride;
            v.payload = L_.payload;
            v.reply_words = L_.reply_words;
            v.mailbox_offset = L_.head;
            v.mailbox_bytes = L_.mailbox_bytes;
        }
        char* b = mirrors_[i].get();
        std::memcpy(b, &head, 4);
        std::memcpy(b + (L_.tail - L_.head), &tail, 4);
        char* records = b + (L_.records - L_.head);
        for (uint32_t k = head; k != tail;) {
            uint32_t slot = k % L_.capacity;
            uint32_t n = std::min(tail - k, L_.capacity - slot);
            size_t at = static_cast<size_t>(slot) * L_.stride, bytes = size_t{n} * L_.stride;
            if (bulk)
                std::memcpy(records + at, bulk + (at - offset), bytes);
            else if (!check(api_.cuMemcpyDtoH(records + at, recordsOf(i) + at, bytes), "copy",
                            error))
                return false;
            k += n;
        }
        return true;
    }

    const LoadedModel& m_;
    const DriverApi& api_;
    uint32_t count_;
    EngineOptions opt_;
    mf_device::Layout L_{};
    bool interleaved_ = false;
    uint32_t words_ = 0;    // interleaved: 32-bit words per instance
    size_t stride_ = 0;     // plain: bytes per instance
    size_t mailStride_ = 0; // interleaved: bytes of ring records per instance
    CUstream stream_ = nullptr;
    CUevent events_[4] = {};
    CUdeviceptr states_ = 0, mail_ = 0, run_ = 0, status_ = 0, headTail_ = 0, ack_ = 0,
                ackFlags_ = 0, replies_ = 0;
    Pinned<unsigned char> runH_, ackFlagsH_;
    Pinned<uint32_t> statusH_, headTailH_, ackH_;
    Pinned<rt::word> repliesH_;
    std::vector<uint32_t> lastStatus_;
    std::vector<std::unique_ptr<char[]>> mirrors_; // host copies of the mailboxes (lazily made)
    std::unique_ptr<Pinned<char>> bulk_;           // staging of the strided ring copy
    std::vector<m::RingView> views_;
    u32 emptyHead_ = 0, emptyTail_ = 0;
    std::string failed_; // the device error that ended the run, if any
};

} // namespace

bool layoutFromEnvironment(Layout& layout, std::string& error) {
    const char* e = std::getenv("METALFPGA_CUDA_LAYOUT");
    std::string v = e ? e : "";
    if (v.empty() || v == "auto")
        layout = Layout::Auto;
    else if (v == "plain")
        layout = Layout::Plain;
    else if (v == "interleaved")
        layout = Layout::Interleaved;
    else {
        error = "METALFPGA_CUDA_LAYOUT must be auto, plain or interleaved, not '" + v + "'";
        return false;
    }
    return true;
}

bool engineOptionsFromEnvironment(EngineOptions& options, std::string& error) {
    if (!layoutFromEnvironment(options.layout, error)) return false;
    const char* e = std::getenv("METALFPGA_CUDA_BLOCK");
    if (!e || !*e) return true;
    char* end = nullptr;
    unsigned long v = std::strtoul(e, &end, 10);
    if (*end || v < 32 || v > 1024 || v % 32) {
        error = fmt::format(
            "METALFPGA_CUDA_BLOCK must be a multiple of 32 from 32 to 1024, not '{}'", e);
        return false;
    }
    options.blockSize = static_cast<unsigned>(v);
    return true;
}

std::unique_ptr<runtime::Engine> makeEngine(const LoadedModel& model, uint32_t count,
                                            uint64_t slotLimit, const EngineOptions& options,
                                            std::string& error) {
    auto e = std::make_unique<CudaEngine>(model, count, options);
    if (!e->init(slotLimit, error)) return nullptr;
    return e;
}

} // namespace metalfpga::backends::cuda
