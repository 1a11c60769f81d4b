// A rising edge at time 0 between the starts of blocks run from their clock: only the block
// already waiting runs (the event scheduler wakes the processes waiting when the edge comes), and
// a second edge in the same slot wakes the blocks armed by then.
module top;
  reg clk = 0, clk2 = 0;
  reg [3:0] a = 0, b = 0, c = 0, d = 0, e = 0;
  always @(posedge clk) a <= a + 1;
  initial clk = 1;
  always @(posedge clk) b <= b + 1;
  always @(posedge clk) c <= c + 1;
  always @(posedge clk2) d <= d + 1;
  initial begin clk2 = 1; clk2 = 0; end
  always @(posedge clk2) e <= e + 1;
  initial begin #1 clk2 = 1; clk2 = 0; clk2 = 1; end
  initial #2 $display("a=%0d b=%0d c=%0d d=%0d e=%0d", a, b, c, d, e);
endmodule
