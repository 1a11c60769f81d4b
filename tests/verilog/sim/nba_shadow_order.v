// Non-blocking updates of one variable or memory word, some kept in shadows (whole variables,
// words at constant indices) and some queued (a bit, a word at a run-time index), apply in the
// order they were made: the last one wins. Also a word some process waits on.
module top;
  reg [7:0] x, y;
  reg [7:0] mem [0:3];
  reg [7:0] seen [0:1];
  reg clk = 0;
  integer i = 1;
  always @(posedge clk) begin
    x[3] <= 1'b1; x <= 8'h00;
    mem[i] <= 8'h77; mem[1] <= 8'h55;
    mem[2] <= 8'h11; mem[i+1] <= 8'h22;
    seen[0] <= 8'h01; seen[0] <= 8'h02;
  end
  always @(posedge clk) y <= x;
  always @(seen[0]) $display("seen0=%h", seen[0]);
  initial begin
    #1 clk = 1;
    #1 $display("x=%h mem1=%h mem2=%h seen0=%h", x, mem[1], mem[2], seen[0]);
    clk = 0;
    #1 clk = 1;
    #1 $display("y=%h", y);
  end
endmodule
