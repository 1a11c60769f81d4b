// Assigning x/z literals: unsized 'bx/'bz fill the whole target, sized literals extend their top x/z bit, z to reg stays z.
module top;
  reg [11:0] r;
  reg [3:0] n;
  initial begin
    r = 'bx; $display("%b", r);
    r = 'bz; $display("%b", r);
    r = 4'bx1; $display("%b", r);
    r = 4'bz0; $display("%b", r);
    r = 8'b1x; $display("%b", r);
    n = 12'hxz5; $display("%b", n);
    r = 'hz; $display("%h", r);
  end
endmodule
