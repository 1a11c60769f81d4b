// A three-stage pipeline of non-blocking registers is race-free: each stage takes the previous stage's old value.
module top;
  reg clk;
  reg [7:0] d, s1, s2, s3;
  initial clk = 0;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    s1 <= d;
    s2 <= s1;
    s3 <= s2;
  end
  initial begin
    d = 1; s1 = 0; s2 = 0; s3 = 0;
    #1;
    repeat (6) begin
      @(negedge clk);
      $display("%0t d=%0d s1=%0d s2=%0d s3=%0d", $time, d, s1, s2, s3);
      d = d + 1;
    end
    $finish;
  end
endmodule
