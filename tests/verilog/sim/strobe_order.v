// Several $strobe calls of one process print in execution order, after the slot's last NBA update.
module top;
  reg [3:0] a;
  initial begin
    a = 0;
    #1;
    $strobe("s1 a=%0d", a);
    a <= 5;
    $strobe("s2 a=%0d", a);
    a = 2;
    $display("d a=%0d", a);
    #1 $strobe("s3 a=%0d", a);
    #0 a = 9;
  end
endmodule
