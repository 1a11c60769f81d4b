// The host-side model description of the standalone host (src/runtime/model_info.h): a
// generated model's description survives encoding, and damaged bytes are rejected.

#include "../elab/elab_test_util.h"
#include "codegen/codegen.h"
#include "runtime/host_emit.h"
#include "runtime/model_info.h"

#include <gtest/gtest.h>

namespace metalfpga::runtime {
namespace {

const char* const kDesign = R"(
module top;
  reg [7:0] mem [0:3];
  reg [31:0] v;
  real r;
  integer f;
  function automatic integer fact(input integer n);
    fact = n <= 1 ? 1 : n * fact(n - 1);
  endfunction
  initial begin
    $dumpfile("x.vcd");
    $dumpvars(0, top);
    if ($value$plusargs("v=%d", v)) $display("v=%0d %m", v);
    $readmemh("m.hex", mem);
    r = 1.5;
    $display("%t %f %h %0d", $time, r, mem[0], fact(4));
    #1 $finish;
  end
endmodule
)";

TEST(ModelInfo, RoundTripOfAGeneratedModel) {
    auto e = elab::test::elaborateText(kDesign);
    ASSERT_TRUE(e->design) << e->errors;
    auto model = codegen::generate(*e->design, e->sm, *e->diags);
    ASSERT_TRUE(model);
    std::string bytes = encodeModelInfo(*model);
    contract::Model back;
    std::string error;
    ASSERT_TRUE(decodeModelInfo(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                back, error))
        << error;
    EXPECT_TRUE(back.source.empty());
    EXPECT_EQ(encodeModelInfo(back), bytes);
    ASSERT_EQ(back.sites.size(), model->sites.size());
    ASSERT_FALSE(back.sites.empty());
    for (size_t i = 0; i < back.sites.size(); ++i) {
        const auto &a = back.sites[i], &b = model->sites[i];
        EXPECT_EQ(a.task, b.task);
        EXPECT_EQ(a.where, b.where);
        EXPECT_EQ(a.scope, b.scope);
        EXPECT_EQ(a.args.size(), b.args.size());
        EXPECT_EQ(a.outputOf, b.outputOf);
        EXPECT_EQ(a.memCount, b.memCount);
        EXPECT_EQ(a.memChunk, b.memChunk);
    }
    EXPECT_EQ(back.processWhere, model->processWhere);
    EXPECT_EQ(back.routineWhere, model->routineWhere);
    EXPECT_EQ(back.precision, model->precision);
    EXPECT_EQ(back.replyWords, model->replyWords);
    EXPECT_EQ(back.payloadWords, model->payloadWords);
    EXPECT_EQ(back.dump.vars.size(), model->dump.vars.size());
    EXPECT_FALSE(back.dump.vars.empty());
    EXPECT_EQ(back.dump.calls, model->dump.calls);
}

TEST(ModelInfo, DamagedBytesAreRejected) {
    contract::Model m;
    m.processWhere = {"t.v:3 initial"};
    std::string bytes = encodeModelInfo(m);
    contract::Model back;
    std::string error;
    auto data = [](const std::string& s) {
        return reinterpret_cast<const unsigned char*>(s.data());
    };
    for (size_t cut : {size_t(0), size_t(3), size_t(9), bytes.size() - 1}) {
        std::string part = bytes.substr(0, cut);
        EXPECT_FALSE(decodeModelInfo(data(part), part.size(), back, error)) << cut;
    }
    std::string longer = bytes + "x";
    EXPECT_FALSE(decodeModelInfo(data(longer), longer.size(), back, error));
    std::string other = bytes;
    other[4] = 9; // another format version
    EXPECT_FALSE(decodeModelInfo(data(other), other.size(), back, error));
    EXPECT_NE(error.find("version"), std::string::npos);
    std::string huge = bytes;
    huge[8] = '\xff'; // an element count larger than the data
    EXPECT_FALSE(decodeModelInfo(data(huge), huge.size(), back, error));
}

TEST(ModelInfo, EmittedHostHoldsKeysArchiveAndBuildCommand) {
    contract::Model m;
    HostSource h;
    h.key = "0123abcd";
    h.cudaBaseKey = "4567ef";
    h.archive = "/arch\"ive";
    h.design = "top";
    std::string src = emitHostSource(m, h);
    EXPECT_NE(src.find("#include \"standalone/standalone.h\""), std::string::npos);
    EXPECT_NE(src.find("m.key = \"0123abcd\";"), std::string::npos);
    EXPECT_NE(src.find("m.cudaBaseKey = \"4567ef\";"), std::string::npos);
    EXPECT_NE(src.find("m.archive = \"/arch\\\"ive\";"), std::string::npos);
    EXPECT_NE(src.find("-lmetalfpga_host -ldl -pthread"), std::string::npos);
    EXPECT_NE(src.find("const unsigned char kModelInfo[] = {"), std::string::npos);
    EXPECT_NE(src.find("cuda-K-ARCH.mfpa"), std::string::npos);
}

TEST(ModelInfo, EmittedHostWithoutCudaSaysSo) {
    HostSource h;
    h.key = "0123abcd";
    std::string src = emitHostSource(contract::Model{}, h);
    EXPECT_NE(src.find("m.cudaBaseKey = \"\";"), std::string::npos);
    EXPECT_NE(src.find("no CUDA entry"), std::string::npos);
}

} // namespace
} // namespace metalfpga::runtime
