// A process can wait on the same named event repeatedly; each -> releases only the waiters present at that moment.
module top;
  event tick;
  integer seen;
  initial begin
    seen = 0;
    repeat (3) begin
      @(tick);
      seen = seen + 1;
      $display("%0t seen=%0d", $time, seen);
    end
  end
  initial begin
    #1 -> tick;
    #1 -> tick;
    #0 -> tick;
    #1 -> tick;
    #1 -> tick;
    #1 $display("final seen=%0d", seen);
  end
endmodule
