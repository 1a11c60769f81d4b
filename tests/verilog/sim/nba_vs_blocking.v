// Blocking assignments take effect at once; non-blocking ones only after the active and inactive regions drain.
module top;
  reg [7:0] a, b, c;
  initial begin
    a = 1; b = 2; c = 3;
    #1;
    a <= b;
    b = 10;
    c <= a;
    $display("active: a=%0d b=%0d c=%0d", a, b, c);
    #0 $display("inactive: a=%0d b=%0d c=%0d", a, b, c);
    #1 $display("next: a=%0d b=%0d c=%0d", a, b, c);
  end
endmodule
