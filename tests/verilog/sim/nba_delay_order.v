module top;
  reg [3:0] a;
  always @(a) $display("a changed to %0d at %0d", a, $time);
  initial begin
    a <= 1;
    a <= 2;
    #1 a = 3;
    a <= 4;
    #0 $display("after #0 a=%0d", a);
    #1 $display("end a=%0d", a);
  end
endmodule
