`timescale 1ns/1ps
module top;
  initial begin
    #1.5 $display("%t", $time);
    $display("%0t %0d", $realtime, $time);
    #2 $display("%t", $time);
  end
endmodule
