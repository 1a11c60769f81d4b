// Signed comparisons sign-extend both operands to the larger width; one unsigned operand makes the comparison unsigned.
module top;
  reg signed [3:0] a;
  reg signed [7:0] b;
  reg [7:0] u;
  initial begin
    a = -1; b = -1; u = 8'hFF;
    $display("%b %b %b", a == b, a < 8'sd0, a > b);
    $display("%b %b", a == u, b == u);
    a = -8; b = 7;
    $display("%b %b %b", a < b, a <= -4'sd8, $unsigned(a) < b);
    $display("%b", -4'sd1 < 4'd0);
    $display("%b", -1 < 0);
    $display("%b", -1 < 32'd0);
  end
endmodule
