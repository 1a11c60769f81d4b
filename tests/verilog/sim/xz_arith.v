// Any x or z bit in an operand of an arithmetic operator makes the whole result x; division by zero gives x.
module top;
  reg [3:0] a, b;
  integer i;
  initial begin
    a = 4'b01x1; b = 4'd3;
    $display("%b %b %b %b %b %b", a + b, a - b, a * b, a / b, a % b, -a);
    a = 4'd6; b = 4'b000z;
    $display("%b %b %b %b %b", a + b, a - b, a * b, a / b, a % b);
    a = 4'd6; b = 0;
    $display("%b %b", a / b, a % b);
    i = 7;
    $display("%0d %0d", i / 0, i % 0);
    $display("%b", 4'd2 ** 4'bx);
    $display("%0d %0d %0d", 2 ** 3, (-2) ** 3, 2 ** -1);
  end
endmodule
