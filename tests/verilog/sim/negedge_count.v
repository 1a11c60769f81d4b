module top;
  reg clk = 1;
  integer neg = 0, pos = 0;
  always #3 clk = !clk;
  always @(negedge clk) neg = neg + 1;
  always @(posedge clk) pos = pos + 1;
  initial #40 begin
    $display("neg=%0d pos=%0d", neg, pos);
    $finish;
  end
endmodule
