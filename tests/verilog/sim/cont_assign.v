module top;
  reg [7:0] a, b;
  wire [8:0] sum = a + b;
  wire eq;
  assign eq = (a == b);
  initial begin
    a = 3; b = 4;
    #1 $display("sum=%0d eq=%b", sum, eq);
    b = 3;
    #1 $display("sum=%0d eq=%b", sum, eq);
  end
endmodule
