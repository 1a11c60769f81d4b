module top;
  reg signed [7:0] a, b;
  reg [7:0] u;
  initial begin
    a = -8'sd20; b = 8'sd3;
    $display("%0d %0d %0d", a / b, a % b, a * b);
    $display("%0d", a >>> 2);
    u = a;
    $display("%0d %0d", u, u >> 2);
    $display("%b", a < b);
    $display("%0d", $signed(u) + 1);
  end
endmodule
