// Logical and arithmetic shifts by constant, variable, large and negative-looking amounts; the shift amount is unsigned.
module top;
  reg [7:0] u;
  reg signed [7:0] s;
  integer n;
  initial begin
    u = 8'b1001_0110;
    s = 8'sb1001_0110;
    for (n = 0; n < 9; n = n + 3)
      $display("%0d: %b %b %b %b", n, u << n, u >> n, s <<< n, s >>> n);
    n = 100;
    $display("%b %b %b", u << n, s >>> n, s >> n);
    n = -1;
    $display("%b %b", u >> n, s >>> n);
    $display("%b", 8'b1 << 3'd7);
    $display("%h", 32'h1 << 31);
    $display("%b", (u << 4) >> 4);
    $display("%b", {u << 4} >> 4);
  end
endmodule
