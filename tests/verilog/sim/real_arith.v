// Real arithmetic, comparison, mixed integer/real operands (the integer converts to real), and ** on reals.
module top;
  real a, b, c;
  integer i;
  initial begin
    a = 1.5; b = -2.25;
    $display("%f %f %f %f", a + b, a - b, a * b, a / b);
    $display("%b %b %b %b", a > b, a == 1.5, a != b, b <= -2.25);
    i = 3;
    c = a * i;
    $display("%f %f", c, i / 2);
    c = i / 2.0;
    $display("%f", c);
    $display("%f %f", 2.0 ** 10, 2 ** 0.5);
    $display("%f", -a);
    c = 1e-3;
    $display("%e %f", c, c * 1000);
    $display("%b %b", !0.0, !a);
    $display("%b %b", a && 0.0, a || 0.0);
    c = 0.1 + 0.2;
    $display("%0.17f %b", c, c == 0.3);
  end
endmodule
