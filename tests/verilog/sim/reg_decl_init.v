// Variable declaration assignments give initial values; net declaration assignments are continuous.
module top;
  reg [7:0] r = 8'h5A;
  integer i = -3;
  real x = 2.5;
  reg [3:0] m;
  wire [7:0] w = r ^ 8'hFF;
  initial begin
    #1 $display("%h %0d %0.1f %h", r, i, x, w);
    r = 0;
    #1 $display("%h", w);
  end
endmodule
