// Splitting a model source into translation units (backends/common/split_source): out-of-line
// definitions have one owner, inline ones go to every part that mentions them.

#include "backends/common/split_source.h"

#include <gtest/gtest.h>

#include <string>

using metalfpga::backends::splitSource;

namespace {

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// A model in the generator's shape: an inline helper of each kind, two out-of-line functions
// that use them, and the entry points.
const std::string kModel = "struct State { int x; };\n"
                           "MF_HD MF_INLINE u32 eval_a(State& s) {\n"
                           "    return s.x;\n"
                           "}\n"
                           "MF_HD MF_INLINE u32 eval_b(State& s) {\n"
                           "    return s.x + 1;\n"
                           "}\n"
                           "MF_HD inline u32 eval_c(State& s) {\n"
                           "    return s.x + 2;\n"
                           "}\n"
                           "MF_HD u32 one(State& s) {\n"
                           "    return eval_a(s) + eval_b(s);\n"
                           "}\n"
                           "MF_HD u32 two(State& s) {\n"
                           "    return eval_a(s) + eval_c(s);\n"
                           "}\n"
                           "MF_HD u32 wrapper(State& s) { return eval_a(s); }\n"
                           "struct M {\n"
                           "    static u32 run(State& s) { return one(s) + two(s) + wrapper(s); }\n"
                           "};\n";

TEST(SplitSource, OutOfLineDefinitionsHaveOneOwner) {
    auto parts = splitSource(kModel, 3);
    ASSERT_EQ(parts.size(), 3u);
    size_t one = 0, two = 0, wrapper = 0;
    for (const auto& p : parts) {
        one += count(p, "MF_HD u32 one(State& s) {");
        two += count(p, "MF_HD u32 two(State& s) {");
        wrapper += count(p, "MF_HD u32 wrapper(State& s) {");
    }
    EXPECT_EQ(one, 1u);
    EXPECT_EQ(two, 1u);
    EXPECT_EQ(wrapper, 1u);
    // The entry points stay in part 0, which sees the others' prototypes.
    EXPECT_EQ(count(parts[0], "struct M {"), 1u);
    EXPECT_EQ(count(parts[1], "struct M {"), 0u);
}

TEST(SplitSource, InlineDefinitionsGoWhereTheyAreUsed) {
    auto parts = splitSource(kModel, 3);
    ASSERT_EQ(parts.size(), 3u);
    for (const auto& p : parts) {
        // Every part that mentions an inline helper defines it (MF_INLINE and inline).
        if (count(p, "eval_a(s)")) {
            EXPECT_EQ(count(p, "MF_HD MF_INLINE u32 eval_a(State& s) {"), 1u);
        }
        if (count(p, "eval_b(s)")) {
            EXPECT_EQ(count(p, "MF_HD MF_INLINE u32 eval_b(State& s) {"), 1u);
        }
        if (count(p, "eval_c(s)")) {
            EXPECT_EQ(count(p, "MF_HD inline u32 eval_c(State& s) {"), 1u);
        }
        EXPECT_EQ(count(p, "u32 eval_a(State& s);"), 0u) << "an inline helper left as a prototype";
    }
}

TEST(SplitSource, OnePartIsTheSource) {
    auto parts = splitSource(kModel, 1);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0], kModel);
}

} // namespace
