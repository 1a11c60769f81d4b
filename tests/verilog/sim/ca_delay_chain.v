// Delays of chained continuous assignments add up; vector continuous assignments update as a whole after the delay.
module top;
  reg [3:0] a;
  wire [3:0] b, c, d;
  assign #2 b = a + 1;
  assign #3 c = b * 2;
  assign d = c;
  initial begin
    $monitor("%0t a=%0d b=%0d c=%0d d=%0d", $time, a, b, c, d);
    a = 1;
    #10 a = 3;
    #10 $finish;
  end
endmodule
