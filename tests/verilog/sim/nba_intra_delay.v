module top;
  reg clk = 0;
  reg [3:0] d, q1, q2;
  reg [99:0] wide;
  real r;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    q1 <= #2 d;
    q2 <= #7 q1;
  end
  initial begin
    $monitor("t=%0d d=%0d q1=%0d q2=%0d wide=%h r=%g", $time, d, q1, q2, wide, r);
    d = 1;
    wide <= #3 100'h1_2345_6789_abcd_ef01_2345_6789;
    r <= #4 2.5;
    #12 d = 2;
    #10 d = 3;
    #20 $finish;
  end
endmodule
