module top;
  reg clk = 0;
  reg [3:0] q = 0;
  reg [3:0] p = 0;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    q <= q + 1;
    p <= q;
  end
  initial begin
    #52;
    $display("q=%0d p=%0d", q, p);
    $finish;
  end
endmodule
