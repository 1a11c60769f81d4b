// Disabling the named block of an always process ends that pass; the always restarts and waits again.
module top;
  reg clk;
  integer passes, finished;
  initial begin passes = 0; finished = 0; clk = 0; end
  always begin : body
    @(posedge clk);
    passes = passes + 1;
    if (passes % 2 == 0) disable body;
    #1 finished = finished + 1;
  end
  initial begin
    repeat (5) begin #5 clk = 1; #5 clk = 0; end
    $display("passes=%0d finished=%0d", passes, finished);
  end
endmodule
