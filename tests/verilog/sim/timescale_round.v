// Delays are rounded to the module's time precision before being scaled to the simulation time unit.
`timescale 1ns/1ns
module r1;
  initial begin
    #0.4 $display("r1 a %0d %0.2f", $time, $realtime);
    #0.5 $display("r1 b %0d %0.2f", $time, $realtime);
    #1.49 $display("r1 c %0d %0.2f", $time, $realtime);
    #2.5 $display("r1 d %0d %0.2f", $time, $realtime);
  end
endmodule
`timescale 1ns/10ps
module r2;
  real d;
  initial begin
    d = 0.123;
    #d $display("r2 a %0d %0.3f", $time, $realtime);
    #(d*10) $display("r2 b %0d %0.3f", $time, $realtime);
    #1.005 $display("r2 c %0d %0.3f", $time, $realtime);
  end
endmodule
`timescale 1ps/1ps
module top;
  r1 a();
  r2 b();
  initial #10000 $display("top %0d", $time);
endmodule
