// force/release of real variables.
module t;
  real r, src;
  initial begin
    r = 1.5; src = 2.25;
    #1 force r = src;
    #1 $display("%0t r=%f", $time, r);
    r = 7.0; src = 3.5;
    #1 $display("%0t r=%f", $time, r);
    release r;
    #1 $display("%0t r=%f", $time, r);
    r = 9.25;
    #1 $display("%0t r=%f", $time, r);
  end
endmodule
