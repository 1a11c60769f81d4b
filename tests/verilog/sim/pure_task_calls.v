// Tasks without side effects (no timing, no system tasks, no writes outside themselves) keep a
// clocked block runnable from its clock and a combinational block runnable by level
// (plan/walk.cpp, pureRoutine); a task with a system task inside does not.
module top;
  reg clk = 0;
  reg [7:0] a = 0, t, r, c;
  task nothing;
    begin
    end
  endtask
  task bump(input [7:0] x, output [7:0] y);
    reg [7:0] k;
    begin
      k = x * 2;
      y = k + 3;
    end
  endtask
  task noisy(input [7:0] x);
    $display("noisy %0d", x);
  endtask
  always #5 clk = ~clk;
  always @(posedge clk) begin
    nothing;
    bump(a, t);
    r <= t;
  end
  always @* bump(r, c);
  always @(posedge clk) begin
    if (a == 3) noisy(a);
    a <= a + 1;
  end
  always @(negedge clk) $display("%0t a=%0d r=%0d c=%0d", $time, a, r, c);
  initial #100 $finish;
endmodule
