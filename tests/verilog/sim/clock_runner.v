// Clocked blocks run from their clock's runner (--sched static) against the event scheduler:
// a pipeline of plain flops, flops armed by a clock edge at time 0, a glitch (two rising
// edges in one time slot), a reset edge in the same group, and testbench processes that wait
// on the same edge and only read.
`timescale 1ns/1ns
module flop(input clk, input rst_n, input [7:0] d, output reg [7:0] q);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 8'h00;
    else q <= d + 8'h01;
endmodule

module top;
  reg clk = 1, rst_n = 1, g = 0;
  reg [7:0] src = 8'h10;
  wire [7:0] q0, q1, q2;
  reg [7:0] a, b, glitchy;
  flop f0(.clk(clk), .rst_n(rst_n), .d(src), .q(q0));
  flop f1(.clk(clk), .rst_n(rst_n), .d(q0), .q(q1));
  flop f2(.clk(clk), .rst_n(rst_n), .d(q1), .q(q2));
  // Armed at time 0 after clk starts at 1: no edge until the first rise.
  always @(posedge clk) a <= q2 ^ src;
  always @(negedge clk) b <= a + q0;
  // Two rising edges of g in one slot: the block runs twice, as a process would.
  always @(posedge g) glitchy <= (glitchy === 8'hxx) ? 8'h01 : glitchy + 8'h01;
  always #5 clk = ~clk;
  always @(posedge clk) $display("%0t pos q=%h %h %h a=%h b=%h", $time, q0, q1, q2, a, b);
  always @(negedge clk) $strobe("%0t neg q=%h %h %h a=%h b=%h", $time, q0, q1, q2, a, b);
  initial begin
    #12 src = 8'h20;
    #10 rst_n = 0;
    #3 rst_n = 1;
    #1 g = 1; g = 0; g = 1;
    #1 g = 0;
    #1 $display("%0t glitchy=%h", $time, glitchy);
    #40 $finish;
  end
endmodule
