// Wait groups and disable: a process disabled while it waits on an event leaves the group's
// list; a block that waits on the same event later joins it again, and the processes woken by
// one edge still resume last waiter first (as Icarus wakes them).
module t;
  reg clk = 0;
  integer n = 0;
  always #5 clk = ~clk;
  always @(posedge clk) n = n + 1;
  initial begin : a
    forever begin : w
      @(posedge clk) $display("%0t a n=%0d", $time, n);
    end
  end
  initial begin
    #12 disable a.w;
    #10 disable a;
    #10 begin : again
      repeat (3) @(posedge clk) $display("%0t again n=%0d", $time, n);
    end
    @(negedge clk) @(posedge clk) $display("%0t last n=%0d", $time, n);
    $finish;
  end
endmodule
