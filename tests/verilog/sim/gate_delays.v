// Gate primitives with delays: the output changes after the gate delay; pulses shorter than it are filtered (inertial).
module top;
  reg a, b;
  wire y_and, y_or, y_not, y_buf;
  and #3 g1(y_and, a, b);
  or #2 g2(y_or, a, b);
  not #1 g3(y_not, a);
  buf #5 g4(y_buf, a);
  initial begin
    $monitor("%0t a=%b b=%b and=%b or=%b not=%b buf=%b", $time, a, b, y_and, y_or, y_not, y_buf);
    a = 0; b = 0;
    #10 a = 1;
    #10 b = 1;
    #10 a = 0;
    #1 a = 1;
    #10 b = 0; a = 0;
    #10 $finish;
  end
endmodule
