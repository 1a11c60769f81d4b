// %t prints times in the simulation precision (no $timeformat), padded to 20 characters unless %0t.
`timescale 1ns/1ps
module top;
  time t;
  realtime rt;
  initial begin
    #2.5;
    t = $time;
    rt = $realtime;
    $display("[%t]", $time);
    $display("[%t]", $realtime);
    $display("[%0t] [%0t]", t, rt);
    $display("[%d] [%0d]", t, t);
    $display("[%f] [%g]", rt, rt);
  end
endmodule
