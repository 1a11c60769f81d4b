// Out-of-range and x-indexed bit and part selects read x for the missing bits; writes to them are ignored.
module top;
  reg [7:0] v;
  integer i;
  reg [3:0] xi;
  initial begin
    v = 8'hA5;
    i = 8;
    $display("%b %b", v[i], v[-1]);
    i = 6;
    $display("%b %b", v[i +: 4], v[i -: 4]);
    i = -2;
    $display("%b", v[i +: 4]);
    xi = 4'bx;
    $display("%b %b", v[xi], v[xi +: 2]);
    i = 9;
    v[i] = 0;
    v[xi] = 0;
    $display("%h", v);
    i = 6;
    v[i +: 4] = 4'b0000;
    $display("%b", v);
  end
endmodule
