// Reduction operators on vectors with x/z: a dominating 0 (for &) or 1 (for |) decides, else x.
module top;
  reg [3:0] v;
  initial begin
    v = 4'b1111; $display("%b %b %b %b %b %b", &v, ~&v, |v, ~|v, ^v, ~^v);
    v = 4'b1x11; $display("%b %b %b %b %b %b", &v, ~&v, |v, ~|v, ^v, ~^v);
    v = 4'b0x00; $display("%b %b %b %b %b %b", &v, ~&v, |v, ~|v, ^v, ~^v);
    v = 4'bz0z1; $display("%b %b %b %b %b %b", &v, ~&v, |v, ~|v, ^v, ~^v);
    v = 4'b0110; $display("%b %b %b %b %b %b", &v, ~&v, |v, ~|v, ^v, ~^v);
    v = 4'bzzzz; $display("%b %b %b", &v, |v, ^v);
  end
endmodule
