// Mixing a signed and an unsigned operand makes the expression unsigned (clause 5.5); $signed/$unsigned change it.
module top;
  reg signed [7:0] s;
  reg [7:0] u;
  reg signed [15:0] r;
  integer i;
  initial begin
    s = -8'sd3; u = 8'd2;
    r = s + u;
    $display("%0d", r);
    r = s + $signed(u);
    $display("%0d", r);
    $display("%b %b", s < u, s < $signed(u));
    $display("%b", s < 0);
    $display("%b", s < 8'd0);
    i = s;
    $display("%0d", i);
    i = $unsigned(s);
    $display("%0d", i);
    r = s * 2;
    $display("%0d", r);
    r = s * 2'd2;
    $display("%0d", r);
    $display("%0d", -4'sd3 / 2);
    $display("%0d", 8'sd100 + 8'sd100);
    r = 8'sd100 + 8'sd100;
    $display("%0d", r);
    $display("%0d", -8'd1);
  end
endmodule
