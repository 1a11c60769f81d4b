// Testbench drives inputs on the falling edge and samples outputs there: no race with the rising-edge logic.
module counter(input clk, input rst, input en, output reg [3:0] q);
  always @(posedge clk)
    if (rst) q <= 0;
    else if (en) q <= q + 1;
endmodule
module top;
  reg clk = 0, rst = 1, en = 0;
  wire [3:0] q;
  counter c(clk, rst, en, q);
  always #10 clk = !clk;
  integer i;
  initial begin
    #1;
    for (i = 0; i < 10; i = i + 1) begin
      @(negedge clk);
      $display("%0t rst=%b en=%b q=%0d", $time, rst, en, q);
      rst = (i < 2);
      en = (i % 3 != 0);
    end
    $finish;
  end
endmodule
