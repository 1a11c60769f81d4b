// Real to integer conversion rounds to nearest (ties away from zero); $rtoi truncates; $itor, $realtobits, $bitstoreal.
module top;
  real r;
  integer i;
  reg [7:0] v;
  reg [63:0] bits;
  initial begin
    r = 2.5; i = r; $display("%0d", i);
    r = -2.5; i = r; $display("%0d", i);
    r = 3.49; i = r; $display("%0d", i);
    r = -3.51; i = r; $display("%0d", i);
    r = 300.7; v = r; $display("%0d", v);
    $display("%0d %0d", $rtoi(3.9), $rtoi(-3.9));
    r = $itor(7) / 2; $display("%f", r);
    bits = $realtobits(1.0); $display("%h", bits);
    bits = $realtobits(-0.5); $display("%h", bits);
    r = $bitstoreal(64'h4009_21fb_5444_2d18); $display("%f", r);
    v = 8'hff; r = v; $display("%f", r);
    i = -1; r = i; $display("%f", r);
    r = 1e20; i = r; $display("%0d", i);
  end
endmodule
