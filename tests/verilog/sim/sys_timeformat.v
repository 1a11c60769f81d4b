// $timeformat and %t (IEEE 1364-2005 17.3.2), $printtimescale (17.3.1).
`timescale 1us/10ns
module slow;
  initial begin
    #2;
    $printtimescale;
    $display("slow [%t] [%t]", $time, $realtime);
  end
endmodule

`timescale 1ns/1ps
module top;
  reg [8*30:1] s;
  slow u_slow();
  initial begin
    $printtimescale;
    $printtimescale(u_slow);
    $printtimescale(top.u_slow);
    #1.5;
    $display("[%t] [%t]", $time, $realtime);
    $timeformat(-9, 3, " ns", 12);
    $display("[%t] [%t] [%0t] [%15t]", $time, $realtime, $realtime, $realtime);
    $sformat(s, "at %t", $realtime);
    $display("[%0s]", s);
    #2000;
    $timeformat(-6, 2, "us", 0);
    $display("[%t] [%t]", $time, $realtime);
    $timeformat(-12, 0, "", 8);
    $display("[%t]", $realtime);
    $timeformat;
    $display("[%t]", $realtime);
  end
endmodule
