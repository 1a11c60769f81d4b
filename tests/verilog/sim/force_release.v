// force/release of a variable and of a net (whole signals); a force follows its right-hand side.
module t;
  reg [3:0] r, b, src;
  wire [3:0] w;
  assign w = src;
  initial begin
    src = 1; b = 5; r = 0;
    #1 $display("%0t r=%0d w=%0d", $time, r, w);
    force r = b; force w = b;
    $display("%0t forced now r=%0d w=%0d", $time, r, w);
    #1 $display("%0t r=%0d w=%0d", $time, r, w);
    b = 9; r = 3; src = 2;
    $display("%0t after b=9 r=%0d w=%0d", $time, r, w);
    #1 $display("%0t r=%0d w=%0d", $time, r, w);
    release r; release w;
    $display("%0t released now r=%0d w=%0d", $time, r, w);
    #1 $display("%0t r=%0d w=%0d", $time, r, w);
    r = 4;
    #1 src = 7;
    #1 $display("%0t r=%0d w=%0d", $time, r, w);
    force w = 4'hz;
    #1 $display("%0t w=%b", $time, w);
    release w;
    #1 $display("%0t w=%b", $time, w);
  end
  initial #1 forever @(r or w) $display("%0t change r=%0d w=%0d", $time, r, w);
endmodule
