// Arrays of gate instances connect vector bits elementwise; a scalar terminal is shared by all elements.
module top;
  reg [3:0] a, b;
  reg en;
  wire [3:0] y, z;
  and g[3:0] (y, a, b);
  and h[0:3] (z, a, en);
  initial begin
    a = 4'b1100; b = 4'b1010; en = 1;
    #1 $display("%b %b", y, z);
    en = 0; b = 4'b1111;
    #1 $display("%b %b", y, z);
  end
endmodule
