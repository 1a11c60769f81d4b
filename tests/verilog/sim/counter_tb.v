module counter(input clk, input rst, output reg [7:0] count);
  always @(posedge clk)
    if (rst) count <= 0;
    else count <= count + 1'b1;
endmodule
module top;
  reg clk = 0, rst = 1;
  wire [7:0] count;
  counter dut(.clk(clk), .rst(rst), .count(count));
  always #5 clk = ~clk;
  initial begin
    #12 rst = 0;
    repeat (5) @(posedge clk) $display("t=%0d count=%0d", $time, count);
    $finish;
  end
endmodule
