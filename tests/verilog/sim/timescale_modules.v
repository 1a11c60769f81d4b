// Each module's delays and $time/$realtime/$stime are in its own `timescale units, rounded to its precision.
`timescale 1ns/100ps
module fast;
  initial begin
    #1.55 $display("fast: time=%0d realtime=%0.3f stime=%0d", $time, $realtime, $stime);
    #2.44 $display("fast: time=%0d realtime=%0.3f", $time, $realtime);
  end
endmodule
`timescale 10ns/1ns
module slow;
  initial begin
    #1.55 $display("slow: time=%0d realtime=%0.3f stime=%0d", $time, $realtime, $stime);
    #0.26 $display("slow: time=%0d realtime=%0.3f", $time, $realtime);
  end
endmodule
`timescale 1us/1us
module coarse;
  initial begin
    #1.5 $display("coarse: time=%0d realtime=%0.3f", $time, $realtime);
    #0.4 $display("coarse: time=%0d realtime=%0.3f", $time, $realtime);
  end
endmodule
`timescale 1ns/1ps
module top;
  fast f();
  slow s();
  coarse c();
  initial #5000 $display("top: time=%0d realtime=%0.3f", $time, $realtime);
endmodule
