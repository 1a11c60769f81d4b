// Arrays of module instances split vector connections across elements; each element has its own name and state.
module dcell(input clk, input d, output reg q);
  initial q = 0;
  always @(posedge clk) q <= d;
endmodule
module top;
  reg clk;
  reg [3:0] d;
  wire [3:0] q;
  dcell c[3:0] (.clk(clk), .d(d), .q(q));
  initial begin
    clk = 0;
    #1 d = 4'b1010;
    #1 clk = 1;
    #1 $display("%b %b", q, c[1].q);
    d = 4'b0110;
    clk = 0;
    #1 clk = 1;
    #1 $display("%b %b %b", q, c[0].q, c[3].q);
  end
endmodule
