// Zero-delay combinational always blocks and assigns re-evaluate until the values settle within one time slot.
module top;
  reg [3:0] a;
  reg [3:0] b, c;
  wire [3:0] d = c + 1;
  always @(a) b = a * 2;
  always @(b or d) c = b + (d > 10 ? 0 : 0);
  initial begin
    #1 a = 1;
    #1 $display("%0t a=%0d b=%0d c=%0d d=%0d", $time, a, b, c, d);
    a = 5;
    #0 #0 $display("%0t a=%0d b=%0d c=%0d d=%0d", $time, a, b, c, d);
    #1 $display("%0t a=%0d b=%0d c=%0d d=%0d", $time, a, b, c, d);
  end
endmodule
