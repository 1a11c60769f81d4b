module shreg(input clk, input d, output reg [7:0] q);
  always @(posedge clk) q <= {q[6:0], d};
endmodule
module top;
  reg clk = 0, d = 0;
  wire [7:0] q;
  reg [7:0] pattern = 8'b10110010;
  integer k;
  shreg s(.clk(clk), .d(d), .q(q));
  initial begin
    for (k = 7; k >= 0; k = k - 1) begin
      d = pattern[k];
      #1 clk = 1;
      #1 clk = 0;
    end
    $display("q=%b", q);
    if (q == pattern) $display("PASSED");
  end
endmodule
