module top;
  reg a, b;
  wire #3 d = a;
  wire y;
  and #2 g(y, a, b);
  reg [7:0] r;
  initial begin
    $monitor("t=%0d a=%b b=%b d=%b y=%b r=%0d", $time, a, b, d, y, r);
    a = 0; b = 1;
    #5 a = 1;
    #1 a = 0;
    #1 a = 1;
    #10 r = #4 8'd7;
    #1 b = 0;
    #10 $finish;
  end
endmodule
