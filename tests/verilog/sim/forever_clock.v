// A forever loop with delays is a clock generator; $finish stops it.
module top;
  reg clk;
  integer edges;
  initial begin
    #1 clk = 0;
    forever #3 clk = ~clk;
  end
  initial edges = 0;
  always @(clk) edges = edges + 1;
  initial begin
    #20 $display("%0t edges=%0d clk=%b", $time, edges, clk);
    #1 $finish;
  end
endmodule
