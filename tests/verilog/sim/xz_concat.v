// Concatenation and replication keep x/z bits in place; equality of concatenations follows the same 4-state rules.
module top;
  reg [3:0] a;
  reg [1:0] b;
  initial begin
    a = 4'b1z0x; b = 2'bx1;
    $display("%b %b %b", {a, b}, {2{b}}, {b, {3{1'bz}}, a[0]});
    $display("%b %b", {a, b} == {4'b1z0x, 2'bx1}, {a, b} === {4'b1z0x, 2'bx1});
    $display("%h", {4{a}});
  end
endmodule
