// Tasks with delays and event controls suspend their caller; outputs are copied back when the task returns.
module top;
  reg clk;
  reg [7:0] data;
  initial clk = 0;
  always #5 clk = ~clk;
  task wait_cycles;
    input integer n;
    begin
      repeat (n) @(posedge clk);
    end
  endtask
  task read_later;
    input [7:0] src;
    output [7:0] dst;
    begin
      dst = 8'hxx;
      #3 dst = src + 1;
    end
  endtask
  reg [7:0] res;
  initial begin
    res = 0;
    wait_cycles(3);
    $display("%0t after 3 cycles", $time);
    data = 8'h41;
    read_later(data, res);
    $display("%0t res=%h", $time, res);
    wait_cycles(1);
    $display("%0t", $time);
    $finish;
  end
endmodule
