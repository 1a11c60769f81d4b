// Continuous assignment delays are inertial: pulses shorter than the delay are filtered out.
module top;
  reg a;
  wire #4 y = a;
  wire [1:0] z2;
  assign #2 z2 = {a, ~a};
  initial begin
    $monitor("%0t a=%b y=%b z2=%b", $time, a, y, z2);
    a = 0;
    #10 a = 1;
    #2 a = 0;
    #10 a = 1;
    #6 a = 0;
    #4 a = 1;
    #10 $finish;
  end
endmodule
