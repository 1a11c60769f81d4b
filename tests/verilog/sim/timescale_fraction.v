// With a 10ps unit and 1ps precision, fractional delays round to 1ps and %t prints in 1ps units.
`timescale 10ps/1ps
module sub;
  initial #3.3 $display("sub %0d %0.1f %t", $time, $realtime, $realtime);
endmodule
module top;
  sub s();
  initial #7 $display("top %0d %t", $time, $time);
  initial #100 $display("top %0d", $time);
endmodule
