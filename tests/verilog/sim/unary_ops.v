// Unary minus, plus and bitwise not take the context width: ~ and - on an operand narrower than the target extend first.
module top;
  reg [3:0] a;
  reg [7:0] r;
  reg signed [3:0] s;
  initial begin
    a = 4'b0101;
    r = ~a; $display("%b", r);
    r = -a; $display("%b", r);
    r = +a; $display("%b", r);
    s = -2;
    r = -s; $display("%b", r);
    r = ~s; $display("%b", r);
    $display("%b %b", ~a, -a);
    $display("%b", !a);
    r = ~{a}; $display("%b", r);
  end
endmodule
