// A task called from a clocked always block, with a blocking delay inside, delays that block's later statements.
module top;
  reg clk;
  integer cycles;
  reg [7:0] acc;
  task accumulate;
    input [7:0] v;
    begin
      acc = acc + v;
      #2 $display("%0t acc=%0d", $time, acc);
    end
  endtask
  initial begin acc = 0; cycles = 0; clk = 0; end
  always #5 clk = ~clk;
  always @(posedge clk) begin
    cycles = cycles + 1;
    accumulate(cycles);
    if (cycles == 4) $finish;
  end
endmodule
