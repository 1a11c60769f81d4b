// A negative real delay is the two's complement of its magnitude in a 64-bit time (1364-2005
// 9.7.1): the process waits until the far future, after everything else.
`timescale 1ns/1ns
module delay_negative_real;
  real d;
  initial begin
    d = -2.4;
    #d $display("waited until %0t", $time);
  end
  initial #5 $display("at %0t", $time);
endmodule
