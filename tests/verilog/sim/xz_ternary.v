// ?: with an x/z condition merges both branches bit by bit: equal bits stay, differing bits become x.
module top;
  reg c;
  reg [7:0] a, b;
  real r;
  initial begin
    a = 8'b1100_1010; b = 8'b1010_1010;
    c = 1'bx; $display("%b", c ? a : b);
    c = 1'bz; $display("%b", c ? a : b);
    c = 1; $display("%b", c ? a : b);
    c = 0; $display("%b", c ? a : b);
    $display("%b", (4'b00x0) ? 2'b11 : 2'b00);
    $display("%b", (4'b01x0) ? 2'b11 : 2'b00);
  end
endmodule
