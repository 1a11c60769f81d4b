// $display evaluates full expressions as arguments, with their self-determined widths for default formatting.
module top;
  reg [3:0] a, b;
  reg signed [3:0] s;
  initial begin
    a = 9; b = 8; s = -3;
    $display("%0d %0d %0d", a + b, {a + b}, (a + b) >> 1);
    $display("%d|%d|%d", a, a + b, a * b);
    $display("%h %o %b", a * b, a * b, a & b);
    $display("%d %0d %b", s, s, s);
    $display("%d", s * 2);
    $display("%0d %0d", a > b, a - b - 2);
    $display(a, " ", b);
    $display("%0d %s", 10, "end");
  end
endmodule
