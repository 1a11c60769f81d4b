// A shift by an amount with x/z bits gives all x; shifted-in bits are 0 (or the sign for >>> of signed values).
module top;
  reg [7:0] a;
  reg [2:0] n;
  reg signed [7:0] s;
  initial begin
    a = 8'b1x0z_0110;
    $display("%b %b %b %b", a << 2, a >> 3, a <<< 1, a >>> 1);
    n = 3'b0x1;
    $display("%b %b", a << n, 8'd1 >> n);
    s = 8'sb1x00_0000;
    $display("%b %b", s >>> 2, s >> 2);
    s = -8'sd64;
    $display("%b %0d %0d", s >>> 3, s >>> 3, s >>> 10);
  end
endmodule
