// %e, %f and %g of real values, with widths and precisions, and of integers converted to real.
module top;
  real r;
  initial begin
    r = 3.14159265;
    $display("[%f] [%e] [%g]", r, r, r);
    $display("[%10.3f] [%-10.2f] [%.0f] [%0.1f]", r, r, r, r);
    $display("[%12.4e] [%.2e] [%g]", r, r, r * 1e10);
    r = -0.000123;
    $display("[%f] [%e] [%g]", r, r, r);
    r = 1234567.0;
    $display("[%f] [%e] [%g] [%0g]", r, r, r, r);
    $display("[%f] [%e]", 2, 100);
    $display("%0.3f %0.3f", 1.0/3.0, 2.0/3.0);
  end
endmodule
