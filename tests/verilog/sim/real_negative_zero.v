// A real variable set from 0.0 to -0.0: the new value is stored, but it is no event (as in
// Icarus), so a continuous assignment reading it is not evaluated again.
module top;
  real zero, mzero;
  wire [63:0] bits = $realtobits(mzero);
  integer changes = 0;
  always @(bits) if ($time > 0) changes = changes + 1;
  initial begin
    zero = 0.0;
    mzero = 0.0;
    #1 mzero = -1.0 * zero;
    #1 $display("+0=%f and -0=%f.", zero, mzero);
    $display("bits=%h changes=%0d", bits, changes);
    mzero = 1.5;
    #1 $display("bits=%h changes=%0d", bits, changes);
    $finish;
  end
endmodule
