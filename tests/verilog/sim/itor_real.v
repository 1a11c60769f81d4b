// $itor of a real argument converts it to an integer first (rounded half away from zero; NaN
// and infinities read as 0), in constant and variable contexts.
module top;
  real r, z;
  localparam real C = $itor(-2.5);
  initial begin
    z = 0.0;
    r = 10.5;    $display("%g %g", $itor(r), $itor(10.4));
    r = -1.5;    $display("%g %g", $itor(r), C);
    r = 0.0 / z; $display("%g", $itor(r));
    r = 1.0 / z; $display("%g %g", $itor(r), $itor(7));
  end
endmodule
