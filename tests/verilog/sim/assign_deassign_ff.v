// Procedural assign/deassign models an asynchronous clear that overrides the clocked behaviour.
module dff(input clk, input clr, input d, output reg q);
  always @(clr)
    if (clr) assign q = 0;
    else deassign q;
  always @(posedge clk) q <= d;
endmodule
module top;
  reg clk = 0, clr = 0, d = 0;
  wire q;
  dff u(clk, clr, d, q);
  always #5 clk = ~clk;
  initial begin
    #1;
    @(negedge clk) d = 1;
    @(negedge clk) $display("%0t q=%b", $time, q);
    clr = 1;
    #1 $display("%0t clr q=%b", $time, q);
    @(negedge clk) $display("%0t held q=%b", $time, q);
    clr = 0;
    #1 $display("%0t deassigned q=%b", $time, q);
    @(negedge clk) $display("%0t q=%b", $time, q);
    d = 0;
    @(negedge clk) $display("%0t q=%b", $time, q);
    $finish;
  end
endmodule
