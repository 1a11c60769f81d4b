#include "support/large_stack.h"

#include <pthread.h>

#include <utility>

namespace metalfpga::support {

LargeStackThread::LargeStackThread(std::size_t bytes, std::function<void()> body)
    : body_(std::move(body)) {
    pthread_attr_t attr;
    pthread_t thread;
    running_ = pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, bytes) == 0 &&
               pthread_create(&thread, &attr, start, this) == 0;
    pthread_attr_destroy(&attr);
    if (running_) {
        thread_ = thread;
        return;
    }
    try { // no memory for such a stack: run here
        body_();
    } catch (...) {
        error_ = std::current_exception();
    }
}

LargeStackThread::~LargeStackThread() {
    if (running_) pthread_join(static_cast<pthread_t>(thread_), nullptr);
}

void* LargeStackThread::start(void* self) {
    auto* t = static_cast<LargeStackThread*>(self);
    try {
        t->body_();
    } catch (...) {
        t->error_ = std::current_exception();
    }
    return nullptr;
}

void LargeStackThread::join() {
    if (running_) pthread_join(static_cast<pthread_t>(thread_), nullptr);
    running_ = false;
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

int runWithLargeStack(std::size_t bytes, const std::function<int()>& body) {
    int result = 0;
    LargeStackThread t(bytes, [&] { result = body(); });
    t.join();
    return result;
}

} // namespace metalfpga::support
