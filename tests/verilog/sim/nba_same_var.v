// Several non-blocking assignments to one variable in one time slot: the last one scheduled wins (11.4.2).
module top;
  reg [7:0] a;
  reg [3:0] b;
  initial begin
    a = 0; b = 0;
    #1;
    a <= 1;
    a <= 2;
    a <= 3;
    b[0] <= 1;
    b[0] <= 0;
    b[1] <= 1;
    #1 $display("a=%0d b=%b", a, b);
    a <= a + 1;
    a <= a + 2;
    #0 $display("after #0 a=%0d", a);
    #1 $display("a=%0d", a);
  end
endmodule
