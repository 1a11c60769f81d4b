// A new $monitor replaces the previous one; it prints at once when called, then on every change of its arguments.
module top;
  reg [3:0] a, b;
  initial begin
    a = 0; b = 0;
    $monitor("m1 %0t a=%0d", $time, a);
    #1 a = 1;
    #1 b = 1;
    #1 $monitor("m2 %0t b=%0d", $time, b);
    #1 a = 2;
    #1 b = 2;
    #1 $finish;
  end
endmodule
