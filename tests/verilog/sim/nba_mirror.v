// Variables that only non-blocking assignments update commit from their shadows without a
// pending flag (codegen/nba_shadows.cpp, mirrored leaves); updates made on some clocks only,
// declaration initialisers (--2state stores them before time 0) and memory words at constant
// indices must keep their values on the clocks that do not update them.
module top;
  reg clk = 0;
  reg [7:0] q = 8'd5, r = 8'd0, cnt = 8'd0;
  reg [7:0] w;
  reg [3:0] m [0:3];
  wire [7:0] sum = q + r;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    cnt <= cnt + 1;
    if (cnt[0]) q <= q + 3;
    if (cnt[1:0] == 2) r <= sum;
    w <= cnt ^ r;
    m[0] <= cnt[3:0];
    if (cnt[2]) m[1] <= m[0];
  end
  always @(negedge clk)
    if (cnt > 5)
      $display("%0t cnt=%0d q=%0d r=%0d sum=%0d w=%0d m0=%0d m1=%0d", $time, cnt, q, r, sum, w,
               m[0], m[1]);
    else
      $display("%0t cnt=%0d q=%0d r=%0d sum=%0d", $time, cnt, q, r, sum);
  initial #200 $finish;
endmodule
