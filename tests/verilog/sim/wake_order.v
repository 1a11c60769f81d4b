// Processes woken by one event run the last waiter first, as Icarus wakes them; a process in
// an instance whose input port is the testbench's clock waits on the same event.
module dut(input clk); integer r = 0; always @(posedge clk) r = r + 1; endmodule
module t;
  reg clk = 0;
  integer a = 0, s = 0, b = 0;
  always #5 clk = ~clk;
  always @(posedge clk) a = a + 1;
  always @(posedge clk or negedge clk) b = b + 1;
  initial begin
    repeat (6) @(posedge clk) $display("%0t a=%0d r=%0d s=%0d b=%0d", $time, a, d.r, s, b);
    repeat (4) @(negedge clk or posedge clk) $display("%0t a=%0d b=%0d", $time, a, b);
    $finish;
  end
  dut d(clk);
  always @(posedge clk) s = s + 1;
endmodule
