// A while loop with a delay in its body polls a condition set by another process; the loop exits in the slot the condition holds.
module top;
  reg done;
  integer polls;
  initial begin
    done = 0; polls = 0;
    while (!done) begin
      #2 polls = polls + 1;
    end
    $display("%0t polls=%0d", $time, polls);
  end
  initial #7 done = 1;
endmodule
