// The real math functions of 1364-2005 clause 17.11 and real `**`, at run time and in constant
// expressions (the elaborator), bit for bit: one shared, correctly rounded implementation
// (include/metalfpga/rt/realmath.h) serves both, and the GPU. The arguments are ones where
// glibc (Icarus, which made this golden) is correctly rounded too.
module top;
  real x, y, r;
  reg [63:0] b;

  localparam real P_POW = 0.25 ** 2.0;
  localparam real P_POW2 = $pow(1.5, 3.0);
  localparam real P_LN = $ln(10.0);
  localparam real P_EXP = $exp(0.5);
  localparam real P_SIN = $sin(3.0);
  localparam real P_ATAN2 = $atan2(0.75, -2.0);

  function integer scaled_square;
    input real v;
    scaled_square = $rtoi((v ** 2.0) * 1000000.0);
  endfunction

  task show;
    input [8*6:1] name;
    input real v;
    $display("%0s %h", name, $realtobits(v));
  endtask

  initial begin
    $display("scaled_square %0d", scaled_square(0.25));
    x = 0.25; y = 2.0;
    show("pow", x ** y);
    show("pow_c", P_POW);
    x = 1.5; y = 3.0;
    show("pow2", $pow(x, y));
    show("pow2_c", P_POW2);
    x = 10.0;
    show("ln", $ln(x));
    show("ln_c", P_LN);
    show("log10", $log10(x * 3.0));
    x = 0.5;
    show("exp", $exp(x));
    show("exp_c", P_EXP);
    x = 3.0;
    show("sin", $sin(x));
    show("sin_c", P_SIN);
    show("cos", $cos(x));
    show("tan", $tan(x));
    x = 0.75;
    show("asin", $asin(x));
    show("acos", $acos(x));
    show("atan", $atan(x * 4.0));
    show("atan2", $atan2(x, -2.0));
    show("atan2c", P_ATAN2);
    show("hypot", $hypot(x, 2.0));
    x = 0.5;
    show("sinh", $sinh(x));
    show("cosh", $cosh(x * 4.0));
    show("tanh", $tanh(x));
    show("asinh", $asinh(x));
    show("acosh", $acosh(x * 20.0));
    show("atanh", $atanh(x - 0.25));
    show("sqrt", $sqrt(x * 4.0));
    show("floor", $floor(-x * 5.0));
    show("ceil", $ceil(-x * 5.0));
    show("ln_neg", $ln(-1.0) != $ln(-1.0));
  end
endmodule
