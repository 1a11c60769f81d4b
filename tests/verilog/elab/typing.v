module top;
  wire [3:0] a, b;
  wire signed [3:0] s;
  wire [7:0] y1, y2, y3;
  wire c;
  real r;
  assign y1 = a + b;
  assign y2 = {a, b} >> s;
  assign y3 = s + 4'sd1;
  assign c = s < a;
  initial r = a * 1.5;
endmodule
