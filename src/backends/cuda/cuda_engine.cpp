#include "backends/cuda/cuda_engine.h"

#include "metalfpga/rt/device_layout.h"

#include <fmt/format.h>

#include <cstring>
#include <vector>

namespace metalfpga::backends::cuda {

namespace {

namespace m = rt::model;
using u64 = unsigned long long;
using rt::u32;

class CudaEngine final : public runtime::Engine {
  public:
    CudaEngine(const LoadedModel& model, uint32_t count, const EngineOptions& o)
        : m_(model), api_(driver()), count_(count), opt_(o) {}
    ~CudaEngine() override {
        for (CUdeviceptr p : {states_, run_, status_, headTail_, ack_, ackFlags_, replies_})
            if (p) api_.cuMemFree(p);
    }

    uint32_t count() const override { return count_; }
    const char* name() const override { return "cuda"; }

    bool init(uint64_t slotLimit, std::string& error) {
        if (!check(api_.cuCtxSetLimit(CU_LIMIT_STACK_SIZE, opt_.stackBytes), "stack size", error))
            return false;
        // The layout of the mailbox, from a scratch state.
        CUdeviceptr layoutBuf = 0;
        if (!check(api_.cuMemAlloc(&layoutBuf, sizeof(mf_device::Layout)), "alloc", error))
            return false;
        mf_device::Layout L{};
        {
            // A state to measure: its size is not known yet, so ask for a generous one first.
            CUdeviceptr scratch = 0;
            size_t guess = 64u << 20;
            if (!check(api_.cuMemAlloc(&scratch, guess), "alloc", error)) return false;
            void* args[] = {&scratch, &layoutBuf};
            bool ok = launch(m_.layout, 1, 1, args, error) &&
                      check(api_.cuMemcpyDtoH(&L, layoutBuf, sizeof L), "copy", error);
            api_.cuMemFree(scratch);
            api_.cuMemFree(layoutBuf);
            if (!ok) return false;
            if (L.state_size > guess) {
                error = fmt::format("the model state ({} bytes) is too large for the CUDA engine",
                                    L.state_size);
                return false;
            }
        }
        L_ = L;
        stride_ = (L.state_size + 255) / 256 * 256;
        size_t need = stride_ * count_ + count_ * (1 + 4 + 8 + 4 + 1 + 8 * L.reply_words);
        size_t freeMem = 0, total = 0;
        api_.cuMemGetInfo(&freeMem, &total);
        if (need > freeMem) {
            error = fmt::format("{} instance{} of this design need {:.1f} MiB of device memory; "
                                "{:.1f} MiB are free on {}",
                                count_, count_ == 1 ? "" : "s", need / 1048576.0,
                                freeMem / 1048576.0, m_.dev->name);
            return false;
        }
        if (!alloc(states_, stride_ * count_, error) || !alloc(run_, count_, error) ||
            !alloc(status_, 4ull * count_, error) || !alloc(headTail_, 8ull * count_, error) ||
            !alloc(ack_, 4ull * count_, error) || !alloc(ackFlags_, count_, error) ||
            !alloc(replies_, 8ull * count_ * L.reply_words, error))
            return false;
        api_.cuMemsetD8(states_, 0, stride_ * count_);
        api_.cuMemsetD8(ackFlags_, 0, count_);
        u64 stride = stride_;
        uint32_t n = count_;
        u64 limit = slotLimit;
        void* args[] = {&states_, &stride, &n, &limit};
        if (!launch(m_.init, blocks(), opt_.blockSize, args, error)) return false;

        headTail_h_.assign(2ull * count_, 0);
        status_h_.assign(count_, 0);
        ack_h_.assign(count_, 0);
        ackFlags_h_.assign(count_, 0);
        replies_h_.assign(static_cast<size_t>(count_) * L.reply_words, 0);
        mirrors_.resize(count_);
        views_.resize(count_);
        lastStatus_.assign(count_, m::kBudget);
        return true;
    }

    void step(uint64_t budget, const std::vector<char>& run,
              std::vector<uint32_t>& status) override {
        // Hand back what the host did since the last step: new ring heads, host-call replies.
        bool anyReply = false;
        for (uint32_t i = 0; i < count_; ++i) {
            ackFlags_h_[i] = 0;
            if (!run[i] || mirrors_[i].empty()) continue;
            ack_h_[i] = *views_[i].head;
            ackFlags_h_[i] = 1;
            if (lastStatus_[i] == m::kHostCall) {
                std::memcpy(&replies_h_[static_cast<size_t>(i) * L_.reply_words], views_[i].reply,
                            8ull * L_.reply_words);
                ackFlags_h_[i] |= 2;
                anyReply = true;
            }
        }
        std::string error;
        std::vector<unsigned char> runBytes(run.begin(), run.end());
        bool ok = copyIn(run_, runBytes.data(), count_, error) &&
                  copyIn(ack_, ack_h_.data(), 4ull * count_, error) &&
                  copyIn(ackFlags_, ackFlags_h_.data(), count_, error) &&
                  (!anyReply ||
                   copyIn(replies_, replies_h_.data(), 8ull * count_ * L_.reply_words, error));
        u64 stride = stride_, b = budget;
        uint32_t n = count_, rw = L_.reply_words;
        void* args[] = {&states_,   &stride, &n,         &b,        &run_, &status_,
                        &headTail_, &ack_,   &ackFlags_, &replies_, &rw};
        ok = ok && launch(m_.step, blocks(), opt_.blockSize, args, error) &&
             check(api_.cuMemcpyDtoH(status_h_.data(), status_, 4ull * count_), "copy", error) &&
             check(api_.cuMemcpyDtoH(headTail_h_.data(), headTail_, 8ull * count_), "copy", error);
        if (!ok) {
            fail(run, status, error);
            return;
        }
        for (uint32_t i = 0; i < count_; ++i) {
            if (!run[i]) continue;
            status[i] = lastStatus_[i] = status_h_[i];
            if (!fetchRing(i, error)) {
                fail(run, status, error);
                return;
            }
        }
    }

    m::RingView& mailbox(uint32_t i) override {
        if (mirrors_[i].empty()) {
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
    bool copyIn(CUdeviceptr dst, const void* src, size_t bytes, std::string& error) {
        return check(api_.cuMemcpyHtoD(dst, src, bytes), "copy", error);
    }
    unsigned blocks() const { return (count_ + opt_.blockSize - 1) / opt_.blockSize; }
    bool launch(CUfunction f, unsigned grid, unsigned block, void** args, std::string& error) {
        return check(api_.cuLaunchKernel(f, grid, 1, 1, block, 1, 1, 0, nullptr, args, nullptr),
                     "launch", error) &&
               check(api_.cuCtxSynchronize(), "kernel", error);
    }
    // A device failure ends every instance with an error record of our own.
    void fail(const std::vector<char>& run, std::vector<uint32_t>& status,
              const std::string& error) {
        if (failed_.empty()) failed_ = error;
        for (uint32_t i = 0; i < count_; ++i)
            if (run[i]) status[i] = m::kError;
    }

    // Copies instance i's unread ring records into its host mirror.
    bool fetchRing(uint32_t i, std::string& error) {
        uint32_t head = headTail_h_[2ull * i], tail = headTail_h_[2ull * i + 1];
        if (mirrors_[i].empty()) {
            if (head == tail && lastStatus_[i] != m::kHostCall) return true;
            mirrors_[i].assign(L_.mailbox_bytes, 0);
            char* b = mirrors_[i].data();
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
        char* b = mirrors_[i].data();
        std::memcpy(b, &head, 4);
        std::memcpy(b + (L_.tail - L_.head), &tail, 4);
        CUdeviceptr base = states_ + stride_ * i + L_.records;
        char* records = b + (L_.records - L_.head);
        for (uint32_t k = head; k != tail;) {
            uint32_t slot = k % L_.capacity;
            uint32_t run = std::min(tail - k, L_.capacity - slot);
            if (!check(api_.cuMemcpyDtoH(records + static_cast<size_t>(slot) * L_.stride,
                                         base + static_cast<size_t>(slot) * L_.stride,
                                         static_cast<size_t>(run) * L_.stride),
                       "copy", error))
                return false;
            k += run;
        }
        return true;
    }

    const LoadedModel& m_;
    const DriverApi& api_;
    uint32_t count_;
    EngineOptions opt_;
    mf_device::Layout L_{};
    size_t stride_ = 0;
    CUdeviceptr states_ = 0, run_ = 0, status_ = 0, headTail_ = 0, ack_ = 0, ackFlags_ = 0,
                replies_ = 0;
    std::vector<uint32_t> headTail_h_, status_h_, ack_h_, lastStatus_;
    std::vector<unsigned char> ackFlags_h_;
    std::vector<rt::word> replies_h_;
    std::vector<std::vector<char>> mirrors_;
    std::vector<m::RingView> views_;
    u32 emptyHead_ = 0, emptyTail_ = 0;
    std::string failed_; // the device error that ended the run, if any
};

} // namespace

std::unique_ptr<runtime::Engine> makeEngine(const LoadedModel& model, uint32_t count,
                                            uint64_t slotLimit, const EngineOptions& options,
                                            std::string& error) {
    auto e = std::make_unique<CudaEngine>(model, count, options);
    if (!e->init(slotLimit, error)) return nullptr;
    return e;
}

} // namespace metalfpga::backends::cuda
