// The right-hand side and index of a non-blocking assignment are evaluated when it executes, not when it updates.
module top;
  reg [7:0] mem [0:3];
  reg [1:0] i;
  reg [7:0] v;
  integer k;
  initial begin
    for (k = 0; k < 4; k = k + 1) mem[k] = 0;
    i = 1; v = 8'h11;
    #1;
    mem[i] <= v;
    i = 2;
    v = 8'h22;
    mem[i] <= v;
    i = 3;
    #1 $display("%h %h %h %h i=%0d", mem[0], mem[1], mem[2], mem[3], i);
  end
endmodule
