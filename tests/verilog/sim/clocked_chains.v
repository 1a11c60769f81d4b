// Clocked blocks: shift chains, an asynchronous reset, a divided clock made by a non-blocking
// assignment, both edges, a task called from a clocked block, and behavioural waiters on the
// same clock.
module clocked_chains;
  reg clk = 0, rst_n = 0;
  reg [7:0] d = 0, q1 = 0, q2 = 0, q3 = 0;
  reg [7:0] acc, sum_t;
  reg clk2 = 0;
  reg [3:0] cnt2 = 0, neg = 0;
  integer cycles = 0;

  task add(input [7:0] x, output [7:0] y);
    begin
      y = x + 8'd3;
    end
  endtask

  always #5 clk = ~clk;

  always @(posedge clk) q1 <= d;
  always @(posedge clk) q2 <= q1;
  always @(posedge clk) begin q3 <= q2; d <= d + 8'd7; end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) acc <= 8'h00;
    else begin
      add(q3, sum_t);
      acc <= acc ^ sum_t;
    end
  always @(posedge clk) clk2 <= ~clk2;
  always @(posedge clk2) cnt2 <= cnt2 + 1'b1;
  always @(negedge clk) neg <= neg + 1'b1;

  initial begin
    #12 rst_n = 1;
    repeat (12) begin
      @(posedge clk);
      cycles = cycles + 1;
      $display("%0t: d=%0d q1=%0d q2=%0d q3=%0d acc=%h cnt2=%0d neg=%0d", $time, d, q1, q2,
               q3, acc, cnt2, neg);
    end
    #1 $display("%0t: after: q3=%0d acc=%h cnt2=%0d neg=%0d", $time, q3, acc, cnt2, neg);
    rst_n = 0;
    #1 $display("%0t: reset: acc=%h", $time, acc);
    $finish;
  end
endmodule
