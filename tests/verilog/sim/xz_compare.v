// Relational and ==/!= give x when an x/z bit could change the result; === and !== compare x and z exactly.
module top;
  reg [3:0] a, b;
  initial begin
    a = 4'b01x1; b = 4'b0101;
    $display("%b %b %b %b %b %b", a == b, a != b, a < b, a >= b, a === b, a !== b);
    b = 4'b1101;
    $display("%b %b", a == b, a != b);
    b = 4'b01x1;
    $display("%b %b %b", a == b, a === b, a !== b);
    b = 4'b01z1;
    $display("%b %b", a === b, a == b);
    $display("%b %b %b", 4'bz === 4'bz, 4'bx === 4'bz, 4'bx == 4'bx);
  end
endmodule
