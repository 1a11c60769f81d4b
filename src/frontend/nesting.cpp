// The stack limits behind checkNesting() and the large-stack thread of the driver.

#include "frontend/nesting.h"

#include <pthread.h>

#include <cstdint>

namespace metalfpga::frontend {

namespace {
// Left free below the limit: the frames of whatever runs between two checks (a diagnostic, a
// string built with fmt, a library call) must fit in it.
constexpr std::uintptr_t kMargin = 512 * 1024;
} // namespace

namespace detail {
thread_local std::uintptr_t stackLimit = 0;

std::uintptr_t findStackLimit() {
    pthread_attr_t attr;
    void* base = nullptr;
    std::size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &base, &size);
        pthread_attr_destroy(&attr);
    }
    if (!base || size <= 2 * kMargin) {
        // Unknown: assume the usual 8 MiB below the current frame.
        char probe;
        auto here = reinterpret_cast<std::uintptr_t>(&probe);
        stackLimit = here - (std::uintptr_t(8) << 20) + kMargin;
    } else {
        stackLimit = reinterpret_cast<std::uintptr_t>(base) + kMargin;
    }
    return stackLimit;
}
} // namespace detail

} // namespace metalfpga::frontend
