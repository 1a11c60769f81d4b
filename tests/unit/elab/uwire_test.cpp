// A uwire net has at most one driver per bit (1364-2005 clause 4.6.5).

#include "elab_test_util.h"

#include <gtest/gtest.h>

namespace metalfpga::elab::test {
namespace {

TEST(ElabUwire, TwoDriversRejected) {
    for (const char* text : {
             "module top; uwire w; assign w = 1; assign w = 0; endmodule",
             "module top; uwire w = 1; buf b(w, 1'b0); endmodule",
             "module top; uwire [3:0] w; assign w[2:1] = 0; assign w[1] = 1; endmodule",
             "module s(output o); assign o = 1; endmodule\n"
             "module top; uwire w; s u(w); assign w = 0; endmodule",
         }) {
        auto r = elaborateText(text);
        EXPECT_FALSE(r->design) << text;
        EXPECT_NE(r->errors.find("has more than one driver"), std::string::npos) << r->errors;
    }
}

TEST(ElabUwire, OneDriverPerBitAccepted) {
    for (const char* text : {
             "module top; uwire w; assign w = 1; endmodule",
             "module top; uwire [3:0] w; assign w[3:2] = 0; assign w[1:0] = 1; endmodule",
             "module top; wire w; assign w = 1; assign w = 0; endmodule",
             "module s(input i); endmodule\n"
             "module top; uwire w = 1; s u1(w); s u2(w); endmodule",
         }) {
        auto r = elaborateText(text);
        EXPECT_TRUE(r->design) << text << "\n" << r->errors;
    }
}

} // namespace
} // namespace metalfpga::elab::test
