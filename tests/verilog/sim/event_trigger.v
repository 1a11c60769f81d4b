// Named events: -> wakes every process already waiting; a trigger with no waiter is lost.
module top;
  event e1, e2;
  integer n, m;
  initial begin n = 0; m = 0; end
  always @(e1) begin n = n + 1; $display("%0t w1 n=%0d", $time, n); end
  always @(e1) m = m + 10;
  initial begin
    #1 -> e1;
    #1 -> e2;
    #1 -> e1;
    #5 $display("%0t n=%0d m=%0d", $time, n, m);
  end
  initial begin
    @(e2) $display("%0t e2 seen", $time);
    @(e2) $display("never");
  end
endmodule
