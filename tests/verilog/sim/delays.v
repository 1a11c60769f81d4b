module top;
  initial begin
    $display("t=%0t", $time);
    #5 $display("t=%0t", $time);
    #10;
    $display("t=%0d", $time);
    #0 $display("zero delay t=%0d", $time);
  end
  initial #7 $display("other at %0d", $time);
endmodule
