module top;
  reg [15:0] x, y;
  reg [3:0] n;
  initial begin
    x = 16'd100;
    y = x * 3 + 7;
    $display("%0d", y);
    y = y - x / 7;
    $display("%0d", y);
    n = 4'b1010;
    $display("%b %b %b", n & 4'b0110, n | 4'b0101, n ^ 4'b1111);
    $display("%b", {n, n[3:2]});
    $display("%0d", x % 7);
    x = x << 2;
    $display("%0d %0d", x, x >> 3);
    x[3:0] = 4'hf;
    $display("%h", x);
  end
endmodule
