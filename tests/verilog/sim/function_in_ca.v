// A function called in a continuous assignment is re-evaluated whenever one of its arguments changes.
module top;
  function [3:0] popcount;
    input [7:0] v;
    integer i;
    begin
      popcount = 0;
      for (i = 0; i < 8; i = i + 1) popcount = popcount + v[i];
    end
  endfunction
  reg [7:0] x;
  wire [3:0] pc = popcount(x);
  initial begin
    x = 0;
    #1 $display("%h %0d", x, pc);
    x = 8'hFF;
    #1 $display("%h %0d", x, pc);
    x = 8'hA5;
    #1 $display("%h %0d", x, pc);
    x[0] = 1'bx;
    #1 $display("%h %b", x, pc);
  end
endmodule
