module top;
  reg [3:0] a, b;
  reg [3:0] m;
  always @* begin
    if (a > b) m = a; else m = b;
  end
  initial begin
    a = 3; b = 9;
    #1 $display("max=%0d", m);
    a = 12;
    #1 $display("max=%0d", m);
  end
endmodule
