// Event controls on real variables: any numeric change wakes, and -0.0 after 0.0 does not (as
// in Icarus); a list with an integer; a wait in another process.
module top;
  real r, q, got;
  integer i, wakes = 0, listed = 0;
  always @(r) begin wakes = wakes + 1; $display("%0t r=%f", $time, r); end
  always @(r or i) if ($time > 0) listed = listed + 1;
  initial begin
    i = 0;
    r = 0.0;
    #1 r = 1.25;
    #1 r = 1.25;
    #1 r = 0.0;
    #1 r = -1.0 * r;
    #1 r = -2.5e3;
    #1 i = 3;
  end
  initial begin
    @(q) got = q * 2.0;
    #20 $display("wakes=%0d listed=%0d got=%f r=%f", wakes, listed, got, r);
    $finish;
  end
  initial #10 q = 8.0;
endmodule
