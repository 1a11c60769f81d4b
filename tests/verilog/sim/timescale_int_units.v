// Integer delays in modules with different `timescale units are scaled to one simulation time; $time reports each module's units.
`timescale 1us/1ns
module us_mod;
  initial begin
    #2 $display("us_mod: $time=%0d $realtime=%0.3f", $time, $realtime);
    #1 $display("us_mod: $time=%0d", $time);
  end
endmodule
`timescale 1ns/1ns
module top;
  us_mod u();
  initial begin
    #1500 $display("top: $time=%0d", $time);
    #1000 $display("top: $time=%0d", $time);
    #1000 $display("top: $time=%0d $stime=%0d", $time, $stime);
  end
endmodule
