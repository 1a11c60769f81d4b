// Two always blocks on one clock exchanging values through NBAs swap correctly (no race); blocking reads would race.
module top;
  reg clk;
  reg [3:0] x, y, z;
  always @(posedge clk) x <= y;
  always @(posedge clk) y <= x;
  always @(posedge clk) z <= x + y;
  initial begin
    clk = 0; x = 1; y = 2; z = 0;
    repeat (4) begin
      #5 clk = 1;
      #5 clk = 0;
      $display("x=%0d y=%0d z=%0d", x, y, z);
    end
  end
endmodule
