// Concatenation and replication: nested, with constants, as assignment targets, with zero-width-free replication counts from parameters.
module top;
  parameter N = 3;
  reg [3:0] a;
  reg [1:0] b;
  reg [7:0] hi, lo;
  reg c;
  initial begin
    a = 4'hA; b = 2'b01;
    $display("%b", {a, b, 2'b11});
    $display("%b", {N{b}});
    $display("%b", {2{a, {2{b}}}});
    $display("%h", {4'h1, {N{4'hF}}});
    {hi, lo} = 16'hBEEF;
    $display("%h %h", hi, lo);
    {c, a} = 5'b1_0110;
    $display("%b %b", c, a);
    {a, b} = 8'hFF;
    $display("%b %b", a, b);
    {hi[3:0], lo[7:4]} = 8'h12;
    $display("%h %h", hi, lo);
    $display("%0d", {a, b} + 1);
  end
endmodule
