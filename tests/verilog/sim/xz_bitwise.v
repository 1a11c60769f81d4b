// Bitwise &, |, ^, ~^, ~ follow the 4-state truth tables bit by bit (z acts as x).
module top;
  reg [3:0] a, b;
  initial begin
    a = 4'b01xz;
    b = 4'b0000; $display("%b %b %b %b %b", a & b, a | b, a ^ b, a ~^ b, ~a);
    b = 4'b1111; $display("%b %b %b %b %b", a & b, a | b, a ^ b, a ^~ b, ~b);
    b = 4'bxxxx; $display("%b %b %b %b", a & b, a | b, a ^ b, a ~^ b);
    b = 4'bzzzz; $display("%b %b %b %b", a & b, a | b, a ^ b, a ~^ b);
  end
endmodule
