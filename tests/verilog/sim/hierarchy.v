module adder(input [3:0] x, input [3:0] y, output [4:0] s);
  assign s = x + y;
endmodule
module top;
  reg [3:0] a, b;
  wire [4:0] s;
  adder u (.x(a), .y(b), .s(s));
  initial begin
    a = 9; b = 8;
    #1 $display("%0d + %0d = %0d", a, b, s);
    a = 15; b = 15;
    #1 $display("%0d + %0d = %0d", a, b, s);
  end
endmodule
