module top;
  reg [3:0] a, b;
  reg [4:0] s;
  always @(a or b) s = a + b;
  initial begin
    a = 1; b = 2;
    #1 $display("s=%0d", s);
    a = 7;
    #1 $display("s=%0d", s);
  end
endmodule
