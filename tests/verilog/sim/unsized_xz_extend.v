// 1364-2005: an unsized number whose top digit is x or z extends with x or z to the width of
// its expression; a top digit of 0 or 1 zero-extends.
module top;
  reg [63:0] a, b, c;
  reg [39:0] d;
  initial begin
    a = 'hx;
    b = 'bz;
    c = 'h1x;
    d = 'o7z;
    $display("%h %h %h %h", a, b, c, d);
    $display("%b %b", a === 'hx, a === 64'hx);
    $display("%b", 64'h0 + 'hx);
  end
endmodule
