// Event control with 'or' and ',' lists wakes on any listed change, edge, or named event.
module top;
  reg a, b;
  reg [3:0] v;
  event go;
  initial begin
    #1 a = 1;
    #1 b = 1;
    #1 v = 3;
    #1 -> go;
    #1 b = 0;
    #1 v[3] = 1;
    #1 a = 0;
    #1 $finish;
  end
  always @(posedge a or negedge b, v or go)
    $display("%0t wake a=%b b=%b v=%h", $time, a, b, v);
endmodule
