// The ** operator: integer results follow the rules for zero and negative operands; with a real operand the result is real.
module top;
  integer i, j;
  reg [7:0] u;
  initial begin
    $display("%0d %0d %0d %0d", 3 ** 4, (-3) ** 3, (-1) ** 5, (-1) ** 6);
    $display("%0d %0d %0d", 2 ** 0, 0 ** 0, 5 ** -1);
    $display("%0d %0d", 1 ** -3, (-1) ** -3);
    $display("%b", 0 ** -1);
    u = 3;
    $display("%0d", u ** 6);
    i = 2; j = 31;
    $display("%0d", i ** j);
    $display("%0.3f %0.3f", 2.0 ** -1, 9 ** 0.5);
  end
endmodule
