// Module path delays (rt/strength.h path_delay, edge_of): which of a path's 1, 2, 3, 6 or 12
// values a transition of its output takes (IEEE 1364-2005 14.3.1).
#include "metalfpga/rt/strength.h"

#include <gtest/gtest.h>

using namespace metalfpga::rt;
using namespace metalfpga::rt::model;

TEST(PathDelay, OneValueServesEveryTransition) {
    const u64 v[1] = {7};
    EXPECT_EQ(path_delay(B0, B1, 1, v), 7u);
    EXPECT_EQ(path_delay(B1, BZ, 1, v), 7u);
    EXPECT_EQ(path_delay(BX, B0, 1, v), 7u);
    EXPECT_EQ(path_delay(B1, B1, 1, v), 0u); // no transition
}

TEST(PathDelay, RiseAndFallCoverTheTransitionsToAndFromZ) {
    const u64 v[2] = {3, 5};
    EXPECT_EQ(path_delay(B0, B1, 2, v), 3u);
    EXPECT_EQ(path_delay(B1, B0, 2, v), 5u);
    EXPECT_EQ(path_delay(B0, BZ, 2, v), 3u);
    EXPECT_EQ(path_delay(BZ, B1, 2, v), 3u);
    EXPECT_EQ(path_delay(B1, BZ, 2, v), 5u);
    EXPECT_EQ(path_delay(BZ, B0, 2, v), 5u);
    EXPECT_EQ(path_delay(B0, BX, 2, v), 3u); // to x: the smaller
    EXPECT_EQ(path_delay(BX, B0, 2, v), 5u); // from x: the larger
}

TEST(PathDelay, ThreeValuesGiveTheTurnOffTransitionsTheThird) {
    const u64 v[3] = {2, 4, 6};
    EXPECT_EQ(path_delay(B0, BZ, 3, v), 6u);
    EXPECT_EQ(path_delay(B1, BZ, 3, v), 6u);
    EXPECT_EQ(path_delay(BZ, B1, 3, v), 2u);
    EXPECT_EQ(path_delay(BZ, B0, 3, v), 4u);
    EXPECT_EQ(path_delay(B1, BX, 3, v), 4u); // min(t10, t1z)
    EXPECT_EQ(path_delay(BX, BZ, 3, v), 6u); // max(t0z, t1z)
    EXPECT_EQ(path_delay(BZ, BX, 3, v), 2u); // min(tz1, tz0)
    EXPECT_EQ(path_delay(BX, B1, 3, v), 2u); // max(t01, tz1)
}

TEST(PathDelay, SixValuesInTheStandardsOrder) {
    const u64 v[6] = {1, 2, 3, 4, 5, 6}; // 01 10 0z z1 1z z0
    EXPECT_EQ(path_delay(B0, B1, 6, v), 1u);
    EXPECT_EQ(path_delay(B1, B0, 6, v), 2u);
    EXPECT_EQ(path_delay(B0, BZ, 6, v), 3u);
    EXPECT_EQ(path_delay(BZ, B1, 6, v), 4u);
    EXPECT_EQ(path_delay(B1, BZ, 6, v), 5u);
    EXPECT_EQ(path_delay(BZ, B0, 6, v), 6u);
    EXPECT_EQ(path_delay(BX, B0, 6, v), 6u); // max(t10, tz0)
}

TEST(PathDelay, TwelveValuesGiveTheXTransitions) {
    const u64 v[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; // ... 0x x1 1x x0 xz zx
    EXPECT_EQ(path_delay(B0, BX, 12, v), 7u);
    EXPECT_EQ(path_delay(BX, B1, 12, v), 8u);
    EXPECT_EQ(path_delay(B1, BX, 12, v), 9u);
    EXPECT_EQ(path_delay(BX, B0, 12, v), 10u);
    EXPECT_EQ(path_delay(BX, BZ, 12, v), 11u);
    EXPECT_EQ(path_delay(BZ, BX, 12, v), 12u);
}

TEST(PathDelay, EdgesFollowClause972) {
    EXPECT_EQ(edge_of(B0, B1), 1);
    EXPECT_EQ(edge_of(B0, BX), 1);
    EXPECT_EQ(edge_of(BZ, B1), 1);
    EXPECT_EQ(edge_of(B1, B0), -1);
    EXPECT_EQ(edge_of(B1, BZ), -1);
    EXPECT_EQ(edge_of(BX, B0), -1);
    EXPECT_EQ(edge_of(BX, BZ), 0);
    EXPECT_EQ(edge_of(B1, B1), 0);
}
