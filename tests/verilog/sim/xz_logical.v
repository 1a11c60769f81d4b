// Logical operators (&&, ||, !) with x/z: a known-false or known-true operand can decide the result.
module top;
  reg [3:0] a, b, z;
  initial begin
    a = 4'b00x0; b = 4'b0000; z = 4'bzzzz;
    $display("%b %b %b %b", a && 1'b1, a && b, a || b, a || 1'b1);
    $display("%b %b %b", !a, !b, !z);
    a = 4'b01x0;
    $display("%b %b %b", a && 1'b1, !a, a || b);
    $display("%b %b", 1'bx && 1'b0, 1'bx || 1'b1);
  end
endmodule
