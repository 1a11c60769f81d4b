// integer is a signed 32-bit variable, time an unsigned 64-bit one; arithmetic wraps at their widths.
module top;
  integer i;
  time t;
  reg [31:0] u;
  initial begin
    i = 32'h7fffffff;
    i = i + 1;
    $display("%0d", i);
    i = -10;
    $display("%0d %h %0d", i, i, i >>> 1);
    u = i;
    $display("%0d", u);
    t = 0;
    t = t - 1;
    $display("%0d", t);
    t = 64'd1 << 40;
    $display("%0d %h", t, t);
    #7 t = $time;
    $display("%0d", t * 3);
    i = 'bx;
    $display("%0d %b", i, i[3:0]);
    $display("%0d", i === 32'bx);
  end
endmodule
