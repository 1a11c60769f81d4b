// Integer division truncates toward zero; the remainder takes the sign of the first operand; unsigned operands divide unsigned.
module top;
  integer a, b;
  reg [7:0] u, v;
  reg signed [7:0] s, t;
  initial begin
    a = 7; b = 2; $display("%0d %0d", a / b, a % b);
    a = -7; $display("%0d %0d", a / b, a % b);
    b = -2; $display("%0d %0d", a / b, a % b);
    a = 7; $display("%0d %0d", a / b, a % b);
    u = 200; v = 7; $display("%0d %0d", u / v, u % v);
    s = -100; t = 7; $display("%0d %0d", s / t, s % t);
    $display("%0d", s / v);
    s = -128; t = -1; $display("%0d", s / t);
  end
endmodule
