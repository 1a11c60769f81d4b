// Recursion over the design's nesting ends with NestingTooDeep near the end of the stack, never
// with a stack overflow: a chain too long for a small stack, elaborated on a thread with one.

#include "elab_test_util.h"
#include "frontend/nesting.h"
#include "support/large_stack.h"

#include <gtest/gtest.h>

using namespace metalfpga;

namespace {

std::string chain(int operands) {
    std::string e = "y";
    for (int i = 1; i < operands; ++i) e += " + y";
    return "module m; reg [31:0] y, z; initial z = " + e + "; endmodule\n";
}

// Runs body on a thread with `bytes` of stack; returns whether it threw NestingTooDeep.
bool throwsNestingTooDeep(std::size_t bytes, const std::function<void()>& body) {
    bool thrown = false;
    support::LargeStackThread t(bytes, [&] {
        try {
            body();
        } catch (const frontend::NestingTooDeep&) {
            thrown = true;
        }
    });
    t.join();
    return thrown;
}

// A frame that lives across the call (no tail call to turn into a loop).
int depth(int n) {
    frontend::checkNesting({});
    volatile char pad[256];
    pad[0] = static_cast<char>(n);
    if (n == 0) return 0;
    int r = depth(n - 1);
    return r + pad[0];
}

} // namespace

TEST(Nesting, DeepRecursionThrowsBeforeTheStackEnds) {
    EXPECT_TRUE(throwsNestingTooDeep(2 << 20, [] { depth(10'000'000); }));
    EXPECT_FALSE(throwsNestingTooDeep(2 << 20, [] { depth(100); }));
}

TEST(Nesting, ALongChainOnASmallStackIsAnErrorNotACrash) {
    // 24 MiB: enough to free the tree, too little to elaborate it.
    std::string text = chain(200'000);
    EXPECT_TRUE(throwsNestingTooDeep(24 << 20, [&] { elab::test::elaborateText(text); }));
}

TEST(Nesting, ALongChainOnTheDriversStackElaborates) {
    std::string text = chain(200'000);
    bool ok = false;
    support::LargeStackThread t(support::kDriverStackBytes, [&] {
        auto r = elab::test::elaborateText(text);
        ok = r->design && r->errors.empty();
    });
    t.join();
    EXPECT_TRUE(ok);
}
