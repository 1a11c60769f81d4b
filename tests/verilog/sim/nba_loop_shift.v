// Non-blocking assignments inside a loop implement a shift register over a memory: all reads see pre-clock values.
module top;
  reg clk;
  reg [7:0] sr [0:4];
  reg [7:0] din;
  integer i;
  always @(posedge clk) begin
    sr[0] <= din;
    for (i = 1; i < 5; i = i + 1) sr[i] <= sr[i-1];
  end
  initial begin
    for (i = 0; i < 5; i = i + 1) sr[i] = 0;
    clk = 0; din = 8'h10;
    repeat (6) begin
      #5 clk = 1;
      #5 clk = 0;
      $display("%h %h %h %h %h", sr[0], sr[1], sr[2], sr[3], sr[4]);
      din = din + 8'h11;
    end
  end
endmodule
