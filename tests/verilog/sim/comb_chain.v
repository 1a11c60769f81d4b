module top;
  reg [3:0] x;
  wire [3:0] a = x + 1;
  wire [3:0] b = a * 2;
  wire [3:0] c = b ^ a;
  always @(c) $display("t=%0d x=%0d a=%0d b=%0d c=%0d", $time, x, a, b, c);
  initial begin
    x = 0;
    #1 x = 5;
    #1 x = 15;
  end
endmodule
