// $bits of variables and expressions at run time, and the real math functions of 17.11.2 on
// values only known at run time.
module bits_real_math;
  reg [12:3] v;
  integer i;
  time t;
  real x, y;
  wire [31:0] w = $bits(v) + $bits(i);
  initial begin
    v = 0;
    x = 2.25;
    y = -1.5;
    #1;
    $display("bits: %0d %0d %0d %0d %0d", $bits(v), $bits(i), $bits(t), $bits({v, 3'b1}), w);
    $display("sqrt %f ln %f log10 %f exp %f", $sqrt(x), $ln(x), $log10(x * 40.0), $exp(y));
    $display("floor %f ceil %f pow %f", $floor(y), $ceil(y), $pow(x, 1.5));
    $display("sin %f cos %f tan %f", $sin(x), $cos(x), $tan(y));
    $display("asin %f acos %f atan %f atan2 %f", $asin(0.5), $acos(y / 3.0), $atan(x), $atan2(y, x));
    $display("hypot %f sinh %f cosh %f tanh %f", $hypot(x, y), $sinh(y), $cosh(y), $tanh(x));
    $display("asinh %f acosh %f atanh %f", $asinh(x), $acosh(x), $atanh(y / 2.0));
    if ($sqrt(x) > 1.4 && $floor(x) == 2.0) $display("compare ok");
  end
endmodule
