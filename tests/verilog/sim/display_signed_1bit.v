// %d of a 1-bit signed value pads to width 1 (Icarus), not 2 as the -1 it may hold would need;
// wider signed values pad to the digits of their most negative value plus the sign.
// Found by the differential fuzzer (tests/fuzz).
module top;
  reg signed a1;
  reg signed [1:0] a2;
  reg signed [7:0] a8;
  initial begin
    a1 = 0; a2 = 0; a8 = 0;
    $display("[%d][%d][%d]", a1, a2, a8);
    a1 = -1; a2 = -1; a8 = -1;
    $display("[%d][%d][%d]", a1, a2, a8);
    a1 = 1'bx; a2 = 2'bx; a8 = 8'bx;
    $display("[%d][%d][%d]", a1, a2, a8);
    $display("[%d][%d]", $signed(1'b0), $signed(1'b1));
  end
endmodule
