module top;
  real r;
  integer i;
  initial begin
    r = 1.5;
    r = r * 2.25;
    $display("%f %e %g", r, r, r);
    i = r;
    $display("%0d", i);
    $display(r);
    $display("%0.2f", 10.0 / 4);
  end
endmodule
