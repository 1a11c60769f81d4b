// #0 moves a process to the inactive region: it runs after all active events of the slot, before NBA updates.
module top;
  reg [7:0] r;
  reg [7:0] n;
  initial begin
    r = 0; n = 0;
    #10;
    n <= 5;
    #0 $display("A %0t r=%0d n=%0d", $time, r, n);
    #0 $display("B %0t r=%0d n=%0d", $time, r, n);
  end
  initial begin
    #10;
    r = 7;
    $display("C %0t r=%0d n=%0d", $time, r, n);
  end
  initial begin
    #11 $display("D %0t r=%0d n=%0d", $time, r, n);
  end
endmodule
